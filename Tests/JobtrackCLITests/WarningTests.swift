import Foundation
import Testing

/// A warning: exit 0, exactly one stderr line, `warning: ` first after the program's
/// name, saying `fragment` — and the change stands.
private func expectOneWarning(_ outcome: Outcome, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation)
{
    #expect(outcome.status == 0, "a warning does not refuse: \(outcome)", sourceLocation: sourceLocation)
    #expect(outcome.stderrLines.count == 1, "exactly one warning line: \(outcome)", sourceLocation: sourceLocation)
    #expect(
        outcome.stderrLines.first?.hasPrefix("jobtrack: warning: ") == true, "\(outcome)",
        sourceLocation: sourceLocation)
    #expect(
        outcome.stderr.contains(fragment), "the warning should say \"\(fragment)\": \(outcome)",
        sourceLocation: sourceLocation)
}

@Suite("warnings: the change stands, with one line saying what the etiquette says")
struct WarningTests {
    /// Acme applied 2026-11-20, interviewed Monday 10:00 by Dana.
    static func interviewed(_ options: [String] = []) throws -> Sandbox {
        let box = try Sandbox()
        try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-11-20"])
        try box.interview(1, options)
        return box
    }

    @Test("a call before its window opens")
    func callBeforeWindow() throws {
        let box = try Self.interviewed()
        let outcome = try box.run(["voicemail", "1", "--at", "2026-12-01 11:00"])
        expectOneWarning(outcome, "before its window opens on Wed Dec 2")
        #expect(try box.query("SELECT count(*) FROM call_attempts") == "1")
    }

    @Test("a second try on the day of a voicemail: before the day to try again, not the window")
    func retryTooSoon() throws {
        let box = try Self.interviewed()
        try box.ok(["voicemail", "1", "--at", "2026-12-02 09:30"])
        let outcome = try box.run(["call", "1", "--outcome", "no-answer", "--at", "2026-12-02 10:15"])
        expectOneWarning(outcome, "before the day to try again, Thu Dec 3")
        #expect(!outcome.stderr.contains("window"), "\(outcome)")
        #expect(try box.query("SELECT count(*) FROM call_attempts") == "2")
    }

    @Test("a call outside the interviewer's business hours, on their clock")
    func callOutOfHours() throws {
        let box = try Self.interviewed()
        let outcome = try box.run(["call", "1", "--outcome", "no-answer", "--at", "2026-12-02 08:15"])
        expectOneWarning(outcome, "outside the interviewer's business hours (09:00-17:00")
        #expect(try box.query("SELECT count(*) FROM call_attempts") == "1")

        let london = try Sandbox()
        try london.add("Globex", "PM", ["--applied-on", "2026-11-20"])
        try london.interview(1, tz: "Europe/London")
        // 10:00 in New York is 15:00 in London: inside; 13:00 is 18:00 there: outside.
        #expect(try london.ok(["voicemail", "1", "--at", "2026-12-02 10:00"]).stderr.isEmpty)
        let late = try london.run(["voicemail", "1", "--at", "2026-12-03 13:00"], now: "2026-12-03T14:00:00-05:00")
        expectOneWarning(late, "Thu Dec 3 18:00 their time")
    }

    @Test("a call on the interviewer's public holiday is outside their business days")
    func callOnAPublicHoliday() throws {
        let box = try Sandbox()
        try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-11-16"], now: "2026-11-20T09:00:00-05:00")
        try box.interview(1, at: "2026-11-23 10:00", now: "2026-11-23T12:00:00-05:00")
        // Thanksgiving, Thu Nov 26, at 10:00 their time: a weekday, inside their hours.
        let outcome = try box.run(["voicemail", "1", "--at", "2026-11-26 10:00"], now: "2026-11-26T11:00:00-05:00")
        expectOneWarning(outcome, "outside the interviewer's business hours (09:00-17:00, business days)")
        let friday = try box.ok(
            ["call", "1", "--outcome", "reached", "--at", "2026-11-27 10:00"], now: "2026-11-27T11:00:00-05:00")
        #expect(friday.stderr.isEmpty, "\(friday)")
    }

    @Test("an interviewer who said after hours are fine: no warning")
    func afterHoursOK() throws {
        let box = try Self.interviewed(["--after-hours-ok"])
        let outcome = try box.ok(["call", "1", "--outcome", "no-answer", "--at", "2026-12-02 08:15"])
        #expect(outcome.stderr.isEmpty, "\(outcome)")
    }

    @Test("a call edited out of business hours")
    func editedCallOutOfHours() throws {
        let box = try Self.interviewed()
        try box.ok(["voicemail", "1", "--at", "2026-12-02 09:30"])
        expectOneWarning(try box.run(["edit-call", "1", "--at", "2026-12-02 07:30"]), "business hours")
        #expect(
            try box.query("SELECT count(*) FROM call_attempts WHERE at = strftime('%s', '2026-12-02 12:30')") == "1")
    }

    @Test("an interview dated before its application's applied_on")
    func interviewBeforeApplied() throws {
        let box = try Sandbox()
        try box.add("Acme", "Platform Engineer")
        let outcome = try box.run(["interview", "1", "--at", mondayInterview])
        expectOneWarning(outcome, "before #1 was applied for on 2026-12-02")
        #expect(try box.query("SELECT count(*) FROM interviews") == "1")
    }

    @Test("an interview logged on a closed application")
    func interviewOnClosed() throws {
        let box = try Sandbox()
        try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-11-20"])
        try box.ok(["status", "1", "rejected"])
        let outcome = try box.run(["interview", "1", "--at", mondayInterview])
        expectOneWarning(outcome, "#1 is rejected, which is closed")
        #expect(try box.query("SELECT count(*) FROM interviews") == "1")
    }

    @Test("add of the same company and role as an open application")
    func addTwice() throws {
        let box = try Sandbox()
        try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-11-20"])
        let outcome = try box.run(["add", "ACME", "platform engineer"])
        expectOneWarning(outcome, "#1 Acme — Platform Engineer is already open")
        #expect(try box.json(["list"]).array?.count == 2)
        try box.ok(["status", "1", "withdrawn"])
        #expect(
            try box.ok(["add", "Acme", "Platform Engineer", "--applied-on", "2026-11-01"]).stderr
                .contains("#2"), "only open applications count")
    }

    @Test("a second thank-you note replaces the first, with a warning naming it; undo puts it back")
    func thanksReplaced() throws {
        // A user in Tokyo thanks a London interviewer in time, then runs `thanks` again days later.
        let box = try Sandbox(now: "2026-12-24T07:10:00+09:00", zone: "Asia/Tokyo")
        try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-12-01"])
        try box.interview(1, at: "2026-12-21 14:00 their", phone: "+44 20 7946 0100", tz: "Europe/London")
        #expect(try box.ok(["thanks", "1"]).stderr.isEmpty, "the first note replaces nothing")

        let later = "2026-12-30T07:45:00+09:00"
        let outcome = try box.run(["thanks", "1", "--json"], now: later)
        expectOneWarning(
            outcome,
            "replaced the thank-you note recorded on Thu Dec 24 07:10 (Wed Dec 23 22:10 their time); "
                + "`jobtrack undo` puts it back")
        let application = try JSON.parse(outcome.stdout)
        expectMoment(application["interviews"]?[0]?["thanked_at"], later, "the new time stands")

        try box.ok(["undo"], now: later)
        let restored = try box.json(["show", "1"], now: later)
        expectMoment(restored["interviews"]?[0]?["thanked_at"], "2026-12-24T07:10:00+09:00", "undo puts it back")
        #expect(
            try box.ok(["thanks", "1", "--at", "2026-12-24 07:10"], now: later).stderr.isEmpty,
            "the same time again replaces nothing")
    }

    @Test("an applied_on in the future")
    func appliedInFuture() throws {
        let box = try Sandbox()
        let outcome = try box.run(["add", "Acme", "Platform Engineer", "--applied-on", "tomorrow"])
        expectOneWarning(outcome, "applied on 2026-12-03 is in the future")
        #expect(try box.json(["list"]).array?.count == 1)
    }
}
