import FollowUp
import Foundation
import Testing

/// One row of docs/rules.md §2's worked examples of version 2: the user's zone is
/// America/New_York and interviews are there too (with the US public holidays), unless
/// a row says otherwise. call_at is written on the interviewer's clock.
struct Version2Example: Sendable, CustomTestStringConvertible {
    let testDescription: String
    var application: ApplicationFacts
    var settings: FollowUpSettings = defaults
    let now: Date
    var state: FollowUpState
    var window: (String, String)?
    var callAt: String?
    var noCallTime: NoCallTime?
    var thankYouDue: Bool?
    var unanswered: Int?
    /// Words the reason must say, and words it must not.
    var says: [String] = []
    var doesNotSay: [String] = []

    init(
        _ description: String, _ interview: InterviewFacts, now: String, nowZone: TimeZone = newYork,
        settings: FollowUpSettings = defaults, _ state: FollowUpState, _ window: (String, String)? = nil,
        callAt: String? = nil
    ) {
        self.testDescription = description
        self.application = ApplicationFacts(id: 1, interviews: [interview])
        self.settings = settings
        self.now = instant(now, nowZone)
        self.state = state
        self.window = window
        self.callAt = callAt
    }

    init(_ description: String, application: ApplicationFacts, now: String, _ state: FollowUpState) {
        self.testDescription = description
        self.application = application
        self.now = instant(now)
        self.state = state
    }

    func with(_ change: (inout Version2Example) -> Void) -> Version2Example {
        var copy = self
        change(&copy)
        return copy
    }

    var assessment: Assessment { FollowUpEngine(settings: settings).assess(application, now: now) }

    func check() {
        let result = assessment
        let zone = result.timeZone ?? settings.timeZone
        #expect(result.state == state)
        #expect(result.dueFrom?.iso == window?.0)
        #expect(result.dueBy?.iso == window?.1)
        #expect(iso(result.callAt, zone) == callAt)
        #expect(result.noCallTime == noCallTime)
        if let thankYouDue { #expect(result.thankYouDue == thankYouDue) }
        if let unanswered { #expect(result.unansweredAttempts == unanswered) }
        let reason = result.reason
        for words in says { #expect(reason.contains(words), "\(reason)") }
        for words in doesNotSay { #expect(!reason.contains(words), "\(reason)") }
        // Text uses words, never state codes.
        for code in FollowUpState.allCases where code.rawValue.contains("_") {
            #expect(!reason.contains(code.rawValue), "\(reason)")
        }
    }
}

/// An interview in New York with its country's public holidays, as the caller resolves them.
private func usInterview(
    _ heldAt: String, phone: String? = "+1 212 555 0100", busy: [String] = [],
    calls: [CallFacts] = [], thankedAt: String? = nil
) -> InterviewFacts {
    interview(heldAt, phone: phone, busy: busy, calls: calls, holidays: usHolidays2026, thankedAt: thankedAt)
}

private let thanksgivingWeek = usInterview("2026-11-23 10:00")
private let mondayInterview = usInterview("2026-11-30 10:00")
private let roundStart = call(1, "2026-12-02 11:00", .reached, decisionBy: "2026-12-11")
private let losAngelesInterview = interview("2026-11-30 10:00", zone: losAngeles, holidays: usHolidays2026)

@Suite("docs/rules.md §2 worked examples of version 2")
struct Version2ExampleTests {
    @Test(
        "public holidays of the interview's country are not business days",
        arguments: [
            Version2Example(
                "US holiday: Thanksgiving inside the window pushes due_by to Friday", thanksgivingWeek,
                now: "2026-11-24 09:00", .tooSoon, ("2026-11-25", "2026-11-27"),
                callAt: "2026-11-25T09:00:00-05:00"
            )
            .with { $0.says = ["Wed Nov 25 – Fri Nov 27", "Thu Nov 26 is Thanksgiving Day"] },
            Version2Example(
                "US holiday: due on Thanksgiving itself, but the call is Friday morning", thanksgivingWeek,
                now: "2026-11-26 10:00", .due, ("2026-11-25", "2026-11-27"),
                callAt: "2026-11-27T09:00:00-05:00"
            )
            .with {
                $0.says = ["call Fri Nov 27 at 09:00", "Thu Nov 26 is Thanksgiving Day"]
                $0.doesNotSay = ["call today"]
            },
            Version2Example(
                "holidays off: only the holidays setting counts, whatever table is passed", thanksgivingWeek,
                now: "2026-11-24 09:00", settings: try! settings(publicHolidays: false), .tooSoon,
                ("2026-11-25", "2026-11-26"), callAt: "2026-11-25T09:00:00-05:00"
            )
            .with { $0.doesNotSay = ["Thanksgiving"] },
            Version2Example(
                "country given: GB's table on a New York interview has no Thanksgiving",
                interview("2026-11-23 10:00", holidays: gbHolidays2026), now: "2026-11-24 09:00", .tooSoon,
                ("2026-11-25", "2026-11-26"), callAt: "2026-11-25T09:00:00-05:00"),
            Version2Example(
                "UK: Christmas and Boxing Day (observed) in London; 08:00 in New York is 13:00 there",
                interview("2026-12-22 10:00", zone: london, holidays: gbHolidays2026), now: "2026-12-23 09:00",
                .tooSoon, ("2026-12-24", "2026-12-29"), callAt: "2026-12-24T13:00:00+00:00"
            )
            .with { $0.says = ["Fri Dec 25 is Christmas Day", "Mon Dec 28 is Boxing Day (observed)", "their time"] },
            Version2Example(
                "UK with my_hours any: 09:00 on their clock",
                interview("2026-12-22 10:00", zone: london, holidays: gbHolidays2026), now: "2026-12-23 09:00",
                settings: try! settings(myHours: "any"), .tooSoon, ("2026-12-24", "2026-12-29"),
                callAt: "2026-12-24T09:00:00+00:00"),
            Version2Example(
                "Japan: Labor Thanksgiving Day, on Tokyo's calendar while it is still Thursday in New York",
                interview("2026-11-19 10:00", zone: tokyo, holidays: jpHolidays2026), now: "2026-11-19 21:00",
                .tooSoon, ("2026-11-24", "2026-11-25"), callAt: "2026-11-24T09:00:00+09:00"
            )
            .with { $0.says = ["Mon Nov 23 is Labor Thanksgiving Day"] },
        ])
    func publicHolidays(_ example: Version2Example) { example.check() }

    @Test(
        "a reached call that names a decision date starts a new round",
        arguments: [
            Version2Example(
                "new round: waiting on the date they named on the call",
                usInterview("2026-11-30 10:00", calls: [roundStart]), now: "2026-12-07 12:00",
                .waitingOnDecision, ("2026-12-15", "2026-12-16"), callAt: "2026-12-15T09:00:00-05:00"
            )
            .with {
                $0.unanswered = 0
                $0.says = ["On Wed Dec 2 they said they expect to decide by Fri Dec 11", "waiting until Tue Dec 15"]
            },
            Version2Example(
                "new round: a voicemail in the round waits a day for a reply",
                usInterview("2026-11-30 10:00", calls: [roundStart, call(2, "2026-12-15 10:00", .voicemail)]),
                now: "2026-12-15 11:00", .awaitingReply, ("2026-12-16", "2026-12-16"),
                callAt: "2026-12-16T09:00:00-05:00"
            )
            .with { $0.unanswered = 1 },
            Version2Example(
                "new round: two unanswered tries in the round, stop calling",
                usInterview(
                    "2026-11-30 10:00",
                    calls: [
                        roundStart, call(2, "2026-12-15 10:00", .voicemail),
                        call(3, "2026-12-16 10:00", .voicemail),
                    ]),
                now: "2026-12-16 11:00", .triedTwice
            )
            .with { $0.unanswered = 2 },
            Version2Example(
                "new round: an unanswered try before the round does not count",
                usInterview(
                    "2026-11-30 10:00",
                    calls: [
                        call(1, "2026-12-01 15:00", .noAnswer),
                        call(2, "2026-12-02 11:00", .reached, decisionBy: "2026-12-11"),
                        call(3, "2026-12-15 10:00", .voicemail),
                    ]),
                now: "2026-12-15 11:00", .awaitingReply, ("2026-12-16", "2026-12-16"),
                callAt: "2026-12-16T09:00:00-05:00"
            )
            .with { $0.unanswered = 1 },
            Version2Example(
                "new round: a callback asked for on the same call comes first (rule 3)",
                usInterview(
                    "2026-11-30 10:00",
                    calls: [
                        CallFacts(
                            id: 1, at: instant("2026-12-02 11:00"),
                            outcome: .reached,
                            callbackAt: instant("2026-12-04 15:00"),
                            decisionBy: day("2026-12-11"))
                    ]),
                now: "2026-12-03 12:00", .callbackScheduled, ("2026-12-04", "2026-12-04"),
                callAt: "2026-12-04T15:00:00-05:00"),
            Version2Example(
                "new round: reaching them again within the round is the follow-up",
                usInterview("2026-11-30 10:00", calls: [roundStart, call(2, "2026-12-15 10:00", .reached)]),
                now: "2026-12-16 11:00", .followedUp),
        ])
    func rounds(_ example: Version2Example) { example.check() }

    @Test(
        "gone quiet: quiet_after business days with no word",
        arguments: [
            Version2Example(
                "gone quiet after a call: still followed up on the 9th business day",
                usInterview("2026-11-30 10:00", calls: [call(1, "2026-12-02 11:00", .reached)]),
                now: "2026-12-15 12:00", .followedUp),
            Version2Example(
                "gone quiet after a call: on the 10th business day",
                usInterview("2026-11-30 10:00", calls: [call(1, "2026-12-02 11:00", .reached)]),
                now: "2026-12-16 09:00", .goneQuiet
            )
            .with {
                $0.says = [
                    "Reached the interviewer on Wed Dec 2", "jobtrack status 1 ghosted", "one last written note",
                ]
            },
            Version2Example(
                "gone quiet after two unanswered tries",
                usInterview(
                    "2026-11-30 10:00",
                    calls: [
                        call(1, "2026-12-02 11:00", .voicemail),
                        call(2, "2026-12-03 11:00", .voicemail),
                    ]),
                now: "2026-12-17 09:00", .goneQuiet
            )
            .with { $0.says = ["Tried twice with no answer, the last on Thu Dec 3", "jobtrack status 1 ghosted"] },
            Version2Example(
                "gone quiet after applying: not yet on Mon Nov 16 (Veterans Day was no business day)",
                application: ApplicationFacts(
                    id: 1, appliedOn: day("2026-11-02"), isApplied: true,
                    publicHolidays: usHolidays2026),
                now: "2026-11-16 12:00", .notInterviewed),
            Version2Example(
                "gone quiet after applying: on Tue Nov 17",
                application: ApplicationFacts(
                    id: 1, appliedOn: day("2026-11-02"), isApplied: true,
                    publicHolidays: usHolidays2026),
                now: "2026-11-17 09:00", .goneQuiet
            )
            .with { $0.says = ["Applied on Mon Nov 2", "jobtrack status 1 ghosted"] },
            Version2Example(
                "an application that is not in status applied does not go quiet before an interview",
                application: ApplicationFacts(id: 1, appliedOn: day("2026-11-02"), isApplied: false),
                now: "2026-12-17 09:00", .notInterviewed),
            Version2Example(
                "a closed application never goes quiet",
                application: ApplicationFacts(id: 1, isClosed: true, appliedOn: day("2026-11-02"), isApplied: true),
                now: "2026-12-17 09:00", .closed),
        ])
    func goneQuiet(_ example: Version2Example) { example.check() }

    @Test(
        "thank-you note: due from the interview through the first business day after it",
        arguments: [
            Version2Example(
                "thank-you: due two hours after the interview", mondayInterview, now: "2026-11-30 12:00",
                .tooSoon, ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T09:00:00-05:00"
            )
            .with { $0.thankYouDue = true },
            Version2Example(
                "thank-you: still due the next day", mondayInterview, now: "2026-12-01 16:00",
                .tooSoon, ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T09:00:00-05:00"
            )
            .with { $0.thankYouDue = true },
            Version2Example(
                "thank-you: past on the second business day", mondayInterview, now: "2026-12-02 09:00",
                .due, ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T09:00:00-05:00"
            )
            .with { $0.thankYouDue = false },
            Version2Example(
                "thank-you sent: not due", usInterview("2026-11-30 10:00", thankedAt: "2026-11-30 11:30"),
                now: "2026-11-30 12:00", .tooSoon, ("2026-12-02", "2026-12-03"),
                callAt: "2026-12-02T09:00:00-05:00"
            )
            .with { $0.thankYouDue = false },
            Version2Example(
                "thank-you: not before the interview is held", mondayInterview, now: "2026-11-30 09:00",
                .tooSoon, ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T09:00:00-05:00"
            )
            .with { $0.thankYouDue = false },
        ])
    func thankYou(_ example: Version2Example) { example.check() }

    @Test(
        "when to call: inside the user's own hours, on the user's clock",
        arguments: [
            Version2Example(
                "your hours: 12:00 in New York is 09:00 in Los Angeles", losAngelesInterview,
                now: "2026-12-02 08:00", settings: try! settings(myHours: "12:00-13:00,17:00-18:00"),
                .due, ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T09:00:00-08:00"
            )
            .with { $0.says = ["call today at 12:00 (09:00 their time)"] },
            Version2Example(
                "same, busy: their morning is taken, so 17:00 in New York, 14:00 theirs",
                interview("2026-11-30 10:00", zone: losAngeles, busy: ["09:00-11:00"], holidays: usHolidays2026),
                now: "2026-12-02 08:00", settings: try! settings(myHours: "12:00-13:00,17:00-18:00"),
                .due, ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T14:00:00-08:00"),
            Version2Example(
                "hours never meet: 07:00-08:00 in New York is before Los Angeles opens",
                losAngelesInterview, now: "2026-12-02 06:00", settings: try! settings(myHours: "07:00-08:00"),
                .due, ("2026-12-02", "2026-12-03"), callAt: nil
            )
            .with {
                $0.noCallTime = .hoursNeverMeet
                $0.says = ["never meet", "ask them for a time, or write instead"]
                $0.doesNotSay = ["call today"]
            },
            Version2Example(
                "default hours: from Chicago, London at 14:00 is 08:00 at home, not 03:00",
                interview("2026-12-01 14:00", zone: london, holidays: gbHolidays2026), now: "2026-12-02 20:00",
                nowZone: chicago, settings: try! settings(userZone: chicago), .due, ("2026-12-03", "2026-12-04"),
                callAt: "2026-12-03T14:00:00+00:00"),
            Version2Example(
                "busy all day: no minute in their hours",
                usInterview("2026-11-30 10:00", busy: ["09:00-17:00"]), now: "2026-12-02 08:00",
                .due, ("2026-12-02", "2026-12-03"), callAt: nil
            )
            .with {
                $0.noCallTime = .theyAreBusy
                $0.says = ["busy all through their hours", "ask them for a time, or write instead"]
            },
            Version2Example(
                "weekday busy: Wednesday's meeting moves the call to noon",
                usInterview("2026-11-30 10:00", busy: ["Wed 09:00-12:00"]), now: "2026-12-02 08:00",
                .due, ("2026-12-02", "2026-12-03"), callAt: "2026-12-02T12:00:00-05:00"
            )
            .with { $0.says = ["call today at 12:00"] },
            Version2Example(
                "weekday busy: on Thursday it does not apply",
                usInterview("2026-11-30 10:00", busy: ["Wed 09:00-12:00"]), now: "2026-12-03 08:00",
                .due, ("2026-12-02", "2026-12-03"), callAt: "2026-12-03T09:00:00-05:00"),
        ])
    func myHours(_ example: Version2Example) { example.check() }

    @Test(
        "wrote instead: a letter to an interviewer with no number is the follow-up",
        arguments: [
            Version2Example(
                "wrote instead",
                usInterview(
                    "2026-11-30 10:00", phone: nil,
                    calls: [call(1, "2026-12-02 11:00", .wrote)]),
                now: "2026-12-03 12:00", .followedUp
            )
            .with { $0.says = ["Wrote to the interviewer on Wed Dec 2"] },
            Version2Example(
                "wrote instead, even after a voicemail on a number since removed",
                usInterview(
                    "2026-11-30 10:00", phone: nil,
                    calls: [call(1, "2026-12-02 11:00", .voicemail), call(2, "2026-12-03 11:00", .wrote)]),
                now: "2026-12-04 12:00", .followedUp
            )
            .with { $0.unanswered = 1 },
        ])
    func wrote(_ example: Version2Example) { example.check() }
}
