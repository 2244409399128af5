import FollowUp
import Foundation
import JobStore

/// The search in numbers (docs/commands.md §3.8): what `stats` prints and the report
/// page charts. An interview counts once it has been held (held_at ≤ now); every date
/// of an interview or a call is read in the interview's zone.
public struct Stats: Sendable, Equatable {
    /// Every outcome, as the command line spells it, in the order `stats` prints them.
    /// Counted by the stored text, so an outcome this build's store has no case for
    /// (`wrote`) still counts.
    public static let outcomes = ["reached", "voicemail", "no-answer", "bad-time", "wrote"]

    /// One company's part of the search.
    public struct Company: Sendable, Equatable {
        public var company: String
        public var applications: Int
        /// Interviews held.
        public var interviews: Int
        public var calls: Int
        /// The latest date an application was made, an interview held or a call made.
        public var lastActivity: CalendarDate
    }

    /// Only the applications applied on or after this date count; nil: all of them.
    public var since: CalendarDate?
    public var applications: Int
    /// A count for every status, in `Application.Status.allCases` order, zeros included.
    public var byStatus: [(status: String, count: Int)]
    /// Applications with at least one interview held.
    public var interviewed: Int
    /// interviewed / applications; nil with no applications.
    public var interviewRate: Double?
    /// Applications at `offer` or `accepted`.
    public var offers: Int
    /// The median of the calendar days from applied_on to the first interview held;
    /// nil when none has been held. Of an even count, the mean of the middle two.
    public var medianDaysToFirstInterview: Double?
    /// A count for every outcome of `outcomes`, in that order.
    public var callsByOutcome: [(outcome: String, count: Int)]
    /// Newest activity first, then by company.
    public var companies: [Company]

    /// Every call, whatever its outcome.
    public var totalCalls: Int { callsByOutcome.reduce(0) { $0 + $1.count } }

    public static func == (lhs: Stats, rhs: Stats) -> Bool {
        lhs.since == rhs.since && lhs.applications == rhs.applications
            && lhs.byStatus.elementsEqual(rhs.byStatus, by: ==) && lhs.interviewed == rhs.interviewed
            && lhs.interviewRate == rhs.interviewRate && lhs.offers == rhs.offers
            && lhs.medianDaysToFirstInterview == rhs.medianDaysToFirstInterview
            && lhs.callsByOutcome.elementsEqual(rhs.callsByOutcome, by: ==) && lhs.companies == rhs.companies
    }

    /// The median of `values`, nil for none.
    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}

extension Tracker {
    /// The search in numbers at *now*; with `since` (read on the user's calendar), only
    /// the applications applied on or after it, with their interviews and calls.
    public func stats(since: DateInput? = nil) throws -> Stats {
        let sinceDate = try since?.resolve(today: today(in: userZone))
        let rows = try repository.statsRows(since: sinceDate?.iso, heldBy: now)
        return try Self.stats(rows, since: sinceDate, zone: { try storedZone(named: $0) })
    }

    /// A stored interview's zone, or a refusal naming the value when this machine does not know it.
    private func storedZone(named name: String) throws -> TimeZone {
        guard let zone = zones.zone(named: name) else {
            throw Refusal.badStoredValue(row: "an interview", column: "tz", value: name)
        }
        return zone
    }

    static func stats(_ rows: StatsRows, since: CalendarDate?, zone: (String) throws -> TimeZone) throws -> Stats {
        // Per application: where it sits in `rows.applications`, its first interview's
        // date, and its latest activity; per company, its totals.
        var position: [Int64: Int] = [:]
        position.reserveCapacity(rows.applications.count)
        var applied: [CalendarDate] = []
        applied.reserveCapacity(rows.applications.count)
        var statusCounts: [String: Int] = [:]
        for (index, application) in rows.applications.enumerated() {
            position[application.id] = index
            guard let date = CalendarDate(iso: application.appliedOn) else {
                throw Refusal.badStoredValue(
                    row: "application \(application.id)", column: "applied_on", value: application.appliedOn)
            }
            applied.append(date)
            statusCounts[application.status, default: 0] += 1
        }
        var latest = applied
        var interviewCounts = [Int](repeating: 0, count: applied.count)
        var callCounts = [Int](repeating: 0, count: applied.count)
        var daysToFirst: [Int] = []

        // The zone of the previous row, kept: most interviews share the user's zone.
        var lastZone: (name: String, zone: TimeZone)?
        func date(_ instant: Date, _ name: String) throws -> CalendarDate {
            if lastZone?.name != name { lastZone = (name, try zone(name)) }
            return CalendarDate.containing(instant, in: lastZone!.zone)
        }

        for interview in rows.interviews {
            guard let index = position[interview.applicationID] else { continue }
            let day = try date(interview.heldAt, interview.tz)
            // Rows come by held_at within an application: the first is the first held.
            if interviewCounts[index] == 0 { daysToFirst.append(applied[index].days(to: day)) }
            interviewCounts[index] += 1
            if day > latest[index] { latest[index] = day }
        }
        var outcomeCounts: [String: Int] = [:]
        for group in rows.calls {
            guard let index = position[group.applicationID] else { continue }
            outcomeCounts[group.outcome, default: 0] += group.count
            callCounts[index] += group.count
            let day = try date(group.latest, group.tz)
            if day > latest[index] { latest[index] = day }
        }

        var companies: [String: Stats.Company] = [:]
        for (index, application) in rows.applications.enumerated() {
            let key = application.company
            // Changed in place: one lookup of the name, not one to read and one to write.
            companies[key, default: Stats.Company(key, lastActivity: latest[index])].count(
                interviews: interviewCounts[index], calls: callCounts[index], lastActivity: latest[index])
        }

        let count = rows.applications.count
        let interviewed = interviewCounts.count(where: { $0 > 0 })
        return Stats(
            since: since,
            applications: count,
            byStatus: Application.Status.allCases.map { ($0.rawValue, statusCounts[$0.rawValue] ?? 0) },
            interviewed: interviewed,
            interviewRate: count == 0 ? nil : Double(interviewed) / Double(count),
            offers: (statusCounts[Application.Status.offer.rawValue] ?? 0)
                + (statusCounts[Application.Status.accepted.rawValue] ?? 0),
            medianDaysToFirstInterview: Stats.median(daysToFirst),
            callsByOutcome: Stats.outcomes.map { ($0, outcomeCounts[$0] ?? 0) },
            companies: companies.values.sorted {
                ($0.lastActivity, $1.company) > ($1.lastActivity, $0.company)
            })
    }
}

extension Stats.Company {
    /// A company with nothing counted yet.
    fileprivate init(_ name: String, lastActivity day: CalendarDate) {
        self.init(company: name, applications: 0, interviews: 0, calls: 0, lastActivity: day)
    }

    /// One more application of the company, with its interviews, calls and latest day.
    fileprivate mutating func count(interviews: Int, calls: Int, lastActivity day: CalendarDate) {
        applications += 1
        self.interviews += interviews
        self.calls += calls
        lastActivity = max(lastActivity, day)
    }
}

/// The `stats` document of docs/commands.md §3.13.
public struct StatsJSON: Encodable {
    let stats: Stats

    public init(_ stats: Stats) {
        self.stats = stats
    }

    enum Keys: String, CodingKey {
        case since, applications, byStatus = "by_status", interviewed, interviewRate = "interview_rate", offers
        case medianDaysToFirstInterview = "median_days_to_first_interview", calls, companies
    }

    /// A key spelled at run time: statuses and outcomes as the command line spells them.
    struct Name: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    enum CompanyKeys: String, CodingKey {
        case company, applications, interviews, calls, lastActivity = "last_activity"
    }

    struct CompanyJSON: Encodable {
        let company: Stats.Company

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CompanyKeys.self)
            try container.encode(company.company, forKey: .company)
            try container.encode(company.applications, forKey: .applications)
            try container.encode(company.interviews, forKey: .interviews)
            try container.encode(company.calls, forKey: .calls)
            try container.encode(company.lastActivity.iso, forKey: .lastActivity)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(stats.since?.iso, forKey: .since)
        try container.encode(stats.applications, forKey: .applications)
        var statuses = container.nestedContainer(keyedBy: Name.self, forKey: .byStatus)
        for (status, count) in stats.byStatus { try statuses.encode(count, forKey: Name(status)) }
        try container.encode(stats.interviewed, forKey: .interviewed)
        try container.encode(stats.interviewRate, forKey: .interviewRate)
        try container.encode(stats.offers, forKey: .offers)
        try container.encode(stats.medianDaysToFirstInterview, forKey: .medianDaysToFirstInterview)
        var calls = container.nestedContainer(keyedBy: Name.self, forKey: .calls)
        try calls.encode(stats.totalCalls, forKey: Name("total"))
        for (outcome, count) in stats.callsByOutcome { try calls.encode(count, forKey: Name(outcome)) }
        try container.encode(stats.companies.map(CompanyJSON.init), forKey: .companies)
    }
}
