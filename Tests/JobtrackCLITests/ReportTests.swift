import Foundation
import Testing

/// The company name a careless page would run as markup.
private let hostile = "<img src=x onerror=alert(1)>"

/// Five applications on Wednesday 2026-12-02 10:30 in New York, built with the real
/// commands: two calls to make today (the hostile one overdue since Thanksgiving week),
/// one awaiting a reply, one not interviewed, one closed with an offer.
private func reportSearch() throws -> Sandbox {
    let box = try Sandbox()
    try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-11-16"])
    try box.interview(1, at: "2026-11-30 10:00")
    try box.add(hostile, "Engineer \"R&D\" 'lead'", ["--applied-on", "2026-11-10"])
    try box.interview(2, at: "2026-11-25 10:00", phone: "212-555-0102", with: "Pat <b>Bold</b>")
    try box.add("Globex", "Site Reliability Engineer", ["--applied-on", "2026-11-25"])
    try box.add("Initech", "Backend Developer", ["--applied-on", "2026-11-02"])
    try box.interview(4, at: "2026-11-30 09:00", phone: "212-555-0104", with: "Bill Lumbergh")
    try box.ok(["voicemail", "4", "--at", "2026-12-02 09:00"])
    try box.add("Hooli", "ML Engineer", ["--applied-on", "2026-11-03"])
    try box.ok(["status", "5", "offer"])
    return box
}

/// The headless browser the test needs: Debian's `chromium` (CI's .ci/run installs it).
private func browser() throws -> URL {
    let folders =
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        + ["/usr/bin", "/usr/local/bin", "/snap/bin"]
    for name in ["chromium", "chromium-headless-shell", "chromium-browser", "google-chrome"] {
        for folder in folders {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        }
    }
    let missing: URL? = nil
    return try #require(
        missing,
        "the report test needs a real browser and found none: install Debian's chromium (`apt-get install -y chromium`), as .ci/run does"
    )
}

/// Runs the browser headless on `page` with `arguments`; it runs as root in CI, hence no sandbox.
private func runBrowser(_ arguments: [String], page: String, in box: Sandbox) throws -> Outcome {
    let outcome = try runProgram(
        try browser(),
        [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(box.path("browser-profile"))",
        ] + arguments + [URL(fileURLWithPath: page).absoluteString],
        environment: box.baseEnvironment, scratch: box.folder, timeout: 120)
    try #require(outcome.status == 0, "the browser failed: \(outcome)")
    return outcome
}

/// Every tag of a serialized DOM. Text is serialized with `<` as `&lt;`, so each `<`
/// followed by a letter, `/` or `!` opens a real tag.
private func tags(of html: String) throws -> [String] {
    try Regex("<[A-Za-z/!][^>]*>").ignoresCase().wholeMatchesIn(html)
}

extension Regex<AnyRegexOutput> {
    fileprivate func wholeMatchesIn(_ text: String) -> [String] {
        text.matches(of: self).map { String(text[$0.range]) }
    }
}

/// The text between `start` and the first `end` after it.
private func slice(_ text: String, from start: String, to end: String) throws -> String {
    let from = try #require(text.range(of: start), "no \(start) in the page")
    let to = try #require(text.range(of: end, range: from.upperBound..<text.endIndex), "no \(end) after \(start)")
    return String(text[from.upperBound..<to.lowerBound])
}

@Suite("report")
struct ReportTests {
    @Test(
        "report --output: a page a real browser reads, with today's calls, the agenda and SVG charts, nothing fetched")
    func inBrowser() throws {
        let box = try reportSearch()
        let page = box.path("report.html")
        let written = try box.json(["report", "--output", page])
        #expect(written == .object(["output": .string(page)]))
        let attributes = try FileManager.default.attributesOfItem(atPath: page)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "the report is private: \(attributes)")

        // The file as written: user text escaped, even the quotes; no script; a print stylesheet.
        let raw = try String(contentsOfFile: page, encoding: .utf8)
        #expect(raw.hasPrefix("<!DOCTYPE html>"))
        #expect(raw.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(raw.contains("Engineer &quot;R&amp;D&quot; &#39;lead&#39;"))
        #expect(raw.contains("Pat &lt;b&gt;Bold&lt;/b&gt;"))
        #expect(!raw.lowercased().contains("<script"))
        #expect(raw.contains("@media print"))

        // What the browser made of it.
        let dom = try runBrowser(["--dump-dom"], page: page, in: box).stdout
        try #require(dom.contains("</html>"), "the browser printed no DOM: \(dom)")
        for company in ["Acme", "Globex", "Initech", "Hooli"] {
            #expect(dom.contains(company), "\(company) is not on the page")
        }
        // Today's calls, overdue first: the hostile application, then Acme at 10:30.
        let today = try slice(dom, from: "id=\"today\"", to: "id=\"agenda\"")
        let overdue = try #require(
            today.range(of: "&lt;img src=x onerror=alert(1)&gt;"), "no overdue call today: \(today)")
        let acme = try #require(today.range(of: "Acme"), "Acme's call is not among today's: \(today)")
        #expect(overdue.lowerBound < acme.lowerBound, "overdue comes first: \(today)")
        #expect(today.contains("Dana Reyes") && today.contains(danaPhone) && today.contains("10:30"))
        #expect(!today.contains("Initech") && !today.contains("Globex"), "only the calls due today: \(today)")
        #expect(today.contains("Thank-you notes to send"))
        // The agenda by state, in words.
        let agenda = try slice(dom, from: "id=\"agenda\"", to: "</section>")
        for heading in ["Overdue", "Due", "Awaiting a reply", "Not interviewed yet"] {
            #expect(agenda.contains(heading), "the agenda has no \(heading) group: \(agenda)")
        }
        #expect(!agenda.contains("awaiting_reply") && !agenda.contains("not_interviewed"), "state codes: \(agenda)")
        // Three charts, drawn in SVG.
        for section in ["pipeline", "calls", "weeks"] {
            let chart = try slice(dom, from: "id=\"\(section)\"", to: "</section>")
            #expect(chart.contains("<svg") && chart.contains("<rect"), "no SVG chart in \(section): \(chart)")
        }
        let pipeline = try slice(dom, from: "id=\"pipeline\"", to: "</section>")
        for status in ["applied", "interviewing", "offer", "accepted", "rejected", "withdrawn", "ghosted"] {
            #expect(pipeline.contains(">\(status)<"), "the pipeline has no \(status) bar")
        }
        let calls = try slice(dom, from: "id=\"calls\"", to: "</section>")
        #expect(calls.contains(">voicemail<") && calls.contains(">wrote<"))
        let weeks = try slice(dom, from: "id=\"weeks\"", to: "</section>")
        #expect(weeks.contains("2026-W45") && weeks.contains("2026-W49"), "weeks from Nov 2 to this week: \(weeks)")

        // The hostile name is text: no element came of it.
        #expect(dom.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!dom.lowercased().contains("<img"), "an <img> element came from user text")
        #expect(!dom.lowercased().contains("<b>"), "a <b> element came from user text")

        // Nothing outside the file is referenced, by any tag or by the stylesheet.
        let allTags = try tags(of: dom)
        #expect(allTags.count > 50, "too few tags read: \(allTags.count)")
        for tag in allTags {
            let lower = tag.lowercased()
            #expect(!lower.contains("http:") && !lower.contains("https:"), "a tag refers outside: \(tag)")
            #expect(!lower.contains("src="), "a tag loads something: \(tag)")
            #expect(!lower.contains("url("), "a tag loads something: \(tag)")
            if let href = lower.range(of: "href=") {
                #expect(lower[href.upperBound...].hasPrefix("\"#"), "a link leaves the page: \(tag)")
            }
            for element in ["<script", "<link", "<iframe", "<object", "<embed", "<img", "<image", "<use"] {
                #expect(!lower.hasPrefix(element), "an element that loads or runs something: \(tag)")
            }
        }
        let style = try slice(dom, from: "<style>", to: "</style>")
        #expect(
            !style.contains("@import") && !style.contains("url(") && !style.contains("http"),
            "the stylesheet fetches: \(style)")
        #expect(!dom.contains("http:") && !dom.contains("https:"), "an address in the page")

        // And it draws: a screenshot of the page is a real PNG.
        let screenshot = box.path("report.png")
        try runBrowser(
            ["--screenshot=\(screenshot)", "--window-size=1200,1600", "--hide-scrollbars"], page: page, in: box)
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.count > 10_000, "the screenshot is \(png.count) bytes")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "the screenshot is not a PNG")
        // JOBTRACK_KEEP_SCREENSHOT=path keeps a copy, to look at.
        if let keep = ProcessInfo.processInfo.environment["JOBTRACK_KEEP_SCREENSHOT"], !keep.isEmpty {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: screenshot, toPath: keep)
        }
    }

    @Test("report without --output writes jobtrack-report.html in the current folder, privately")
    func defaultFile() throws {
        let box = try reportSearch()
        let outcome = try box.ok(["report"])
        #expect(outcome.stdout == "Wrote the report to jobtrack-report.html.\n")
        let page = box.path("jobtrack-report.html")
        let attributes = try FileManager.default.attributesOfItem(atPath: page)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // Run again, it replaces the page, and leaves no temporary file beside it.
        try box.ok(["report"])
        let files = try FileManager.default.contentsOfDirectory(atPath: box.folder.path)
        #expect(!files.contains { $0.contains(".tmp-") }, "a temporary file was left: \(files)")
    }

    @Test("report on an empty database: a page that says so, with empty charts")
    func empty() throws {
        let box = try Sandbox()
        try box.json(["report", "--output", box.path("empty.html")])
        let raw = try String(contentsOfFile: box.path("empty.html"), encoding: .utf8)
        #expect(raw.contains("No calls to make today."))
        #expect(raw.contains("No open applications."))
        #expect(raw.contains("<svg"))
    }

    @Test("on a Friday evening a due call waits for Monday: listed apart from today's calls, as `today` lists it")
    func dueCallOnALaterDay() throws {
        let box = try Sandbox()
        try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-11-16"])
        try box.interview(1, at: "2026-11-30 10:00")
        let friday = "2026-12-04T17:05:00-05:00"
        let today = try box.ok(["today"], now: friday).stdout
        #expect(today.contains("no calls to make") && today.contains("Due, but not callable today"), "\(today)")
        try box.ok(["report", "--output", box.path("friday.html")], now: friday)
        let raw = try String(contentsOfFile: box.path("friday.html"), encoding: .utf8)
        let callsToday = try slice(raw, from: "<h3>Calls to make (0)</h3>", to: "<h3>")
        #expect(callsToday.contains("No calls to make today."), "\(callsToday)")
        let later = try slice(raw, from: "<h3>Due, but not callable today (1)</h3>", to: "</table>")
        #expect(later.contains("Acme") && later.contains("Mon Dec 7 09:00"), "\(later)")
        #expect(later.contains("their hours are over for today, then the weekend"), "\(later)")
    }

    @Test("in a Tokyo morning the London call of the evening is today's, and a due letter is on the page")
    func laterTodayAndLetters() throws {
        let box = try Sandbox()
        try box.ok(["config", "timezone", "Asia/Tokyo"])
        try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-12-01"])
        try box.add("Bolt", "Platform Engineer", ["--applied-on", "2026-12-01"])
        try box.interview(1, at: "2026-12-21 14:00 their", tz: "Europe/London", now: "2026-12-21T23:30:00+09:00")
        try box.interview(
            2, at: "2026-12-14 14:00 their", phone: nil, tz: "Europe/London", now: "2026-12-21T23:30:00+09:00")
        // 08:00 in Tokyo is 23:00 the day before in London: #1 is not due there yet.
        let morning = "2026-12-23T08:00:00+09:00"
        let today = try box.ok(["today"], now: morning).stdout
        #expect(today.hasPrefix("Wed Dec 23 2026: 1 call to make\nLater today, once their day begins:\n"), "\(today)")
        #expect(today.contains("18:00 (09:00 their time)  #1 · Acme"), "\(today)")
        #expect(!today.contains("too soon"), "the call is counted twice: \(today)")
        // JSON keeps docs/commands.md §3.13's shape: due and overdue calls, then thank-you notes.
        let states = try #require(try box.json(["today"], now: morning).array).map { $0["state"]?.string }
        #expect(states == ["too_soon"], "only #1's thank-you note: \(states)")
        try box.ok(["report", "--output", box.path("morning.html")], now: morning)
        let raw = try String(contentsOfFile: box.path("morning.html"), encoding: .utf8)
        let calls = try slice(raw, from: "<h3>Calls to make (1)</h3>", to: "<h3>")
        #expect(calls.contains("Later today, once their day begins") && calls.contains("18:00 (09:00 their time)"))
        #expect(!calls.contains("No calls to make today."), "\(calls)")
        let letters = try slice(raw, from: "<h3>Write instead (1)</h3>", to: "</ul>")
        #expect(letters.contains("Bolt") && letters.contains("jobtrack script 2"), "\(letters)")
    }

    @Test("the page gives the interviewer's date beside a call time only where it differs from yours")
    func theirDateOnlyWhereItDiffers() throws {
        let box = try Sandbox()
        try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-11-16"])
        try box.interview(1, at: "2026-11-30 10:00 their", tz: "Europe/London")
        let now = "2026-12-01T09:00:00-05:00"
        try box.ok(["report", "--output", box.path("page.html")], now: now)
        let raw = try String(contentsOfFile: box.path("page.html"), encoding: .utf8)
        // Wed Dec 2 13:00 in London is 08:00 the same day in New York.
        #expect(raw.contains("Wed Dec 2 08:00 (13:00 their time)"), "\(raw)")
        #expect(!raw.contains("(Wed Dec 2 13:00 their time)"))
        #expect(try box.ok(["agenda"], now: now).stdout.contains("Wed Dec 2 08:00 (13:00 their time)"))
    }

    @Test("report never replaces a database")
    func neverOverADatabase() throws {
        let box = try reportSearch()
        try box.expectRefusal(["report", "--output", box.db], mentioning: ["database"])
    }
}
