import ArgumentParser
import Foundation
import JobtrackKit

extension ExportFormat: ExpressibleByArgument {}
extension ImportFormat: ExpressibleByArgument {}

extension Jobtrack {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every record out: JSON (everything), CSV (applications) or iCalendar (the next calls).",
            discussion: """
                json is the whole database, settings included, and reads back with `jobtrack import`. \
                csv has one application a row, for a spreadsheet. ics has one event per application \
                with a next call, 15 minutes long with a reminder 15 minutes before: point a calendar \
                at the file and re-export to update it. Without --format, the --output file's \
                extension decides, else json. Without --output, the document goes to stdout.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "json, csv or ics (default: from the --output extension, else json).")
        var format: ExportFormat?

        @Option(help: ArgumentHelp("Write to this file, replacing it atomically (default: stdout).", valueName: "file"))
        var output: String?

        func run() throws {
            let format = format ?? output.flatMap(ExportFormat.init(fileName:)) ?? .json
            let file = output == "-" ? nil : output
            if global.json && format != .json && file == nil { throw ExchangeError.jsonNeedsFile(format.rawValue) }
            if let file { try OutputFile.refuseToReplaceDatabase(at: file) }
            let tracker = try global.tracker()
            let document = try tracker.export(format)
            guard let file else {
                try StandardStreams.write(document.data, to: .standardOutput)
                return
            }
            try OutputFile.write(document.data, to: file)
            if global.json {
                try Output(tracker, json: true).json(
                    ExportReport(format: format, output: file, records: document.records))
            } else {
                let records = document.records
                let what =
                    switch format {
                    case .json, .csv: records == 1 ? "1 application" : "\(records) applications"
                    case .ics: records == 1 ? "1 call" : "\(records) calls"
                    }
                print("Exported \(what) to \(file).")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Read records from a JSON export or a CSV of applications, all or nothing.",
            discussion: """
                Into a database with no applications, a JSON export is restored: its ids and its \
                settings are kept. Otherwise records are added with new ids, the settings already \
                set are kept, and an application identical to one already there (company, role, \
                applied_on, interview times) is skipped and counted. Every record is checked as the commands check it; the first bad one is named \
                (applications[3].interviews[0].phone, or line 4, column role) and nothing is \
                imported. Without --format, a .csv file is read as CSV, anything else as JSON.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The file to read.", valueName: "file"))
        var file: String

        @Option(help: "json or csv (default: csv for a .csv file, else json).")
        var format: ImportFormat?

        func run() throws {
            let data = try ImportFormat.contents(of: file)
            let tracker = try global.tracker()
            let format = format ?? ImportFormat(fileName: file)
            let progress = ImportProgress()
            defer { progress.finish() }
            let result = try tracker.importRecords(data, file: file, format: format, progress: progress.show)
            progress.finish()
            StandardStreams.warn(result.warnings)
            if global.json {
                try Output(tracker, json: true).json(result)
                return
            }
            let count = result.applicationIDs.count
            var line = "Imported \(count == 1 ? "1 application" : "\(count) applications")"
            if format == .json {
                line +=
                    " (\(result.interviews) interview\(result.interviews == 1 ? "" : "s"), \(result.calls) call\(result.calls == 1 ? "" : "s"))"
            }
            line += " from \(file)"
            if !result.applicationIDs.isEmpty { line += " as " + Self.spell(result.applicationIDs) }
            if result.skipped > 0 { line += "; skipped \(result.skipped) already here" }
            if result.fileHadSettings {
                line += result.settingsRestored ? "; settings restored" : "; the settings already set were kept"
            }
            print(line + ".")
        }

        /// "#2", "#2–#5", "#2, #4–#5": the ids in runs, which a restore keeps with their
        /// gaps; past three runs, the first and last and that some between are not new.
        static func spell(_ ids: [Int64]) -> String {
            var runs: [ClosedRange<Int64>] = []
            for id in ids {
                if let last = runs.last, last.upperBound + 1 == id {
                    runs[runs.count - 1] = last.lowerBound...id
                } else {
                    runs.append(id...id)
                }
            }
            if runs.count > 3, let first = ids.min(), let last = ids.max() { return "#\(first)–#\(last), with gaps" }
            return runs.map { $0.count == 1 ? "#\($0.lowerBound)" : "#\($0.lowerBound)–#\($0.upperBound)" }
                .joined(separator: ", ")
        }
    }

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the database, online, to a new file.",
            discussion: """
                The copy is one consistent snapshot, taken while other runs go on writing, and \
                opens as a jobtrack database (use it with --db). An existing file is never \
                overwritten.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The new file.", valueName: "file"))
        var file: String

        func run() throws {
            let tracker = try global.tracker()
            try tracker.backup(to: file)
            if global.json {
                try Output(tracker, json: true).json(BackupReport(backup: file, database: tracker.databasePath))
            } else {
                print("Backed up \(tracker.databasePath) to \(file).")
            }
        }
    }
}
