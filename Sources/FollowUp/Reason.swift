import Foundation

/// Which rule decided an assessment, with what its sentence cites. The sentence is
/// worded only when asked for: an agenda of thousands is assessed whole, but only the
/// calls of the day are read. Dates are cited on the interviewer's clock as "Mon Nov 30".
public enum Reason: Sendable, Equatable {
    case closed
    case notInterviewed
    case noNumber
    case callback(state: FollowUpState, askedOn: CalendarDate, at: Date, in: TimeZone, stillAhead: Bool)
    case followedUp(on: CalendarDate)
    case triedTwice(Int)
    case retry(state: FollowUpState, after: CallOutcome, on: CalendarDate, retry: CalendarDate, triesLeft: Int)
    /// `upcoming`: the interview is still ahead (logged in advance).
    case window(state: FollowUpState, interviewed: CalendarDate, upcoming: Bool, decision: CalendarDate?, dueFrom: CalendarDate,
                dueBy: CalendarDate, waitFrom: Int, waitTo: Int)

    /// The one sentence the user reads.
    public var text: String {
        switch self {
        case .closed:
            return "The application is closed: no more follow-up calls"
        case .notInterviewed:
            return "No interview yet: nothing to follow up"
        case .noNumber:
            return "The interviewer gave no number: don't call the front desk; write instead"
        case let .callback(state, askedOn, callback, zone, stillAhead):
            return Self.callback(state: state, askedOn: askedOn, at: callback, in: zone, stillAhead: stillAhead)
        case let .followedUp(date):
            return "Reached the interviewer on \(date.shortText): the follow-up call is done"
        case let .triedTwice(unanswered):
            return Self.triedTwice(unanswered)
        case let .retry(state, outcome, date, retry, triesLeft):
            return Self.retry(state: state, after: outcome, on: date, retry: retry, triesLeft: triesLeft)
        case let .window(state, interviewed, upcoming, decision, dueFrom, dueBy, waitFrom, waitTo):
            return Self.window(state: state, interviewed: interviewed, upcoming: upcoming, decision: decision, dueFrom: dueFrom,
                               dueBy: dueBy, waitFrom: waitFrom, waitTo: waitTo)
        }
    }

    private static func callback(state: FollowUpState, askedOn: CalendarDate, at callback: Date, in zone: TimeZone,
                                 stillAhead: Bool) -> String {
        let asked = "Asked on \(askedOn.shortText) to be called back "
            + "\(CalendarDate.containing(callback, in: zone).shortText) at \(TimeText.hourMinute(callback, in: zone))"
        switch state {
        case .overdue: return asked + ": missed — call as soon as you can"
        case .due where !stillAhead: return asked + ": that time has passed — call as soon as you can today"
        default: return asked + ": call exactly then"
        }
    }

    private static func triedTwice(_ unanswered: Int) -> String {
        let times: String
        switch unanswered {
        case 1: times = "once"
        case 2: times = "twice"
        default: times = "\(unanswered) times"
        }
        return "Tried \(times) with no answer: stop calling"
    }

    private static func retry(state: FollowUpState, after outcome: CallOutcome, on date: CalendarDate,
                              retry: CalendarDate, triesLeft: Int) -> String {
        let again = triesLeft == 1 ? "once more" : "again"
        let voicemail = outcome == .voicemail
        let lead = voicemail ? "Voicemail left \(date.shortText)" : "No answer \(date.shortText)"
        switch state {
        case .awaitingReply:
            return lead + (voicemail ? "; if not returned, try \(again) " : "; try \(again) ") + retry.shortText
        case .due:
            return lead + (voicemail ? "; not returned — try \(again) today" : " — try \(again) today")
        default:
            return lead + (voicemail ? "; not returned — " : " — ")
                + "try \(again) as soon as you can (due \(retry.shortText))"
        }
    }

    private static func window(state: FollowUpState, interviewed: CalendarDate, upcoming: Bool, decision: CalendarDate?,
                               dueFrom: CalendarDate, dueBy: CalendarDate, waitFrom: Int, waitTo: Int) -> String {
        let days = waitFrom == waitTo ? "\(waitFrom)" : "\(waitFrom)–\(waitTo)"
        let unit = waitTo == 1 ? "business day" : "business days"
        let dates = dueFrom == dueBy ? dueFrom.shortText : "\(dueFrom.shortText) – \(dueBy.shortText)"
        let lead = decision.map { "Decision promised by \($0.shortText)" }
            ?? (upcoming ? "Interview on \(interviewed.shortText)" : "Interviewed \(interviewed.shortText)")
        switch state {
        case .waitingOnDecision: return lead + ": waiting until \(dueFrom.shortText)"
        case .due: return lead + "; call \(days) \(unit) after: \(dates) — call today"
        case .overdue: return lead + "; call \(days) \(unit) after: \(dates) — overdue, call as soon as you can"
        default: return lead + "; call \(days) \(unit) after: \(dates)"
        }
    }
}
