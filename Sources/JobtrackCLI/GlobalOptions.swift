import ArgumentParser
import FollowUp
import Foundation
import JobStore

/// The options every command takes: which database, what time it is, and JSON output.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (default: $JOBTRACK_DB, else $XDG_DATA_HOME/jobtrack/jobtrack.sqlite3).",
        valueName: "path"), transform: NonEmptyText.parse)
    var db: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Pretend it is this time (default: $JOBTRACK_NOW, else the clock).", valueName: "datetime"),
            transform: DateTimeInput.parse)
    var now: DateTimeInput?

    @Flag(name: .long, help: "Print one JSON document on stdout and nothing else.")
    var json = false
}

/// Where the database lives when no `--db` is given (SPEC §3).
enum DatabaseLocation {
    static func path(option: String?, environment: [String: String]) -> String {
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

/// One run of a command: the open database, *now*, the user's zone and settings.
/// The wall clock is read here, once, and nowhere else.
struct Session {
    let database: Database
    let repository: Repository
    let now: Date
    let userZone: TimeZone
    let settings: FollowUpSettings
    let json: Bool

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        // Checked before the file is opened, so that a bad value creates no database.
        let nowInput = try options.now ?? environment["JOBTRACK_NOW"].map { text in
            guard let value = DateTimeInput(text) else {
                throw Refusal.badEnvironment("JOBTRACK_NOW", DateTimeInput.expected)
            }
            return value
        }
        database = try Database(path: DatabaseLocation.path(option: options.db, environment: environment))
        repository = Repository(database: database)
        let stored = try repository.settings()
        userZone = try Self.userZone(stored: stored)
        settings = try FollowUpSettings(stored: stored, timeZone: userZone)
        let clock = Date()
        now = try nowInput?.resolve(now: clock, in: userZone) ?? clock
        json = options.json
    }

    /// The user's zone: the `timezone` setting, else the system's.
    static func userZone(stored: [String: String]) throws -> TimeZone {
        guard let name = stored["timezone"] else { return TimeZone.current }
        // `config` and `import` checked the name against the known zones when they stored it;
        // a direct lookup here spares every run ICU's list of all zones (bench/results.md).
        guard let zone = TimeZone(identifier: name) else { throw Refusal.badStoredSetting("timezone", name) }
        return zone
    }

    var engine: FollowUpEngine { FollowUpEngine(settings: settings) }

    /// A stored interview's zone; the user's if this machine does not know the name.
    func zone(named name: String) -> TimeZone {
        TimeZone(identifier: name) ?? userZone
    }

    func today(in zone: TimeZone) -> CalendarDate {
        CalendarDate.containing(now, in: zone)
    }
}
