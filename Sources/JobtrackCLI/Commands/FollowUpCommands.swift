import ArgumentParser
import FollowUp
import Foundation
import JobStore

struct Today: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Whom to call today: overdue first, then by the time to call.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let session = try Session(global)
        let entries = session.agenda(try session.repository.histories(.open, withHighlights: false))
        if session.json {
            try JSONOutput.print(entries.callsToday.map(AgendaJSON.init))
        } else {
            print(session.renderer.today(entries))
        }
    }
}

struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Every open application's follow-up state, grouped by state.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Include closed applications.")
    var all = false

    func run() throws {
        let session = try Session(global)
        let entries = session.agenda(try session.repository.histories(all ? .all : .open, withHighlights: false))
        if session.json {
            try JSONOutput.print(entries.map(AgendaJSON.init))
        } else {
            print(session.renderer.agenda(entries))
        }
    }
}

struct Script: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script",
        abstract: "What to say on the follow-up call, and as a voicemail.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The application's id.", transform: PositiveID.parse)
    var id: Int64

    struct Document: Encodable {
        let id: Int64
        let interviewer: String?
        let phone: String?
        let callAt: String?
        let call: [String]
        let voicemail: [String]

        enum CodingKeys: String, CodingKey {
            case id, interviewer, phone, callAt = "call_at", call, voicemail
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(interviewer, forKey: .interviewer)
            try container.encode(phone, forKey: .phone)
            try container.encode(callAt, forKey: .callAt)
            try container.encode(call, forKey: .call)
            try container.encode(voicemail, forKey: .voicemail)
        }
    }

    func run() throws {
        let session = try Session(global)
        let entry = try session.entry(for: id)
        guard let interview = entry.interview else { throw Refusal.noInterview(application: id) }
        let writer = CallScript(
            application: entry.application, interview: interview, zone: session.zone(named: interview.tz),
            caller: try session.repository.setting("name"))
        if session.json {
            try JSONOutput.print(Document(
                id: id, interviewer: interview.interviewer, phone: interview.phone,
                callAt: entry.assessment.callAtText, call: writer.call, voicemail: writer.voicemail))
            return
        }
        let style = Style.forStandardOutput()
        var lines: [String] = []
        let who = interview.interviewer ?? "the interviewer"
        switch entry.assessment.state {
        case .triedTwice, .followedUp, .closed:
            // The words are still here for whoever wants them, but the etiquette comes first.
            lines.append(style.bold("No call is due: \(entry.assessment.reason)."))
        default:
            break
        }
        if let phone = interview.phone {
            let when = session.renderer.callTime(entry).map { " — \($0)" } ?? ""
            lines.append(style.bold("Call \(who) on \(phone)\(when)"))
        } else {
            lines.append(style.bold("\(who) gave no number: don't call the front desk; write instead — the same points make a short email."))
        }
        lines.append(style.dim("\(entry.assessment.state.rawValue): \(entry.assessment.reason)"))
        lines.append("")
        lines += writer.call.enumerated().map { "\($0.offset + 1). \($0.element)" }
        lines.append("")
        lines.append("If it is not a good time, ask when is better, then record it:")
        lines.append("  jobtrack call \(id) --outcome bad-time --callback-at \"YYYY-MM-DD HH:MM\"")
        lines.append("After the call:  jobtrack call \(id) --outcome reached --note \"what they said\"")
        lines.append("")
        lines.append(style.bold("If you reach voicemail:"))
        lines += writer.voicemail.map { "  \($0)" }
        lines.append("Then record it:  jobtrack voicemail \(id)")
        if writer.caller == nil {
            lines.append("")
            lines.append(style.dim("Tip: set your name with `jobtrack config name \"Your Name\"`."))
        }
        print(lines.joined(separator: "\n"))
    }
}

/// The words of a follow-up call, from the etiquette: check it is a good time, say who
/// you are and when you met, thank them, reaffirm interest, ask about the decision,
/// restate one or two strengths. The voicemail says the same in a breath.
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
