import Foundation
import PropertyBased
import Testing

@testable import JobStore

@Suite("What today and agenda read")
struct FollowUpHistoriesTests {
    /// Applications, interviews and calls logged in a shuffled order, so that neither
    /// interview ids follow their applications nor call ids their interviews; some
    /// applications closed, some with no interview, some interviews with no call, some
    /// held at the same minute.
    private func shuffledRecords(seed: UInt64) throws -> Fixture {
        var random = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, seed &* 0x2545_F491_4F6C_DD1D))
        let fixture = try Fixture()
        let repository = fixture.repository
        var applications: [Application] = []
        for index in 0..<40 { applications.append(try fixture.application("Company \(index)")) }
        var interviews: [Interview] = []
        for _ in 0..<60 {
            let application = applications.randomElement(using: &random)!
            let minutes = Double(Int.random(in: 0..<4, using: &random) * 60)
            interviews.append(
                try repository.insertInterview(
                    applicationID: application.id, heldAt: fixture.now.addingTimeInterval(minutes),
                    tz: ["America/New_York", "Europe/London", "Australia/Sydney"].randomElement(using: &random)!,
                    country: Bool.random(using: &random) ? "GB" : nil, interviewer: "Dana",
                    phone: Bool.random(using: &random) ? "+1 555 0100" : nil,
                    decisionBy: Bool.random(using: &random) ? "2026-12-10" : nil,
                    afterHoursOK: Bool.random(using: &random),
                    busy: Bool.random(using: &random) ? ["Mon 09:00-10:00", "12:00-13:00"] : [],
                    thankedAt: Bool.random(using: &random) ? fixture.now : nil, notes: "notes"))
        }
        for _ in 0..<70 {
            let interview = interviews.randomElement(using: &random)!
            let outcome: CallAttempt.Outcome = [.reached, .voicemail, .noAnswer, .badTime].randomElement(
                using: &random)!
            _ = try repository.insertCall(
                interviewID: interview.id, at: fixture.now.addingTimeInterval(Double(Int.random(in: 1..<5) * 3600)),
                outcome: outcome, callbackAt: outcome == .badTime ? fixture.now.addingTimeInterval(86_400) : nil,
                decisionBy: nil, number: "+1 555 0100")
        }
        for application in applications.shuffled(using: &random).prefix(8) {
            var closed = application
            closed.status = [.rejected, .withdrawn, .offer].randomElement(using: &random)!
            try repository.updateApplication(closed, now: fixture.now)
        }
        return fixture
    }

    /// The values the lean reading keeps, from a whole history.
    private func leanValues(_ history: ApplicationHistory) -> String {
        let application = history.application
        var lines = [
            "\(application.id) \(application.company) \(application.role) \(application.status) \(application.appliedOn)"
        ]
        for item in history.interviews {
            let interview = item.interview
            lines.append(
                "  \(interview.id) \(interview.heldAt) \(interview.tz) \(interview.country ?? "-") "
                    + "\(interview.interviewer ?? "-") \(interview.phone ?? "-") \(interview.decisionBy ?? "-") "
                    + "\(interview.afterHoursOK) \(interview.busy) \(interview.thankedAt.map { "\($0)" } ?? "-")")
            for call in item.calls {
                lines.append(
                    "    \(call.id) \(call.interviewID) \(call.at) \(call.outcome) "
                        + "\(call.callbackAt.map { "\($0)" } ?? "-") \(call.decisionBy ?? "-")")
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test("the lean reading gives every value the rules read, as the whole reading does", arguments: [1, 2, 3, 4])
    func leanMatchesWhole(seed: UInt64) throws {
        let fixture = try shuffledRecords(seed: seed)
        for scope in [Repository.Scope.open, .all] {
            let whole = try fixture.repository.histories(scope).map(leanValues)
            let lean = try fixture.repository.followUpHistories(scope).map(leanValues)
            #expect(lean == whole)
            #expect(whole.count == (scope == .open ? 32 : 40))
        }
    }

    @Test(
        "the rows stats reads, counted from the walk of every history, are the rows its queries read",
        arguments: [1, 2, 3])
    func statsRowsFromTheWalk(seed: UInt64) throws {
        let fixture = try shuffledRecords(seed: seed)
        for heldBy in [-1.0, 90, 3600].map(fixture.now.addingTimeInterval) {
            var counted = StatsRows()
            try fixture.repository.forEachFollowUpHistory(.all) { counted.count($0, heldBy: heldBy) }
            let read = try fixture.repository.statsRows(since: nil, heldBy: heldBy)
            func ordered(_ calls: [StatsRows.CallGroup]) -> [String] {
                calls.map { "\($0.applicationID) \($0.tz) \($0.outcome) \($0.count) \($0.latest)" }.sorted()
            }
            #expect(counted.applications == read.applications)
            #expect(counted.interviews == read.interviews)
            #expect(ordered(counted.calls) == ordered(read.calls))
            #expect(read.applications.count == 40 && !read.calls.isEmpty)
        }
    }

    @Test("handed one at a time, in id order, the same histories as the list")
    func streamedMatchesList() throws {
        let fixture = try shuffledRecords(seed: 9)
        var streamed: [String] = []
        try fixture.repository.forEachFollowUpHistory(.open) { streamed.append(leanValues($0)) }
        #expect(streamed == (try fixture.repository.followUpHistories(.open).map(leanValues)))
        #expect(streamed.count == 32)
    }

    @Test("an error thrown while walking stops the walk and leaves the statements usable")
    func errorStopsTheWalk() throws {
        struct Stop: Error {}
        let fixture = try shuffledRecords(seed: 5)
        var seen = 0
        #expect(throws: Stop.self) {
            try fixture.repository.forEachFollowUpHistory(.all) { _ in
                seen += 1
                if seen == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
        #expect(try fixture.repository.followUpHistories(.all).count == 40)
    }
}
