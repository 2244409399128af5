import Foundation
import Testing

@Suite("Export files, backup and import progress")
struct ExchangeFileTests {
    @Test("--output replaces the file atomically, 0600, leaving no temporary file behind")
    func atomicOutput() throws {
        let box = try Sandbox()
        try box.populateEverything()
        let folder = box.folder.appendingPathComponent("exports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("calls.ics").path
        try "old contents".write(toFile: target, atomically: false, encoding: .utf8)

        let outcome = try box.ok(["export", "--output", target])
        #expect(outcome.stdout.contains("calls.ics"), "the format comes from the extension: \(outcome)")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written == (try box.export("ics")))
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["calls.ics"])

        let json = try box.json([
            "export", "--format", "json", "--output", folder.appendingPathComponent("all.json").path,
        ])
        #expect(json["format"]?.string == "json")
        #expect(json["records"]?.int == 8)
    }

    @Test("an --output in a folder that does not exist is refused")
    func outputFolderMissing() throws {
        let box = try Sandbox()
        try box.expectRefusal(["export", "--output", box.path("missing/out.json")], mentioning: ["missing/out.json"])
    }

    @Test("backup copies every record to a new 0600 file that opens as a jobtrack database")
    func backupCopies() throws {
        let box = try Sandbox()
        try box.populateEverything()
        let target = box.path("backup.sqlite3")
        try box.ok(["backup", target])
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let copied = try box.run(["export"], withDB: false, environment: ["JOBTRACK_DB": target])
        #expect(copied.status == 0)
        #expect(copied.stdout == (try box.export("json")))
    }

    @Test("backup refuses a file that exists, and leaves it as it was")
    func backupRefusesExisting() throws {
        let box = try Sandbox()
        try box.add()
        let target = try box.file("precious.txt", "do not touch")
        try box.expectRefusal(["backup", target], mentioning: ["precious.txt", "already exists"])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "do not touch")
    }

    @Test("a backup taken while another process keeps adding applications holds every one committed before it")
    func backupWhileWriting() throws {
        let box = try Sandbox()
        let binary = try #require(JobtrackBinary.url)
        // The writer adds applications one process at a time until told to stop, so that
        // it is still writing when the backup has finished (the bound only ends a lost run).
        let stop = box.path("stop-writing")
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = [
            "-c",
            "i=0; while [ ! -e \"$3\" ] && [ $i -lt 2000 ]; do i=$((i+1)); "
                + "\"$0\" add \"Writer $i\" Role --db \"$1\" --now \"$2\" >/dev/null || exit 1; done",
            binary.path, box.db, box.now, stop,
        ]
        writer.environment = box.baseEnvironment
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        defer { if writer.isRunning { writer.terminate() } }

        let start = Date()
        // The sqlite3 shell, told to wait for the writer (it does not by default). A read
        // that fails fails the test: counting it as 0 would hide it.
        func committed() throws -> Int {
            let outcome = try runProgram(
                URL(fileURLWithPath: "/usr/bin/env"),
                ["sqlite3", "-cmd", ".timeout 10000", box.db, "SELECT count(*) FROM applications"],
                environment: box.baseEnvironment, scratch: box.folder)
            try #require(outcome.status == 0 && outcome.stderr.isEmpty, "sqlite3 could not count: \(outcome)")
            return try #require(
                Int(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)),
                "sqlite3 printed no count: \(outcome)")
        }
        func waitWhileWriting(until done: () throws -> Bool) throws {
            while try !done() && writer.isRunning && Date().timeIntervalSince(start) < 60 { usleep(20_000) }
        }
        try waitWhileWriting { try committed() >= 3 }
        let before = try committed()
        let target = box.path("backup.sqlite3")
        try box.ok(["backup", target])
        let after = try committed()
        // One more commit after the backup: the writer was at work all through it.
        try waitWhileWriting { try committed() > after }
        FileManager.default.createFile(atPath: stop, contents: nil)
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0, "the writer never had to fail")
        let total = try committed()
        #expect(
            0 < before && before < total,
            "the writer had not begun, or had finished, before the backup: \(before) of \(total)")
        #expect(after < total, "the writer had stopped by the time the backup finished: \(after) of \(total)")

        let list = try box.run(["list", "--json"], withDB: false, environment: ["JOBTRACK_DB": target])
        #expect(list.status == 0, "\(list)")
        let companies = try #require(try JSON.parse(list.stdout).array).compactMap { $0["company"]?.string }
        #expect(
            (before...after).contains(companies.count),
            "the backup holds what was committed before it began, and nothing after it ended: \(companies.count) not in \(before)...\(after)"
        )
        #expect(companies == (0..<companies.count).map { "Writer \($0 + 1)" })
    }

    /// A document of `count` applications, with no interviews.
    static func largeDocument(_ count: Int) -> String {
        let applications = (1...count).map { index in
            #"{"company": "Company \#(index)", "role": "Role", "status": "applied", "applied_on": "2026-11-20", "highlights": ["one"]}"#
        }
        return
            #"{"format": "jobtrack", "version": 1, "settings": {}, "applications": [\#(applications.joined(separator: ",\n"))]}"#
    }

    @Test("a large import piped to a file shows no progress")
    func noProgressWhenPiped() throws {
        let box = try Sandbox()
        let outcome = try box.ok(["import", box.file("large.json", Self.largeDocument(600))])
        #expect(outcome.stderr.isEmpty, "\(outcome)")
        #expect(outcome.stdout.contains("Imported 600 applications"))
    }

    @Test(
        "a large import on a terminal shows progress on stderr",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func progressOnTerminal() throws {
        let box = try Sandbox()
        let binary = try #require(JobtrackBinary.url)
        let file = try box.file("large.json", Self.largeDocument(600))
        // script(1) runs the command on a pseudo-terminal and copies what it shows.
        let command = [
            "'\(binary.path)'", "import", "'\(file)'", "--db", "'\(box.db)'", "--now", "'\(box.now)'",
            ">", "'\(box.path("stdout.txt"))'",
        ].joined(separator: " ")
        let outcome = try runProgram(
            URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"],
            environment: box.baseEnvironment, scratch: box.folder)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.contains("Importing 600/600 records (100%)"), "\(outcome)")
        let stdout = try String(contentsOfFile: box.path("stdout.txt"), encoding: .utf8)
        #expect(stdout.contains("Imported 600 applications"))
        #expect(!stdout.contains("Importing"), "progress goes to stderr only")
    }
}
