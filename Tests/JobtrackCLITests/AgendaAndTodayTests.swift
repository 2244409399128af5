import Foundation
import Testing

/// Friday 2026-12-04, 10:15 in New York.
private let fridayMorning = "2026-12-04T10:15:00-05:00"

/// Seven applications in every kind of state on Friday morning, added in an order that
/// differs from every sort order:
///
/// | id | company  | history                                  | state            | call_at          |
/// |----|----------|------------------------------------------|------------------|------------------|
/// | 1  | Umbrella | Tue 12-01, busy 09:00-13:00              | due (12-03..04)  | 12-04 13:00      |
/// | 2  | Acme     | Mon 11-30                                | overdue (..12-03)| 12-04 10:15      |
/// | 3  | Globex   | no interview                             | not_interviewed  | null             |
/// | 4  | Initech  | Tue 12-01                                | due (12-03..04)  | 12-04 10:15      |
/// | 5  | Hooli    | status offer                             | closed           | null             |
/// | 6  | Soylent  | Thu 12-03                                | too_soon         | 12-07 09:00      |
/// | 7  | Stark    | Wed 11-25 (Thu 11-26 is Thanksgiving)    | overdue (..12-01)| 12-04 10:15      |
private func busyFriday() throws -> Sandbox {
    let sandbox = try Sandbox(now: fridayMorning)
    try sandbox.add("Umbrella", "Data Engineer")
    try sandbox.interview(
        1, at: "2026-12-01T10:00", phone: "212-555-0101", with: "Uma Chen", ["--busy", "09:00-13:00"])
    try sandbox.add("Acme", "Platform Engineer")
    try sandbox.interview(2, at: "2026-11-30T10:00", phone: "212-555-0102", with: "Dana Reyes")
    try sandbox.add("Globex", "SRE")
    try sandbox.add("Initech", "Backend Engineer")
    try sandbox.interview(4, at: "2026-12-01T10:00", phone: "212-555-0104", with: "Bill Lumbergh")
    try sandbox.add("Hooli", "ML Engineer")
    try sandbox.ok(["status", "5", "offer"])
    try sandbox.add("Soylent", "Food Scientist")
    try sandbox.interview(6, at: "2026-12-03T10:00", phone: "212-555-0106", with: "Sol Green")
    try sandbox.add("Stark", "Engineer")
    try sandbox.interview(7, at: "2026-11-25T10:00", phone: "212-555-0107", with: "Pepper Potts")
    return sandbox
}

@Suite("agenda and today")
struct AgendaAndTodayTests {
    @Test("agenda --json: every open application, by call_at then id")
    func agendaOrder() throws {
        let sandbox = try busyFriday()
        let agenda = try sandbox.json(["agenda"])
        let entries = try #require(agenda.array)
        for entry in entries { expectAgendaShape(entry) }
        #expect(entries.map { $0["id"]?.int } == [2, 4, 7, 1, 6, 3])
        let byID = Dictionary(
            uniqueKeysWithValues: entries.compactMap { entry in entry["id"]?.int.map { ($0, entry) } })
        try expectFollowUp(
            #require(byID[1]), state: "due", window: ("2026-12-03", "2026-12-04"),
            callAt: "2026-12-04T13:00-05:00")
        try expectFollowUp(
            #require(byID[2]), state: "overdue", window: ("2026-12-02", "2026-12-03"),
            callAt: "2026-12-04T10:15-05:00")
        try expectFollowUp(#require(byID[3]), state: "not_interviewed", window: nil, callAt: nil)
        try expectFollowUp(
            #require(byID[4]), state: "due", window: ("2026-12-03", "2026-12-04"),
            callAt: "2026-12-04T10:15-05:00")
        try expectFollowUp(
            #require(byID[6]), state: "too_soon", window: ("2026-12-07", "2026-12-08"),
            callAt: "2026-12-07T09:00-05:00")
        // Thanksgiving, Thursday 11-26, is no business day: the window is Mon 11-30 – Tue 12-01.
        try expectFollowUp(
            #require(byID[7]), state: "overdue", window: ("2026-11-30", "2026-12-01"),
            callAt: "2026-12-04T10:15-05:00")
        #expect(byID[2]?["interviewer"] == .string("Dana Reyes"))
        #expect(byID[2]?["phone"] == .string("212-555-0102"))
        #expect(byID[2]?["company"] == .string("Acme"))
        #expect(byID[2]?["role"] == .string("Platform Engineer"))
    }

    @Test("agenda --all --json adds the closed applications")
    func agendaAll() throws {
        let sandbox = try busyFriday()
        let agenda = try sandbox.json(["agenda", "--all"])
        let entries = try #require(agenda.array)
        for entry in entries { expectAgendaShape(entry) }
        #expect(entries.map { $0["id"]?.int } == [2, 4, 7, 1, 6, 3, 5])
        let hooli = try #require(entries.last)
        expectFollowUp(hooli, state: "closed", window: nil, callAt: nil)
        #expect(hooli["status"] == .string("offer"))
    }

    @Test("a not-interviewed application has no interviewer, number or zone to show")
    func notInterviewed() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        let entry = try sandbox.agendaEntry(1)
        expectAgendaShape(entry)
        expectFollowUp(entry, state: "not_interviewed", window: nil, callAt: nil)
        #expect(entry["interviewer"] == .null)
        #expect(entry["phone"] == .null)
        #expect(entry["unanswered_attempts"] == .int(0))
    }

    @Test("today --json: overdue first (oldest due_by first), then due by call_at, then thank-you notes by id")
    func todayOrder() throws {
        let sandbox = try busyFriday()
        let today = try sandbox.json(["today"])
        let entries = try #require(today.array)
        for entry in entries { expectAgendaShape(entry) }
        #expect(entries.map { $0["id"]?.int } == [7, 2, 4, 1, 6])
        #expect(entries.map { $0["state"]?.string } == ["overdue", "overdue", "due", "due", "too_soon"])
        // Soylent's interview was yesterday and no note is recorded: the day after is the last day for one.
        #expect(entries.last?["thank_you_due"] == .bool(true))
    }

    @Test("today as text: one line per call, overdue first, with time, company, interviewer and number")
    func todayText() throws {
        let sandbox = try busyFriday()
        let outcome = try sandbox.ok(["today"])
        let text = outcome.stdout
        #expect(!text.contains("\u{1B}"), "NO_COLOR is set and stdout is not a terminal")
        for fragment in [
            "Stark", "Pepper Potts", "212-555-0107", "Acme", "Dana Reyes", "212-555-0102",
            "Initech", "Umbrella", "Uma Chen", "212-555-0101", "10:15", "13:00",
        ] {
            #expect(text.contains(fragment), "today should mention \(fragment):\n\(text)")
        }
        for company in ["Globex", "Hooli"] {
            #expect(!text.contains(company), "\(company) is not to be called today:\n\(text)")
        }
        // Soylent is not to be called, but its interviewer is owed a thank-you note.
        let notes = try #require(text.range(of: "Thank-you notes to send:"), "\(text)")
        #expect(text[notes.upperBound...].contains("Send Sol Green a thank-you note: interviewed yesterday at 10:00"))
        #expect(!text[..<notes.lowerBound].contains("Soylent"))
        let positions = ["Stark", "Acme", "Initech", "Umbrella"].compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions == positions.sorted() && positions.count == 4, "overdue first, then by call_at:\n\(text)")
    }

    @Test("today as text names the company, interviewer, number and local time")
    func todayTextSimple() throws {
        let sandbox = try Sandbox(now: "2026-12-02T08:00:00-05:00")
        try sandbox.add("Acme", "Platform Engineer")
        try sandbox.interview(1)
        let outcome = try sandbox.ok(["today"])
        for fragment in ["Acme", "Dana Reyes", danaPhone, "09:00"] {
            #expect(outcome.stdout.contains(fragment), "today should mention \(fragment): \(outcome)")
        }
    }

    @Test("today shows the user's time and the interviewer's when their zones differ")
    func todayTwoZones() throws {
        let sandbox = try Sandbox(now: "2026-12-02T11:00:00-05:00")
        try sandbox.add("Acme", "Platform Engineer")
        try sandbox.interview(1, at: "2026-11-30T10:00", tz: "America/Los_Angeles")
        let entry = try #require(try sandbox.json(["today"]).array?.first)
        expectFollowUp(entry, state: "due", window: ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T09:00-08:00")
        #expect(entry["tz"] == .string("America/Los_Angeles"))
        let outcome = try sandbox.ok(["today"])
        #expect(outcome.stdout.contains("12:00"), "the user's local time: \(outcome)")
        #expect(outcome.stdout.contains("09:00"), "the interviewer's time: \(outcome)")
    }

    @Test("no colour when stdout is not a terminal, even without NO_COLOR")
    func noColourOffTerminal() throws {
        let sandbox = try busyFriday()
        for arguments in [["today"], ["agenda", "--all"], ["list"], ["show", "2"], ["script", "2"]] {
            let outcome = try sandbox.run(arguments, environment: ["NO_COLOR": nil, "TERM": "xterm-256color"])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(!outcome.stdout.contains("\u{1B}"), "colour codes in a file: \(outcome)")
        }
    }

    @Test("today with nothing due exits 0; --json prints an empty array")
    func todayEmpty() throws {
        let sandbox = try Sandbox(now: "2026-12-01T12:00:00-05:00")
        try sandbox.add()
        try sandbox.interview(1)
        try sandbox.ok(["thanks", "1", "--at", "2026-11-30 18:00"])
        try sandbox.ok(["today"])
        #expect(try sandbox.json(["today"]) == .array([]))
        let empty = try Sandbox()
        #expect(try empty.ok(["today"]).stdout.contains("Add one with `jobtrack add <company> <role>`"))
        #expect(try empty.json(["today"]) == .array([]))
        #expect(try empty.json(["agenda"]) == .array([]))
    }

    @Test("agenda as text lists open applications; --all adds the closed ones")
    func agendaText() throws {
        let sandbox = try busyFriday()
        let open = try sandbox.ok(["agenda"])
        for company in ["Umbrella", "Acme", "Globex", "Initech", "Soylent", "Stark"] {
            #expect(open.stdout.contains(company), "agenda should list \(company): \(open)")
        }
        #expect(!open.stdout.contains("Hooli"), "closed applications only with --all: \(open)")
        #expect(!open.stdout.contains("\u{1B}"))
        let all = try sandbox.ok(["agenda", "--all"])
        #expect(all.stdout.contains("Hooli"), "\(all)")
    }

    // MARK: Settings that shape the rules

    @Test("business_hours moves call_at into the user's business hours")
    func businessHours() throws {
        let sandbox = try Sandbox(now: "2026-12-02T09:30:00-05:00")
        try sandbox.ok(["config", "business_hours", "10:00-16:00"])
        try sandbox.add()
        try sandbox.interview(1)
        expectFollowUp(
            try sandbox.agendaEntry(1), state: "due", window: ("2026-12-02", "2026-12-03"),
            callAt: "2026-12-02T10:00-05:00")
        expectFollowUp(
            try sandbox.agendaEntry(1, now: "2026-12-02T16:00:00-05:00"), state: "due",
            window: ("2026-12-02", "2026-12-03"), callAt: "2026-12-03T10:00-05:00")
    }

    @Test("holidays are not business days")
    func holidays() throws {
        let sandbox = try Sandbox()
        try sandbox.ok(["config", "holidays", "2026-12-02"])
        try sandbox.add()
        try sandbox.interview(1)
        expectFollowUp(
            try sandbox.agendaEntry(1), state: "too_soon", window: ("2026-12-03", "2026-12-04"),
            callAt: "2026-12-03T09:00-05:00")
    }

    @Test("max_attempts 3 allows a third try")
    func maxAttemptsThree() throws {
        let sandbox = try Sandbox(now: "2026-12-03T15:00:00-05:00")
        try sandbox.ok(["config", "max_attempts", "3"])
        try sandbox.add()
        try sandbox.interview(1)
        try sandbox.ok(["voicemail", "1", "--at", "2026-12-02T11:00"])
        try sandbox.ok(["voicemail", "1", "--at", "2026-12-03T10:00"])
        let entry = try sandbox.agendaEntry(1)
        expectFollowUp(
            entry, state: "awaiting_reply", window: ("2026-12-04", "2026-12-04"),
            callAt: "2026-12-04T09:00-05:00")
        #expect(entry["unanswered_attempts"] == .int(2))
    }

    @Test("after_hours_ok: any day inside after_hours; otherwise the next business minute")
    func afterHours() throws {
        let saturday = "2026-12-05T08:30:00-05:00"
        let sandbox = try Sandbox(now: saturday)
        try sandbox.add("Acme")
        try sandbox.interview(1, ["--after-hours-ok"])
        try sandbox.add("Globex")
        try sandbox.interview(2)
        expectFollowUp(
            try sandbox.agendaEntry(1), state: "overdue", window: ("2026-12-02", "2026-12-03"),
            callAt: "2026-12-05T08:30-05:00")
        expectFollowUp(
            try sandbox.agendaEntry(2), state: "overdue", window: ("2026-12-02", "2026-12-03"),
            callAt: "2026-12-07T09:00-05:00")
        try sandbox.ok(["config", "after_hours", "09:00-12:00"])
        expectFollowUp(
            try sandbox.agendaEntry(1), state: "overdue", window: ("2026-12-02", "2026-12-03"),
            callAt: "2026-12-05T09:00-05:00")
    }
}
