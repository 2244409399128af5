import Foundation
import Testing

@testable import JobStore

@Suite("Inserts bound by type write what inserts bound from an array of values wrote")
struct RecordInsertsTests {
    /// Text that a careless binding would cut, reinterpret or lose.
    static let hostile = [
        "", "a\0b", "\0", "'; DROP TABLE applications; --", "\"quoted\" \\ back", "line\nbreak\ttab\r",
        "👩‍💻 Zoë Ünal 株式会社", String(repeating: "long ", count: 2_000),
    ]

    /// Every row of `table`, each column as SQLite stores it.
    static func rows(of table: String, in database: Database) throws -> [[SQLValue]] {
        let columns = try database.fetchAll("SELECT name FROM pragma_table_info(?) ORDER BY cid", [table]) {
            $0.string(0)
        }
        return try database.fetchAll("SELECT * FROM \(table) ORDER BY 1, 2") { row in
            (0..<Int32(columns.count)).map { row.value($0) }
        }
    }

    @Test("applications, highlights, interviews and calls: NULLs and hostile text included", arguments: hostile)
    func sameRows(text: String) throws {
        let typed = try Fixture()
        let boxed = try Fixture()
        let now = typed.now
        try typed.database.write {
            var inserts = RecordInserts(database: typed.database)
            for id: Int64? in [7, nil] {
                let application = try inserts.application(
                    id: id, company: "Acme " + text, role: "Engineer " + text, status: .offer, appliedOn: "2026-11-02",
                    url: text, notes: nil, highlights: ["h" + text, "x" + text], now: now)
                let interview = try inserts.interview(
                    id: id, applicationID: application, heldAt: now, tz: "Europe/Berlin", country: "DE",
                    interviewer: text, phone: nil, decisionBy: "2026-12-01", afterHoursOK: true,
                    busy: ["Mon 09:00-10:00", "12:00-13:00"], thankedAt: nil, notes: text)
                _ = try inserts.call(
                    id: id, interviewID: interview, at: now.addingTimeInterval(0.75), outcome: .badTime,
                    callbackAt: now.addingTimeInterval(3600), decisionBy: nil, number: "+1 555 0100", notes: text)
                _ = try inserts.call(
                    id: nil, interviewID: interview, at: now, outcome: .wrote, callbackAt: nil, decisionBy: nil,
                    number: nil, notes: nil)
            }
        }
        try boxed.database.write {
            for id: Int64? in [7, nil] {
                try boxed.database.execute(
                    """
                    INSERT INTO applications (id, company, role, status, applied_on, url, notes, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [id, "Acme " + text, "Engineer " + text, "offer", "2026-11-02", text, String?.none, now, now])
                let application = boxed.database.lastInsertedRowID
                for (position, highlight) in ["h" + text, "x" + text].enumerated() {
                    try boxed.database.execute(
                        "INSERT INTO highlights (application_id, position, text) VALUES (?, ?, ?)",
                        [application, position, highlight])
                }
                try boxed.database.execute(
                    """
                    INSERT INTO interviews (id, application_id, held_at, tz, country, interviewer, phone, decision_by,
                                            after_hours_ok, busy, thanked_at, notes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        id, application, now, "Europe/Berlin", "DE", text, String?.none, "2026-12-01", true,
                        "Mon 09:00-10:00;12:00-13:00", Date?.none, text,
                    ])
                let interview = boxed.database.lastInsertedRowID
                let calls =
                    "INSERT INTO call_attempts (id, interview_id, at, outcome, callback_at, decision_by, number, notes)"
                try boxed.database.execute(
                    calls + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        id, interview, now.addingTimeInterval(0.75), "bad-time", now.addingTimeInterval(3600),
                        String?.none, "+1 555 0100", text,
                    ])
                try boxed.database.execute(
                    calls + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [Int64?.none, interview, now, "wrote", Date?.none, String?.none, String?.none, String?.none])
            }
        }
        for table in ["applications", "highlights", "interviews", "call_attempts"] {
            let written = try Self.rows(of: table, in: typed.database)
            #expect(written == (try Self.rows(of: table, in: boxed.database)), "\(table)")
            #expect(!written.isEmpty)
        }
        let stored = try typed.database.fetchOne("SELECT notes FROM interviews WHERE id = 7") { $0.string(0) }
        #expect(stored == text)
    }

    @Test("text bound in place survives until the step, past the room kept for it and after its string changed")
    func textSurvivesUntilStep() throws {
        let fixture = try Fixture()
        try fixture.database.execute("CREATE TEMP TABLE texts (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT)")
        let statement = try fixture.database.statement("INSERT INTO texts VALUES (?, ?, ?, ?, ?)")
        let values = ["first", String(repeating: "é", count: 1_500), "a\0b", String(repeating: "z", count: 3_000), ""]
        for _ in 0..<3 {
            try fixture.database.run(statement) { row in
                for value in values {
                    var text = value
                    try row.bind(text)
                    // The string bound may change or go before the step: SQLite reads what was bound.
                    text.append("changed")
                    #expect(text != value)
                }
            }
        }
        let stored = try fixture.database.fetchAll("SELECT a, b, c, d, e FROM texts") { row in
            (0..<Int32(5)).map { row.value($0) }
        }
        #expect(stored == Array(repeating: values.map { SQLValue.text($0) }, count: 3))
    }

    @Test("a missing parent is the parent's error, as the repository says it")
    func missingParent() throws {
        let fixture = try Fixture()
        try fixture.database.write {
            var inserts = RecordInserts(database: fixture.database)
            #expect(throws: StoreError.unknownApplication(42)) {
                try inserts.interview(
                    id: nil, applicationID: 42, heldAt: fixture.now, tz: "UTC", country: nil, interviewer: nil,
                    phone: nil, decisionBy: nil, afterHoursOK: false, busy: [], thankedAt: nil, notes: nil)
            }
        }
    }
}
