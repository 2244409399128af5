import FollowUp
import Foundation
import PropertyBased
import Testing

@testable import JobtrackKit

@Suite("typed times, on whose clock")
struct ClockPropertyTests {
    static let names = [
        "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Asia/Tokyo",
        "Australia/Sydney", "America/Sao_Paulo", "Pacific/Auckland", "UTC",
    ]

    @Test("a wall time typed with `their` and the same typed with the zone's name are one instant, in any zone")
    func theirIsTheZoneName() throws {
        var rng = Xoshiro(seed: (20_261_202, 0x9E37_79B9_7F4A_7C15, 7, 11))
        let dates = ["2026-11-30", "today", "tomorrow", "yesterday", "+3d", "-12d", "monday", "last friday", "sat"]
        for _ in 0..<400 {
            let name = Self.names.randomElement(using: &rng)!
            let their = TimeZone(identifier: name)!
            let user = TimeZone(identifier: Self.names.randomElement(using: &rng)!)!
            let date = dates.randomElement(using: &rng)!
            let hour = Int.random(in: 0..<24, using: &rng)
            let minute = Int.random(in: 0..<60, using: &rng)
            let time =
                Bool.random(using: &rng)
                ? String(format: "%02d:%02d", hour, minute)
                : "\(hour % 12 == 0 ? 12 : hour % 12)\(hour < 12 ? "am" : "pm")"
            let now = Date(timeIntervalSince1970: Double(Int.random(in: 1_700_000_000...1_900_000_000, using: &rng)))
            let typed = "\(date) \(time)"
            let viaTheir = Result { try DateTimeInput("\(typed) their")!.resolve(now: now, user: user, their: their) }
            let viaName = Result {
                try DateTimeInput("\(typed) \(name)")!.resolve(now: now, user: user, their: nil)
            }
            switch (viaTheir, viaName) {
            case (.success(let a), .success(let b)):
                #expect(a == b, "\(typed) in \(name), user \(user.identifier), now \(now)")
            case (.failure(let a), .failure(let b)):
                // A time in a daylight-saving gap is refused the same way either way.
                #expect("\(a)" == "\(b)", "\(typed) in \(name)")
            default:
                Issue.record("one way read \(typed) in \(name), the other refused it")
            }
        }
    }
}
