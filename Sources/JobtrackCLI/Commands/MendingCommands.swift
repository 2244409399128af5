import ArgumentParser
import FollowUp
import Foundation
import JobStore
import JobtrackKit

// Mending what was logged (docs/commands.md §3, "Everyday use"): edit or delete one
// interview or call by the id `show` prints.

extension Jobtrack {
    struct EditInterview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit-interview",
            abstract: "Mend a logged interview: change only the options given.",
            discussion: """
                The id is the interview's, as `jobtrack show` prints it. An empty value clears an \
                optional field (--with "", --phone "", --country "", --decision-by "", --busy "", \
                --note ""); --no-after-hours-ok clears the flag. The checks of `interview` apply, \
                and its calls must still come after it; a new --phone moves its calls to that number.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The interview's id (see `jobtrack show`).", transform: MendingValue.interviewID)
        var interviewID: Int64

        @Option(parsing: .unconditional, help: ArgumentHelp("When the interview was held.", valueName: "datetime"),
                transform: DateTimeInput.parse)
        var at: DateTimeInput?

        @Option(name: .customLong("with"), help: ArgumentHelp("The interviewer's name.", valueName: "name"))
        var interviewer: String?

        @Option(help: ArgumentHelp("The number the interviewer gave.", valueName: "number"), transform: MendingValue.phone)
        var phone: String?

        @Option(help: ArgumentHelp("The interviewer's IANA time zone.", valueName: "zone"), transform: ArgumentValue.zone)
        var tz: TimeZone?

        @Option(help: ArgumentHelp("The country whose public holidays apply (ISO 3166).", valueName: "code"))
        var country: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("The date by which they said they would decide.", valueName: "date"),
                transform: MendingValue.date)
        var decisionBy: FieldChange<DateInput>?

        @Flag(inversion: .prefixedNo, help: "Whether the interviewer said calls outside business hours are fine.")
        var afterHoursOk: Bool?

        @Option(help: ArgumentHelp("A window when the interviewer is busy, in their zone; repeat for several, \"\" for none.",
                                   valueName: "HH:MM-HH:MM"), transform: MendingValue.window)
        var busy: [BusyWindow?] = []

        @Option(help: "Anything to remember.")
        var note: String?

        func run() throws {
            let edit = InterviewEdit(
                at: at, interviewer: interviewer, phone: phone, timeZone: tz, country: country,
                decisionBy: decisionBy ?? .keep, afterHoursOK: afterHoursOk,
                busy: busy.isEmpty ? nil : busy.compactMap { $0 }, notes: note)
            // Refused before a database is opened, so that a bare `edit-interview` creates none.
            guard !edit.isEmpty else { throw Refusal.nothingToMend(record: "interview \(interviewID)", options: InterviewEdit.options) }
            let tracker = try global.tracker()
            try report(try tracker.editInterview(interviewID, edit), tracker, global)
        }
    }

    struct EditCall: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit-call",
            abstract: "Mend a logged call: change only the options given.",
            discussion: """
                The id is the call's, as `jobtrack show` prints it. An empty value clears an \
                optional field (--callback-at "", --decision-by "", --note ""). The rules of the \
                call log apply as when logging it.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The call's id (see `jobtrack show`).", transform: MendingValue.callID)
        var callID: Int64

        @Option(parsing: .unconditional, help: ArgumentHelp("When you called.", valueName: "datetime"),
                transform: DateTimeInput.parse)
        var at: DateTimeInput?

        @Option(help: "reached, voicemail, no-answer or bad-time.")
        var outcome: CallAttempt.Outcome?

        @Option(parsing: .unconditional, help: ArgumentHelp("When they asked to be called back.", valueName: "datetime"),
                transform: MendingValue.dateTime)
        var callbackAt: FieldChange<DateTimeInput>?

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "On a reached call, the date they said they would decide by.", valueName: "date"), transform: MendingValue.date)
        var decisionBy: FieldChange<DateInput>?

        @Option(help: ArgumentHelp("The number you dialled (must be the one on record).", valueName: "number"),
                transform: ArgumentValue.phone)
        var number: String?

        @Option(help: "What was said.")
        var note: String?

        func run() throws {
            let edit = CallEdit(
                at: at, outcome: outcome, callbackAt: callbackAt ?? .keep, decisionBy: decisionBy ?? .keep, number: number,
                notes: note)
            guard !edit.isEmpty else { throw Refusal.nothingToMend(record: "call \(callID)", options: CallEdit.options) }
            let tracker = try global.tracker()
            try report(try tracker.editCall(callID, edit), tracker, global)
        }
    }

    struct DeleteInterview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete-interview",
            abstract: "Delete a logged interview with its calls.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The interview's id (see `jobtrack show`).", transform: MendingValue.interviewID)
        var interviewID: Int64

        @Flag(help: "Confirm the deletion.")
        var yes = false

        func run() throws {
            let tracker = try global.tracker()
            try report(try tracker.deleteInterview(interviewID, confirmed: yes), tracker, global)
        }
    }

    struct DeleteCall: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete-call",
            abstract: "Delete a logged call.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The call's id (see `jobtrack show`).", transform: MendingValue.callID)
        var callID: Int64

        @Flag(help: "Confirm the deletion.")
        var yes = false

        func run() throws {
            let tracker = try global.tracker()
            try report(try tracker.deleteCall(callID, confirmed: yes), tracker, global)
        }
    }
}

/// How the mending commands read what is typed: an empty value clears a field.
enum MendingValue {
    static func interviewID(_ text: String) throws -> Int64 { try id(text, "an interview") }

    static func callID(_ text: String) throws -> Int64 { try id(text, "a call") }

    private static func id(_ text: String, _ what: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else {
            throw ValidationError("expected \(what) id, a positive whole number (see `jobtrack show`)")
        }
        return id
    }

    /// A phone number, or "" to clear it.
    static func phone(_ text: String) throws -> String {
        text.isEmpty ? "" : try ArgumentValue.phone(text)
    }

    static func date(_ text: String) throws -> FieldChange<DateInput> {
        text.isEmpty ? .clear : .set(try DateInput.parse(text))
    }

    static func dateTime(_ text: String) throws -> FieldChange<DateTimeInput> {
        text.isEmpty ? .clear : .set(try DateTimeInput.parse(text))
    }

    /// A busy window, or nil for "" (no windows).
    static func window(_ text: String) throws -> BusyWindow? {
        text.isEmpty ? nil : try ArgumentValue.busy(text)
    }
}

extension StandardStreams {
    /// The etiquette's warnings about a change that stands: one line each on stderr.
    static func warn(_ warnings: [String]) {
        for warning in warnings { warn("warning: \(warning)") }
    }
}

/// What the mending commands print: the warnings, then "Done: <what the log says>."
private func report(_ mended: Mended, _ tracker: Tracker, _ global: GlobalOptions) throws {
    StandardStreams.warn(mended.warnings)
    let summary = mended.summary.prefix(1).uppercased() + mended.summary.dropFirst()
    try Output(tracker, json: global.json).report(mended.entry, summary + ".")
}
