import ArgumentParser
import Foundation
import JobtrackCLI
import JobtrackKit
import Testing

private func permissions(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

@Suite("where the database lives, what it refuses, and concurrent runs")
struct DatabaseFileTests {
    @Test(
        "without --db or JOBTRACK_DB, the database is $XDG_DATA_HOME/jobtrack/jobtrack.sqlite3, 0600 in a 0700 folder")
    func xdgDefault() throws {
        let sandbox = try Sandbox(zone: nil)
        let outcome = try sandbox.run(["add", "Acme", "Engineer"], withDB: false)
        #expect(outcome.status == 0, "\(outcome)")
        let folder = sandbox.path("xdg/jobtrack")
        let file = folder + "/jobtrack.sqlite3"
        try #require(exists(file), "no database at \(file)")
        #expect(try permissions(of: file) == 0o600)
        #expect(try permissions(of: folder) == 0o700)
        #expect(!exists(sandbox.db))
        let list = try sandbox.run(["list", "--json"], withDB: false)
        #expect(try JSON.parse(list.stdout).array?.count == 1, "\(list)")
    }

    @Test("without XDG_DATA_HOME, the database is ~/.local/share/jobtrack/jobtrack.sqlite3")
    func homeDefault() throws {
        let sandbox = try Sandbox(zone: nil)
        let outcome = try sandbox.run(["add", "Acme", "Engineer"], withDB: false, environment: ["XDG_DATA_HOME": nil])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(exists(sandbox.path("home/.local/share/jobtrack/jobtrack.sqlite3")))
    }

    @Test("JOBTRACK_DB names the database; --db overrides it")
    func environmentDB() throws {
        let sandbox = try Sandbox(zone: nil)
        let fromEnvironment = sandbox.path("env.sqlite3")
        let outcome = try sandbox.run(
            ["add", "Acme", "Engineer"], withDB: false,
            environment: ["JOBTRACK_DB": fromEnvironment])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(exists(fromEnvironment))
        #expect(!exists(sandbox.path("xdg/jobtrack/jobtrack.sqlite3")))
        #expect(try permissions(of: fromEnvironment) == 0o600)

        let overridden = try sandbox.run(["add", "Globex", "SRE"], environment: ["JOBTRACK_DB": fromEnvironment])
        #expect(overridden.status == 0, "\(overridden)")
        #expect(exists(sandbox.db))
        let inEnvironment = try sandbox.run(
            ["list", "--json"], withDB: false, environment: ["JOBTRACK_DB": fromEnvironment])
        #expect(try JSON.parse(inEnvironment.stdout).array?.map { $0["company"]?.string } == ["Acme"])
    }

    @Test("--db creates missing folders with mode 0700")
    func createsFolders() throws {
        let sandbox = try Sandbox(zone: nil)
        let nested = sandbox.path("a/b/jobtrack.sqlite3")
        let outcome = try sandbox.run(["add", "Acme", "Engineer", "--db", nested], withDB: false)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(try permissions(of: nested) == 0o600)
        #expect(try permissions(of: sandbox.path("a/b")) == 0o700)
    }

    @Test("JOBTRACK_NOW sets now; --now overrides it")
    func environmentNow() throws {
        let sandbox = try Sandbox()
        let fromEnvironment = try sandbox.run(
            ["add", "Acme", "Engineer", "--json"], withNow: false,
            environment: ["JOBTRACK_NOW": "2026-12-02T03:00:00Z"])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment)")
        #expect(try JSON.parse(fromEnvironment.stdout)["applied_on"] == .string("2026-12-01"))
        let overridden = try sandbox.run(
            ["add", "Acme", "Engineer", "--json"], now: "2026-11-20T12:00:00-05:00",
            environment: ["JOBTRACK_NOW": "2026-12-02T03:00:00Z"])
        #expect(try JSON.parse(overridden.stdout)["applied_on"] == .string("2026-11-20"))
    }

    @Test("a database path that is a text file is refused, the file unchanged byte for byte")
    func textFile() throws {
        let sandbox = try Sandbox(zone: nil)
        let path = sandbox.path("notes.txt")
        let text = Data("Call Dana on Wednesday.\nNot a database.\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        for arguments in [["add", "Acme", "Engineer"], ["agenda", "--json"], ["list"], ["config", "name", "Alex"]] {
            let outcome = try sandbox.run(arguments + ["--db", path], withDB: false)
            expectRefused(outcome)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text, "\(arguments) changed the file")
        }
        #expect(!exists(path + "-wal") && !exists(path + "-journal"))
    }

    @Test("another program's SQLite file is refused untouched")
    func foreignDatabase() throws {
        let sandbox = try Sandbox(zone: nil)
        let path = sandbox.path("other.sqlite3")
        let created = try runProgram(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["sqlite3", path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');"],
            environment: sandbox.baseEnvironment, scratch: sandbox.folder)
        try #require(created.status == 0, "\(created)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let outcome = try sandbox.run(["add", "Acme", "Engineer", "--db", path], withDB: false)
        expectRefused(outcome)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("a database written by a newer jobtrack is refused untouched")
    func newerDatabase() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        _ = try sandbox.query("PRAGMA user_version = 9999")
        #expect(try sandbox.query("PRAGMA user_version") == "9999")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: sandbox.db))
        let outcome = try sandbox.run(["add", "Globex", "SRE"])
        expectRefused(outcome)
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.db)) == bytes)
    }

    @Test("an empty file becomes a database")
    func emptyFile() throws {
        let sandbox = try Sandbox(zone: nil)
        _ = FileManager.default.createFile(atPath: sandbox.db, contents: Data())
        #expect(try sandbox.add() == 1)
        #expect(try sandbox.json(["list"]).array?.count == 1)
    }

    @Test("two processes logging calls at once both succeed, and every call is recorded")
    func concurrentCalls() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        let perWriter = 30
        let outcomes = Collected<Outcome>()
        let failures = Collected<String>()
        let group = DispatchGroup()
        for writer in 0..<2 {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                for index in 0..<perWriter {
                    do {
                        outcomes.append(
                            try sandbox.run([
                                "call", "1", "--outcome", "reached", "--note",
                                "writer \(writer) call \(index)",
                            ]))
                    } catch {
                        failures.append("\(error)")
                    }
                }
            }
            thread.start()
        }
        group.wait()
        #expect(failures.all.isEmpty, "\(failures.all)")
        let refused = outcomes.all.filter { $0.status != 0 }
        #expect(
            refused.isEmpty,
            "concurrent runs wait for each other rather than fail: \(refused.first.map(\.description) ?? "")")
        #expect(outcomes.all.count == 2 * perWriter)
        let application = try sandbox.json(["show", "1"])
        let notes = Set(application["interviews"]?[0]?["calls"]?.array?.compactMap { $0["notes"]?.string } ?? [])
        #expect(notes.count == 2 * perWriter, "every call recorded once")
    }
}

@Suite("help and version")
struct HelpTests {
    /// Every subcommand, in the order `jobtrack --help` lists them (docs/commands.md §3).
    static let commands = [
        "add", "list", "show", "edit", "status", "delete", "interview", "call", "voicemail", "thanks",
        "edit-interview", "edit-call", "delete-interview", "delete-call", "today", "agenda", "script", "stats",
        "report", "config", "export", "import", "backup", "undo", "log",
    ]

    /// Whether `text` has a line that begins with `prefix` followed by a space or the
    /// end of the line: `USAGE: jobtrack call` is not found in `USAGE: jobtrack edit-call …`.
    static func hasLine(_ text: String, beginning prefix: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: false).contains { line in
            line == prefix || line.hasPrefix(prefix + " ")
        }
    }

    @Test("the commands here are every subcommand the binary has, in its order")
    func everySubcommand() {
        let names = Jobtrack.configuration.subcommands.map { $0.configuration.commandName }
        #expect(names == Self.commands)
    }

    @Test("jobtrack --help lists every command, each on a line of its own")
    func help() throws {
        let sandbox = try Sandbox(zone: nil)
        let outcome = try sandbox.run(["--help"], withDB: false, withNow: false)
        #expect(outcome.status == 0, "\(outcome)")
        for command in Self.commands {
            #expect(
                Self.hasLine(outcome.stdout, beginning: "  \(command)"), "--help should list \(command): \(outcome)")
        }
    }

    @Test("each command explains itself with --help, its usage naming that command", arguments: commands)
    func commandHelp(_ command: String) throws {
        let sandbox = try Sandbox(zone: nil)
        let outcome = try sandbox.run([command, "--help"], withDB: false, withNow: false)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(
            Self.hasLine(outcome.stdout, beginning: "USAGE: jobtrack \(command)"),
            "the usage should be that of jobtrack \(command): \(outcome)")
        #expect(!exists(sandbox.path("xdg/jobtrack/jobtrack.sqlite3")), "help touches no database")
    }

    @Test("--version prints this build's version and a newline, nothing else")
    func version() throws {
        let sandbox = try Sandbox(zone: nil)
        let outcome = try sandbox.run(["--version"], withDB: false, withNow: false)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == JobtrackVersion.current + "\n", "\(outcome)")
        #expect(outcome.stderr.isEmpty, "\(outcome)")
    }
}
