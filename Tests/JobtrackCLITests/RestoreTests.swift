import Foundation
import Testing

@Suite("restores: JSON import keeps ids into an empty database, skips what is already there otherwise")
struct RestoreTests {
    /// Applications 2, 4 and 5 of five (1 and 3 deleted), interview ids 2 and 3 (1
    /// deleted), call ids 2 and 3 (1 deleted): gaps everywhere.
    static func withGaps() throws -> Sandbox {
        let box = try Sandbox()
        for company in ["A", "B", "C", "D", "E"] {
            try box.add(company, "Engineer", ["--applied-on", "2026-11-20"])
        }
        try box.interview(2, at: "2026-11-27 10:00")
        try box.ok(["voicemail", "2", "--at", "2026-12-01 10:00"])
        try box.ok(["delete-interview", "1", "--yes"])
        try box.interview(2)
        try box.interview(4, phone: "646-555-0199", with: "Sam Lee")
        try box.ok(["voicemail", "2", "--at", "2026-12-02 09:00"])
        try box.ok(["call", "4", "--outcome", "reached", "--at", "2026-12-02 09:30"])
        try box.ok(["delete", "1", "--yes"])
        try box.ok(["delete", "3", "--yes"])
        return box
    }

    @Test("export, import into an empty database: the same ids, gaps kept, and export byte for byte the same")
    func keepsIDs() throws {
        let source = try Self.withGaps()
        let exported = try source.export("json")
        let target = try Sandbox(zone: nil)
        let file = try target.file("export.json", exported)
        let said = try target.ok(["import", file]).stdout
        #expect(said.contains(" as #2, #4–#5;") || said.contains(" as #2, #4–#5."), "the ids as they are: \(said)")
        try target.ok(["undo"])
        let report = try target.json(["import", file])
        #expect(report["applications"] == .array([.int(2), .int(4), .int(5)]))
        #expect(report["skipped"] == .int(0))
        #expect(try target.export("json") == exported)
        #expect(try target.query("SELECT group_concat(id) FROM interviews") == "2,3")
        #expect(try target.query("SELECT group_concat(id) FROM call_attempts") == "2,3")
        let shown = try target.ok(["show", "2"]).stdout
        #expect(shown.contains("interview 2  ") && shown.contains("call 2  "), "\(shown)")
        // An id once used is not handed out again.
        #expect(try target.add("F", "Engineer", ["--applied-on", "2026-11-20"]) == 6)
    }

    @Test("a restore that brings a calendar file says so: the new database rewrites that file too")
    func restoredCalendarFileWarns() throws {
        let source = try Sandbox()
        let calendar = source.path("calls.ics")
        try source.ok(["config", "calendar_file", calendar])
        try source.add("Acme", "Engineer", ["--applied-on", "2026-11-20"])
        let target = try Sandbox(zone: nil)
        let outcome = try target.run(["import", try target.file("export.json", try source.export("json"))])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stderrLines.count == 1, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("jobtrack: warning: ") && outcome.stderr.contains(calendar), "\(outcome)")
        #expect(try target.ok(["config", "calendar_file"]).stdout == calendar + "\n")
        // Into a database with applications, the settings already set are kept: no warning.
        let again = try target.run(["import", try target.file("export.json", try source.export("json"))])
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again)")
    }

    @Test("a restore with many gaps names its first and last id, and that there are gaps")
    func manyGaps() throws {
        let source = try Sandbox()
        for company in ["A", "B", "C", "D", "E", "F", "G"] {
            try source.add(company, "Engineer", ["--applied-on", "2026-11-20"])
        }
        for id in ["2", "4", "6"] { try source.ok(["delete", id, "--yes"]) }
        let target = try Sandbox(zone: nil)
        let said = try target.ok(["import", try target.file("export.json", try source.export("json"))]).stdout
        #expect(said.contains(" as #1–#7, with gaps"), "\(said)")
    }

    @Test("the same export imported twice into a database with applications adds nothing the second time")
    func skipsWhatIsHere() throws {
        let exported = try Self.withGaps().export("json")
        let target = try Sandbox()
        try target.add("Existing", "Role", ["--applied-on", "2026-11-20"])
        let path = try target.file("export.json", exported)
        let first = try target.json(["import", path])
        #expect(first["applications"] == .array([.int(2), .int(3), .int(4)]), "new ids after the one there")
        #expect(first["skipped"] == .int(0))
        let before = try target.export("json")
        let second = try target.json(["import", path])
        #expect(second["applications"] == .array([]))
        #expect(second["interviews"] == .int(0) && second["calls"] == .int(0))
        #expect(second["skipped"] == .int(3))
        #expect(try target.export("json") == before, "nothing added")
        let text = try target.ok(["import", path])
        #expect(
            text.stdout.contains(
                "Imported 0 applications (0 interviews, 0 calls) from \(path); skipped 3 already here"),
            "\(text)")
    }

    @Test("an application differing only in an interview time is not the same one")
    func differentInterviewIsNew() throws {
        let source = try Sandbox()
        try source.add("A", "Engineer", ["--applied-on", "2026-11-20"])
        try source.interview(1)
        let exported = try source.export("json")
        try source.ok(["edit-interview", "1", "--at", "2026-11-30 11:00"])
        let report = try source.json(["import", source.file("export.json", exported)])
        #expect(report["applications"] == .array([.int(2)]))
        #expect(report["skipped"] == .int(0))
    }

    @Test("an id given twice in one file is refused, naming both places")
    func duplicateID() throws {
        let box = try Sandbox()
        let path = try box.file(
            "twice.json",
            """
            {"format": "jobtrack", "version": 1, "applications": [
              {"id": 7, "company": "A", "role": "R", "applied_on": "2026-11-20"},
              {"id": 7, "company": "B", "role": "R", "applied_on": "2026-11-20"}]}
            """)
        try box.expectRefusal(["import", path], mentioning: ["applications[1].id", "applications[0]"])
    }
}
