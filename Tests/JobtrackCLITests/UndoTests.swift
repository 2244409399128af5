import Foundation
import Testing

// docs/commands.md §3.9 and docs/undo.md, end to end: every command that
// changes records or settings, undone, gives back the records exactly — the JSON export
// byte for byte and the SQL of the record tables row for row, ids included.

/// The tables that hold records and settings. The journal's own tables change with
/// every change and every undo; these must not, across a change and its undo.
private let recordTables = ["applications", "highlights", "interviews", "call_attempts", "settings"]

/// *now* for the change under test: a quarter of an hour after the sandbox's own, so
/// that the log's `at` is seen to be the change's *now* and not the undo's.
private let changeNow = "2026-12-02T10:45:00-05:00"

/// The records as the user sees them and as SQLite holds them.
private struct RecordState: Equatable, CustomStringConvertible {
    let export: String
    let dump: String
    var description: String { "export:\n\(export)\ndump:\n\(dump)" }
}

extension Sandbox {
    /// `.dump` of the record tables only (no journal, no sqlite_sequence).
    fileprivate func recordDump() throws -> String {
        let outcome = try runProgram(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["sqlite3", db, ".dump " + recordTables.joined(separator: " ")],
            environment: baseEnvironment, scratch: folder)
        try #require(outcome.status == 0, "sqlite3 could not dump the database: \(outcome)")
        return outcome.stdout
    }

    fileprivate func records() throws -> RecordState {
        RecordState(export: try export("json"), dump: try recordDump())
    }

    /// `log --json`, newest first.
    fileprivate func changeLog(_ options: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [JSON]
    {
        let log = try json(["log"] + options, sourceLocation: sourceLocation)
        return try #require(log.array, "log --json is not an array: \(log)", sourceLocation: sourceLocation)
    }

    /// The ids of an application's interviews and of their calls, from `show --json`.
    fileprivate func interviewAndCallIDs(_ id: Int) throws -> (interviews: [Int], calls: [Int]) {
        let shown = try json(["show", String(id)])
        let interviews = shown["interviews"]?.array ?? []
        return (
            interviews.compactMap { $0["id"]?.int },
            interviews.flatMap { $0["calls"]?.array ?? [] }.compactMap { $0["id"]?.int }
        )
    }
}

/// The instant of a change's `at`.
private func moment(_ change: JSON) -> Date? {
    change["at"]?.string.flatMap(Instant.init)?.date
}

/// A change of `log --json` with its `at` as an instant, whatever clock it is written on.
private func comparable(_ change: JSON) -> String {
    let fields = [change["id"], change["command"], change["summary"], change["undone"]].map { $0?.description ?? "-" }
    return (fields + [moment(change).map { String($0.timeIntervalSince1970) } ?? "-"]).joined(separator: " ")
}

/// A JSON document of `count` applications, each with highlights and none with interviews.
private func generatedDocument(_ count: Int) -> String {
    let applications = (1...count).map { index in
        #"{"company": "Bulk \#(index)", "role": "Role \#(index % 7)", "status": "applied", "applied_on": "2026-11-\#(10 + index % 19)", "highlights": ["one", "two \#(index)"]}"#
    }
    return
        #"{"format": "jobtrack", "version": 1, "settings": {}, "applications": [\#(applications.joined(separator: ",\n"))]}"#
}

/// An export with a setting, an interview and a call, to append to a database that has applications.
private let appendDocument = #"""
    {"format": "jobtrack", "version": 1, "settings": {"name": "Someone Else"}, "applications": [
      {"company": "Wonka", "role": "Chocolatier", "status": "interviewing", "applied_on": "2026-11-10",
       "url": "https://wonka.test", "notes": "golden ticket", "highlights": ["Candy at scale", "Rivers of chocolate"],
       "interviews": [{"held_at": "2026-11-24T10:00:00-05:00", "tz": "America/New_York", "country": null,
         "interviewer": "Willy", "phone": "+1 555 0111", "decision_by": "2026-12-04", "after_hours_ok": true,
         "busy": ["09:00-10:00", "Mon-Fri 13:00-14:00"], "thanked_at": "2026-11-24T18:00:00-05:00", "notes": null,
         "calls": [{"at": "2026-11-25T11:00:00-05:00", "outcome": "bad-time", "callback_at": "2026-11-26T11:00:00-05:00",
                    "decision_by": null, "number": "+1 555 0111", "notes": "busy"}]}]},
      {"company": "Stark", "role": "Engineer", "status": "applied", "applied_on": "2026-11-12", "highlights": []}
    ]}
    """#

private let csvDocument = """
    company,role,status,applied_on,url,notes,highlights
    Initrode,Engineer,applied,2026-11-15,https://initrode.test,"a note, with a comma","one
    two"
    Vandelay,Importer,rejected,2026-11-16,,,
    """

/// What the database holds before the change.
enum UndoStart: Sendable {
    /// `populateEverything`: eight applications, every kind of record, every setting.
    case everything
    /// Only the New York `timezone` setting, no applications.
    case empty
}

/// One changing command to run and undo.
struct UndoCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// The subcommand's name, as `log` must show it.
    let command: String
    let start: UndoStart
    /// The arguments; a file to import is written into the sandbox first.
    let arguments: @Sendable (Sandbox) throws -> [String]

    init(
        _ name: String, _ command: String, start: UndoStart = .everything,
        _ arguments: @escaping @Sendable (Sandbox) throws -> [String]
    ) {
        self.name = name
        self.command = command
        self.start = start
        self.arguments = arguments
    }

    init(_ name: String, _ command: String, start: UndoStart = .everything, _ arguments: [String]) {
        self.init(name, command, start: start) { _ in arguments }
    }

    var testDescription: String { name }

    static let all: [UndoCase] = [
        UndoCase(
            "add with highlights, url and note", "add",
            [
                "add", "Initrode", "Engineer", "--highlight", "one", "--highlight", "two", "--url", "https://i.test",
                "--note", "n", "--applied-on", "2026-11-28",
            ]),
        UndoCase("add into a database with no applications", "add", start: .empty, ["add", "Acme", "Engineer"]),
        UndoCase(
            "edit of every field, the note cleared", "edit",
            [
                "edit", "1", "--company", "Renamed", "--role", "Other", "--applied-on", "2026-11-21",
                "--url", "https://renamed.test", "--note", "",
            ]),
        UndoCase("status", "status", ["status", "2", "rejected"]),
        UndoCase(
            "delete --yes of an application with highlights, interviews and calls", "delete",
            ["delete", "1", "--yes"]),
        UndoCase("delete --yes of an application with two interviews", "delete", ["delete", "4", "--yes"]),
        UndoCase(
            "interview, moving applied to interviewing", "interview",
            [
                "interview", "8", "--at", "2026-12-01 10:00", "--with", "Pat", "--phone", "555-0100", "--tz",
                "Europe/Berlin",
                "--country", "DE", "--busy", "Mon 09:00-10:00", "--decision-by", "2026-12-10", "--after-hours-ok",
                "--note", "went well",
            ]),
        UndoCase("call reached", "call", ["call", "1", "--outcome", "reached", "--at", "2026-12-02 10:00"]),
        UndoCase(
            "call reached with --decision-by", "call",
            ["call", "1", "--outcome", "reached", "--at", "2026-12-02 10:00", "--decision-by", "2026-12-09"]),
        UndoCase(
            "call reached with --callback-at and --decision-by", "call",
            [
                "call", "1", "--outcome", "reached", "--at", "2026-12-02 10:00", "--callback-at", "2026-12-04 11:00",
                "--decision-by", "2026-12-09",
            ]),
        UndoCase(
            "call bad-time with --callback-at", "call",
            [
                "call", "1", "--outcome", "bad-time", "--at", "2026-12-02 10:00", "--callback-at", "2026-12-03 15:00",
                "--note", "in a meeting",
            ]),
        UndoCase("call no-answer", "call", ["call", "1", "--outcome", "no-answer", "--at", "2026-12-02 10:00"]),
        UndoCase("call voicemail", "call", ["call", "1", "--outcome", "voicemail", "--at", "2026-12-02 10:00"]),
        UndoCase("call wrote", "call", ["call", "1", "--outcome", "wrote", "--at", "2026-12-02 10:00"]),
        UndoCase(
            "call past max_attempts, logged with a warning", "call",
            ["call", "3", "--outcome", "no-answer", "--at", "2026-12-02 09:00"]),
        UndoCase("voicemail", "voicemail", ["voicemail", "1", "--at", "2026-12-02 10:00", "--note", "left one"]),
        UndoCase("thanks", "thanks", ["thanks", "2", "--at", "2026-11-27 18:00"]),
        UndoCase("config set of a setting already set", "config", ["config", "name", "Somebody New"]),
        UndoCase("config set of a setting not set before", "config", ["config", "quiet_after", "5"]),
        UndoCase("config --unset", "config", ["config", "max_attempts", "--unset"]),
        UndoCase("config set of the timezone", "config", ["config", "timezone", "Europe/London"]),
        UndoCase("import of JSON into a database with applications", "import") { box in
            ["import", try box.file("append.json", appendDocument)]
        },
        UndoCase("import of JSON into an empty database, a restore with settings", "import", start: .empty) { box in
            let source = try Sandbox()
            try source.populateEverything()
            return ["import", try box.file("restore.json", try source.export("json"))]
        },
        UndoCase("import of CSV", "import") { box in
            ["import", try box.file("applications.csv", csvDocument), "--format", "csv"]
        },
    ]
}

@Suite("undo and log, end to end")
struct UndoTests {
    /// A sandbox holding `start`.
    static func sandbox(_ start: UndoStart) throws -> Sandbox {
        let box = try Sandbox()
        if start == .everything { try box.populateEverything() }
        return box
    }

    @Test(
        "a change then undo gives back the export byte for byte and the record tables row for row",
        arguments: UndoCase.all)
    func changeThenUndo(_ undoCase: UndoCase) throws {
        let box = try Self.sandbox(undoCase.start)
        let arguments = try undoCase.arguments(box)
        let logBefore = try box.changeLog()
        let before = try box.records()

        try box.ok(arguments, now: changeNow)
        #expect(try box.records() != before, "the command changed nothing")
        let logged = try box.changeLog()
        try #require(logged.count == logBefore.count + 1, "not one new change: \(logged)")
        #expect(logged[0]["command"]?.string == undoCase.command)
        // The same moment; `config timezone` changes the clock it is written on.
        #expect(moment(logged[0]) == Instant(changeNow)?.date, "\(logged[0])")
        #expect(logged[0]["undone"]?.bool == false)
        #expect(logged[0]["summary"]?.string?.isEmpty == false)

        let undone = try box.json(["undo"])
        #expect(undone["id"] == logged[0]["id"])
        #expect(undone["command"]?.string == undoCase.command)
        #expect(undone["undone"]?.bool == true)
        let after = try box.records()
        #expect(after.export == before.export, "the export differs after undo")
        #expect(after.dump == before.dump, "the record tables differ after undo")
        #expect(try box.query("PRAGMA foreign_key_check") == "")
        // The log keeps the change, marked undone, and nothing else moved.
        let relogged = try box.changeLog()
        #expect(relogged.count == logged.count)
        #expect(relogged[0]["undone"]?.bool == true)
        #expect(relogged.dropFirst().map(comparable) == logged.dropFirst().map(comparable))
    }

    @Test("undo twice steps back twice, and the log marks both undone")
    func undoTwice() throws {
        let box = try Self.sandbox(.everything)
        let start = try box.records()
        try box.ok(["call", "1", "--outcome", "voicemail", "--at", "2026-12-02 10:00"], now: changeNow)
        let middle = try box.records()
        try box.ok(["delete", "1", "--yes"], now: changeNow)
        #expect(try box.records() != middle)

        #expect(try box.json(["undo"])["command"]?.string == "delete")
        #expect(try box.records() == middle)
        #expect(try box.json(["undo"])["command"]?.string == "call")
        #expect(try box.records() == start)
        let log = try box.changeLog(["--limit", "2"])
        #expect(log.map { $0["command"]?.string } == ["delete", "call"])
        #expect(log.allSatisfy { $0["undone"]?.bool == true })
    }

    @Test("undo of delete --yes brings back the application, its interviews and calls under the same ids")
    func undoDeleteKeepsIDs() throws {
        let box = try Self.sandbox(.everything)
        for id in [1, 4] {
            let ids = try box.interviewAndCallIDs(id)
            try #require(!ids.interviews.isEmpty)
            let shown = try box.json(["show", String(id)])
            try box.ok(["delete", String(id), "--yes"])
            expectRefused(try box.run(["show", String(id)]))
            try box.ok(["undo"])
            let back = try box.interviewAndCallIDs(id)
            #expect(back.interviews == ids.interviews)
            #expect(back.calls == ids.calls)
            #expect(try box.json(["show", String(id)]) == shown)
        }
        // Application 1 has two calls, so the calls' ids were seen to come back too.
        #expect(try box.interviewAndCallIDs(1).calls.count == 2)
    }

    @Test("undo of an import of 1,000 applications removes all 1,000")
    func undoLargeImport() throws {
        let box = try Sandbox()
        try box.add("Acme", "Engineer", ["--highlight", "kept"])
        let before = try box.records()
        let report = try box.json(["import", try box.file("bulk.json", generatedDocument(1000))])
        #expect(report["applications"]?.array?.count == 1000)
        #expect(try box.query("SELECT count(*) FROM applications") == "1001")
        #expect(try box.query("SELECT count(*) FROM highlights") == "2001")
        let undone = try box.json(["undo"])
        #expect(undone["command"]?.string == "import")
        #expect(try box.query("SELECT count(*) FROM applications") == "1")
        #expect(try box.records() == before)
        // The next application gets a new id, after the 1,000 undone ones.
        #expect(try box.add("Globex", "PM") == 1002)
    }

    @Test("nothing left to undo is refused with one line and changes nothing")
    func nothingToUndo() throws {
        let box = try Sandbox()
        try box.add()
        try box.ok(["undo"])  // the add
        try box.ok(["undo"])  // the timezone setting the sandbox starts with
        let log = try box.changeLog()
        try box.expectRefusal(["undo"], mentioning: ["nothing to undo"])
        try box.expectRefusal(["undo", "--json"], mentioning: ["nothing to undo"])
        #expect(try box.changeLog() == log)
        #expect(log.count == 2 && log.allSatisfy { $0["undone"]?.bool == true })
    }

    @Test("undo --json prints the change it undid, with undone true")
    func undoJSON() throws {
        let box = try Sandbox()
        let id = try box.add("Acme", "Engineer", now: changeNow)
        let logged = try #require(try box.changeLog().first)
        let undone = try box.json(["undo"])
        #expect(undone.keys == ["id", "at", "command", "summary", "undone"])
        #expect(undone["id"] == logged["id"])
        #expect(undone["at"]?.string == changeNow)
        #expect(undone["command"]?.string == "add")
        #expect(undone["summary"] == logged["summary"])
        #expect(undone["summary"]?.string?.contains("#\(id) Acme") == true)
        #expect(undone["undone"]?.bool == true)
        // As text: what it undid, in one line.
        try box.add("Globex", "PM")
        let text = try box.ok(["undo"])
        #expect(text.stdout.hasPrefix("Undid: "), "\(text)")
        #expect(text.stdout.contains("Globex"))
    }

    @Test("text with line breaks is one line a record in add's confirmation, log, undo and delete")
    func lineBreaksShownAsSpaces() throws {
        let box = try Sandbox()
        let added = try box.ok(["add", "Multi\nLine Co", "Role\r\nTwo"]).stdout
        #expect(added.hasPrefix("Added #1 Multi Line Co — Role Two, applied "), "\(added)")
        let log = try box.ok(["log"]).stdout.split(separator: "\n")
        #expect(log.count == 2, "one line per change: \(log)")
        #expect(log.first?.hasSuffix("added #1 Multi Line Co — Role Two") == true, "\(log)")
        #expect(try box.ok(["undo"]).stdout == "Undid: added #1 Multi Line Co — Role Two.\n")
        try box.add("Multi\nLine Co", "Role\r\nTwo")
        #expect(try box.ok(["delete", "2", "--yes"]).stdout == "Deleted #2 Multi Line Co — Role Two.\n")
        // JSON keeps the text as it is.
        #expect(
            try box.changeLog().first?["summary"]?.string?.hasPrefix("deleted #2 Multi\nLine Co — Role\r\nTwo") == true)
    }

    @Test("log lists the changes newest first, each with its subcommand's name and its own now")
    func logNewestFirst() throws {
        let box = try Sandbox()
        let steps: [(arguments: [String], now: String, command: String)] = [
            (["add", "Acme", "Engineer"], "2026-11-30T09:00:00-05:00", "add"),
            (
                ["interview", "1", "--at", "2026-11-30 10:00", "--with", "Dana", "--phone", danaPhone],
                "2026-11-30T12:00:00-05:00", "interview"
            ),
            (["thanks", "1", "--at", "2026-11-30 18:00"], "2026-11-30T19:00:00-05:00", "thanks"),
            (["call", "1", "--outcome", "no-answer", "--at", "2026-12-01 11:00"], "2026-12-01T11:05:00-05:00", "call"),
            (["voicemail", "1", "--at", "2026-12-02 10:00"], "2026-12-02T10:05:00-05:00", "voicemail"),
            (["config", "name", "Alex"], "2026-12-02T10:10:00-05:00", "config"),
            (["edit", "1", "--note", "n"], "2026-12-02T10:15:00-05:00", "edit"),
            (["status", "1", "offer"], "2026-12-02T10:20:00-05:00", "status"),
        ]
        for step in steps { try box.ok(step.arguments, now: step.now) }
        let log = try box.changeLog()
        // The sandbox's own `config timezone` comes first of all.
        try #require(log.count == steps.count + 1, "\(log)")
        #expect(log.dropLast().map { $0["command"]?.string } == steps.reversed().map(\.command))
        #expect(log.dropLast().map { $0["at"]?.string } == steps.reversed().map(\.now))
        #expect(log.last?["command"]?.string == "config")
        let ids = log.compactMap { $0["id"]?.int }
        #expect(ids == ids.sorted(by: >) && Set(ids).count == ids.count)
        for entry in log { expectKeys(entry, ["id", "at", "command", "summary", "undone"], "change") }
        #expect(log.allSatisfy { $0["undone"]?.bool == false })

        for bad in ["0", "-3", "two"] {
            try box.expectRefusal(["log", "--limit", bad], mentioning: ["--limit", "at least 1"])
        }
        let limited = try box.changeLog(["--limit", "2"])
        #expect(limited == Array(log.prefix(2)))
        #expect(limited.map { $0["command"]?.string } == ["status", "edit"])

        // As text: one line a change, newest first.
        let text = try box.ok(["log"]).stdout.split(separator: "\n")
        #expect(text.count == log.count)
        #expect(text.first?.contains("status") == true)
        #expect(text.first?.contains("Wed Dec 2 10:20") == true, "\(text)")
        let limitedText = try box.ok(["log", "--limit", "2"]).stdout.split(separator: "\n")
        #expect(limitedText.count == 2)
    }

    @Test("an id freed by an undone add is not used again")
    func freedIDNotReused() throws {
        let box = try Sandbox()
        #expect(try box.add("Acme", "Engineer") == 1)
        try box.ok(["undo"])
        #expect(try box.add("Acme", "Engineer") == 2)
        // Interviews and calls too.
        try box.interview(2)
        try box.ok(["call", "2", "--outcome", "voicemail", "--at", "2026-12-01 11:00"])
        try box.ok(["undo"])
        try box.ok(["undo"])
        let interview = try box.interview(2)
        #expect(interview["interviews"]?[0]?["id"]?.int == 2)
        let called = try box.json(["call", "2", "--outcome", "voicemail", "--at", "2026-12-01 11:00"])
        #expect(called["interviews"]?[0]?["calls"]?[0]?["id"]?.int == 2)
    }

    @Test("a refused command journals nothing: the log and the whole database are as they were")
    func refusalJournalsNothing() throws {
        let box = try Self.sandbox(.everything)
        let log = try box.changeLog()
        let refusals: [[String]] = [
            ["add", " ", "Engineer"],
            ["edit", "99", "--company", "X"],
            ["edit", "1"],
            ["status", "1", "closed"],
            ["delete", "1"],
            ["delete", "99", "--yes"],
            ["interview", "1", "--at", "2026-12-01 10:00", "--decision-by", "2026-11-01"],
            ["interview", "1", "--at", "2026-12-01 10:00", "--tz", "Mars/Olympus"],
            ["call", "1", "--outcome", "reached", "--at", "2026-12-02 11:00"],
            ["call", "1", "--outcome", "bad-time", "--at", "2026-12-02 10:00"],
            ["call", "1", "--outcome", "voicemail", "--at", "2026-12-02 10:00", "--decision-by", "2026-12-09"],
            ["call", "1", "--outcome", "reached", "--number", "555 0199"],
            ["call", "8", "--outcome", "reached"],
            ["voicemail", "1", "--at", "2026-11-29 10:00"],
            ["thanks", "8"],
            ["thanks", "1", "--at", "2026-12-03 10:00"],
            ["config", "max_attempts", "lots"],
            ["config", "timezone", "Mars/Olympus"],
            [
                "import",
                try box.file(
                    "broken.json", #"{"format": "jobtrack", "version": 1, "applications": [{"company": ""}]}"#),
            ],
            ["import", try box.file("broken.csv", "company,role\nAcme,\n"), "--format", "csv"],
        ]
        for arguments in refusals {
            try box.expectRefusal(arguments)
        }
        #expect(try box.changeLog() == log)
    }

    @Test("a relative calendar file is stored by its full path: a command run from another folder writes the same file")
    func relativeCalendarFile() throws {
        let box = try Sandbox()
        try box.ok(["config", "calendar_file", "calls.ics"])
        #expect(try box.ok(["config", "calendar_file"]).stdout == box.path("calls.ics") + "\n")
        let elsewhere = box.folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let binary = try #require(JobtrackBinary.url)
        let added = try runProgram(
            binary, ["add", "Acme", "Engineer", "--db", box.db, "--now", box.now], environment: box.baseEnvironment,
            scratch: elsewhere)
        #expect(added.status == 0 && added.stderr.isEmpty, "\(added)")
        #expect(FileManager.default.fileExists(atPath: box.path("calls.ics")))
        #expect(!FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("calls.ics").path))
        try box.ok(["config", "calendar_file", "--unset"])
        #expect(try box.ok(["config", "calendar_file"]).stdout == "\n")
    }

    @Test("undo of a change to a setting rewrites the calendar file with the settings as they are again")
    func undoRewritesCalendarWithRestoredSettings() throws {
        let box = try Sandbox()
        let calendar = box.path("calls.ics")
        try box.ok(["config", "calendar_file", calendar])
        let id = try box.add()
        try box.interview(id)
        let original = try box.export("ics")
        #expect(try String(contentsOfFile: calendar, encoding: .utf8) == original)
        // Later business hours move the next call, in the export and the file alike.
        try box.ok(["config", "business_hours", "14:00-16:00"])
        let moved = try box.export("ics")
        #expect(moved != original)
        #expect(try String(contentsOfFile: calendar, encoding: .utf8) == moved)
        try box.ok(["undo"])
        #expect(try box.export("ics") == original)
        #expect(try String(contentsOfFile: calendar, encoding: .utf8) == original)
    }
}
