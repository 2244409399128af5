import ArgumentParser
import Foundation
import JobtrackKit

extension Jobtrack {
    struct StatsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Your search in numbers: the pipeline, interviews, offers, calls and companies.",
            discussion: """
                Applications by status, how many got an interview held and the rate, offers \
                (offer and accepted), the median days from applying to the first interview, \
                calls by outcome, and each company's applications, interviews, calls and last \
                activity, newest first. With --since, only the applications applied on or after \
                the date count, with their interviews and calls.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Count only applications applied on or after this date.", valueName: "date"),
            transform: DateInput.parse)
        var since: DateInput?

        func run() throws {
            let tracker = try global.tracker()
            let stats = try tracker.stats(since: since)
            let output = Output(tracker, json: global.json)
            if global.json {
                try output.json(StatsJSON(stats))
            } else {
                print(output.text.stats(stats))
            }
        }
    }

    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write one HTML page: today's calls, the agenda, and the search charted.",
            discussion: """
                The page stands alone: charts are inline SVG, it runs no script and fetches \
                nothing, and all your text is escaped. Open it in a browser or print it. It is \
                replaced atomically and readable only by you (mode 0600).
                """)

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp("Write to this file (default: jobtrack-report.html here).", valueName: "file"),
            transform: ArgumentValue.nonEmpty)
        var output: String?

        func run() throws {
            let file = output ?? "jobtrack-report.html"
            try OutputFile.refuseToReplaceDatabase(at: file)
            let tracker = try global.tracker()
            let written = try tracker.writeReport(to: file)
            if global.json {
                try Output(tracker, json: true).json(written)
            } else {
                print("Wrote the report to \(file).")
            }
        }
    }
}
