import Foundation

/// A job application as stored (docs/rules.md §1). Dates are `YYYY-MM-DD` text, checked by the schema.
public struct Application: Sendable, Equatable, Identifiable {
    /// Where the application stands. All but the first two are closed: no more
    /// follow-up calls (docs/rules.md §1.2).
    public enum Status: String, CaseIterable, Sendable, Codable {
        case applied, interviewing, offer, accepted, rejected, withdrawn, ghosted

        public var isClosed: Bool {
            switch self {
            case .applied, .interviewing: false
            case .offer, .accepted, .rejected, .withdrawn, .ghosted: true
            }
        }
    }

    public let id: Int64
    public var company: String
    public var role: String
    public var status: Status
    public var appliedOn: String
    public var url: String?
    public var notes: String?
    /// The qualifications to restate on the call, in order.
    public var highlights: [String]
    public let createdAt: Date
    public var updatedAt: Date
}

/// An interview, in the interviewer's zone `tz`.
public struct Interview: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let applicationID: Int64
    public var heldAt: Date
    /// IANA zone of the interviewer.
    public var tz: String
    /// ISO 3166 code whose public holidays apply; nil: the country of `tz`.
    public var country: String?
    public var interviewer: String?
    /// The number the interviewer gave, the only one to call.
    public var phone: String?
    public var decisionBy: String?
    public var afterHoursOK: Bool
    /// Busy windows in tz, `[days ]HH:MM-HH:MM`, when the interviewer is busy.
    public var busy: [String]
    /// When a thank-you note was sent.
    public var thankedAt: Date?
    public var notes: String?
}

/// One follow-up call, logged against an interview.
public struct CallAttempt: Sendable, Equatable, Identifiable {
    public enum Outcome: String, CaseIterable, Sendable, Codable {
        case reached, voicemail
        case noAnswer = "no-answer"
        case badTime = "bad-time"
        /// A follow-up in writing: dials no number.
        case wrote
    }

    public let id: Int64
    public let interviewID: Int64
    public var at: Date
    public var outcome: Outcome
    public var callbackAt: Date?
    /// The date the interviewer named on a reached call (YYYY-MM-DD): a new round.
    public var decisionBy: String?
    /// The number dialled; nil for a follow-up in writing.
    public var number: String?
    public var notes: String?
}

/// An interview with its calls, ordered by time then by the order they were logged.
public struct InterviewHistory: Sendable, Equatable {
    public var interview: Interview
    public var calls: [CallAttempt]
}

/// An application with everything logged against it: what `show`, the rules and export need.
public struct ApplicationHistory: Sendable, Equatable {
    public var application: Application
    public var interviews: [InterviewHistory]
}
