import ArgumentParser
import FollowUp
import Foundation
import JobtrackKit

/// The options of an interview, shared by `interview` and `edit-interview`. For an
/// edit, an empty value clears an optional field and `--no-after-hours-ok` the flag.
struct InterviewOptions: ParsableArguments {
    @Option(
        parsing: .unconditional, help: ArgumentHelp("When the interview was (or will be) held.", valueName: "datetime"),
        transform: DateTimeInput.parse)
    var at: DateTimeInput?

    @Option(name: .customLong("with"), help: ArgumentHelp("The interviewer's name.", valueName: "name"))
    var interviewer: String?

    @Option(
        help: ArgumentHelp("The number the interviewer gave: the only one to call.", valueName: "number"),
        transform: MendingValue.phone)
    var phone: String?

    @Option(
        help: ArgumentHelp("The interviewer's IANA time zone, e.g. Europe/London.", valueName: "zone"),
        transform: ArgumentValue.zone)
    var tz: TimeZone?

    @Option(
        help: ArgumentHelp(
            "The country whose public holidays apply (ISO 3166, e.g. GB; default: the zone's, or its region's: "
                + "Europe/London is England's).", valueName: "code"))
    var country: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The date by which they said they would decide.", valueName: "date"),
        transform: MendingValue.date)
    var decisionBy: FieldChange<DateInput>?

    @Flag(inversion: .prefixedNo, help: "The interviewer said calls outside business hours are fine.")
    var afterHoursOk: Bool?

    @Option(
        help: ArgumentHelp(
            "When they are busy, on their clock: daily or on named days (Mon 09:00-10:00, Mon-Fri 09:00-09:30, Tue,Thu 14:00-15:00); repeat for several.",
            valueName: "[days] HH:MM-HH:MM"), transform: MendingValue.window)
    var busy: [BusyWindow?] = []

    @Option(help: "Anything to remember.")
    var note: String?

    /// The fields given, as an edit.
    var edit: InterviewEdit {
        InterviewEdit(
            at: at, interviewer: interviewer, phone: phone, timeZone: tz, country: country,
            decisionBy: decisionBy ?? .keep, afterHoursOK: afterHoursOk,
            busy: busy.isEmpty ? nil : busy.compactMap { $0 }, notes: note)
    }
}

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

        @OptionGroup var fields: InterviewOptions

        func validate() throws {
            if fields.at == nil { throw ValidationError("Missing expected argument '--at <datetime>'") }
            if let name = fields.interviewer, name.isBlank {
                throw ValidationError("--with is empty: give the interviewer's name, or leave --with out")
            }
        }

        func run() throws {
            let tracker = try global.tracker()
            let (entry, interview, warnings) = try tracker.logInterview(id, NewInterview(fields.edit))
            StandardStreams.warn(warnings)
            let who = interview.interviewer.map { " with \($0)" } ?? ""
            let output = Output(tracker, json: global.json)
            let when = output.text.moment(interview.heldAt, their: tracker.zone(named: interview.tz))
            try output.report(entry, "Logged the interview\(who) on \(when) for #\(id).")
        }
    }
}
