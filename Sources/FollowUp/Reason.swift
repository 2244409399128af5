import Foundation

/// The one-sentence reasons, each citing the rule that decided: the user should see
/// why jobtrack says "call now" or "wait", not just that it does. Dates are cited on
/// the interviewer's clock as "Mon Nov 30".
enum Reason {
    static let closed = "The application is closed: no more follow-up calls"
    static let notInterviewed = "No interview yet: nothing to follow up"
    static let noNumber = "The interviewer gave no number: don't call the front desk; write instead"

    static func callback(state: FollowUpState, askedOn: CalendarDate, at callback: Date, in zone: TimeZone,
                         stillAhead: Bool) -> String {
        let asked = "Asked on \(askedOn.shortText) to be called back "
            + "\(CalendarDate.containing(callback, in: zone).shortText) at \(TimeText.hourMinute(callback, in: zone))"
        switch state {
        case .overdue: return asked + ": missed — call as soon as you can"
        case .due where !stillAhead: return asked + ": that time has passed — call as soon as you can today"
        default: return asked + ": call exactly then"
        }
    }

    static func followedUp(on date: CalendarDate) -> String {
        "Reached the interviewer on \(date.shortText): the follow-up call is done"
    }

    static func triedTwice(_ unanswered: Int) -> String {
        let times: String
        switch unanswered {
        case 1: times = "once"
        case 2: times = "twice"
        default: times = "\(unanswered) times"
        }
        return "Tried \(times) with no answer: stop calling"
    }

    static func retry(state: FollowUpState, after outcome: CallOutcome, on date: CalendarDate,
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

    static func window(state: FollowUpState, interviewed: CalendarDate, decision: CalendarDate?,
                       dueFrom: CalendarDate, dueBy: CalendarDate, waitFrom: Int, waitTo: Int) -> String {
        let days = waitFrom == waitTo ? "\(waitFrom)" : "\(waitFrom)–\(waitTo)"
        let unit = waitTo == 1 ? "business day" : "business days"
        let dates = dueFrom == dueBy ? dueFrom.shortText : "\(dueFrom.shortText) – \(dueBy.shortText)"
        let lead = decision.map { "Decision promised by \($0.shortText)" } ?? "Interviewed \(interviewed.shortText)"
        switch state {
        case .waitingOnDecision: return lead + ": waiting until \(dueFrom.shortText)"
        case .due: return lead + "; call \(days) \(unit) after: \(dates) — call today"
        case .overdue: return lead + "; call \(days) \(unit) after: \(dates) — overdue, call as soon as you can"
        default: return lead + "; call \(days) \(unit) after: \(dates)"
        }
    }
}
