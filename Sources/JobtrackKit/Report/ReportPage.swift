import FollowUp
import Foundation
import JobStore

/// The report page (docs/commands.md §3.8): one HTML file that stands alone — today's
/// calls and thank-you notes, the agenda by state, and the search charted. It runs no
/// script and refers to nothing outside itself (its Content-Security-Policy forbids
/// fetching anything), and every text the user typed is escaped.
public struct ReportPage: Sendable {
    /// The page, as UTF-8 HTML.
    public let html: String
    /// How many calls are to be made today, for the confirmation.
    public let callsToday: Int

    public var data: Data { Data(html.utf8) }
}

/// What `report --json` prints: where the page was written.
public struct WrittenJSON: Encodable, Sendable {
    public let output: String
}

/// The applications made in one ISO 8601 week (Monday to Sunday).
struct ReportWeek: Equatable {
    /// The week's Monday.
    let monday: CalendarDate
    let count: Int

    /// "2026-W49", as ISO 8601 names the week: by the year of its Thursday.
    var isoName: String {
        let thursday = monday.adding(days: 3)
        let newYear = CalendarDate(year: thursday.year, month: 1, day: 1)!
        let week = newYear.days(to: thursday) / 7 + 1
        return "\(thursday.year)-W\(week < 10 ? "0" : "")\(week)"
    }

    static func monday(of date: CalendarDate) -> CalendarDate {
        date.adding(days: 1 - date.weekday.rawValue)
    }

    /// Every week from the first application's to `through`'s (or the last
    /// application's, if later), empty weeks included, so the chart's gaps are real.
    static func weeks(of applied: [CalendarDate], through today: CalendarDate) -> [ReportWeek] {
        guard let first = applied.min(), let last = applied.max() else { return [] }
        var counts: [CalendarDate: Int] = [:]
        for date in applied { counts[monday(of: date), default: 0] += 1 }
        let start = monday(of: first)
        let end = monday(of: max(last, today))
        return stride(from: 0, through: start.days(to: end), by: 7).map { offset in
            let monday = start.adding(days: offset)
            return ReportWeek(monday: monday, count: counts[monday] ?? 0)
        }
    }
}

extension Tracker {
    /// Writes the report page to `file` (atomically, 0600), never over a database.
    public func writeReport(to file: String) throws -> WrittenJSON {
        try OutputFile.write(try reportPage().data, to: file)
        return WrittenJSON(output: file)
    }

    /// The report page as it stands at *now*.
    public func reportPage() throws -> ReportPage {
        // The page shows every call of the day and the first entries of each other state:
        // only those are kept as the applications are assessed.
        var calls: [AgendaEntry] = []
        var laterToday: [AgendaEntry] = []
        var letters: [AgendaEntry] = []
        var notes: [AgendaEntry] = []
        var shown = ShownEntries(limit: ReportWriter.agendaShown)
        // The figures are counted in the same walk: every history, closed ones too.
        var rows = StatsRows()
        let today = today(in: userZone)
        try forEachOpenEntry(
            every: { rows.count($0, heldBy: now) },
            { entry in
                let assessment = entry.assessment
                if assessment.state.isCallToday { calls.append(entry) } else { shown.offer(entry) }
                if assessment.comesDue(on: today, in: userZone) { laterToday.append(entry) }
                if assessment.state == .noNumber { letters.append(entry) }
                if assessment.listsThankYouNote { notes.append(entry) }
            })
        calls = calls.ordered(by: \.todayKey)
        let stats = try Self.stats(
            rows, since: nil,
            zone: { name in
                guard let zone = zones.zone(named: name) else {
                    throw Refusal.badStoredValue(row: "an interview", column: "tz", value: name)
                }
                return zone
            })
        let weeks = ReportWeek.weeks(
            of: rows.applications.compactMap { CalendarDate(iso: $0.appliedOn) }, through: today)
        for call in calls { shown.count(call) }
        let (callsToday, later) = splitByDay(calls)
        var page = ReportWriter(tracker: self, today: today)
        page.header(stats: stats)
        page.today(
            calls: callsToday, laterToday: laterToday.ordered(by: \.agendaKey), waiting: later,
            letters: letters.ordered(by: \.agendaKey), thankYou: notes.byID)
        page.agenda(shown, calls: calls)
        page.charts(stats: stats, weeks: weeks)
        page.companies(stats.companies)
        return ReportPage(html: page.finish(), callsToday: callsToday.count)
    }
}

/// How many open applications are in each state, and the first `limit` of each in the
/// agenda's order (by call time, then id), kept as they are offered.
struct ShownEntries {
    let limit: Int
    private(set) var counts: [FollowUpState: Int] = [:]
    private(set) var first: [FollowUpState: [AgendaEntry]] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    /// Counts an entry the page shows elsewhere.
    mutating func count(_ entry: AgendaEntry) {
        counts[entry.assessment.state, default: 0] += 1
    }

    /// Counts the entry, and keeps it while it is among the first of its state.
    mutating func offer(_ entry: AgendaEntry) {
        let state = entry.assessment.state
        count(entry)
        let key = entry.assessment.agendaKey
        var kept = first[state, default: []]
        if kept.count == limit, let last = kept.last, !(key < last.assessment.agendaKey) { return }
        first[state] = nil
        var low = 0
        var high = kept.count
        while low < high {
            let middle = (low + high) / 2
            if kept[middle].assessment.agendaKey < key { low = middle + 1 } else { high = middle }
        }
        kept.insert(entry, at: low)
        if kept.count > limit { kept.removeLast() }
        first[state] = kept
    }
}

/// Builds the page in one string, section by section. Every user text goes through
/// `text(_:)`; nothing else of the user's reaches the page.
struct ReportWriter {
    let tracker: Tracker
    let today: CalendarDate
    private(set) var html = ""
    /// Where reasons are worded, kept between rows.
    private var sentence: [UInt8] = []

    init(tracker: Tracker, today: CalendarDate) {
        self.tracker = tracker
        self.today = today
        html.reserveCapacity(1 << 16)
        html += """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>jobtrack — \(today.shortText) \(today.year)</title>
            <style>\(Self.stylesheet)</style>
            </head>
            <body>

            """
    }

    private func text(_ value: String) -> String {
        HTMLText.line(value)
    }

    /// An entry's reason for the page, worded as bytes rather than a String per row.
    private mutating func reason(_ entry: AgendaEntry) -> String {
        sentence.removeAll(keepingCapacity: true)
        entry.assessment.rule.appendText(to: &sentence)
        return sentence.withUnsafeBufferPointer(HTMLText.line(utf8:))
    }

    private func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
        count == 1 ? "1 \(one)" : "\(count) \(many ?? one + "s")"
    }

    mutating func header(stats: Stats) {
        let now = TimeText.hourMinute(tracker.now, in: tracker.userZone)
        html += "<header><h1>Your job search</h1>"
        html += "<p class=\"meta\">\(today.shortText) \(today.year), \(now) · \(text(tracker.userZone.identifier))</p>"
        var figures = ["\(plural(stats.applications, "application"))"]
        if let rate = stats.interviewRate {
            figures.append("\(stats.interviewed) interviewed (\(Int((rate * 100).rounded()))%)")
        }
        figures.append(plural(stats.offers, "offer"))
        if let median = stats.medianDaysToFirstInterview {
            let days = median == median.rounded() ? String(Int(median)) : String(format: "%.1f", median)
            figures.append("\(days) days to a first interview (median)")
        }
        figures.append(plural(stats.totalCalls, "call") + " logged")
        html += "<ul class=\"figures\">" + figures.map { "<li>\($0)</li>" }.joined() + "</ul></header>\n"
    }

    /// "09:00", or "Thu Dec 3 09:00" when not today, on the user's clock; the
    /// interviewer's clock in brackets when it reads otherwise.
    private func callTime(_ entry: AgendaEntry) -> String { tracker.callTime(entry) ?? "—" }

    private func title(_ entry: AgendaEntry) -> String {
        "<span class=\"company\">\(text(entry.application.company))</span> — \(text(entry.application.role))"
    }

    private func contact(_ entry: AgendaEntry) -> String {
        switch (entry.assessment.interviewer, entry.assessment.phone) {
        case let (name?, phone?): return text(name) + " · " + text(phone)
        case let (name?, nil): return text(name)
        case let (nil, phone?): return text(phone)
        case (nil, nil): return ""
        }
    }

    /// Today as `today` lists it: the calls of the day (those that come due later today
    /// apart), the due ones that wait for a later day, the letters to write, then the
    /// thank-you notes.
    mutating func today(
        calls: [AgendaEntry], laterToday: [AgendaEntry], waiting: [AgendaEntry], letters: [AgendaEntry],
        thankYou: [AgendaEntry]
    ) {
        html += "<section id=\"today\"><h2>Today</h2>\n"
        html += "<h3>Calls to make (\(calls.count + laterToday.count))</h3>\n"
        if calls.isEmpty && laterToday.isEmpty {
            html += "<p class=\"none\">No calls to make today.</p>\n"
        }
        if !calls.isEmpty { callTable(calls, id: "calls-today") }
        if !laterToday.isEmpty {
            html += "<h4>Later today, once their day begins</h4>\n"
            callTable(laterToday, id: "calls-later-today")
        }
        if !waiting.isEmpty {
            html += "<h3>Due, but not callable today (\(waiting.count))</h3>\n"
            callTable(waiting, id: "calls-later")
        }
        if !letters.isEmpty {
            html += "<h3>Write instead (\(letters.count))</h3>\n"
            entryList(letters, class: "letters") {
                ": no number given; <code>jobtrack script \($0.application.id)</code> drafts the letter"
            }
        }
        html += "<h3>Thank-you notes to send (\(thankYou.count))</h3>\n"
        if thankYou.isEmpty {
            html += "<p class=\"none\">No thank-you notes to send.</p>\n"
        } else {
            entryList(thankYou, class: "thanks") { _ in "" }
        }
        html += "</section>\n"
    }

    /// One item an entry: "#3 Acme — Engineer to Dana Reyes", then what `then` adds.
    private mutating func entryList(_ entries: [AgendaEntry], class name: StaticString, then: (AgendaEntry) -> String) {
        html += "<ul class=\"\(name)\">"
        for entry in entries {
            let who = entry.assessment.interviewer.map { " to \(text($0))" } ?? ""
            html += "<li>#\(entry.application.id) \(title(entry))\(who)\(then(entry))</li>\n"
        }
        html += "</ul>\n"
    }

    private mutating func callTable(_ calls: [AgendaEntry], id: StaticString) {
        html +=
            "<table class=\"calls\" id=\"\(id)\"><thead><tr><th>When</th><th>#</th><th>Application</th><th>Call</th>"
            + "<th>Why</th></tr></thead><tbody>\n"
        // Appended piece by piece: a row made whole first was a String per piece.
        for entry in calls {
            html += entry.assessment.state == .overdue ? "<tr class=\"overdue\">" : "<tr class=\"due\">"
            html += "<td class=\"when\">"
            html += text(callTime(entry))
            // Why a due call waits for a later day, as `today` says it; nil for today's.
            if let delay = tracker.delay(of: entry) { html += " — " + text(delay) }
            html += "</td><td>"
            html += String(entry.application.id)
            html += "</td><td>"
            html += title(entry)
            html += "</td><td>"
            html += contact(entry)
            html += "</td><td class=\"reason\">"
            html += reason(entry)
            html += "</td></tr>\n"
        }
        html += "</tbody></table>\n"
    }

    /// The agenda by state: the calls of the day in `today`'s order, the other states'
    /// first entries in the agenda's.
    mutating func agenda(_ shown: ShownEntries, calls: [AgendaEntry]) {
        html += "<section id=\"agenda\"><h2>Agenda</h2>\n"
        guard !shown.counts.isEmpty else {
            html += "<p class=\"none\">No open applications.</p></section>\n"
            return
        }
        for state in FollowUpState.agendaGroups {
            guard let count = shown.counts[state] else { continue }
            let members = state.isCallToday ? calls.filter { $0.assessment.state == state } : shown.first[state] ?? []
            html += "<h3>\(text(state.heading)) (\(count))</h3>\n<ul class=\"agenda\">\n"
            // A page to read and print: a long group shows its first entries and a count.
            for entry in members.prefix(Self.agendaShown) {
                var line = "<li><span class=\"id\">#\(entry.application.id)</span> \(title(entry))"
                let who = contact(entry)
                if !who.isEmpty { line += " · \(who)" }
                if entry.assessment.callAt != nil { line += " · call \(text(callTime(entry)))" }
                line += "<br><span class=\"reason\">\(reason(entry))</span></li>\n"
                html += line
            }
            html += "</ul>\n"
            if count > Self.agendaShown {
                html +=
                    "<p class=\"none\">… and \(count - Self.agendaShown) more: `jobtrack agenda` lists them all.</p>\n"
            }
        }
        html += "</section>\n"
    }

    /// How many entries of one state the agenda lists.
    static let agendaShown = 40

    mutating func charts(stats: Stats, weeks: [ReportWeek]) {
        html += "<section id=\"pipeline\"><h2>Pipeline by status</h2>\n<figure>"
        html += SVGChart.horizontalBars(
            title: "Applications by status", rows: stats.byStatus.map { ($0.status, $0.count) })
        html += "</figure></section>\n"
        html += "<section id=\"calls\"><h2>Calls by outcome</h2>\n<figure>"
        html += SVGChart.horizontalBars(
            title: "Calls by outcome", rows: stats.callsByOutcome.map { ($0.outcome, $0.count) })
        html += "</figure></section>\n"
        html += "<section id=\"weeks\"><h2>Applications per week</h2>\n<figure>"
        html += SVGChart.columns(
            title: "Applications per week",
            periods: weeks.map { week in
                // "Nov 30": the week's Monday without its weekday; the caption gives the years.
                let label = String(week.monday.shortText.dropFirst(4))
                return (
                    label, "\(week.isoName), week of \(week.monday.shortText): \(plural(week.count, "application"))",
                    week.count
                )
            })
        if let first = weeks.first, let last = weeks.last {
            html +=
                "<figcaption>By the date applied, ISO weeks \(first.isoName) to \(last.isoName); "
                + "each week is labelled by its Monday.</figcaption>"
        }
        html += "</figure></section>\n"
    }

    mutating func companies(_ companies: [Stats.Company]) {
        html += "<section id=\"companies\"><h2>Companies</h2>\n"
        guard !companies.isEmpty else {
            html += "<p class=\"none\">No applications yet.</p></section>\n"
            return
        }
        html +=
            "<table class=\"companies\"><thead><tr><th>Company</th><th>Applications</th><th>Interviews</th>"
            + "<th>Calls</th><th>Last activity</th></tr></thead><tbody>\n"
        // The most recent activity first; a long search's tail is summed up, not listed.
        for company in companies.prefix(Self.companiesShown) {
            html +=
                "<tr><td class=\"company\">\(text(company.company))</td><td>\(company.applications)</td>"
                + "<td>\(company.interviews)</td><td>\(company.calls)</td><td>\(company.lastActivity.iso)</td></tr>\n"
        }
        html += "</tbody></table>"
        if companies.count > Self.companiesShown {
            html +=
                "<p class=\"none\">… and \(companies.count - Self.companiesShown) more companies, quieter longer.</p>"
        }
        html += "</section>\n"
    }

    /// How many companies the table lists.
    static let companiesShown = 50

    func finish() -> String {
        html + "<footer>Written by jobtrack \(JobtrackVersion.current). This page stands alone: "
            + "no script, nothing fetched.</footer>\n</body>\n</html>\n"
    }

    static let stylesheet = """

        :root { color-scheme: light; --ink: #1d232a; --muted: #5b6673; --rule: #d8dee4; --accent: #1f6feb; }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
               color: var(--ink); background: #f6f8fa; margin: 0 auto; max-width: 1000px; padding: 24px; }
        header, section { background: #fff; border: 1px solid var(--rule); border-radius: 8px; padding: 16px 20px;
                          margin-bottom: 16px; }
        h1 { margin: 0 0 4px; font-size: 26px; }
        h2 { margin: 0 0 10px; font-size: 19px; border-bottom: 1px solid var(--rule); padding-bottom: 6px; }
        h3 { margin: 14px 0 6px; font-size: 16px; }
        h4 { margin: 10px 0 4px; font-size: 14px; color: var(--muted); }
        .meta, .reason, figcaption, footer, .none { color: var(--muted); }
        .figures { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 8px 20px; }
        .figures li { font-weight: 600; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
        th { font-size: 13px; color: var(--muted); font-weight: 600; }
        tr.overdue td.when { color: #b42318; font-weight: 700; }
        tr.due td.when { color: #1a7f37; font-weight: 700; }
        .company { font-weight: 600; }
        ul.agenda { list-style: none; padding: 0; margin: 0; }
        ul.agenda li { padding: 5px 0; border-bottom: 1px dotted var(--rule); }
        .id { color: var(--muted); font-variant-numeric: tabular-nums; }
        .reason { font-size: 13px; }
        figure { margin: 0; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        svg .label, svg .count, svg .tick { font: 13px system-ui, sans-serif; fill: var(--ink); }
        svg .tick { font-size: 11px; fill: var(--muted); }
        svg .axis { stroke: var(--muted); stroke-width: 1; }
        .bar-0 { fill: #1f6feb; } .bar-1 { fill: #8250df; } .bar-2 { fill: #1a7f37; } .bar-3 { fill: #2da44e; }
        .bar-4 { fill: #cf222e; } .bar-5 { fill: #9a6700; } .bar-6 { fill: #6e7781; } .bar-7 { fill: #bc4c00; }
        footer { font-size: 12px; text-align: center; }
        @media print {
          body { background: #fff; max-width: none; padding: 0; font-size: 10.5pt; }
          header, section { border: none; border-radius: 0; padding: 0; margin: 0 0 14pt; }
          section { break-inside: avoid; }
          #agenda, #companies { break-inside: auto; }
          h2 { border-bottom: 1pt solid #000; }
          tr, li { break-inside: avoid; }
          .meta, .reason, figcaption, footer, .none, .id, th { color: #333; }
          svg .label, svg .count { fill: #000; }
          tr.overdue td.when, tr.due td.when { color: #000; }
        }

        """
}
