import Foundation
import Testing

/// Acme (applied 2026-11-20), interviewed Monday 11-30 10:00 by Dana Reyes (interview 1),
/// with a voicemail Wednesday 09:30 (call 1); *now* is Wednesday 10:30. Built once.
private let mendableTemplate = Result { () throws -> Data in
    let box = try Sandbox()
    try box.add("Acme", "Platform Engineer", ["--applied-on", "2026-11-20"])
    try box.interview(1)
    try box.ok(["voicemail", "1", "--at", "2026-12-02 09:30"])
    return try box.snapshot()
}

extension Sandbox {
    static func mendable() throws -> Sandbox {
        try Sandbox(now: wednesdayMorning, database: mendableTemplate.get())
    }
}

@Suite("edit-interview, edit-call, delete-interview, delete-call, duplicates")
struct MendingCommandTests {
    @Test("edit-interview changes only the options given; empty values and --no-after-hours-ok clear")
    func editInterview() throws {
        let box = try Sandbox.mendable()
        let edited = try box.json([
            "edit-interview", "1", "--with", "Dana R.", "--busy", "14:00-15:00",
            "--after-hours-ok", "--decision-by", "2026-12-04", "--note", "panel",
        ])
        expectApplicationShape(edited)
        let interview = try #require(edited["interviews"]?[0])
        #expect(interview["interviewer"] == .string("Dana R."))
        #expect(interview["busy"] == .array([.string("14:00-15:00")]))
        #expect(interview["after_hours_ok"] == .bool(true))
        #expect(interview["decision_by"] == .string("2026-12-04"))
        #expect(interview["phone"] == .string(danaPhone), "what was not given stays")
        expectInstant(interview["held_at"], "2026-11-30T10:00:00-05:00", "held_at stays")
        #expect(interview["calls"]?.array?.count == 1)

        let cleared = try box.json([
            "edit-interview", "1", "--with", "", "--busy", "", "--no-after-hours-ok",
            "--decision-by", "", "--note", "",
        ])
        let bare = try #require(cleared["interviews"]?[0])
        #expect(bare["interviewer"] == .null)
        #expect(bare["busy"] == .array([]))
        #expect(bare["after_hours_ok"] == .bool(false))
        #expect(bare["decision_by"] == .null)
        #expect(bare["notes"] == .null)
    }

    @Test("edit-interview --at moves it, read on the user's clock; a new --phone moves its calls too")
    func editInterviewTimeAndPhone() throws {
        let box = try Sandbox.mendable()
        let moved = try box.json(["edit-interview", "1", "--at", "2026-11-30 11:00", "--phone", "212-555-0111"])
        let interview = try #require(moved["interviews"]?[0])
        expectInstant(interview["held_at"], "2026-11-30T11:00:00-05:00", "held_at")
        #expect(interview["phone"] == .string("212-555-0111"))
        #expect(interview["calls"]?[0]?["number"] == .string("212-555-0111"))
        let text = try box.ok(["edit-interview", "1", "--tz", "America/Los_Angeles"])
        #expect(
            text.stdout.contains("Interview 1 of #1 Acme on Mon Nov 30 11:00 (08:00 their time) edited."), "\(text)")
    }

    @Test(
        "edit-interview refusals leave the database unchanged",
        arguments: [
            RefusalCase(
                "a call would be before it", ["edit-interview", "1", "--at", "2026-12-02 10:00"],
                mentions: ["call 1", "edit-call 1"]),
            RefusalCase(
                "a decision date before it", ["edit-interview", "1", "--decision-by", "2026-11-29"],
                mentions: ["2026-11-29"]),
            RefusalCase(
                "clearing the number its calls were dialled on", ["edit-interview", "1", "--phone", ""],
                mentions: ["interview 1"]),
            RefusalCase("an unknown country", ["edit-interview", "1", "--country", "ZZ"], mentions: ["ZZ"]),
            RefusalCase("a bad busy window", ["edit-interview", "1", "--busy", "9-10"]),
            RefusalCase("nothing to edit", ["edit-interview", "1"], mentions: ["nothing to edit"]),
            RefusalCase(
                "an unknown interview", ["edit-interview", "9", "--note", "x"], mentions: ["unknown interview 9"]),
            RefusalCase("an id that is not one", ["edit-interview", "x", "--note", "x"], mentions: ["interview id"]),
        ])
    func editInterviewRefused(_ refusal: RefusalCase) throws {
        try Sandbox.mendable().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test("edit-call changes the call; an empty --callback-at, --decision-by or --note clears")
    func editCall() throws {
        let box = try Sandbox.mendable()
        let badTime = try box.json([
            "edit-call", "1", "--outcome", "bad-time", "--callback-at", "2026-12-03 10:00",
            "--note", "in a meeting",
        ])
        let call = try #require(badTime["interviews"]?[0]?["calls"]?[0])
        #expect(call["id"] == .int(1))
        #expect(call["outcome"] == .string("bad-time"))
        expectInstant(call["callback_at"], "2026-12-03T10:00:00-05:00", "callback_at")
        expectInstant(call["at"], "2026-12-02T09:30:00-05:00", "at stays")
        #expect(badTime["follow_up"]?["state"] == .string("callback_scheduled"))

        let reached = try box.json([
            "edit-call", "1", "--outcome", "reached", "--callback-at", "",
            "--decision-by", "2026-12-09", "--note", "", "--at", "2026-12-02 09:45",
        ])
        let mended = try #require(reached["interviews"]?[0]?["calls"]?[0])
        #expect(mended["callback_at"] == .null)
        #expect(mended["decision_by"] == .string("2026-12-09"))
        #expect(mended["notes"] == .null)
        expectInstant(mended["at"], "2026-12-02T09:45:00-05:00", "at")
        let cleared = try box.json(["edit-call", "1", "--decision-by", ""])
        #expect(cleared["interviews"]?[0]?["calls"]?[0]?["decision_by"] == .null)
    }

    @Test(
        "edit-call refusals leave the database unchanged",
        arguments: [
            RefusalCase(
                "before the interview", ["edit-call", "1", "--at", "2026-11-30 09:00"],
                mentions: ["before the interview"]),
            RefusalCase("in the future", ["edit-call", "1", "--at", "2026-12-02 11:00"], mentions: ["in the future"]),
            RefusalCase(
                "bad-time without a callback", ["edit-call", "1", "--outcome", "bad-time"],
                mentions: ["--callback-at"]),
            RefusalCase(
                "a callback on a voicemail", ["edit-call", "1", "--callback-at", "2026-12-03 10:00"],
                mentions: ["voicemail"]),
            RefusalCase(
                "a callback not after the call",
                ["edit-call", "1", "--outcome", "bad-time", "--callback-at", "2026-12-02 09:00"],
                mentions: ["must be after the call"]),
            RefusalCase(
                "a decision date on a voicemail", ["edit-call", "1", "--decision-by", "2026-12-09"],
                mentions: ["reached"]),
            RefusalCase(
                "a decision date on the call's date",
                ["edit-call", "1", "--outcome", "reached", "--decision-by", "2026-12-02"],
                mentions: ["must be after the call"]),
            RefusalCase(
                "a number not the interviewer's", ["edit-call", "1", "--number", "212-555-0199"],
                mentions: ["212-555-0199", danaPhone]),
            RefusalCase("nothing to edit", ["edit-call", "1"], mentions: ["nothing to edit"]),
            RefusalCase("an unknown call", ["edit-call", "9", "--note", "x"], mentions: ["unknown call 9"]),
        ])
    func editCallRefused(_ refusal: RefusalCase) throws {
        try Sandbox.mendable().expectRefusal(refusal.arguments, mentioning: refusal.mentions)
    }

    @Test("delete-call asks for --yes, saying what it would delete, then deletes the call")
    func deleteCall() throws {
        let box = try Sandbox.mendable()
        try box.expectRefusal(["delete-call", "1"], mentioning: ["call 1", "voicemail", "--yes"])
        try box.expectRefusal(["delete-call", "9", "--yes"], mentioning: ["unknown call 9"])
        let application = try box.json(["delete-call", "1", "--yes"])
        #expect(application["interviews"]?[0]?["calls"] == .array([]))
        #expect(try box.query("SELECT count(*) FROM call_attempts") == "0")
    }

    @Test("delete-interview asks for --yes, then deletes the interview with its calls")
    func deleteInterview() throws {
        let box = try Sandbox.mendable()
        try box.expectRefusal(["delete-interview", "1"], mentioning: ["interview 1", "its call", "--yes"])
        try box.expectRefusal(["delete-interview", "9", "--yes"], mentioning: ["unknown interview 9"])
        let outcome = try box.ok(["delete-interview", "1", "--yes"])
        #expect(
            outcome.stdout.contains("Interview 1 of #1 Acme on Mon Nov 30 10:00 deleted with its call."), "\(outcome)")
        #expect(try box.query("SELECT count(*) FROM interviews") == "0")
        #expect(try box.query("SELECT count(*) FROM call_attempts") == "0")
        let application = try box.json(["show", "1"])
        #expect(application["status"] == .string("applied"), "as before the interview was logged")
    }

    @Test("show prints each interview's and call's id, with times on the user's clock")
    func showIDs() throws {
        let box = try Sandbox.mendable()
        try box.interview(1, at: "2026-12-01 12:00", tz: "America/Los_Angeles")
        let shown = try box.ok(["show", "1"]).stdout
        #expect(shown.contains("interview 1  Mon Nov 30 10:00 with Dana Reyes"), "\(shown)")
        #expect(shown.contains("call 1  Wed Dec 2 09:30 voicemail on \(danaPhone)"), "\(shown)")
        #expect(shown.contains("interview 2  Tue Dec 1 12:00 (09:00 their time) with Dana Reyes"), "\(shown)")
    }

    @Test("an interview at the same time as another of the application is refused, naming it")
    func duplicateInterview() throws {
        let box = try Sandbox.mendable()
        try box.expectRefusal(
            ["interview", "1", "--at", mondayInterview, "--with", "Dana Reyes"],
            mentioning: ["interview 1 of #1 is already at", "jobtrack edit-interview 1"])
        try box.interview(1, at: "2026-12-01 10:00")
        try box.expectRefusal(
            ["edit-interview", "2", "--at", mondayInterview],
            mentioning: ["interview 1 of #1", "edit-interview 1"])
        try box.add("Globex", "PM", ["--applied-on", "2026-11-20"])
        try box.interview(2, at: mondayInterview)
        #expect(try box.query("SELECT count(*) FROM interviews") == "3", "another application's interview may share it")
    }
}
