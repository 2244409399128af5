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
        precondition(database.isInTransaction, "an application and its highlights are written in one transaction")
        try database.execute(
            """
            INSERT INTO applications (id, company, role, status, applied_on, url, notes, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [id, company, role, status.rawValue, appliedOn, url, notes, now, now])
        let id = database.lastInsertedRowID
        try insertHighlights(of: id, highlights)
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
        try insert(
            """
            INSERT INTO interviews (id, application_id, held_at, tz, country, interviewer, phone, decision_by,
                                    after_hours_ok, busy, thanked_at, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                id, applicationID, heldAt, tz, country, interviewer, phone, decisionBy, afterHoursOK,
                busy.joined(separator: ";"), thankedAt, notes,
            ],
            missingParent: .unknownApplication(applicationID))
        return Interview(
            id: database.lastInsertedRowID, applicationID: applicationID, heldAt: heldAt.wholeSeconds, tz: tz,
            country: country,
            interviewer: interviewer, phone: phone, decisionBy: decisionBy, afterHoursOK: afterHoursOK, busy: busy,
            thankedAt: thankedAt?.wholeSeconds, notes: notes)
    }

    /// A call attempt under the id it had.
    @discardableResult
    public func insertCall(
        id: Int64?, interviewID: Int64, at: Date, outcome: CallAttempt.Outcome, callbackAt: Date? = nil,
        decisionBy: String? = nil, number: String?, notes: String? = nil
    ) throws -> CallAttempt {
        try insert(
            """
            INSERT INTO call_attempts (id, interview_id, at, outcome, callback_at, decision_by, number, notes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [id, interviewID, at, outcome.rawValue, callbackAt, decisionBy, number, notes],
            missingParent: .unknownInterview(interviewID))
        return CallAttempt(
            id: database.lastInsertedRowID, interviewID: interviewID, at: at.wholeSeconds, outcome: outcome,
            callbackAt: callbackAt?.wholeSeconds, decisionBy: decisionBy, number: number, notes: notes)
    }
}
