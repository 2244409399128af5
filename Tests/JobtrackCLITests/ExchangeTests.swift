import Foundation
import Testing

@Suite("Import and export: JSON and CSV")
struct ExchangeTests {
    // MARK: JSON

    @Test("export, import into an empty database, export again: the same document apart from ids")
    func jsonRoundTrip() throws {
        let source = try Sandbox()
        try source.populateEverything()
        let exported = try source.export("json")
        let document = try JSON.parse(exported)
        #expect(document["format"]?.string == "jobtrack")
        #expect(document["version"]?.int == 1)
        #expect(document["applications"]?.array?.count == 8)
        #expect(document["applications"]?[0]?["follow_up"] == nil, "export leaves out follow_up")
        #expect(document["settings"]?["name"]?.string == HostileText.name)

        let target = try Sandbox(zone: nil)
        let report = try target.json(["import", target.file("export.json", exported)])
        #expect(report["applications"]?.array?.count == 8)
        #expect(report["interviews"]?.int == 5)
        #expect(report["calls"]?.int == 4)
        #expect(report["settings_restored"]?.bool == true)

        let again = try JSON.parse(target.export("json"))
        #expect(withoutIDs(again) == withoutIDs(document))
        // What the rules make of it is the same too, settings included.
        #expect(withoutIDs(try target.json(["agenda", "--all"])) == withoutIDs(try source.json(["agenda", "--all"])))
        #expect(try target.json(["config"]) == source.json(["config"]))
    }

    @Test("importing into a database that has applications appends, and keeps the settings already set")
    func jsonAppends() throws {
        let source = try Sandbox()
        try source.populateEverything()
        let exported = try source.file("export.json", source.export("json"))

        let target = try Sandbox()
        try target.ok(["config", "max_attempts", "4"])
        try target.ok(["config", "name", "Bo"])
        let existing = try target.add("Existing", "Role")
        let outcome = try target.ok(["import", exported])
        #expect(outcome.stdout.contains("settings already set were kept"), "\(outcome)")

        let list = try #require(try target.json(["list"]).array)
        #expect(list.count == 9)
        #expect(list.first?["company"]?.string == "Existing")
        #expect(list.dropFirst().allSatisfy { ($0["id"]?.int ?? 0) > existing })
        let config = try target.json(["config"])
        #expect(config["max_attempts"]?.string == "4")
        #expect(config["name"]?.string == "Bo")
        #expect(config["business_hours"]?.string == "09:00-17:00", "the file's settings are not applied")
    }

    @Test("a hand-written document may leave out what has a default")
    func jsonDefaults() throws {
        let box = try Sandbox()
        let path = try box.file(
            "minimal.json",
            """
            {"format": "jobtrack", "version": 1, "applications": [
              {"company": "Acme", "role": "Engineer", "interviews": [
                {"held_at": "2026-11-30T10:00:00-05:00", "phone": "212-555-0100",
                 "calls": [{"at": "2026-12-01T10:00:00-05:00", "outcome": "voicemail"}]}]}]}
            """)
        try box.ok(["import", path])
        let application = try box.json(["show", "1"])
        #expect(application["status"]?.string == "applied")
        #expect(application["applied_on"]?.string == "2026-12-02")
        #expect(application["highlights"]?.array == [])
        let interview = try #require(application["interviews"]?[0])
        #expect(interview["tz"]?.string == newYork)
        #expect(interview["after_hours_ok"]?.bool == false)
        #expect(
            interview["calls"]?[0]?["number"]?.string == "212-555-0100", "the number dialled defaults to the one given")
    }

    /// A document whose one application is `application` (JSON text).
    static func document(_ application: String, settings: String = "{}") -> String {
        """
        {"format": "jobtrack", "version": 1, "settings": \(settings), "applications": [
          {"company": "Fine", "role": "Fine"},
          \(application)
        ]}
        """
    }

    static let interview = #""held_at": "2026-11-30T10:00:00-05:00", "tz": "America/New_York", "phone": "212-555-0100""#

    static let brokenJSON: [(name: String, text: String, fragments: [String])] = [
        ("not JSON", #"{"format": "jobtrack", "version": 1,"#, ["not a JSON document"]),
        (
            "not JSON, with a position", "{\"format\": \"jobtrack\",\n  \"version\": 1 x}",
            ["not a JSON document", "line 2"]
        ),
        ("another format", #"{"format": "trello", "version": 1, "applications": []}"#, ["\"trello\"", "format"]),
        ("no format", #"[]"#, ["format"]),
        ("a newer version", #"{"format": "jobtrack", "version": 2, "applications": []}"#, ["version 2"]),
        (
            "a bad status", document(#"{"company": "A", "role": "B", "status": "pending"}"#),
            ["applications[1].status", "\"pending\""]
        ),
        ("an empty company", document(#"{"company": "  ", "role": "B"}"#), ["applications[1].company"]),
        ("no role", document(#"{"company": "A"}"#), ["applications[1].role", "missing"]),
        (
            "an impossible date", document(#"{"company": "A", "role": "B", "applied_on": "2026-02-30"}"#),
            ["applications[1].applied_on", "2026-02-30 is not a date: February 2026 has 28 days"]
        ),
        (
            "an unknown field", document(#"{"company": "A", "role": "B", "compnay": "C"}"#),
            ["applications[1].compnay", "unknown field"]
        ),
        (
            "a highlight that is not text", document(#"{"company": "A", "role": "B", "highlights": ["ok", 3]}"#),
            ["applications[1].highlights[1]"]
        ),
        (
            "an unknown zone",
            document(
                #"{"company": "A", "role": "B", "interviews": [{"held_at": "2026-11-30T10:00:00-05:00", "tz": "Mars/Olympus"}]}"#
            ),
            ["applications[1].interviews[0].tz", "Mars/Olympus"]
        ),
        (
            "a time without offset",
            document(#"{"company": "A", "role": "B", "interviews": [{"held_at": "2026-11-30T10:00"}]}"#),
            ["applications[1].interviews[0].held_at", "offset"]
        ),
        (
            "a bad phone",
            document(
                #"{"company": "A", "role": "B", "interviews": [{"held_at": "2026-11-30T10:00:00-05:00", "phone": "call me"}]}"#
            ),
            ["applications[1].interviews[0].phone"]
        ),
        (
            "a bad busy window",
            document(
                #"{"company": "A", "role": "B", "interviews": [{"held_at": "2026-11-30T10:00:00-05:00", "busy": ["09:00-12:00", "12:00-09:00"]}]}"#
            ),
            ["applications[1].interviews[0].busy[1]"]
        ),
        (
            "after_hours_ok as text",
            document(
                #"{"company": "A", "role": "B", "interviews": [{"held_at": "2026-11-30T10:00:00-05:00", "after_hours_ok": "yes"}]}"#
            ),
            ["applications[1].interviews[0].after_hours_ok"]
        ),
        (
            "a decision before the interview",
            document(
                #"{"company": "A", "role": "B", "interviews": [{"held_at": "2026-11-30T10:00:00-05:00", "decision_by": "2026-11-29"}]}"#
            ),
            ["applications[1].interviews[0].decision_by", "before the interview"]
        ),
        (
            "an unknown outcome",
            document(
                #"{"company": "A", "role": "B", "interviews": [{\#(interview), "calls": [{"at": "2026-12-01T10:00:00-05:00", "outcome": "maybe"}]}]}"#
            ),
            ["applications[1].interviews[0].calls[0].outcome", "\"maybe\""]
        ),
        (
            "bad-time without callback_at",
            document(
                #"{"company": "A", "role": "B", "interviews": [{\#(interview), "calls": [{"at": "2026-12-01T10:00:00-05:00", "outcome": "reached"}, {"at": "2026-12-01T11:00:00-05:00", "outcome": "bad-time"}]}]}"#
            ),
            ["applications[1].interviews[0].calls[1].callback_at", "bad-time"]
        ),
        (
            "a voicemail with callback_at",
            document(
                #"{"company": "A", "role": "B", "interviews": [{\#(interview), "calls": [{"at": "2026-12-01T10:00:00-05:00", "outcome": "voicemail", "callback_at": "2026-12-02T10:00:00-05:00"}]}]}"#
            ),
            ["calls[0].callback_at", "voicemail"]
        ),
        (
            "a callback before the call",
            document(
                #"{"company": "A", "role": "B", "interviews": [{\#(interview), "calls": [{"at": "2026-12-01T10:00:00-05:00", "outcome": "bad-time", "callback_at": "2026-12-01T09:00:00-05:00"}]}]}"#
            ),
            ["calls[0].callback_at", "after the call"]
        ),
        (
            "a call before the interview",
            document(
                #"{"company": "A", "role": "B", "interviews": [{\#(interview), "calls": [{"at": "2026-11-29T10:00:00-05:00", "outcome": "reached"}]}]}"#
            ),
            ["calls[0].at", "before the interview"]
        ),
        (
            "another number",
            document(
                #"{"company": "A", "role": "B", "interviews": [{\#(interview), "calls": [{"at": "2026-12-01T10:00:00-05:00", "outcome": "reached", "number": "212-555-0199"}]}]}"#
            ),
            ["calls[0].number", "212-555-0100"]
        ),
        (
            "a call with no number given",
            document(
                #"{"company": "A", "role": "B", "interviews": [{"held_at": "2026-11-30T10:00:00-05:00", "interviewer": "Dana", "calls": [{"at": "2026-12-01T10:00:00-05:00", "outcome": "reached"}]}]}"#
            ),
            ["applications[1].interviews[0].calls[0]", "Dana gave no number"]
        ),
        (
            "a bad setting",
            document(#"{"company": "A", "role": "B"}"#, settings: #"{"business_hours": "17:00-09:00"}"#),
            ["settings.business_hours"]
        ),
        (
            "an unknown setting", document(#"{"company": "A", "role": "B"}"#, settings: #"{"colour": "blue"}"#),
            ["settings.colour"]
        ),
    ]

    @Test(
        "a broken JSON file is refused in one line naming the record, and nothing is written",
        arguments: brokenJSON.indices)
    func brokenJSONRefused(_ index: Int) throws {
        let (name, text, fragments) = Self.brokenJSON[index]
        let box = try Sandbox()
        try box.add("Existing", "Role")
        let outcome = try box.expectRefusal(
            ["import", box.file("broken.json", text), "--format", "json"],
            mentioning: fragments)
        #expect(outcome.stderr.hasPrefix("jobtrack: cannot import"), "\(name): \(outcome)")
    }

    @Test("a file that is not there is refused")
    func missingFile() throws {
        let box = try Sandbox()
        try box.expectRefusal(["import", box.path("nowhere.json")], mentioning: ["nowhere.json", "no such file"])
    }

    // MARK: CSV

    @Test("CSV export, import into an empty database, export again: the same bytes")
    func csvRoundTrip() throws {
        let source = try Sandbox()
        try source.populateEverything()
        let exported = try source.export("csv")
        #expect(exported.hasPrefix("company,role,status,applied_on,url,notes,highlights\r\n"))
        #expect(exported.contains("\"\(HostileText.company.replacingOccurrences(of: "\"", with: "\"\""))\""))

        let target = try Sandbox()
        let report = try target.json(["import", target.file("apps.csv", exported)])
        #expect(report["applications"]?.array?.count == 8)
        #expect(try target.export("csv") == exported)
        let first = try target.json(["show", "1"])
        #expect(first["company"]?.string == HostileText.company)
        #expect(first["role"]?.string == HostileText.role)
        #expect(first["notes"]?.string == HostileText.notes)
        #expect(first["highlights"]?.array?.compactMap(\.string) == [HostileText.long, "Led a team; shipped, on time"])
    }

    @Test("CSV from a spreadsheet: a BOM, CRLF, columns in any order, quoted commas, quotes and line breaks")
    func csvFromSpreadsheet() throws {
        let box = try Sandbox()
        let text =
            "\u{FEFF}Role,company,notes,highlights,status,url\r\n"
            + "\"Engineer, Platform\",\"Acme \"\"Rockets\"\", Inc.\",\"Line one\r\nLine \"\"two\"\"\",\"First\nSecond\",interviewing,\"https://x.test/?a=1,2\"\r\n"
            + "\r\n"
            + "Designer,Hooli,,,,\r\n"
        let path = try box.file("sheet.csv", text)
        let report = try box.json(["import", path])
        #expect(report["applications"]?.array?.count == 2)

        let first = try box.json(["show", "1"])
        #expect(first["company"]?.string == "Acme \"Rockets\", Inc.")
        #expect(first["role"]?.string == "Engineer, Platform")
        #expect(first["notes"]?.string == "Line one\r\nLine \"two\"")
        #expect(first["highlights"]?.array?.compactMap(\.string) == ["First", "Second"])
        #expect(first["status"]?.string == "interviewing")
        #expect(first["url"]?.string == "https://x.test/?a=1,2")
        #expect(first["applied_on"]?.string == "2026-12-02", "no applied_on column: today")
        let second = try box.json(["show", "2"])
        #expect(second["status"]?.string == "applied")
        #expect(second["url"]?.isNull == true)
        #expect(second["notes"]?.isNull == true)
    }

    static let brokenCSV: [(name: String, data: Data, fragments: [String])] = [
        ("an unknown column", Data("company,role,salary\nA,B,100\n".utf8), ["line 1", "salary", "unknown column"]),
        ("no role column", Data("company,status\nA,applied\n".utf8), ["line 1", "role"]),
        ("a column named twice", Data("company,role,Company\nA,B,C\n".utf8), ["line 1", "company", "twice"]),
        (
            "a bad status after a cell spanning two lines",
            Data("company,role,notes,status\nA,B,\"two\nlines\",applied\nC,D,,offer\nE,F,,pending\n".utf8),
            ["line 5, column status", "\"pending\""]
        ),
        ("an empty role", Data("company,role\r\nA,B\r\nC,\r\n".utf8), ["line 3, column role"]),
        (
            "a date a spreadsheet made up", Data("company,role,applied_on\nA,B,12/01/2026\n".utf8),
            ["line 2, column applied_on"]
        ),
        ("a quoted cell never closed", Data("company,role\nA,B\nC,\"D\nE,F\n".utf8), ["line 3", "never closed"]),
        ("too many cells", Data("company,role\nA,B,C\n".utf8), ["line 2", "3 cells"]),
        ("not UTF-8", Data([0x63, 0x6F, 0xFF, 0xFE, 0x0A]), ["UTF-8"]),
        ("an empty file", Data(), ["line 1", "header"]),
    ]

    @Test(
        "a broken CSV file is refused in one line naming line and column, and nothing is written",
        arguments: brokenCSV.indices)
    func brokenCSVRefused(_ index: Int) throws {
        let (name, data, fragments) = Self.brokenCSV[index]
        let box = try Sandbox()
        try box.add("Existing", "Role")
        let outcome = try box.expectRefusal(["import", box.file("broken.csv", data)], mentioning: fragments)
        #expect(outcome.stderr.contains("broken.csv"), "\(name): \(outcome)")
    }
}
