import ArgumentParser
import Foundation
import JobStore
import JobtrackKit

/// The options of a call, shared by `call` and `edit-call`. For an edit, an empty
/// value clears an optional field.
struct CallOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("When you called (default: now; edit-call keeps the time logged).", valueName: "datetime"),
        transform: DateTimeInput.parse)
    var at: DateTimeInput?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("When they asked to be called back.", valueName: "datetime"),
        transform: MendingValue.dateTime)
    var callbackAt: FieldChange<DateTimeInput>?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "On a reached call, the date they said they would decide by: a new round of follow-up.", valueName: "date"),
        transform: MendingValue.date)
    var decisionBy: FieldChange<DateInput>?

    @Option(
        help: ArgumentHelp("The number you dialled (must be the one on record).", valueName: "number"),
        transform: ArgumentValue.phone)
    var number: String?

    @Option(help: "What was said.")
    var note: String?

    /// The fields given, as an edit.
    func edit(outcome: CallAttempt.Outcome?) -> CallEdit {
        CallEdit(
            at: at, outcome: outcome, callbackAt: callbackAt ?? .keep, decisionBy: decisionBy ?? .keep,
            number: number, notes: note)
    }
}

extension Jobtrack {
    struct Thanks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "thanks",
            abstract: "Record that you sent the interviewer a thank-you note.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The application's id.", transform: ArgumentValue.id)
        var id: Int64

        @Option(
            parsing: .unconditional, help: ArgumentHelp("When you sent it (default: now).", valueName: "datetime"),
            transform: DateTimeInput.parse)
        var at: DateTimeInput?

        func run() throws {
            let tracker = try global.tracker()
            let (entry, thankedAt, warnings) = try tracker.thanks(id, at: at)
            StandardStreams.warn(warnings)
            let output = Output(tracker, json: global.json)
            let zone = entry.interview.map { tracker.zone(named: $0.tz) } ?? tracker.userZone
            try output.report(
                entry, "Recorded a thank-you note for #\(id) on \(output.text.moment(thankedAt, their: zone)).")
        }
    }

    struct Call: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "call",
            abstract: "Log a follow-up call to the interviewer of an application's latest interview.",
            discussion: """
                Only the number the interviewer gave may be dialled. bad-time needs --callback-at \
                (ask when is better); reached may carry one, or --decision-by (the date they named); \
                voicemail and no-answer never do. wrote records an email or letter and dials nothing. \
                Times are on your clock unless they end with `their`.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The application's id.", transform: ArgumentValue.id)
        var id: Int64

        @Option(
            help: "reached, voicemail, no-answer, bad-time, or wrote (a follow-up in writing, when there is no number)."
        )
        var outcome: CallAttempt.Outcome

        @OptionGroup var fields: CallOptions

        func run() throws {
            try log(NewCall(fields.edit(outcome: outcome)), on: id, global: global)
        }
    }

    struct Voicemail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "voicemail",
            abstract: "Log a voicemail left for the interviewer (call --outcome voicemail).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The application's id.", transform: ArgumentValue.id)
        var id: Int64

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "When you called (default: now; edit-call keeps the time logged).", valueName: "datetime"),
            transform: DateTimeInput.parse)
        var at: DateTimeInput?

        @Option(help: "What you said.")
        var note: String?

        func run() throws {
            try log(NewCall(outcome: .voicemail, at: at, notes: note), on: id, global: global, command: "voicemail")
        }
    }
}

/// What `call` and `voicemail` share: log the call, warn, report.
private func log(_ call: NewCall, on id: Int64, global: GlobalOptions, command: String = "call") throws {
    try call.check()
    let tracker = try global.tracker()
    let logged = try tracker.logCall(id, call, command: command)
    logged.warnings.forEach { StandardStreams.warn("warning: \($0)") }
    let output = Output(tracker, json: global.json)
    let when = output.text.moment(logged.call.at, their: tracker.zone(named: logged.interview.tz))
    let what = call.outcome == .wrote ? "a written follow-up" : "a call"
    try output.report(logged.entry, "Logged \(what) to #\(id) on \(when): \(call.outcome.rawValue).")
}
