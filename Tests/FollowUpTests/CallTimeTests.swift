import FollowUp
import Foundation
import Testing

@Suite("when to call: business hours, busy windows, after hours, whole minutes")
struct CallTimeTests {
    @Test(
        "a due call is placed at the first free minute at or after now",
        arguments: [
            // (busy windows, now, expected call_at) — Wed Dec 2 is the first due day.
            ([String](), "2026-12-02 08:00", "2026-12-02T09:00:00-05:00"),
            (["09:00-12:00"], "2026-12-02 10:15", "2026-12-02T12:00:00-05:00"),  // now inside a busy window
            (["09:00-12:00"], "2026-12-02 12:00", "2026-12-02T12:00:00-05:00"),  // exactly at its end: free
            (["09:00-12:00"], "2026-12-02 11:59", "2026-12-02T12:00:00-05:00"),  // its last minute is busy
            (["09:00-12:00", "12:00-13:30"], "2026-12-02 10:00", "2026-12-02T13:30:00-05:00"),  // back to back
            (["11:00-13:00", "12:00-14:00"], "2026-12-02 11:30", "2026-12-02T14:00:00-05:00"),  // overlapping
            (["13:00-17:00"], "2026-12-02 13:00", "2026-12-03T09:00:00-05:00"),  // rest of the day busy
            (["00:00-24:00"], "2026-12-02 08:00", nil),  // never free: no minute
        ])
    func busyWindows(busy: [String], now: String, callAt: String?) {
        let result = assess(interview("2026-11-30 10:00", busy: busy), now: now)
        #expect(result.state == .due)
        #expect(iso(result.callAt) == callAt)
    }

    @Test("17:00 is outside business hours: on the last window day the call moves to the next business day")
    func afterHoursOnLastWindowDay() {
        let result = assess(interview("2026-11-30 10:00"), now: "2026-12-03 17:00")
        #expect(result.state == .due)
        #expect(iso(result.callAt) == "2026-12-04T09:00:00-05:00")
        #expect(assess(interview("2026-11-30 10:00"), now: "2026-12-04 09:00").state == .overdue)
    }

    @Test("overdue on a weekend: call at 09:00 on Monday")
    func overdueOnWeekend() {
        let result = assess(interview("2026-11-30 10:00"), now: "2026-12-05 11:00")
        #expect(result.state == .overdue)
        #expect(iso(result.callAt) == "2026-12-07T09:00:00-05:00")
    }

    @Test("overdue before a holiday weekend: the holiday is skipped too")
    func overdueBeforeHoliday() throws {
        let result = assess(
            interview("2026-11-30 10:00"), now: "2026-12-04 17:30",
            settings: try settings(holidays: ["2026-12-07"]))
        #expect(iso(result.callAt) == "2026-12-08T09:00:00-05:00")
    }

    @Test(
        "after_hours_ok: any day inside after hours, 08:00 to 20:00",
        arguments: [
            ("2026-12-05 08:30", "2026-12-05T08:30:00-05:00"),  // Saturday, overdue: now
            ("2026-12-04 07:59:30", "2026-12-04T08:00:00-05:00"),
            ("2026-12-04 19:59", "2026-12-04T19:59:00-05:00"),
            ("2026-12-04 19:59:01", "2026-12-05T08:00:00-05:00"),  // rounds to 20:00, which is outside
        ])
    func afterHoursOK(now: String, callAt: String) {
        let result = assess(interview("2026-11-30 10:00", afterHoursOK: true), now: now)
        #expect(result.state == .overdue)
        #expect(iso(result.callAt) == callAt)
    }

    @Test("after_hours_ok starts a waiting call at 08:00 on the first due day")
    func afterHoursWaiting() {
        let result = assess(interview("2026-11-30 10:00", afterHoursOK: true), now: "2026-12-01 12:00")
        #expect(iso(result.callAt) == "2026-12-02T08:00:00-05:00")
    }

    @Test(
        "seconds round up to the next whole minute",
        arguments: [
            ("2026-12-02 10:30:00", "2026-12-02T10:30:00-05:00"),
            ("2026-12-02 10:30:01", "2026-12-02T10:31:00-05:00"),
            ("2026-12-02 16:59:30", "2026-12-03T09:00:00-05:00"),
        ])
    func secondsRoundUp(now: String, callAt: String) {
        #expect(iso(assess(interview("2026-11-30 10:00"), now: now).callAt) == callAt)
    }

    @Test("a fraction of a second also rounds up")
    func fractionRoundsUp() {
        let now = instant("2026-12-02 10:30").addingTimeInterval(0.25)
        let result = FollowUpEngine(settings: defaults)
            .assess(ApplicationFacts(id: 1, interviews: [interview("2026-11-30 10:00")]), now: now)
        #expect(iso(result.callAt) == "2026-12-02T10:31:00-05:00")
    }

    @Test("a callable window inside the hour clocks skip begins when the clock resumes")
    func springForwardGap() throws {
        // after_hours 02:00-04:00 on Sun Mar 8 2026: 02:00-03:00 does not exist in New York.
        let night = try FollowUpSettings(afterHours: window("02:00-04:00"), timeZone: newYork)
        let calendar = BusinessCalendar(settings: night)
        let found = calendar.earliestCallMinute(
            atOrAfter: instant("2026-03-08 01:10"), in: newYork,
            afterHoursOK: true, busy: [])
        #expect(iso(found) == "2026-03-08T03:00:00-04:00")
    }

    @Test("in the hour clocks repeat, a later now is not sent back to the first pass")
    func fallBackFold() throws {
        let night = try FollowUpSettings(afterHours: window("01:00-04:00"), timeZone: newYork)
        let calendar = BusinessCalendar(settings: night)
        // 01:30 EST on Sun Nov 1 2026 is the second 01:30 of the night.
        let secondPass = instant("2026-11-01T01:30:00-05:00")
        let found = calendar.earliestCallMinute(
            atOrAfter: secondPass, in: newYork, afterHoursOK: true,
            busy: ["00:00-01:45"].map(window))
        #expect(iso(found) == "2026-11-01T01:45:00-05:00")
    }

    @Test("the day starts at the first minute that exists when midnight is skipped")
    func midnightSkipped() throws {
        // Chile moves its clocks from 00:00 to 01:00 on Sun Sep 6 2026.
        let santiago = try #require(TimeZone(identifier: "America/Santiago"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = santiago
        let date = day("2026-09-06")
        #expect(date.start(in: santiago) == calendar.startOfDay(for: instant("2026-09-06 12:00", santiago)))
    }
}
