import Foundation
import Testing

/// The week of docs/a-day.md, end to end: a user in Chicago, interviewers in London and
/// Sydney, over a weekend. Whatever jobtrack suggests must fall inside the user's own
/// hours — `my_hours`, default 08:00-20:00 on *their* clock, Chicago here
/// (docs/rules.md §2.6, rule 4) — however far ahead the interviewer's clock is.
///
/// A callback the interviewer chose is exempt from that rule (it is kept exactly); the
/// callback in this week is chosen inside the user's hours, as in the transcript.
@Suite("a week across zones: every suggested call falls between 08:00 and 20:00 on the user's clock")
struct DayTranscriptTests {
    static let chicago = "America/Chicago"
    static let london = "Europe/London"
    static let sydney = "Australia/Sydney"

    /// Minutes since midnight of an ISO 8601 instant (with its offset), on the Chicago clock.
    static func minuteOnUsersClock(_ text: String) -> Int? {
        guard let instant = Instant(text), let zone = TimeZone(identifier: chicago) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: instant.date)
        guard let hour = parts.hour, let minute = parts.minute else { return nil }
        return hour * 60 + minute
    }

    static let earliest = 8 * 60
    static let latest = 20 * 60  // exclusive: a range excludes its end minute (§2.6)

    static func isInUsersHours(_ minute: Int) -> Bool { (earliest..<latest).contains(minute) }

    /// Runs `agenda --json` and `today --json` at `now`, expects every call_at inside the
    /// user's hours, and returns the call_at of each application that has one.
    @discardableResult
    static func expectCallsInHours(
        _ box: Sandbox, at now: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [Int: String] {
        var found: [Int: String] = [:]
        for command in ["agenda", "today"] {
            let document = try box.json([command], now: now, sourceLocation: sourceLocation)
            let entries = try #require(
                document.array, "\(command) is not an array: \(document)",
                sourceLocation: sourceLocation)
            for entry in entries {
                guard let callAt = entry["call_at"]?.string else { continue }
                let id = entry["id"]?.int ?? -1
                let minute = try #require(
                    minuteOnUsersClock(callAt), "call_at is not an instant: \(callAt)",
                    sourceLocation: sourceLocation)
                #expect(
                    isInUsersHours(minute),
                    "at \(now), \(command) suggests #\(id) at \(callAt): \(minute / 60):\(minute % 60) in Chicago",
                    sourceLocation: sourceLocation)
                found[id] = callAt
            }
        }
        return found
    }

    @Test("agenda and today, at many moments of the week, suggest only times between 08:00 and 20:00 in Chicago")
    func weekAcrossZones() throws {
        let box = try Sandbox(now: "2026-12-03T07:40:00-06:00", zone: Self.chicago)
        try box.ok(["config", "name", "Sam Rivera"])
        try box.ok(["config", "phone", "+1 312 555 0147"])
        let northwind = try box.add("Northwind", "Senior Data Engineer", ["--applied-on", "2026-11-23"])
        let harbour = try box.add("Harbour Labs", "Platform Engineer", ["--applied-on", "2026-11-24"])
        let fenwick = try box.add("Fenwick & Lowe", "Analytics Engineer", ["--applied-on", "2026-11-25"])
        try box.interview(
            northwind, at: "2026-11-30 14:00 their", phone: "+44 20 7946 0321", with: "Priya Shah",
            tz: Self.london, ["--busy", "Mon-Fri 09:00-10:00"])
        try box.interview(
            harbour, at: "2026-12-02 10:00 their", phone: "+61 2 9876 5432", with: "Liam O'Connor",
            tz: Self.sydney)
        try box.interview(
            fenwick, at: "fri 10:00", phone: "+44 20 7946 0958", with: "Tom Hughes",
            tz: Self.london, ["--busy", "Fri 15:00-16:00"])

        // Thursday morning: London at 08:00 (14:00 there), Sydney at 16:00 (Friday 09:00 there).
        let thursday = try Self.expectCallsInHours(box, at: "2026-12-03T07:45:00-06:00")
        #expect(thursday[northwind].flatMap(Self.minuteOnUsersClock) == 8 * 60)
        #expect(thursday[harbour].flatMap(Self.minuteOnUsersClock) == 16 * 60)

        try box.ok(["voicemail", String(northwind)], now: "2026-12-03T08:05:00-06:00")
        try Self.expectCallsInHours(box, at: "2026-12-03T12:00:00-06:00")
        try Self.expectCallsInHours(box, at: "2026-12-03T19:59:00-06:00")
        // Liam asks for Monday 09:30 his time: Sunday 16:30 in Chicago.
        try box.ok(
            ["call", String(harbour), "--outcome", "bad-time", "--callback-at", "mon 9:30 their"],
            now: "2026-12-03T16:00:00-06:00")

        // Friday: the second try to London; the interview in London; the weekend ahead.
        try Self.expectCallsInHours(box, at: "2026-12-04T07:50:00-06:00")
        try box.ok(
            ["call", String(northwind), "--outcome", "reached", "--decision-by", "2026-12-10"],
            now: "2026-12-04T08:12:00-06:00")
        try box.ok(["thanks", String(fenwick)], now: "2026-12-04T11:35:00-06:00")
        try Self.expectCallsInHours(box, at: "2026-12-04T21:00:00-06:00")

        // The weekend: nothing on Saturday; the callback they chose on Sunday afternoon.
        try Self.expectCallsInHours(box, at: "2026-12-05T09:00:00-06:00")
        let sunday = try Self.expectCallsInHours(box, at: "2026-12-06T10:00:00-06:00")
        #expect(sunday[harbour].flatMap(Self.minuteOnUsersClock) == 16 * 60 + 30)
        try box.ok(
            ["call", String(harbour), "--outcome", "reached", "--decision-by", "2026-12-11"],
            now: "2026-12-06T16:40:00-06:00")
        try Self.expectCallsInHours(box, at: "2026-12-06T20:30:00-06:00")

        // Monday and Tuesday, morning and evening.
        try Self.expectCallsInHours(box, at: "2026-12-07T07:50:00-06:00")
        try Self.expectCallsInHours(box, at: "2026-12-07T17:00:00-06:00")
        let tuesday = try Self.expectCallsInHours(box, at: "2026-12-08T07:50:00-06:00")
        #expect(tuesday.count == 3, "every application has a next call time: \(tuesday)")
        #expect(tuesday[fenwick].flatMap(Self.minuteOnUsersClock) == 8 * 60)
        try box.ok(["voicemail", String(fenwick)], now: "2026-12-08T08:03:00-06:00")
        try Self.expectCallsInHours(box, at: "2026-12-08T12:00:00-06:00")
        try Self.expectCallsInHours(box, at: "2026-12-08T19:30:00-06:00")
    }

    @Test("an overdue Sydney call, asked about late at night in Chicago, waits for the user's morning or evening")
    func overdueSydneyAtNight() throws {
        let box = try Sandbox(now: "2026-12-03T07:40:00-06:00", zone: Self.chicago)
        let harbour = try box.add("Harbour Labs", "Platform Engineer", ["--applied-on", "2026-11-24"])
        try box.interview(
            harbour, at: "2026-12-02 10:00 their", phone: "+61 2 9876 5432", with: "Liam O'Connor",
            tz: Self.sydney)
        // Sydney's business hours are 16:00-24:00 in Chicago; only 16:00-20:00 of them is the user's.
        for now in [
            "2026-12-03T20:30:00-06:00", "2026-12-04T02:00:00-06:00", "2026-12-06T23:00:00-06:00",
            "2026-12-07T21:15:00-06:00", "2026-12-08T10:00:00-06:00",
        ] {
            let calls = try Self.expectCallsInHours(box, at: now)
            #expect(calls[harbour] != nil, "at \(now) the call should have a time")
        }
    }

    // MARK: docs/a-day.md

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)  // Tests/JobtrackCLITests/DayTranscriptTests.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The call times on the user's clock in the output of each `jobtrack today` shown on
    /// the page: the time that starts each call line, and the time in "call today at",
    /// "once more today at" and "called back <day> at" (the interviewer's time, in
    /// brackets, left out; "interviewed today at 10:00" is not a call).
    static func suggestedTimes(inPage page: String) throws -> [(line: String, minute: Int)] {
        let patterns = try [
            #"^  (\d{2}):(\d{2}) "#,
            #"(?:call|once more) today at (\d{2}):(\d{2})"#,
            #"called back [A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} at (\d{2}):(\d{2})"#,
        ].map { try NSRegularExpression(pattern: $0) }
        let brackets = try NSRegularExpression(pattern: #"\([^)]*their time\)"#)
        var times: [(String, Int)] = []
        var inToday = false
        for raw in page.components(separatedBy: "\n") {
            if raw.hasPrefix("$ jobtrack today") { inToday = true; continue }
            if raw.hasPrefix("```") { inToday = false; continue }
            guard inToday else { continue }
            let line = brackets.stringByReplacingMatches(
                in: raw, range: NSRange(raw.startIndex..., in: raw), withTemplate: "")
            for pattern in patterns {
                for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    guard let hourRange = Range(match.range(at: 1), in: line),
                        let minuteRange = Range(match.range(at: 2), in: line),
                        let hour = Int(line[hourRange]), let minute = Int(line[minuteRange])
                    else { continue }
                    times.append((raw, hour * 60 + minute))
                }
            }
        }
        return times
    }

    @Test("docs/a-day.md exists, and every call `today` suggests in it is between 08:00 and 20:00")
    func transcriptPage() throws {
        let url = Self.repositoryRoot.appendingPathComponent("docs/a-day.md")
        let page = try #require(
            try? String(contentsOf: url, encoding: .utf8),
            "\(url.path) is missing: run scripts/day-transcript.sh")
        #expect(page.contains("$ jobtrack today"), "the page shows no `today`")
        let times = try Self.suggestedTimes(inPage: page)
        #expect(times.count >= 6, "too few suggested calls found to check: \(times)")
        for (line, minute) in times {
            #expect(Self.isInUsersHours(minute), "a suggested call outside 08:00-20:00: \(line)")
        }
    }

    @Test("docs/a-day.md is what scripts/day-transcript.sh writes with this build")
    func transcriptIsCurrent() throws {
        let box = try Sandbox()
        let binary = try #require(JobtrackBinary.url, "run `swift build` first")
        let written = box.path("a-day.md")
        let outcome = try runProgram(
            URL(fileURLWithPath: "/bin/bash"),
            [Self.repositoryRoot.appendingPathComponent("scripts/day-transcript.sh").path, written],
            environment: box.baseEnvironment.merging(["JOBTRACK": binary.path]) { $1 }, scratch: box.folder,
            timeout: 120)
        try #require(outcome.status == 0, "the script failed: \(outcome)")
        let committed = try String(
            contentsOf: Self.repositoryRoot.appendingPathComponent("docs/a-day.md"), encoding: .utf8)
        #expect(
            try String(contentsOfFile: written, encoding: .utf8) == committed,
            "docs/a-day.md has fallen behind the binary: run scripts/day-transcript.sh and read the diff")
    }

    @Test("the page check finds times outside the user's hours, and ignores the interviewer's")
    func transcriptCheckSeesBadTimes() throws {
        let page = """
            ```console
            $ jobtrack today
            Thu Dec 3 2026: 2 calls to make
              21:00 (Fri Dec 4 14:00 their time)  #1 · A — B · P · +44 20 7946 0321
                  Voicemail left Wed Dec 2; not returned — try once more today at 07:30 (13:30 their time)
            Thank-you notes to send:
              #3 Send Tom Hughes a thank-you note: interviewed today at 06:00 (C — D); then `jobtrack thanks 3`
            ```
            """
        let times = try Self.suggestedTimes(inPage: page)
        #expect(times.map(\.minute) == [21 * 60, 7 * 60 + 30])
        #expect(times.allSatisfy { !Self.isInUsersHours($0.minute) })
    }
}
