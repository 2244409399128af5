import FollowUp
import Foundation
import Testing

@Suite("the follow-up window: two or three business days after the anchor")
struct WindowTests {
    @Test(
        "an interview on each weekday: Thursday, Friday and the weekend cross a weekend",
        arguments: [
            ("2026-11-30", "Mon", "2026-12-02", "2026-12-03"),
            ("2026-12-01", "Tue", "2026-12-03", "2026-12-04"),
            ("2026-12-02", "Wed", "2026-12-04", "2026-12-07"),
            ("2026-12-03", "Thu", "2026-12-07", "2026-12-08"),
            ("2026-12-04", "Fri", "2026-12-08", "2026-12-09"),
            ("2026-12-05", "Sat", "2026-12-08", "2026-12-09"),
            ("2026-12-06", "Sun", "2026-12-08", "2026-12-09"),
        ])
    func weekdays(held: String, weekday: String, dueFrom: String, dueBy: String) {
        #expect(day(held).weekday.shortName == weekday)
        let result = assess(interview(held + " 10:00"), now: held + " 11:00")
        #expect(result.state == .tooSoon)
        #expect(result.dueFrom == day(dueFrom))
        #expect(result.dueBy == day(dueBy))
        #expect(result.callAt == instant(dueFrom + " 09:00"))
    }

    @Test("a holiday inside the window pushes it back a business day")
    func holidayInsideWindow() throws {
        let result = assess(
            interview("2026-11-30 10:00"), now: "2026-12-01 12:00",
            settings: try settings(holidays: ["2026-12-03"]))
        #expect(result.dueFrom == day("2026-12-02"))
        #expect(result.dueBy == day("2026-12-04"))
    }

    @Test("a holiday as the next business day is skipped: Thanksgiving and the Friday after")
    func holidaysAsNextBusinessDays() throws {
        let result = assess(
            interview("2026-11-25 10:00"), now: "2026-11-27 12:00",
            settings: try settings(holidays: ["2026-11-26", "2026-11-27"]))
        #expect(result.state == .tooSoon)
        #expect(result.dueFrom == day("2026-12-01"))
        #expect(result.dueBy == day("2026-12-02"))
        #expect(iso(result.callAt) == "2026-12-01T09:00:00-05:00")
    }

    @Test("a holiday on the day after a voicemail moves the retry to the next business day")
    func holidayAfterVoicemail() throws {
        let history = interview("2026-11-30 10:00", calls: [call(1, "2026-12-02 11:00", .voicemail)])
        let result = assess(history, now: "2026-12-03 12:00", settings: try settings(holidays: ["2026-12-03"]))
        #expect(result.state == .awaitingReply)
        #expect(result.dueFrom == day("2026-12-04"))
        #expect(iso(result.callAt) == "2026-12-04T09:00:00-05:00")
    }

    @Test("a decision date the day after the interview moves the window by one day")
    func decisionNextDay() {
        let result = assess(interview("2026-11-30 10:00", decisionBy: "2026-12-01"), now: "2026-12-02 12:00")
        #expect(result.state == .waitingOnDecision)
        #expect(result.dueFrom == day("2026-12-03"))
        #expect(result.dueBy == day("2026-12-04"))
        #expect(result.reason == "Decision promised by Tue Dec 1: waiting until Thu Dec 3")
    }

    @Test(
        "a decision date on a Friday waits over the weekend",
        arguments: [
            ("2026-12-04 12:00", FollowUpState.waitingOnDecision),
            ("2026-12-08 12:00", .due),
            ("2026-12-09 12:00", .due),
            ("2026-12-10 12:00", .overdue),
        ])
    func decisionOnFriday(now: String, state: FollowUpState) {
        let result = assess(interview("2026-12-01 10:00", decisionBy: "2026-12-04"), now: now)
        #expect(result.state == state)
        #expect(result.dueFrom == day("2026-12-08"))
        #expect(result.dueBy == day("2026-12-09"))
    }

    @Test("an interview logged before it happens is cited as ahead, not as held")
    func upcomingInterview() {
        let ahead = assess(interview("2026-12-03 15:00"), now: "2026-12-03 09:00")
        #expect(ahead.state == .tooSoon)
        #expect(ahead.reason == "Interview on Thu Dec 3; call 2–3 business days after: Mon Dec 7 – Tue Dec 8")
        let held = assess(interview("2026-12-03 15:00"), now: "2026-12-03 16:00")
        #expect(held.reason == "Interviewed Thu Dec 3; call 2–3 business days after: Mon Dec 7 – Tue Dec 8")
    }

    @Test("a decision date on the interview day itself is no wait: too soon, not waiting on a decision")
    func decisionSameDay() {
        let result = assess(interview("2026-11-30 10:00", decisionBy: "2026-11-30"), now: "2026-12-01 12:00")
        #expect(result.state == .tooSoon)
        #expect(result.reason == "Interviewed Mon Nov 30; call 2–3 business days after: Wed Dec 2 – Thu Dec 3")
    }

    @Test(
        "the window across daylight-saving changes keeps 09:00 on the interviewer's clock (my_hours any)",
        arguments: [
            // America/New_York springs forward Sun Mar 8 2026 and falls back Sun Nov 1 2026.
            ("America/New_York", "2026-03-06 10:00", "2026-03-09 12:00", "2026-03-10", "2026-03-10T09:00:00-04:00"),
            ("America/New_York", "2026-10-29 10:00", "2026-10-30 12:00", "2026-11-02", "2026-11-02T09:00:00-05:00"),
            // Europe/London springs forward Sun Mar 29 2026 and falls back Sun Oct 25 2026.
            ("Europe/London", "2026-03-27 10:00", "2026-03-30 12:00", "2026-03-31", "2026-03-31T09:00:00+01:00"),
            ("Europe/London", "2026-10-23 10:00", "2026-10-26 12:00", "2026-10-27", "2026-10-27T09:00:00+00:00"),
        ])
    func daylightSaving(zoneID: String, held: String, now: String, dueFrom: String, callAt: String) throws {
        let zone = try #require(TimeZone(identifier: zoneID))
        let result = assess(interview(held, zone: zone), now: now, nowZone: zone, settings: anyHours)
        #expect(result.state == .tooSoon)
        #expect(result.dueFrom == day(dueFrom))
        #expect(iso(result.callAt, zone) == callAt)
    }

    @Test("an overdue call on the night clocks change waits for 09:00 in the new offset")
    func overdueAcrossSpringForward() {
        let result = assess(interview("2026-03-02 10:00"), now: "2026-03-06 17:30")
        #expect(result.state == .overdue)
        #expect(iso(result.callAt) == "2026-03-09T09:00:00-04:00")
    }

    @Test("an interviewer in Tokyo is assessed on Tokyo's calendar, whatever the user's zone")
    func interviewerInTokyo() {
        // Mon Nov 30 10:00 in Tokyo is Sun Nov 29 20:00 in New York.
        let tokyoInterview = interview("2026-11-30 10:00", zone: tokyo)
        // Tue Dec 1 18:00 in New York is already Wed Dec 2 08:00 in Tokyo: the first due day.
        let result = assess(tokyoInterview, now: "2026-12-01 18:00", nowZone: newYork)
        #expect(result.state == .due)
        #expect(result.dueFrom == day("2026-12-02"))
        #expect(result.dueBy == day("2026-12-03"))
        #expect(iso(result.callAt, tokyo) == "2026-12-02T09:00:00+09:00")
        #expect(result.callAt == instant("2026-12-01 19:00", newYork))
        #expect(result.timeZone == tokyo)
        // Earlier the same New York evening it is still Tuesday in Tokyo: too soon.
        #expect(assess(tokyoInterview, now: "2026-12-01 09:00", nowZone: newYork).state == .tooSoon)
    }

    @Test("a wider wait window from the settings")
    func customWaitWindow() throws {
        let wide = try FollowUpSettings(timeZone: newYork, waitFrom: 1, waitTo: 5)
        let result = assess(interview("2026-11-30 10:00"), now: "2026-12-07 12:00", settings: wide)
        #expect(result.dueFrom == day("2026-12-01"))
        #expect(result.dueBy == day("2026-12-07"))
        #expect(result.state == .due)
    }
}
