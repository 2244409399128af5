import Foundation
import Testing

@testable import JobtrackKit

@Suite("import checks each application as it reads it, and refuses as if it had read the whole file first")
struct ImportReadingTests {
    static let good = #"{"company": "Acme", "role": "Engineer"}"#
    static let bad = #"{"company": " ", "role": "Engineer"}"#

    /// `applications` and `more` in an export document, imported into an empty database.
    static func importing(_ applications: [String], _ more: String = "") throws -> ImportSummary {
        let text =
            #"{"format": "jobtrack", "version": 1"# + more + #", "applications": ["#
            + applications.joined(separator: ", ") + "]}"
        return try KitFixture().tracker(at: "2026-12-02 10:30").importRecords(
            Data(text.utf8), file: "in.json", format: .json)
    }

    @Test("a syntax error after a bad application is the one named")
    func syntaxErrorComesFirst() {
        #expect(
            throws: ExchangeError.notJSON("in.json", reason: "expected ',' or '}' in an object at line 1, column 153")
        ) {
            try Self.importing([Self.good, Self.bad, #"{"company": "Acme" "role": "Engineer"}"#])
        }
    }

    @Test("of several bad applications, the first is named")
    func firstBadApplication() {
        #expect(
            throws: ExchangeError.invalid(
                "in.json", position: "applications[1].company", reason: "expected non-empty text")
        ) {
            try Self.importing([Self.good, Self.bad, Self.bad])
        }
    }

    @Test("a bad setting after the applications is named before a bad application")
    func settingsComeFirst() {
        let refused = #expect(throws: ExchangeError.self) {
            try Self.importing([Self.bad], #", "applications": [], "settings": {"max_attempts": "many"}"#)
        }
        #expect(refused.map { "\($0)" }?.contains("settings.max_attempts") == true, "\(String(describing: refused))")
    }

    @Test("applications given twice: the last array is the one imported, as a JSON reader keeps the last name")
    func lastApplicationsWin() throws {
        let text =
            #"{"format": "jobtrack", "version": 1, "applications": ["# + Self.bad + #", "# + Self.good
            + #"], "applications": ["# + Self.good + "]}"
        let summary = try KitFixture().tracker(at: "2026-12-02 10:30").importRecords(
            Data(text.utf8), file: "in.json", format: .json)
        #expect(summary.applicationIDs.count == 1)
        let none = #"{"format": "jobtrack", "version": 1, "applications": ["# + Self.good + #"], "applications": null}"#
        #expect(
            try KitFixture().tracker(at: "2026-12-02 10:30").importRecords(
                Data(none.utf8), file: "in.json", format: .json
            ).applicationIDs.isEmpty)
    }

    @Test("an id given twice names both records, each where it stands in the document")
    func repeatedIDsNamePositions() {
        func call(_ id: Int) -> String {
            #"{"id": \#(id), "at": "2026-11-27T16:30:00+01:00", "outcome": "reached", "number": "+1 555 0597"}"#
        }
        func interview(_ id: Int, _ calls: [String]) -> String {
            #"{"id": \#(id), "held_at": "2026-11-25T15:30:00+01:00", "tz": "Europe/Berlin", "phone": "+1 555 0597", "#
                + #""calls": ["# + calls.joined(separator: ", ") + "]}"
        }
        func application(_ id: Int, _ interviews: [String]) -> String {
            #"{"id": \#(id), "company": "Acme", "role": "Engineer", "interviews": ["#
                + interviews.joined(separator: ", ") + "]}"
        }
        #expect(
            throws: ExchangeError.invalid(
                "in.json", position: "applications[1].interviews[1].calls[1].id",
                reason: "id 7 is already the id of applications[0].interviews[0].calls[0]")
        ) {
            try Self.importing([
                application(1, [interview(3, [call(7)])]),
                application(2, [interview(4, [call(8)]), interview(5, [call(9), call(7)])]),
            ])
        }
    }
}
