import FollowUp
import Foundation
import JobStore

/// What to say on the follow-up call and as a voicemail, for one application's latest
/// interview, with the assessment it follows.
public struct CallScriptView: Sendable {
    public let entry: AgendaEntry
    public let interview: Interview
    public let call: [String]
    public let voicemail: [String]
    /// The user's name, as set with `config name`; nil when not yet set.
    public let caller: String?

    /// The document `script --json` prints.
    public var json: Document {
        Document(
            id: entry.application.id, interviewer: interview.interviewer, phone: interview.phone,
            callAt: entry.assessment.callAtText, call: call, voicemail: voicemail)
    }

    public struct Document: Encodable {
        let id: Int64
        let interviewer: String?
        let phone: String?
        let callAt: String?
        let call: [String]
        let voicemail: [String]

        enum CodingKeys: String, CodingKey {
            case id, interviewer, phone, callAt = "call_at", call, voicemail
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(interviewer, forKey: .interviewer)
            try container.encode(phone, forKey: .phone)
            try container.encode(callAt, forKey: .callAt)
            try container.encode(call, forKey: .call)
            try container.encode(voicemail, forKey: .voicemail)
        }
    }
}

extension Tracker {
    /// The script for an application's latest interview; refused when it has none.
    public func script(_ id: Int64) throws -> CallScriptView {
        let entry = try entry(for: id)
        guard let interview = entry.interview else { throw Refusal.noInterview(application: id) }
        let words = CallScript(
            application: entry.application, interview: interview, zone: zone(named: interview.tz),
            caller: try repository.setting("name"))
        return CallScriptView(
            entry: entry, interview: interview, call: words.call, voicemail: words.voicemail, caller: words.caller)
    }
}

/// The words of a follow-up call, from the etiquette (docs/rules.md §2): check it is a
/// good time, say who you are and when you met, thank them, reaffirm interest, ask
/// about the decision, restate one or two strengths. The voicemail says the same in a
/// breath.
struct CallScript {
    let application: Application
    let interview: Interview
    /// The interviewer's zone, in which "we spoke on Monday" is true.
    let zone: TimeZone
    let caller: String?

    private static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    private var name: String { caller ?? "[your name]" }
    private var greeting: String { interview.interviewer.map { "Hello \($0)" } ?? "Hello" }

    private var interviewDay: String {
        let date = CalendarDate.containing(interview.heldAt, in: zone)
        return "\(Self.weekdays[date.weekday.rawValue - 1]), \(Self.months[date.month - 1]) \(date.day)"
    }

    var call: [String] {
        var lines = [
            "\(greeting), this is \(name). Is now a good time for a quick call?",
            "We spoke on \(interviewDay) about the \(application.role) position at \(application.company).",
            "Thank you again for taking the time to meet with me.",
            "I'm still very interested in the role, and our conversation made me more so.",
            "Have you reached a decision, or do you know when you expect to?",
        ]
        switch application.highlights.count {
        case 0:
            lines.append("Restate one or two of your strongest qualifications for the role.")
        case 1:
            lines.append("As a reminder: \(application.highlights[0]).")
        default:
            lines.append("As a reminder: \(application.highlights[0]); and \(application.highlights[1]).")
        }
        lines.append("Thank you — I look forward to hearing from you.")
        return lines
    }

    var voicemail: [String] {
        [
            "\(greeting), this is \(name). We spoke on \(interviewDay) about the \(application.role) position at \(application.company).",
            "Thank you again for your time; I remain very interested in the role and would love to hear where things stand.",
            "You can reach me at [your number]. Thanks, and have a good day.",
        ]
    }
}
