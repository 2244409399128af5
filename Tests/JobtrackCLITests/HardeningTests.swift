import Foundation
import Testing

/// Inputs and conditions found by review that a careful tool must survive: the wrong
/// file given to --output, blank and out-of-range values, a full disk, a stored
/// setting that no longer makes sense.
@Suite("Hardening")
struct HardeningTests {
    @Test("export never replaces a database, above all the one it exports")
    func exportOntoDatabase() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.expectRefusal(["export", "--output", sandbox.db], mentioning: ["is a database"])
        try sandbox.ok(["backup", sandbox.path("copy.sqlite3")])
        try sandbox.expectRefusal(["export", "--format", "ics", "--output", sandbox.path("copy.sqlite3")])
        #expect(try sandbox.json(["list"]).array?.count == 1)
    }

    @Test("--json with csv or ics on stdout is refused: stdout would not be JSON")
    func jsonNeedsAFile() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.expectRefusal(["export", "--format", "csv", "--json"], mentioning: ["--output"])
        try sandbox.expectRefusal(["export", "--format", "ics", "--json"], mentioning: ["--output"])
    }

    @Test("a blank interviewer name is refused", arguments: ["", "   "])
    func blankInterviewer(_ name: String) throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.expectRefusal(
            ["interview", "1", "--at", mondayInterview, "--with", name],
            mentioning: ["--with is empty"])
    }

    @Test("an empty --url or --note means none: null, as edit's empty value does")
    func emptyMeansNull() throws {
        let sandbox = try Sandbox()
        let application = try sandbox.json(["add", "Acme", "Engineer", "--url", "", "--note", ""])
        #expect(application["url"] == .null && application["notes"] == .null)
        let interviewed = try sandbox.interview(1, ["--note", ""])
        #expect(interviewed["interviews"]?[0]?["notes"] == .null)
        let called = try sandbox.json(["call", "1", "--outcome", "reached", "--at", "2026-12-02T09:00", "--note", ""])
        #expect(called["interviews"]?[0]?["calls"]?[0]?["notes"] == .null)
    }

    @Test("an empty --db is refused rather than read as the default database")
    func emptyDatabasePath() throws {
        let sandbox = try Sandbox()
        let outcome = try sandbox.run(["list", "--db", ""], withDB: false)
        expectRefused(outcome, mentioning: ["--db"])
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("xdg/jobtrack/jobtrack.sqlite3")))
    }

    @Test("a refusal that needs no database creates none")
    func refusalCreatesNoDatabase() throws {
        let sandbox = try Sandbox(zone: nil)
        let outcome = try sandbox.run(["call", "1", "--outcome", "bad-time"])
        expectRefused(outcome, mentioning: ["--callback-at"])
        let badNow = try sandbox.run(["list"], withNow: false, environment: ["JOBTRACK_NOW": "soon"])
        expectRefused(badNow, mentioning: ["JOBTRACK_NOW"])
        #expect(!FileManager.default.fileExists(atPath: sandbox.db))
    }

    @Test(
        "a date outside years 1 to 9999 is refused, not stored or crashed on",
        arguments: [
            ["add", "Acme", "Engineer", "--now", "0100-01-01T00:00:00Z", "--applied-on", "-99999d"],
            ["add", "Acme", "Engineer", "--now", "9999-12-31T12:00:00Z", "--applied-on", "+1d"],
        ])
    func outOfRange(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        let before = try sandbox.dump()
        let outcome = try sandbox.run(arguments, withNow: false)
        expectRefused(outcome, mentioning: ["years 1 to 9999"])
        #expect(try sandbox.dump() == before)
    }

    @Test("a relative date takes one sign only", arguments: ["--5d", "+-5d", "-+5d"])
    func doubledSign(_ text: String) throws {
        let sandbox = try Sandbox()
        try sandbox.expectRefusal(["add", "Acme", "Engineer", "--applied-on", text], mentioning: ["+Nd"])
    }

    @Test("a callback within the same second as the call is refused by the call-log rule, not by SQLite")
    func callbackInTheSameSecond() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        try sandbox.expectRefusal(
            [
                "call", "1", "--outcome", "bad-time",
                "--at", "2026-12-02T09:00:00.2-05:00", "--callback-at", "2026-12-02T09:00:00.7-05:00",
            ], mentioning: ["must be after the call"])
    }

    @Test("a stored setting that no longer makes sense is refused, and config mends it")
    func badStoredSetting() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        _ = try sandbox.query("UPDATE settings SET value = 'Mars/Olympus_Mons' WHERE key = 'timezone'")
        try sandbox.expectRefusal(["list"], mentioning: ["jobtrack config timezone"])
        let listed = try sandbox.ok(["config"])
        #expect(listed.stdout.contains("Mars/Olympus_Mons"))
        try sandbox.ok(["config", "timezone", newYork])
        #expect(try sandbox.json(["list"]).array?.count == 1)
    }

    @Test(
        "a full standard output is one clear line and a failure, not a crash",
        arguments: [
            ["list"], ["list", "--json"], ["export"],
        ])
    func fullStandardOutput(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        let binary = try #require(JobtrackBinary.url)
        let command = ([binary.path] + arguments + ["--db", sandbox.db]).map { "'\($0)'" }.joined(separator: " ")
        let outcome = try runProgram(
            URL(fileURLWithPath: "/bin/sh"), ["-c", command + " > /dev/full"],
            environment: sandbox.baseEnvironment, scratch: sandbox.folder)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(
            outcome.stderrLines.count == 1 && outcome.stderr.contains("cannot write to standard output"),
            "\(outcome)")
    }

    @Test("script after two unanswered tries says why there is no call, and gives no script")
    func scriptWhenNoCallIsDue() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        try sandbox.ok(["voicemail", "1", "--at", "2026-12-02T09:00"], now: "2026-12-02T09:30:00-05:00")
        try sandbox.ok(["voicemail", "1", "--at", "2026-12-03T09:00"], now: "2026-12-03T09:30:00-05:00")
        let script = try sandbox.ok(["script", "1"], now: "2026-12-03T10:00:00-05:00")
        #expect(script.stdout == "No follow-up to make: Tried twice with no answer: stop calling.\n", "\(script)")
    }

    @Test("script for a booked callback says they asked for the time; once it is missed, it asks if now is good")
    func scriptForACallback() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        try sandbox.ok(
            ["call", "1", "--outcome", "bad-time", "--at", "2026-12-02T09:00", "--callback-at", "2026-12-03T15:00"],
            now: "2026-12-02T09:30:00-05:00")
        for now in ["2026-12-02T16:00:00-05:00", "2026-12-03T09:00:00-05:00"] {
            let booked = try sandbox.ok(["script", "1"], now: now).stdout
            #expect(
                booked.contains("you asked me to call back at this time") && !booked.contains("Is now a good time"),
                "\(now)")
        }
        let missed = try sandbox.ok(["script", "1"], now: "2026-12-04T09:00:00-05:00").stdout
        #expect(missed.contains("Is now a good time") && !missed.contains("you asked me"), "\(missed)")
    }

    @Test("script says a name with a line break in it as one line, in the call, the voicemail and the email")
    func scriptOneLineNames() throws {
        let sandbox = try Sandbox()
        try sandbox.add("Line\nBreak Co", "Platform\nEngineer")
        try sandbox.interview(1, with: "Ann\nLee")
        try sandbox.add("Second\nCo", "SRE")
        try sandbox.interview(2, phone: nil, with: "Bo\nKim")
        for id in ["1", "2"] {
            let script = try sandbox.ok(["script", id], now: "2026-12-02T10:00:00-05:00").stdout
            for broken in ["Ann\n", "Line\n", "Platform\n", "Bo\n", "Second\n"] {
                #expect(!script.contains(broken), "\(broken) in script \(id): \(script)")
            }
            #expect(script.contains(id == "1" ? "Hello Ann Lee" : "Dear Bo Kim"), "\(script)")
        }
    }

    @Test("script once they were reached says why there is no call: no second try, no script")
    func scriptOnceReached() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        try sandbox.ok(["voicemail", "1", "--at", "2026-12-02T09:00"], now: "2026-12-02T09:30:00-05:00")
        try sandbox.ok(
            ["call", "1", "--outcome", "reached", "--at", "2026-12-03T09:00"], now: "2026-12-03T09:30:00-05:00")
        let script = try sandbox.ok(["script", "1"], now: "2026-12-04T10:00:00-05:00")
        #expect(script.stdout.hasPrefix("No follow-up to make: "), "\(script)")
        #expect(!script.stdout.contains("try once more") && !script.stdout.contains("good time"), "\(script)")
        let json = try sandbox.json(["script", "1"], now: "2026-12-04T10:00:00-05:00")
        #expect(json["kind"]?.string == "none" && json["call"]?.array?.isEmpty == true, "\(json)")
    }
}
