import Foundation
import Testing

// End-to-end fixtures: every test runs the built `jobtrack` executable in a folder of
// its own, against its own database, at a fixed *now*, with an environment it sets
// itself (nothing inherited that could change the answer: no JOBTRACK_DB, no
// JOBTRACK_NOW, no colour, the system zone pinned to New York).

/// The built `jobtrack` executable. `swift test` runs the tests from the build
/// products folder, where `swift build` also put the binary.
enum JobtrackBinary {
    static let url: URL? = locate()

    /// The folders looked in, for the message when the binary is missing.
    static var searched: [String] { startingFolders.map(\.path) }

    private static var startingFolders: [URL] {
        var folders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: real).deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).standardizedFileURL.deletingLastPathComponent())
        }
        return folders
    }

    private static func locate() -> URL? {
        // On macOS the tests run inside `….xctest/Contents/MacOS`: also look a few folders up.
        for start in startingFolders {
            var folder = start
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("jobtrack")
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }
}

/// What one run of a program did.
struct Outcome: Sendable, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let stdout: String
    let stderr: String

    /// The lines of stderr, without the final newline.
    var stderrLines: [Substring] {
        var lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    var description: String {
        "`jobtrack \(arguments.joined(separator: " "))` exited \(status)\n--- stdout:\n\(stdout)--- stderr:\n\(stderr)---"
    }
}

enum RunError: Error, CustomStringConvertible {
    case timedOut([String])
    var description: String {
        switch self {
        case .timedOut(let arguments): return "timed out: \(arguments.joined(separator: " "))"
        }
    }
}

/// A process that a watchdog may terminate; `Process` itself is not `Sendable`.
private final class Watched: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
}

/// Runs an executable with exactly `environment`, stdin from /dev/null, and stdout and
/// stderr captured through files (no pipe to fill up and block on).
func runProgram(
    _ executable: URL, _ arguments: [String], environment: [String: String],
    scratch: URL, timeout: TimeInterval = 60
) throws -> Outcome {
    let token = UUID().uuidString
    let outURL = scratch.appendingPathComponent("out-\(token)")
    let errURL = scratch.appendingPathComponent("err-\(token)")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = scratch
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    let watched = Watched(process)
    let deadline = DispatchTime.now() + timeout
    let timedOut = Flag()
    DispatchQueue.global().asyncAfter(deadline: deadline) {
        if watched.process.isRunning {
            timedOut.set()
            watched.process.terminate()
        }
    }
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    if timedOut.isSet { throw RunError.timedOut(arguments) }
    let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
    let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
    return Outcome(arguments: arguments, status: process.terminationStatus, stdout: stdout, stderr: stderr)
}

/// A thread-safe boolean.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// A thread-safe list, for results gathered by several threads.
final class Collected<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []
    func append(_ item: Element) { lock.lock(); items.append(item); lock.unlock() }
    var all: [Element] { lock.lock(); defer { lock.unlock() }; return items }
}

/// The standard *now* of the tests: Wednesday 2026-12-02, 10:30 in New York, two
/// days after the Monday interview of docs/rules.md §2's worked examples.
let wednesdayMorning = "2026-12-02T10:30:00-05:00"
/// The Monday interview of docs/rules.md §2 (read in the interview's zone).
let mondayInterview = "2026-11-30T10:00"
/// The number Dana Reyes gave.
let danaPhone = "212-555-0100"
let newYork = "America/New_York"

/// One test's private world: a temporary folder, a database path inside it, a fixed
/// *now*, and the environment the child process sees.
final class Sandbox: Sendable {
    let folder: URL
    let db: String
    let now: String

    /// A fresh folder; with `zone`, the user's `timezone` setting is set first (for
    /// New York, from a copy of a database built once with `jobtrack config`).
    convenience init(now: String = wednesdayMorning, zone: String? = newYork) throws {
        if zone == newYork {
            try self.init(now: now, database: Templates.newYorkSetting.get())
        } else {
            try self.init(now: now, database: nil)
            if let zone { try ok(["config", "timezone", zone]) }
        }
    }

    /// A fresh folder whose database starts as a copy of `database`, if given.
    init(now: String, database: Data?) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtrack-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("home"),
            withIntermediateDirectories: true)
        db = folder.appendingPathComponent("jobtrack.sqlite3").path
        self.now = now
        if let database {
            try database.write(to: URL(fileURLWithPath: db))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: db)
        }
    }

    /// The database file as it is now, for use as a template. jobtrack has exited, so
    /// SQLite has checkpointed its log into the main file.
    func snapshot() throws -> Data {
        try #require(!FileManager.default.fileExists(atPath: db + "-wal"), "the database still has a write-ahead log")
        return try Data(contentsOf: URL(fileURLWithPath: db))
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The child's whole environment: New York as the system zone, no colour, data and
    /// home inside the sandbox, and nothing of jobtrack's own unless a test adds it.
    var baseEnvironment: [String: String] {
        [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": path("home"),
            "TZ": newYork,
            "NO_COLOR": "1",
            "XDG_DATA_HOME": path("xdg"),
            "LANG": "C.UTF-8",
        ]
    }

    /// Runs `jobtrack arguments…`, appending `--db` and `--now` unless told not to.
    /// `environment` adds variables to the base environment; a nil value removes one.
    func run(
        _ arguments: [String], now: String? = nil, withDB: Bool = true, withNow: Bool = true,
        environment: [String: String?] = [:]
    ) throws -> Outcome {
        let binary = try #require(
            JobtrackBinary.url,
            "the jobtrack executable was not found next to the tests (looked in \(JobtrackBinary.searched)); run `swift build` first"
        )
        var full = arguments
        if withDB { full += ["--db", db] }
        if withNow { full += ["--now", now ?? self.now] }
        var env = baseEnvironment
        for (key, value) in environment { env[key] = value }
        return try runProgram(binary, full, environment: env, scratch: folder)
    }

    /// Runs a command that must succeed, and returns what it printed.
    @discardableResult
    func ok(_ arguments: [String], now: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> Outcome
    {
        let outcome = try run(arguments, now: now)
        try #require(outcome.status == 0, "expected success: \(outcome)", sourceLocation: sourceLocation)
        return outcome
    }

    /// Runs a command with `--json`; it must succeed and print one JSON document and
    /// nothing else, without colour.
    func json(_ arguments: [String], now: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> JSON
    {
        let outcome = try ok(arguments + ["--json"], now: now, sourceLocation: sourceLocation)
        #expect(
            !outcome.stdout.contains("\u{1B}"), "colour codes in JSON output: \(outcome)",
            sourceLocation: sourceLocation)
        do {
            return try JSON.parse(outcome.stdout)
        } catch {
            Issue.record("stdout is not one JSON document (\(error)): \(outcome)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// The logical content of the database: its SQL dump plus its mark and version,
    /// which survive checkpoints that change the raw bytes.
    func dump(_ database: String? = nil) throws -> String {
        let outcome = try runProgram(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["sqlite3", database ?? db, ".dump", "PRAGMA application_id;", "PRAGMA user_version;"],
            environment: baseEnvironment, scratch: folder)
        try #require(outcome.status == 0, "sqlite3 could not dump the database: \(outcome)")
        return outcome.stdout
    }

    /// One value from the database through the sqlite3 shell, to see what the CLI
    /// cannot show (e.g. that a delete cascaded).
    func query(_ sql: String) throws -> String {
        let outcome = try runProgram(
            URL(fileURLWithPath: "/usr/bin/env"), ["sqlite3", db, sql],
            environment: baseEnvironment, scratch: folder)
        try #require(outcome.status == 0, "sqlite3 failed: \(outcome)")
        return outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a command that must be refused (docs/files.md §4): non-zero exit, exactly one
    /// non-empty line on stderr, nothing on stdout, and the database exactly as it was.
    @discardableResult
    func expectRefusal(
        _ arguments: [String], now: String? = nil, environment: [String: String?] = [:],
        mentioning fragments: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Outcome {
        let before = try dump()
        let outcome = try run(arguments, now: now, environment: environment)
        let after = try dump()
        expectRefused(outcome, mentioning: fragments, sourceLocation: sourceLocation)
        #expect(before == after, "the database changed: \(outcome)", sourceLocation: sourceLocation)
        return outcome
    }

    // MARK: Building histories with the real commands

    /// `add`, returning the new application's id.
    @discardableResult
    func add(
        _ company: String = "Acme", _ role: String = "Platform Engineer", _ options: [String] = [],
        now: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Int {
        let application = try json(["add", company, role] + options, now: now, sourceLocation: sourceLocation)
        return try #require(application["id"]?.int, "add printed no id: \(application)", sourceLocation: sourceLocation)
    }

    /// `interview <id> --at … --with Dana Reyes --phone … --tz America/New_York`.
    @discardableResult
    func interview(
        _ id: Int, at: String = mondayInterview, phone: String? = danaPhone,
        with interviewer: String? = "Dana Reyes", tz: String? = newYork, _ options: [String] = [],
        now: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> JSON {
        var arguments = ["interview", String(id), "--at", at]
        if let interviewer { arguments += ["--with", interviewer] }
        if let phone { arguments += ["--phone", phone] }
        if let tz { arguments += ["--tz", tz] }
        return try json(arguments + options, now: now, sourceLocation: sourceLocation)
    }

    /// The agenda object of one application, from `agenda --all --json`.
    func agendaEntry(_ id: Int, now: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSON {
        let agenda = try json(["agenda", "--all"], now: now, sourceLocation: sourceLocation)
        let entries = try #require(agenda.array, "agenda is not an array: \(agenda)", sourceLocation: sourceLocation)
        return try #require(
            entries.first { $0["id"]?.int == id }, "no agenda object for \(id): \(agenda)",
            sourceLocation: sourceLocation)
    }
}

/// Databases built once per test run with the real commands and copied into each
/// sandbox that starts from them, which keeps the suite fast on two cores.
enum Templates {
    /// Nothing but `timezone = America/New_York`.
    static let newYorkSetting: Result<Data, any Error> = Result {
        let sandbox = try Sandbox(now: wednesdayMorning, database: nil)
        try sandbox.ok(["config", "timezone", newYork])
        return try sandbox.snapshot()
    }
}

/// The shape of a refusal, without the database check.
func expectRefused(
    _ outcome: Outcome, mentioning fragments: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(outcome.status != 0, "expected a refusal: \(outcome)", sourceLocation: sourceLocation)
    #expect(outcome.stdout.isEmpty, "a refusal printed on stdout: \(outcome)", sourceLocation: sourceLocation)
    let lines = outcome.stderrLines
    #expect(
        lines.count == 1, "a refusal explains itself in exactly one line on stderr: \(outcome)",
        sourceLocation: sourceLocation)
    #expect(
        lines.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
        "the refusal's line is empty: \(outcome)", sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(
            outcome.stderr.contains(fragment), "the refusal should mention \"\(fragment)\": \(outcome)",
            sourceLocation: sourceLocation)
    }
}

/// The digits of a phone number, which is how numbers are compared (docs/commands.md §3).
func digits(_ text: String) -> String { text.filter(\.isASCII).filter(\.isNumber) }
