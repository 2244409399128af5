import FollowUp
import Foundation
import Testing

@Suite("reasons name days on the user's calendar, and theirs where it differs")
struct ReasonWordingTests {
    @Test("an event's day is the user's, with the interviewer's added where it differs")
    func eventDayOnBothCalendars() {
        // 20:00 on Wed Dec 9 in New York is 10:00 on Thu Dec 10 in Tokyo.
        let tried = interview(
            "2026-11-30 10:00", zone: tokyo, calls: [call(1, "2026-12-09 20:00", .voicemail, zone: newYork)])
        let result = assess(tried, now: "2026-12-09 21:00")
        #expect(result.state == .awaitingReply)
        #expect(
            result.reason
                == "Voicemail left Wed Dec 9 (Thu Dec 10 their time); if not returned, try once more Fri Dec 11 their time"
        )
    }

    @Test("in one zone, reasons read as in version 1")
    func sameZone() {
        let result = assess(interview("2026-11-30 10:00"), now: "2026-12-02 10:00")
        #expect(
            result.reason == "Interviewed Mon Nov 30; call 2–3 business days after: Wed Dec 2 – Thu Dec 3 — call today")
    }

    @Test("a due call later today names its time on both clocks")
    func laterToday() {
        let result = assess(interview("2026-11-30 10:00", zone: london), now: "2026-12-02 06:00")
        #expect(result.state == .due)
        #expect(
            result.reason == "Interviewed Mon Nov 30; call 2–3 business days after: Wed Dec 2 – Thu Dec 3 their time "
                + "— call today at 08:00 (13:00 their time)")
    }

    @Test("a due call that is not today on the user's clock names its day, not 'today'")
    func dueButNotToday() {
        let result = assess(interview("2026-11-30 10:00"), now: "2026-12-03 17:30")
        #expect(result.state == .due)
        #expect(
            result.reason
                == "Interviewed Mon Nov 30; call 2–3 business days after: Wed Dec 2 – Thu Dec 3 — call Fri Dec 4 at 09:00"
        )
    }

    @Test("a callback the interviewer chose is named on the user's clock, and theirs")
    func callbackOnBothClocks() {
        let asked = interview(
            "2026-11-30 10:00", zone: losAngeles,
            calls: [call(1, "2026-12-02 13:05", .badTime, callback: "2026-12-03 18:00", zone: newYork)])
        let result = assess(asked, now: "2026-12-02 14:00", settings: try! settings(myHours: "12:00-13:00"))
        #expect(result.state == .callbackScheduled)
        // The interviewer chose it: my_hours do not apply while it is ahead.
        #expect(iso(result.callAt, losAngeles) == "2026-12-03T15:00:00-08:00")
        #expect(
            result.reason
                == "Asked on Wed Dec 2 to be called back Thu Dec 3 at 18:00 (15:00 their time): call exactly then")
    }

    @Test("a callback that has passed is placed inside the user's hours again")
    func passedCallbackKeepsMyHours() {
        let asked = interview(
            "2026-11-30 10:00", calls: [call(1, "2026-12-02 11:00", .badTime, callback: "2026-12-03 10:00")])
        let result = assess(asked, now: "2026-12-03 10:30", settings: try! settings(myHours: "12:00-13:00"))
        #expect(result.state == .due)
        #expect(iso(result.callAt) == "2026-12-03T12:00:00-05:00")
        #expect(
            result.reason
                == "Asked on Wed Dec 2 to be called back Thu Dec 3 at 10:00: that time has passed — call today at 12:00"
        )
    }

    @Test("gone quiet suggests marking it ghosted or one last note, in words")
    func goneQuietWording() {
        let result = FollowUpEngine(settings: defaults).assess(
            ApplicationFacts(id: 42, appliedOn: day("2026-11-02"), isApplied: true), now: instant("2026-11-16 09:00"))
        #expect(result.state == .goneQuiet)
        #expect(result.dueFrom == nil && result.dueBy == nil && result.callAt == nil)
        #expect(
            result.reason == "Applied on Mon Nov 2 and heard nothing in the 10 business days since: it has gone quiet "
                + "— mark it ghosted (jobtrack status 42 ghosted), or send one last written note")
    }

    @Test("quiet_after from the settings")
    func quietAfterSetting() throws {
        let three = try FollowUpSettings(timeZone: newYork, quietAfter: 3)
        let reached = interview("2026-11-30 10:00", calls: [call(1, "2026-12-02 11:00", .reached)])
        #expect(assess(reached, now: "2026-12-04 12:00", settings: three).state == .followedUp)
        let quiet = assess(reached, now: "2026-12-07 09:00", settings: three)
        #expect(quiet.state == .goneQuiet)
        #expect(
            quiet.reason.hasPrefix(
                "Reached the interviewer on Wed Dec 2 and heard nothing in the 3 business days since"))
    }

    @Test("the reason says why there is no call time", arguments: NoCallTime.allCases)
    func noCallTimeWording(_ why: NoCallTime) {
        #expect(why.text.contains("write instead"))
        #expect(!why.text.contains("_"))
    }

    @Test("no business day in four weeks is told apart from busy windows (my_hours any: about holidays)")
    func noBusinessDay() throws {
        // Overdue from Fri Dec 4, and every day from then on for 40 days a holiday.
        let days = (0..<40).map { day("2026-12-04").adding(days: $0) }
        let closedFor40Days = try FollowUpSettings(holidays: Set(days), timeZone: newYork, myHours: .any)
        let result = assess(interview("2026-11-30 10:00"), now: "2026-12-04 08:00", settings: closedFor40Days)
        #expect(result.state == .overdue)
        #expect(result.callAt == nil)
        #expect(result.noCallTime == .noBusinessDay)
        #expect(
            result.reason.hasSuffix(
                "overdue, but no time to call: they have no business day in the next four weeks; write instead"))
    }
}
