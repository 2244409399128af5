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

/// Plain-text renderings of entries, relative to the tracker's *now* and the user's zone.
struct TextRenderer {
    let tracker: Tracker
    let style: Style

    func callTime(_ entry: AgendaEntry) -> String? { tracker.callTime(entry) }

    /// An instant as a confirmation prints it: "Thu Dec 3 17:00" on the user's clock,
    /// and "(15:00 their time)" when the interviewer's clock reads otherwise, so that a
    /// misread zone is seen at once.
    func moment(_ instant: Date, their zone: TimeZone) -> String {
        tracker.moment(instant, their: zone)
    }

    func title(_ application: Application) -> String {
        "\(application.company) — \(application.role)".oneLine
    }

    /// One line for a call to make: when, who, where, the number, and why.
    func callLine(_ entry: AgendaEntry) -> String {
        let assessment = entry.assessment
        let when = callTime(entry) ?? "no time"
        let marker = assessment.state == .overdue ? style.red(when) : style.green(when)
        return "  \(marker)  \(who(entry))\n      \(style.dim(assessment.reason.oneLine))"
    }

    /// One line for an entry in the agenda.
    func agendaLine(_ entry: AgendaEntry) -> String {
        let when = callTime(entry).map { " · call \($0)" } ?? ""
        return "  \(who(entry))\(when)\n      \(style.dim(entry.assessment.reason.oneLine))"
    }

    /// `today` as text (docs/commands.md §3.6): the calls that fall today on the user's
    /// clock; the due ones that must wait, with their day and why; the thank-you notes
    /// to send; then one line for everyone else.
    func today(_ list: TodayList) -> String {
        let today = tracker.today(in: tracker.userZone)
        let (calls, later) = tracker.splitByDay(list.calls)
        let count = calls.count + list.laterToday.count
        var lines = [
            style.bold("\(today.shortText) \(today.year): ")
                + (count == 0 ? "no calls to make" : count == 1 ? "1 call to make" : "\(count) calls to make")
        ]
        lines += calls.map(callLine)
        if !list.laterToday.isEmpty {
            lines.append(style.bold("Later today, once their day begins:"))
            lines += list.laterToday.map(callLine)
        }
        if !later.isEmpty {
            lines.append(style.bold("Due, but not callable today:"))
            lines += later.map(laterLine)
        }
        let letters = list.letters
        if !letters.isEmpty {
            lines.append(style.bold("Write instead (no number given):"))
            lines += letters.map(writeLine)
        }
        let notes = list.thankYouNotes
        if !notes.isEmpty {
            lines.append(style.bold("Thank-you notes to send:"))
            lines += notes.map(thankYouLine)
        }
        // The calls of later today are listed above: the summary is of everyone else.
        var counts = list.counts
        for entry in list.laterToday { counts[entry.assessment.state, default: 0] -= 1 }
        let waiting: [(FollowUpState, String)] = [
            (.waitingOnDecision, "waiting on a decision"), (.awaitingReply, "awaiting a reply"),
            (.callbackScheduled, "with a callback booked"), (.tooSoon, "too soon to call"),
            (.triedTwice, "tried enough"),
            (.goneQuiet, "gone quiet (mark one with `jobtrack status <id> ghosted`, or send one last note)"),
        ]
        let summary = waiting.compactMap { state, words in
            counts[state, default: 0] > 0 ? "\(counts[state, default: 0]) \(words)" : nil
        }
        if counts.isEmpty {
            lines.append("No open applications. Add one with `jobtrack add <company> <role>`.")
        } else {
            lines.append(
                summary.isEmpty ? "Nobody else is waiting on you." : "Also: " + summary.joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n")
    }

    /// A follow-up to write: to whom, and how to get the words.
    private func writeLine(_ entry: AgendaEntry) -> String {
        let who = entry.assessment.interviewer.map(\.oneLine) ?? "the interviewer"
        return "  #\(entry.application.id) \(style.bold(title(entry.application))) · write to \(who); "
            + "`jobtrack script \(entry.application.id)` drafts it, then `jobtrack call \(entry.application.id) --outcome wrote`"
    }

    /// Who and where, for one line of a list: the id, company and role, interviewer and number.
    private func who(_ entry: AgendaEntry) -> String {
        var parts = ["#\(entry.application.id)", style.bold(title(entry.application))]
        if let interviewer = entry.assessment.interviewer { parts.append(interviewer.oneLine) }
        if let phone = entry.assessment.phone { parts.append(phone) }
        return parts.joined(separator: " · ")
    }

    /// A due call that waits: when, and why not today.
    private func laterLine(_ entry: AgendaEntry) -> String {
        guard let time = callTime(entry) else {
            // The reason says why there is no time, and what to do.
            return "  \(who(entry))\n      \(style.dim(entry.assessment.reason.oneLine))"
        }
        let when = "call " + time + (tracker.delay(of: entry).map { " — \($0)" } ?? "")
        return "  \(who(entry))\n      \(when)\n      \(style.dim(entry.assessment.reason.oneLine))"
    }

    /// "Send Dana Smith a thank-you note: interviewed today at 10:00."
    private func thankYouLine(_ entry: AgendaEntry) -> String {
        let who = entry.assessment.interviewer ?? "the interviewer"
        guard let interview = entry.interview else { return "  #\(entry.application.id) Send \(who) a thank-you note" }
        let day = CalendarDate.containing(interview.heldAt, in: tracker.userZone)
        let today = tracker.today(in: tracker.userZone)
        let when = day == today ? "today" : day == today.adding(days: -1) ? "yesterday" : "on \(day.shortText)"
        let time =
            tracker.moment(interview.heldAt, their: tracker.zone(named: interview.tz))
            .split(separator: " ", maxSplits: 3).last.map(String.init) ?? ""
        return "  #\(entry.application.id) Send \(who.oneLine) a thank-you note: interviewed \(when) at \(time) "
            + "(\(title(entry.application))); then `jobtrack thanks \(entry.application.id)`"
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
            lines.append("    zone        \(interview.tz)" + (interview.country.map { ", holidays of \($0)" } ?? ""))
            lines.append("    phone       \(interview.phone ?? "none given")")
            if let decision = interview.decisionBy { lines.append("    decision by \(decision)") }
            if !interview.busy.isEmpty { lines.append("    busy        \(interview.busy.joined(separator: ", "))") }
            if interview.afterHoursOK { lines.append("    after hours ok") }
            if let thanked = interview.thankedAt { lines.append("    thanked     \(moment(thanked, their: zone))") }
            if let notes = interview.notes { lines.append("    notes       \(notes)") }
            for call in item.calls {
                var text = "    call \(call.id)  \(moment(call.at, their: zone)) \(call.outcome.rawValue)"
                if let number = call.number { text += " on \(number)" }
                if let callback = call.callbackAt { text += ", call back \(moment(callback, their: zone))" }
                if let decision = call.decisionBy { text += ", decision by \(decision)" }
                if let notes = call.notes { text += " — \(notes)" }
                lines.append(text)
            }
        }
        lines.append("  follow-up   \(entry.assessment.state.words): \(entry.assessment.reason)")
        if let when = callTime(entry) { lines.append("  call at     \(when)") }
        return lines.joined(separator: "\n")
    }

    /// What to say, after what the etiquette says about following up now.
    func script(_ script: CallScriptView) -> String {
        let entry = script.entry
        let id = entry.application.id
        let who = script.interview.interviewer?.oneLine ?? "the interviewer"
        var lines: [String] = []
        switch script.words {
        case .none(let reason):
            return style.bold("No follow-up to make: \(reason.oneLine).")
        case .email(let subject, let body):
            lines.append(style.bold("\(who) gave no number: don't call the front desk; write instead."))
            lines.append(style.dim("\(entry.assessment.state.words): \(entry.assessment.reason.oneLine)"))
            lines.append("")
            lines.append("Subject: \(subject)")
            lines.append("")
            lines += body
            lines.append("")
            lines.append("Once it is sent:  jobtrack call \(id) --outcome wrote")
        case .call(let call, let voicemail):
            let when = callTime(entry).map { " — \($0)" } ?? ""
            lines.append(style.bold("Call \(who) on \(script.interview.phone ?? "")\(when)"))
            lines.append(style.dim("\(entry.assessment.state.words): \(entry.assessment.reason.oneLine)"))
            lines.append("")
            lines += call.enumerated().map { "\($0.offset + 1). \($0.element)" }
            lines.append("")
            lines.append("If it is not a good time, ask when is better, then record it:")
            lines.append("  jobtrack call \(id) --outcome bad-time --callback-at \"tomorrow 10:00 their\"")
            lines.append("If they name a date for the decision:")
            lines.append("  jobtrack call \(id) --outcome reached --decision-by YYYY-MM-DD")
            lines.append("After the call:  jobtrack call \(id) --outcome reached --note \"what they said\"")
            lines.append("")
            lines.append(style.bold("If you reach voicemail:"))
            lines += voicemail.map { "  \($0)" }
            lines.append("Then record it:  jobtrack voicemail \(id)")
        }
        if script.caller == nil {
            lines.append("")
            lines.append(style.dim("Tip: set your name with `jobtrack config name \"Your Name\"`."))
        }
        return lines.joined(separator: "\n")
    }
}
