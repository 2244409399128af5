import Foundation
import Testing

@Suite("interview, call, voicemail")
struct InterviewAndCallTests {
    @Test("interview prints the application with the interview, and moves applied to interviewing")
    func interviewJSON() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        let application = try sandbox.interview(
            1,
            [
                "--decision-by", "2026-12-04", "--after-hours-ok",
                "--busy", "09:00-12:00", "--busy", "14:00-15:30",
                "--note", "panel of three",
            ])
        expectApplicationShape(application)
        #expect(application["status"] == .string("interviewing"))
        let interviews = try #require(application["interviews"]?.array)
        try #require(interviews.count == 1)
        let interview = interviews[0]
        #expect(interview["id"] == .int(1))
        expectInstant(interview["held_at"], "2026-11-30T10:00:00-05:00", "held_at")
        #expect(interview["tz"] == .string(newYork))
        #expect(interview["interviewer"] == .string("Dana Reyes"))
        #expect(interview["phone"] == .string(danaPhone))
        #expect(interview["decision_by"] == .string("2026-12-04"))
        #expect(interview["after_hours_ok"] == .bool(true))
        #expect(interview["busy"] == .array([.string("09:00-12:00"), .string("14:00-15:30")]))
        #expect(interview["notes"] == .string("panel of three"))
        #expect(interview["calls"] == .array([]))
    }

    @Test(
        "version 2 fields in show and agenda have the shapes of §3.13: busy days, a country, a thank-you, a letter, a decision date"
    )
    func version2Shapes() throws {
        let sandbox = try Sandbox()
        try sandbox.add("Acme", "Platform Engineer", ["--applied-on", "2026-11-20"])
        try sandbox.interview(
            1,
            [
                "--country", "GB", "--busy", "Mon-Fri 09:00-09:30", "--busy", "Tue,Thu 14:00-15:00", "--busy",
                "12:00-13:00",
            ])
        try sandbox.ok(["thanks", "1", "--at", "2026-11-30 17:00"])
        try sandbox.ok(["call", "1", "--outcome", "wrote", "--at", "2026-12-01 09:00"])
        try sandbox.ok(["call", "1", "--outcome", "reached", "--at", "2026-12-02 09:00", "--decision-by", "2026-12-09"])
        // Interviewed this morning and not yet thanked: a thank-you is due.
        try sandbox.add("Globex", "Designer", ["--applied-on", "2026-11-20"])
        try sandbox.interview(2, at: "2026-12-02 09:00")

        let application = try sandbox.json(["show", "1"])
        expectApplicationShape(application)
        let interview = try #require(application["interviews"]?[0])
        #expect(interview["country"] == .string("GB"))
        #expect(
            interview["busy"]
                == .array([.string("Mon-Fri 09:00-09:30"), .string("Tue,Thu 14:00-15:00"), .string("12:00-13:00")]))
        expectInstant(interview["thanked_at"], "2026-11-30T17:00:00-05:00", "thanked_at")
        let calls = try #require(interview["calls"]?.array)
        try #require(calls.count == 2, "\(calls)")
        #expect(calls[0]["outcome"] == .string("wrote"))
        #expect(calls[0]["number"] == .null, "a letter has no number dialled")
        #expect(calls[0]["decision_by"] == .null)
        #expect(calls[1]["decision_by"] == .string("2026-12-09"))
        #expect(application["follow_up"]?["thank_you_due"] == .bool(false), "Dana was thanked")

        let agenda = try #require(try sandbox.json(["agenda", "--all"]).array)
        for entry in agenda { expectAgendaShape(entry) }
        #expect(agenda.first { $0["id"] == .int(2) }?["thank_you_due"] == .bool(true), "\(agenda)")
    }

    @Test("an interview with only --at: absent values are null, busy is empty, after_hours_ok false")
    func interviewMinimal() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        let application = try sandbox.json(["interview", "1", "--at", mondayInterview])
        let interview = try #require(application["interviews"]?[0])
        expectInterviewShape(interview)
        #expect(interview["interviewer"] == .null)
        #expect(interview["phone"] == .null)
        #expect(interview["decision_by"] == .null)
        #expect(interview["notes"] == .null)
        #expect(interview["after_hours_ok"] == .bool(false))
        #expect(interview["busy"] == .array([]))
        #expect(interview["tz"] == .string(newYork), "tz defaults to the user's zone")
    }

    @Test("an interview's tz defaults to the user's timezone setting, not the system zone")
    func interviewDefaultZone() throws {
        let sandbox = try Sandbox(zone: "Europe/Berlin")
        try sandbox.add()
        let application = try sandbox.json(["interview", "1", "--at", "2026-11-30 10:00"])
        let interview = try #require(application["interviews"]?[0])
        #expect(interview["tz"] == .string("Europe/Berlin"))
        expectInstant(interview["held_at"], "2026-11-30T10:00:00+01:00", "held_at in Berlin")
    }

    @Test("instants are printed in the interview's zone")
    func interviewZonePrinted() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        let application = try sandbox.interview(1, at: "2026-11-30T10:00 their", tz: "Asia/Tokyo")
        let interview = try #require(application["interviews"]?[0])
        #expect(interview["tz"] == .string("Asia/Tokyo"))
        expectInstant(interview["held_at"], "2026-11-30T10:00:00+09:00", "held_at in Tokyo")
        #expect(application["follow_up"]?["tz"] == .string("Asia/Tokyo"))
    }

    @Test("logging an interview leaves a closed status alone")
    func interviewKeepsOtherStatus() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.ok(["status", "1", "offer"])
        let application = try sandbox.interview(1)
        #expect(application["status"] == .string("offer"))
    }

    @Test("call prints the application with the call logged against the latest interview")
    func callJSON() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        let application = try sandbox.json([
            "call", "1", "--outcome", "bad-time", "--at", "2026-12-02T09:10",
            "--callback-at", "2026-12-03T14:00", "--note", "in a meeting",
        ])
        expectApplicationShape(application)
        let calls = try #require(application["interviews"]?[0]?["calls"]?.array)
        try #require(calls.count == 1)
        let call = calls[0]
        #expect(call["id"] == .int(1))
        expectInstant(call["at"], "2026-12-02T09:10:00-05:00", "at")
        #expect(call["outcome"] == .string("bad-time"))
        expectInstant(call["callback_at"], "2026-12-03T14:00:00-05:00", "callback_at")
        #expect(digits(call["number"]?.string ?? "") == digits(danaPhone), "the number dialled is Dana's")
        #expect(call["notes"] == .string("in a meeting"))
        let followUp = try #require(application["follow_up"])
        expectFollowUp(
            followUp, state: "callback_scheduled", window: ("2026-12-03", "2026-12-03"),
            callAt: "2026-12-03T14:00-05:00")
    }

    @Test("call without --at is logged at now; absent values are null", arguments: ["reached", "no-answer"])
    func callAtNow(_ outcome: String) throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        let application = try sandbox.json(["call", "1", "--outcome", outcome])
        let call = try #require(application["interviews"]?[0]?["calls"]?[0])
        expectCallShape(call)
        expectInstant(call["at"], "2026-12-02T10:30:00-05:00", "at")
        #expect(call["outcome"] == .string(outcome))
        #expect(call["callback_at"] == .null)
        #expect(call["notes"] == .null)
    }

    @Test("reached may carry a callback: call me back Monday at 10")
    func reachedWithCallback() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        let application = try sandbox.json(["call", "1", "--outcome", "reached", "--callback-at", "2026-12-07 10:00"])
        let call = try #require(application["interviews"]?[0]?["calls"]?[0])
        expectInstant(call["callback_at"], "2026-12-07T10:00:00-05:00", "callback_at")
        expectFollowUp(
            try #require(application["follow_up"]), state: "callback_scheduled",
            window: ("2026-12-07", "2026-12-07"), callAt: "2026-12-07T10:00-05:00")
    }

    @Test("--number matching the number on record, digits only, is accepted")
    func numberSameDigits() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1, phone: "(212) 555-0100")
        let application = try sandbox.json(["call", "1", "--outcome", "reached", "--number", "212.555.0100"])
        let call = try #require(application["interviews"]?[0]?["calls"]?[0])
        #expect(digits(call["number"]?.string ?? "") == "2125550100")
    }

    @Test("voicemail is a call with outcome voicemail and no callback")
    func voicemail() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        let application = try sandbox.json(["voicemail", "1", "--at", "2026-12-02T09:00", "--note", "left my number"])
        expectApplicationShape(application)
        let call = try #require(application["interviews"]?[0]?["calls"]?[0])
        #expect(call["outcome"] == .string("voicemail"))
        #expect(call["callback_at"] == .null)
        #expect(call["notes"] == .string("left my number"))
        expectInstant(call["at"], "2026-12-02T09:00:00-05:00", "at")
        #expect(application["follow_up"]?["unanswered_attempts"] == .int(1))
        #expect(application["follow_up"]?["state"] == .string("awaiting_reply"))
    }

    @Test("text output of interview, call and voicemail is plain")
    func textOutputs() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        for arguments in [
            ["interview", "1", "--at", mondayInterview, "--phone", danaPhone],
            ["call", "1", "--outcome", "no-answer", "--at", "2026-12-02T09:00"],
            ["voicemail", "1"],
        ] {
            let outcome = try sandbox.ok(arguments)
            #expect(!outcome.stdout.isEmpty, "\(outcome)")
            #expect(!outcome.stdout.contains("\u{1B}"), "\(outcome)")
        }
    }

    @Test("a call past max_attempts is logged, with one warning line on stderr")
    func pastMaxAttempts() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        try sandbox.ok(["voicemail", "1", "--at", "2026-12-02T09:00"], now: "2026-12-02T09:30:00-05:00")
        let second = try sandbox.ok(["voicemail", "1", "--at", "2026-12-03T09:00"], now: "2026-12-03T09:30:00-05:00")
        #expect(second.stderr.isEmpty, "the second try is within max_attempts: \(second)")
        #expect(try sandbox.agendaEntry(1, now: "2026-12-03T09:30:00-05:00")["state"] == .string("tried_twice"))

        let third = try sandbox.run(
            ["call", "1", "--outcome", "no-answer", "--at", "2026-12-04T09:00", "--json"],
            now: "2026-12-04T09:30:00-05:00")
        #expect(third.status == 0, "a call is a fact: it is logged: \(third)")
        #expect(
            third.stderrLines.count == 1 && third.stderr.contains("stop calling"),
            "exactly one warning line, saying the etiquette says stop: \(third)")
        let application = try JSON.parse(third.stdout)
        #expect(application["interviews"]?[0]?["calls"]?.array?.count == 3)
        #expect(application["follow_up"]?["unanswered_attempts"] == .int(3))
        #expect(application["follow_up"]?["state"] == .string("tried_twice"))
    }

    @Test("max_attempts 1: stop after one unanswered try, warn on the second")
    func maxAttemptsOne() throws {
        let sandbox = try Sandbox()
        try sandbox.ok(["config", "max_attempts", "1"])
        try sandbox.add()
        try sandbox.interview(1)
        let first = try sandbox.ok(["voicemail", "1", "--at", "2026-12-02T09:00"])
        #expect(first.stderr.isEmpty, "\(first)")
        #expect(try sandbox.agendaEntry(1)["state"] == .string("tried_twice"))
        let second = try sandbox.ok(["voicemail", "1", "--at", "2026-12-02T10:00"])
        #expect(
            second.stderrLines.count == 1 && second.stderr.contains("1 unanswered try already"),
            "one warning line: \(second)")
    }

    @Test("calls are logged against the latest interview by held_at, not the last logged")
    func latestByHeldAt() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1, at: "2026-11-30T10:00", phone: danaPhone)
        try sandbox.interview(1, at: "2026-11-16T10:00", phone: "646-555-0199", with: "Sam Lee")
        let application = try sandbox.json(["voicemail", "1", "--at", "2026-12-02T09:00"])
        let interviews = try #require(application["interviews"]?.array)
        try #require(interviews.count == 2)
        let monday = try #require(interviews.first { $0["id"] == .int(1) })
        let earlier = try #require(interviews.first { $0["id"] == .int(2) })
        #expect(monday["calls"]?.array?.count == 1, "logged against the interview held last")
        #expect(earlier["calls"] == .array([]))
        #expect(digits(monday["calls"]?[0]?["number"]?.string ?? "") == digits(danaPhone))
        let followUp = try #require(application["follow_up"])
        #expect(followUp["interviewer"] == .string("Dana Reyes"))
        #expect(followUp["phone"] == .string(danaPhone))
    }

    @Test("a new interview round starts follow-up afresh")
    func newRound() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(
            1, at: "2026-11-16T10:00", phone: "646-555-0199", with: "Sam Lee",
            now: "2026-11-20T12:00:00-05:00")
        try sandbox.ok(["voicemail", "1", "--at", "2026-11-18T10:00"], now: "2026-11-20T12:00:00-05:00")
        try sandbox.ok(["voicemail", "1", "--at", "2026-11-19T10:00"], now: "2026-11-20T12:00:00-05:00")
        #expect(try sandbox.agendaEntry(1, now: "2026-11-20T12:00:00-05:00")["state"] == .string("tried_twice"))
        try sandbox.interview(1)
        let entry = try sandbox.agendaEntry(1)
        expectFollowUp(entry, state: "due", window: ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T10:30-05:00")
        #expect(entry["unanswered_attempts"] == .int(0))
        #expect(entry["interviewer"] == .string("Dana Reyes"))
        #expect(entry["phone"] == .string(danaPhone))
    }

    @Test("(v2) a second interview at the same instant is refused, naming the first to mend instead")
    func sameInstantInterviews() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1, phone: "646-555-0199", with: "Sam Lee")
        try sandbox.expectRefusal(
            ["interview", "1", "--at", mondayInterview, "--with", "Dana Reyes", "--phone", danaPhone],
            mentioning: ["interview 1 of #1", "jobtrack edit-interview 1"])
        try sandbox.ok(["edit-interview", "1", "--with", "Dana Reyes", "--phone", danaPhone])
        let entry = try sandbox.agendaEntry(1)
        #expect(entry["interviewer"] == .string("Dana Reyes"))
        #expect(entry["phone"] == .string(danaPhone))
    }

    @Test("of two calls at the same instant, the later-logged one counts")
    func sameInstantCalls() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        try sandbox.ok(["call", "1", "--outcome", "reached", "--at", "2026-12-02T09:00"])
        try sandbox.ok(["voicemail", "1", "--at", "2026-12-02T09:00"])
        let entry = try sandbox.agendaEntry(1)
        #expect(entry["state"] == .string("awaiting_reply"), "the voicemail, logged last, is L: \(entry)")
    }
}
