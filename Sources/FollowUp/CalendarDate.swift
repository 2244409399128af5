import Foundation

/// A day of the week, numbered as ISO 8601 does (Monday is 1), so that "Monday to
/// Friday" — the business week of docs/rules.md §2 — is the range 1...5.
public enum Weekday: Int, CaseIterable, Sendable, Comparable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Three-letter English name, as the reasons print it ("Mon").
    public var shortName: String { CalendarDate.shortWeekdays[rawValue - 1].description }

    /// Saturday and Sunday: never business days, whatever the holidays say.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A calendar date with no time and no zone ("2026-11-30"), in the proleptic Gregorian
/// calendar.
///
/// The follow-up rules count business days, so dates are plain values with integer
/// arithmetic (days since 1970-01-01) instead of `Calendar` calls: assessing 100,000
/// applications must not allocate a calendar each time. Encodes as "YYYY-MM-DD".
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before): the one stored field, so that
    /// comparison and day arithmetic are one integer operation and a date is small
    /// in the many assessments of a large agenda.
    let dayNumber: Int

    public var year: Int { Self.civil(fromDays: dayNumber).year }
    public var month: Int { Self.civil(fromDays: dayNumber).month }
    public var day: Int { Self.civil(fromDays: dayNumber).day }

    /// The date, or nil when it does not exist (2026-02-30) or falls outside years
    /// 1...9999, which "YYYY-MM-DD" cannot spell.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.dayNumber = Self.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses exactly "YYYY-MM-DD" (four, two and two digits) naming a real date.
    public init?(iso text: String) {
        guard let (year, month, day) = Self.isoFields(text) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The numbers of text written "YYYY-MM-DD" (four, two and two digits), whether or
    /// not they name a date: what tells 2026-02-30, a day that does not exist, from a
    /// misspelt date.
    public static func isoFields(_ text: String) -> (year: Int, month: Int, day: Int)? {
        // The UTF-8 read in place: no array is made for each date read.
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
                let day = Self.number(bytes[8..<10])
            else { return nil }
            return (year, month, day)
        }
    }

    init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// "2026-11-30".
    public var iso: String {
        FixedText.make(capacity: 10) { appendISO(to: &$0) }
    }

    /// `iso`, added to the end of `bytes`.
    public func appendISO(to bytes: inout [UInt8]) {
        FixedText.append(capacity: 10, to: &bytes) { appendISO(to: &$0) }
    }

    func appendISO(to text: inout FixedText) {
        let (year, month, day) = Self.civil(fromDays: dayNumber)
        text.append(year, width: 4)
        text.append("-")
        text.append(month, width: 2)
        text.append("-")
        text.append(day, width: 2)
    }

    public var description: String { iso }

    /// "Mon Nov 30": how the reasons cite a date, short enough for a terminal line.
    public var shortText: String {
        FixedText.make(capacity: 10) { text in
            let (_, month, day) = Self.civil(fromDays: dayNumber)
            text.append(ascii: Self.shortWeekdays[weekday.rawValue - 1])
            text.append(" ")
            text.append(ascii: Self.shortMonths[month - 1])
            text.append(" ")
            text.append(day, width: day < 10 ? 1 : 2)
        }
    }

    /// The names `shortText` and `Weekday.shortName` write: static tables, not a
    /// DateFormatter, because reasons are worded for every entry of an agenda.
    static let shortWeekdays: [StaticString] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let shortMonths: [StaticString] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        Weekday(rawValue: Self.floorMod(dayNumber + 3, 7) + 1)!
    }

    /// The date that a wall clock in `zone` shows at `instant`.
    public static func containing(_ instant: Date, in zone: TimeZone) -> CalendarDate {
        CalendarDate(dayNumber: ZoneClock(zone).localDay(of: ZoneClock.seconds(instant)).day)
    }

    /// The first instant of this date in `zone`: local midnight, or — where a
    /// daylight-saving change skips midnight — the first minute that exists.
    public func start(in zone: TimeZone) -> Date {
        at(hour: 0, minute: 0, in: zone)
    }

    /// The instant a wall clock in `zone` shows `hour:minute` on this date. A time
    /// skipped by a daylight-saving change maps to the first minute after the gap; a
    /// time that happens twice maps to its first occurrence.
    public func at(hour: Int, minute: Int, second: Int = 0, in zone: TimeZone) -> Date {
        let local = dayNumber * ZoneClock.secondsPerDay + hour * 3600 + minute * 60 + second
        return ZoneClock.date(ZoneClock(zone).occurrences(ofLocal: local).first)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a date YYYY-MM-DD, got \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // MARK: Civil-date arithmetic
    // Howard Hinnant's days_from_civil / civil_from_days: exact integer algorithms for
    // the proleptic Gregorian calendar, with no table and no Foundation call.

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The days of a month, 28 to 31; `month` is 1...12.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func floorMod(_ value: Int, _ divisor: Int) -> Int {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }

    /// Decimal digits only: no sign, no spaces, which `Int(_:)` would let through.
    static func number<Digits: Collection<UInt8>>(_ bytes: Digits) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

}
