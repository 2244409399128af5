import ArgumentParser
import FollowUp
import Foundation
import JobStore
import JobtrackKit

// Mending what was logged (docs/commands.md §3.4 and §3.5): edit or delete one
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

        @OptionGroup var fields: InterviewOptions

        func run() throws {
            let edit = fields.edit
            // Refused before a database is opened, so that a bare `edit-interview` creates none.
            guard !edit.isEmpty else {
                throw Refusal.nothingToMend(record: "interview \(interviewID)", options: InterviewEdit.options)
            }
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

        @Option(help: "reached, voicemail, no-answer, bad-time or wrote.")
        var outcome: CallAttempt.Outcome?

        @OptionGroup var fields: CallOptions

        func run() throws {
            let edit = fields.edit(outcome: outcome)
            guard !edit.isEmpty else {
                throw Refusal.nothingToMend(record: "call \(callID)", options: CallEdit.options)
            }
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
