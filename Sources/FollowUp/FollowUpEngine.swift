import Foundation

/// The follow-up rules of docs/rules.md §2 as a function: facts and *now* in, an
/// `Assessment` out. No clock, no I/O, no zone or holiday lookup — everything arrives
/// as an argument (each interview's public holidays already resolved by the caller),
/// so the same facts and *now* always give the same answer.
public struct FollowUpEngine: Sendable {
    public let settings: FollowUpSettings
    public let calendar: BusinessCalendar

    public init(settings: FollowUpSettings) {
        self.settings = settings
        self.calendar = BusinessCalendar(settings: settings)
    }

    /// Assesses `application` at `now`: the first rule of docs/rules.md §2 that matches
    /// decides; then no number, gone quiet, and when to call.
    public func assess(_ application: ApplicationFacts, now: Date) -> Assessment {
        var result = Assessment(applicationID: application.id, state: .closed, rule: .closed)
        // "A new interview round starts follow-up afresh": only the latest counts.
        let interview = Self.latest(application.interviews) { ($0.heldAt, $0.id) }
        var round = Round([])
        var holidays: PublicHolidays?
        // The interviewer's clock, looked up once for every date read on it below.
        let clock = interview.map { ZoneClock($0.timeZone) }
        if let interview, let clock {
            // docs/rules.md §2, "Public holidays": off means only the `holidays` setting.
            holidays = settings.usesPublicHolidays ? interview.publicHolidays : nil
            round = Round(interview.calls)
            result.interviewID = interview.id
            result.interviewer = interview.interviewer
            result.phone = interview.phone
            result.timeZone = interview.timeZone
            result.unansweredAttempts = round.unanswered
            result.thankYouDue = thankYouDue(interview, clock: clock, holidays: holidays, now: now)
        }
        // Rule 1 — "offer, accepted, rejected, withdrawn, ghosted: no more follow-up calls".
        if application.isClosed { return result }
        // Rule 2 — nothing to follow up before an interview; but an application that
        // nobody answers goes quiet in the end (docs/rules.md §2, "Gone quiet").
        guard let interview, let clock else {
            result.state = .notInterviewed
            result.rule = .notInterviewed
            goQuietAfterApplying(application, now: now, into: &result)
            return result
        }

        let verdict = decide(interview, clock: clock, round: round, holidays: holidays, now: now)
        result.state = verdict.state
        result.dueFrom = verdict.dueFrom
        result.dueBy = verdict.dueBy
        var context = Reason.Context(
            now: now, userZone: settings.timeZone, theirZone: interview.timeZone,
            publicHolidays: holidays)
        switch verdict.state {
        case .due, .overdue:
            // "Only ever call the number the interviewer gave — never the front desk."
            guard interview.hasPhone else {
                result.state = .noNumber
                result.rule = .noNumber
                return result
            }
            // "If it is not a good time, ask when is better and call back exactly then":
            // the time they chose stands as it is, whatever the hours.
            if let callback = verdict.callback, callback >= now {
                result.callAt = callback
            } else {
                (result.callAt, result.noCallTime) = callMinute(atOrAfter: now, for: interview, holidays: holidays)
            }
        case .callbackScheduled:
            // No number, no call time, in any state (docs/rules.md §2, "When to call").
            if interview.hasPhone { result.callAt = verdict.callback }
        case .tooSoon, .waitingOnDecision, .awaitingReply:
            if interview.hasPhone, let dueFrom = verdict.dueFrom {
                (result.callAt, result.noCallTime) = callMinute(
                    atOrAfter: dueFrom.start(in: interview.timeZone),
                    for: interview, holidays: holidays)
            }
        case .followedUp, .triedTwice:
            // docs/rules.md §2, "Gone quiet": after the last word, wait `quiet_after`
            // business days; then it is time to let it go, or write one last note.
            if let last = round.last {
                let quietOn = calendar.businessDay(
                    settings.quietAfter, after: clock.date(containing: last.at),
                    publicHolidays: holidays)
                if clock.date(containing: now) >= quietOn {
                    let since: Reason.QuietSince =
                        verdict.state == .followedUp
                        ? .followedUp(last.outcome, at: last.at) : .triedTwice(round.unanswered, lastAt: last.at)
                    result.state = .goneQuiet
                    result.rule = .goneQuiet(
                        applicationID: application.id, since: since,
                        quietAfter: settings.quietAfter, context: context)
                    return result
                }
            }
        default:
            break
        }
        context.callAt = result.callAt
        context.noCallTime = result.noCallTime
        result.rule = reason(for: verdict, interview: interview, unanswered: round.unanswered, context: context)
        return result
    }

    /// The earliest minute at or after `start` when this interviewer may be called:
    /// "inside normal business hours, unless the interviewer said otherwise, and not
    /// while the interviewer is known to be busy" — and inside the user's own hours.
    public func earliestCallMinute(atOrAfter start: Date, for interview: InterviewFacts) -> Date? {
        calendar.earliestCallMinute(
            atOrAfter: start, in: interview.timeZone, afterHoursOK: interview.afterHoursOK,
            busy: interview.busy, publicHolidays: interview.publicHolidays,
            myHours: settings.myHours)
    }

    /// The call minute, or why there is none: searched again without the user's hours,
    /// and without busy windows, to tell which of them left no minute. Only a failed
    /// search pays for the second and third.
    private func callMinute(
        atOrAfter start: Date, for interview: InterviewFacts,
        holidays: PublicHolidays?
    ) -> (Date?, NoCallTime?) {
        let zone = interview.timeZone
        let afterHoursOK = interview.afterHoursOK
        if let found = calendar.earliestCallMinute(
            atOrAfter: start, in: zone, afterHoursOK: afterHoursOK,
            busy: interview.busy, publicHolidays: holidays,
            myHours: settings.myHours)
        {
            return (found, nil)
        }
        if calendar.earliestCallMinute(
            atOrAfter: start, in: zone, afterHoursOK: afterHoursOK, busy: [],
            publicHolidays: holidays) == nil
        {
            return (nil, .noBusinessDay)
        }
        if calendar.earliestCallMinute(
            atOrAfter: start, in: zone, afterHoursOK: afterHoursOK, busy: interview.busy,
            publicHolidays: holidays) == nil
        {
            return (nil, .theyAreBusy)
        }
        return (nil, .hoursNeverMeet)
    }

    /// docs/rules.md §2, "Thank-you note": "you should have thanked her at the time of
    /// the interview" — so from the interview until the first business day after it.
    private func thankYouDue(
        _ interview: InterviewFacts, clock: ZoneClock, holidays: PublicHolidays?,
        now: Date
    ) -> Bool {
        guard interview.thankedAt == nil, interview.heldAt <= now else { return false }
        let held = clock.date(containing: interview.heldAt)
        return clock.date(containing: now) <= calendar.businessDay(1, after: held, publicHolidays: holidays)
    }

    /// docs/rules.md §2, "Gone quiet": an application still `applied` with no answer
    /// `quiet_after` business days after applied_on — on the user's calendar, with the
    /// user's country's holidays, since no interviewer's clock is known.
    private func goQuietAfterApplying(_ application: ApplicationFacts, now: Date, into result: inout Assessment) {
        guard application.isApplied, let applied = application.appliedOn else { return }
        let zone = settings.timeZone
        let holidays = settings.usesPublicHolidays ? application.publicHolidays : nil
        let quietOn = calendar.businessDay(settings.quietAfter, after: applied, publicHolidays: holidays)
        guard CalendarDate.containing(now, in: zone) >= quietOn else { return }
        result.state = .goneQuiet
        result.rule = .goneQuiet(
            applicationID: application.id, since: .applied(on: applied),
            quietAfter: settings.quietAfter,
            context: Reason.Context(now: now, userZone: zone, theirZone: zone))
    }

    /// docs/rules.md §2, "Rounds": the attempts that count. A `reached` call on which
    /// they named a decision date starts a new round (R); only the attempts after the
    /// latest R count towards "stop calling". Three passes over the calls, no array made.
    private struct Round {
        /// L, the latest attempt of all (R itself, or one after it).
        var last: CallFacts?
        /// R, the latest attempt that started a round.
        var start: CallFacts?
        /// Voicemails and unanswered calls after R (all of them with no R).
        var unanswered = 0

        init(_ calls: [CallFacts]) {
            for call in calls {
                if last.map({ $0.isBefore(call) }) ?? true { last = call }
                if call.startsRound, start.map({ $0.isBefore(call) }) ?? true { start = call }
            }
            for call in calls where call.outcome.isUnanswered {
                if let start, !start.isBefore(call) { continue }
                unanswered += 1
            }
        }
    }

    /// What decided the state, for the sentence worded later.
    private enum Ground {
        case callback(askedAt: Date)
        case followedUp(CallOutcome, at: Date)
        case triedTwice
        case retry(CallOutcome, at: Date, triesLeft: Int)
        case window(decision: CalendarDate?, namedAt: Date?)
    }

    /// The state and window of rules 3–7, before the no-number and gone-quiet checks.
    private struct Verdict {
        var state: FollowUpState
        var dueFrom: CalendarDate?
        var dueBy: CalendarDate?
        /// The time the interviewer chose, when rule 3 decided.
        var callback: Date?
        var ground: Ground
    }

    private func decide(
        _ interview: InterviewFacts, clock: ZoneClock, round: Round, holidays: PublicHolidays?,
        now: Date
    ) -> Verdict {
        let today = clock.date(containing: now)
        let interviewDate = clock.date(containing: interview.heldAt)
        // Anchor — "if the interviewer named a decision date, wait for that date to pass";
        // in a round, the date they named on the call that started it.
        let decision = round.start?.decisionBy ?? interview.decisionBy.flatMap { $0 > interviewDate ? $0 : nil }
        let anchor = decision ?? interviewDate
        // Window — "call two or three days after, not sooner (a pest) and not much later".
        let dueFrom = calendar.businessDay(settings.waitFrom, after: anchor, publicHolidays: holidays)
        let dueBy = calendar.businessDay(settings.waitTo, after: anchor, publicHolidays: holidays)
        let last = round.last

        // Rule 3 — "ask when is better and call back exactly then" (first, even on R).
        if let last, let callback = last.callbackAt {
            let day = clock.date(containing: callback)
            let state = Self.state(today: today, from: day, by: day, before: .callbackScheduled)
            return Verdict(
                state: state, dueFrom: day, dueBy: day, callback: callback,
                ground: .callback(askedAt: last.at))
        }
        // Rule 4 — spoke with the interviewer (not on the call that started this round,
        // which only set a new date), or wrote: the follow-up has been made.
        if let last, (last.outcome == .reached && !last.startsRound) || last.outcome == .wrote {
            return Verdict(state: .followedUp, ground: .followedUp(last.outcome, at: last.at))
        }
        // Rule 5 — "after two unanswered tries, stop calling".
        if round.unanswered >= settings.maxAttempts {
            return Verdict(state: .triedTwice, ground: .triedTwice)
        }
        // Rule 6 — "leave a voicemail; if it is not returned by the next day, try once
        // more" — and never before the window opens.
        if let last, last.outcome.isUnanswered {
            let lastDate = clock.date(containing: last.at)
            let retry = max(calendar.businessDay(1, after: lastDate, publicHolidays: holidays), dueFrom)
            let state = Self.state(today: today, from: retry, by: retry, before: .awaitingReply)
            return Verdict(
                state: state, dueFrom: retry, dueBy: retry,
                ground: .retry(last.outcome, at: last.at, triesLeft: settings.maxAttempts - round.unanswered))
        }
        // Rule 7 — the window after the anchor, with no attempt yet in this round. It is
        // also where a history the store refuses (a bad-time call with no callback)
        // lands: the window still stands.
        let state = Self.state(
            today: today, from: dueFrom, by: dueBy,
            before: decision == nil ? .tooSoon : .waitingOnDecision)
        return Verdict(
            state: state, dueFrom: dueFrom, dueBy: dueBy,
            ground: .window(decision: decision, namedAt: round.start?.at))
    }

    private func reason(
        for verdict: Verdict, interview: InterviewFacts, unanswered: Int,
        context: Reason.Context
    ) -> Reason {
        switch verdict.ground {
        case let .callback(askedAt):
            let callback = verdict.callback!
            return .callback(
                state: verdict.state, askedAt: askedAt, at: callback, stillAhead: callback >= context.now,
                context: context)
        case let .followedUp(outcome, at):
            return .followedUp(by: outcome, at: at, context: context)
        case .triedTwice:
            return .triedTwice(unanswered)
        case let .retry(outcome, at, triesLeft):
            return .retry(
                state: verdict.state, after: outcome, at: at, retry: verdict.dueFrom!, triesLeft: triesLeft,
                context: context)
        case let .window(decision, namedAt):
            return .window(
                state: verdict.state, interviewedAt: interview.heldAt, upcoming: interview.heldAt > context.now,
                decision: decision, decisionNamedAt: namedAt, dueFrom: verdict.dueFrom!,
                dueBy: verdict.dueBy!, waitFrom: settings.waitFrom, waitTo: settings.waitTo,
                context: context)
        }
    }

    /// Before the window: `early`; inside it: due; after it: overdue.
    private static func state(
        today: CalendarDate, from: CalendarDate, by: CalendarDate,
        before early: FollowUpState
    ) -> FollowUpState {
        if today < from { return early }
        return today <= by ? .due : .overdue
    }

    /// The latest by time; at the same instant, the later-logged (higher id).
    private static func latest<Item>(_ items: [Item], by key: (Item) -> (Date, Int64)) -> Item? {
        items.max { key($0) < key($1) }
    }
}
