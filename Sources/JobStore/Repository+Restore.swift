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
public struct RecordInserts {
    private let database: Database
    private var applications: Statement?
    private var highlightInsert: Statement?
    private var interviews: Statement?
    private var calls: Statement?

    public init(database: Database) {
        self.database = database
    }

    /// An application and its highlights, in the caller's open transaction (see
    /// `Repository.insertApplication(id:…)`).
    public mutating func application(
        id: Int64?, company: String, role: String, status: Application.Status, appliedOn: String, url: String?,
        notes: String?, highlights texts: [String], now: Date
    ) throws -> Int64 {
        precondition(database.isInTransaction, "an application and its highlights are written in one transaction")
        let applications = try Self.prepared(
            &applications,
            """
            INSERT INTO applications (id, company, role, status, applied_on, url, notes, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, in: database)
        try database.run(applications) { row in
            try row.bind(id)
            try row.bind(company)
            try row.bind(role)
            try row.bind(status.rawValue)
            try row.bind(appliedOn)
            try row.bind(url)
            try row.bind(notes)
            try row.bind(now)
            try row.bind(now)
        }
        let id = database.lastInsertedRowID
        try highlights(of: id, texts)
        return id
    }

    /// An application's highlights, in order, after any it has.
    public mutating func highlights(of applicationID: Int64, _ texts: [String]) throws {
        guard !texts.isEmpty else { return }
        let insert = try Self.prepared(
            &highlightInsert, "INSERT INTO highlights (application_id, position, text) VALUES (?, ?, ?)", in: database)
        for (position, text) in texts.enumerated() {
            try database.run(insert) { row in
                try row.bind(applicationID)
                try row.bind(Int64(position))
                try row.bind(text)
            }
        }
    }

    public mutating func interview(
        id: Int64?, applicationID: Int64, heldAt: Date, tz: String, country: String?, interviewer: String?,
        phone: String?, decisionBy: String?, afterHoursOK: Bool, busy: [String], thankedAt: Date?, notes: String?
    ) throws -> Int64 {
        let interviews = try Self.prepared(
            &interviews,
            """
            INSERT INTO interviews (id, application_id, held_at, tz, country, interviewer, phone, decision_by,
                                    after_hours_ok, busy, thanked_at, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, in: database)
        try inserting(missingParent: .unknownApplication(applicationID)) {
            try database.run(interviews) { row in
                try row.bind(id)
                try row.bind(applicationID)
                try row.bind(heldAt)
                try row.bind(tz)
                try row.bind(country)
                try row.bind(interviewer)
                try row.bind(phone)
                try row.bind(decisionBy)
                try row.bind(afterHoursOK)
                try row.bind(busy.joined(separator: ";"))
                try row.bind(thankedAt)
                try row.bind(notes)
            }
        }
        return database.lastInsertedRowID
    }

    public mutating func call(
        id: Int64?, interviewID: Int64, at: Date, outcome: CallAttempt.Outcome, callbackAt: Date?,
        decisionBy: String?, number: String?, notes: String?
    ) throws -> Int64 {
        let calls = try Self.prepared(
            &calls,
            """
            INSERT INTO call_attempts (id, interview_id, at, outcome, callback_at, decision_by, number, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, in: database)
        try inserting(missingParent: .unknownInterview(interviewID)) {
            try database.run(calls) { row in
                try row.bind(id)
                try row.bind(interviewID)
                try row.bind(at)
                try row.bind(outcome.rawValue)
                try row.bind(callbackAt)
                try row.bind(decisionBy)
                try row.bind(number)
                try row.bind(notes)
            }
        }
        return database.lastInsertedRowID
    }

    private static func prepared(_ statement: inout Statement?, _ sql: String, in database: Database) throws
        -> Statement
    {
        if let statement { return statement }
        let prepared = try database.statement(sql)
        statement = prepared
        return prepared
    }

    /// A row whose parent is missing is the parent's error, as `Repository.insert` says it.
    private func inserting(missingParent: StoreError, _ insert: () throws -> Void) throws {
        do {
            try insert()
        } catch let error as SQLiteError where error.code == .constraintForeignKey {
            throw missingParent
        }
    }
}
