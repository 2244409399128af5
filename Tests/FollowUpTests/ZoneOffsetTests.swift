import Foundation
import PropertyBased
import Testing

@testable import FollowUp

/// `ZoneOffsets`, the table of transitions that stands in for ICU's per-instant lookup,
/// must be the same function as `TimeZone.secondsFromGMT(for:)`.
struct ZoneOffsetTests {
    /// A dozen zones: daylight saving north and south, half-hour and 45-minute offsets,
    /// Lord Howe's half-hour saving, changes of standard offset (Moscow, Pyongyang,
    /// Caracas), a skipped day (Apia), Morocco's Ramadan changes, and no changes at all.
    static let zones = [
        "America/New_York", "Europe/London", "Australia/Sydney", "America/Santiago",
        "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "Europe/Moscow",
        "Asia/Pyongyang", "America/Caracas", "Pacific/Apia", "Africa/Casablanca", "UTC",
    ]

    /// 1970-01-01 through 2060-12-31, in whole seconds.
    static let span = 0..<2_871_676_800

    static let instant = Generator<(String, Int), Shrink.None<(String, Int)>> { rng in
        (zones.randomElement(using: &rng)!, Int.random(in: span, using: &rng))
    }

    @Test("the table gives Foundation's offset at random instants of 1970–2060 in a dozen zones")
    func randomInstants() async {
        await propertyCheck(count: 3000, input: Self.instant) { name, instant in
            let zone = TimeZone(identifier: name)!
            let expected = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
            #expect(ZoneClock(zone).offset(at: instant) == expected, "\(name) at \(instant)")
        }
    }

    @Test("the table gives Foundation's offset either side of every transition of 1970–2060", arguments: zones)
    func aroundTransitions(name: String) {
        let zone = TimeZone(identifier: name)!
        let clock = ZoneClock(zone)
        var after = Date(timeIntervalSince1970: TimeInterval(Self.span.lowerBound))
        while let next = zone.nextDaylightSavingTimeTransition(after: after),
            next.timeIntervalSince1970 < TimeInterval(Self.span.upperBound)
        {
            let instant = Int(next.timeIntervalSince1970)
            for probe in [instant - 3601, instant - 1, instant, instant + 1, instant + 3600] {
                let expected = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(probe)))
                #expect(clock.offset(at: probe) == expected, "\(name) at \(probe)")
            }
            after = next
        }
    }

    @Test("a table built for a few years covers exactly them, and agrees with Foundation inside")
    func span() {
        let zone = TimeZone(identifier: "America/New_York")!
        let table = ZoneOffsets(zone: zone, years: 2026, through: 2027)
        #expect(table.offset(at: 1_767_225_600 - 1) == nil)  // 2025-12-31T23:59:59Z
        #expect(table.offset(at: 1_830_297_600) == nil)  // 2028-01-01T00:00:00Z
        for instant in stride(from: 1_767_225_600, to: 1_830_297_600, by: 3_599) {
            #expect(
                table.offset(at: instant)
                    == zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
        }
    }
}

@Suite("dates and times written as bytes")
struct TimeBytesTests {
    @Test(
        "the bytes are those of the text, in any zone, across the year",
        arguments: ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham", "UTC"])
    func bytesAreTheText(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        for day in stride(from: 0, to: 400, by: 7) {
            let instant = Date(timeIntervalSince1970: 1_767_225_600 + Double(day * 86_400 + day * 397 % 86_400))
            var bytes: [UInt8] = Array("x".utf8)
            TimeText.appendISO8601(instant, in: zone, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x" + TimeText.iso8601(instant, in: zone))
            let date = CalendarDate.containing(instant, in: zone)
            var dateBytes: [UInt8] = []
            date.appendISO(to: &dateBytes)
            #expect(String(decoding: dateBytes, as: UTF8.self) == date.iso)
        }
    }
}
