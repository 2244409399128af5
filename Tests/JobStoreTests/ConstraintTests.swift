import Foundation
import Testing

@testable import JobStore

/// A row the schema must refuse, and the kind of failure it must report.
struct BadRow: CustomTestStringConvertible, Sendable {
    let name: String
    let code: ResultCode
    let sql: String
    let arguments: [SQLValue]
    var testDescription: String { name }
}

@Suite("The schema refuses bad rows")
struct ConstraintTests {
    // Application 1 and interview 1 exist; everything else in each row is valid.
    static let badRows: [BadRow] = [
        BadRow(
            name: "empty company", code: .constraintCheck,
            sql:
                "INSERT INTO applications (company, role, applied_on, created_at, updated_at) VALUES (?, 'r', '2026-11-02', 0, 0)",
            arguments: [.text("  ")]),
        BadRow(
            name: "missing role", code: .constraintNotNull,
            sql:
                "INSERT INTO applications (company, role, applied_on, created_at, updated_at) VALUES ('c', ?, '2026-11-02', 0, 0)",
            arguments: [.null]),
        BadRow(
            name: "empty role", code: .constraintCheck,
            sql:
                "INSERT INTO applications (company, role, applied_on, created_at, updated_at) VALUES ('c', ?, '2026-11-02', 0, 0)",
            arguments: [.text("")]),
        BadRow(
            name: "unknown status", code: .constraintCheck,
            sql:
                "INSERT INTO applications (company, role, status, applied_on, created_at, updated_at) VALUES ('c', 'r', ?, '2026-11-02', 0, 0)",
            arguments: [.text("ghosting")]),
        BadRow(
            name: "impossible applied_on", code: .constraintCheck,
            sql:
                "INSERT INTO applications (company, role, applied_on, created_at, updated_at) VALUES ('c', 'r', ?, 0, 0)",
            arguments: [.text("2026-02-30")]),
        BadRow(
            name: "applied_on not a date", code: .constraintCheck,
            sql:
                "INSERT INTO applications (company, role, applied_on, created_at, updated_at) VALUES ('c', 'r', ?, 0, 0)",
            arguments: [.text("next week")]),
        BadRow(
            name: "updated before created", code: .constraintCheck,
            sql:
                "INSERT INTO applications (company, role, applied_on, created_at, updated_at) VALUES ('c', 'r', '2026-11-02', 10, ?)",
            arguments: [.integer(5)]),
        BadRow(
            name: "instant stored as text", code: .constraintDataType,
            sql:
                "INSERT INTO applications (company, role, applied_on, created_at, updated_at) VALUES ('c', 'r', '2026-11-02', ?, 0)",
            arguments: [.text("yesterday")]),
        BadRow(
            name: "highlight for a missing application", code: .constraintForeignKey,
            sql: "INSERT INTO highlights (application_id, position, text) VALUES (?, 0, 'x')",
            arguments: [.integer(99)]),
        BadRow(
            name: "empty highlight", code: .constraintCheck,
            sql: "INSERT INTO highlights (application_id, position, text) VALUES (1, 0, ?)",
            arguments: [.text("")]),
        BadRow(
            name: "interview for a missing application", code: .constraintForeignKey,
            sql: "INSERT INTO interviews (application_id, held_at, tz) VALUES (?, 0, 'UTC')",
            arguments: [.integer(99)]),
        BadRow(
            name: "interview without a zone", code: .constraintCheck,
            sql: "INSERT INTO interviews (application_id, held_at, tz) VALUES (1, 0, ?)",
            arguments: [.text("")]),
        BadRow(
            name: "impossible decision_by", code: .constraintCheck,
            sql: "INSERT INTO interviews (application_id, held_at, tz, decision_by) VALUES (1, 0, 'UTC', ?)",
            arguments: [.text("2026-13-01")]),
        BadRow(
            name: "after_hours_ok not a boolean", code: .constraintCheck,
            sql: "INSERT INTO interviews (application_id, held_at, tz, after_hours_ok) VALUES (1, 0, 'UTC', ?)",
            arguments: [.integer(2)]),
        BadRow(
            name: "malformed busy windows", code: .constraintCheck,
            sql: "INSERT INTO interviews (application_id, held_at, tz, busy) VALUES (1, 0, 'UTC', ?)",
            arguments: [.text("mornings")]),
        BadRow(
            name: "empty phone", code: .constraintCheck,
            sql: "INSERT INTO interviews (application_id, held_at, tz, phone) VALUES (1, 0, 'UTC', ?)",
            arguments: [.text("")]),
        BadRow(
            name: "call for a missing interview", code: .constraintForeignKey,
            sql: "INSERT INTO call_attempts (interview_id, at, outcome, number) VALUES (?, 0, 'reached', '1')",
            arguments: [.integer(99)]),
        BadRow(
            name: "unknown outcome", code: .constraintCheck,
            sql: "INSERT INTO call_attempts (interview_id, at, outcome, number) VALUES (1, 0, ?, '1')",
            arguments: [.text("hung-up")]),
        BadRow(
            name: "bad-time without callback", code: .constraintCheck,
            sql:
                "INSERT INTO call_attempts (interview_id, at, outcome, number, callback_at) VALUES (1, 0, 'bad-time', '1', ?)",
            arguments: [.null]),
        BadRow(
            name: "voicemail with a callback", code: .constraintCheck,
            sql:
                "INSERT INTO call_attempts (interview_id, at, outcome, number, callback_at) VALUES (1, 0, 'voicemail', '1', ?)",
            arguments: [.integer(60)]),
        BadRow(
            name: "no-answer with a callback", code: .constraintCheck,
            sql:
                "INSERT INTO call_attempts (interview_id, at, outcome, number, callback_at) VALUES (1, 0, 'no-answer', '1', ?)",
            arguments: [.integer(60)]),
        BadRow(
            name: "callback not after the call", code: .constraintCheck,
            sql:
                "INSERT INTO call_attempts (interview_id, at, outcome, number, callback_at) VALUES (1, 100, 'reached', '1', ?)",
            arguments: [.integer(100)]),
        BadRow(
            name: "call without a number", code: .constraintCheck,
            sql: "INSERT INTO call_attempts (interview_id, at, outcome, number) VALUES (1, 0, 'reached', ?)",
            arguments: [.null]),
        BadRow(
            name: "unknown setting", code: .constraintCheck,
            sql: "INSERT INTO settings (key, value) VALUES (?, 'x')",
            arguments: [.text("colour")]),
        BadRow(
            name: "duplicate setting", code: .constraintPrimaryKey,
            sql: "INSERT INTO settings (key, value) VALUES (?, 'x')",
            arguments: [.text("name")]),
    ]

    @Test("each constraint refuses its bad row with a typed error", arguments: badRows)
    func refuses(_ row: BadRow) throws {
        let fixture = try Fixture()
        let application = try fixture.application()
        try fixture.interview(of: application)
        try fixture.repository.setSetting("name", to: "Alex")
        let counts = try ["applications", "highlights", "interviews", "call_attempts", "settings"].map(fixture.count)

        let error = try #require(throws: SQLiteError.self) {
            try fixture.database.execute(row.sql, row.arguments)
        }
        #expect(error.code == row.code, "\(error)")
        #expect(error.sql == row.sql)
        #expect(ResultCode.constraint ~= error.code)
        #expect(
            try ["applications", "highlights", "interviews", "call_attempts", "settings"].map(fixture.count) == counts)
    }
}
