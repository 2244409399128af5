import Foundation

/// Which rule decided an assessment, with what its sentence cites. The sentence is
/// worded only when asked for: an agenda of thousands is assessed whole, but only the
/// calls of the day are read.
///
/// Events (an interview, a call) are named by their day on the user's calendar, with
/// the interviewer's day added where it differs; window dates are the interviewer's
/// and say "their time" when the two zones differ; a public holiday that moved a
/// window date or the call is named (docs/rules.md §2).
public enum Reason: Sendable, Equatable {
    case closed
    case notInterviewed
    case noNumber
    /// Rule 3: they asked to be called back at `at`.
    case callback(state: FollowUpState, askedAt: Date, at: Date, stillAhead: Bool, context: Context)
    /// Rule 4: reached them (not on a call that started a round), or wrote.
    case followedUp(by: CallOutcome, at: Date, context: Context)
    case triedTwice(Int)
    /// Rule 6: the last try went unanswered at `at`; `retry` is the day to try again.
    case retry(
        state: FollowUpState, after: CallOutcome, at: Date, retry: CalendarDate, triesLeft: Int,
        context: Context)
    /// Rule 7. `upcoming`: the interview is still ahead (logged in advance).
    /// `decisionNamedAt`: the call on which they named `decision`, when it started a round.
    case window(
        state: FollowUpState, interviewedAt: Date, upcoming: Bool, decision: CalendarDate?,
        decisionNamedAt: Date?, dueFrom: CalendarDate, dueBy: CalendarDate, waitFrom: Int, waitTo: Int,
        context: Context)
    /// Nothing heard for `quietAfter` business days since `since`.
    case goneQuiet(applicationID: Int64, since: QuietSince, quietAfter: Int, context: Context)

    /// What an application went quiet after.
    public enum QuietSince: Sendable, Equatable {
        /// Reached them, or wrote, at that instant.
        case followedUp(CallOutcome, at: Date)
        /// This many unanswered tries, the last at that instant.
        case triedTwice(Int, lastAt: Date)
        /// Applied on that date of the user's calendar, and no interview since.
        case applied(on: CalendarDate)
    }

    /// What a sentence needs beyond its rule: both clocks, *now*, the call time found
    /// (or why none), and the holidays that may have moved a date. Made once per
    /// assessment from values already at hand; nothing is allocated for it.
    public struct Context: Sendable, Equatable {
        public var now: Date
        public var userZone: TimeZone
        public var theirZone: TimeZone
        public var callAt: Date?
        public var noCallTime: NoCallTime?
        /// The interview country's public holidays, when they count.
        public var publicHolidays: PublicHolidays?

        public init(
            now: Date, userZone: TimeZone, theirZone: TimeZone, callAt: Date? = nil,
            noCallTime: NoCallTime? = nil, publicHolidays: PublicHolidays? = nil
        ) {
            self.now = now
            self.userZone = userZone
            self.theirZone = theirZone
            self.callAt = callAt
            self.noCallTime = noCallTime
            self.publicHolidays = publicHolidays
        }
    }

    /// The one sentence the user reads.
    public var text: String {
        switch self {
        case .closed:
            return "The application is closed: no more follow-up calls"
        case .notInterviewed:
            return "No interview yet: nothing to follow up"
        case .noNumber:
            return "The interviewer gave no number: don't call the front desk; write instead"
        case let .callback(state, askedAt, callback, stillAhead, context):
            return context.callback(state: state, askedAt: askedAt, at: callback, stillAhead: stillAhead)
        case let .followedUp(outcome, at, context):
            return outcome == .wrote
                ? "Wrote to the interviewer on \(context.eventDay(at)): the follow-up is done"
                : "Reached the interviewer on \(context.eventDay(at)): the follow-up call is done"
        case let .triedTwice(unanswered):
            return "Tried \(Self.times(unanswered)) with no answer: stop calling"
        case let .retry(state, outcome, at, retry, triesLeft, context):
            return context.retry(state: state, after: outcome, at: at, retry: retry, triesLeft: triesLeft)
        case let .window(state, interviewedAt, upcoming, decision, namedAt, dueFrom, dueBy, waitFrom, waitTo, context):
            return context.window(
                state: state, interviewedAt: interviewedAt, upcoming: upcoming, decision: decision,
                namedAt: namedAt, dueFrom: dueFrom, dueBy: dueBy, waitFrom: waitFrom, waitTo: waitTo)
        case let .goneQuiet(id, since, quietAfter, context):
            return context.goneQuiet(applicationID: id, since: since, quietAfter: quietAfter)
        }
    }

    static func times(_ count: Int) -> String {
        switch count {
        case 1: return "once"
        case 2: return "twice"
        default: return "\(count) times"
        }
    }
}

extension Reason.Context {
    /// Whether the interviewer's clock is not the user's: then both are named.
    private var zonesDiffer: Bool { userZone.identifier != theirZone.identifier }

    private var theirToday: CalendarDate { CalendarDate.containing(now, in: theirZone) }

    /// "Wed Dec 9", or "Wed Dec 9 (Thu Dec 10 their time)" when their day differs.
    func eventDay(_ instant: Date) -> String {
        let mine = CalendarDate.containing(instant, in: userZone)
        let theirs = CalendarDate.containing(instant, in: theirZone)
        return mine == theirs ? mine.shortText : "\(mine.shortText) (\(theirs.shortText) their time)"
    }

    /// "14:00", or "14:00 (11:00 their time)" — with their day when it differs.
    private func time(_ instant: Date) -> String {
        let mine = TimeText.hourMinute(instant, in: userZone)
        let theirs = TimeText.hourMinute(instant, in: theirZone)
        let myDay = CalendarDate.containing(instant, in: userZone)
        let theirDay = CalendarDate.containing(instant, in: theirZone)
        if myDay != theirDay { return "\(mine) (\(theirDay.shortText) \(theirs) their time)" }
        return mine == theirs ? mine : "\(mine) (\(theirs) their time)"
    }

    /// "Sat Dec 5 at 10:00", on the user's clock, with theirs where it reads otherwise.
    private func dayAndTime(_ instant: Date) -> String {
        "\(CalendarDate.containing(instant, in: userZone).shortText) at \(time(instant))"
    }

    /// Window dates, which are the interviewer's: "Wed Dec 2 – Thu Dec 3", with
    /// "their time" when the zones differ.
    private func dates(_ from: CalendarDate, _ to: CalendarDate? = nil) -> String {
        let text = to.map { $0 == from ? from.shortText : "\(from.shortText) – \($0.shortText)" } ?? from.shortText
        return zonesDiffer ? text + " their time" : text
    }

    /// When to make a due call: `immediately` ("today", "as soon as you can") when
    /// call_at is this minute; "today at 12:00" later today on the user's clock; else its
    /// day and time — never "today" for a call that is not today where the user is.
    private func when(_ immediately: String) -> String {
        guard let callAt, callAt.timeIntervalSince(now) >= 60 else { return immediately }
        if CalendarDate.containing(callAt, in: userZone) == CalendarDate.containing(now, in: userZone) {
            return "today at \(time(callAt))"
        }
        return dayAndTime(callAt)
    }

    /// " — no time to call: …" when a call was looked for in vain; else nothing.
    private var noCallNote: String {
        noCallTime.map { " — no time to call: " + $0.text } ?? ""
    }

    /// " (Thu Nov 26 is Thanksgiving Day)": the public holidays on weekdays that moved a
    /// date — those after `after` through `through`, and those from today until the
    /// call when it was pushed past them. Settings holidays have no names to give.
    private func holidayNote(after: CalendarDate, through: CalendarDate) -> String {
        guard let publicHolidays else { return "" }
        var named: [String] = []
        var seen: [Int] = []
        func look(_ days: ClosedRange<Int>) {
            for number in days where CalendarDate.floorMod(number + 3, 7) < 5 && !seen.contains(number) {
                let date = CalendarDate(dayNumber: number)
                if let name = publicHolidays.name(on: date) {
                    named.append("\(date.shortText) is \(name)")
                    seen.append(number)
                }
            }
        }
        // A month at most: enough for any window, no walk through years.
        let first = after.dayNumber + 1
        let last = min(through.dayNumber, first + 31)
        if first <= last { look(first...last) }
        if let callAt {
            let callDay = CalendarDate.containing(callAt, in: theirZone).dayNumber
            let from = max(theirToday.dayNumber, first)
            if from < callDay { look(from...min(callDay - 1, from + 31)) }
        }
        return named.isEmpty ? "" : " (" + named.joined(separator: "; ") + ")"
    }

    func callback(state: FollowUpState, askedAt: Date, at callback: Date, stillAhead: Bool) -> String {
        let asked = "Asked on \(eventDay(askedAt)) to be called back \(dayAndTime(callback))"
        switch state {
        case .overdue:
            return asked + ": missed — "
                + (noCallTime.map { "no time to call: " + $0.text }
                    ?? "call " + when("as soon as you can"))
        case .due where !stillAhead:
            return asked + ": that time has passed — "
                + (noCallTime.map { "no time to call: " + $0.text }
                    ?? "call " + when("as soon as you can today"))
        default:
            return asked + ": call exactly then"
        }
    }

    func retry(
        state: FollowUpState, after outcome: CallOutcome, at: Date, retry: CalendarDate,
        triesLeft: Int
    ) -> String {
        let again = triesLeft == 1 ? "once more" : "again"
        let voicemail = outcome == .voicemail
        let lead = voicemail ? "Voicemail left \(eventDay(at))" : "No answer \(eventDay(at))"
        let holidays = holidayNote(after: CalendarDate.containing(at, in: theirZone), through: retry)
        let notReturned = voicemail ? "; not returned — " : " — "
        switch state {
        case .awaitingReply:
            return lead + (voicemail ? "; if not returned, try \(again) " : "; try \(again) ") + dates(retry)
                + holidays + noCallNote
        case .due:
            return lead + notReturned
                + (noCallTime.map { "no time to call: " + $0.text }
                    ?? "try \(again) " + when("today")) + holidays
        default:
            return lead + notReturned
                + (noCallTime.map { "no time to call: " + $0.text }
                    ?? "try \(again) " + when("as soon as you can")) + " (due \(dates(retry)))" + holidays
        }
    }

    func window(
        state: FollowUpState, interviewedAt: Date, upcoming: Bool, decision: CalendarDate?, namedAt: Date?,
        dueFrom: CalendarDate, dueBy: CalendarDate, waitFrom: Int, waitTo: Int
    ) -> String {
        let days = waitFrom == waitTo ? "\(waitFrom)" : "\(waitFrom)–\(waitTo)"
        let unit = waitTo == 1 ? "business day" : "business days"
        let lead: String
        if let decision, let namedAt {
            lead = "On \(eventDay(namedAt)) they said they expect to decide by \(decision.shortText)"
        } else if let decision {
            lead = "Decision promised by \(decision.shortText)"
        } else {
            lead = (upcoming ? "Interview on " : "Interviewed ") + eventDay(interviewedAt)
        }
        let anchor = decision ?? CalendarDate.containing(interviewedAt, in: theirZone)
        let holidays = holidayNote(after: anchor, through: dueBy)
        let window = "; call \(days) \(unit) after: \(dates(dueFrom, dueBy))"
        switch state {
        case .waitingOnDecision:
            return lead + ": waiting until \(dates(dueFrom))" + holidays + noCallNote
        case .due:
            return lead + window + " — "
                + (noCallTime.map { "no time to call: " + $0.text }
                    ?? "call " + when("today")) + holidays
        case .overdue:
            return lead + window + " — overdue, "
                + (noCallTime.map { "but no time to call: " + $0.text }
                    ?? "call " + when("as soon as you can")) + holidays
        default:
            return lead + window + holidays + noCallNote
        }
    }

    func goneQuiet(applicationID: Int64, since: Reason.QuietSince, quietAfter: Int) -> String {
        let lead: String
        switch since {
        case let .followedUp(outcome, at):
            lead = (outcome == .wrote ? "Wrote to" : "Reached") + " the interviewer on \(eventDay(at))"
        case let .triedTwice(count, lastAt):
            lead = "Tried \(Reason.times(count)) with no answer, the last on \(eventDay(lastAt)),"
        case let .applied(on):
            lead = "Applied on \(on.shortText)"
        }
        let unit = quietAfter == 1 ? "business day" : "business days"
        return lead + " and heard nothing in the \(quietAfter) \(unit) since: it has gone quiet — "
            + "mark it ghosted (jobtrack status \(applicationID) ghosted), or send one last written note"
    }
}
