import FollowUp
import Foundation
import Testing

@Suite("call attempts: voicemails, callbacks, new rounds, closed applications")
struct AttemptTests {
    @Test("a voicemail left before the window opens waits for the window, not just the next day")
    func voicemailBeforeWindow() {
        let early = interview("2026-11-30 10:00", calls: [call(1, "2026-11-30 15:00", .voicemail)])
        let result = assess(early, now: "2026-12-01 12:00")
        #expect(result.state == .awaitingReply)
        #expect(result.dueFrom == day("2026-12-02"))
        #expect(result.dueBy == day("2026-12-02"))
        #expect(iso(result.callAt) == "2026-12-02T09:00:00-05:00")
        #expect(result.unansweredAttempts == 1)
        #expect(result.reason == "Voicemail left Mon Nov 30; if not returned, try once more Wed Dec 2")
    }

    @Test(
        "voicemail unreturned by the next day allows one more try",
        arguments: [
            ("2026-12-03 12:00", FollowUpState.due, "Voicemail left Wed Dec 2; not returned — try once more today"),
            (
                "2026-12-04 12:00", .overdue,
                "Voicemail left Wed Dec 2; not returned — try once more as soon as you can (due Thu Dec 3)"
            ),
        ])
    func voicemailUnreturned(now: String, state: FollowUpState, reason: String) {
        let result = assess(interview("2026-11-30 10:00", calls: [call(1, "2026-12-02 11:00", .voicemail)]), now: now)
        #expect(result.state == state)
        #expect(result.reason == reason)
        #expect(result.callAt == instant(now))
    }

    @Test("no answer counts as an unanswered try like a voicemail")
    func noAnswer() {
        let tries = interview(
            "2026-11-30 10:00",
            calls: [
                call(1, "2026-12-02 11:00", .noAnswer),
                call(2, "2026-12-03 11:00", .noAnswer),
            ])
        let result = assess(tries, now: "2026-12-04 12:00")
        #expect(result.state == .triedTwice)
        #expect(result.unansweredAttempts == 2)
        #expect(result.callAt == nil)
        #expect(result.reason == "Tried twice with no answer: stop calling")
    }

    @Test("max_attempts of 1 stops after the first unanswered try")
    func maxAttemptsOne() throws {
        let result = assess(
            interview("2026-11-30 10:00", calls: [call(1, "2026-12-02 11:00", .voicemail)]),
            now: "2026-12-03 12:00", settings: try settings(maxAttempts: 1))
        #expect(result.state == .triedTwice)
        #expect(result.reason == "Tried once with no answer: stop calling")
    }

    @Test("max_attempts of 3 allows a third try, then stops")
    func maxAttemptsThree() throws {
        let three = try settings(maxAttempts: 3)
        let twice = [call(1, "2026-12-02 11:00", .voicemail), call(2, "2026-12-03 11:00", .noAnswer)]
        let second = assess(interview("2026-11-30 10:00", calls: twice), now: "2026-12-04 10:00", settings: three)
        #expect(second.state == .due)
        #expect(second.reason == "No answer Thu Dec 3 — try once more today")
        let thrice = twice + [call(3, "2026-12-04 10:00", .voicemail)]
        let third = assess(interview("2026-11-30 10:00", calls: thrice), now: "2026-12-07 10:00", settings: three)
        #expect(third.state == .triedTwice)
        #expect(third.reason == "Tried 3 times with no answer: stop calling")
    }

    @Test("a callback whose day has passed is overdue: call at the next business minute")
    func callbackOverdue() {
        let asked = interview(
            "2026-11-30 10:00",
            calls: [
                call(
                    1, "2026-12-02 11:00", .badTime,
                    callback: "2026-12-03 14:00")
            ])
        let result = assess(asked, now: "2026-12-04 18:30")
        #expect(result.state == .overdue)
        #expect(result.dueFrom == day("2026-12-03"))
        #expect(result.dueBy == day("2026-12-03"))
        #expect(iso(result.callAt) == "2026-12-07T09:00:00-05:00")
    }

    @Test("a callback passed earlier today is still due, from now")
    func callbackPassedToday() {
        let asked = interview(
            "2026-11-30 10:00",
            calls: [
                call(
                    1, "2026-12-02 11:00", .badTime,
                    callback: "2026-12-03 14:00")
            ])
        let result = assess(asked, now: "2026-12-03 15:20")
        #expect(result.state == .due)
        #expect(iso(result.callAt) == "2026-12-03T15:20:00-05:00")
    }

    @Test("a callback the interviewer chose ignores business hours and busy windows")
    func callbackOutsideHours() {
        let asked = interview(
            "2026-11-30 10:00", busy: ["09:00-12:00"],
            calls: [call(1, "2026-12-02 11:00", .reached, callback: "2026-12-05 10:00")])
        let result = assess(asked, now: "2026-12-03 12:00")
        #expect(result.state == .callbackScheduled)
        #expect(result.dueFrom == day("2026-12-05"))
        #expect(iso(result.callAt) == "2026-12-05T10:00:00-05:00")
        #expect(result.reason == "Asked on Wed Dec 2 to be called back Sat Dec 5 at 10:00: call exactly then")
    }

    @Test("a later unanswered try replaces an earlier callback")
    func laterAttemptWins() {
        let history = interview(
            "2026-11-30 10:00",
            calls: [
                call(1, "2026-12-02 11:00", .badTime, callback: "2026-12-03 14:00"),
                call(2, "2026-12-03 14:00", .voicemail),
            ])
        let result = assess(history, now: "2026-12-03 16:00")
        #expect(result.state == .awaitingReply)
        #expect(result.dueFrom == day("2026-12-04"))
    }

    @Test("a new interview round after tried_twice starts follow-up afresh")
    func newRoundAfterTriedTwice() {
        let first = interview(
            "2026-11-30 10:00", id: 1,
            calls: [
                call(1, "2026-12-02 11:00", .voicemail),
                call(2, "2026-12-03 11:00", .voicemail),
            ])
        #expect(assess([first], now: "2026-12-08 12:00").state == .triedTwice)
        let second = interview("2026-12-07 15:00", id: 2)
        let result = assess([second, first], now: "2026-12-08 12:00")
        #expect(result.state == .tooSoon)
        #expect(result.interviewID == 2)
        #expect(result.unansweredAttempts == 0)
        #expect(result.dueFrom == day("2026-12-09"))
        #expect(result.dueBy == day("2026-12-10"))
    }

    @Test("a closed application with pending calls is closed: no call time")
    func closedWithPendingCalls() {
        let pending = interview(
            "2026-11-30 10:00",
            calls: [
                call(
                    1, "2026-12-02 11:00", .badTime,
                    callback: "2026-12-03 14:00")
            ])
        let result = assess([pending], now: "2026-12-03 09:00", closed: true)
        #expect(result.state == .closed)
        #expect(result.callAt == nil)
        #expect(result.dueFrom == nil)
        #expect(result.phone == "+1 212 555 0100")
    }

    @Test("no interview: not interviewed")
    func notInterviewed() {
        let result = assess([], now: "2026-12-03 09:00")
        #expect(result.state == .notInterviewed)
        #expect(result.interviewID == nil)
        #expect(result.timeZone == nil)
    }

    @Test("interviews at the same instant: the later-logged counts")
    func interviewTie() {
        let older = interview("2026-11-30 10:00", id: 7, phone: nil)
        let newer = interview("2026-11-30 10:00", id: 8)
        #expect(assess([newer, older], now: "2026-12-02 12:00").interviewID == 8)
        #expect(assess([older, newer], now: "2026-12-02 12:00").state == .due)
    }

    @Test("attempts at the same instant: the later-logged counts")
    func attemptTie() {
        let history = interview(
            "2026-11-30 10:00",
            calls: [
                call(5, "2026-12-02 11:00", .reached),
                call(4, "2026-12-02 11:00", .voicemail),
            ])
        #expect(assess(history, now: "2026-12-03 12:00").state == .followedUp)
    }

    @Test(
        "a blank phone is no phone, whatever its whitespace",
        arguments: ["", "  ", "\t\n\r", "\u{0B}\u{0C}", "\u{A0}", " \u{2003} ", "\u{85}", "\u{3000}\t"])
    func blankPhone(phone: String) {
        #expect(assess(interview("2026-11-30 10:00", phone: phone), now: "2026-12-02 12:00").state == .noNumber)
    }

    @Test(
        "a number with spaces around it, or only odd characters, is a phone",
        arguments: [" +1 555 0100 ", "\u{A0}5", "\u{2003}\u{2003}x", "-", "\u{1F4DE}"])
    func phoneAmongSpaces(phone: String) {
        #expect(assess(interview("2026-11-30 10:00", phone: phone), now: "2026-12-02 12:00").state == .due)
    }

    @Test("no phone does not change waiting states, but there is no minute to call in any state")
    func noPhoneWaiting() {
        let result = assess(interview("2026-11-30 10:00", phone: nil), now: "2026-12-01 12:00")
        #expect(result.state == .tooSoon)
        #expect(result.dueFrom == day("2026-12-02"))
        #expect(result.callAt == nil)
        #expect(result.noCallTime == nil)
    }
}
