import Foundation
import Testing

@testable import JobStore

/// A repository over a fresh database file in its own temporary folder.
struct Fixture {
    let folder: TemporaryFolder
    let database: Database
    let repository: Repository
    let now = Date(timeIntervalSince1970: 1_796_000_000)

    init() throws {
        folder = try TemporaryFolder()
        database = try Database(path: folder.path("jobtrack.sqlite3"))
        repository = Repository(database: database)
    }

    @discardableResult
    func application(_ company: String = "Acme", highlights: [String] = []) throws -> Application {
        try repository.insertApplication(
            company: company, role: "Engineer", appliedOn: "2026-11-02", highlights: highlights, now: now)
    }

    @discardableResult
    func interview(of application: Application, phone: String? = "+1 555 0100") throws -> Interview {
        try repository.insertInterview(
            applicationID: application.id, heldAt: now, tz: "America/New_York", interviewer: "Dana", phone: phone)
    }

    func count(_ table: String) throws -> Int {
        try database.fetchOne("SELECT count(*) FROM \(table)") { $0.int(0) } ?? -1
    }
}

@Suite("Records in the store")
struct RepositoryTests {
    @Test("an application round-trips with every field")
    func applicationRoundTrip() throws {
        let fixture = try Fixture()
        let stored = try fixture.repository.insertApplication(
            company: "Acme", role: "Staff Engineer", status: .interviewing, appliedOn: "2026-11-02",
            url: "https://acme.example/jobs/1", notes: "referred by Sam",
            highlights: ["Shipped payments at scale", "Led a team of five"], now: fixture.now)
        #expect(try fixture.repository.application(stored.id) == stored)
        #expect(stored.highlights == ["Shipped payments at scale", "Led a team of five"])
        #expect(stored.createdAt == fixture.now && stored.updatedAt == fixture.now)
    }

    @Test("an update writes every field and stamps updated_at")
    func applicationUpdate() throws {
        let fixture = try Fixture()
        var application = try fixture.application(highlights: ["one", "two"])
        application.company = "Acme Corp"
        application.status = .offer
        application.url = nil
        application.highlights = ["three"]
        let later = fixture.now.addingTimeInterval(3600)
        let updated = try fixture.repository.updateApplication(application, now: later)
        #expect(updated.company == "Acme Corp" && updated.status == .offer && updated.highlights == ["three"])
        #expect(updated.updatedAt == later && updated.createdAt == fixture.now)
        #expect(try fixture.count("highlights") == 1)
    }

    @Test("unknown ids are named in a typed error")
    func unknownIDs() throws {
        let fixture = try Fixture()
        #expect(throws: StoreError.unknownApplication(42)) { try fixture.repository.application(42) }
        #expect(throws: StoreError.unknownApplication(42)) { try fixture.repository.deleteApplication(42) }
        #expect(throws: StoreError.unknownApplication(42)) { try fixture.repository.history(of: 42) }
        #expect(throws: StoreError.unknownApplication(42)) {
            try fixture.repository.insertInterview(applicationID: 42, heldAt: fixture.now, tz: "UTC")
        }
        #expect(throws: StoreError.unknownInterview(7)) {
            try fixture.repository.insertCall(interviewID: 7, at: fixture.now, outcome: .reached, number: "1")
        }
        #expect(throws: StoreError.unknownCall(3)) { try fixture.repository.deleteCall(3) }
    }

    @Test("interviews and calls round-trip, ordered by time then by the order logged")
    func interviewsAndCalls() throws {
        let fixture = try Fixture()
        let application = try fixture.application()
        let later = try fixture.repository.insertInterview(
            applicationID: application.id, heldAt: fixture.now.addingTimeInterval(86_400), tz: "Asia/Tokyo",
            interviewer: "Kenji", phone: "+81 3 1234 5678", decisionBy: "2026-12-04", afterHoursOK: true,
            busy: ["09:00-12:00", "13:00-14:00"], notes: "second round")
        let first = try fixture.interview(of: application)
        #expect(try fixture.repository.interviews(of: application.id) == [first, later])
        #expect(later.busy == ["09:00-12:00", "13:00-14:00"] && later.afterHoursOK && later.decisionBy == "2026-12-04")

        let at = fixture.now.addingTimeInterval(7200)
        let voicemail = try fixture.repository.insertCall(
            interviewID: first.id, at: at, outcome: .voicemail, number: "+1 555 0100", notes: "left message")
        let sameInstant = try fixture.repository.insertCall(
            interviewID: first.id, at: at, outcome: .badTime, callbackAt: at.addingTimeInterval(3600),
            number: "+1 555 0100")
        #expect(try fixture.repository.calls(of: first.id) == [voicemail, sameInstant])

        let history = try fixture.repository.history(of: application.id)
        #expect(history.interviews.map(\.interview) == [first, later])
        #expect(history.interviews[0].calls == [voicemail, sameInstant])
        #expect(history.interviews[1].calls.isEmpty)
    }

    @Test("interviews and calls are updated and deleted by id")
    func updateAndDelete() throws {
        let fixture = try Fixture()
        let application = try fixture.application()
        var interview = try fixture.interview(of: application)
        interview.phone = "+1 555 0199"
        interview.busy = ["12:00-13:00"]
        interview.decisionBy = "2026-12-11"
        #expect(try fixture.repository.updateInterview(interview) == interview)

        var call = try fixture.repository.insertCall(
            interviewID: interview.id, at: fixture.now, outcome: .voicemail, number: "+1 555 0199")
        call.outcome = .badTime
        call.callbackAt = fixture.now.addingTimeInterval(3600)
        call.notes = "call back at lunch"
        #expect(try fixture.repository.updateCall(call) == call)
        #expect(try fixture.repository.calls(of: interview.id) == [call])

        call.callbackAt = nil
        #expect(throws: SQLiteError.self) { try fixture.repository.updateCall(call) }
        #expect(try fixture.repository.call(call.id).callbackAt != nil)

        try fixture.repository.deleteCall(call.id)
        #expect(try fixture.repository.calls(of: interview.id).isEmpty)
        try fixture.repository.deleteInterview(interview.id)
        #expect(try fixture.repository.interviews(of: application.id).isEmpty)
        #expect(throws: StoreError.unknownInterview(interview.id)) { try fixture.repository.updateInterview(interview) }
        #expect(throws: StoreError.unknownCall(call.id)) { try fixture.repository.updateCall(call) }
    }

    @Test("histories load open applications only, each with its interviews, calls and highlights")
    func histories() throws {
        let fixture = try Fixture()
        var ids: [Int64] = []
        for index in 0..<30 {
            let application = try fixture.application("Company \(index)", highlights: ["h\(index)"])
            let interview = try fixture.interview(of: application)
            try fixture.repository.insertCall(
                interviewID: interview.id, at: fixture.now.addingTimeInterval(60), outcome: .noAnswer,
                number: "+1 555 0100")
            ids.append(application.id)
        }
        var closed = try fixture.repository.application(ids[3])
        closed.status = .rejected
        try fixture.repository.updateApplication(closed, now: fixture.now)

        let open = try fixture.repository.histories(.open)
        #expect(open.count == 29)
        #expect(!open.contains { $0.application.id == ids[3] })
        #expect(open.allSatisfy { $0.interviews.count == 1 && $0.interviews[0].calls.count == 1 })
        #expect(open.allSatisfy { $0.application.highlights == ["h\($0.application.id - 1)"] })
        #expect(try fixture.repository.histories(.all).count == 30)
    }

    @Test("deleting an application deletes its interviews, calls and highlights")
    func cascade() throws {
        let fixture = try Fixture()
        let application = try fixture.application(highlights: ["x"])
        let interview = try fixture.interview(of: application)
        try fixture.repository.insertCall(interviewID: interview.id, at: fixture.now, outcome: .reached, number: "1")
        let survivor = try fixture.application("Other")
        try fixture.interview(of: survivor)
        try fixture.repository.deleteApplication(application.id)
        #expect(try fixture.count("interviews") == 1)
        #expect(try fixture.count("call_attempts") == 0)
        #expect(try fixture.count("highlights") == 0)
        #expect(try fixture.count("applications") == 1)
    }

    @Test("settings are set, replaced, read and removed")
    func settings() throws {
        let fixture = try Fixture()
        try fixture.repository.setSetting("name", to: "Alex Doe")
        try fixture.repository.setSetting("max_attempts", to: "3")
        try fixture.repository.setSetting("name", to: "Alex")
        #expect(try fixture.repository.settings() == ["name": "Alex", "max_attempts": "3"])
        try fixture.repository.removeSetting("name")
        #expect(try fixture.repository.setting("name") == nil)
    }

    static let hostileTexts = [
        "'); DROP TABLE applications; --",
        "Robert\"); DELETE FROM interviews WHERE (\"1\"=\"1",
        "line one\nline two\r\nline three",
        "emoji 👩🏽‍💻 and 🇯🇵, accents déjà vu, 日本語",
        "tab\tand NUL\u{0}inside",
        "  leading and trailing spaces  ",
        "%s %d {{x}} $(rm -rf ~) `id`",
    ]

    @Test("hostile text round-trips exactly", arguments: hostileTexts)
    func hostileText(_ text: String) throws {
        let fixture = try Fixture()
        let application = try fixture.repository.insertApplication(
            company: text, role: text, appliedOn: "2026-11-02", url: text, notes: text, highlights: [text, text],
            now: fixture.now)
        let interview = try fixture.repository.insertInterview(
            applicationID: application.id, heldAt: fixture.now, tz: "UTC", interviewer: text, phone: text, notes: text)
        let call = try fixture.repository.insertCall(
            interviewID: interview.id, at: fixture.now, outcome: .reached, number: text, notes: text)
        try fixture.repository.setSetting("name", to: text)

        let history = try fixture.repository.history(of: application.id)
        #expect(history.application.company == text && history.application.role == text)
        #expect(history.application.url == text && history.application.notes == text)
        #expect(history.application.highlights == [text, text])
        #expect(history.interviews[0].interview.interviewer == text && history.interviews[0].interview.notes == text)
        #expect(history.interviews[0].calls == [call] && call.number == text && call.notes == text)
        #expect(try fixture.repository.setting("name") == text)
        #expect(try fixture.count("applications") == 1)
    }
}
