import Foundation
import Testing

/// A command that must be refused, and what its one line should mention.
struct RefusalCase: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let arguments: [String]
    let mentions: [String]

    init(_ description: String, _ arguments: [String], mentions: [String] = []) {
        self.testDescription = description
        self.arguments = arguments
        self.mentions = mentions
    }
}

/// Wednesday 2026-12-02 10:30 in New York, with three applications:
/// 1 Acme, interviewed Monday 11-30 10:00 by Dana Reyes, who gave 212-555-0100;
/// 2 Globex, not interviewed; 3 Initech, interviewed Monday 14:00 by someone who gave no number.
/// Built once with the real commands, then copied for each test.
func refusalFixture() throws -> Sandbox {
    try Sandbox(now: wednesdayMorning, database: refusalTemplate.get())
}

private let refusalTemplate: Result<Data, any Error> = Result {
    let sandbox = try Sandbox()
    try sandbox.ok(["config", "name", "Alex Doe"])
    try sandbox.add("Acme", "Platform Engineer", ["--highlight", "Kubernetes"])
    try sandbox.interview(1)
    try sandbox.add("Globex", "SRE")
    try sandbox.add("Initech", "Backend Engineer")
    try sandbox.interview(3, at: "2026-11-30T14:00", phone: nil, with: "Bill Lumbergh")
    return try sandbox.snapshot()
}

/// `interview 2 --at …`: Globex's first interview.
private func interview2(at: String) -> [String] { ["interview", "2", "--at", at] }
private let withInterview = interview2(at: "2026-12-01T10:00")

@Suite("refusals: non-zero exit, one line on stderr, nothing on stdout, database unchanged")
struct RefusalTests {
    @Test(
        "an unknown application id",
        arguments: [
            RefusalCase("show", ["show", "99"], mentions: ["99"]),
            RefusalCase("show --json", ["show", "99", "--json"], mentions: ["99"]),
            RefusalCase("edit", ["edit", "99", "--company", "Hooli"], mentions: ["99"]),
            RefusalCase("status", ["status", "99", "offer"], mentions: ["99"]),
            RefusalCase("delete", ["delete", "99", "--yes"], mentions: ["99"]),
            RefusalCase(
                "interview", ["interview", "99", "--at", "2026-12-01T10:00", "--phone", danaPhone], mentions: ["99"]),
            RefusalCase("call", ["call", "99", "--outcome", "reached"], mentions: ["99"]),
            RefusalCase("call --json", ["call", "99", "--outcome", "reached", "--json"], mentions: ["99"]),
            RefusalCase("voicemail", ["voicemail", "99"], mentions: ["99"]),
            RefusalCase("script", ["script", "99"], mentions: ["99"]),
            RefusalCase("an id that is not a number", ["show", "abc"]),
        ])
    func unknownID(_ refusal: RefusalCase) throws {
        try refusalFixture().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test(
        "a bad DATE or DATETIME",
        arguments: [
            RefusalCase("February 30th", ["add", "Hooli", "SRE", "--applied-on", "2026-02-30"]),
            RefusalCase("a typo", ["add", "Hooli", "SRE", "--applied-on", "tomorow"]),
            RefusalCase("month 13", ["edit", "1", "--applied-on", "2026-13-01"]),
            RefusalCase("a time where a date goes", ["add", "Hooli", "SRE", "--applied-on", "2026-12-01T10:00"]),
            RefusalCase("interview on February 30th", interview2(at: "2026-02-30T10:00")),
            RefusalCase("interview at a typo", interview2(at: "tomorow")),
            RefusalCase("interview at 25:00", interview2(at: "25:00")),
            RefusalCase("interview on a day at 25:00", interview2(at: "2026-12-01 25:00")),
            RefusalCase("interview at minute 61", interview2(at: "2026-12-01T10:61")),
            RefusalCase("decision by February 30th", withInterview + ["--decision-by", "2026-02-30"]),
            RefusalCase("decision by a typo", withInterview + ["--decision-by", "tomorow"]),
            RefusalCase("call at a typo", ["call", "1", "--outcome", "reached", "--at", "tomorow"]),
            RefusalCase("call at 25:00", ["call", "1", "--outcome", "reached", "--at", "today 25:00"]),
            RefusalCase(
                "callback on February 30th",
                ["call", "1", "--outcome", "bad-time", "--callback-at", "2027-02-30T10:00"]),
            RefusalCase("voicemail at a typo", ["voicemail", "1", "--at", "yesterdy"]),
        ])
    func badDate(_ refusal: RefusalCase) throws {
        try refusalFixture().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test(
        "a date written right that names no day is refused saying so, not as a misspelling",
        arguments: [
            RefusalCase(
                "--applied-on", ["add", "Hooli", "SRE", "--applied-on", "2026-02-30"],
                mentions: ["2026-02-30 is not a date: February 2026 has 28 days"]),
            RefusalCase(
                "edit --applied-on", ["edit", "1", "--applied-on", "2026-04-31"],
                mentions: ["2026-04-31 is not a date: April 2026 has 30 days"]),
            RefusalCase(
                "month 13", ["edit", "1", "--applied-on", "2026-13-01"],
                mentions: ["2026-13-01 is not a date: a year has 12 months"]),
            RefusalCase(
                "--decision-by, not a leap year", withInterview + ["--decision-by", "2027-02-29"],
                mentions: ["2027-02-29 is not a date: February 2027 has 28 days"]),
            RefusalCase(
                "stats --since", ["stats", "--since", "2026-02-30"],
                mentions: ["2026-02-30 is not a date: February 2026 has 28 days"]),
            RefusalCase(
                "--at with a time", interview2(at: "2026-02-30 10:00"),
                mentions: ["2026-02-30 is not a date: February 2026 has 28 days"]),
            RefusalCase(
                "--at in ISO form", interview2(at: "2026-02-30T10:00"),
                mentions: ["2026-02-30 is not a date: February 2026 has 28 days"]),
            RefusalCase(
                "--callback-at on their clock",
                ["call", "1", "--outcome", "bad-time", "--callback-at", "2027-02-30 10:00 their"],
                mentions: ["2027-02-30 is not a date: February 2027 has 28 days"]),
        ])
    func noSuchDate(_ refusal: RefusalCase) throws {
        try refusalFixture().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test("a bad --now", arguments: ["tomorow", "2026-02-30T10:00", "25:00"])
    func badNow(_ now: String) throws {
        let sandbox = try refusalFixture()
        try sandbox.expectRefusal(["agenda"], now: now)
        try sandbox.expectRefusal(["add", "Hooli", "SRE"], now: now)
    }

    @Test(
        "an unknown zone",
        arguments: [
            RefusalCase(
                "interview --tz", withInterview + ["--tz", "Mars/Olympus_Mons"], mentions: ["Mars/Olympus_Mons"]),
            RefusalCase("config timezone", ["config", "timezone", "Mars/Olympus_Mons"]),
            RefusalCase("interview --tz empty", withInterview + ["--tz", ""]),
        ])
    func unknownZone(_ refusal: RefusalCase) throws {
        try refusalFixture().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test(
        "a bad busy or hours window",
        arguments: [
            RefusalCase("backwards", withInterview + ["--busy", "12:00-09:00"]),
            RefusalCase("hours without minutes", withInterview + ["--busy", "9-12"]),
            RefusalCase("past midnight", withInterview + ["--busy", "09:00-25:00"]),
            RefusalCase("empty window", withInterview + ["--busy", "10:00-10:00"]),
            RefusalCase("one good, one bad", withInterview + ["--busy", "09:00-10:00", "--busy", "noon"]),
            RefusalCase("business_hours backwards", ["config", "business_hours", "17:00-09:00"]),
            RefusalCase("after_hours without minutes", ["config", "after_hours", "8-20"]),
        ])
    func badWindow(_ refusal: RefusalCase) throws {
        try refusalFixture().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test(
        "a bad phone number",
        arguments: [
            RefusalCase("two digits", withInterview + ["--phone", "12"]),
            RefusalCase("letters", withInterview + ["--phone", "call-me-maybe"]),
            RefusalCase("letters among digits", withInterview + ["--phone", "212-555-CALL"]),
            RefusalCase("21 digits", withInterview + ["--phone", "123456789012345678901"]),
            RefusalCase("a bad --number", ["call", "1", "--outcome", "reached", "--number", "12"]),
        ])
    func badPhone(_ refusal: RefusalCase) throws {
        try refusalFixture().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test(
        "a bad status or outcome",
        arguments: [
            RefusalCase("status hired", ["status", "1", "hired"], mentions: ["hired"]),
            RefusalCase("list --status hired", ["list", "--status", "hired"], mentions: ["hired"]),
            RefusalCase("outcome maybe", ["call", "1", "--outcome", "maybe"], mentions: ["maybe"]),
            RefusalCase("outcome answered", ["call", "1", "--outcome", "answered"], mentions: ["answered"]),
            RefusalCase("call without an outcome", ["call", "1"]),
        ])
    func badEnum(_ refusal: RefusalCase) throws {
        try refusalFixture().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test("--number other than the one on record is refused, naming the number on record")
    func wrongNumber() throws {
        let sandbox = try refusalFixture()
        let outcome = try sandbox.expectRefusal(["call", "1", "--outcome", "reached", "--number", "212-555-0199"])
        let named = outcome.stderr.contains(danaPhone) || digits(outcome.stderr).contains(digits(danaPhone))
        #expect(named, "the refusal names the number on record, \(danaPhone): \(outcome)")
        try sandbox.expectRefusal(["call", "1", "--outcome", "voicemail", "--number", "(646) 555-0199"])
    }

    @Test(
        "the rules of the call log",
        arguments: [
            RefusalCase("a call with no interview", ["call", "2", "--outcome", "reached"]),
            RefusalCase("a voicemail with no interview", ["voicemail", "2"]),
            RefusalCase("a call on an interview with no phone", ["call", "3", "--outcome", "reached"]),
            RefusalCase("a voicemail on an interview with no phone", ["voicemail", "3"]),
            RefusalCase(
                "a call before the interview", ["call", "1", "--outcome", "reached", "--at", "2026-11-30T09:59"]),
            RefusalCase("a call the day before the interview", ["voicemail", "1", "--at", "2026-11-29T12:00"]),
            RefusalCase("a call in the future", ["call", "1", "--outcome", "reached", "--at", "2026-12-02T10:31"]),
            RefusalCase("a voicemail tomorrow", ["voicemail", "1", "--at", "tomorrow 9:00"]),
            RefusalCase(
                "a callback at the call's own time",
                ["call", "1", "--outcome", "bad-time", "--at", "2026-12-01T11:00", "--callback-at", "2026-12-01T11:00"]),
            RefusalCase(
                "a callback before the call",
                ["call", "1", "--outcome", "reached", "--at", "2026-12-01T11:00", "--callback-at", "2026-12-01T10:00"]),
            RefusalCase("bad-time without a callback", ["call", "1", "--outcome", "bad-time"]),
            RefusalCase(
                "voicemail with a callback",
                ["call", "1", "--outcome", "voicemail", "--callback-at", "2026-12-03T10:00"]),
            RefusalCase(
                "no-answer with a callback",
                ["call", "1", "--outcome", "no-answer", "--callback-at", "2026-12-03T10:00"]),
        ])
    func callLog(_ refusal: RefusalCase) throws {
        try refusalFixture().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test("a decision date before the interview's own date")
    func decisionBeforeInterview() throws {
        let sandbox = try refusalFixture()
        try sandbox.expectRefusal(withInterview + ["--decision-by", "2026-11-30"])
        try sandbox.expectRefusal(
            withInterview + ["--decision-by", "yesterday"],
            now: "2026-12-01T12:00:00-05:00")
        // The same day is fine: "we'll decide by the end of today".
        try sandbox.interview(2, at: "2026-12-01T10:00", ["--decision-by", "2026-12-01"])
    }

    @Test(
        "delete without --yes, and edit with nothing to change",
        arguments: [
            RefusalCase("delete without --yes", ["delete", "1"]),
            RefusalCase("edit with no option", ["edit", "1"]),
            RefusalCase("edit with no option, --json", ["edit", "1", "--json"]),
        ])
    func unconfirmed(_ refusal: RefusalCase) throws {
        try refusalFixture().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test(
        "an empty company or role",
        arguments: [
            RefusalCase("empty company", ["add", "", "SRE"]),
            RefusalCase("empty role", ["add", "Hooli", ""]),
            RefusalCase("blank company", ["add", "   ", "SRE"]),
            RefusalCase("edit to an empty company", ["edit", "1", "--company", ""]),
            RefusalCase("edit to a blank role", ["edit", "1", "--role", "  "]),
        ])
    func emptyText(_ refusal: RefusalCase) throws {
        try refusalFixture().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test(
        "a bad setting",
        arguments: [
            RefusalCase("max_attempts 0", ["config", "max_attempts", "0"]),
            RefusalCase("max_attempts negative", ["config", "max_attempts", "-1"]),
            RefusalCase("max_attempts not a number", ["config", "max_attempts", "two"]),
            RefusalCase("holidays not dates", ["config", "holidays", "2026-02-30"]),
            RefusalCase("an unknown key", ["config", "colour", "blue"], mentions: ["colour"]),
            RefusalCase("reading an unknown key", ["config", "colour"], mentions: ["colour"]),
        ])
    func badSetting(_ refusal: RefusalCase) throws {
        try refusalFixture().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test("a bad JOBTRACK_NOW")
    func badEnvironmentNow() throws {
        let sandbox = try refusalFixture()
        let before = try sandbox.dump()
        let outcome = try sandbox.run(
            ["add", "Hooli", "SRE"], withNow: false, environment: ["JOBTRACK_NOW": "tomorow"])
        expectRefused(outcome)
        #expect(try sandbox.dump() == before)
    }
}
