import ArgumentParser
import FollowUp
import Foundation
import JobtrackKit

extension Jobtrack {
    struct Interview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "interview",
            abstract: "Log an interview; follow-up starts afresh from the latest one.",
            discussion: """
                Times are read on your clock (the `timezone` setting, else the system's); end one \
                with `their` to read it on the interviewer's clock (--tz), or with a zone name. \
                Logging an interview moves an application from applied to interviewing.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The application's id.", transform: ArgumentValue.id)
        var id: Int64

        @Option(parsing: .unconditional, help: ArgumentHelp("When the interview was (or will be) held.", valueName: "datetime"),
                transform: DateTimeInput.parse)
        var at: DateTimeInput

        @Option(name: .customLong("with"), help: ArgumentHelp("The interviewer's name.", valueName: "name"),
                transform: ArgumentValue.nonEmpty)
        var interviewer: String?

        @Option(help: ArgumentHelp("The number the interviewer gave: the only one to call.", valueName: "number"),
                transform: ArgumentValue.phone)
        var phone: String?

        @Option(help: ArgumentHelp("The interviewer's IANA time zone, e.g. Europe/London.", valueName: "zone"),
                transform: ArgumentValue.zone)
        var tz: TimeZone?

        @Option(help: ArgumentHelp(
            "The country whose public holidays apply (ISO 3166, e.g. GB; default: the zone's).", valueName: "code"))
        var country: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("The date by which they said they would decide.", valueName: "date"),
                transform: DateInput.parse)
        var decisionBy: DateInput?

        @Flag(help: "The interviewer said calls outside business hours are fine.")
        var afterHoursOk = false

        @Option(help: ArgumentHelp(
            "When the interviewer is busy, on their clock: daily, or on named days (Mon 09:00-10:00, Mon-Fri 09:00-09:30, Tue,Thu 14:00-15:00); repeat for several.",
            valueName: "[days] HH:MM-HH:MM"), transform: ArgumentValue.busy)
        var busy: [BusyWindow] = []

        @Option(help: "Anything to remember.")
        var note: String?

        func run() throws {
            let tracker = try global.tracker()
            let (entry, interview, warnings) = try tracker.logInterview(id, NewInterview(
                at: at, interviewer: interviewer, phone: phone, timeZone: tz, country: country, decisionBy: decisionBy,
                afterHoursOK: afterHoursOk, busy: busy, notes: note))
            StandardStreams.warn(warnings)
            let who = interviewer.map { " with \($0)" } ?? ""
            let output = Output(tracker, json: global.json)
            let when = output.text.moment(interview.heldAt, their: tracker.zone(named: interview.tz))
            try output.report(entry, "Logged the interview\(who) on \(when) for #\(id).")
        }
    }
}
