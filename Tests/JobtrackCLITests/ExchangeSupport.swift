import Foundation
import Testing

// Fixtures shared by the import/export tests: a database with every field and state
// filled in, hostile text included, built with the real commands.

/// Text that breaks naive code: quotes, commas, semicolons, backslashes, line breaks,
/// tabs, SQL, right-to-left scripts, emoji, and a line long enough to fold in iCalendar.
enum HostileText {
    static let company = "Ünïcødé \"Quotes\", Inc; \\ back\\slash"
    static let role = "Staff Engineer,\nPlatform\t(remote)"
    static let notes = "'; DROP TABLE applications; --\r\nsecond line, \"quoted\"\n🚀 שלום مرحبا"
    static let long = String(repeating: "é", count: 45) + " 🚀🚀🚀 " + String(repeating: "x", count: 40)
    static let name = "Alex \"AJ\" O'Doe, Jr."
}

/// The database of `populateEverything`, built once with the commands and copied into
/// each test's sandbox: some thirty runs of the binary, paid for once.
private let populatedTemplate = Result { () throws -> Sandbox in
    let box = try Sandbox()
    try box.populateByHand()
    return box
}

extension Sandbox {
    /// Eight applications covering every status, interviews in three zones (one with no
    /// phone, one app with two rounds), every call outcome, callbacks, busy windows,
    /// decision dates, after-hours, and every setting. The sandbox's database is replaced.
    func populateEverything() throws {
        let template = try populatedTemplate.get()
        #expect(template.now == now, "the template was built at another *now*")
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.removeItem(atPath: db + suffix)
        }
        // Every run of the binary has ended, so the write-ahead log is checkpointed and gone.
        try FileManager.default.copyItem(atPath: template.db, toPath: db)
    }

    fileprivate func populateByHand() throws {
        try ok(["config", "name", HostileText.name])
        try ok(["config", "business_hours", "08:30-16:30"])
        try ok(["config", "after_hours", "07:00-21:00"])
        try ok(["config", "holidays", "2026-12-24,2026-12-25"])
        try ok(["config", "max_attempts", "3"])

        let first = try add(
            HostileText.company, HostileText.role,
            [
                "--url", "https://example.test/jobs?id=1&x=a,b", "--note", HostileText.notes,
                "--highlight", HostileText.long, "--highlight", "Led a team; shipped, on time",
                "--applied-on", "2026-11-20",
            ])
        try interview(
            first,
            [
                "--busy", "09:00-10:00", "--busy", "13:00-14:00", "--after-hours-ok",
                "--decision-by", "2026-12-01", "--note", HostileText.notes,
            ])
        try ok(["voicemail", String(first), "--at", "2026-12-01 11:00", "--note", "left a message, \"short\""])
        try ok(["call", String(first), "--outcome", "no-answer", "--at", "2026-12-02 09:00"])

        let second = try add("Globex", "Product Manager")
        try interview(
            second, at: "2026-11-27 14:00", phone: "+44 20 7946 0000", with: "Lee Chen",
            tz: "Europe/London")
        try ok([
            "call", String(second), "--outcome", "bad-time", "--at", "2026-12-01 11:00",
            "--callback-at", "2026-12-03 15:00", "--note", "in a meeting",
        ])

        let third = try add("Initech", "Backend Developer")
        try interview(
            third, at: "2026-11-30 10:00", phone: "+91 (22) 5555.0100", with: "Sam Patel",
            tz: "Asia/Tokyo")
        try ok([
            "call", String(third), "--outcome", "reached", "--at", "2026-12-01 12:00",
            "--callback-at", "2026-12-07 10:00", "--number", "+91 22 5555 0100",
        ])

        let fourth = try add("Umbrella", "SRE")
        try interview(fourth, at: "2026-11-16 09:00", phone: nil, with: nil)
        try interview(fourth, at: "2026-11-25 16:30", phone: "555-0142", with: "Kim Lee")
        try ok(["status", String(fourth), "offer"])

        for status in ["accepted", "rejected", "withdrawn"] {
            let id = try add("Closed \(status)", "Role")
            try ok(["status", String(id), status])
        }
        try add("Hooli", "Designer", ["--url", "https://hooli.test"])
    }

    /// Writes `text` (or bytes) to a file in the sandbox and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        try file(name, Data(text.utf8))
    }

    func file(_ name: String, _ data: Data) throws -> String {
        let path = path(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `export --format FORMAT` to stdout, which must succeed.
    func export(_ format: String) throws -> String {
        try ok(["export", "--format", format]).stdout
    }
}

/// `value` without any "id" member, at any depth: documents compared "apart from ids".
func withoutIDs(_ value: JSON) -> JSON {
    switch value {
    case .object(let members):
        var kept: [String: JSON] = [:]
        for (key, member) in members where key != "id" { kept[key] = withoutIDs(member) }
        return .object(kept)
    case .array(let items):
        return .array(items.map(withoutIDs))
    default:
        return value
    }
}
