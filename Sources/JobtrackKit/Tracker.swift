import FollowUp
import Foundation
import JobStore

/// Where the database lives when no `--db` is given (docs/commands.md §3).
public enum DatabaseLocation {
    public static func path(option: String?, environment: [String: String]) -> String {
        if let option { return option }
        if let path = environment["JOBTRACK_DB"], !path.isEmpty { return path }
        let data: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            data = home + "/.local/share"
        }
        return data + "/jobtrack/jobtrack.sqlite3"
    }
}

/// The application's use cases: one method per thing a user does, each in one
/// transaction where it writes, each returning a value for a front end to print.
///
/// A tracker is one run: the open database, *now*, the user's zone and settings.
/// *Now* is passed in — the caller reads the wall clock once, and nothing here does.
public struct Tracker {
    let database: Database
    let repository: Repository
    /// The instant every rule is judged at.
    public let now: Date
    /// The user's own zone: the `timezone` setting, else the system's.
    public let userZone: TimeZone
    public let settings: FollowUpSettings
    /// What to tell the user besides the result (warnings that leave a change standing).
    public let notices: Notices
    let zones = ZoneCache()
    let holidays: HolidayCache
    /// The zone that stands in when no `timezone` is set.
    let systemZone: TimeZone

    /// Opens (creating and migrating when needed) the database at `path`. `now` is what
    /// the user asked *now* to be (`--now`), read on their clock, else `clock`.
    public init(path: String, now: DateTimeInput? = nil, clock: Date, systemZone: TimeZone = .current) throws {
        let database = try Database(path: path)
        let notices = Notices()
        if let copy = database.upgradeBackup { notices.add(Self.upgradeNotice(copy)) }
        try self.init(database: database, systemZone: systemZone, notices: notices) { userZone in
            try now?.resolve(now: clock, user: userZone) ?? clock
        }
    }

    /// A tracker over an open database, its settings read now; `now` is resolved on the user's zone.
    private init(database: Database, systemZone: TimeZone, notices: Notices, now: (TimeZone) throws -> Date) throws {
        self.database = database
        repository = Repository(database: database)
        self.notices = notices
        self.systemZone = systemZone
        let stored = try repository.settings()
        userZone = try Self.userZone(stored: stored, systemZone: systemZone)
        settings = try FollowUpSettings(stored: stored, timeZone: userZone)
        holidays = HolidayCache(enabled: settings.usesPublicHolidays)
        self.now = try now(userZone)
    }

    /// The same run — database, *now*, notices — with the settings read again: a change
    /// may have changed them since this tracker opened (an `undo` of `config`, an import
    /// that restores an export's settings).
    func reloaded() throws -> Tracker {
        try Tracker(database: database, systemZone: systemZone, notices: notices) { _ in now }
    }

    /// The user's zone: the `timezone` setting, else the system's.
    static func userZone(stored: [String: String], systemZone: TimeZone) throws -> TimeZone {
        guard let name = stored["timezone"] else { return systemZone }
        // `config` and `import` checked the name against the known zones when they stored it;
        // a direct lookup here spares every run ICU's list of all zones (bench/results.md).
        guard let zone = TimeZone(identifier: name) else { throw Refusal.badStoredSetting("timezone", name) }
        return zone
    }

    /// One line saying where the copy taken before an upgrade is (docs/files.md §4.4).
    static func upgradeNotice(_ copy: UpgradeBackup) -> String {
        copy.keptExisting
            ? "upgraded the database from schema \(copy.fromVersion); \(copy.path) already existed and was kept as it was"
            : "upgraded the database from schema \(copy.fromVersion); the old one is copied to \(copy.path)"
    }

    var engine: FollowUpEngine { FollowUpEngine(settings: settings) }

    /// The file this tracker reads and writes.
    public var databasePath: String { database.path }

    /// A stored interview's zone, as the zone database names it.
    public func zone(named name: String) -> TimeZone {
        zones.zone(named: name) ?? userZone
    }

    /// Today's date on the clock of `zone`.
    public func today(in zone: TimeZone) -> CalendarDate {
        CalendarDate.containing(now, in: zone)
    }
}

/// This build's version, as `--version` and the calendar's PRODID say it.
public enum JobtrackVersion {
    public static let current = "0.2.0"
}
