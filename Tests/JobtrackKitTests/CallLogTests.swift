import FollowUp
import Foundation
import JobStore
import Testing

@testable import JobtrackKit

/// A tracker over a fresh database in a folder of its own, at a fixed *now* in New York.
struct KitFixture {
    let folder: URL
    let path: String
    static let newYork = TimeZone(identifier: "America/New_York")!

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtrack-kit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("db.sqlite3").path
    }

    /// The tracker at `now`, written as the user types it on their own clock.
    func tracker(at now: String) throws -> Tracker {
        // Unwrapped on its own: passed straight to `now:`, which takes an optional, a
        // typo would reach the tracker as nil and run the test at the clock's 1970.
        let input = try #require(DateTimeInput(now), "not a DATETIME: \(now)")
        return try Tracker(path: path, now: input, clock: Date(timeIntervalSince1970: 0), systemZone: Self.newYork)
    }
}

@Suite("the call log's rules, in process")
struct CallLogTests {
    /// An application interviewed Monday 2026-11-30 10:00 in New York by Dana, who gave a number.
    static func interviewed(_ fixture: KitFixture, phone: String? = "+1 212 555 0100") throws -> Int64 {
        let tracker = try fixture.tracker(at: "2026-11-30 12:00")
        let id = try tracker.add(NewApplication(company: "Acme", role: "Engineer")).application.id
        _ = try tracker.logInterview(
            id,
            NewInterview(
                at: try #require(DateTimeInput("2026-11-30 10:00")), interviewer: "Dana", phone: phone))
        return id
    }

    @Test("a logged call is checked against the clock: one in the future is refused")
    func futureRefused() throws {
        let fixture = try KitFixture()
        let id = try Self.interviewed(fixture)
        let tracker = try fixture.tracker(at: "2026-12-02 10:00")
        #expect(throws: Refusal.callInFuture(at: "Wed Dec 2 10:01", now: "Wed Dec 2 10:00")) {
            _ = try tracker.logCall(id, NewCall(outcome: .reached, at: DateTimeInput("2026-12-02 10:01")))
        }
        #expect(try tracker.entry(for: id).history.interviews[0].calls.isEmpty)
    }

    @Test("the number dialled must be the interviewer's, compared by digits")
    func wrongNumber() throws {
        let fixture = try KitFixture()
        let id = try Self.interviewed(fixture)
        let tracker = try fixture.tracker(at: "2026-12-02 10:00")
        let logged = try tracker.logCall(id, NewCall(outcome: .reached, number: "+1 (212) 555-0100"))
        #expect(logged.entry.assessment.state == .followedUp)
        #expect(throws: Refusal.wrongNumber(dialled: "212 555 0199", onRecord: "+1 212 555 0100", interviewer: "Dana"))
        {
            _ = try tracker.logCall(id, NewCall(outcome: .voicemail, number: "212 555 0199"))
        }
    }

    @Test("no number given: no call can be logged")
    func noPhone() throws {
        let fixture = try KitFixture()
        let id = try Self.interviewed(fixture, phone: nil)
        let tracker = try fixture.tracker(at: "2026-12-02 10:00")
        #expect(throws: Refusal.noPhone(interviewer: "Dana")) {
            _ = try tracker.logCall(id, NewCall(outcome: .reached))
        }
    }

    @Test("a call past max_attempts is logged with a warning that the etiquette says stop")
    func pastMaxAttempts() throws {
        let fixture = try KitFixture()
        let id = try Self.interviewed(fixture)
        _ = try fixture.tracker(at: "2026-12-02 11:00").logCall(id, NewCall(outcome: .voicemail))
        _ = try fixture.tracker(at: "2026-12-03 11:00").logCall(id, NewCall(outcome: .voicemail))
        let third = try fixture.tracker(at: "2026-12-04 11:00").logCall(id, NewCall(outcome: .noAnswer))
        #expect(third.warnings.count == 1)
        #expect(third.warnings[0].contains("stop calling"))
        #expect(third.entry.assessment.unansweredAttempts == 3)
    }

    @Test("a stored zone this machine does not know is an error naming the row, not a silent default")
    func unknownStoredZone() throws {
        let fixture = try KitFixture()
        let id = try Self.interviewed(fixture)
        let database = try Database(path: fixture.path)
        try database.execute("UPDATE interviews SET tz = 'Mars/Olympus'")
        let tracker = try fixture.tracker(at: "2026-12-02 10:00")
        #expect(throws: Refusal.badStoredValue(row: "interview 1", column: "tz", value: "Mars/Olympus")) {
            _ = try tracker.entry(for: id)
        }
    }
}
