import Foundation

/// The follow-up rules of SPEC §2 as a function: facts and *now* in, an `Assessment`
/// out. No clock, no I/O, no zone lookup — everything arrives as an argument, so the
/// same facts and *now* always give the same answer.
public struct FollowUpEngine: Sendable {
    public let settings: FollowUpSettings
    public let calendar: BusinessCalendar

    public init(settings: FollowUpSettings) {
        self.settings = settings
        self.calendar = BusinessCalendar(settings: settings)
    }

    /// Assesses `application` at `now`: the first rule of SPEC §2 that matches decides.
    public func assess(_ application: ApplicationFacts, now: Date) -> Assessment {
        var result = Assessment(applicationID: application.id, state: .closed, rule: .closed)
        // "A new interview round starts follow-up afresh": only the latest counts.
        let interview = Self.latest(application.interviews) { ($0.heldAt, $0.id) }
        if let interview {
            result.interviewID = interview.id
            result.interviewer = interview.interviewer
            result.phone = interview.phone
            result.timeZone = interview.timeZone
            result.unansweredAttempts = interview.calls.count(where: \.outcome.isUnanswered)
        }
        // Rule 1 — "offer, accepted, rejected, withdrawn: no more follow-up calls".
        if application.isClosed { return result }
        // Rule 2 — nothing to follow up before an interview.
        guard let interview else {
            result.state = .notInterviewed
            result.rule = .notInterviewed
            return result
        }

        let verdict = decide(interview, unanswered: result.unansweredAttempts, now: now)
        result.state = verdict.state
        result.dueFrom = verdict.dueFrom
        result.dueBy = verdict.dueBy
        result.rule = verdict.rule
        switch verdict.state {
        case .due, .overdue:
            // "Only ever call the number the interviewer gave — never the front desk."
            guard interview.hasPhone else {
                result.state = .noNumber
                result.rule = .noNumber
                return result
            }
            // "If it is not a good time, ask when is better and call back exactly then."
            if let callback = verdict.callback, callback >= now {
                result.callAt = callback
            } else {
                result.callAt = earliestCallMinute(atOrAfter: now, for: interview)
            }
        case .callbackScheduled:
            result.callAt = verdict.callback
        case .tooSoon, .waitingOnDecision, .awaitingReply:
            if let dueFrom = verdict.dueFrom {
                result.callAt = earliestCallMinute(atOrAfter: dueFrom.start(in: interview.timeZone), for: interview)
            }
        default:
            break
        }
        return result
    }

    /// The earliest minute at or after `start` when this interviewer may be called:
    /// "inside normal business hours, unless the interviewer said otherwise, and not
    /// while the interviewer is known to be busy".
    public func earliestCallMinute(atOrAfter start: Date, for interview: InterviewFacts) -> Date? {
        calendar.earliestCallMinute(atOrAfter: start, in: interview.timeZone,
                                    afterHoursOK: interview.afterHoursOK, busy: interview.busy)
    }

    /// The state, window and reason of rules 3–7, before the no-number check.
    private struct Verdict {
        var state: FollowUpState
        var dueFrom: CalendarDate?
        var dueBy: CalendarDate?
        /// The time the interviewer chose, when rule 3 decided.
        var callback: Date?
        var rule: Reason
    }

    private func decide(_ interview: InterviewFacts, unanswered: Int, now: Date) -> Verdict {
        let zone = interview.timeZone
        let today = CalendarDate.containing(now, in: zone)
        let interviewDate = CalendarDate.containing(interview.heldAt, in: zone)
        // Anchor — "if the interviewer named a decision date, wait for that date to pass".
        let decision = interview.decisionBy.flatMap { $0 > interviewDate ? $0 : nil }
        let anchor = decision ?? interviewDate
        // Window — "call two or three days after, not sooner (a pest) and not much later".
        let dueFrom = calendar.businessDay(settings.waitFrom, after: anchor)
        let dueBy = calendar.businessDay(settings.waitTo, after: anchor)
        let last = Self.latest(interview.calls) { ($0.at, $0.id) }

        // Rule 3 — "ask when is better and call back exactly then".
        if let last, let callback = last.callbackAt {
            let day = CalendarDate.containing(callback, in: zone)
            let state = Self.state(today: today, from: day, by: day, before: .callbackScheduled)
            return Verdict(state: state, dueFrom: day, dueBy: day, callback: callback,
                           rule: .callback(state: state, askedOn: CalendarDate.containing(last.at, in: zone),
                                                   at: callback, in: zone, stillAhead: callback >= now))
        }
        // Rule 4 — spoke with the interviewer: the follow-up call has been made.
        if let last, last.outcome == .reached {
            return Verdict(state: .followedUp, rule: .followedUp(on: CalendarDate.containing(last.at, in: zone)))
        }
        // Rule 5 — "after two unanswered tries, stop calling".
        if unanswered >= settings.maxAttempts {
            return Verdict(state: .triedTwice, rule: .triedTwice(unanswered))
        }
        // Rule 6 — "leave a voicemail; if it is not returned by the next day, try once
        // more" — and never before the window opens.
        if let last, last.outcome.isUnanswered {
            let lastDate = CalendarDate.containing(last.at, in: zone)
            let retry = max(calendar.businessDay(1, after: lastDate), dueFrom)
            let state = Self.state(today: today, from: retry, by: retry, before: .awaitingReply)
            return Verdict(state: state, dueFrom: retry, dueBy: retry,
                           rule: .retry(state: state, after: last.outcome, on: lastDate, retry: retry,
                                                triesLeft: settings.maxAttempts - unanswered))
        }
        // Rule 7 — the window after the anchor. It is also where a history the store
        // refuses (a bad-time call with no callback) lands: the window still stands.
        let state = Self.state(today: today, from: dueFrom, by: dueBy,
                               before: decision == nil ? .tooSoon : .waitingOnDecision)
        return Verdict(state: state, dueFrom: dueFrom, dueBy: dueBy,
                       rule: .window(state: state, interviewed: interviewDate, upcoming: interview.heldAt > now, decision: decision,
                                             dueFrom: dueFrom, dueBy: dueBy, waitFrom: settings.waitFrom,
                                             waitTo: settings.waitTo))
    }

    /// Before the window: `early`; inside it: due; after it: overdue.
    private static func state(today: CalendarDate, from: CalendarDate, by: CalendarDate,
                              before early: FollowUpState) -> FollowUpState {
        if today < from { return early }
        return today <= by ? .due : .overdue
    }

    /// The latest by time; at the same instant, the later-logged (higher id).
    private static func latest<Item>(_ items: [Item], by key: (Item) -> (Date, Int64)) -> Item? {
        items.max { key($0) < key($1) }
    }
}
