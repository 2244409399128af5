import Foundation
import Testing

@Suite("script and config")
struct ScriptAndConfigTests {
    @Test("script says who you are, to whom, for which role, on which number, and how to record the call")
    func script() throws {
        let sandbox = try Sandbox()
        try sandbox.ok(["config", "name", "Alex Doe"])
        try sandbox.add(
            "Acme", "Platform Engineer",
            [
                "--highlight", "Led the 2025 ledger migration",
                "--highlight", "Cut p99 latency by 40%",
            ])
        try sandbox.interview(1)
        let outcome = try sandbox.ok(["script", "1"])
        let text = outcome.stdout
        for fragment in [
            "Dana Reyes", "Acme", "Platform Engineer", "Alex Doe", danaPhone,
            "jobtrack voicemail 1", "jobtrack call 1 --outcome bad-time --callback-at",
            "Led the 2025 ledger migration", "Cut p99 latency by 40%",
        ] {
            #expect(text.contains(fragment), "the script should contain \(fragment):\n\(text)")
        }
        #expect(!text.contains("\u{1B}"))
    }

    @Test("script for another application uses its own id in the commands")
    func scriptOtherID() throws {
        let sandbox = try Sandbox()
        try sandbox.ok(["config", "name", "Alex Doe"])
        try sandbox.add("Acme")
        try sandbox.add("Globex", "SRE")
        try sandbox.interview(2, phone: "646-555-0199", with: "Sam Lee")
        let text = try sandbox.ok(["script", "2"]).stdout
        for fragment in [
            "Sam Lee", "Globex", "SRE", "646-555-0199", "jobtrack voicemail 2",
            "jobtrack call 2 --outcome bad-time --callback-at",
        ] {
            #expect(text.contains(fragment), "the script should contain \(fragment):\n\(text)")
        }
    }

    @Test("config sets a value, reads it back, lists it, and prints JSON")
    func config() throws {
        let sandbox = try Sandbox()
        try sandbox.ok(["config", "name", "Alex Doe"])
        try sandbox.ok(["config", "business_hours", "08:30-16:30"])
        try sandbox.ok(["config", "after_hours", "07:00-21:00"])
        try sandbox.ok(["config", "holidays", "2026-12-24,2026-12-25"])
        try sandbox.ok(["config", "max_attempts", "3"])

        let one = try sandbox.ok(["config", "name"])
        #expect(one.stdout.contains("Alex Doe"), "\(one)")

        let all = try sandbox.ok(["config"])
        for fragment in [
            "name", "Alex Doe", "timezone", newYork, "business_hours", "08:30-16:30",
            "max_attempts", "3",
        ] {
            #expect(all.stdout.contains(fragment), "config should list \(fragment): \(all)")
        }

        let json = try sandbox.json(["config"])
        #expect(json.object != nil, "config --json is an object: \(json)")
        #expect(json["name"] == .string("Alex Doe"))
        #expect(json["timezone"] == .string(newYork))
        #expect(json["business_hours"] == .string("08:30-16:30"))
        #expect(json["after_hours"] == .string("07:00-21:00"))
        #expect(json["max_attempts"] == .string("3") || json["max_attempts"] == .int(3), "\(json)")
        let holidays = json["holidays"]
        #expect(
            holidays?.string?.contains("2026-12-24") == true
                || holidays?.array?.contains(.string("2026-12-24")) == true,
            "\(json)")
    }

    @Test("config replaces a value")
    func configReplaces() throws {
        let sandbox = try Sandbox()
        try sandbox.ok(["config", "name", "Alex Doe"])
        try sandbox.ok(["config", "name", "Alex Q. Doe"])
        #expect(try sandbox.json(["config"])["name"] == .string("Alex Q. Doe"))
    }

    @Test("the timezone setting is stored and used")
    func configTimezone() throws {
        let sandbox = try Sandbox(zone: "Europe/Berlin")
        #expect(try sandbox.json(["config"])["timezone"] == .string("Europe/Berlin"))
    }
}
