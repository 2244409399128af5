import Foundation
import Testing

@testable import JobtrackKit

@Suite("an ISO 8601 instant with an offset, read byte by byte")
struct InstantReadingTests {
    /// 2026-12-02 19:00 UTC.
    static let seven = 1_796_238_000.0

    @Test(
        arguments: [
            ("2026-12-02T14:00:00-05:00", seven), ("2026-12-02T19:00Z", seven), ("2026-12-02t14:00-0500", seven),
            ("2026-12-02 19:00:00.5+00:00", seven + 0.5), ("2026-12-02T19:00:00,25z", seven + 0.25),
            ("2026-12-03T00:30:00+05:30", seven), ("2026-12-02T19:00:59Z", seven + 59),
        ])
    func reads(text: String, seconds: Double) {
        #expect(DateTimeInput.isoInstant(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(
        arguments: [
            "", "2026-12-02", "2026-12-02T19:00", "2026-12-02T24:00Z", "2026-12-02T19:60Z", "2026-12-02T19:00:60Z",
            "2026-12-02T19:00:00.Z", "2026-12-02T19:00+19:00", "2026-12-02T19:00-05:60", "2026-12-02T19:00Zx",
            "2026-12-02T19:00:00-05:00 ", "2026-02-30T19:00Z", "2026-12-02X19:00Z", "2026-12-02T1:00Z",
        ])
    func refuses(text: String) {
        #expect(DateTimeInput.isoInstant(text) == nil)
    }
}
