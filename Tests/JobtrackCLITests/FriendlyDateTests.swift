import Foundation
import Testing

/// An input and what it must mean, relative to a fixed *now*.
struct DateCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: String
    var testDescription: String { "\(input) → \(expected)" }
    init(_ input: String, _ expected: String) {
        self.input = input
        self.expected = expected
    }
}

/// Like `DateCase`, in an interviewer's zone.
struct ZonedDateCase: Sendable, CustomTestStringConvertible {
    let input: String
    let zone: String
    let expected: String
    var testDescription: String { "\(input) in \(zone) → \(expected)" }
    init(_ input: String, in zone: String, _ expected: String) {
        self.input = input
        self.zone = zone
        self.expected = expected
    }
}

@Suite("friendly dates, relative to a fixed --now")
struct FriendlyDateTests {
    @Test(
        "DATE forms for --applied-on (now: Wednesday 2026-12-02 10:30 in New York)",
        arguments: [
            DateCase("2026-11-15", "2026-11-15"),
            DateCase("today", "2026-12-02"),
            DateCase("yesterday", "2026-12-01"),
            DateCase("tomorrow", "2026-12-03"),
            DateCase("+3d", "2026-12-05"),
            DateCase("-2d", "2026-11-30"),
            DateCase("+0d", "2026-12-02"),
            DateCase("-30d", "2026-11-02"),
            DateCase("2028-02-29", "2028-02-29"),
        ])
    func appliedOn(_ example: DateCase) throws {
        let sandbox = try Sandbox()
        let application = try sandbox.json(["add", "Acme", "Engineer", "--applied-on", example.input])
        #expect(application["applied_on"] == .string(example.expected))
    }

    @Test(
        "relative dates cross month and year ends",
        arguments: [
            DateCase("tomorrow", "2027-01-01"),
            DateCase("+1d", "2027-01-01"),
            DateCase("+60d", "2027-03-01"),
            DateCase("-31d", "2026-11-30"),
        ])
    func acrossYearEnd(_ example: DateCase) throws {
        let sandbox = try Sandbox(now: "2026-12-31T12:00:00-05:00")
        let application = try sandbox.json(["add", "Acme", "Engineer", "--applied-on", example.input])
        #expect(application["applied_on"] == .string(example.expected))
    }

    @Test("today is read in the user's timezone setting, before the system zone")
    func todayInUserZone() throws {
        // 10:30 in New York (the system zone here) is already 00:30 the next day in Tokyo.
        let tokyo = try Sandbox(zone: "Asia/Tokyo")
        #expect(try tokyo.json(["add", "Acme", "Engineer"])["applied_on"] == .string("2026-12-03"))
        #expect(
            try tokyo.json(["add", "Acme", "Engineer", "--applied-on", "yesterday"])["applied_on"]
                == .string("2026-12-02"))
        let system = try Sandbox(zone: nil)
        #expect(
            try system.json(["add", "Acme", "Engineer"])["applied_on"] == .string("2026-12-02"),
            "without a timezone setting, the system zone (TZ)")
    }

    @Test(
        "--now accepts local times and other offsets",
        arguments: [
            DateCase("2026-12-02 10:30", "2026-12-02"),
            DateCase("2026-12-02T10:30", "2026-12-02"),
            DateCase("2026-12-02T03:00:00Z", "2026-12-01"),
            DateCase("2026-12-02T23:30:00-08:00", "2026-12-03"),
            DateCase("2026-12-02", "2026-12-02"),
        ])
    func nowForms(_ example: DateCase) throws {
        let sandbox = try Sandbox()
        let application = try sandbox.json(["add", "Acme", "Engineer"], now: example.input)
        #expect(application["applied_on"] == .string(example.expected))
    }

    @Test(
        "DATETIME forms for interview --at (now: Tuesday 2026-12-01 12:00 in New York)",
        arguments: [
            DateCase("2026-11-30T10:00", "2026-11-30T10:00-05:00"),
            DateCase("2026-11-30 10:00", "2026-11-30T10:00-05:00"),
            DateCase("2026-11-30T15:00:00Z", "2026-11-30T10:00-05:00"),
            DateCase("2026-11-30T16:00:00+01:00", "2026-11-30T10:00-05:00"),
            DateCase("yesterday 9:30", "2026-11-30T09:30-05:00"),
            DateCase("yesterday 14:45", "2026-11-30T14:45-05:00"),
            DateCase("today 08:15", "2026-12-01T08:15-05:00"),
            DateCase("-1d", "2026-11-30T00:00-05:00"),
            DateCase("yesterday", "2026-11-30T00:00-05:00"),
            DateCase("2026-11-30", "2026-11-30T00:00-05:00"),
            DateCase("now", "2026-12-01T12:00-05:00"),
        ])
    func interviewAt(_ example: DateCase) throws {
        let sandbox = try Sandbox(now: "2026-12-01T12:00:00-05:00")
        try sandbox.add()
        let application = try sandbox.interview(1, at: example.input)
        expectInstant(application["interviews"]?[0]?["held_at"], example.expected, "held_at")
    }

    @Test(
        "interview times end in `their` to be read on the interviewer's clock, else on the user's",
        arguments: [
            // now: 2026-12-01 12:00 in New York = 2026-12-02 02:00 in Tokyo = 17:00 in Berlin.
            ZonedDateCase("2026-11-30T10:00 their", in: "Asia/Tokyo", "2026-11-30T10:00+09:00"),
            ZonedDateCase("yesterday 9:30 their", in: "Asia/Tokyo", "2026-12-01T09:30+09:00"),
            ZonedDateCase("today their", in: "Asia/Tokyo", "2026-12-02T00:00+09:00"),
            ZonedDateCase("2026-11-30 10:00 their", in: "Europe/Berlin", "2026-11-30T10:00+01:00"),
            ZonedDateCase("today 9:00 their", in: "Europe/Berlin", "2026-12-01T09:00+01:00"),
            ZonedDateCase("2026-11-30T15:00:00Z", in: "Europe/Berlin", "2026-11-30T16:00+01:00"),
            // The user's clock (New York) when nothing follows the time.
            ZonedDateCase("2026-11-30T10:00", in: "Asia/Tokyo", "2026-12-01T00:00+09:00"),
            ZonedDateCase("today 9:00", in: "Europe/Berlin", "2026-12-01T15:00+01:00"),
            ZonedDateCase("yesterday 9:30", in: "Asia/Tokyo", "2026-11-30T23:30+09:00"),
            // A zone's name reads the whole value, relative words included, on that zone's clock.
            ZonedDateCase("today 9:00 Asia/Tokyo", in: "Europe/Berlin", "2026-12-02T01:00+01:00"),
        ])
    func interviewAtInZone(_ example: ZonedDateCase) throws {
        let sandbox = try Sandbox(now: "2026-12-01T12:00:00-05:00")
        try sandbox.add()
        let application = try sandbox.interview(1, at: example.input, tz: example.zone)
        expectInstant(application["interviews"]?[0]?["held_at"], example.expected, "held_at")
    }

    @Test(
        "--decision-by reads DATE forms on the user's calendar",
        arguments: [
            ZonedDateCase("2026-12-04", in: newYork, "2026-12-04"),
            ZonedDateCase("today", in: newYork, "2026-12-02"),
            ZonedDateCase("tomorrow", in: newYork, "2026-12-03"),
            ZonedDateCase("+2d", in: newYork, "2026-12-04"),
            // 10:30 in New York is 00:30 on Thursday in Tokyo: the user's Wednesday counts.
            ZonedDateCase("today", in: "Asia/Tokyo", "2026-12-02"),
            ZonedDateCase("+2d", in: "Asia/Tokyo", "2026-12-04"),
        ])
    func decisionBy(_ example: ZonedDateCase) throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        let application = try sandbox.interview(1, tz: example.zone, ["--decision-by", example.input])
        #expect(application["interviews"]?[0]?["decision_by"] == .string(example.expected))
    }

    @Test(
        "call --at and --callback-at read DATETIME forms in the interview's zone",
        arguments: [
            // now: Wednesday 2026-12-02 10:30 in New York; the call is at --at, the callback after it.
            DateCase("tomorrow 9:30", "2026-12-03T09:30-05:00"),
            DateCase("tomorrow", "2026-12-03T00:00-05:00"),
            DateCase("+1d", "2026-12-03T00:00-05:00"),
            DateCase("2026-12-07 10:00", "2026-12-07T10:00-05:00"),
            DateCase("2026-12-07T15:00:00Z", "2026-12-07T10:00-05:00"),
            DateCase("today 16:00", "2026-12-02T16:00-05:00"),
        ])
    func callbackAt(_ example: DateCase) throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        let application = try sandbox.json(["call", "1", "--outcome", "bad-time", "--callback-at", example.input])
        let call = try #require(application["interviews"]?[0]?["calls"]?[0])
        expectInstant(call["callback_at"], example.expected, "callback_at")
        expectInstant(call["at"], "2026-12-02T10:30-05:00", "at defaults to now")
    }

    @Test(
        "call --at forms",
        arguments: [
            DateCase("now", "2026-12-02T10:30-05:00"),
            DateCase("today 9:05", "2026-12-02T09:05-05:00"),
            DateCase("yesterday 15:00", "2026-12-01T15:00-05:00"),
            DateCase("2026-12-01 15:00", "2026-12-01T15:00-05:00"),
            DateCase("2026-12-01T20:00:00Z", "2026-12-01T15:00-05:00"),
        ])
    func callAt(_ example: DateCase) throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        let application = try sandbox.json(["voicemail", "1", "--at", example.input])
        expectInstant(application["interviews"]?[0]?["calls"]?[0]?["at"], example.expected, "at")
    }

    @Test("a call to Tokyo: 'yesterday 9:00 their' counts from Tokyo's today, 'yesterday 9:00' from the user's")
    func callAtInInterviewZone() throws {
        // now: Wednesday 10:30 in New York = Thursday 00:30 in Tokyo; interview Monday 10:00 Tokyo.
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1, at: "2026-11-30T10:00 their", tz: "Asia/Tokyo")
        let theirs = try sandbox.json(["voicemail", "1", "--at", "yesterday 9:00 their"])
        expectInstant(theirs["interviews"]?[0]?["calls"]?[0]?["at"], "2026-12-02T09:00+09:00", "at")
        let yours = try sandbox.json(["voicemail", "1", "--at", "yesterday 9:00"])
        // Calls are listed by time: the user's Tuesday 09:00 comes first.
        expectInstant(yours["interviews"]?[0]?["calls"]?[0]?["at"], "2026-12-01T23:00+09:00", "at")
    }
}
