import FollowUp

extension FollowUpState {
    /// How a person names the state in a heading.
    public var heading: String {
        switch self {
        case .overdue: "Overdue"
        case .due: "Due"
        case .noNumber: "No number: write instead"
        case .callbackScheduled: "Callback scheduled"
        case .awaitingReply: "Awaiting a reply"
        case .tooSoon: "Too soon to call"
        case .waitingOnDecision: "Waiting on a decision"
        case .triedTwice: "Tried enough: stop calling"
        case .followedUp: "Followed up"
        case .goneQuiet: "Gone quiet"
        case .notInterviewed: "Not interviewed yet"
        case .closed: "Closed"
        }
    }

    /// The state in a sentence: words, never the code JSON spells it with.
    public var words: String {
        switch self {
        case .overdue: "overdue"
        case .due: "due"
        case .noNumber: "no number, write instead"
        case .callbackScheduled: "callback scheduled"
        case .awaitingReply: "awaiting a reply"
        case .tooSoon: "too soon to call"
        case .waitingOnDecision: "waiting on a decision"
        case .triedTwice: "tried enough, stop calling"
        case .followedUp: "followed up"
        case .goneQuiet: "gone quiet"
        case .notInterviewed: "not interviewed yet"
        case .closed: "closed"
        }
    }

    /// The order of the agenda's groups: what needs doing first.
    public static let agendaGroups: [FollowUpState] = [
        .overdue, .due, .noNumber, .callbackScheduled, .awaitingReply, .tooSoon, .waitingOnDecision,
        .triedTwice, .goneQuiet, .followedUp, .notInterviewed, .closed,
    ]
}
