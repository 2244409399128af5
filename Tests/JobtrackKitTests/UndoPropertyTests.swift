import FollowUp
import Foundation
import JobStore
import PropertyBased
import Testing

@testable import JobtrackKit

// docs/commands.md §3.9 and docs/undo.md, in process: any sequence of the use cases that change
// records or settings — add, edit, status, delete, interview, call, voicemail, thanks,
// edit-interview, edit-call, delete-interview, delete-call, config and import — undone change by
// change, walks back through every state it passed and ends with the records exactly as they
// began.

/// The tables that hold records and settings, parents first.
private let recordTables = ["applications", "highlights", "interviews", "call_attempts", "settings"]

/// Every row of the record tables, each as SQL would quote it, in key order (for an
/// integer primary key, rowid order), as `.dump` lists them.
private func recordDump(_ database: Database) throws -> String {
    var lines: [String] = []
    for table in recordTables {
        let columns = try database.fetchAll("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", [table]) {
            (name: $0.string(0), key: $0.int(1))
        }
        let keys = columns.filter { $0.key > 0 }.sorted { $0.key < $1.key }.map(\.name)
        let values = columns.map { "quote(\($0.name))" }.joined(separator: " || ',' || ")
        lines += try database.fetchAll("SELECT \(values) FROM \(table) ORDER BY \(keys.joined(separator: ", "))") {
            "\(table): \($0.string(0))"
        }
    }
    return lines.joined(separator: "\n")
}

/// The records as the export shows them and as the tables hold them.
private struct Records: Equatable {
    let export: Data
    let dump: String
}

/// A random run of changes: the fixture, *now*, and the random choices, all seeded.
private struct RandomRun {
    let fixture: KitFixture
    /// One connection for reading the records and the log between the steps.
    let database: Database
    var rng: Xoshiro
    var now: Date
    /// What each step did, for the message of a failure.
    var steps: [String] = []
    /// How many changes of each command were accepted, by the step's first word, and
    /// of the mending commands and import, how many touched calls ("delete-interview
    /// with calls", "import with calls").
    var accepted: [String: Int] = [:]

    static let zone = KitFixture.newYork

    init(seed: UInt64) throws {
        fixture = try KitFixture()
        database = try Database(path: fixture.path)
        // xoshiro256** must not start from all zeros; the constants are arbitrary.
        rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, seed &* 0x2545_F491_4F6C_DD1D))
        now = try #require(
            Calendar.current.date(
                from: DateComponents(
                    timeZone: Self.zone, year: 2026, month: 11, day: 16, hour: 9)))
    }

    func tracker() throws -> Tracker {
        try Tracker(path: fixture.path, now: DateTimeInput(.instant(now)), clock: now, systemZone: Self.zone)
    }

    func records() throws -> Records {
        Records(export: try tracker().export(.json).data, dump: try recordDump(database))
    }

    func changeCount() throws -> Int {
        try database.changeLog().count
    }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &rng)! }

    /// An instant up to `hours` before now, on a whole minute.
    mutating func before(hours: Int) -> DateTimeInput {
        let minutes = Int.random(in: 0...(hours * 60), using: &rng)
        let instant = Date(
            timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60 - Double(minutes * 60))
        return DateTimeInput(.instant(instant))
    }

    /// An application id: mostly one that exists, sometimes one that does not.
    mutating func applicationID() throws -> Int64 {
        let ids = try tracker().applications().map(\.application.id)
        if ids.isEmpty || chance(5) { return 999 }
        return pick(ids)
    }

    /// A logged interview with its calls: mostly one that exists; nil for one that does not.
    mutating func interview() throws -> InterviewHistory? {
        let interviews = try tracker().applications().flatMap(\.history.interviews)
        if interviews.isEmpty || chance(5) { return nil }
        return pick(interviews)
    }

    /// A logged call with its interview: mostly one that exists; nil for one that does not.
    mutating func call() throws -> (call: CallAttempt, interview: Interview)? {
        let calls = try tracker().applications().flatMap(\.history.interviews).flatMap { logged in
            logged.calls.map { (call: $0, interview: logged.interview) }
        }
        if calls.isEmpty || chance(5) { return nil }
        return pick(calls)
    }

    /// `instant` as an export writes it: ISO 8601 with the offset of New York.
    static func iso(_ instant: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        return formatter.string(from: instant)
    }

    /// A document to import: this database's own export (a restore once it holds no
    /// applications, else every application skipped as already there), or one or two
    /// new applications, with an interview, its calls and a setting, all random.
    /// Sometimes a call comes before its interview, which refuses the whole file.
    mutating func importDocument() throws -> Data {
        if chance(20) { return try tracker().export(.json).data }
        var applications: [String] = []
        for index in 0..<Int.random(in: 1...2, using: &rng) {
            var interviews: [String] = []
            if chance(80) {
                let heldAt = now.addingTimeInterval(-Double(Int.random(in: 1...120, using: &rng)) * 3600)
                let phone = chance(85) ? #""+1 212 555 0142""# : "null"
                var calls: [String] = []
                var at = heldAt
                for _ in 0..<Int.random(in: 0...3, using: &rng) {
                    let hours = chance(3) ? -200...(-1) : 1...30
                    at = at.addingTimeInterval(Double(Int.random(in: hours, using: &rng)) * 3600)
                    let outcome = pick(CallAttempt.Outcome.allCases)
                    let callback =
                        outcome == .badTime ? #""\#(Self.iso(at.addingTimeInterval(86_400)))""# : "null"
                    calls.append(
                        #"{"at": "\#(Self.iso(at))", "outcome": "\#(outcome.rawValue)", "callback_at": \#(callback), "#
                            + #""notes": "imported"}"#)
                }
                let thanked = chance(50) ? #""\#(Self.iso(heldAt.addingTimeInterval(7200)))""# : "null"
                interviews.append(
                    #"{"held_at": "\#(Self.iso(heldAt))", "tz": "\#(pick(["America/New_York", "Europe/London"]))", "#
                        + #""country": \#(pick(["null", #""GB""#])), "interviewer": "Kim", "phone": \#(phone), "#
                        + #""busy": [\#(pick(["", #""Mon-Fri 09:00-09:30""#, #""12:00-13:00", "Tue,Thu 14:00-15:00""#]))], "#
                        + #""thanked_at": \#(thanked), "calls": [\#(calls.joined(separator: ", "))]}"#)
            }
            applications.append(
                #"{"company": "Imported \#(steps.count).\#(index)", "role": "Engineer", "#
                    + #""status": "\#(interviews.isEmpty ? "applied" : "interviewing")", "applied_on": "2026-11-01", "#
                    + #""highlights": ["imported"], "interviews": [\#(interviews.joined(separator: ", "))]}"#)
        }
        let settings = chance(50) ? #"{"name": "Imported Name", "max_attempts": "2"}"# : "{}"
        let text =
            #"{"format": "jobtrack", "version": 1, "settings": \#(settings), "#
            + #""applications": [\#(applications.joined(separator: ", "))]}"#
        return Data(text.utf8)
    }

    /// Makes one random change, or tries one that is refused. Returns the records as they
    /// were before the change, or nil when it was refused.
    mutating func randomChange() throws -> Records? {
        now = now.addingTimeInterval(Double(Int.random(in: 10...(18 * 60), using: &rng) * 60))
        let tracker = try tracker()
        let kind = Int.random(in: 0..<23, using: &rng)
        let step: String
        switch kind {
        case 0, 1:
            let highlights = (0..<Int.random(in: 0...2, using: &rng)).map { "highlight \($0)" }
            let new = NewApplication(
                company: pick(["Acme", "Globex", " Initech ", "Zoë & Co"]), role: pick(["Engineer", "PM"]),
                appliedOn: chance(50) ? .relative(days: -Int.random(in: 0...20, using: &rng)) : nil,
                url: chance(30) ? "https://example.test/\(steps.count)" : nil, notes: chance(30) ? "note" : nil,
                highlights: highlights)
            step = "add \(new.company)/\(new.role) \(highlights.count) highlights"
            return try attempt(step) { _ = try tracker.add(new) }
        case 2:
            let id = try applicationID()
            let edit = ApplicationEdit(
                company: chance(50) ? "Renamed \(steps.count)" : nil, role: chance(30) ? "Lead" : nil,
                appliedOn: chance(20) ? .relative(days: -3) : nil,
                url: chance(30) ? pick(["", "https://x.test"]) : nil,
                notes: chance(40) ? pick(["", "edited"]) : nil)
            return try attempt("edit \(id)") { _ = try tracker.edit(id, edit) }
        case 3:
            let id = try applicationID()
            let status = pick(Application.Status.allCases)
            return try attempt("status \(id) \(status.rawValue)") { _ = try tracker.setStatus(id, to: status) }
        case 4 where chance(60):
            let id = try applicationID()
            return try attempt("delete \(id)") { _ = try tracker.delete(id, confirmed: true) }
        case 5, 6:
            let id = try applicationID()
            let zone = pick([nil, TimeZone(identifier: "Europe/London"), TimeZone(identifier: "Asia/Tokyo")])
            let new = NewInterview(
                at: before(hours: 72), interviewer: chance(80) ? "Dana" : nil,
                phone: chance(80) ? "+1 212 555 0100" : nil, timeZone: zone ?? nil,
                decisionBy: chance(30) ? .relative(days: Int.random(in: 1...10, using: &rng)) : nil,
                afterHoursOK: chance(20), busy: chance(30) ? [BusyWindow("12:00-13:00")!] : [],
                notes: chance(30) ? "notes" : nil)
            return try attempt("interview \(id)") { _ = try tracker.logInterview(id, new) }
        case 7...11:
            let id = try applicationID()
            let outcome = pick(CallAttempt.Outcome.allCases)
            let at = before(hours: 30)
            var call = NewCall(outcome: outcome, at: at, notes: chance(30) ? "called" : nil)
            if outcome == .badTime || (outcome == .reached && chance(30)) {
                call.callbackAt = DateTimeInput(
                    .instant(now.addingTimeInterval(Double(Int.random(in: 1...72, using: &rng)) * 3600)))
            }
            if outcome == .reached && chance(40) {
                call.decisionBy = .relative(days: Int.random(in: 2...9, using: &rng))
            }
            let command = outcome == .voicemail && chance(50) ? "voicemail" : "call"
            return try attempt("\(command) \(id) \(outcome.rawValue)") {
                _ = try tracker.logCall(id, call, command: command)
            }
        case 12:
            let id = try applicationID()
            let at = chance(50) ? nil : before(hours: 48)
            return try attempt("thanks \(id)") { _ = try tracker.thanks(id, at: at) }
        case 16, 17:
            return try editInterview(tracker)
        case 18, 19:
            return try editCall(tracker)
        case 20 where chance(70):
            let logged = try interview()
            let id = logged?.interview.id ?? 999
            let withCalls = logged.map { !$0.calls.isEmpty } ?? false
            let confirmed = !chance(10)
            return try attempt("delete-interview \(id)\(withCalls ? " with calls" : "")") {
                _ = try tracker.deleteInterview(id, confirmed: confirmed)
            }
        case 20, 21:
            let id = try call()?.call.id ?? 999
            let confirmed = !chance(10)
            return try attempt("delete-call \(id)") { _ = try tracker.deleteCall(id, confirmed: confirmed) }
        case 22:
            let document = try importDocument()
            var summary: ImportSummary?
            let before = try attempt("import") {
                summary = try tracker.importRecords(document, file: "import.json", format: .json)
            }
            if let summary, summary.calls > 0 {
                steps[steps.count - 1] += " with \(summary.calls) calls"
                accepted["import with calls", default: 0] += 1
            }
            return before
        default:
            let book = try SettingsBook(
                path: fixture.path, now: DateTimeInput(.instant(now)), clock: now,
                systemZone: Self.zone)
            let key = pick([ConfigKey.name, .maxAttempts, .businessHours, .timezone, .quietAfter])
            if chance(30) {
                return try attempt("config \(key.rawValue) --unset") { try book.unset(key) }
            }
            let value =
                switch key {
                case .name: pick(["Alex", "Alex \"AJ\" Doe"])
                case .maxAttempts: pick(["1", "2", "3", "0"])  // 0 is refused
                case .businessHours: pick(["08:00-16:00", "10:00-18:00"])
                case .timezone: pick(["America/New_York", "Europe/London", "Asia/Tokyo"])
                default: pick(["5", "12"])
                }
            return try attempt("config \(key.rawValue) \(value)") { try book.set(key, to: value) }
        }
    }

    /// Changes fields of a logged interview, or of one that does not exist: a moved
    /// interview, a new number its calls move to, a cleared one, a zone, a country.
    mutating func editInterview(_ tracker: Tracker) throws -> Records? {
        let logged = try interview()
        let zones = [TimeZone(identifier: "Europe/London")!, TimeZone(identifier: "Asia/Tokyo")!, Self.zone]
        let decision: FieldChange<DateInput> =
            chance(20) ? (chance(50) ? .clear : .set(.relative(days: Int.random(in: 1...10, using: &rng)))) : .keep
        var edit = InterviewEdit(
            at: chance(25) ? before(hours: 96) : nil, interviewer: chance(20) ? pick(["Dana Reyes", ""]) : nil,
            phone: chance(35) ? pick(["+1 212 555 0199", "+1 (212) 555-0100", ""]) : nil,
            timeZone: chance(20) ? pick(zones) : nil, country: chance(20) ? pick(["GB", "JP", ""]) : nil,
            decisionBy: decision, afterHoursOK: chance(20) ? chance(50) : nil,
            busy: chance(20) ? pick([[], [BusyWindow("Mon-Fri 09:00-09:30")!, BusyWindow("12:00-13:00")!]]) : nil,
            notes: chance(20) ? pick(["", "mended"]) : nil)
        if edit.isEmpty { edit.notes = "mended \(steps.count)" }
        let id = logged?.interview.id ?? 999
        let calls = logged?.calls.count ?? 0
        return try attempt("edit-interview \(id)\(edit.phone != nil && calls > 0 ? " with calls" : "")") {
            _ = try tracker.editInterview(id, edit)
        }
    }

    /// Changes fields of a logged call, or of one that does not exist: its time, its
    /// outcome (a bad time with its callback, a letter with no number), its decision date.
    mutating func editCall(_ tracker: Tracker) throws -> Records? {
        let logged = try call()
        var edit = CallEdit(at: chance(30) ? before(hours: 30) : nil)
        let outcome = chance(40) ? pick(CallAttempt.Outcome.allCases) : logged?.call.outcome
        if let outcome, outcome != logged?.call.outcome {
            edit.outcome = outcome
            edit.callbackAt =
                outcome == .badTime ? .set(DateTimeInput(.instant(now.addingTimeInterval(86_400)))) : .clear
            if outcome != .reached { edit.decisionBy = .clear }
        }
        if outcome == .reached && chance(30) {
            edit.decisionBy = .set(.relative(days: Int.random(in: 2...9, using: &rng)))
        }
        if outcome != .wrote, chance(20), let phone = logged?.interview.phone {
            edit.number = chance(80) ? phone.filter(\.isNumber) : "+1 212 555 0177"
        }
        if edit.isEmpty || chance(30) { edit.notes = pick(["", "mended \(steps.count)"]) }
        let id = logged?.call.id ?? 999
        return try attempt("edit-call \(id)") { _ = try tracker.editCall(id, edit) }
    }

    /// Runs `body`; a refusal must leave the records and the log as they were.
    mutating func attempt(_ step: String, _ body: () throws -> Void) throws -> Records? {
        let before = try records()
        let changes = try changeCount()
        do {
            try body()
            steps.append(step)
            // "delete-interview 3 with calls" counts as a delete-interview and as one with calls.
            let words = step.split(separator: " ")
            accepted[String(words[0]), default: 0] += 1
            if step.hasSuffix(" with calls") { accepted["\(words[0]) with calls", default: 0] += 1 }
            #expect(try changeCount() == changes + 1, "not one change journaled by \(step): \(steps)")
            return before
        } catch let error
            where error is Refusal || error is StoreError || error is FollowUpSettings.Error || error is ExchangeError
        {
            steps.append("(refused: \(step): \(error))")
            #expect(try records() == before, "a refused \(step) changed the records: \(steps)")
            #expect(try changeCount() == changes, "a refused \(step) journaled a change: \(steps)")
            return nil
        }
    }
}

@Suite("undo after random changes, in process")
struct UndoPropertyTests {
    /// The mending commands and import, each of which must have been accepted in some
    /// run (and those that touch calls, with calls), or the property says nothing of them.
    static let mustBeAccepted = [
        "edit-interview", "edit-interview with calls", "edit-call", "delete-interview", "delete-interview with calls",
        "delete-call", "import", "import with calls",
    ]

    @Test("30 random use cases, then as many undos as changes were made, give back the records exactly")
    func randomChangesThenUndos() throws {
        // The runs in turn, not as arguments, to count what was accepted across all of them.
        var accepted: [String: Int] = [:]
        for seed in 1...8 as ClosedRange<UInt64> {
            accepted.merge(try Self.randomChangesThenUndos(seed: seed)) { $0 + $1 }
        }
        for command in Self.mustBeAccepted {
            #expect(accepted[command, default: 0] > 0, "no \(command) was accepted in any run: \(accepted)")
        }
    }

    /// One run: returns how many changes of each command were accepted.
    static func randomChangesThenUndos(seed: UInt64) throws -> [String: Int] {
        var run = try RandomRun(seed: seed)
        // Records from before the run, which the undos must leave as they are.
        let setup = try run.tracker()
        let first = try setup.add(NewApplication(company: "Before", role: "Engineer", highlights: ["kept"]))
        _ = try setup.logInterview(
            first.application.id,
            NewInterview(
                at: DateTimeInput(.instant(run.now.addingTimeInterval(-3600))), interviewer: "Sam", phone: "555 0100"))
        // A call from the start, for the mending commands to edit and delete.
        _ = try setup.logCall(
            first.application.id,
            NewCall(outcome: .voicemail, at: DateTimeInput(.instant(run.now.addingTimeInterval(-1800)))))
        try SettingsBook(path: run.fixture.path, clock: run.now, systemZone: RandomRun.zone).set(.name, to: "Alex")
        let start = try run.records()

        var states: [Records] = []
        for _ in 0..<30 {
            if let before = try run.randomChange() { states.append(before) }
        }
        #expect(states.count >= 10, "too few of the random use cases were accepted: \(run.steps)")
        for (index, state) in states.enumerated().reversed() {
            run.now = run.now.addingTimeInterval(60)
            let undone = try run.tracker().undo()
            #expect(undone.undone)
            #expect(try run.records() == state, "seed \(seed): undo back to before change \(index + 1): \(run.steps)")
        }
        #expect(try run.records() == start, "seed \(seed): \(run.steps)")
        // Only the setup is left to undo.
        let log = try run.tracker().changeLog()
        #expect(log.filter { !$0.undone }.map(\.command) == ["config", "call", "interview", "add"])
        return run.accepted
    }
}

@Suite("export, then import into an empty database, at any now")
struct ExportImportPropertyTests {
    @Test(
        "what export writes, import reads back whole at any now, and exports the same bytes again",
        arguments: 1...6 as ClosedRange<UInt64>)
    func roundTripAtRandomNow(seed: UInt64) throws {
        var run = try RandomRun(seed: seed &+ 100)
        for _ in 0..<30 { _ = try run.randomChange() }
        // At least one interview with a call, whatever the random steps made.
        let setup = try run.tracker()
        let first = try setup.add(NewApplication(company: "Before", role: "Engineer", highlights: ["kept"]))
        _ = try setup.logInterview(
            first.application.id,
            NewInterview(
                at: DateTimeInput(.instant(run.now.addingTimeInterval(-7200))), interviewer: "Sam", phone: "555 0100"))
        _ = try setup.logCall(first.application.id, NewCall(outcome: .voicemail))
        let exported = try run.tracker().export(.json).data
        let text = String(decoding: exported, as: UTF8.self)
        #expect(text.contains("\"outcome\"") && text.contains("\"held_at\""), "no calls to carry: \(run.steps)")
        // Another machine, whose clock reads anything from years before the records to years after.
        let target = try KitFixture()
        let offset = Double(Int.random(in: -3 * 365...3 * 365, using: &run.rng)) * 86_400
        let elsewhere = run.now.addingTimeInterval(offset)
        let importer = try Tracker(
            path: target.path, now: DateTimeInput(.instant(elsewhere)), clock: elsewhere,
            systemZone: TimeZone(identifier: run.pick(["UTC", "Asia/Kolkata", "America/Los_Angeles"]))!)
        _ = try importer.importRecords(exported, file: "export.json", format: .json)
        let again = try Tracker(
            path: target.path, now: DateTimeInput(.instant(elsewhere.addingTimeInterval(3600))), clock: elsewhere,
            systemZone: KitFixture.newYork)
        #expect(try again.export(.json).data == exported, "seed \(seed), now \(elsewhere): \(run.steps)")
    }
}
