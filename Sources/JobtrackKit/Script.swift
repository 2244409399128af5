import FollowUp
import Foundation
import JobStore

/// What to say for one application's latest interview, fitted to the moment
/// (docs/commands.md §3.6): a phone script with its voicemail, a short email when the
/// interviewer gave no number, or — closed, tried enough, gone quiet — no script, and why.
public struct CallScriptView: Sendable {
    public enum Words: Sendable, Equatable {
        /// What to say on the call, and as a voicemail.
        case call(lines: [String], voicemail: [String])
        /// A follow-up in writing: "the interviewer gave no number: don't call the front desk".
        case email(subject: String, body: [String])
        /// No follow-up to make now, with the reason.
        case none(reason: String)
    }

    public let entry: AgendaEntry
    public let interview: Interview
    public let words: Words
    /// The date the interviewer named for a decision, if they did.
    public let decisionBy: CalendarDate?
    /// The user's name, as set with `config name`; nil when not yet set.
    public let caller: String?

    /// The document `script --json` prints.
    public var json: Document { Document(view: self) }

    public struct Document: Encodable {
        let view: CallScriptView

        enum CodingKeys: String, CodingKey {
            case id, kind, interviewer, phone, callAt = "call_at", decisionBy = "decision_by", call, voicemail, email
            case reason
        }

        enum EmailKeys: String, CodingKey { case subject, body }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(view.entry.application.id, forKey: .id)
            let kind =
                switch view.words {
                case .call: "call"
                case .email: "email"
                case .none: "none"
                }
            try container.encode(kind, forKey: .kind)
            try container.encode(view.interview.interviewer, forKey: .interviewer)
            try container.encode(view.interview.phone, forKey: .phone)
            try container.encode(view.entry.assessment.callAtText, forKey: .callAt)
            try container.encode(view.decisionBy?.iso, forKey: .decisionBy)
            var call: [String] = []
            var voicemail: [String] = []
            var reason: String?
            if case .call(let lines, let message) = view.words {
                call = lines
                voicemail = message
            }
            try container.encode(call, forKey: .call)
            try container.encode(voicemail, forKey: .voicemail)
            if case .email(let subject, let body) = view.words {
                var email = container.nestedContainer(keyedBy: EmailKeys.self, forKey: .email)
                try email.encode(subject, forKey: .subject)
                try email.encode(body, forKey: .body)
            } else {
                try container.encode(String?.none, forKey: .email)
            }
            if case .none(let why) = view.words { reason = why }
            try container.encode(reason ?? view.entry.assessment.reason, forKey: .reason)
        }
    }
}

extension Tracker {
    /// The script for an application's latest interview; refused when it has none.
    public func script(_ id: Int64) throws -> CallScriptView {
        let entry = try entry(for: id)
        guard let interview = entry.interview,
            let history = entry.history.interviews.first(where: { $0.interview.id == interview.id })
        else { throw Refusal.noInterview(application: id) }
        let moment = ScriptMoment(
            calls: history.calls, interview: interview, zone: zone(named: interview.tz), rule: entry.assessment.rule)
        let script = CallScript(
            application: entry.application, interview: interview, moment: moment,
            caller: try repository.setting(ConfigKey.name.rawValue),
            callerPhone: try repository.setting(ConfigKey.phone.rawValue))
        let words: CallScriptView.Words
        switch entry.assessment.state {
        // Reached or written to, they have had the follow-up: calling again would undo it
        // (docs/rules.md §2.4, rule 4).
        case .closed, .triedTwice, .goneQuiet, .followedUp:
            words = .none(reason: entry.assessment.reason)
        default:
            if interview.phone == nil {
                words = .email(subject: script.emailSubject, body: script.email)
            } else {
                words = .call(lines: script.call, voicemail: script.voicemail)
            }
        }
        return CallScriptView(
            entry: entry, interview: interview, words: words, decisionBy: moment.decisionBy,
            caller: script.caller)
    }
}

/// Where the follow-up stands, as the words need it: whether the interviewer chose
/// this time, whether a voicemail was left in this round, and the date they named.
struct ScriptMoment {
    /// The interviewer asked to be called back at this time, and it has not passed: a
    /// missed callback is a call like any other (docs/rules.md §2.6).
    let isCallback: Bool
    /// The day a voicemail of this round was left, on the interviewer's calendar.
    let voicemailDay: CalendarDate?
    /// The decision date named: on the call that started this round, else at the interview.
    let decisionBy: CalendarDate?
    let zone: TimeZone

    init(calls: [CallAttempt], interview: Interview, zone: TimeZone, rule: Reason) {
        self.zone = zone
        // A reached call naming a decision date starts a new round (docs/rules.md §2.2).
        let roundStart = calls.lastIndex { $0.outcome == .reached && $0.decisionBy != nil }
        let round = roundStart.map { Array(calls[calls.index(after: $0)...]) } ?? calls
        if case .callback(let state, _, _, let stillAhead, _) = rule {
            isCallback = state == .callbackScheduled || (state == .due && stillAhead)
        } else {
            isCallback = false
        }
        voicemailDay = round.last { $0.outcome == .voicemail }.map { CalendarDate.containing($0.at, in: zone) }
        let named = roundStart.flatMap { calls[$0].decisionBy } ?? interview.decisionBy
        decisionBy = named.flatMap { CalendarDate(iso: $0) }
    }
}

/// Days and months as they are said: in a script, and in the refusal of a day a month
/// does not have.
enum EnglishNames {
    /// Monday first, as `Weekday`'s raw values count.
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]
}

/// The words of a follow-up, from the etiquette (docs/rules.md §2): say who you are and
/// when you met, thank them, reaffirm interest, restate one or two strengths, then ask
/// about the decision. The voicemail says the same in a breath; the email in writing.
struct CallScript {
    let application: Application
    let interview: Interview
    let moment: ScriptMoment
    let caller: String?
    let callerPhone: String?

    // Names are said in one breath: a line break typed inside one reads as a space.
    private var name: String { caller?.oneLine ?? "[your name]" }
    private var interviewer: String? { interview.interviewer?.oneLine }
    private var company: String { application.company.oneLine }
    private var role: String { application.role.oneLine }
    private var greeting: String { interviewer.map { "Hello \($0)" } ?? "Hello" }

    private func spoken(_ date: CalendarDate) -> String {
        "\(EnglishNames.weekdays[date.weekday.rawValue - 1]), \(EnglishNames.months[date.month - 1]) \(date.day)"
    }

    private var interviewDay: String { spoken(CalendarDate.containing(interview.heldAt, in: moment.zone)) }

    private var thanks: String {
        interview.thankedAt == nil
            ? "Thank you again for taking the time to meet with me."
            : "Thank you again for your time — I hope my note reached you."
    }

    private var strengths: String {
        switch application.highlights.count {
        case 0: "Restate one or two of your strongest qualifications for the role."
        case 1: "As a reminder: \(application.highlights[0].oneLine)."
        default: "As a reminder: \(application.highlights[0].oneLine); and \(application.highlights[1].oneLine)."
        }
    }

    private var decisionQuestion: String {
        guard let decision = moment.decisionBy else {
            return "Have you reached a decision, or do you know when you expect to?"
        }
        return "You mentioned you expected to decide by \(spoken(decision)) — has a decision been made?"
    }

    var call: [String] {
        var lines = [
            moment.isCallback
                ? "\(greeting), this is \(name) — you asked me to call back at this time."
                : "\(greeting), this is \(name). Is now a good time for a quick call?",
            "We spoke on \(interviewDay) about the \(role) position at \(company).",
        ]
        if let left = moment.voicemailDay {
            lines.append("I left you a voicemail on \(spoken(left)) and wanted to try once more.")
        }
        lines += [
            thanks,
            "I'm still very interested in the role, and our conversation made me more so.",
            strengths,
            decisionQuestion,
            "Thank you — I look forward to hearing from you.",
        ]
        return lines
    }

    var voicemail: [String] {
        var lines = [
            "\(greeting), this is \(name). We spoke on \(interviewDay) about the \(role) position at \(company)."
        ]
        if let left = moment.voicemailDay {
            lines.append("I left a message on \(spoken(left)) and am trying once more.")
        }
        lines += [
            "Thank you again for your time; I remain very interested in the role and would love to hear where things stand.",
            "You can reach me at \(callerPhone ?? "[your number]"). Thanks, and have a good day.",
        ]
        return lines
    }

    var emailSubject: String {
        "Following up: \(role) interview on \(interviewDay)"
    }

    var email: [String] {
        [
            "\(interviewer.map { "Dear \($0)," } ?? "Hello,")",
            "",
            "We spoke on \(interviewDay) about the \(role) position at \(company). " + thanks,
            "I'm still very interested in the role. "
                + (application.highlights.isEmpty
                    ? "[One or two of your strongest qualifications for the role.]"
                    : "As a reminder: " + application.highlights.prefix(2).joined(separator: "; and ") + "."),
            decisionQuestion,
            "",
            "Best regards,",
            name + (callerPhone.map { "\n\($0)" } ?? ""),
        ]
    }
}
