import Foundation

/// Business days and callable minutes, read on the interviewer's clock — and, for the
/// user's own hours, on the user's.
///
/// A business day is Monday–Friday, not a public holiday of the interview's country,
/// and not in the `holidays` setting. A callable minute is on a business day inside
/// business hours — or, for an interviewer who said so, inside after hours on any day —
/// outside every busy window that applies on that weekday, and inside the user's
/// `my_hours` on the user's clock (docs/rules.md §2, "When to call"). Built once per
/// engine; everything it does is integer arithmetic, set and table lookups, and
/// zone offsets from a table of transitions — no `Calendar`, nothing allocated per assessment.
public struct BusinessCalendar: Sendable {
    /// How far ahead of the start to look for a callable minute before saying there is
    /// none: four weeks, long enough to cross any run of holidays, short enough that
    /// "none" means busy windows or hours that never meet, not a distant accident.
    public static let searchHorizonDays = 28

    public let businessHours: DailyWindow
    public let afterHours: DailyWindow
    /// Whether the public-holiday tables passed in count (`public_holidays auto`); off,
    /// they are ignored, whoever passed them.
    public let usesPublicHolidays: Bool
    /// The user's own zone, in which `my_hours` are read.
    public let userZone: TimeZone
    private let holidayDays: Set<Int>

    public init(settings: FollowUpSettings) {
        businessHours = settings.businessHours
        afterHours = settings.afterHours
        usesPublicHolidays = settings.usesPublicHolidays
        userZone = settings.timeZone
        holidayDays = Set(settings.holidays.map(\.dayNumber))
    }

    /// "Call inside normal business hours": Monday–Friday, holidays excepted — the
    /// `holidays` setting and, given, the interview country's public holidays.
    public func isBusinessDay(_ date: CalendarDate, publicHolidays: PublicHolidays? = nil) -> Bool {
        isBusinessDay(date.dayNumber, effective(publicHolidays))
    }

    /// The `n`th business day strictly after `date` (n ≥ 1): "two or three days after
    /// the interview" counts the days the interviewer is at work.
    public func businessDay(_ n: Int, after date: CalendarDate, publicHolidays: PublicHolidays? = nil) -> CalendarDate {
        let table = effective(publicHolidays)
        var day = date.dayNumber
        var counted = 0
        while counted < n {
            day += 1
            if isBusinessDay(day, table) { counted += 1 }
        }
        return CalendarDate(dayNumber: day)
    }

    /// The earliest callable minute at or after `start` (seconds round up to the next
    /// whole minute, on the interviewer's clock in `zone`), and before `horizonDays`
    /// days after `start`; nil when there is none. `myHours` are read in `userZone`
    /// (`.any`, the default, sets no limit). Jumps from window edge to window edge on
    /// each clock in turn, never minute by minute.
    public func earliestCallMinute(
        atOrAfter start: Date, in zone: TimeZone, afterHoursOK: Bool,
        busy: [BusyWindow], publicHolidays: PublicHolidays? = nil,
        myHours: MyHours = .any, horizonDays: Int = searchHorizonDays
    ) -> Date? {
        let theirs = ZoneClock(zone)
        let mine = ZoneClock(userZone)
        let table = effective(publicHolidays)
        let deadline = ZoneClock.seconds(start) + horizonDays * ZoneClock.secondsPerDay
        var instant = theirs.roundedUpToMinute(start)
        while true {
            // The first minute their side allows; then the first from there that the
            // user's hours allow. When both agree it is the answer; otherwise no minute
            // between the two qualifies on both, so start again from the later.
            guard
                let allowed = Self.firstMinute(
                    atOrAfter: instant, before: deadline, on: theirs,
                    allowing: { day, minute in
                        firstFreeMinute(day: day, from: minute, afterHoursOK: afterHoursOK, busy: busy, holidays: table)
                    })
            else { return nil }
            guard case .windows = myHours else { return ZoneClock.date(allowed) }
            guard
                let suits = Self.firstMinute(
                    atOrAfter: allowed, before: deadline, on: mine,
                    allowing: { _, minute in
                        myHours.firstMinute(from: minute)
                    })
            else { return nil }
            if suits == allowed { return ZoneClock.date(allowed) }
            instant = suits
        }
    }

    /// Version 1's form, with daily busy windows and no user's hours.
    @_disfavoredOverload
    public func earliestCallMinute(
        atOrAfter start: Date, in zone: TimeZone, afterHoursOK: Bool,
        busy: [DailyWindow]
    ) -> Date? {
        earliestCallMinute(atOrAfter: start, in: zone, afterHoursOK: afterHoursOK, busy: busy.map { BusyWindow($0) })
    }

    /// The public holidays that count: none when the setting is off.
    private func effective(_ publicHolidays: PublicHolidays?) -> PublicHolidays? {
        usesPublicHolidays ? publicHolidays : nil
    }

    private func isBusinessDay(_ day: Int, _ publicHolidays: PublicHolidays?) -> Bool {
        guard CalendarDate.floorMod(day + 3, 7) < 5, holidayDays.isEmpty || !holidayDays.contains(day) else {
            return false
        }
        return !(publicHolidays?.contains(dayNumber: day) ?? false)
    }

    /// The hours one may call in on `day`, if any.
    private func allowedHours(day: Int, afterHoursOK: Bool, holidays: PublicHolidays?) -> DailyWindow? {
        if afterHoursOK { return afterHours }
        return isBusinessDay(day, holidays) ? businessHours : nil
    }

    /// The first minute of `day` at or after `minute` that is inside the allowed hours
    /// and outside every busy window of that weekday ("a morning conference call →
    /// afternoon").
    private func firstFreeMinute(
        day: Int, from minute: Int, afterHoursOK: Bool, busy: [BusyWindow],
        holidays: PublicHolidays?
    ) -> Int? {
        guard let hours = allowedHours(day: day, afterHoursOK: afterHoursOK, holidays: holidays) else { return nil }
        let weekday = CalendarDate.floorMod(day + 3, 7)
        var candidate = max(minute, hours.start)
        var moved = true
        while moved && candidate < hours.end {
            moved = false
            for busy in busy where busy.applies(onWeekdayIndex: weekday) && busy.window.contains(minute: candidate) {
                candidate = busy.window.end
                moved = true
            }
        }
        return candidate < hours.end ? candidate : nil
    }

    /// The first whole minute at or after `instant` and before `deadline` whose reading
    /// on `clock` (local day, minute of the day) `allowing` admits. `allowing(day, m)`
    /// gives the first admitted minute of `day` at or after `m`, or nil.
    private static func firstMinute(
        atOrAfter instant: Int, before deadline: Int, on clock: ZoneClock,
        allowing: (_ day: Int, _ minute: Int) -> Int?
    ) -> Int? {
        var instant = instant
        var lastDay: Int?  // looked up only when a day has no minute: a zone lookup saved
        while instant < deadline {
            let (day, second) = clock.localDay(of: instant)
            let minute = second / 60
            let target: Int  // local seconds of the next minute that may be admitted
            if let free = allowing(day, minute) {
                if free == minute { return instant }
                target = day * ZoneClock.secondsPerDay + free * 60
            } else {
                let last = lastDay ?? clock.localDay(of: deadline).day
                lastDay = last
                var next = day + 1
                var found: Int?
                while next <= last, found == nil {
                    found = allowing(next, 0).map { next * ZoneClock.secondsPerDay + $0 * 60 }
                    next += 1
                }
                guard let found else { return nil }
                target = found
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
        return nil
    }
}
