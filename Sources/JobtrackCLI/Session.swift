import ArgumentParser
import Foundation
import JobtrackKit

/// The options every command takes: which database, what time it is, and JSON output.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file (default: $JOBTRACK_DB, else $XDG_DATA_HOME/jobtrack/jobtrack.sqlite3).",
            valueName: "path"), transform: ArgumentValue.nonEmpty)
    var db: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Pretend it is this time (default: $JOBTRACK_NOW, else the clock).", valueName: "datetime"),
        transform: DateTimeInput.parse)
    var now: DateTimeInput?

    @Flag(name: .long, help: "Print one JSON document on stdout and nothing else.")
    var json = false

    /// The database file these options name.
    func databasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        DatabaseLocation.path(option: db, environment: environment)
    }

    /// What *now* was asked to be: `--now`, else `$JOBTRACK_NOW`, else nothing (the clock).
    /// Checked before the file is opened, so that a bad value creates no database.
    func nowInput(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DateTimeInput? {
        try now
            ?? environment["JOBTRACK_NOW"].map { text in
                guard let value = DateTimeInput(text) else {
                    throw Refusal.badEnvironment("JOBTRACK_NOW", DateTimeInput.expected)
                }
                return value
            }
    }

    /// Opens the tracker for one run, at the run's one reading of the wall clock.
    func tracker(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Tracker {
        let nowInput = try nowInput(environment: environment)
        let tracker = try Tracker(path: databasePath(environment: environment), now: nowInput, clock: WallClock.now)
        NoticeBoard.watched.append(tracker.notices)
        return tracker
    }

    /// Opens the settings for one run, at the same reading of the clock as its tracker.
    func settingsBook(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SettingsBook {
        let nowInput = try nowInput(environment: environment)
        let book = try SettingsBook(path: databasePath(environment: environment), now: nowInput, clock: WallClock.now)
        NoticeBoard.watched.append(book.notices)
        return book
    }
}

/// The wall clock, read here once a run and nowhere else: a command that opens both a
/// settings book and a tracker judges both at one instant.
enum WallClock {
    static let now = Date()
}

/// The notices of every tracker a run opened, printed on stderr when the command is
/// done, whether it succeeded or was refused (an upgrade's copy is news either way).
/// A run is one thread: the list needs no lock.
enum NoticeBoard {
    nonisolated(unsafe) static var watched: [Notices] = []

    static func printAll() {
        for notices in watched { notices.drain().forEach { StandardStreams.warn($0) } }
    }
}
