import ArgumentParser
import FollowUp
import Foundation
import JobStore

struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Log an interview; follow-up starts afresh from the latest one.",
        discussion: """
            Times without an offset are read in the interviewer's zone (--tz, default your \
            `timezone` setting). Logging an interview moves an application from applied to \
            interviewing.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The application's id.", transform: PositiveID.parse)
    var id: Int64

    @Option(parsing: .unconditional, help: ArgumentHelp("When the interview was (or will be) held.", valueName: "datetime"),
            transform: DateTimeInput.parse)
    var at: DateTimeInput

    @Option(name: .customLong("with"), help: ArgumentHelp("The interviewer's name.", valueName: "name"),
            transform: NonEmptyText.parse)
    var interviewer: String?

    @Option(help: ArgumentHelp("The number the interviewer gave: the only one to call.", valueName: "number"),
            transform: PhoneInput.parse)
    var phone: String?

    @Option(help: ArgumentHelp("The interviewer's IANA time zone, e.g. Europe/London.", valueName: "zone"),
            transform: ZoneInput.parse)
    var tz: TimeZone?

    @Option(parsing: .unconditional, help: ArgumentHelp("The date by which they said they would decide.", valueName: "date"),
            transform: DateInput.parse)
    var decisionBy: DateInput?

    @Flag(help: "The interviewer said calls outside business hours are fine.")
    var afterHoursOk = false

    @Option(help: ArgumentHelp("A daily window when the interviewer is busy, in their zone; repeat for several.",
                               valueName: "HH:MM-HH:MM"), transform: WindowInput.parse)
    var busy: [DailyWindow] = []

    @Option(help: "Anything to remember.")
    var note: String?

    func run() throws {
        let session = try Session(global)
        let zone = tz ?? session.userZone
        let heldAt = try at.resolve(now: session.now, in: zone)
        let interviewDay = CalendarDate.containing(heldAt, in: zone)
        let decision = try decisionBy?.resolve(today: session.today(in: zone))
        if let decision, decision < interviewDay {
            throw Refusal.decisionBeforeInterview(decision: decision.iso, interview: interviewDay.iso)
        }
        try session.database.write {
            var application = try session.repository.application(id)
            try session.repository.insertInterview(
                applicationID: id, heldAt: heldAt, tz: zone.identifier, interviewer: interviewer, phone: phone,
                decisionBy: decision?.iso, afterHoursOK: afterHoursOk, busy: busy.map(\.description),
                notes: note?.nilIfEmpty)
            if application.status == .applied {
                application.status = .interviewing
                try session.repository.updateApplication(application, now: session.now)
            }
        }
        let who = interviewer.map { " with \($0)" } ?? ""
        try session.report(id, "Logged the interview\(who) on \(interviewDay.shortText) for #\(id).")
    }
}

/// What `call` and `voicemail` share: log one attempt against the latest interview,
/// after the checks of SPEC §3 "Rules of the call log", in one transaction.
struct CallLog {
    let session: Session
    let id: Int64
    let outcome: CallAttempt.Outcome
    let at: DateTimeInput?
    let callbackAt: DateTimeInput?
    let number: String?
    let note: String?

    /// The outcome's rules for a callback, which need no database: checked before one is opened.
    static func check(_ outcome: CallAttempt.Outcome, callbackAt: DateTimeInput?) throws {
        if outcome == .badTime && callbackAt == nil { throw Refusal.callbackRequired }
        if (outcome == .voicemail || outcome == .noAnswer) && callbackAt != nil {
            throw Refusal.callbackNotAllowed(outcome: outcome.rawValue)
        }
    }

    /// Logs the attempt; `check` has passed already.
    func record() throws {
        var warning: String?
        try session.database.write {
            let entry = try session.entry(for: id)
            guard let interview = entry.interview else {
                throw Refusal.noInterview(application: id)
            }
            let zone = session.zone(named: interview.tz)
            let interviewer = interview.interviewer ?? "the interviewer"
            guard let phone = interview.phone else { throw Refusal.noPhone(interviewer: interviewer) }
            if let number, PhoneInput.digitsOnly(number) != PhoneInput.digitsOnly(phone) {
                throw Refusal.wrongNumber(dialled: number, onRecord: phone, interviewer: interviewer)
            }
            let callTime = try at?.resolve(now: session.now, in: zone) ?? session.now.wholeSeconds
            if callTime < interview.heldAt {
                throw Refusal.callBeforeInterview(
                    at: TimeText.iso8601(callTime, in: zone), interview: TimeText.iso8601(interview.heldAt, in: zone))
            }
            if callTime > session.now {
                throw Refusal.callInFuture(
                    at: TimeText.iso8601(callTime, in: zone), now: TimeText.iso8601(session.now, in: zone))
            }
            let callback = try callbackAt?.resolve(now: session.now, in: zone)
            if let callback, callback <= callTime {
                throw Refusal.callbackNotAfterCall(
                    callback: TimeText.iso8601(callback, in: zone), call: TimeText.iso8601(callTime, in: zone))
            }
            if entry.assessment.state == .triedTwice {
                let tries = entry.assessment.unansweredAttempts
                warning = "warning: \(tries) unanswered \(tries == 1 ? "try" : "tries") already; the etiquette says stop calling — logged anyway"
            }
            try session.repository.insertCall(
                interviewID: interview.id, at: callTime, outcome: outcome, callbackAt: callback, number: number ?? phone,
                notes: note?.nilIfEmpty)
        }
        if let warning { StandardStreams.warn(warning) }
        try session.report(id, "Logged a call to #\(id): \(outcome.rawValue).")
    }
}

struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Log a follow-up call to the interviewer of an application's latest interview.",
        discussion: """
            Only the number the interviewer gave may be dialled. bad-time needs --callback-at \
            (ask when is better); reached may carry one; voicemail and no-answer never do.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The application's id.", transform: PositiveID.parse)
    var id: Int64

    @Option(help: "reached, voicemail, no-answer or bad-time.")
    var outcome: CallAttempt.Outcome

    @Option(parsing: .unconditional, help: ArgumentHelp("When you called (default: now).", valueName: "datetime"), transform: DateTimeInput.parse)
    var at: DateTimeInput?

    @Option(parsing: .unconditional, help: ArgumentHelp("When they asked to be called back.", valueName: "datetime"),
            transform: DateTimeInput.parse)
    var callbackAt: DateTimeInput?

    @Option(help: ArgumentHelp("The number you dialled (must be the one on record).", valueName: "number"),
            transform: PhoneInput.parse)
    var number: String?

    @Option(help: "What was said.")
    var note: String?

    func run() throws {
        try CallLog.check(outcome, callbackAt: callbackAt)
        try CallLog(session: Session(global), id: id, outcome: outcome, at: at, callbackAt: callbackAt, number: number,
                    note: note).record()
    }
}

struct Voicemail: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voicemail",
        abstract: "Log a voicemail left for the interviewer (call --outcome voicemail).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The application's id.", transform: PositiveID.parse)
    var id: Int64

    @Option(parsing: .unconditional, help: ArgumentHelp("When you called (default: now).", valueName: "datetime"), transform: DateTimeInput.parse)
    var at: DateTimeInput?

    @Option(help: "What you said.")
    var note: String?

    func run() throws {
        try CallLog(session: Session(global), id: id, outcome: .voicemail, at: at, callbackAt: nil, number: nil,
                    note: note).record()
    }
}
