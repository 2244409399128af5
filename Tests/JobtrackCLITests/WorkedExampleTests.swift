import Foundation
import Testing

/// One row of docs/rules.md §2's worked examples, built with the real commands: `add`, then
/// `interview 1 --at … --with "Dana Reyes" --phone … --tz America/New_York`, then the
/// events, each run at the example's *now*; then `agenda --json` at that *now*.
struct CLIWorkedExample: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let heldAt: String
    let phone: String?
    let interviewOptions: [String]
    let events: [[String]]
    let now: String
    let state: String
    let dueFrom: String?
    let dueBy: String?
    let callAt: String?
    let unanswered: Int

    init(
        _ description: String, heldAt: String = mondayInterview, phone: String? = danaPhone,
        _ interviewOptions: [String] = [], events: [[String]] = [], now: String, _ state: String,
        _ window: (String, String)?, callAt: String?, unanswered: Int = 0
    ) {
        self.testDescription = description
        self.heldAt = heldAt
        self.phone = phone
        self.interviewOptions = interviewOptions
        self.events = events
        self.now = now
        self.state = state
        self.dueFrom = window?.0
        self.dueBy = window?.1
        self.callAt = callAt
        self.unanswered = unanswered
    }

    func check() throws {
        let sandbox = try Sandbox(now: now)
        try sandbox.add("Acme", "Platform Engineer", ["--applied-on", "2026-11-02"])
        try sandbox.interview(1, at: heldAt, phone: phone, interviewOptions)
        for event in events { try sandbox.ok(event) }

        let agenda = try sandbox.json(["agenda"])
        let entries = try #require(agenda.array, "agenda --json is an array: \(agenda)")
        try #require(entries.count == 1, "one open application: \(agenda)")
        let entry = entries[0]
        expectAgendaShape(entry)
        #expect(entry["id"] == .int(1))
        #expect(entry["company"] == .string("Acme"))
        #expect(entry["role"] == .string("Platform Engineer"))
        #expect(entry["status"] == .string("interviewing"))
        expectFollowUp(entry, state: state, window: dueFrom.map { ($0, dueBy!) }, callAt: callAt)
        #expect(entry["interviewer"] == .string("Dana Reyes"))
        #expect(entry["phone"] == (phone.map(JSON.string) ?? .null))
        #expect(entry["tz"] == .string(newYork))
        #expect(entry["unanswered_attempts"] == .int(unanswered))

        // The same verdict everywhere it is printed.
        let shown = try sandbox.json(["show", "1"])
        #expect(shown["follow_up"] == entry, "show's follow_up is the agenda object")
        let today = try sandbox.json(["today"])
        let callsToday = today.array?.filter { ["due", "overdue"].contains($0["state"]?.string ?? "") } ?? []
        let listedToday = callsToday.contains { $0["id"] == .int(1) }
        #expect(
            listedToday == (state == "due" || state == "overdue"), "today's calls are the due and overdue: \(today)")
    }
}

@Suite("docs/rules.md §2 worked examples through agenda --json")
struct WorkedExampleTests {
    @Test(
        "rule 7: call two or three business days after the interview",
        arguments: [
            CLIWorkedExample(
                "too soon the day after a Monday interview", now: "2026-12-01T12:00:00-05:00",
                "too_soon", ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T09:00-05:00"),
            CLIWorkedExample(
                "due on Wednesday at 10:30: call now", now: "2026-12-02T10:30:00-05:00",
                "due", ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T10:30-05:00"),
            CLIWorkedExample(
                "overdue on Friday in business hours: call now", now: "2026-12-04T10:15:00-05:00",
                "overdue", ("2026-12-02", "2026-12-03"), callAt: "2026-12-04T10:15-05:00"),
            CLIWorkedExample(
                "overdue on Friday evening: the next business minute is Monday 09:00",
                now: "2026-12-04T18:00:00-05:00",
                "overdue", ("2026-12-02", "2026-12-03"), callAt: "2026-12-07T09:00-05:00"),
            CLIWorkedExample(
                "a Thursday interview's window crosses the weekend", heldAt: "2026-12-03T10:00",
                now: "2026-12-04T12:00:00-05:00",
                "too_soon", ("2026-12-07", "2026-12-08"), callAt: "2026-12-07T09:00-05:00"),
        ])
    func window(_ example: CLIWorkedExample) throws { try example.check() }

    @Test(
        "rule 7 with a decision date: wait for it, then two or three days",
        arguments: [
            CLIWorkedExample(
                "waiting on a decision promised by Friday", ["--decision-by", "2026-12-04"],
                now: "2026-12-07T12:00:00-05:00",
                "waiting_on_decision", ("2026-12-08", "2026-12-09"), callAt: "2026-12-08T09:00-05:00")
        ])
    func decision(_ example: CLIWorkedExample) throws { try example.check() }

    @Test(
        "not while the interviewer is known to be busy",
        arguments: [
            CLIWorkedExample(
                "a morning conference call moves the call to noon", ["--busy", "09:00-12:00"],
                now: "2026-12-02T08:00:00-05:00",
                "due", ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T12:00-05:00")
        ])
    func busy(_ example: CLIWorkedExample) throws { try example.check() }

    @Test(
        "rules 6 and 5: one more try the day after an unreturned voicemail, then stop",
        arguments: [
            CLIWorkedExample(
                "awaiting a reply to Wednesday's voicemail",
                events: [["voicemail", "1", "--at", "2026-12-02T11:00"]],
                now: "2026-12-02T15:00:00-05:00",
                "awaiting_reply", ("2026-12-03", "2026-12-03"), callAt: "2026-12-03T09:00-05:00",
                unanswered: 1),
            CLIWorkedExample(
                "tried twice after a second voicemail",
                events: [
                    ["voicemail", "1", "--at", "2026-12-02T11:00"],
                    ["voicemail", "1", "--at", "2026-12-03T10:00"],
                ],
                now: "2026-12-03T15:00:00-05:00", "tried_twice", nil, callAt: nil, unanswered: 2),
        ])
    func voicemails(_ example: CLIWorkedExample) throws { try example.check() }

    @Test(
        "rule 3: call back exactly when they asked",
        arguments: [
            CLIWorkedExample(
                "a bad time on Wednesday, callback Thursday 14:00, asked Thursday morning",
                events: [
                    [
                        "call", "1", "--outcome", "bad-time", "--at", "2026-12-02T11:00",
                        "--callback-at", "2026-12-03T14:00",
                    ]
                ],
                now: "2026-12-03T09:00:00-05:00",
                "due", ("2026-12-03", "2026-12-03"), callAt: "2026-12-03T14:00-05:00"),
            CLIWorkedExample(
                "the callback is scheduled the day before",
                events: [
                    [
                        "call", "1", "--outcome", "bad-time", "--at", "2026-12-02T11:00",
                        "--callback-at", "2026-12-03T14:00",
                    ]
                ],
                now: "2026-12-02T15:00:00-05:00",
                "callback_scheduled", ("2026-12-03", "2026-12-03"), callAt: "2026-12-03T14:00-05:00"),
            CLIWorkedExample(
                "the callback time has passed: call now",
                events: [
                    [
                        "call", "1", "--outcome", "bad-time", "--at", "2026-12-02T11:00",
                        "--callback-at", "2026-12-03T14:00",
                    ]
                ],
                now: "2026-12-03T15:00:00-05:00",
                "due", ("2026-12-03", "2026-12-03"), callAt: "2026-12-03T15:00-05:00"),
            CLIWorkedExample(
                "the callback day has passed: overdue",
                events: [
                    [
                        "call", "1", "--outcome", "bad-time", "--at", "2026-12-02T11:00",
                        "--callback-at", "2026-12-03T14:00",
                    ]
                ],
                now: "2026-12-04T10:00:00-05:00",
                "overdue", ("2026-12-03", "2026-12-03"), callAt: "2026-12-04T10:00-05:00"),
        ])
    func callback(_ example: CLIWorkedExample) throws { try example.check() }

    @Test(
        "rule 4: reached means followed up, until it has gone quiet",
        arguments: [
            CLIWorkedExample(
                "reached on Wednesday, asked that afternoon",
                events: [["call", "1", "--outcome", "reached", "--at", "2026-12-02T11:00"]],
                now: "2026-12-02T15:00:00-05:00", "followed_up", nil, callAt: nil),
            CLIWorkedExample(
                "reached on Wednesday, asked weeks later: gone quiet",
                events: [["call", "1", "--outcome", "reached", "--at", "2026-12-02T11:00"]],
                now: "2027-01-15T10:00:00-05:00", "gone_quiet", nil, callAt: nil),
        ])
    func reached(_ example: CLIWorkedExample) throws { try example.check() }

    @Test(
        "no number: don't call the front desk",
        arguments: [
            CLIWorkedExample(
                "due, but the interviewer gave no number", phone: nil, now: "2026-12-02T10:00:00-05:00",
                "no_number", ("2026-12-02", "2026-12-03"), callAt: nil)
        ])
    func noNumber(_ example: CLIWorkedExample) throws { try example.check() }

    @Test(
        "seconds round up to the next whole minute",
        arguments: [
            CLIWorkedExample(
                "due at 10:30:20 means 10:31", now: "2026-12-02T10:30:20-05:00",
                "due", ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T10:31-05:00")
        ])
    func rounding(_ example: CLIWorkedExample) throws { try example.check() }

    @Test(
        "times across the daylight-saving change carry the new offset",
        arguments: [
            CLIWorkedExample(
                "a Friday interview before clocks go forward", heldAt: "2026-03-06T10:00",
                now: "2026-03-09T12:00:00-04:00",
                "too_soon", ("2026-03-10", "2026-03-11"), callAt: "2026-03-10T09:00-04:00")
        ])
    func daylightSaving(_ example: CLIWorkedExample) throws { try example.check() }

    @Test("an interview before the daylight-saving change keeps its own offset")
    func heldAtOffset() throws {
        let sandbox = try Sandbox(now: "2026-03-09T12:00:00-04:00")
        try sandbox.add()
        let application = try sandbox.interview(1, at: "2026-03-06T10:00")
        expectInstant(application["interviews"]?[0]?["held_at"], "2026-03-06T10:00:00-05:00", "held_at")
    }
}
