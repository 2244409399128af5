import Foundation

/// Where an application stands in the follow-up etiquette: the twelve states of
/// docs/rules.md §2, spelled as in its JSON.
public enum FollowUpState: String, CaseIterable, Sendable, Codable {
    /// Offer, accepted, rejected or withdrawn: no more follow-up calls.
    case closed
    /// No interview yet, so nothing to follow up.
    case notInterviewed = "not_interviewed"
    /// The interviewer chose a time to be called back, on a later day.
    case callbackScheduled = "callback_scheduled"
    /// Spoke with the interviewer: the follow-up is done.
    case followedUp = "followed_up"
    /// Enough unanswered tries: stop calling.
    case triedTwice = "tried_twice"
    /// A voicemail or missed call is waiting a day to be returned.
    case awaitingReply = "awaiting_reply"
    /// The interviewer named a decision date that has not yet passed far enough.
    case waitingOnDecision = "waiting_on_decision"
    /// Fewer than two business days since the interview: calling now would be a pest.
    case tooSoon = "too_soon"
    /// Call today.
    case due
    /// The day to call has passed: call as soon as possible.
    case overdue
    /// A call is due, but the interviewer gave no number: write instead.
    case noNumber = "no_number"
    /// Followed up or tried enough — or applied with no interview — and nothing heard
    /// for `quiet_after` business days: mark it ghosted, or send one last note.
    case goneQuiet = "gone_quiet"

    /// Whether this state asks for a call today, which is what `jobtrack today` lists.
    public var isCallToday: Bool { self == .due || self == .overdue }
}

/// Why no minute to call was found in the four weeks searched (docs/rules.md §2, "When
/// to call"), so the user is told what to do instead: ask them for a time, or write.
public enum NoCallTime: String, CaseIterable, Sendable, Codable {
    /// Their busy windows fill all their hours (whatever the user's hours).
    case theyAreBusy = "they_are_busy"
    /// Their free hours never meet the user's `my_hours`.
    case hoursNeverMeet = "hours_never_meet"
    /// They have no business day at all in the weeks searched (a long run of holidays).
    case noBusinessDay = "no_business_day"

    /// Why, and what to do, in words: "they are busy all through their hours …".
    public var text: String {
        switch self {
        case .theyAreBusy:
            return
                "they are busy all through their hours for the next four weeks; ask them for a time, or write instead"
        case .hoursNeverMeet:
            return "your hours never meet theirs for the next four weeks; ask them for a time, or write instead"
        case .noBusinessDay:
            return "they have no business day in the next four weeks; write instead"
        }
    }
}

/// The rules' verdict on one application at one instant: what state it is in, its
/// follow-up window, when exactly to call and on which number, and why.
public struct Assessment: Sendable, Equatable {
    public var applicationID: Int64
    public var state: FollowUpState
    /// The first date to call on, on the interviewer's clock.
    public var dueFrom: CalendarDate?
    /// The last date to call on before the application is overdue.
    public var dueBy: CalendarDate?
    /// The exact minute to call, or nil when no call is to be made.
    public var callAt: Date?
    /// The latest interview, whose etiquette this is.
    public var interviewID: Int64?
    public var interviewer: String?
    /// The only number to call: the one the interviewer gave.
    public var phone: String?
    /// The latest interview's zone, in which every date and time above is read.
    public var timeZone: TimeZone?
    /// Voicemails and unanswered calls on the latest interview, in its current round
    /// (after the latest call on which they named a decision date).
    public var unansweredAttempts: Int
    /// Which rule decided the state, with what it cites.
    public var rule: Reason
    /// When a call was looked for and no minute qualified: why. Then `callAt` is nil.
    public var noCallTime: NoCallTime?
    /// A thank-you note is still to be sent: the latest interview has been held, none
    /// was sent, and it is not yet past the first business day after it.
    public var thankYouDue: Bool
    /// One sentence citing the rule that decided the state.
    public var reason: String { rule.text }

    public init(
        applicationID: Int64, state: FollowUpState, dueFrom: CalendarDate? = nil,
        dueBy: CalendarDate? = nil, callAt: Date? = nil, interviewID: Int64? = nil,
        interviewer: String? = nil, phone: String? = nil, timeZone: TimeZone? = nil,
        unansweredAttempts: Int = 0, rule: Reason, noCallTime: NoCallTime? = nil,
        thankYouDue: Bool = false
    ) {
        self.noCallTime = noCallTime
        self.thankYouDue = thankYouDue
        self.applicationID = applicationID
        self.state = state
        self.dueFrom = dueFrom
        self.dueBy = dueBy
        self.callAt = callAt
        self.interviewID = interviewID
        self.interviewer = interviewer
        self.phone = phone
        self.timeZone = timeZone
        self.unansweredAttempts = unansweredAttempts
        self.rule = rule
    }

    /// `call_at` as ISO 8601 with the interviewer's offset, as the JSON prints it.
    public var callAtText: String? {
        callAtTheirs.map { TimeText.iso8601($0.instant, in: $0.zone) }
    }

    /// The call time and the interviewer's zone it is written in (`callAtText`).
    public var callAtTheirs: (instant: Date, zone: TimeZone)? {
        guard let callAt, let timeZone else { return nil }
        return (callAt, timeZone)
    }

    /// What an order compares, as one small value: sorting many assessments by keys
    /// made once is cheaper than copying whole assessments at every comparison.
    /// `todayKey` orders `jobtrack today`: overdue before due, the oldest due_by first
    /// among the overdue, then by call_at, then by id — the most neglected call first.
    /// `agendaKey` orders `jobtrack agenda`: by call_at (no call last), then by id.
    public struct SortKey: Comparable, Sendable {
        fileprivate let rank: Int
        fileprivate let dueByDay: Int
        fileprivate let callAt: Double
        fileprivate let id: Int64

        public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            (lhs.rank, lhs.dueByDay, lhs.callAt, lhs.id) < (rhs.rank, rhs.dueByDay, rhs.callAt, rhs.id)
        }
    }

    /// The key of `jobtrack today`'s order.
    public var todayKey: SortKey {
        let rank = todayRank
        // Only among the overdue does the oldest due_by come first; a missing one last.
        let dueByDay = rank == 0 ? dueBy?.dayNumber ?? Int.max : 0
        return SortKey(rank: rank, dueByDay: dueByDay, callAt: agendaKey.callAt, id: applicationID)
    }

    /// The key of `jobtrack agenda`'s order; no call_at sorts last.
    public var agendaKey: SortKey {
        SortKey(rank: 0, dueByDay: 0, callAt: callAt?.timeIntervalSince1970 ?? .infinity, id: applicationID)
    }

    private var todayRank: Int {
        switch state {
        case .overdue: return 0
        case .due: return 1
        default: return 2
        }
    }
}
