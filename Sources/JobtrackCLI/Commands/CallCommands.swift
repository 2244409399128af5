import ArgumentParser
import Foundation
import JobStore
import JobtrackKit

extension Jobtrack {
    struct Call: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "call",
            abstract: "Log a follow-up call to the interviewer of an application's latest interview.",
            discussion: """
                Only the number the interviewer gave may be dialled. bad-time needs --callback-at \
                (ask when is better); reached may carry one; voicemail and no-answer never do.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The application's id.", transform: ArgumentValue.id)
        var id: Int64

        @Option(help: "reached, voicemail, no-answer or bad-time.")
        var outcome: CallAttempt.Outcome

        @Option(parsing: .unconditional, help: ArgumentHelp("When you called (default: now).", valueName: "datetime"),
                transform: DateTimeInput.parse)
        var at: DateTimeInput?

        @Option(parsing: .unconditional, help: ArgumentHelp("When they asked to be called back.", valueName: "datetime"),
                transform: DateTimeInput.parse)
        var callbackAt: DateTimeInput?

        @Option(help: ArgumentHelp("The number you dialled (must be the one on record).", valueName: "number"),
                transform: ArgumentValue.phone)
        var number: String?

        @Option(help: "What was said.")
        var note: String?

        func run() throws {
            try log(NewCall(outcome: outcome, at: at, callbackAt: callbackAt, number: number, notes: note),
                    on: id, global: global)
        }
    }

    struct Voicemail: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "voicemail",
            abstract: "Log a voicemail left for the interviewer (call --outcome voicemail).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The application's id.", transform: ArgumentValue.id)
        var id: Int64

        @Option(parsing: .unconditional, help: ArgumentHelp("When you called (default: now).", valueName: "datetime"),
                transform: DateTimeInput.parse)
        var at: DateTimeInput?

        @Option(help: "What you said.")
        var note: String?

        func run() throws {
            try log(NewCall(outcome: .voicemail, at: at, notes: note), on: id, global: global)
        }
    }
}

/// What `call` and `voicemail` share: log the call, warn, report.
private func log(_ call: NewCall, on id: Int64, global: GlobalOptions) throws {
    try call.check()
    let tracker = try global.tracker()
    let logged = try tracker.logCall(id, call)
    logged.warnings.forEach { StandardStreams.warn("warning: \($0)") }
    try Output(tracker, json: global.json).report(logged.entry, "Logged a call to #\(id): \(call.outcome.rawValue).")
}
