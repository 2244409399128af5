import Foundation
import Testing

@testable import JobStore

/// Counts what a writer has committed, read by the test thread.
private final class Committed: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var stop = false
    private(set) var failure: String?

    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func requestStop() { lock.lock(); stop = true; lock.unlock() }
    var stopRequested: Bool { lock.lock(); defer { lock.unlock() }; return stop }
    func fail(_ text: String) { lock.lock(); failure = text; lock.unlock() }
}

@Suite("Online backup")
struct BackupTests {
    /// Opens the copy as jobtrack does, and checks SQLite's own view of it.
    private func openCopy(_ path: String) throws -> Database {
        let copy = try Database(path: path)
        let check = try copy.fetchOne("PRAGMA integrity_check") { $0.string(0) }
        #expect(check == "ok")
        let foreignKeys = try copy.fetchAll("PRAGMA foreign_key_check") { $0.string(0) }
        #expect(foreignKeys.isEmpty)
        return copy
    }

    @Test("the copy is a 0600 jobtrack database holding every record and setting")
    func copyHoldsEverything() throws {
        let fixture = try Fixture()
        let application = try fixture.application("Acme", highlights: ["Shipped payments", "Led a team"])
        let interview = try fixture.interview(of: application)
        try fixture.repository.insertCall(
            interviewID: interview.id, at: fixture.now.addingTimeInterval(3600), outcome: .badTime,
            callbackAt: fixture.now.addingTimeInterval(7200), number: "+1 555 0100", notes: "call back at 2")
        try fixture.application("Globex")
        try fixture.repository.setSetting("name", to: "Alex Doe")
        let target = fixture.folder.path("backup.sqlite3")

        try fixture.database.backup(to: target)

        #expect(try permissions(of: target) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: target + "-wal"), "a backup is one self-contained file")
        let header = try contents(of: target).prefix(100)
        #expect(Array(header[68..<72]) == [0x4A, 0x4F, 0x42, 0x54], "the copy carries jobtrack's mark")
        let copy = try openCopy(target)
        let copied = Repository(database: copy)
        #expect(try copied.histories(.all) == fixture.repository.histories(.all))
        #expect(try copied.settings() == ["name": "Alex Doe"])
    }

    @Test("an existing target is refused and left as it was, even an empty file")
    func refusesExistingTarget() throws {
        let fixture = try Fixture()
        try fixture.application()
        let target = fixture.folder.path("taken")
        for original in [Data("my thesis".utf8), Data()] {
            try original.write(to: URL(fileURLWithPath: target))
            #expect(throws: StoreError.backupTargetExists(path: target)) {
                try fixture.database.backup(to: target)
            }
            #expect(try contents(of: target) == original)
        }
        #expect(StoreError.backupTargetExists(path: target).description.contains("already exists"))
    }

    @Test("a target in a folder that does not exist is refused, and nothing is left behind")
    func refusesMissingFolder() throws {
        let fixture = try Fixture()
        let target = fixture.folder.path("missing/backup.sqlite3")
        #expect(throws: StoreError.self) { try fixture.database.backup(to: target) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("a backup taken while another connection keeps writing is consistent and holds every earlier commit")
    func backupWhileAnotherConnectionWrites() throws {
        let fixture = try Fixture()
        let path = fixture.database.path
        let committed = Committed()
        let writer = Thread {
            do {
                let database = try Database(path: path)
                let repository = Repository(database: database)
                var index = 0
                while !committed.stopRequested && index < 5_000 {
                    index += 1
                    // Each application with two highlights in one transaction: a copy
                    // that caught half a transaction would show one highlight.
                    try repository.insertApplication(
                        company: "Writer \(index)", role: "Engineer", appliedOn: "2026-11-02",
                        highlights: ["first", "second"], now: Date(timeIntervalSince1970: 1_796_000_000))
                    committed.add()
                }
            } catch {
                committed.fail(String(describing: error))
            }
        }
        writer.start()
        defer { committed.requestStop() }
        let start = Date()
        while committed.value < 20 && Date().timeIntervalSince(start) < 20 { usleep(2_000) }

        for round in 0..<3 {
            let before = committed.value
            let target = fixture.folder.path("backup-\(round).sqlite3")
            try fixture.database.backup(to: target)
            let copy = try openCopy(target)
            let applications = try copy.fetchOne("SELECT count(*) FROM applications") { $0.int(0) } ?? 0
            let highlights = try copy.fetchOne("SELECT count(*) FROM highlights") { $0.int(0) } ?? 0
            #expect(applications >= before, "every application committed before the backup began is in it")
            #expect(highlights == applications * 2, "no transaction is half in the copy")
            usleep(5_000)
        }
        committed.requestStop()
        while !writer.isFinished && Date().timeIntervalSince(start) < 30 { usleep(2_000) }
        #expect(committed.failure == nil, "the writer failed: \(committed.failure ?? "")")
    }

    @Test(
        "a backup taken while another process keeps writing holds every earlier commit",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs the sqlite3 shell"))
    func backupWhileAnotherProcessWrites() throws {
        let fixture = try Fixture()
        // The other process: the sqlite3 shell, committing one row at a time.
        var script = ".timeout 30000\n"
        for index in 1...20_000 {
            script += """
                INSERT INTO applications (company, role, status, applied_on, created_at, updated_at) \
                VALUES ('Process \(index)', 'Engineer', 'applied', '2026-11-02', 1, 1);

                """
        }
        let scriptURL = URL(fileURLWithPath: fixture.folder.path("writes.sql"))
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [fixture.database.path]
        process.standardInput = try FileHandle(forReadingFrom: scriptURL)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let reader = try Database(path: fixture.database.path)
        func committed() throws -> Int { try reader.fetchOne("SELECT count(*) FROM applications") { $0.int(0) } ?? 0 }
        let start = Date()
        while try committed() < 10 && process.isRunning && Date().timeIntervalSince(start) < 20 { usleep(2_000) }

        var takenWhileWriting = 0
        for round in 0..<3 {
            if process.isRunning { takenWhileWriting += 1 }
            let before = try committed()
            let target = fixture.folder.path("backup-\(round).sqlite3")
            try fixture.database.backup(to: target)
            let copy = try openCopy(target)
            let names = try copy.fetchAll("SELECT company FROM applications ORDER BY id") { $0.string(0) }
            #expect(names.count >= before, "every row committed before the backup began is in it")
            #expect(names == (0..<names.count).map { "Process \($0 + 1)" }, "the copy is a prefix of the writes")
            usleep(10_000)
        }
        #expect(takenWhileWriting > 0, "the writer finished before any backup could be taken")
    }
}
