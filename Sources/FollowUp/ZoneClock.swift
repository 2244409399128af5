import Foundation

/// Converts between instants and a zone's wall clock using only the zone's offsets,
/// read from its table of transitions (`ZoneOffsets`), so that no `Calendar` is built
/// and no ICU call made per assessment.
///
/// Instants are whole seconds since 1970 (UTC); "local seconds" are the wall-clock
/// reading in the zone written as if it were UTC, so that `local / 86400` is the local
/// day number that `CalendarDate` uses.
struct ZoneClock {
    static let secondsPerDay = 86_400

    let zone: TimeZone
    private let table: ZoneOffsets

    init(_ zone: TimeZone) {
        self.zone = zone
        self.table = ZoneOffsets.table(for: zone)
    }

    static func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }

    static func date(_ seconds: Int) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    func offset(at instant: Int) -> Int {
        table.offset(at: instant) ?? ZoneOffsets.offset(in: zone, at: instant)
    }

    func local(_ instant: Int) -> Int { instant + offset(at: instant) }

    /// The date this clock shows at `instant`: `CalendarDate.containing(_:in:)` for a
    /// caller that reads many instants on one clock and looks its table up once.
    func date(containing instant: Date) -> CalendarDate {
        CalendarDate(dayNumber: localDay(of: Self.seconds(instant)).day)
    }

    /// The local day number and second of that day at `instant`.
    func localDay(of instant: Int) -> (day: Int, second: Int) {
        let local = local(instant)
        let second = CalendarDate.floorMod(local, Self.secondsPerDay)
        return ((local - second) / Self.secondsPerDay, second)
    }

    /// The instants at which the wall clock reads `local`, earliest first.
    ///
    /// Usually one. Two when clocks go back and the reading happens twice (`second`).
    /// None when clocks go forward past it; then `first` is the moment of the change,
    /// which is the first existing minute after the skipped one — what a person who
    /// meant "02:30" on the night clocks jump from 02:00 to 03:00 gets at 03:00.
    func occurrences(ofLocal local: Int) -> (first: Int, second: Int?) {
        // The true instant lies within 14 hours of `local`, so the offsets a day either
        // side bracket it: they differ only if a change happens in between.
        let before = offset(at: local - Self.secondsPerDay)
        let after = offset(at: local + Self.secondsPerDay)
        let early = local - max(before, after)
        let late = local - min(before, after)
        let earlyFits = offset(at: early) == max(before, after)
        let lateFits = offset(at: late) == min(before, after)
        switch (earlyFits, lateFits) {
        case (true, true): return early == late ? (early, nil) : (early, late)
        case (true, false): return (early, nil)
        case (false, true): return (late, nil)
        case (false, false): return (transition(after: early, before: late), nil)
        }
    }

    /// The first instant in (low, high] whose offset differs from the one at `low`:
    /// a bisection, about a dozen lookups for an hour-long gap.
    private func transition(after low: Int, before high: Int) -> Int {
        let startOffset = offset(at: low)
        var low = low
        var high = high
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offset(at: middle) == startOffset { low = middle } else { high = middle }
        }
        return high
    }

    /// `instant` rounded up to the next whole minute of the wall clock ("seconds round
    /// up": 10:30:01 becomes 10:31); an instant on a whole minute stays.
    func roundedUpToMinute(_ date: Date) -> Int {
        let whole = Self.seconds(date)
        let hasFraction = date.timeIntervalSince1970 > TimeInterval(whole)
        let intoMinute = CalendarDate.floorMod(local(whole), 60)
        if intoMinute == 0 && !hasFraction { return whole }
        return whole + 60 - intoMinute
    }
}

/// Formatting of instants and local times for the reasons and for the CLI, with static
/// tables instead of formatters.
public enum TimeText {
    /// ISO 8601 with the zone's offset at that instant, to the second:
    /// "2026-12-02T09:00:00-05:00". A zero offset prints as "+00:00", not "Z", so that
    /// every time reads the same way.
    public static func iso8601(_ instant: Date, in zone: TimeZone) -> String {
        FixedText.make(capacity: 25) { appendISO8601(instant, in: zone, to: &$0) }
    }

    /// `iso8601`, added to the end of `bytes`.
    public static func appendISO8601(_ instant: Date, in zone: TimeZone, to bytes: inout [UInt8]) {
        FixedText.append(capacity: 25, to: &bytes) { appendISO8601(instant, in: zone, to: &$0) }
    }

    private static func appendISO8601(_ instant: Date, in zone: TimeZone, to text: inout FixedText) {
        let clock = ZoneClock(zone)
        let seconds = ZoneClock.seconds(instant)
        let offset = clock.offset(at: seconds)
        let (day, second) = clock.localDay(of: seconds)
        let magnitude = abs(offset) / 60
        CalendarDate(dayNumber: day).appendISO(to: &text)
        text.append("T")
        text.appendClock(second, seconds: true)
        text.append(offset < 0 ? "-" : "+")
        text.append(magnitude / 60, width: 2)
        text.append(":")
        text.append(magnitude % 60, width: 2)
    }

    /// RFC 5545's UTC form, "20261202T150000Z", for calendars.
    public static func basicUTC(_ instant: Date) -> String {
        let seconds = ZoneClock.seconds(instant)
        let second = CalendarDate.floorMod(seconds, ZoneClock.secondsPerDay)
        let (year, month, day) = CalendarDate.civil(fromDays: (seconds - second) / ZoneClock.secondsPerDay)
        return FixedText.make(capacity: 16) { text in
            text.append(year, width: 4)
            text.append(month, width: 2)
            text.append(day, width: 2)
            text.append("T")
            text.append(second / 3600, width: 2)
            text.append(second / 60 % 60, width: 2)
            text.append(second % 60, width: 2)
            text.append("Z")
        }
    }

    /// Whether the two zones' clocks read alike at `instant` (one offset): then a time
    /// is given once, without "(… their time)". From the zones' tables, where asking
    /// Foundation cost an ICU call per zone per line of a report.
    public static func clocksAgree(_ zone: TimeZone, _ other: TimeZone, at instant: Date) -> Bool {
        let seconds = ZoneClock.seconds(instant)
        return ZoneClock(zone).offset(at: seconds) == ZoneClock(other).offset(at: seconds)
    }

    /// The minute of the day `zone`'s wall clock shows at `instant` (0 at midnight), as
    /// daily windows count them.
    public static func minuteOfDay(_ instant: Date, in zone: TimeZone) -> Int {
        ZoneClock(zone).localDay(of: ZoneClock.seconds(instant)).second / 60
    }

    /// The wall-clock time at `instant` in `zone`, "14:00".
    public static func hourMinute(_ instant: Date, in zone: TimeZone) -> String {
        let second = ZoneClock(zone).localDay(of: ZoneClock.seconds(instant)).second
        return FixedText.make(capacity: 5) { $0.appendClock(second, seconds: false) }
    }
}
