import FollowUp
import Foundation
import JobStore
import JobtrackKit

/// Terminal styling: colour only on a terminal, and never with `NO_COLOR` set.
struct Style {
    let enabled: Bool

    static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Style {
        Style(enabled: isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
}

extension FollowUpState {
    /// How a person names the state in a heading.
    var heading: String {
        switch self {
        case .overdue: "Overdue"
        case .due: "Call today"
        case .noNumber: "No number: write instead"
        case .callbackScheduled: "Callback scheduled"
        case .awaitingReply: "Awaiting a reply"
        case .tooSoon: "Too soon to call"
        case .waitingOnDecision: "Waiting on a decision"
        case .triedTwice: "Tried enough: stop calling"
        case .followedUp: "Followed up"
        case .notInterviewed: "Not interviewed yet"
        case .closed: "Closed"
        }
    }

    /// The order of the agenda's groups: what needs doing first.
    static let agendaGroups: [FollowUpState] = [
        .overdue, .due, .noNumber, .callbackScheduled, .awaitingReply, .tooSoon, .waitingOnDecision,
        .triedTwice, .followedUp, .notInterviewed, .closed,
    ]
}

/// Plain-text renderings of entries, relative to the tracker's *now* and the user's zone.
struct TextRenderer {
    let tracker: Tracker
    let style: Style

    /// "09:00", "Thu Dec 3 09:00" when not today, and the interviewer's own clock in
    /// brackets when their zone differs from the user's.
    func callTime(_ entry: AgendaEntry) -> String? {
        guard let callAt = entry.assessment.callAt else { return nil }
        let userZone = tracker.userZone
        var text = dayAndTime(callAt, in: userZone)
        if let zone = entry.assessment.timeZone, zone.secondsFromGMT(for: callAt) != userZone.secondsFromGMT(for: callAt) {
            text += " (\(dayAndTime(callAt, in: zone, relativeTo: userZone)) their time)"
        }
        return text
    }

    /// An instant as a confirmation prints it: "Thu Dec 3 17:00" on the user's clock,
    /// and "(15:00 their time)" when the interviewer's clock reads otherwise, so that a
    /// misread zone is seen at once.
    func moment(_ instant: Date, their zone: TimeZone) -> String {
        let userZone = tracker.userZone
        let day = CalendarDate.containing(instant, in: userZone)
        var text = "\(day.shortText) \(TimeText.hourMinute(instant, in: userZone))"
        if zone.secondsFromGMT(for: instant) != userZone.secondsFromGMT(for: instant) {
            let theirDay = CalendarDate.containing(instant, in: zone)
            let time = TimeText.hourMinute(instant, in: zone)
            text += " (\(theirDay == day ? time : "\(theirDay.shortText) \(time)") their time)"
        }
        return text
    }

    private func dayAndTime(_ instant: Date, in zone: TimeZone, relativeTo reference: TimeZone? = nil) -> String {
        let day = CalendarDate.containing(instant, in: zone)
        let today = tracker.today(in: reference ?? zone)
        let time = TimeText.hourMinute(instant, in: zone)
        return day == today ? time : "\(day.shortText) \(time)"
    }

    func title(_ application: Application) -> String {
        "\(application.company) — \(application.role)"
    }

    /// One line for a call to make: when, who, where, the number, and why.
    func callLine(_ entry: AgendaEntry) -> String {
        let assessment = entry.assessment
        var parts = ["#\(entry.application.id)", style.bold(title(entry.application))]
        if let interviewer = assessment.interviewer { parts.append(interviewer) }
        if let phone = assessment.phone { parts.append(phone) }
        let when = callTime(entry) ?? "—"
        let marker = assessment.state == .overdue ? style.red(when) : style.green(when)
        return "  \(marker)  \(parts.joined(separator: " · "))\n      \(style.dim(assessment.reason))"
    }

    /// One line for an entry in the agenda.
    func agendaLine(_ entry: AgendaEntry) -> String {
        var parts = ["#\(entry.application.id)", style.bold(title(entry.application))]
        if let interviewer = entry.assessment.interviewer { parts.append(interviewer) }
        if let phone = entry.assessment.phone { parts.append(phone) }
        if let when = callTime(entry) { parts.append("call \(when)") }
        return "  \(parts.joined(separator: " · "))\n      \(style.dim(entry.assessment.reason))"
    }

    func today(_ entries: [AgendaEntry]) -> String {
        let today = tracker.today(in: tracker.userZone)
        let calls = entries.callsToday
        var lines = [style.bold("\(today.shortText) \(today.year): ")
            + (calls.isEmpty ? "no calls to make" : calls.count == 1 ? "1 call to make" : "\(calls.count) calls to make")]
        lines += calls.map(callLine)
        let counts = Dictionary(grouping: entries, by: \.assessment.state).mapValues(\.count)
        let waiting: [(FollowUpState, String)] = [
            (.waitingOnDecision, "waiting on a decision"), (.awaitingReply, "awaiting a reply"),
            (.callbackScheduled, "with a callback booked"), (.tooSoon, "too soon to call"),
            (.triedTwice, "tried enough"), (.noNumber, "with no number (write instead)"),
        ]
        let summary = waiting.compactMap { state, words in counts[state].map { "\($0) \(words)" } }
        if entries.isEmpty {
            lines.append("No open applications. Add one with `jobtrack add <company> <role>`.")
        } else {
            lines.append(summary.isEmpty ? "Nobody else is waiting on you." : "Also: " + summary.joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n")
    }

    func agenda(_ entries: [AgendaEntry]) -> String {
        guard !entries.isEmpty else { return "No open applications. Add one with `jobtrack add <company> <role>`." }
        let groups = Dictionary(grouping: entries, by: \.assessment.state)
        var lines: [String] = []
        for state in FollowUpState.agendaGroups {
            guard var members = groups[state] else { continue }
            if state.isCallToday { members = members.ordered(by: \.todayKey) }
            if !lines.isEmpty { lines.append("") }
            lines.append(style.bold("\(state.heading) (\(members.count))"))
            lines += members.map(agendaLine)
        }
        return lines.joined(separator: "\n")
    }

    func listRow(_ application: Application) -> String {
        "#\(application.id)  \(title(application))  [\(application.status.rawValue)]  applied \(application.appliedOn)"
    }

    func show(_ entry: AgendaEntry) -> String {
        let application = entry.application
        var lines = [
            style.bold("#\(application.id) \(title(application))"),
            "  status      \(application.status.rawValue)",
            "  applied on  \(application.appliedOn)",
        ]
        if let url = application.url { lines.append("  url         \(url)") }
        if let notes = application.notes { lines.append("  notes       \(notes)") }
        for highlight in application.highlights { lines.append("  highlight   \(highlight)") }
        for item in entry.history.interviews {
            let interview = item.interview
            let zone = tracker.zone(named: interview.tz)
            var header = "  interview \(interview.id)  \(moment(interview.heldAt, their: zone))"
            if let interviewer = interview.interviewer { header += " with \(interviewer)" }
            lines.append(header)
            lines.append("    phone       \(interview.phone ?? "none given")")
            if let decision = interview.decisionBy { lines.append("    decision by \(decision)") }
            if !interview.busy.isEmpty { lines.append("    busy        \(interview.busy.joined(separator: ", "))") }
            if interview.afterHoursOK { lines.append("    after hours ok") }
            if let notes = interview.notes { lines.append("    notes       \(notes)") }
            for call in item.calls {
                var text = "    call \(call.id)  \(moment(call.at, their: zone)) \(call.outcome.rawValue)"
                if let number = call.number { text += " on \(number)" }
                if let callback = call.callbackAt { text += ", call back \(moment(callback, their: zone))" }
                if let notes = call.notes { text += " — \(notes)" }
                lines.append(text)
            }
        }
        lines.append("  follow-up   \(entry.assessment.state.rawValue): \(entry.assessment.reason)")
        if let when = callTime(entry) { lines.append("  call at     \(when)") }
        return lines.joined(separator: "\n")
    }

    /// What to say, after what the etiquette says about calling now.
    func script(_ script: CallScriptView) -> String {
        let entry = script.entry
        let id = entry.application.id
        var lines: [String] = []
        let who = script.interview.interviewer ?? "the interviewer"
        switch entry.assessment.state {
        case .triedTwice, .followedUp, .closed:
            // The words are still here for whoever wants them, but the etiquette comes first.
            lines.append(style.bold("No call is due: \(entry.assessment.reason)."))
        default:
            break
        }
        if let phone = script.interview.phone {
            let when = callTime(entry).map { " — \($0)" } ?? ""
            lines.append(style.bold("Call \(who) on \(phone)\(when)"))
        } else {
            lines.append(style.bold("\(who) gave no number: don't call the front desk; write instead — the same points make a short email."))
        }
        lines.append(style.dim("\(entry.assessment.state.rawValue): \(entry.assessment.reason)"))
        lines.append("")
        lines += script.call.enumerated().map { "\($0.offset + 1). \($0.element)" }
        lines.append("")
        lines.append("If it is not a good time, ask when is better, then record it:")
        lines.append("  jobtrack call \(id) --outcome bad-time --callback-at \"YYYY-MM-DD HH:MM\"")
        lines.append("After the call:  jobtrack call \(id) --outcome reached --note \"what they said\"")
        lines.append("")
        lines.append(style.bold("If you reach voicemail:"))
        lines += script.voicemail.map { "  \($0)" }
        lines.append("Then record it:  jobtrack voicemail \(id)")
        if script.caller == nil {
            lines.append("")
            lines.append(style.dim("Tip: set your name with `jobtrack config name \"Your Name\"`."))
        }
        return lines.joined(separator: "\n")
    }
}
