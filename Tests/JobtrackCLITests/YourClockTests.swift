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
