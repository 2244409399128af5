import Foundation
import Testing

/// One row of docs/rules.md §2.7, "Version 2 cases", built with the real
/// commands and read back through `agenda --all --json`. The user's zone is New York
/// unless `zone` says otherwise; every command runs at `setupNow` (before any event),
/// then the agenda is read at `now`.
struct V2Example: CustomTestStringConvertible, Sendable {
    let name: String
    var zone = newYork
    var setup: [[String]]
    let now: String
    let state: String
    var window: (String, String)?
    /// nil: not checked; "null": must be null.
    var callAt: String?
    var thankYouDue: Bool?
    var reasonMentions: [String] = []
    var testDescription: String { name }
}

/// An interview of application 1 with a phone, at `at` on the interviewer's clock in `tz`.
private func interview(_ at: String, tz: String = newYork, phone: String? = danaPhone, _ more: [String] = [])
    -> [String]
{
    ["interview", "1", "--at", "\(at) their", "--tz", tz, "--with", "Dana Reyes"]
        + (phone.map { ["--phone", $0] } ?? []) + more
}

private let monday = interview("2026-11-30 10:00")

@Suite("version-2 worked examples, end to end")
struct V2WorkedExampleTests {
    static let holidays: [V2Example] = [
        V2Example(
            name: "US holiday: too soon, the window skips Thanksgiving", setup: [interview("2026-11-23 10:00")],
            now: "2026-11-24T09:00:00-05:00", state: "too_soon", window: ("2026-11-25", "2026-11-27"),
            callAt: "2026-11-25T09:00-05:00"),
        V2Example(
            name: "US holiday: due on Thanksgiving itself, the call waits for Friday",
            setup: [interview("2026-11-23 10:00")], now: "2026-11-26T10:00:00-05:00", state: "due",
            window: ("2026-11-25", "2026-11-27"), callAt: "2026-11-27T09:00-05:00"),
        V2Example(
            name: "holidays off", setup: [["config", "public_holidays", "off"], interview("2026-11-23 10:00")],
            now: "2026-11-24T09:00:00-05:00", state: "too_soon", window: ("2026-11-25", "2026-11-26")),
        V2Example(
            name: "country given: GB holidays on a New York interview",
            setup: [interview("2026-11-23 10:00", ["--country", "GB"])], now: "2026-11-24T09:00:00-05:00",
            state: "too_soon", window: ("2026-11-25", "2026-11-26")),
        V2Example(
            name: "UK: Christmas and Boxing Day observed, at 08:00 in New York",
            setup: [interview("2026-12-22 10:00", tz: "Europe/London", phone: "+44 20 7946 0000")],
            now: "2026-12-23T09:00:00-05:00", state: "too_soon", window: ("2026-12-24", "2026-12-29"),
            callAt: "2026-12-24T13:00+00:00"),
        V2Example(
            name: "UK with my_hours any: 09:00 London",
            setup: [
                ["config", "my_hours", "any"],
                interview("2026-12-22 10:00", tz: "Europe/London", phone: "+44 20 7946 0000"),
            ],
            now: "2026-12-23T09:00:00-05:00", state: "too_soon", window: ("2026-12-24", "2026-12-29"),
            callAt: "2026-12-24T09:00+00:00"),
        V2Example(
            name: "Japan: Labor Thanksgiving Day",
            setup: [interview("2026-11-19 10:00", tz: "Asia/Tokyo", phone: "+81 3 1234 5678")],
            now: "2026-11-19T21:00:00-05:00", state: "too_soon", window: ("2026-11-24", "2026-11-25")),
        V2Example(
            name: "London is England's: Good Friday and Easter Monday are skipped",
            setup: [interview("2027-03-25 10:00", tz: "Europe/London", phone: "+44 20 7946 0000")],
            now: "2027-03-26T09:00:00-04:00", state: "too_soon", window: ("2027-03-31", "2027-04-01"),
            reasonMentions: ["Mon Mar 29 is Easter Monday"]),
        V2Example(
            name: "London, --country GB: only the days the whole United Kingdom shares",
            setup: [
                interview("2027-03-25 10:00", tz: "Europe/London", phone: "+44 20 7946 0000", ["--country", "GB"])
            ],
            now: "2027-03-26T09:00:00-04:00", state: "too_soon", window: ("2027-03-30", "2027-03-31")),
        V2Example(
            name: "Toronto is Ontario's: Family Day is skipped",
            setup: [interview("2027-02-11 10:00", tz: "America/Toronto", phone: "+1 416 555 0100")],
            now: "2027-02-12T09:00:00-05:00", state: "too_soon", window: ("2027-02-16", "2027-02-17")),
    ]

    static let rounds: [V2Example] = [
        V2Example(
            name: "new round: a decision date named on the call",
            setup: [
                monday,
                ["call", "1", "--outcome", "reached", "--at", "2026-12-02 11:00", "--decision-by", "2026-12-11"],
            ],
            now: "2026-12-07T10:00:00-05:00", state: "waiting_on_decision", window: ("2026-12-15", "2026-12-16"),
            callAt: "2026-12-15T09:00-05:00"),
        V2Example(
            name: "new round: a voicemail after the decision date",
            setup: [
                monday,
                ["call", "1", "--outcome", "reached", "--at", "2026-12-02 11:00", "--decision-by", "2026-12-11"],
                ["voicemail", "1", "--at", "2026-12-15 10:00"],
            ],
            now: "2026-12-15T11:00:00-05:00", state: "awaiting_reply", window: ("2026-12-16", "2026-12-16"),
            callAt: "2026-12-16T09:00-05:00"),
        V2Example(
            name: "new round: two voicemails, tried twice",
            setup: [
                monday,
                ["call", "1", "--outcome", "reached", "--at", "2026-12-02 11:00", "--decision-by", "2026-12-11"],
                ["voicemail", "1", "--at", "2026-12-15 10:00"], ["voicemail", "1", "--at", "2026-12-16 10:00"],
            ],
            now: "2026-12-16T11:00:00-05:00", state: "tried_twice", window: nil, callAt: "null"),
    ]

    static let quiet: [V2Example] = [
        V2Example(
            name: "gone quiet after a call: not yet on the 9th business day",
            setup: [monday, ["call", "1", "--outcome", "reached", "--at", "2026-12-02 11:00"]],
            now: "2026-12-15T10:00:00-05:00", state: "followed_up"),
        V2Example(
            name: "gone quiet after a call: on the 10th business day",
            setup: [monday, ["call", "1", "--outcome", "reached", "--at", "2026-12-02 11:00"]],
            now: "2026-12-16T10:00:00-05:00", state: "gone_quiet", window: nil, callAt: "null",
            reasonMentions: ["ghosted"]),
        V2Example(
            name: "gone quiet after applying: not yet (Veterans Day is no business day)", setup: [],
            now: "2026-11-16T10:00:00-05:00", state: "not_interviewed"),
        V2Example(
            name: "gone quiet after applying", setup: [], now: "2026-11-17T10:00:00-05:00", state: "gone_quiet",
            reasonMentions: ["ghosted"]),
    ]

    static let thanks: [V2Example] = [
        V2Example(
            name: "thank-you due the day of the interview", setup: [monday], now: "2026-11-30T12:00:00-05:00",
            state: "too_soon", thankYouDue: true),
        V2Example(
            name: "thank-you due the day after", setup: [monday], now: "2026-12-01T12:00:00-05:00",
            state: "too_soon", thankYouDue: true),
        V2Example(
            name: "thank-you no longer due two days after", setup: [monday], now: "2026-12-02T12:00:00-05:00",
            state: "due", thankYouDue: false),
        V2Example(
            name: "thank-you sent", setup: [monday, ["thanks", "1", "--at", "2026-11-30 11:30"]],
            now: "2026-11-30T12:00:00-05:00", state: "too_soon", thankYouDue: false),
    ]

    static let hours: [V2Example] = [
        V2Example(
            name: "your hours: lunch in New York is 09:00 in Los Angeles",
            setup: [
                ["config", "my_hours", "12:00-13:00,17:00-18:00"],
                interview("2026-11-30 10:00", tz: "America/Los_Angeles"),
            ],
            now: "2026-12-02T08:00:00-05:00", state: "due", callAt: "2026-12-02T09:00-08:00"),
        V2Example(
            name: "your hours, and they are busy 09:00-11:00 their time",
            setup: [
                ["config", "my_hours", "12:00-13:00,17:00-18:00"],
                interview("2026-11-30 10:00", tz: "America/Los_Angeles", ["--busy", "09:00-11:00"]),
            ],
            now: "2026-12-02T08:00:00-05:00", state: "due", callAt: "2026-12-02T14:00-08:00"),
        V2Example(
            name: "hours that never meet: no call time, and the reason says so",
            setup: [["config", "my_hours", "07:00-08:00"], interview("2026-11-30 10:00", tz: "America/Los_Angeles")],
            now: "2026-12-02T06:00:00-05:00", state: "due", callAt: "null", reasonMentions: ["never meet"]),
        V2Example(
            name: "default hours: a Chicago user calls London at 08:00, not 03:00", zone: "America/Chicago",
            setup: [interview("2026-12-01 14:00", tz: "Europe/London", phone: "+44 20 7946 0000")],
            now: "2026-12-02T20:00:00-06:00", state: "due", callAt: "2026-12-03T14:00+00:00"),
        V2Example(
            name: "busy all day: no call time, and the reason says so",
            setup: [interview("2026-11-30 10:00", ["--busy", "09:00-17:00"])],
            now: "2026-12-02T08:00:00-05:00", state: "due", callAt: "null", reasonMentions: ["busy"]),
        V2Example(
            name: "weekday busy: Wednesday mornings",
            setup: [interview("2026-11-30 10:00", ["--busy", "Wed 09:00-12:00"])],
            now: "2026-12-02T08:00:00-05:00", state: "due", callAt: "2026-12-02T12:00-05:00"),
        V2Example(
            name: "weekday busy: not on Thursday",
            setup: [interview("2026-11-30 10:00", ["--busy", "Wed 09:00-12:00"])],
            now: "2026-12-03T08:00:00-05:00", state: "due", callAt: "2026-12-03T09:00-05:00"),
        V2Example(
            name: "wrote instead: no number, a letter sent",
            setup: [
                interview("2026-11-30 10:00", phone: nil),
                ["call", "1", "--outcome", "wrote", "--at", "2026-12-02 10:00"],
            ],
            now: "2026-12-03T10:00:00-05:00", state: "followed_up"),
    ]

    @Test("public holidays", arguments: holidays)
    func publicHolidays(_ example: V2Example) throws { try check(example) }

    @Test("rounds: a decision date named on a reached call", arguments: rounds)
    func newRounds(_ example: V2Example) throws { try check(example) }

    @Test("gone quiet", arguments: quiet)
    func goneQuiet(_ example: V2Example) throws { try check(example) }

    @Test("thank-you notes", arguments: thanks)
    func thankYou(_ example: V2Example) throws { try check(example) }

    @Test("your hours, their busy windows, writing instead", arguments: hours)
    func yourHours(_ example: V2Example) throws { try check(example) }

    private func check(_ example: V2Example) throws {
        let box = try Sandbox(now: "2026-11-02T09:00:00-05:00", zone: example.zone)
        try box.ok(["add", "Acme", "Platform Engineer", "--applied-on", "2026-11-02"])
        for command in example.setup {
            // Log each event as of the moment it happened, or of the application's day.
            let at = command.firstIndex(of: "--at").map { command[$0 + 1] }
            let when = at.map { $0.hasSuffix(" their") ? String($0.dropLast(6)) : $0 }
            let runAt =
                command.first == "config"
                ? "2026-11-02T09:00:00-05:00"
                : (when.map { "\($0) \(example.zone)" }
                    ?? "2026-11-02T09:00:00-05:00")
            try box.ok(command, now: runAt)
        }
        let entry = try box.agendaEntry(1, now: example.now)
        #expect(entry["state"]?.string == example.state, "\(example.name): \(entry)")
        if let window = example.window {
            #expect(
                entry["due_from"] == .string(window.0) && entry["due_by"] == .string(window.1),
                "\(example.name): \(entry)")
        }
        if let callAt = example.callAt {
            expectInstant(entry["call_at"], callAt == "null" ? nil : callAt, "\(example.name) call_at")
        }
        if let due = example.thankYouDue {
            #expect(entry["thank_you_due"] == .bool(due), "\(example.name): \(entry)")
        }
        for fragment in example.reasonMentions {
            #expect(entry["reason"]?.string?.contains(fragment) == true, "\(example.name): \(entry)")
        }
    }
}
