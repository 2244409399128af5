import FollowUp
import Foundation
import JobStore
import Testing

@testable import JobtrackKit

// A due call listed apart says why it waits for a later day (docs/commands.md §3.6).

@Suite("why a due call waits for a later day")
struct DelayTests {
    /// A user in `zone` with `myHours`, and one application interviewed in `theirZone`
    /// (New York unless said) at `held` on their clock by Pat, who gave a number.
    private func interviewed(
        held: String, zone: String, myHours: String, theirZone: String = "America/New_York", busy: [String] = []
    ) throws -> (KitFixture, Int64) {
        let fixture = try KitFixture()
        let settings = try SettingsBook(path: fixture.path, clock: Date(timeIntervalSince1970: 1_795_000_000))
        try settings.set(.timezone, to: zone)
        try settings.set(.myHours, to: myHours)
        let id = try fixture.tracker(at: "2026-11-20 09:00").add(NewApplication(company: "Acme", role: "Engineer"))
            .application.id
        let zone = try #require(TimeZone(identifier: theirZone) as TimeZone?)
        _ = try fixture.tracker(at: "2026-11-20 09:30").logInterview(
            id,
            NewInterview(
                at: try MendingTests.at("\(held) their"), interviewer: "Pat", phone: "+1 212 555 0100",
                timeZone: zone, busy: try busy.map { try #require(BusyWindow($0)) }))
        return (fixture, id)
    }

    private func delay(_ fixture: KitFixture, _ id: Int64, at now: String) throws -> String? {
        let tracker = try fixture.tracker(at: now)
        return tracker.delay(of: try tracker.entry(for: id))
    }

    @Test("before the user's day begins, theirs already over and a holiday next: theirs is the reason")
    func theirsOverBeforeYoursBegins() throws {
        // Thu Nov 26 08:00 in Tokyo is Wed Nov 25 18:00 in New York; Thursday is
        // Thanksgiving there, so the next call is Fri Nov 27 09:00 their time.
        let (fixture, id) = try interviewed(held: "2026-11-23 10:00", zone: "Asia/Tokyo", myHours: "09:00-23:30")
        #expect(
            try delay(fixture, id, at: "2026-11-26 08:00")
                == "their hours are over for today, then Thu Nov 26 is Thanksgiving Day")
        #expect(try delay(fixture, id, at: "2026-11-26 23:45") == "Thu Nov 26 is Thanksgiving Day on their calendar")
    }

    @Test("their hours still open today but after the user's end: the user's hours are the reason")
    func yoursOverTheirsOpen() throws {
        // Berlin's 08:00-20:00 meets New York's 09:00-17:00 from 15:00 to 20:00 Berlin time.
        let (fixture, id) = try interviewed(held: "2026-11-30 10:00", zone: "Europe/Berlin", myHours: "08:00-20:00")
        #expect(try delay(fixture, id, at: "2026-12-02 20:30") == "their hours left today are outside yours (my_hours)")
        #expect(try delay(fixture, id, at: "2026-12-02 07:00") == nil)
        #expect(try delay(fixture, id, at: "2026-12-02 23:30") == "their hours are over for today")
    }

    @Test("a callback they chose after the user's midnight: the time is theirs, not their hours")
    func callbackTheyChose() throws {
        let (fixture, id) = try interviewed(
            held: "2026-12-22 10:00", zone: "Asia/Tokyo", myHours: "06:00-09:00,18:00-23:30")
        _ = try fixture.tracker(at: "2026-12-28 19:00").logCall(
            id,
            NewCall(
                outcome: .badTime, at: try MendingTests.at("2026-12-28 18:50"),
                callbackAt: try MendingTests.at("2026-12-28 10:30 their")))
        // 20:00 in Tokyo is 06:00 in New York; 10:30 there is 00:30 tomorrow here.
        #expect(try delay(fixture, id, at: "2026-12-28 20:00") == "that is the time they asked for")
    }

    @Test("their busy window fills the rest of the user's day: busy is the reason, not their hours")
    func busyForTheRestOfToday() throws {
        // Thu Jan 7 19:30 in Tokyo is 10:30 in London, busy until 15:00 (midnight in Tokyo).
        let (fixture, id) = try interviewed(
            held: "2027-01-05 10:00", zone: "Asia/Tokyo", myHours: "18:00-23:00", theirZone: "Europe/London",
            busy: ["Thu 10:00-15:00"])
        #expect(
            try delay(fixture, id, at: "2027-01-07 19:30") == "they are busy for the rest of today (their busy windows)"
        )
    }

    @Test("west of them late at night: their next day begins after the user's ends")
    func theirDayNotBegun() throws {
        // Wed Dec 2 23:00 in Los Angeles is Thu Dec 3 02:00 in New York, the window's last day.
        let (fixture, id) = try interviewed(
            held: "2026-11-30 10:00", zone: "America/Los_Angeles", myHours: "any")
        #expect(try delay(fixture, id, at: "2026-12-02 23:00") == "their hours begin after your day ends")
    }
}
