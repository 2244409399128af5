import Foundation

/// Business days and callable minutes, read on the interviewer's clock.
///
/// A business day is Monday–Friday and not a holiday. A callable minute is on a
/// business day inside business hours — or, for an interviewer who said so, inside
/// after hours on any day — and outside every busy window. Built once per engine;
/// everything it does is integer arithmetic plus `secondsFromGMT(for:)`.
public struct BusinessCalendar: Sendable {
    /// How far ahead to look for a callable minute before giving up (busy windows can
    /// cover every allowed minute): a year and a few days of holidays.
    public static let searchHorizonDays = 370

    public let businessHours: DailyWindow
    public let afterHours: DailyWindow
    private let holidayDays: Set<Int>

    public init(settings: FollowUpSettings) {
        businessHours = settings.businessHours
        afterHours = settings.afterHours
        holidayDays = Set(settings.holidays.map(\.dayNumber))
    }

    /// "Call inside normal business hours": Monday–Friday, holidays excepted.
    public func isBusinessDay(_ date: CalendarDate) -> Bool { isBusinessDay(date.dayNumber) }

    /// The `n`th business day strictly after `date` (n ≥ 1): "two or three days after
    /// the interview" counts the days the interviewer is at work.
    public func businessDay(_ n: Int, after date: CalendarDate) -> CalendarDate {
        var day = date.dayNumber
        var counted = 0
        while counted < n {
            day += 1
            if isBusinessDay(day) { counted += 1 }
        }
        return CalendarDate(dayNumber: day)
    }

    /// The earliest callable minute at or after `start` (seconds round up to the next
    /// whole minute), on the interviewer's clock in `zone`; nil when none comes within
    /// `searchHorizonDays`. Jumps from window edge to window edge, never minute by minute.
    public func earliestCallMinute(atOrAfter start: Date, in zone: TimeZone, afterHoursOK: Bool,
                                   busy: [DailyWindow]) -> Date? {
        let clock = ZoneClock(zone)
        var instant = clock.roundedUpToMinute(start)
        let lastDay = clock.localDay(of: instant).day + Self.searchHorizonDays
        while true {
            let (day, second) = clock.localDay(of: instant)
            guard day <= lastDay else { return nil }
            let minute = second / 60
            let target: Int  // local seconds of the next minute that may be callable
            if let free = firstFreeMinute(day: day, from: minute, afterHoursOK: afterHoursOK, busy: busy) {
                if free == minute { return ZoneClock.date(instant) }
                target = day * ZoneClock.secondsPerDay + free * 60
            } else {
                guard let next = nextFreeDay(after: day, through: lastDay, afterHoursOK: afterHoursOK, busy: busy)
                else { return nil }
                target = next.day * ZoneClock.secondsPerDay + next.minute * 60
            }
            // The target minute may be skipped by a clock change (then its first
            // occurrence is the minute after the gap, checked again on the next turn) or
            // happen twice (take the occurrence still ahead). Always move forward.
            let occurrences = clock.occurrences(ofLocal: target)
            if occurrences.first > instant {
                instant = occurrences.first
            } else if let later = occurrences.second, later > instant {
                instant = later
            } else {
                instant += 60
            }
        }
    }

    private func isBusinessDay(_ day: Int) -> Bool {
        CalendarDate.floorMod(day + 3, 7) < 5 && !holidayDays.contains(day)
    }

    /// The hours one may call in on `day`, if any.
    private func allowedHours(day: Int, afterHoursOK: Bool) -> DailyWindow? {
        if afterHoursOK { return afterHours }
        return isBusinessDay(day) ? businessHours : nil
    }

    /// The first minute of `day` at or after `minute` that is inside the allowed hours
    /// and outside every busy window ("a morning conference call → afternoon").
    private func firstFreeMinute(day: Int, from minute: Int, afterHoursOK: Bool, busy: [DailyWindow]) -> Int? {
        guard let hours = allowedHours(day: day, afterHoursOK: afterHoursOK) else { return nil }
        var candidate = max(minute, hours.start)
        var moved = true
        while moved && candidate < hours.end {
            moved = false
            for window in busy where window.contains(minute: candidate) {
                candidate = window.end
                moved = true
            }
        }
        return candidate < hours.end ? candidate : nil
    }

    private func nextFreeDay(after day: Int, through lastDay: Int, afterHoursOK: Bool,
                             busy: [DailyWindow]) -> (day: Int, minute: Int)? {
        var next = day + 1
        while next <= lastDay {
            if let minute = firstFreeMinute(day: next, from: 0, afterHoursOK: afterHoursOK, busy: busy) {
                return (next, minute)
            }
            next += 1
        }
        return nil
    }
}
