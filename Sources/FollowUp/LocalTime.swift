import Foundation

/// A wall-clock reading on a date in a zone, checked against the zone's clock changes:
/// what the user typed may name a minute that never happened (clocks jumped over it).
public enum LocalTime: Sendable, Equatable {
    /// The instant the reading names; for a reading that happens twice (clocks went
    /// back), the first (docs/commands.md §3: "one that exists twice means the first").
    case exists(Date)
    /// The reading falls in a gap: the clocks jumped from `from` to `to` (both "HH:MM").
    case skipped(from: String, to: String)

    /// Reads `hour:minute:second` on `date` in `zone`.
    public static func reading(
        _ date: CalendarDate, hour: Int, minute: Int, second: Int = 0,
        in zone: TimeZone
    ) -> LocalTime {
        let clock = ZoneClock(zone)
        let local = date.dayNumber * ZoneClock.secondsPerDay + hour * 3600 + minute * 60 + second
        let first = clock.occurrences(ofLocal: local).first
        guard clock.local(first) != local else { return .exists(ZoneClock.date(first)) }
        // `first` is the moment of the change: just before it the clock read the gap's start.
        let before = CalendarDate.floorMod(clock.local(first - 1) + 1, ZoneClock.secondsPerDay)
        let after = CalendarDate.floorMod(clock.local(first), ZoneClock.secondsPerDay)
        return .skipped(
            from: FixedText.make(capacity: 5) { $0.appendClock(before, seconds: false) },
            to: FixedText.make(capacity: 5) { $0.appendClock(after, seconds: false) })
    }
}
