import Foundation

/// One zone's offsets from UTC over a span of years, as a table of its transitions:
/// between two transitions the offset is constant, so an offset is a binary search
/// over a handful of instants instead of ICU's `secondsFromGMT(for:)` behind a lock,
/// which was an eighth of `today --json` at 10,000 applications (bench/results.md).
///
/// The table is read from Foundation once per transition
/// (`nextDaylightSavingTimeTransition(after:)`, which reports every change of offset,
/// not only daylight saving's) and is the same function as `secondsFromGMT(for:)`
/// over the years it covers; a property test holds the two to it over 1970–2060.
final class ZoneOffsets: Sendable {
    /// The first instant covered, and the first instant after the span.
    let lowerBound: Int
    let upperBound: Int
    /// Transition instants inside the span, ascending.
    private let transitions: [Int]
    /// `offsets[0]` holds from `lowerBound`, `offsets[i + 1]` from `transitions[i]`.
    private let offsets: [Int]

    /// Nothing covered: every lookup misses.
    static let empty = ZoneOffsets(lowerBound: 0, upperBound: 0, transitions: [], offsets: [0])

    private init(lowerBound: Int, upperBound: Int, transitions: [Int], offsets: [Int]) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The offsets of `zone` from the start of year `first` to the end of year `last`.
    init(zone: TimeZone, years first: Int, through last: Int) {
        let lowerBound = CalendarDate.daysFromCivil(year: first, month: 1, day: 1) * ZoneClock.secondsPerDay
        let upperBound = CalendarDate.daysFromCivil(year: last + 1, month: 1, day: 1) * ZoneClock.secondsPerDay
        var transitions: [Int] = []
        var offsets = [zone.secondsFromGMT(for: ZoneClock.date(lowerBound))]
        var after = ZoneClock.date(lowerBound)
        while let next = zone.nextDaylightSavingTimeTransition(after: after) {
            let instant = Int(next.timeIntervalSince1970.rounded(.up))
            guard instant < upperBound, next > after else { break }
            transitions.append(instant)
            offsets.append(zone.secondsFromGMT(for: ZoneClock.date(instant)))
            after = next
        }
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The offset at `instant`, or nil outside the span.
    @inline(__always)
    func offset(at instant: Int) -> Int? {
        guard instant >= lowerBound && instant < upperBound else { return nil }
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return offsets[low]
    }

    // MARK: The tables of this process

    /// The years a table may cover; instants outside them ask Foundation directly.
    private static let coverableYears = 1900...2200

    /// Each zone's table with its identifier, grown as instants outside it are asked
    /// for: a memo of a pure function of the zone database, shared by every clock in
    /// the process, so that each transition is read from Foundation once per run. A
    /// run meets a handful of zones and makes a clock for each date it reads, so the
    /// lookup is kept to a few dozen instructions: a short list compared by identifier
    /// (lengths first), behind a plain mutex, in storage that needs no exclusivity check.
    private final class Registry: @unchecked Sendable {
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let entries = UnsafeMutablePointer<[(identifier: String, table: ZoneOffsets)]>.allocate(capacity: 1)

        init() {
            pthread_mutex_init(mutex, nil)
            entries.initialize(to: [])
        }

        /// Runs `body` on the entries, alone.
        func withEntries<Result>(_ body: (inout [(identifier: String, table: ZoneOffsets)]) -> Result) -> Result {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return body(&entries.pointee)
        }
    }

    private static let registry = Registry()

    private static func position(of identifier: String, in entries: [(identifier: String, table: ZoneOffsets)]) -> Int?
    {
        let length = identifier.utf8.count
        return entries.firstIndex { $0.identifier.utf8.count == length && $0.identifier == identifier }
    }

    /// The table of `zone` as it stands (possibly covering nothing yet).
    static func table(for zone: TimeZone) -> ZoneOffsets {
        let identifier = zone.identifier
        return registry.withEntries { entries in
            position(of: identifier, in: entries).map { entries[$0].table } ?? empty
        }
    }

    /// The offset of `zone` at `instant`, growing the zone's table to cover it: its
    /// year and the years either side, joined to what the table covered.
    static func offset(in zone: TimeZone, at instant: Int) -> Int {
        let year = CalendarDate.civil(
            fromDays: (instant - CalendarDate.floorMod(instant, ZoneClock.secondsPerDay)) / ZoneClock.secondsPerDay
        ).year
        guard coverableYears.contains(year) else { return zone.secondsFromGMT(for: ZoneClock.date(instant)) }
        let identifier = zone.identifier
        return registry.withEntries { entries in
            let position = position(of: identifier, in: entries)
            let old = position.map { entries[$0].table }
            if let known = old?.offset(at: instant) { return known }
            var first = max(year - 1, coverableYears.lowerBound)
            var last = min(year + 1, coverableYears.upperBound)
            if let old, old.upperBound > old.lowerBound {
                first = min(first, CalendarDate.civil(fromDays: old.lowerBound / ZoneClock.secondsPerDay).year)
                last = max(last, CalendarDate.civil(fromDays: (old.upperBound - 1) / ZoneClock.secondsPerDay).year)
            }
            let table = ZoneOffsets(zone: zone, years: first, through: last)
            if let position { entries[position].table = table } else { entries.append((identifier, table)) }
            return table.offset(at: instant) ?? zone.secondsFromGMT(for: ZoneClock.date(instant))
        }
    }
}
