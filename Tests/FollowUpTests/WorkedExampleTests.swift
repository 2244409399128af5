import FollowUp
import Foundation
import Testing

/// One row of docs/rules.md §2's worked examples (America/New_York; 2026-11-30 is a Monday).
struct WorkedExample: Sendable, CustomTestStringConvertible {
    let interview: InterviewFacts
    let now: String
    let state: FollowUpState
    let dueFrom: String?
    let dueBy: String?
    let callAt: String?
    let testDescription: String

    init(
        _ description: String, _ interview: InterviewFacts, now: String, _ state: FollowUpState,
        _ window: (String, String)?, callAt: String?
    ) {
        self.testDescription = description
        self.interview = interview
        self.now = now
        self.state = state
        self.dueFrom = window?.0
        self.dueBy = window?.1
        self.callAt = callAt
    }

    func check() {
        let result = assess(interview, now: now)
        #expect(result.state == state)
        #expect(result.dueFrom?.iso == dueFrom)
        #expect(result.dueBy?.iso == dueBy)
        #expect(iso(result.callAt) == callAt)
        #expect(result.callAtText == callAt)
        #expect(!result.reason.isEmpty)
    }
}

private let mondayInterview = interview("2026-11-30 10:00")

@Suite("docs/rules.md §2 worked examples")
struct WorkedExampleTests {
    @Test(
        "rule 7: call two or three business days after the interview, not sooner",
        arguments: [
            WorkedExample(
                "too soon the day after a Monday interview", mondayInterview, now: "2026-12-01 12:00",
                .tooSoon, ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T09:00:00-05:00"),
            WorkedExample(
                "due on the second business day, call now", mondayInterview, now: "2026-12-02 10:30",
                .due, ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T10:30:00-05:00"),
            WorkedExample(
                "overdue after the window, now inside business hours", mondayInterview,
                now: "2026-12-04 10:15", .overdue, ("2026-12-02", "2026-12-03"),
                callAt: "2026-12-04T10:15:00-05:00"),
            WorkedExample(
                "overdue after the window, now after hours: the next business minute", mondayInterview,
                now: "2026-12-04 18:00", .overdue, ("2026-12-02", "2026-12-03"),
                callAt: "2026-12-07T09:00:00-05:00"),
            WorkedExample(
                "a Thursday interview's window crosses the weekend", interview("2026-12-03 10:00"),
                now: "2026-12-04 12:00", .tooSoon, ("2026-12-07", "2026-12-08"),
                callAt: "2026-12-07T09:00:00-05:00"),
        ])
    func window(_ example: WorkedExample) { example.check() }

    @Test(
        "rule 7 with decision_by: wait for the decision date, then two or three days",
        arguments: [
            WorkedExample(
                "waiting on a decision promised by Friday", interview("2026-11-30 10:00", decisionBy: "2026-12-04"),
                now: "2026-12-07 12:00", .waitingOnDecision, ("2026-12-08", "2026-12-09"),
                callAt: "2026-12-08T09:00:00-05:00")
        ])
    func decision(_ example: WorkedExample) { example.check() }

    @Test(
        "when to call: not while the interviewer is known to be busy",
        arguments: [
            WorkedExample(
                "a morning conference call moves the call to noon",
                interview("2026-11-30 10:00", busy: ["09:00-12:00"]), now: "2026-12-02 08:00",
                .due, ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T12:00:00-05:00")
        ])
    func busy(_ example: WorkedExample) { example.check() }

    @Test(
        "rules 6 and 5: a voicemail unreturned by the next day allows one more try, then stop",
        arguments: [
            WorkedExample(
                "awaiting a reply to Wednesday's voicemail",
                interview("2026-11-30 10:00", calls: [call(1, "2026-12-02 11:00", .voicemail)]),
                now: "2026-12-02 15:00", .awaitingReply, ("2026-12-03", "2026-12-03"),
                callAt: "2026-12-03T09:00:00-05:00"),
            WorkedExample(
                "tried twice after a second voicemail",
                interview(
                    "2026-11-30 10:00",
                    calls: [
                        call(1, "2026-12-02 11:00", .voicemail),
                        call(2, "2026-12-03 10:00", .voicemail),
                    ]),
                now: "2026-12-03 15:00", .triedTwice, nil, callAt: nil),
        ])
    func voicemail(_ example: WorkedExample) { example.check() }

    @Test(
        "rule 3: a bad time means calling back exactly when asked",
        arguments: [
            WorkedExample(
                "due on the callback day, at the callback time",
                interview(
                    "2026-11-30 10:00",
                    calls: [
                        call(
                            1, "2026-12-02 11:00", .badTime,
                            callback: "2026-12-03 14:00")
                    ]),
                now: "2026-12-03 09:00", .due, ("2026-12-03", "2026-12-03"),
                callAt: "2026-12-03T14:00:00-05:00")
        ])
    func callback(_ example: WorkedExample) { example.check() }

    @Test(
        "rule 4: reaching the interviewer ends the follow-up, whatever the day until it goes quiet",
        arguments: [
            "2026-12-02 12:00", "2026-12-03 09:00", "2026-12-11 12:00", "2026-12-15 23:59",
        ])
    func reached(now: String) {
        let reached = interview("2026-11-30 10:00", calls: [call(1, "2026-12-02 11:00", .reached)])
        WorkedExample("followed up", reached, now: now, .followedUp, nil, callAt: nil).check()
    }

    @Test(
        "no number: a due call with no phone means writing instead",
        arguments: [
            WorkedExample(
                "no phone on the first due day", interview("2026-11-30 10:00", phone: nil),
                now: "2026-12-02 12:00", .noNumber, ("2026-12-02", "2026-12-03"), callAt: nil)
        ])
    func noNumber(_ example: WorkedExample) {
        example.check()
        #expect(
            assess(example.interview, now: example.now).reason
                == "The interviewer gave no number: don't call the front desk; write instead")
    }
}
