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
                Times without an offset are read in the interviewer's zone (--tz, default your \
                `timezone` setting). Logging an interview moves an application from applied to \
                interviewing.
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

        @Option(parsing: .unconditional, help: ArgumentHelp("The date by which they said they would decide.", valueName: "date"),
                transform: DateInput.parse)
        var decisionBy: DateInput?

        @Flag(help: "The interviewer said calls outside business hours are fine.")
        var afterHoursOk = false

        @Option(help: ArgumentHelp("A daily window when the interviewer is busy, in their zone; repeat for several.",
                                   valueName: "HH:MM-HH:MM"), transform: ArgumentValue.window)
        var busy: [DailyWindow] = []

        @Option(help: "Anything to remember.")
        var note: String?

        func run() throws {
            let tracker = try global.tracker()
            let (entry, interview) = try tracker.logInterview(id, NewInterview(
                at: at, interviewer: interviewer, phone: phone, timeZone: tz, decisionBy: decisionBy,
                afterHoursOK: afterHoursOk, busy: busy, notes: note))
            let who = interviewer.map { " with \($0)" } ?? ""
            let day = CalendarDate.containing(interview.heldAt, in: tracker.zone(named: interview.tz)).shortText
            try Output(tracker, json: global.json).report(entry, "Logged the interview\(who) on \(day) for #\(id).")
        }
    }
}
