import Foundation
import Testing

/// Eight applications built with the real commands at Wednesday 2026-12-02 10:30 in New
/// York, one in every status, across two zones and two companies with two applications:
///
/// | id | company  | applied | interviews (held ≤ now)                 | calls                           | status       |
/// |----|----------|---------|-----------------------------------------|---------------------------------|--------------|
/// | 1  | Acme     | 11-16   | Mon 11-30 10:00                         | voicemail Wed 12-02 09:00       | interviewing |
/// | 2  | Globex   | 11-18   | Wed 11-25 20:00 NY = Thu 11-26 in Tokyo | reached Mon 11-30 21:00 NY = Tue 12-01 in Tokyo | offer |
/// | 3  | Initech  | 10-26   | 11-02, 11-09                            | no-answer 11-11, bad-time 11-12 | rejected     |
/// | 4  | Aperture | 12-01   | Fri 12-04 (not yet held)                | —                               | interviewing |
/// | 5  | Acme     | 11-25   | —                                       | —                               | withdrawn    |
/// | 6  | Umbrella | 10-01   | Sat 10-10                               | —                               | accepted     |
/// | 7  | Globex   | 11-27   | —                                       | —                               | applied      |
/// | 8  | Stark    | 09-15   | —                                       | —                               | ghosted      |
///
/// Days to the first interview held: 14, 8 (in Tokyo; 7 in New York), 7, 9 → median 8.5.
func searchInNumbers() throws -> Sandbox {
    let box = try Sandbox()
    try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-11-16"])
    try box.interview(1, at: "2026-11-30 10:00")
    try box.ok(["voicemail", "1", "--at", "2026-12-02 09:00"])

    try box.add("Globex", "Site Reliability Engineer", ["--applied-on", "2026-11-18"])
    try box.interview(2, at: "2026-11-25 20:00", phone: "+81 3 1234 5678", with: "Yuki Tanaka", tz: "Asia/Tokyo")
    try box.ok(["call", "2", "--outcome", "reached", "--at", "2026-11-30 21:00"])
    try box.ok(["status", "2", "offer"])

    try box.add("Initech", "Backend Developer", ["--applied-on", "2026-10-26"])
    try box.interview(3, at: "2026-11-02 10:00", phone: "212-555-0103", with: "Bill Lumbergh")
    try box.interview(3, at: "2026-11-09 10:00", phone: "212-555-0103", with: "Bill Lumbergh")
    try box.ok(["call", "3", "--outcome", "no-answer", "--at", "2026-11-11 10:00"])
    try box.ok(["call", "3", "--outcome", "bad-time", "--at", "2026-11-12 10:00", "--callback-at", "2026-11-13 10:00"])
    try box.ok(["status", "3", "rejected"])

    try box.add("Aperture", "QA Lead", ["--applied-on", "2026-12-01"])
    try box.interview(4, at: "2026-12-04 10:00", phone: "212-555-0104", with: "Cave Johnson")

    try box.add("Acme", "Data Engineer", ["--applied-on", "2026-11-25"])
    try box.ok(["status", "5", "withdrawn"])

    try box.add("Umbrella", "Designer", ["--applied-on", "2026-10-01"])
    try box.interview(6, at: "2026-10-10 10:00", phone: "212-555-0106", with: "Alice Abernathy")
    try box.ok(["status", "6", "accepted"])

    try box.add("Globex", "Product Manager", ["--applied-on", "2026-11-27"])

    try box.add("Stark", "Engineer", ["--applied-on", "2026-09-15"])
    try box.ok(["status", "8", "ghosted"])
    return box
}

/// The positions of `keys` in `text`, in order of the keys: increasing when they appear in that order.
private func expectInOrder(_ keys: [String], in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let positions = keys.map { key in text.range(of: "\"\(key)\"")?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil }, "missing keys among \(keys)", sourceLocation: sourceLocation)
    let found = positions.compactMap { $0 }
    #expect(found == found.sorted(), "keys out of order, expected \(keys): \(text)", sourceLocation: sourceLocation)
}

@Suite("stats")
struct StatsTests {
    @Test("stats --json: every field of the search in numbers")
    func everyField() throws {
        let box = try searchInNumbers()
        let stats = try box.json(["stats"])
        let expected = try JSON.parse(
            """
            {
              "since": null,
              "applications": 8,
              "by_status": {"applied": 1, "interviewing": 2, "offer": 1, "accepted": 1, "rejected": 1,
                            "withdrawn": 1, "ghosted": 1},
              "interviewed": 4,
              "interview_rate": 0.5,
              "offers": 2,
              "median_days_to_first_interview": 8.5,
              "calls": {"total": 4, "reached": 1, "voicemail": 1, "no-answer": 1, "bad-time": 1, "wrote": 0},
              "companies": [
                {"company": "Acme", "applications": 2, "interviews": 1, "calls": 1, "last_activity": "2026-12-02"},
                {"company": "Aperture", "applications": 1, "interviews": 0, "calls": 0, "last_activity": "2026-12-01"},
                {"company": "Globex", "applications": 2, "interviews": 1, "calls": 1, "last_activity": "2026-12-01"},
                {"company": "Initech", "applications": 1, "interviews": 2, "calls": 2, "last_activity": "2026-11-12"},
                {"company": "Umbrella", "applications": 1, "interviews": 1, "calls": 0, "last_activity": "2026-10-10"},
                {"company": "Stark", "applications": 1, "interviews": 0, "calls": 0, "last_activity": "2026-09-15"}
              ]
            }
            """)
        #expect(stats == expected, "stats --json: \(stats)")

        // The document's keys come in docs/commands.md §3.13's order, statuses and outcomes as listed there.
        let text = try box.ok(["stats", "--json"]).stdout
        expectInOrder(
            [
                "since", "applications", "by_status", "interviewed", "interview_rate", "offers",
                "median_days_to_first_interview", "calls", "companies",
            ], in: text)
        expectInOrder(["applied", "interviewing", "offer", "accepted", "rejected", "withdrawn", "ghosted"], in: text)
        expectInOrder(["total", "reached", "voicemail", "no-answer", "bad-time", "wrote"], in: text)
        let companies = try #require(text.range(of: "\"companies\""))
        expectInOrder(
            ["company", "applications", "interviews", "calls", "last_activity"],
            in: String(text[companies.upperBound...]))
    }

    @Test("an interview counts once held: the same search a week later counts the Aperture interview")
    func heldByNow() throws {
        let box = try searchInNumbers()
        let stats = try box.json(["stats"], now: "2026-12-09T10:00:00-05:00")
        #expect(stats["interviewed"] == .int(5))
        #expect(stats["interview_rate"] == .double(0.625))
        // 14, 8, 7, 9 and Aperture's 3: the median is 8.
        #expect(stats["median_days_to_first_interview"] == .int(8))
        let aperture = try #require(stats["companies"]?.array?.first { $0["company"] == .string("Aperture") })
        #expect(aperture["interviews"] == .int(1))
        #expect(aperture["last_activity"] == .string("2026-12-04"))
    }

    @Test(
        "--since counts the applications applied on or after it, with their interviews and calls",
        arguments: ["2026-11-18", "-14d"])
    func since(date: String) throws {
        let box = try searchInNumbers()
        let stats = try box.json(["stats", "--since", date])
        let expected = try JSON.parse(
            """
            {
              "since": "2026-11-18",
              "applications": 4,
              "by_status": {"applied": 1, "interviewing": 1, "offer": 1, "accepted": 0, "rejected": 0,
                            "withdrawn": 1, "ghosted": 0},
              "interviewed": 1,
              "interview_rate": 0.25,
              "offers": 1,
              "median_days_to_first_interview": 8,
              "calls": {"total": 1, "reached": 1, "voicemail": 0, "no-answer": 0, "bad-time": 0, "wrote": 0},
              "companies": [
                {"company": "Aperture", "applications": 1, "interviews": 0, "calls": 0, "last_activity": "2026-12-01"},
                {"company": "Globex", "applications": 2, "interviews": 1, "calls": 1, "last_activity": "2026-12-01"},
                {"company": "Acme", "applications": 1, "interviews": 0, "calls": 0, "last_activity": "2026-11-25"}
              ]
            }
            """)
        #expect(stats == expected, "stats --since \(date) --json: \(stats)")
    }

    @Test("the empty database: zeros, and null where there is nothing to divide")
    func empty() throws {
        let box = try Sandbox()
        let stats = try box.json(["stats"])
        let expected = try JSON.parse(
            """
            {
              "since": null, "applications": 0,
              "by_status": {"applied": 0, "interviewing": 0, "offer": 0, "accepted": 0, "rejected": 0,
                            "withdrawn": 0, "ghosted": 0},
              "interviewed": 0, "interview_rate": null, "offers": 0, "median_days_to_first_interview": null,
              "calls": {"total": 0, "reached": 0, "voicemail": 0, "no-answer": 0, "bad-time": 0, "wrote": 0},
              "companies": []
            }
            """)
        #expect(stats == expected)
        let since = try box.json(["stats", "--since", "2026-11-01"])
        #expect(since["since"] == .string("2026-11-01"))
        #expect(since["applications"] == .int(0))
        let text = try box.ok(["stats"]).stdout
        #expect(text.contains("Your search: 0 applications"))
        #expect(!text.contains("█"), "no bars for nothing: \(text)")
    }

    @Test("stats as text: the pipeline and the calls as bars of block characters")
    func text() throws {
        let box = try searchInNumbers()
        let outcome = try box.ok(["stats"])
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        let full = String(repeating: "█", count: 30)
        let half = String(repeating: "█", count: 15)
        // The largest count fills 30 cells; one of two fills half.
        #expect(lines.contains("  interviewing  2  \(full)"), "\(outcome)")
        #expect(lines.contains("  applied       1  \(half)"), "\(outcome)")
        #expect(lines.contains("  ghosted       1  \(half)"), "\(outcome)")
        #expect(lines.contains("  reached    1  \(full)"), "\(outcome)")
        #expect(lines.contains("  wrote      0"), "\(outcome)")
        #expect(lines.contains("Your search: 8 applications"))
        #expect(lines.contains("Interviewed: 4 of 8 (50%)"))
        #expect(lines.contains("Offers: 2"))
        #expect(lines.contains("Median time to a first interview: 8.5 days"))
        #expect(lines.contains("Calls: 4"))
        let companies = try #require(lines.firstIndex(of: "Companies, latest activity first"))
        #expect(lines[companies + 1].hasPrefix("  Acme "))
        #expect(lines[companies + 1].hasSuffix("2 applications, 1 interview, 1 call; last Wed Dec 2 2026"))
        #expect(lines[companies + 2].hasPrefix("  Aperture "))
    }

    @Test("bars are drawn to an eighth of a cell")
    func partialBlocks() throws {
        let box = try Sandbox()
        for index in 1...3 { try box.add("Company \(index)", "Engineer", ["--applied-on", "2026-11-0\(index)"]) }
        // Three applied, one withdrawn: 3 fills 30 cells, 1 fills 10.
        try box.add("Company 4", "Engineer", ["--applied-on", "2026-11-04"])
        try box.ok(["status", "4", "withdrawn"])
        let text = try box.ok(["stats"]).stdout
        #expect(text.contains("  applied       3  " + String(repeating: "█", count: 30) + "\n"), "\(text)")
        #expect(text.contains("  withdrawn     1  " + String(repeating: "█", count: 10) + "\n"), "\(text)")
        // Three rejected of ten, seven applied: 3/7 of 30 cells is 12 and 6.9 eighths, drawn 12 and ▉ (7/8).
        let many = try Sandbox()
        for index in 1...10 { try many.add("Firm \(index)", "Engineer", ["--applied-on", "2026-11-10"]) }
        for id in 1...3 { try many.ok(["status", String(id), "rejected"]) }
        let partial = try many.ok(["stats"]).stdout
        #expect(partial.contains("  rejected      3  " + String(repeating: "█", count: 12) + "▉\n"), "\(partial)")
    }
}
