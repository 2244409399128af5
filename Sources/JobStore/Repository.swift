import Foundation

/// Reads and writes jobtrack's records. Every method that writes more than one row
/// runs in one transaction; callers that combine several writes wrap them in
/// `database.write` themselves, and these then join that transaction.
public struct Repository {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Which applications `histories` loads.
    public enum Scope: Sendable, Equatable {
        case open
        case all
        case one(Int64)
    }

    // MARK: Applications

    /// The statuses that are not closed, as an SQL list; our own enum's words, not input.
    private static let openStatuses = Application.Status.allCases.filter { !$0.isClosed }
        .map { "'\($0.rawValue)'" }.joined(separator: ", ")

    private static let applicationColumns =
        "id, company, role, status, applied_on, url, notes, created_at, updated_at"

    /// `columns` with each name prefixed by a table alias, for joins.
    private static func qualified(_ columns: String, by alias: String) -> String {
        columns.split(separator: ", ").map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    private static func decodeApplication(_ row: Row) throws -> Application {
        let id = row.int64(0)
        let text = row.string(3)
        guard let status = Application.Status(rawValue: text) else {
            throw StoreError.unreadableValue(table: "applications", id: id, column: "status", value: text)
        }
        return Application(
            id: id, company: row.string(1), role: row.string(2), status: status,
            appliedOn: row.string(4), url: row.optionalString(5), notes: row.optionalString(6),
            highlights: [], createdAt: row.date(7), updatedAt: row.date(8))
    }

    /// A new application, in a transaction of its own when the caller has none.
    @discardableResult
    public func insertApplication(
        company: String, role: String, status: Application.Status = .applied, appliedOn: String,
        url: String? = nil, notes: String? = nil, highlights: [String] = [], now: Date
    ) throws -> Application {
        try database.write {
            try insertApplication(
                id: nil, company: company, role: role, status: status, appliedOn: appliedOn, url: url, notes: notes,
                highlights: highlights, now: now)
        }
    }

    /// How many applications there are.
    public func applicationCount() throws -> Int64 {
        try database.fetchOne("SELECT count(*) FROM applications") { $0.int64(0) } ?? 0
    }

    public func application(_ id: Int64) throws -> Application {
        guard
            var application = try database.fetchOne(
                "SELECT \(Self.applicationColumns) FROM applications WHERE id = ?", [id], Self.decodeApplication)
        else { throw StoreError.unknownApplication(id) }
        application.highlights = try database.fetchAll(
            "SELECT text FROM highlights WHERE application_id = ? ORDER BY position", [id]
        ) { $0.string(0) }
        return application
    }

    /// Applications by id, optionally only those with `status`.
    public func applications(status: Application.Status? = nil) throws -> [Application] {
        try database.read {
            let filter = status == nil ? "" : "WHERE status = ?"
            let arguments: [any SQLBindable] = status.map { [$0.rawValue] } ?? []
            var applications = try database.fetchAll(
                "SELECT \(Self.applicationColumns) FROM applications \(filter) ORDER BY id", arguments,
                Self.decodeApplication)
            try attachHighlights(to: &applications)
            return applications
        }
    }

    /// Writes every field of `application` and stamps `updated_at`.
    @discardableResult
    public func updateApplication(_ application: Application, now: Date) throws -> Application {
        try database.write {
            try database.execute(
                """
                UPDATE applications
                SET company = ?, role = ?, status = ?, applied_on = ?, url = ?, notes = ?, updated_at = max(?, created_at)
                WHERE id = ?
                """,
                [
                    application.company, application.role, application.status.rawValue, application.appliedOn,
                    application.url, application.notes, now, application.id,
                ])
            guard database.changes == 1 else { throw StoreError.unknownApplication(application.id) }
            try replaceHighlights(of: application.id, with: application.highlights)
            return try self.application(application.id)
        }
    }

    /// Deletes the application with its interviews and calls.
    public func deleteApplication(_ id: Int64) throws {
        try database.write {
            try database.execute("DELETE FROM applications WHERE id = ?", [id])
            guard database.changes == 1 else { throw StoreError.unknownApplication(id) }
        }
    }

    private func replaceHighlights(of id: Int64, with highlights: [String]) throws {
        try database.execute("DELETE FROM highlights WHERE application_id = ?", [id])
        var inserts = RecordInserts(database: database)
        try inserts.highlights(of: id, highlights)
    }

    private func attachHighlights(
        to applications: inout [Application], filter: String = "", _ arguments: [any SQLBindable] = []
    ) throws {
        guard !applications.isEmpty else { return }
        let index = Dictionary(uniqueKeysWithValues: applications.enumerated().map { ($1.id, $0) })
        try database.forEachRow(
            "SELECT application_id, text FROM highlights \(filter) ORDER BY application_id, position", arguments
        ) { row in
            if let position = index[row.int64(0)] {
                applications[position].highlights.append(row.string(1))
            }
        }
    }

    // MARK: Interviews

    private static let interviewColumns =
        "id, application_id, held_at, tz, country, interviewer, phone, decision_by, after_hours_ok, busy, thanked_at, notes"

    private static func decodeInterview(_ row: Row) -> Interview {
        let busy = row.string(9)
        return Interview(
            id: row.int64(0), applicationID: row.int64(1), heldAt: row.date(2), tz: row.string(3),
            country: row.optionalString(4), interviewer: row.optionalString(5), phone: row.optionalString(6),
            decisionBy: row.optionalString(7), afterHoursOK: row.bool(8),
            busy: busy.isEmpty ? [] : busy.split(separator: ";").map(String.init), thankedAt: row.optionalDate(10),
            notes: row.optionalString(11))
    }

    @discardableResult
    public func insertInterview(
        applicationID: Int64, heldAt: Date, tz: String, country: String? = nil, interviewer: String? = nil,
        phone: String? = nil, decisionBy: String? = nil, afterHoursOK: Bool = false, busy: [String] = [],
        thankedAt: Date? = nil, notes: String? = nil
    ) throws -> Interview {
        try insertInterview(
            id: nil, applicationID: applicationID, heldAt: heldAt, tz: tz, country: country, interviewer: interviewer,
            phone: phone, decisionBy: decisionBy, afterHoursOK: afterHoursOK, busy: busy, thankedAt: thankedAt,
            notes: notes)
    }

    public func interview(_ id: Int64) throws -> Interview {
        guard
            let interview = try database.fetchOne(
                "SELECT \(Self.interviewColumns) FROM interviews WHERE id = ?", [id], Self.decodeInterview)
        else { throw StoreError.unknownInterview(id) }
        return interview
    }

    /// The application's interviews, earliest first; equal instants in the order they were logged.
    public func interviews(of applicationID: Int64) throws -> [Interview] {
        try database.fetchAll(
            "SELECT \(Self.interviewColumns) FROM interviews WHERE application_id = ? ORDER BY held_at, id",
            [applicationID], Self.decodeInterview)
    }

    @discardableResult
    public func updateInterview(_ interview: Interview) throws -> Interview {
        try database.write {
            try database.execute(
                """
                UPDATE interviews
                SET held_at = ?, tz = ?, country = ?, interviewer = ?, phone = ?, decision_by = ?, after_hours_ok = ?,
                    busy = ?, thanked_at = ?, notes = ?
                WHERE id = ?
                """,
                [
                    interview.heldAt, interview.tz, interview.country, interview.interviewer, interview.phone,
                    interview.decisionBy, interview.afterHoursOK, interview.busy.joined(separator: ";"),
                    interview.thankedAt,
                    interview.notes, interview.id,
                ])
            guard database.changes == 1 else { throw StoreError.unknownInterview(interview.id) }
            return try self.interview(interview.id)
        }
    }

    public func deleteInterview(_ id: Int64) throws {
        try database.write {
            try database.execute("DELETE FROM interviews WHERE id = ?", [id])
            guard database.changes == 1 else { throw StoreError.unknownInterview(id) }
        }
    }

    // MARK: Call attempts

    private static let callColumns = "id, interview_id, at, outcome, callback_at, decision_by, number, notes"

    private static func decodeCall(_ row: Row) throws -> CallAttempt {
        let text = row.string(3)
        guard let outcome = CallAttempt.Outcome(rawValue: text) else {
            throw StoreError.unreadableValue(table: "call_attempts", id: row.int64(0), column: "outcome", value: text)
        }
        return CallAttempt(
            id: row.int64(0), interviewID: row.int64(1), at: row.date(2),
            outcome: outcome,
            callbackAt: row.optionalDate(4), decisionBy: row.optionalString(5), number: row.optionalString(6),
            notes: row.optionalString(7))
    }

    @discardableResult
    public func insertCall(
        interviewID: Int64, at: Date, outcome: CallAttempt.Outcome, callbackAt: Date? = nil, decisionBy: String? = nil,
        number: String?, notes: String? = nil
    ) throws -> CallAttempt {
        try insertCall(
            id: nil, interviewID: interviewID, at: at, outcome: outcome, callbackAt: callbackAt, decisionBy: decisionBy,
            number: number, notes: notes)
    }

    public func call(_ id: Int64) throws -> CallAttempt {
        guard
            let call = try database.fetchOne(
                "SELECT \(Self.callColumns) FROM call_attempts WHERE id = ?", [id], Self.decodeCall)
        else { throw StoreError.unknownCall(id) }
        return call
    }

    /// The interview's calls, earliest first; equal instants in the order they were logged.
    public func calls(of interviewID: Int64) throws -> [CallAttempt] {
        try database.fetchAll(
            "SELECT \(Self.callColumns) FROM call_attempts WHERE interview_id = ? ORDER BY at, id",
            [interviewID], Self.decodeCall)
    }

    /// Writes every field of `call` but the interview it belongs to.
    @discardableResult
    public func updateCall(_ call: CallAttempt) throws -> CallAttempt {
        try database.write {
            try database.execute(
                """
                UPDATE call_attempts SET at = ?, outcome = ?, callback_at = ?, decision_by = ?, number = ?, notes = ?
                WHERE id = ?
                """,
                [call.at, call.outcome.rawValue, call.callbackAt, call.decisionBy, call.number, call.notes, call.id])
            guard database.changes == 1 else { throw StoreError.unknownCall(call.id) }
            return try self.call(call.id)
        }
    }

    public func deleteCall(_ id: Int64) throws {
        try database.write {
            try database.execute("DELETE FROM call_attempts WHERE id = ?", [id])
            guard database.changes == 1 else { throw StoreError.unknownCall(id) }
        }
    }

    // MARK: Settings

    public func setting(_ key: String) throws -> String? {
        try database.fetchOne("SELECT value FROM settings WHERE key = ?", [key]) { $0.string(0) }
    }

    public func settings() throws -> [String: String] {
        var settings: [String: String] = [:]
        try database.forEachRow("SELECT key, value FROM settings") { settings[$0.string(0)] = $0.string(1) }
        return settings
    }

    public func setSetting(_ key: String, to value: String) throws {
        try database.write {
            try database.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value])
        }
    }

    public func removeSetting(_ key: String) throws {
        try database.write {
            try database.execute("DELETE FROM settings WHERE key = ?", [key])
        }
    }

    // MARK: Histories

    /// Everything the rules need for the applications in `scope`, in four queries
    /// whatever their number: applications, highlights, interviews and calls, each
    /// joined to the same filter, then grouped in memory. The rules never read
    /// highlights, so callers that only assess may leave them out.
    public func histories(_ scope: Scope, withHighlights: Bool = true) throws -> [ApplicationHistory] {
        // For many applications, walk each table in its own index order and look the
        // application up by rowid: no sort, and no index on status worth using when most
        // applications are open (`+` keeps SQLite from choosing it). For one, let the
        // planner start from the application.
        let (filter, arguments): (String, [any SQLBindable]) =
            switch scope {
            case .open: ("+a.status IN (\(Self.openStatuses))", [])
            case .all: ("1", [])
            case .one(let id): ("a.id = ?", [id])
            }
        let join = if case .one = scope { "JOIN" } else { "CROSS JOIN" }
        return try database.read {
            var applications = try database.fetchAll(
                "SELECT \(Self.applicationColumns) FROM applications a WHERE \(filter) ORDER BY a.id", arguments,
                Self.decodeApplication)
            if case .one(let id) = scope, applications.isEmpty { throw StoreError.unknownApplication(id) }
            if withHighlights {
                try attachHighlights(
                    to: &applications,
                    filter: "WHERE application_id IN (SELECT a.id FROM applications a WHERE \(filter))", arguments)
            }

            var histories = applications.map { ApplicationHistory(application: $0, interviews: []) }
            let applicationIndex = Dictionary(uniqueKeysWithValues: applications.enumerated().map { ($1.id, $0) })
            var interviewIndex: [Int64: (Int, Int)] = [:]
            try database.forEachRow(
                """
                SELECT \(Self.qualified(Self.interviewColumns, by: "i"))
                FROM interviews i \(join) applications a ON a.id = i.application_id
                WHERE \(filter) ORDER BY i.application_id, i.held_at, i.id
                """, arguments
            ) { row in
                let interview = Self.decodeInterview(row)
                guard let position = applicationIndex[interview.applicationID] else { return }
                interviewIndex[interview.id] = (position, histories[position].interviews.count)
                histories[position].interviews.append(InterviewHistory(interview: interview, calls: []))
            }
            try database.forEachRow(
                """
                SELECT \(Self.qualified(Self.callColumns, by: "c"))
                FROM call_attempts c
                \(join) interviews i ON i.id = c.interview_id
                \(join) applications a ON a.id = i.application_id
                WHERE \(filter) ORDER BY c.interview_id, c.at, c.id
                """, arguments
            ) { row in
                let call = try Self.decodeCall(row)
                guard let (application, interview) = interviewIndex[call.interviewID] else { return }
                histories[application].interviews[interview].calls.append(call)
            }
            return histories
        }
    }

    /// What `today` and `agenda` read of the applications in `scope` (`.open` or
    /// `.all`), in id order: every value the rules and the agenda's rows need, and
    /// nothing else. The url, notes, highlights, the interviews' notes and the calls'
    /// numbers and notes are left empty, and created_at/updated_at read as the epoch:
    /// callers that show or export a record read it whole through `histories`.
    public func followUpHistories(_ scope: Scope) throws -> [ApplicationHistory] {
        var histories: [ApplicationHistory] = []
        try forEachFollowUpHistory(scope) { histories.append($0) }
        return histories
    }

    /// `followUpHistories`, handed to `body` one application at a time, so that a caller
    /// that keeps only some of them never holds them all (`today` at 100,000).
    ///
    /// Applications and their interviews are stepped side by side, both in application
    /// order, rather than joined: each interview finds its application by walking forward.
    /// Calls, fewer and small, are read first in their index order (by interview), and an
    /// interview finds its run of calls by binary search.
    public func forEachFollowUpHistory(_ scope: Scope, _ body: (ApplicationHistory) throws -> Void) throws {
        if case .one = scope { return try histories(scope, withHighlights: false).forEach(body) }
        let filter = if case .open = scope { "WHERE +status IN (\(Self.openStatuses))" } else { "" }
        let epoch = Date(timeIntervalSince1970: 0)
        try database.read {
            let calls = try callsByInterview()
            // Busy windows as stored, split once per spelling: many interviews share a few.
            var busyLists: [String: [String]] = [:]
            try database.stepping(
                """
                SELECT id, application_id, held_at, tz, country, interviewer, phone, decision_by, after_hours_ok, busy,
                thanked_at FROM interviews ORDER BY application_id, held_at, id
                """
            ) { nextInterview in
                var interview = try nextInterview()
                try database.forEachRow(
                    "SELECT id, company, role, status, applied_on FROM applications \(filter) ORDER BY id"
                ) { row in
                    let id = row.int64(0)
                    let text = row.string(3)
                    guard let status = Application.Status(rawValue: text) else {
                        throw StoreError.unreadableValue(table: "applications", id: id, column: "status", value: text)
                    }
                    var interviews: [InterviewHistory] = []
                    while let current = interview, current.int64(1) <= id {
                        if current.int64(1) == id {
                            let busyText = current.string(9)
                            let busy: [String]
                            if busyText.isEmpty {
                                busy = []
                            } else if let known = busyLists[busyText] {
                                busy = known
                            } else {
                                busy = busyText.split(separator: ";").map(String.init)
                                busyLists[busyText] = busy
                            }
                            let interviewID = current.int64(0)
                            interviews.append(
                                InterviewHistory(
                                    interview: Interview(
                                        id: interviewID, applicationID: id, heldAt: current.date(2),
                                        tz: current.string(3), country: current.optionalString(4),
                                        interviewer: current.optionalString(5), phone: current.optionalString(6),
                                        decisionBy: current.optionalString(7), afterHoursOK: current.bool(8),
                                        busy: busy, thankedAt: current.optionalDate(10), notes: nil),
                                    calls: calls.of(interviewID)))
                        }
                        interview = try nextInterview()
                    }
                    try body(
                        ApplicationHistory(
                            application: Application(
                                id: id, company: row.string(1), role: row.string(2), status: status,
                                appliedOn: row.string(4), url: nil, notes: nil, highlights: [], createdAt: epoch,
                                updatedAt: epoch),
                            interviews: interviews))
                }
            }
        }
    }

    /// Every call as `today` reads it, in interview order, to be found by interview.
    private func callsByInterview() throws -> CallsByInterview {
        var calls = CallsByInterview()
        try database.forEachRow(
            "SELECT id, interview_id, at, outcome, callback_at, decision_by FROM call_attempts ORDER BY interview_id, at, id"
        ) { row in
            let text = row.string(3)
            guard let outcome = CallAttempt.Outcome(rawValue: text) else {
                throw StoreError.unreadableValue(
                    table: "call_attempts", id: row.int64(0), column: "outcome", value: text)
            }
            let interviewID = row.int64(1)
            calls.interviewIDs.append(interviewID)
            calls.calls.append(
                CallAttempt(
                    id: row.int64(0), interviewID: interviewID, at: row.date(2), outcome: outcome,
                    callbackAt: row.optionalDate(4), decisionBy: row.optionalString(5), number: nil, notes: nil))
        }
        return calls
    }

    /// One application with everything logged against it.
    public func history(of id: Int64) throws -> ApplicationHistory {
        guard let history = try histories(.one(id)).first else { throw StoreError.unknownApplication(id) }
        return history
    }
}

/// Calls in interview order, with each call's interview id beside it for a binary search.
private struct CallsByInterview {
    var interviewIDs: [Int64] = []
    var calls: [CallAttempt] = []

    /// The calls of one interview, in the order they were read.
    func of(_ interviewID: Int64) -> [CallAttempt] {
        var low = 0
        var high = interviewIDs.count
        while low < high {
            let middle = (low + high) / 2
            if interviewIDs[middle] < interviewID { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < interviewIDs.count && interviewIDs[end] == interviewID { end += 1 }
        return low == end ? [] : Array(calls[low..<end])
    }
}
