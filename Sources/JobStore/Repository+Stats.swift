import Foundation

/// The rows `stats` and the report page count, read with aggregate queries so that the
/// numbers of a long search cost a few scans rather than every history loaded whole.
/// Statuses and outcomes are read as the text stored, not as the enums: a count
/// is still right for a value this build has no case for.
public struct StatsRows: Sendable, Equatable {
    /// One application counted.
    public struct ApplicationRow: Sendable, Equatable {
        public let id: Int64
        public let company: String
        public let status: String
        /// YYYY-MM-DD.
        public let appliedOn: String
    }

    /// One interview held by *now*, in the interviewer's zone.
    public struct InterviewRow: Sendable, Equatable {
        public let applicationID: Int64
        public let heldAt: Date
        public let tz: String
    }

    /// The calls of one interview with one outcome: how many, and the latest.
    public struct CallGroup: Sendable, Equatable {
        public let applicationID: Int64
        /// The zone of the interview the calls were made about.
        public let tz: String
        public let outcome: String
        public internal(set) var count: Int
        public internal(set) var latest: Date
    }

    /// By id.
    public var applications: [ApplicationRow]
    /// By application, then held_at.
    public var interviews: [InterviewRow]
    public var calls: [CallGroup]
}

extension StatsRows {
    /// No rows yet: `count` adds them history by history.
    public init() {
        self.init(applications: [], interviews: [], calls: [])
    }

    /// Adds the rows `Repository.statsRows(since: nil, heldBy:)` reads of one
    /// application, from its history as `forEachFollowUpHistory(.all)` hands it over,
    /// in id order: the report, which walks every history for its agenda, counts in the
    /// same walk rather than reading the file again (Benchmarks/NOTES.md, round five).
    public mutating func count(_ history: ApplicationHistory, heldBy: Date) {
        let application = history.application
        applications.append(
            ApplicationRow(
                id: application.id, company: application.company, status: application.status.rawValue,
                appliedOn: application.appliedOn))
        for item in history.interviews {
            let interview = item.interview
            if interview.heldAt <= heldBy {
                interviews.append(
                    InterviewRow(applicationID: application.id, heldAt: interview.heldAt, tz: interview.tz))
            }
            let first = calls.count
            for call in item.calls {
                let outcome = call.outcome.rawValue
                if let group = calls[first...].firstIndex(where: { $0.outcome == outcome }) {
                    calls[group].count += 1
                    calls[group].latest = max(calls[group].latest, call.at)
                } else {
                    calls.append(
                        CallGroup(
                            applicationID: application.id, tz: interview.tz, outcome: outcome, count: 1, latest: call.at
                        ))
                }
            }
        }
    }
}

extension Repository {
    /// The applications applied on or after `since` (every one when nil), with their
    /// interviews held at or before `heldBy` and their calls grouped by interview and
    /// outcome — in one read transaction, so the three agree.
    public func statsRows(since: String?, heldBy: Date) throws -> StatsRows {
        let filter = since == nil ? "1" : "a.applied_on >= ?"
        // Every interview and call counts when there is no `since`: no application is
        // looked up for each of them then.
        let applicationsJoin = since == nil ? "" : "CROSS JOIN applications a ON a.id = i.application_id"
        let sinceArgument: [any SQLBindable] = since.map { [$0] } ?? []
        return try database.read {
            let applications = try database.fetchAll(
                "SELECT a.id, a.company, a.status, a.applied_on FROM applications a WHERE \(filter) ORDER BY a.id",
                sinceArgument
            ) { row in
                StatsRows.ApplicationRow(
                    id: row.int64(0), company: row.string(1), status: row.string(2), appliedOn: row.string(3))
            }
            let interviews = try database.fetchAll(
                """
                SELECT i.application_id, i.held_at, i.tz
                FROM interviews i \(applicationsJoin)
                WHERE \(filter) AND i.held_at <= ? ORDER BY i.application_id, i.held_at, i.id
                """, sinceArgument + [heldBy]
            ) { row in
                StatsRows.InterviewRow(applicationID: row.int64(0), heldAt: row.date(1), tz: row.string(2))
            }
            let calls = try database.fetchAll(
                """
                SELECT i.application_id, i.tz, c.outcome, count(*), max(c.at)
                FROM call_attempts c
                CROSS JOIN interviews i ON i.id = c.interview_id
                \(applicationsJoin)
                WHERE \(filter) GROUP BY c.interview_id, c.outcome
                """, sinceArgument
            ) { row in
                StatsRows.CallGroup(
                    applicationID: row.int64(0), tz: row.string(1), outcome: row.string(2), count: Int(row.int64(3)),
                    latest: row.date(4))
            }
            return StatsRows(applications: applications, interviews: interviews, calls: calls)
        }
    }
}
