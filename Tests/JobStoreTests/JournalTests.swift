import Foundation
import PropertyBased
import Testing

@testable import JobStore

/// Every row of `tables` as SQL text, in key order — what `.dump` prints of them, value
/// for value: `quote()` keeps 1 and '1' apart, and NULL from ''.
func dump(_ database: Database, tables: [String] = Database.journaledTables) throws -> String {
    var lines: [String] = []
    for table in tables {
        let columns = try database.fetchAll("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", [table]) {
            (name: $0.string(0), key: $0.int(1))
        }
        let keys = columns.filter { $0.key > 0 }.sorted { $0.key < $1.key }.map(\.name)
        let values = columns.map { "quote(\($0.name))" }.joined(separator: " || ',' || ")
        let order = keys.isEmpty ? "rowid" : keys.joined(separator: ", ")
        lines += try database.fetchAll("SELECT \(values) FROM \(table) ORDER BY \(order)") {
            "INSERT INTO \(table) VALUES(\($0.string(0)));"
        }
    }
    return lines.joined(separator: "\n")
}

/// Every table of the schema, the journal and sqlite_sequence included, and the schema itself.
func dumpEverything(_ database: Database) throws -> String {
    let tables = try database.fetchAll(
        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
    ) { $0.string(0) }
    let schema = try database.fetchAll("SELECT type, name, sql FROM sqlite_schema ORDER BY name") {
        "\($0.string(0)) \($0.string(1)): \($0.string(2))"
    }
    return schema.joined(separator: "\n") + "\n" + (try dump(database, tables: tables))
}

extension Fixture {
    var journalRows: Int {
        get throws {
            try Database.journaledTables.reduce(0) { $0 + (try count("journal_\($1)")) }
        }
    }

    func sequence(_ table: String) throws -> Int64 {
        try database.fetchOne("SELECT seq FROM sqlite_sequence WHERE name = ?", [table]) { $0.int64(0) } ?? 0
    }

    /// An application with two highlights, an interview and two calls, written outside the journal.
    @discardableResult
    func fullApplication(_ company: String) throws -> Application {
        let application = try application(company, highlights: ["Shipped payments", "Led a team"])
        let interview = try interview(of: application)
        try repository.insertCall(
            interviewID: interview.id, at: now.addingTimeInterval(3600), outcome: .voicemail, number: "+1 555 0100")
        try repository.insertCall(
            interviewID: interview.id, at: now.addingTimeInterval(7200), outcome: .badTime,
            callbackAt: now.addingTimeInterval(9000), number: "+1 555 0100", notes: "after lunch")
        return application
    }
}

struct Refused: Error {}

@Suite("The change journal behind undo and log")
struct JournalTests {
    @Test("undoing an add removes the application and its highlights; the records are as before, byte for byte")
    func undoAdd() throws {
        let fixture = try Fixture()
        try fixture.fullApplication("Kept")
        try fixture.repository.setSetting("name", to: "Alex Doe")
        let before = try dump(fixture.database)
        var added: Application?
        let change = try fixture.database.change(command: "add", at: fixture.now) {
            let application = try fixture.application("Globex", highlights: ["Ten years of Go"])
            added = application
            return "added \(application.id) Globex"
        }
        let id = try #require(added?.id)
        #expect(change.summary == "added \(id) Globex")
        #expect(change.command == "add" && change.at == fixture.now && !change.undone)
        #expect(try dump(fixture.database) != before)

        let undone = try fixture.database.undo(at: fixture.now.addingTimeInterval(60))
        #expect(undone == Change(id: change.id, at: change.at, command: "add", summary: change.summary, undone: true))
        #expect(try dump(fixture.database) == before)
        #expect(throws: StoreError.unknownApplication(id)) { try fixture.repository.application(id) }
    }

    @Test("undoing an edit puts back every field and the highlights as they were")
    func undoEdit() throws {
        let fixture = try Fixture()
        var application = try fixture.fullApplication("Acme")
        let before = try dump(fixture.database)
        try fixture.database.change(command: "edit", at: fixture.now) {
            application.company = "Acme Corporation"
            application.url = "https://acme.example/jobs/1"
            application.notes = nil
            application.highlights = ["Only one now", "and a second", "and a third"]
            try fixture.repository.updateApplication(application, now: fixture.now.addingTimeInterval(86_400))
            return "edited \(application.id)"
        }
        try fixture.database.change(command: "status", at: fixture.now) {
            application.status = .offer
            try fixture.repository.updateApplication(application, now: fixture.now.addingTimeInterval(2 * 86_400))
            return "status \(application.id) offer"
        }
        #expect(try fixture.database.undo(at: fixture.now).command == "status")
        #expect(try fixture.repository.application(application.id).status == .applied)
        #expect(try fixture.database.undo(at: fixture.now).command == "edit")
        #expect(try dump(fixture.database) == before)
    }

    @Test("undoing a delete brings back the application, its highlights, interviews and calls under the same ids")
    func undoDeleteWithCascade() throws {
        let fixture = try Fixture()
        try fixture.fullApplication("Before")
        let doomed = try fixture.fullApplication("Doomed")
        try fixture.fullApplication("After")
        let history = try fixture.repository.history(of: doomed.id)
        let before = try dump(fixture.database)

        try fixture.database.change(command: "delete", at: fixture.now) {
            try fixture.repository.deleteApplication(doomed.id)
            return "deleted \(doomed.id)"
        }
        #expect(try fixture.count("interviews") == 2)
        #expect(try fixture.count("call_attempts") == 4)
        #expect(try fixture.count("journal_call_attempts") == 2, "the cascade's rows are journaled too")

        try fixture.database.undo(at: fixture.now)
        #expect(try dump(fixture.database) == before)
        #expect(try fixture.repository.history(of: doomed.id) == history)
        #expect(try fixture.database.fetchAll("PRAGMA foreign_key_check") { $0.string(0) }.isEmpty)
    }

    @Test("undoing an interview or a call deleted alone, or one edited, puts it back")
    func undoInterviewAndCallChanges() throws {
        let fixture = try Fixture()
        let application = try fixture.fullApplication("Acme")
        let history = try fixture.repository.history(of: application.id)
        let interview = try #require(history.interviews.first)
        let before = try dump(fixture.database)
        try fixture.database.change(command: "delete-call", at: fixture.now) {
            try fixture.repository.deleteCall(interview.calls[0].id)
            return "deleted call"
        }
        try fixture.database.change(command: "edit-interview", at: fixture.now) {
            var edited = interview.interview
            edited.phone = "+1 555 0199"
            edited.notes = "moved"
            try fixture.repository.updateInterview(edited)
            return "edited interview"
        }
        try fixture.database.change(command: "delete-interview", at: fixture.now) {
            try fixture.repository.deleteInterview(interview.interview.id)
            return "deleted interview"
        }
        #expect(try fixture.count("call_attempts") == 0)
        for _ in 0..<3 { try fixture.database.undo(at: fixture.now) }
        #expect(try dump(fixture.database) == before)
    }

    @Test("undoing config puts a setting back: set anew, changed, and removed")
    func undoSettings() throws {
        let fixture = try Fixture()
        try fixture.repository.setSetting("timezone", to: "Europe/London")
        let start = try dump(fixture.database)
        try fixture.database.change(command: "config", at: fixture.now) {
            try fixture.repository.setSetting("name", to: "Alex Doe")
            return "name = Alex Doe"
        }
        let named = try dump(fixture.database)
        try fixture.database.change(command: "config", at: fixture.now) {
            try fixture.repository.setSetting("timezone", to: "America/New_York")
            return "timezone = America/New_York"
        }
        let moved = try dump(fixture.database)
        try fixture.database.change(command: "config", at: fixture.now) {
            try fixture.repository.removeSetting("name")
            return "name unset"
        }
        #expect(try fixture.repository.settings() == ["timezone": "America/New_York"])

        try fixture.database.undo(at: fixture.now)
        #expect(try dump(fixture.database) == moved)
        try fixture.database.undo(at: fixture.now)
        #expect(try dump(fixture.database) == named)
        try fixture.database.undo(at: fixture.now)
        #expect(try dump(fixture.database) == start)
    }

    @Test("a row replaced by INSERT OR REPLACE gets its old image back")
    func undoReplace() throws {
        let fixture = try Fixture()
        try fixture.repository.setSetting("name", to: "Alex")
        let before = try dump(fixture.database)
        try fixture.database.change(command: "config", at: fixture.now) {
            try fixture.database.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('name', 'Sam')")
            return "name = Sam"
        }
        try fixture.database.undo(at: fixture.now)
        #expect(try dump(fixture.database) == before)
    }

    @Test("undo twice steps back twice; the log lists every change newest first, undone ones marked")
    func undoTwice() throws {
        let fixture = try Fixture()
        let states = try (0..<3).map { index in
            let state = try dump(fixture.database)
            try fixture.database.change(command: "add", at: fixture.now.addingTimeInterval(Double(index))) {
                "added \(try fixture.application("Company \(index)").id)"
            }
            return state
        }
        let first = try fixture.database.undo(at: fixture.now)
        #expect(first.summary == "added 3" && first.undone)
        #expect(try dump(fixture.database) == states[2])
        let second = try fixture.database.undo(at: fixture.now)
        #expect(second.summary == "added 2")
        #expect(try dump(fixture.database) == states[1])

        let log = try fixture.database.changeLog()
        #expect(log.map(\.summary) == ["added 3", "added 2", "added 1"])
        #expect(log.map(\.undone) == [true, true, false])
        #expect(log.map(\.at) == [2, 1, 0].map { fixture.now.addingTimeInterval($0) })
        #expect(try fixture.database.changeLog(limit: 1).map(\.summary) == ["added 3"])
        #expect(try fixture.database.changeLog(limit: 0).isEmpty)
    }

    @Test("after an undo, a new change is undone first, then the one before the undone one")
    func newChangeAfterUndo() throws {
        let fixture = try Fixture()
        let empty = try dump(fixture.database)
        try fixture.database.change(command: "add", at: fixture.now) { "added \(try fixture.application("A").id)" }
        let one = try dump(fixture.database)
        try fixture.database.change(command: "add", at: fixture.now) { "added \(try fixture.application("B").id)" }
        try fixture.database.undo(at: fixture.now)
        try fixture.database.change(command: "config", at: fixture.now) {
            try fixture.repository.setSetting("name", to: "Alex")
            return "name = Alex"
        }
        #expect(try fixture.database.undo(at: fixture.now).command == "config")
        #expect(try dump(fixture.database) == one)
        #expect(try fixture.database.undo(at: fixture.now).summary == "added 1")
        #expect(try dump(fixture.database) == empty)
    }

    @Test("undoing a bulk insert of 1,000 applications removes all 1,000")
    func undoBulkInsert() throws {
        let fixture = try Fixture()
        try fixture.fullApplication("Kept")
        let before = try dump(fixture.database)
        try fixture.database.change(command: "import", at: fixture.now) {
            for index in 1...1_000 {
                try fixture.application("Imported \(index)", highlights: index % 3 == 0 ? ["one", "two"] : [])
            }
            return "imported 1000 applications"
        }
        #expect(try fixture.count("applications") == 1_001)
        try fixture.database.undo(at: fixture.now)
        #expect(try fixture.count("applications") == 1)
        #expect(try dump(fixture.database) == before)
    }

    /// `count` applications as an import adds them: ids kept from `firstID` on, or new
    /// ones when nil; every third with two highlights, every other with an interview and a call.
    private func addApplications(_ count: Int, firstID: Int64? = nil, _ fixture: Fixture) throws {
        let repository = fixture.repository
        for index in 0..<count {
            let application = try repository.insertApplication(
                id: firstID.map { $0 + Int64(index) * 2 }, company: "Imported \(index)", role: "Engineer",
                appliedOn: "2026-11-02", highlights: index % 3 == 0 ? ["one", "two"] : [], now: fixture.now)
            guard index % 2 == 0 else { continue }
            let interview = try repository.insertInterview(
                id: firstID.map { $0 + Int64(index) }, applicationID: application.id, heldAt: fixture.now,
                tz: "Europe/Paris")
            try repository.insertCall(
                id: firstID.map { $0 + Int64(index) * 3 }, interviewID: interview.id,
                at: fixture.now.addingTimeInterval(60), outcome: .noAnswer, number: "+33 1 23 45 67 89")
        }
    }

    @Test("rows added in bulk are journaled as the triggers journal them, and undo removes exactly them")
    func addingRowsJournalsLikeTheTriggers() throws {
        var journals: [String] = []
        for bulk in [false, true] {
            let fixture = try Fixture()
            try fixture.fullApplication("Kept")
            try fixture.fullApplication("Also kept")
            try fixture.repository.setSetting("name", to: "Alex")
            let before = try dump(fixture.database)
            try fixture.database.change(command: "import", at: fixture.now) {
                try fixture.repository.setSetting("name", to: "Sam")
                if bulk {
                    try fixture.database.addingRows { try addApplications(300, fixture) }
                } else {
                    try addApplications(300, fixture)
                }
                // The triggers are on again for what follows the bulk rows.
                var kept = try fixture.repository.application(1)
                kept.company = "Renamed"
                try fixture.repository.updateApplication(kept, now: fixture.now)
                return "imported 300 applications"
            }
            #expect(try fixture.count("applications") == 302)
            journals.append(try dump(fixture.database, tables: Database.journaledTables.map { "journal_" + $0 }))
            try fixture.database.undo(at: fixture.now)
            #expect(try dump(fixture.database) == before)
        }
        #expect(journals[0] == journals[1])
    }

    @Test("rows added in bulk under the ids they had, into an empty database, are all removed by undo")
    func addingRowsWithKeptIDs() throws {
        let fixture = try Fixture()
        try fixture.database.change(command: "import", at: fixture.now) {
            try fixture.database.addingRows { try addApplications(50, firstID: 7, fixture) }
            return "restored 50 applications"
        }
        #expect(try fixture.repository.applications().map(\.id).first == 7)
        #expect(try fixture.count("journal_call_attempts") == 25)
        try fixture.database.undo(at: fixture.now)
        #expect(try dump(fixture.database) == "")
    }

    @Test("a bulk write that changes a row it did not add is refused, and rolls back whole")
    func addingRowsRefusesOtherWrites() throws {
        let fixture = try Fixture()
        try fixture.fullApplication("Kept")
        let before = try dumpEverything(fixture.database)
        #expect(throws: StoreError.unjournaledWrite) {
            try fixture.database.change(command: "import", at: fixture.now) {
                try fixture.database.addingRows {
                    try addApplications(10, fixture)
                    var kept = try fixture.repository.application(1)
                    kept.notes = "changed unseen"
                    try fixture.repository.updateApplication(kept, now: fixture.now)
                }
                return "imported 10 applications"
            }
        }
        #expect(try dumpEverything(fixture.database) == before)
    }

    @Test("rows added in bulk outside a change are not journaled")
    func addingRowsOutsideAChange() throws {
        let fixture = try Fixture()
        try fixture.database.write {
            try fixture.database.addingRows { try addApplications(10, fixture) }
        }
        #expect(try fixture.count("applications") == 10)
        #expect(try fixture.journalRows == 0)
    }

    @Test("nothing to undo is refused and changes nothing")
    func nothingToUndo() throws {
        let fixture = try Fixture()
        try fixture.fullApplication("Written outside any change")
        let untouched = try dumpEverything(fixture.database)
        #expect(throws: StoreError.nothingToUndo) { try fixture.database.undo(at: fixture.now) }
        #expect(try dumpEverything(fixture.database) == untouched)
        #expect(StoreError.nothingToUndo.description == "nothing to undo")

        try fixture.database.change(command: "config", at: fixture.now) {
            try fixture.repository.setSetting("name", to: "Alex")
            return "name = Alex"
        }
        try fixture.database.undo(at: fixture.now)
        let afterUndo = try dumpEverything(fixture.database)
        #expect(throws: StoreError.nothingToUndo) { try fixture.database.undo(at: fixture.now) }
        #expect(try dumpEverything(fixture.database) == afterUndo)
    }

    @Test("a change that throws journals nothing and leaves the records as they were")
    func refusedChange() throws {
        let fixture = try Fixture()
        let kept = try fixture.fullApplication("Kept")
        try fixture.database.change(command: "config", at: fixture.now) {
            try fixture.repository.setSetting("name", to: "Alex")
            return "name = Alex"
        }
        let before = try dumpEverything(fixture.database)
        #expect(throws: Refused.self) {
            try fixture.database.change(command: "delete", at: fixture.now) {
                try fixture.repository.deleteApplication(kept.id)
                try fixture.application("Half done")
                throw Refused()
            }
        }
        #expect(try dumpEverything(fixture.database) == before)
        #expect(try fixture.count("change_recording") == 0)
        #expect(try fixture.database.changeLog().map(\.command) == ["config"])
        // And the journal still works: the next undo is the change before the refused one.
        #expect(try fixture.database.undo(at: fixture.now).command == "config")
    }

    @Test("a change inside another change is refused")
    func nestedChange() throws {
        let fixture = try Fixture()
        #expect(throws: SQLiteError.self) {
            try fixture.database.change(command: "outer", at: fixture.now) {
                try fixture.database.change(command: "inner", at: fixture.now) { "inner" }
                return "outer"
            }
        }
        #expect(try fixture.count("changes") == 0)
    }

    @Test("a change that touches nothing is still a change, and undoing it changes nothing")
    func emptyChange() throws {
        let fixture = try Fixture()
        try fixture.repository.setSetting("name", to: "Alex")
        let before = try dump(fixture.database)
        let change = try fixture.database.change(command: "config", at: fixture.now) {
            try fixture.repository.setSetting("name", to: "Alex")
            return "name = Alex"
        }
        #expect(try fixture.database.changeLog() == [change])
        #expect(try fixture.database.undo(at: fixture.now).id == change.id)
        #expect(try dump(fixture.database) == before)
    }

    @Test("writes outside a change are not journaled and undo leaves them alone")
    func writesOutsideAChange() throws {
        let fixture = try Fixture()
        try fixture.database.change(command: "add", at: fixture.now) { "added \(try fixture.application("A").id)" }
        try fixture.fullApplication("Outside")
        #expect(try fixture.count("journal_applications") == 1)
        try fixture.database.undo(at: fixture.now)
        #expect(try fixture.repository.applications().map(\.company) == ["Outside"])
    }

    @Test("the journal keeps the latest 100 changes, all of which undo can reverse")
    func pruning() throws {
        let fixture = try Fixture()
        // The contract is "at least the latest 100" (docs/commands.md §3.9).
        let kept = 100
        #expect(Database.changesKept == kept)
        var states: [String] = []
        for index in 0..<(kept + 30) {
            states.append(try dump(fixture.database))
            try fixture.database.change(command: "add", at: fixture.now) {
                "added \(try fixture.application("Company \(index)").id)"
            }
        }
        let log = try fixture.database.changeLog()
        #expect(log.count == kept)
        #expect(log.first?.id == Int64(kept + 30) && log.last?.id == 31)
        #expect(try fixture.journalRows == kept, "the older changes' journal went with them")
        for state in states.suffix(kept).reversed() {
            try fixture.database.undo(at: fixture.now)
            #expect(try dump(fixture.database) == state)
        }
        #expect(throws: StoreError.nothingToUndo) { try fixture.database.undo(at: fixture.now) }
        #expect(try fixture.count("applications") == 30)
    }

    @Test("an id freed by an undone add is not used again")
    func freedIDsStayFree() throws {
        let fixture = try Fixture()
        try fixture.database.change(command: "add", at: fixture.now) {
            let application = try fixture.fullApplication("First")
            return "added \(application.id)"
        }
        let sequences = try ["applications", "interviews", "call_attempts"].map { try fixture.sequence($0) }
        try fixture.database.undo(at: fixture.now)
        #expect(
            try ["applications", "interviews", "call_attempts"].map { try fixture.sequence($0) } == sequences,
            "undo does not wind sqlite_sequence back")
        let second = try fixture.fullApplication("Second")
        #expect(second.id == 2)
        #expect(try fixture.repository.interviews(of: second.id).map(\.id) == [2])
        #expect(try fixture.repository.history(of: second.id).interviews[0].calls.map(\.id) == [3, 4])
    }

    @Test("each record table has a journal table with its columns and three triggers")
    func journalCoversEveryColumn() throws {
        let fixture = try Fixture()
        for table in Database.journaledTables {
            let columns = try fixture.database.fetchAll("SELECT name FROM pragma_table_info(?)", [table]) {
                $0.string(0)
            }
            let journal = try fixture.database.fetchAll(
                "SELECT name FROM pragma_table_info(?)", ["journal_" + table]
            ) { $0.string(0) }
            #expect(journal == ["change_id", "existed"] + columns, "journal_\(table) must mirror \(table)")
            let triggers = try fixture.database.fetchAll(
                "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? ORDER BY name", [table]
            ) {
                $0.string(0)
            }
            #expect(triggers == ["delete", "insert", "update"].map { "journal_\(table)_\($0)" })
        }
        let records = try fixture.database.fetchAll(
            """
            SELECT name FROM sqlite_schema
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'journal_%'
              AND name NOT IN ('changes', 'change_recording', 'schema_migrations')
            ORDER BY name
            """
        ) { $0.string(0) }
        #expect(records == Database.journaledTables.sorted(), "every record table is journaled")
    }

    /// One random journaled change, chosen by `code`, on whatever records exist.
    private func randomChange(_ code: Int, _ fixture: Fixture) throws {
        let repository = fixture.repository
        let applications = try repository.applications()
        let histories = try repository.histories(.all)
        let interviews = histories.flatMap(\.interviews)
        let calls = interviews.flatMap(\.calls)
        let pick = code / 16
        let keys = ["name", "timezone", "holidays", "max_attempts"]
        try fixture.database.change(command: "random \(code % 16)", at: fixture.now) {
            switch code % 16 {
            case 1...2 where !applications.isEmpty:
                var application = applications[pick % applications.count]
                application.company += " \(pick)"
                application.notes = pick % 2 == 0 ? nil : "note \(pick)"
                application.highlights = Array(["a", "b", "c", "d"].prefix(pick % 4))
                try repository.updateApplication(application, now: fixture.now.addingTimeInterval(Double(pick)))
            case 3 where !applications.isEmpty:
                try repository.deleteApplication(applications[pick % applications.count].id)
            case 4...5 where !applications.isEmpty:
                try repository.insertInterview(
                    applicationID: applications[pick % applications.count].id,
                    heldAt: fixture.now.addingTimeInterval(Double(pick)), tz: "Europe/Paris",
                    interviewer: "I \(pick)", phone: "+33 1 23 45 67 89")
            case 6...7 where !interviews.isEmpty:
                try repository.insertCall(
                    interviewID: interviews[pick % interviews.count].interview.id,
                    at: fixture.now.addingTimeInterval(Double(pick)), outcome: .noAnswer, number: "+33 1 23 45 67 89")
            case 8 where !interviews.isEmpty:
                var interview = interviews[pick % interviews.count].interview
                interview.notes = "edited \(pick)"
                interview.afterHoursOK.toggle()
                try repository.updateInterview(interview)
            case 9 where !interviews.isEmpty:
                try repository.deleteInterview(interviews[pick % interviews.count].interview.id)
            case 10 where !calls.isEmpty:
                try repository.deleteCall(calls[pick % calls.count].id)
            case 11...12:
                try repository.setSetting(keys[pick % keys.count], to: "value \(pick % 3)")
            case 13:
                try repository.removeSetting(keys[pick % keys.count])
            case 14:
                break  // a change that touches nothing
            default:
                try fixture.application("Company \(pick)", highlights: Array(["x", "y"].prefix(pick % 3)))
            }
            return "random change \(code)"
        }
    }

    @Test("any 30 changes followed by 30 undos give back the records exactly")
    func randomChangesThenUndos() async throws {
        await propertyCheck(count: 12, input: Gen.int(in: 0...1_000_000).array(of: 30)) { codes in
            let fixture = try Fixture()
            // Records written before the journal started, which undo must leave as they are.
            try fixture.fullApplication("Before")
            try fixture.repository.setSetting("name", to: "Alex")
            let start = try dump(fixture.database)
            var states: [String] = []
            for code in codes {
                states.append(try dump(fixture.database))
                try randomChange(code, fixture)
            }
            for state in states.reversed() {
                try fixture.database.undo(at: fixture.now)
                #expect(try dump(fixture.database) == state, "codes \(codes)")
            }
            #expect(try dump(fixture.database) == start, "codes \(codes)")
            #expect(try fixture.database.fetchAll("PRAGMA foreign_key_check") { $0.string(0) }.isEmpty)
        }
    }
}
