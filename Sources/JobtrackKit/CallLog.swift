import FollowUp
import Foundation
import JobStore

/// A follow-up call as the user logs it.
public struct NewCall: Sendable {
    public var outcome: CallAttempt.Outcome
    /// When the call was made; nil means now.
    public var at: DateTimeInput?
    public var callbackAt: DateTimeInput?
    /// The date the interviewer named on a reached call: "when do you expect to decide?"
    public var decisionBy: DateInput?
    /// The number dialled; nil means the interviewer's own.
    public var number: String?
    public var notes: String?

    public init(
        outcome: CallAttempt.Outcome, at: DateTimeInput? = nil, callbackAt: DateTimeInput? = nil,
        decisionBy: DateInput? = nil, number: String? = nil, notes: String? = nil
    ) {
        self.outcome = outcome
        self.at = at
        self.callbackAt = callbackAt
        self.decisionBy = decisionBy
        self.number = number
        self.notes = notes
    }

    /// A call from the fields an edit would give: one set of options serves logging
    /// and mending.
    public init(_ fields: CallEdit) {
        var callback: DateTimeInput?
        if case .set(let time) = fields.callbackAt { callback = time }
        var decision: DateInput?
        if case .set(let date) = fields.decisionBy { decision = date }
        self.init(
            outcome: fields.outcome ?? .reached, at: fields.at, callbackAt: callback, decisionBy: decision,
            number: fields.number, notes: fields.notes)
    }

    /// The checks that need no database, so a front end can refuse before opening one.
    public func check() throws {
        try CallLogRules.checkCallback(outcome, hasCallback: callbackAt != nil)
        try CallLogRules.checkDecisionOutcome(outcome, hasDecision: decisionBy != nil)
    }
}

/// What logging a call did: the application as it now stands, and the warnings the
/// etiquette gives about a call that is logged all the same.
public struct LoggedCall: Sendable {
    public let entry: AgendaEntry
    /// The call as stored, and the interview it was logged against.
    public let call: CallAttempt
    public let interview: Interview
    public let warnings: [String]
}

/// The rules of the call log (docs/commands.md §3.5), in one
/// place: the command that logs a call and an import check every call with these.
enum CallLogRules {
    /// What an outcome says about a callback, which needs no database: "if it is not a
    /// good time, ask when is better" — and nobody names a time on a voicemail.
    static func checkCallback(_ outcome: CallAttempt.Outcome, hasCallback: Bool) throws(Refusal) {
        if outcome == .badTime && !hasCallback { throw .callbackRequired }
        if (outcome == .voicemail || outcome == .noAnswer || outcome == .wrote) && hasCallback {
            throw .callbackNotAllowed(outcome: outcome.rawValue)
        }
    }

    /// A decision date is named only by an interviewer who was reached.
    static func checkDecisionOutcome(_ outcome: CallAttempt.Outcome, hasDecision: Bool) throws(Refusal) {
        if hasDecision && outcome != .reached { throw .decisionNeedsReached(outcome: outcome.rawValue) }
    }

    /// A decision date named on a call lies after the call's date, on the interviewer's
    /// calendar: it starts a new round of follow-up (docs/rules.md §2.2).
    static func checkDecision(_ decision: CalendarDate?, callAt: Date, in zone: TimeZone) throws(Refusal) {
        let callDay = CalendarDate.containing(callAt, in: zone)
        if let decision, decision <= callDay {
            throw .decisionNotAfterCall(decision: decision.iso, call: callDay.iso)
        }
    }

    /// "Only ever call the number the interviewer gave — never the front desk": the
    /// number to store, the interviewer's own unless the same digits were typed otherwise.
    /// A follow-up in writing dials none, and needs no number given.
    static func number(
        _ dialled: String?, phone: String?, interviewer: String?,
        outcome: CallAttempt.Outcome
    ) throws(Refusal) -> String? {
        let who = interviewer ?? "the interviewer"
        if outcome == .wrote {
            if dialled != nil { throw .numberWithWrote }
            return nil
        }
        guard let phone else { throw .noPhone(interviewer: who) }
        if let dialled, PhoneInput.digitsOnly(dialled) != PhoneInput.digitsOnly(phone) {
            throw .wrongNumber(dialled: dialled, onRecord: phone, interviewer: who)
        }
        return dialled ?? phone
    }

    /// A call comes after its interview, and a callback after the call. `now` is given
    /// only when the call is being logged: a logged call cannot be in the future. A
    /// refusal names each moment on the `user`'s clock and the interviewer's, `zone`.
    static func checkTimes(
        at: Date, callbackAt: Date?, heldAt: Date, now: Date?, user: TimeZone, their zone: TimeZone
    ) throws(Refusal) {
        func moment(_ instant: Date) -> String { Tracker.moment(instant, user: user, their: zone) }
        if at < heldAt { throw .callBeforeInterview(at: moment(at), interview: moment(heldAt)) }
        if let now, at > now { throw .callInFuture(at: moment(at), now: moment(now)) }
        if let callbackAt, callbackAt <= at {
            throw .callbackNotAfterCall(callback: moment(callbackAt), call: moment(at))
        }
    }
}

extension Tracker {
    /// Logs a follow-up call against the application's latest interview, after the
    /// checks of the call log. A call past `max_attempts` is a fact and is logged, with
    /// a warning that the etiquette says stop.
    /// `command` names the change in the log (`call`, or `voicemail` for its shorthand).
    public func logCall(_ id: Int64, _ call: NewCall, command: String = "call") throws -> LoggedCall {
        try call.check()
        var warnings: [String] = []
        let (stored, interview) = try change(command) {
            let entry = try entry(for: id)
            guard let interview = entry.interview else { throw Refusal.noInterview(application: id) }
            let zone = zone(named: interview.tz)
            let number = try CallLogRules.number(
                call.number, phone: interview.phone, interviewer: interview.interviewer, outcome: call.outcome)
            let at = try call.at?.resolve(now: now, user: userZone, their: zone) ?? now.wholeSeconds
            let callback = try call.callbackAt?.resolve(now: now, user: userZone, their: zone)
            try CallLogRules.checkTimes(
                at: at, callbackAt: callback, heldAt: interview.heldAt, now: now, user: userZone, their: zone)
            let decision = try call.decisionBy?.resolve(today: today(in: userZone))
            try CallLogRules.checkDecision(decision, callAt: at, in: zone)
            // A letter keeps no hours and needs no window: the warnings are about calling.
            if call.outcome != .wrote {
                warnings += try callWarnings(at: at, interviewID: interview.id, in: entry.history)
            }
            let tries = entry.assessment.unansweredAttempts
            if call.outcome != .wrote && tries >= settings.maxAttempts
                && (entry.assessment.state == .triedTwice || entry.assessment.state == .goneQuiet)
            {
                warnings.append(
                    "\(tries) unanswered \(tries == 1 ? "try" : "tries") already; the etiquette says stop calling — logged anyway"
                )
            }
            let stored = try repository.insertCall(
                interviewID: interview.id, at: at, outcome: call.outcome, callbackAt: callback,
                decisionBy: decision?.iso,
                number: number,
                notes: call.notes?.nilIfEmpty)
            let what = call.outcome == .wrote ? "written follow-up" : "\(call.outcome.rawValue) call"
            return ((stored, interview), "\(what) logged for \(label(entry.application)) on \(moment(at, their: zone))")
        }
        return LoggedCall(entry: try entry(for: id), call: stored, interview: interview, warnings: warnings)
    }
}
