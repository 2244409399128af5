import Foundation
import Testing

/// One row of docs/rules.md §2.7 "Version 2 cases" about whose clock a
/// typed time is read on: the user's (New York here), `their`, or a named zone.
struct ClockCase: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    let expected: String
    var testDescription: String { name }
}

@Suite("your clock: times typed are read on the user's clock unless they say whose")
struct YourClockTests {
    static let losAngeles = "America/Los_Angeles"

    @Test(
        "an interview's --at, on your clock, their clock, or a named zone's",
        arguments: [
            ClockCase(
                name: "your clock", arguments: ["--at", "2026-11-30 10:00", "--tz", losAngeles],
                expected: "2026-11-30T15:00:00Z"),
            ClockCase(
                name: "their clock", arguments: ["--at", "2026-11-30 10:00 their", "--tz", losAngeles],
                expected: "2026-11-30T18:00:00Z"),
            ClockCase(
                name: "a named zone", arguments: ["--at", "2026-11-30 10:00 Asia/Tokyo"],
                expected: "2026-11-30T01:00:00Z"),
        ])
    func interviewAt(_ example: ClockCase) throws {
        let box = try Sandbox()
        try box.add()
        let application = try box.json(["interview", "1", "--with", "Dana"] + example.arguments)
        expectMoment(application["interviews"]?[0]?["held_at"], example.expected, example.name)
    }

    @Test(
        "a value typed with `their` and the same wall time typed with the zone's name are one instant",
        arguments: ["2026-11-30 10:00", "yesterday 9:30", "today", "tomorrow 3pm", "monday 08:15", "last friday 17:00"])
    func theirEqualsZoneName(_ typed: String) throws {
        let box = try Sandbox()
        try box.add()
        try box.add()
        let theirs = try box.json(["interview", "1", "--at", "\(typed) their", "--tz", "Asia/Kolkata"])
        let named = try box.json(["interview", "2", "--at", "\(typed) Asia/Kolkata", "--tz", "Asia/Kolkata"])
        let first = try #require(theirs["interviews"]?[0]?["held_at"]?.string)
        let second = try #require(named["interviews"]?[0]?["held_at"]?.string)
        #expect(first == second)
    }

    @Test("logging a 13:05 voicemail at 13:10 to a Los Angeles interviewer is accepted, on your clock")
    func callOnYourClock() throws {
        let box = try Sandbox(now: "2026-12-02T13:10:00-05:00")
        try box.add()
        try box.interview(1, at: "2026-11-30T10:00 their", tz: Self.losAngeles, now: "2026-11-30T14:00:00-05:00")
        let application = try box.json(["voicemail", "1", "--at", "13:05"])
        expectMoment(application["interviews"]?[0]?["calls"]?[0]?["at"], "2026-12-02T18:05:00Z", "at")
    }

    @Test("a callback asked for on their clock")
    func callbackOnTheirClock() throws {
        let box = try Sandbox(now: "2026-12-02T13:10:00-05:00")
        try box.add()
        try box.interview(1, at: "2026-11-30T10:00 their", tz: Self.losAngeles, now: "2026-11-30T14:00:00-05:00")
        let application = try box.json([
            "call", "1", "--outcome", "bad-time", "--callback-at", "tomorrow 15:00 their",
        ])
        expectMoment(application["interviews"]?[0]?["calls"]?[0]?["callback_at"], "2026-12-03T23:00:00Z", "callback_at")
    }

    @Test(
        "weekday names and 3pm",
        arguments: [
            // now: Wednesday 2026-12-02 10:30 in New York.
            ClockCase(name: "monday", arguments: ["monday"], expected: "2026-12-07T00:00-05:00"),
            ClockCase(name: "wed is a week ahead", arguments: ["wed 9:00"], expected: "2026-12-09T09:00-05:00"),
            ClockCase(name: "last monday", arguments: ["last monday 3pm"], expected: "2026-11-30T15:00-05:00"),
            ClockCase(name: "last wednesday", arguments: ["last wednesday"], expected: "2026-11-25T00:00-05:00"),
            ClockCase(name: "3:30pm", arguments: ["tomorrow 3:30pm"], expected: "2026-12-03T15:30-05:00"),
            ClockCase(name: "12am is midnight", arguments: ["tomorrow 12am"], expected: "2026-12-03T00:00-05:00"),
            ClockCase(name: "12pm is noon", arguments: ["2026-12-04 12pm"], expected: "2026-12-04T12:00-05:00"),
        ])
    func friendlyForms(_ example: ClockCase) throws {
        let box = try Sandbox()
        try box.add()
        let application = try box.json(["interview", "1", "--with", "Dana", "--at", example.arguments[0]])
        expectMoment(application["interviews"]?[0]?["held_at"], example.expected, example.name)
    }

    @Test("a local time skipped by a daylight-saving change is refused, naming the gap")
    func skippedTime() throws {
        let box = try Sandbox(now: "2027-03-20T12:00:00-04:00")
        try box.add()
        try box.expectRefusal(["interview", "1", "--at", "2027-03-14 02:30"], mentioning: ["02:00", "03:00"])
    }

    @Test("a time that happens twice means the first")
    func repeatedTime() throws {
        let box = try Sandbox(now: "2026-11-10T12:00:00-05:00")
        try box.add()
        let application = try box.json(["interview", "1", "--at", "2026-11-01 01:30"])
        expectMoment(application["interviews"]?[0]?["held_at"], "2026-11-01T01:30:00-04:00", "first 01:30")
    }

    @Test(
        "refusals: an offset with `their`, `their` with no interview, an unknown zone",
        arguments: [
            ["interview", "1", "--at", "2026-11-30T10:00:00-05:00 their"],
            ["interview", "1", "--at", "2026-11-30 10:00 Mars/Olympus"],
            ["today", "--now", "2026-12-02 10:00 their"],
            ["interview", "1", "--at", "2026-11-30 25pm"],
        ])
    func refusals(_ arguments: [String]) throws {
        let box = try Sandbox()
        try box.add()
        let outcome = try box.run(arguments, withNow: !arguments.contains("--now"))
        expectRefused(outcome)
    }
}

/// A user in Tokyo and an interviewer in London: Acme (#1), interviewed Monday
/// 2026-12-21 14:00 London time (23:00 in Tokyo), a voicemail Wednesday 18:05 Tokyo time
/// (call 1). Built once with the real commands, then copied for each test.
private let tokyoTemplate: Result<Data, any Error> = Result {
    let box = try Sandbox(now: "2026-12-24T12:00:00+09:00", zone: "Asia/Tokyo")
    try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-12-01"])
    try box.interview(1, at: "2026-12-21 14:00 their", phone: "+44 20 7946 0100", tz: "Europe/London")
    try box.ok(["voicemail", "1", "--at", "2026-12-23 18:05"])
    return try box.snapshot()
}

@Suite("refusals name moments as confirmations do: your clock, theirs in brackets")
struct RefusalMomentTests {
    /// Wednesday 2026-12-30 07:40 in Tokyo: Tuesday 22:40 in London.
    static let now = "2026-12-30T07:40:00+09:00"

    @Test(
        "every refusal that names a moment (docs/commands.md §3.2)",
        arguments: [
            RefusalCase(
                "a callback not after the call",
                ["call", "1", "--outcome", "bad-time", "--callback-at", "2026-12-30 07:00"],
                mentions: [
                    "--callback-at Wed Dec 30 07:00 (Tue Dec 29 22:00 their time) must be after the call at "
                        + "Wed Dec 30 07:40 (Tue Dec 29 22:40 their time)"
                ]),
            RefusalCase(
                "a call in the future", ["call", "1", "--outcome", "reached", "--at", "2026-12-30 08:00"],
                mentions: [
                    "a call at Wed Dec 30 08:00 (Tue Dec 29 23:00 their time) is in the future: "
                        + "it is now Wed Dec 30 07:40 (Tue Dec 29 22:40 their time); log calls once they happen"
                ]),
            RefusalCase(
                "a call before the interview", ["call", "1", "--outcome", "reached", "--at", "2026-12-21 08:00"],
                mentions: [
                    "a call at Mon Dec 21 08:00 (Sun Dec 20 23:00 their time) would be before the interview at "
                        + "Mon Dec 21 23:00 (14:00 their time)"
                ]),
            RefusalCase(
                "a thank-you note in the future", ["thanks", "1", "--at", "2026-12-30 08:00"],
                mentions: [
                    "a thank-you note at Wed Dec 30 08:00 (Tue Dec 29 23:00 their time) is in the future: "
                        + "it is now Wed Dec 30 07:40 (Tue Dec 29 22:40 their time); record it once it is sent"
                ]),
            RefusalCase(
                "a thank-you note before the interview", ["thanks", "1", "--at", "2026-12-21 08:00"],
                mentions: [
                    "a thank-you note at Mon Dec 21 08:00 (Sun Dec 20 23:00 their time) would be before the "
                        + "interview at Mon Dec 21 23:00 (14:00 their time)"
                ]),
            RefusalCase(
                "a second interview at the same moment",
                ["interview", "1", "--at", "2026-12-21 14:00 their", "--tz", "Europe/London"],
                mentions: [
                    "interview 1 of #1 is already at Mon Dec 21 23:00 (14:00 their time); "
                        + "mend it with `jobtrack edit-interview 1`"
                ]),
            RefusalCase(
                "an interview moved after its call", ["edit-interview", "1", "--at", "2026-12-24 10:00"],
                mentions: [
                    "call 1 at Wed Dec 23 18:05 (09:05 their time) would then be before the interview at "
                        + "Thu Dec 24 10:00 (01:00 their time)"
                ]),
            RefusalCase(
                "deleting an interview without --yes", ["delete-interview", "1"],
                mentions: [
                    "deleting interview 1 of #1 at Mon Dec 21 23:00 (14:00 their time) removes it and its call; "
                        + "add --yes to confirm"
                ]),
            RefusalCase(
                "deleting a call without --yes", ["delete-call", "1"],
                mentions: [
                    "deleting call 1 of #1 (voicemail) at Wed Dec 23 18:05 (09:05 their time) removes it; "
                        + "add --yes to confirm"
                ]),
        ])
    func bothClocks(_ refusal: RefusalCase) throws {
        let box = try Sandbox(now: Self.now, database: tokyoTemplate.get())
        try box.expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }
}

/// The same moment, whatever offset it is printed with.
func expectMoment(
    _ actual: JSON?, _ expected: String, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let text = actual?.string, let instant = Instant(text) else {
        Issue.record(
            "\(label): expected an instant, got \(actual.map(\.description) ?? "no key")",
            sourceLocation: sourceLocation)
        return
    }
    #expect(
        instant.date == Instant(expected)?.date, "\(label): expected \(expected), got \(text)",
        sourceLocation: sourceLocation)
}
