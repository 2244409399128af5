import Foundation

/// How a follow-up call went (SPEC §1), spelled as on the command line.
public enum CallOutcome: String, CaseIterable, Sendable, Codable {
    /// Spoke with the interviewer; may carry a callback ("call me back Monday at 10").
    case reached
    /// Nobody answered and a voicemail was left.
    case voicemail
    /// Nobody answered and no voicemail was left.
    case noAnswer = "no-answer"
    /// They picked up but asked to be called later; carries the callback time.
    case badTime = "bad-time"

    /// Voicemail and no answer are the attempts that count towards "stop calling".
    public var isUnanswered: Bool { self == .voicemail || self == .noAnswer }
}

/// One logged call attempt, as the rules need it: the store maps its rows to these.
public struct CallFacts: Sendable, Equatable {
    /// Breaks ties between attempts at the same instant: the later-logged one counts.
    public var id: Int64
    public var at: Date
    public var outcome: CallOutcome
    /// When the interviewer asked to be called back, if they did.
    public var callbackAt: Date?

    public init(id: Int64, at: Date, outcome: CallOutcome, callbackAt: Date? = nil) {
        self.id = id
        self.at = at
        self.outcome = outcome
        self.callbackAt = callbackAt
    }
}

/// One interview with everything that decides when to call about it.
public struct InterviewFacts: Sendable, Equatable {
    /// Breaks ties between interviews at the same instant: the later-logged one counts.
    public var id: Int64
    public var heldAt: Date
    /// The interviewer's zone: every date and hour of the rules is read on their clock.
    public var timeZone: TimeZone
    public var interviewer: String?
    /// The number the interviewer gave; nil or blank means none — never the front desk.
    public var phone: String?
    /// The date by which the interviewer promised a decision.
    public var decisionBy: CalendarDate?
    /// The interviewer said calling outside business hours, any day, is fine.
    public var afterHoursOK: Bool
    /// Daily windows, on the interviewer's clock, not to call in.
    public var busy: [DailyWindow]
    /// The call attempts logged against this interview, in any order.
    public var calls: [CallFacts]

    public init(id: Int64, heldAt: Date, timeZone: TimeZone, interviewer: String? = nil,
                phone: String? = nil, decisionBy: CalendarDate? = nil, afterHoursOK: Bool = false,
                busy: [DailyWindow] = [], calls: [CallFacts] = []) {
        self.id = id
        self.heldAt = heldAt
        self.timeZone = timeZone
        self.interviewer = interviewer
        self.phone = phone
        self.decisionBy = decisionBy
        self.afterHoursOK = afterHoursOK
        self.busy = busy
        self.calls = calls
    }

    /// Whether there is a number to call: a blank one is as good as none.
    var hasPhone: Bool {
        guard let phone else { return false }
        return !phone.allSatisfy(\.isWhitespace)
    }
}

/// An application as the rules see it: whether it is closed, and its interviews.
public struct ApplicationFacts: Sendable, Equatable {
    public var id: Int64
    /// Status offer, accepted, rejected or withdrawn: no more follow-up calls.
    public var isClosed: Bool
    /// Every interview of the application, in any order; only the latest counts.
    public var interviews: [InterviewFacts]

    public init(id: Int64, isClosed: Bool = false, interviews: [InterviewFacts] = []) {
        self.id = id
        self.isClosed = isClosed
        self.interviews = interviews
    }
}
