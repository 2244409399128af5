import Foundation

/// How a follow-up call went, spelled as on the command line (docs/rules.md).
public enum CallOutcome: String, CaseIterable, Sendable, Codable {
    /// Spoke with the interviewer; may carry a callback ("call me back Monday at 10").
    case reached
    /// Nobody answered and a voicemail was left.
    case voicemail
    /// Nobody answered and no voicemail was left.
    case noAnswer = "no-answer"
    /// They picked up but asked to be called later; carries the callback time.
    case badTime = "bad-time"
    /// A follow-up in writing, an email or a letter: what the etiquette leaves when
    /// the interviewer gave no number. Not an unanswered try (docs/rules.md §2, rule 4).
    case wrote

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
    /// The date the interviewer named on a `reached` call ("when do you expect to
    /// decide?"), on their calendar: it starts a new round (docs/rules.md §2, "Rounds").
    public var decisionBy: CalendarDate?

    public init(
        id: Int64, at: Date, outcome: CallOutcome, callbackAt: Date? = nil,
        decisionBy: CalendarDate? = nil
    ) {
        self.id = id
        self.at = at
        self.outcome = outcome
        self.callbackAt = callbackAt
        self.decisionBy = decisionBy
    }

    /// Whether this attempt starts a new round: they were reached and named a date.
    var startsRound: Bool { outcome == .reached && decisionBy != nil }

    /// Latest first by time, then by the order logged.
    func isBefore(_ other: CallFacts) -> Bool { (at, id) < (other.at, other.id) }
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
    /// Windows, on the interviewer's clock, daily or on named weekdays, not to call in.
    public var busy: [BusyWindow]
    /// The call attempts logged against this interview, in any order.
    public var calls: [CallFacts]
    /// The public holidays of the interview's country, which are not business days on
    /// the interviewer's calendar; nil for none (a zone with no country, or the setting
    /// `public_holidays off`). The caller resolves it from the country or the zone.
    public var publicHolidays: PublicHolidays?
    /// When a thank-you note was sent, if one was.
    public var thankedAt: Date?

    public init(
        id: Int64, heldAt: Date, timeZone: TimeZone, interviewer: String? = nil,
        phone: String? = nil, decisionBy: CalendarDate? = nil, afterHoursOK: Bool = false,
        busy: [BusyWindow] = [], calls: [CallFacts] = [], publicHolidays: PublicHolidays? = nil,
        thankedAt: Date? = nil
    ) {
        self.id = id
        self.heldAt = heldAt
        self.timeZone = timeZone
        self.interviewer = interviewer
        self.phone = phone
        self.decisionBy = decisionBy
        self.afterHoursOK = afterHoursOK
        self.busy = busy
        self.calls = calls
        self.publicHolidays = publicHolidays
        self.thankedAt = thankedAt
    }

    /// Version 1's form, with daily busy windows only: kept so that callers written
    /// against it still build; each window applies every day.
    @_disfavoredOverload
    public init(
        id: Int64, heldAt: Date, timeZone: TimeZone, interviewer: String? = nil,
        phone: String? = nil, decisionBy: CalendarDate? = nil, afterHoursOK: Bool = false,
        busy: [DailyWindow], calls: [CallFacts] = [], publicHolidays: PublicHolidays? = nil,
        thankedAt: Date? = nil
    ) {
        self.init(
            id: id, heldAt: heldAt, timeZone: timeZone, interviewer: interviewer, phone: phone,
            decisionBy: decisionBy, afterHoursOK: afterHoursOK, busy: busy.map { BusyWindow($0) },
            calls: calls, publicHolidays: publicHolidays, thankedAt: thankedAt)
    }

    /// Whether there is a number to call: a blank one is as good as none.
    var hasPhone: Bool {
        guard let phone else { return false }
        // An ASCII byte that is not a space settles it (a number starts with a digit or
        // `+`); walking Characters cost more than the rest of the check of calls.
        for byte in phone.utf8 {
            if byte >= 0x80 { return !phone.allSatisfy(\.isWhitespace) }
            if byte != 0x20 && !(0x09...0x0D).contains(byte) { return true }
        }
        return false
    }
}

/// An application as the rules see it: whether it is closed, and its interviews.
public struct ApplicationFacts: Sendable, Equatable {
    public var id: Int64
    /// Status offer, accepted, rejected, withdrawn or ghosted: no more follow-up calls.
    public var isClosed: Bool
    /// Every interview of the application, in any order; only the latest counts.
    public var interviews: [InterviewFacts]
    /// The date the application was sent, on the user's calendar.
    public var appliedOn: CalendarDate?
    /// Status `applied`: sent, and no interview yet. Such an application goes quiet
    /// when nothing comes of it (docs/rules.md §2, "Gone quiet").
    public var isApplied: Bool
    /// The public holidays of the user's own country, which count for an application
    /// with no interview (its business days are the user's); nil for none.
    public var publicHolidays: PublicHolidays?

    public init(
        id: Int64, isClosed: Bool = false, interviews: [InterviewFacts] = [],
        appliedOn: CalendarDate? = nil, isApplied: Bool = false, publicHolidays: PublicHolidays? = nil
    ) {
        self.id = id
        self.isClosed = isClosed
        self.interviews = interviews
        self.appliedOn = appliedOn
        self.isApplied = isApplied
        self.publicHolidays = publicHolidays
    }
}
