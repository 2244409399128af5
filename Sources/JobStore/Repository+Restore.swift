import Foundation

// Inserts that keep a record's id: what a restore needs, so that a JSON export read
// back into an empty database gives every application, interview and call the id it
// had — gaps included — and `edit-interview 3` still means the same interview.
// AUTOINCREMENT keeps the ids given from being handed out again. A nil id is a new
// one, as SQLite gives a NULL rowid.

extension Repository {
    /// An application under the id it had (nil: a new one); an id in use is SQLite's
    /// constraint error.
    ///
    /// It writes in the caller's transaction, which must be open, with no savepoint of
    /// its own: an import writes thousands in one transaction, and a savepoint each made
    /// SQLite copy every page they touched to its sub-journal, a file on disk.
    @discardableResult
    public func insertApplication(
        id: Int64?, company: String, role: String, status: Application.Status = .applied, appliedOn: String,
        url: String? = nil, notes: String? = nil, highlights: [String] = [], now: Date
    ) throws -> Application {
        var inserts = RecordInserts(database: database)
        let id = try inserts.application(
            id: id, company: company, role: role, status: status, appliedOn: appliedOn, url: url, notes: notes,
            highlights: highlights, now: now)
        return Application(
            id: id, company: company, role: role, status: status, appliedOn: appliedOn, url: url, notes: notes,
            highlights: highlights, createdAt: now.wholeSeconds, updatedAt: now.wholeSeconds)
    }

    /// An interview under the id it had.
    @discardableResult
    public func insertInterview(
        id: Int64?, applicationID: Int64, heldAt: Date, tz: String, country: String? = nil, interviewer: String? = nil,
        phone: String? = nil, decisionBy: String? = nil, afterHoursOK: Bool = false, busy: [String] = [],
        thankedAt: Date? = nil, notes: String? = nil
    ) throws -> Interview {
        var inserts = RecordInserts(database: database)
        let id = try inserts.interview(
            id: id, applicationID: applicationID, heldAt: heldAt, tz: tz, country: country, interviewer: interviewer,
            phone: phone, decisionBy: decisionBy, afterHoursOK: afterHoursOK, busy: busy, thankedAt: thankedAt,
            notes: notes)
        return Interview(
            id: id, applicationID: applicationID, heldAt: heldAt.wholeSeconds, tz: tz, country: country,
            interviewer: interviewer, phone: phone, decisionBy: decisionBy, afterHoursOK: afterHoursOK, busy: busy,
            thankedAt: thankedAt?.wholeSeconds, notes: notes)
    }

    /// A call attempt under the id it had.
    @discardableResult
    public func insertCall(
        id: Int64?, interviewID: Int64, at: Date, outcome: CallAttempt.Outcome, callbackAt: Date? = nil,
        decisionBy: String? = nil, number: String?, notes: String? = nil
    ) throws -> CallAttempt {
        var inserts = RecordInserts(database: database)
        let id = try inserts.call(
            id: id, interviewID: interviewID, at: at, outcome: outcome, callbackAt: callbackAt, decisionBy: decisionBy,
            number: number, notes: notes)
        return CallAttempt(
            id: id, interviewID: interviewID, at: at.wholeSeconds, outcome: outcome,
            callbackAt: callbackAt?.wholeSeconds, decisionBy: decisionBy, number: number, notes: notes)
    }
}

/// The inserts of `insertApplication(id:…)`, `insertInterview(id:…)` and
/// `insertCall(id:…)`, for a writer of many records such as an import: each statement
/// is looked up once, when first used, and each value bound by its type
/// (`Statement.run`). Looking every statement up by its SQL text and boxing every
/// value in an array cost more per row than SQLite's own work did. Each insert
/// returns the new record's id.
///
/// Many records of a kind go in with several rows to a statement (`applications(_:now:)`,
/// `interviews(_:)`, `calls(_:)`): each run of a statement opens its cursors, reads and
/// writes the AUTOINCREMENT counter and halts, which cost an import as much as a row.
public struct RecordInserts {
    /// The most rows one statement inserts: enough to spread a statement's own cost
    /// thin, few enough that their text fits the room `Statement` binds it in place from.
    static let rowsPerStatement = 32

    private let database: Database
    /// Each table's prepared inserts, by how many rows they insert.
    private var applicationInserts: [Int: Statement] = [:]
    private var highlightInserts: [Int: Statement] = [:]
    private var interviewInserts: [Int: Statement] = [:]
    private var callInserts: [Int: Statement] = [:]

    public init(database: Database) {
        self.database = database
    }

    /// An application to insert with its highlights; a nil id is a new one.
    public struct ApplicationRow {
        let id: Int64?
        let company: String
        let role: String
        let status: Application.Status
        let appliedOn: String
        let url: String?
        let notes: String?
        let highlights: [String]

        public init(
            id: Int64?, company: String, role: String, status: Application.Status, appliedOn: String, url: String?,
            notes: String?, highlights: [String]
        ) {
            self.id = id
            self.company = company
            self.role = role
            self.status = status
            self.appliedOn = appliedOn
            self.url = url
            self.notes = notes
            self.highlights = highlights
        }
    }

    /// An interview to insert; a nil id is a new one.
    public struct InterviewRow {
        let id: Int64?
        let applicationID: Int64
        let heldAt: Date
        let tz: String
        let country: String?
        let interviewer: String?
        let phone: String?
        let decisionBy: String?
        let afterHoursOK: Bool
        let busy: [String]
        let thankedAt: Date?
        let notes: String?

        public init(
            id: Int64?, applicationID: Int64, heldAt: Date, tz: String, country: String?, interviewer: String?,
            phone: String?, decisionBy: String?, afterHoursOK: Bool, busy: [String], thankedAt: Date?, notes: String?
        ) {
            self.id = id
            self.applicationID = applicationID
            self.heldAt = heldAt
            self.tz = tz
            self.country = country
            self.interviewer = interviewer
            self.phone = phone
            self.decisionBy = decisionBy
            self.afterHoursOK = afterHoursOK
            self.busy = busy
            self.thankedAt = thankedAt
            self.notes = notes
        }
    }

    /// A call attempt to insert; a nil id is a new one.
    public struct CallRow {
        let id: Int64?
        let interviewID: Int64
        let at: Date
        let outcome: CallAttempt.Outcome
        let callbackAt: Date?
        let decisionBy: String?
        let number: String?
        let notes: String?

        public init(
            id: Int64?, interviewID: Int64, at: Date, outcome: CallAttempt.Outcome, callbackAt: Date?,
            decisionBy: String?, number: String?, notes: String?
        ) {
            self.id = id
            self.interviewID = interviewID
            self.at = at
            self.outcome = outcome
            self.callbackAt = callbackAt
            self.decisionBy = decisionBy
            self.number = number
            self.notes = notes
        }
    }

    private static let applicationInsert = RowsInsert(
        """
        INSERT INTO applications (id, company, role, status, applied_on, url, notes, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, columns: 9)
    private static let highlightInsert = RowsInsert(
        "INSERT INTO highlights (application_id, position, text) VALUES (?, ?, ?)", columns: 3)
    private static let interviewInsert = RowsInsert(
        """
        INSERT INTO interviews (id, application_id, held_at, tz, country, interviewer, phone, decision_by,
                                after_hours_ok, busy, thanked_at, notes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, columns: 12)
    private static let callInsert = RowsInsert(
        """
        INSERT INTO call_attempts (id, interview_id, at, outcome, callback_at, decision_by, number, notes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """, columns: 8)

    /// An application and its highlights, in the caller's open transaction (see
    /// `Repository.insertApplication(id:…)`).
    public mutating func application(
        id: Int64?, company: String, role: String, status: Application.Status, appliedOn: String, url: String?,
        notes: String?, highlights texts: [String], now: Date
    ) throws -> Int64 {
        try applications(
            [
                ApplicationRow(
                    id: id, company: company, role: role, status: status, appliedOn: appliedOn, url: url, notes: notes,
                    highlights: texts)
            ], now: now)[0]
    }

    /// Applications and their highlights, in the caller's open transaction; their ids, in order.
    public mutating func applications(_ rows: [ApplicationRow], now: Date) throws -> [Int64] {
        precondition(database.isInTransaction, "an application and its highlights are written in one transaction")
        let ids = try insert(rows, Self.applicationInsert, &applicationInserts, id: \.id) { row, values in
            try values.bind(row.id)
            try values.bind(row.company)
            try values.bind(row.role)
            try values.bind(row.status.rawValue)
            try values.bind(row.appliedOn)
            try values.bind(row.url)
            try values.bind(row.notes)
            try values.bind(now)
            try values.bind(now)
        }
        var highlights: [(applicationID: Int64, position: Int, text: String)] = []
        for (id, row) in zip(ids, rows) {
            highlights += row.highlights.enumerated().map { (applicationID: id, position: $0.offset, text: $0.element) }
        }
        try insertHighlights(highlights)
        return ids
    }

    /// An application's highlights, in order, after any it has.
    public mutating func highlights(of applicationID: Int64, _ texts: [String]) throws {
        try insertHighlights(
            texts.enumerated().map { (applicationID: applicationID, position: $0.offset, text: $0.element) })
    }

    private mutating func insertHighlights(_ rows: [(applicationID: Int64, position: Int, text: String)]) throws {
        _ = try insert(rows, Self.highlightInsert, &highlightInserts, id: nil) { row, values in
            try values.bind(row.applicationID)
            try values.bind(Int64(row.position))
            try values.bind(row.text)
        }
    }

    public mutating func interview(
        id: Int64?, applicationID: Int64, heldAt: Date, tz: String, country: String?, interviewer: String?,
        phone: String?, decisionBy: String?, afterHoursOK: Bool, busy: [String], thankedAt: Date?, notes: String?
    ) throws -> Int64 {
        try interviews([
            InterviewRow(
                id: id, applicationID: applicationID, heldAt: heldAt, tz: tz, country: country,
                interviewer: interviewer,
                phone: phone, decisionBy: decisionBy, afterHoursOK: afterHoursOK, busy: busy, thankedAt: thankedAt,
                notes: notes)
        ])[0]
    }

    /// Interviews, in the caller's open transaction; their ids, in order.
    public mutating func interviews(_ rows: [InterviewRow]) throws -> [Int64] {
        try inserting(
            rows, parent: \.applicationID, exists: "SELECT 1 FROM applications WHERE id = ?",
            missing: StoreError.unknownApplication
        ) {
            try insert(rows, Self.interviewInsert, &interviewInserts, id: \.id) { row, values in
                try values.bind(row.id)
                try values.bind(row.applicationID)
                try values.bind(row.heldAt)
                try values.bind(row.tz)
                try values.bind(row.country)
                try values.bind(row.interviewer)
                try values.bind(row.phone)
                try values.bind(row.decisionBy)
                try values.bind(row.afterHoursOK)
                try values.bind(row.busy.joined(separator: ";"))
                try values.bind(row.thankedAt)
                try values.bind(row.notes)
            }
        }
    }

    public mutating func call(
        id: Int64?, interviewID: Int64, at: Date, outcome: CallAttempt.Outcome, callbackAt: Date?,
        decisionBy: String?, number: String?, notes: String?
    ) throws -> Int64 {
        try calls([
            CallRow(
                id: id, interviewID: interviewID, at: at, outcome: outcome, callbackAt: callbackAt,
                decisionBy: decisionBy, number: number, notes: notes)
        ])[0]
    }

    /// Call attempts, in the caller's open transaction; their ids, in order.
    public mutating func calls(_ rows: [CallRow]) throws -> [Int64] {
        try inserting(
            rows, parent: \.interviewID, exists: "SELECT 1 FROM interviews WHERE id = ?",
            missing: StoreError.unknownInterview
        ) {
            try insert(rows, Self.callInsert, &callInserts, id: \.id) { row, values in
                try values.bind(row.id)
                try values.bind(row.interviewID)
                try values.bind(row.at)
                try values.bind(row.outcome.rawValue)
                try values.bind(row.callbackAt)
                try values.bind(row.decisionBy)
                try values.bind(row.number)
                try values.bind(row.notes)
            }
        }
    }

    /// An insert of one row, and the same of several: its VALUES repeated.
    private struct RowsInsert {
        let oneRow: String
        let columns: Int

        init(_ oneRow: String, columns: Int) {
            self.oneRow = oneRow
            self.columns = columns
        }

        func sql(rows: Int) -> String {
            let values = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            return oneRow + String(repeating: ", " + values, count: rows - 1)
        }
    }

    /// Inserts `rows`, up to `rowsPerStatement` to a statement, each bound by `bind`,
    /// and returns the rowid of each (none for a table without rowids: `id` nil). A
    /// statement's rows either all name their id or none does: new ids are given one
    /// after another from the last (AUTOINCREMENT takes one past the largest there, and
    /// each row is the largest once inserted).
    private func insert<Row>(
        _ rows: [Row], _ insert: RowsInsert, _ prepared: inout [Int: Statement], id: ((Row) -> Int64?)?,
        _ bind: (Row, inout Statement.Parameters) throws -> Void
    ) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(id == nil ? 0 : rows.count)
        var start = rows.startIndex
        while start < rows.endIndex {
            let namesIDs = id?(rows[start]) != nil
            var end = start + 1
            while end < rows.endIndex, end - start < Self.rowsPerStatement, (id?(rows[end]) != nil) == namesIDs {
                end += 1
            }
            let count = end - start
            let statement = try prepared[count] ?? database.statement(insert.sql(rows: count))
            prepared[count] = statement
            try database.run(statement) { values in
                for row in rows[start..<end] { try bind(row, &values) }
            }
            if let id {
                if namesIDs {
                    ids += rows[start..<end].map { id($0)! }
                } else {
                    let last = database.lastInsertedRowID
                    ids += (last - Int64(count) + 1)...last
                }
            }
            start = end
        }
        return ids
    }

    /// A row whose parent is missing is the parent's error, as `Repository.insert` says
    /// it; of several rows, the first whose parent `exists` (its SQL) does not find.
    private func inserting<Row>(
        _ rows: [Row], parent: (Row) -> Int64, exists: String, missing: (Int64) -> StoreError,
        _ insert: () throws -> [Int64]
    ) throws -> [Int64] {
        do {
            return try insert()
        } catch let error as SQLiteError where error.code == .constraintForeignKey {
            let orphan = try rows.first { try database.fetchOne(exists, [parent($0)], { _ in true }) == nil }
            throw missing(parent(orphan ?? rows[0]))
        }
    }
}
