import Foundation
import Testing

@testable import JobStore

struct Interrupted: Error {}

@Suite("Transactions")
struct TransactionTests {
    @Test("a failed transaction leaves no trace")
    func rollback() throws {
        let fixture = try Fixture()
        let kept = try fixture.application("Kept")
        #expect(throws: Interrupted.self) {
            try fixture.database.write {
                let application = try fixture.application("Gone", highlights: ["a", "b"])
                try fixture.interview(of: application)
                try fixture.repository.setSetting("name", to: "Alex")
                try fixture.repository.deleteApplication(kept.id)
                throw Interrupted()
            }
        }
        #expect(try fixture.repository.applications() == [kept])
        #expect(try fixture.count("interviews") == 0)
        #expect(try fixture.count("highlights") == 0)
        #expect(try fixture.repository.settings().isEmpty)
    }

    @Test("a constraint failure midway through a write undoes the earlier rows")
    func rollbackOnConstraint() throws {
        let fixture = try Fixture()
        #expect(throws: SQLiteError.self) {
            try fixture.repository.insertApplication(
                company: "Acme", role: "Engineer", appliedOn: "2026-11-02", highlights: ["fine", ""], now: fixture.now)
        }
        #expect(try fixture.count("applications") == 0)
        #expect(try fixture.count("highlights") == 0)
    }

    @Test("a statement that failed leaves the cache and is prepared afresh, and works again")
    func statementAfterFailure() throws {
        let fixture = try Fixture()
        let sql = "INSERT INTO settings (key, value) VALUES (?, ?)"
        try fixture.database.execute(sql, ["name", "Alex"])
        let first = try #require(fixture.database.cachedStatement(sql))
        try fixture.database.execute(sql, ["timezone", "Europe/London"])
        #expect(fixture.database.cachedStatement(sql) === first, "a statement that succeeds is reused")

        #expect(throws: SQLiteError.self) { try fixture.database.execute(sql, ["nope", "x"]) }
        #expect(fixture.database.cachedStatement(sql) == nil, "the failed statement was evicted")

        try fixture.database.execute(sql, ["max_attempts", "3"])
        let second = try #require(fixture.database.cachedStatement(sql))
        #expect(second !== first, "a new statement was prepared")
        #expect(try fixture.repository.setting("name") == "Alex")
        #expect(try fixture.repository.setting("max_attempts") == "3")
    }

    @Test("a wrong number of arguments is an error, not a silent NULL")
    func argumentCount() throws {
        let fixture = try Fixture()
        #expect(throws: SQLiteError.self) { try fixture.database.execute("SELECT ?, ?", [1]) }
    }

    @Test("two connections writing at once both succeed")
    func concurrentWriters() async throws {
        let fixture = try Fixture()
        let application = try fixture.application()
        let interview = try fixture.interview(of: application)
        let path = fixture.database.path
        let writers = 2
        let callsEach = 100
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let repository = Repository(database: try Database(path: path))
                    for index in 0..<callsEach {
                        try repository.insertCall(
                            interviewID: interview.id, at: Date(timeIntervalSince1970: Double(writer * 1000 + index)),
                            outcome: .noAnswer, number: "+1 555 0100")
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try fixture.count("call_attempts") == writers * callsEach)
    }
}
