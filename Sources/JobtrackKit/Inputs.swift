import FollowUp
import Foundation
import JobStore

/// A DATE as the user typed it: `YYYY-MM-DD`, `today`, `tomorrow`, `yesterday`, `+Nd`,
/// `-Nd`, a weekday (`monday`, `mon`: the next such day after today) or `last monday`
/// (the latest before today). Relative forms are resolved later, against today on the
/// calendar that applies (docs/commands.md §3, "Dates and times").
public enum DateInput: Equatable, Sendable {
    case absolute(CalendarDate)
    case relative(days: Int)
    case next(Weekday)
    case last(Weekday)

    public static let expected =
        "a date: YYYY-MM-DD, today, tomorrow, yesterday, +Nd, -Nd, a weekday (monday) or last monday"

    public init?(_ text: String) {
        guard let date = try? Self.read(text) else { return nil }
        self = date
    }

    /// The date typed, or nil when the text is none of the forms. One written
    /// YYYY-MM-DD that names no day (2026-02-30) is refused saying so: its form is
    /// right, and "expected YYYY-MM-DD" would send the user looking for a typo.
    public static func read(_ text: String) throws(Refusal) -> DateInput? {
        let word = text.trimmed.lowercased()
        switch word {
        case "today": return .relative(days: 0)
        case "tomorrow": return .relative(days: 1)
        case "yesterday": return .relative(days: -1)
        default:
            let digits = word.dropFirst().dropLast()
            if let sign = word.first, sign == "+" || sign == "-", word.hasSuffix("d"),
                (1...5).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let count = Int(digits)
            {
                return .relative(days: sign == "+" ? count : -count)
            } else if let date = CalendarDate(iso: word) {
                return .absolute(date)
            } else if let (year, month, _) = CalendarDate.isoFields(word) {
                throw noSuchDate(word, year: year, month: month)
            } else if let day = Self.weekday(word) {
                return .next(day)
            } else if word.hasPrefix("last "), let day = Self.weekday(word.dropFirst(5).trimmed) {
                return .last(day)
            } else {
                return nil
            }
        }
    }

    /// Why `text`, written YYYY-MM-DD, names no day: "February 2026 has 28 days".
    static func noSuchDate(_ text: String, year: Int, month: Int) -> Refusal {
        guard (1...9999).contains(year) else { return .dateOutOfRange }
        guard (1...12).contains(month) else { return .noSuchDate(text, reason: "a year has 12 months") }
        let days = CalendarDate.daysIn(month: month, year: year)
        return .noSuchDate(text, reason: "\(EnglishNames.months[month - 1]) \(year) has \(days) days")
    }

    /// "monday" or "mon", any case.
    static func weekday(_ word: String) -> Weekday? {
        Weekday.allCases.first { day in
            let name = Self.weekdayNames[day.rawValue - 1]
            return word == name || word == String(name.prefix(3))
        }
    }

    private static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The date meant, counted from `today`; refused outside the years 1 to 9999 that
    /// YYYY-MM-DD can write.
    public func resolve(today: CalendarDate) throws -> CalendarDate {
        let date: CalendarDate
        switch self {
        case .absolute(let absolute):
            return absolute
        case .relative(let days):
            date = today.adding(days: days)
        case .next(let weekday):
            let ahead = (weekday.rawValue - today.weekday.rawValue + 7) % 7
            date = today.adding(days: ahead == 0 ? 7 : ahead)
        case .last(let weekday):
            let back = (today.weekday.rawValue - weekday.rawValue + 7) % 7
            date = today.adding(days: back == 0 ? -7 : -back)
        }
        guard (1...9999).contains(date.year) else { throw Refusal.dateOutOfRange }
        return date
    }
}

/// A DATETIME as the user typed it: `now`, a full ISO 8601 instant with an offset, or a
/// DATE with an optional wall-clock time (`2026-12-02T14:00`, `2026-12-02 14:00`,
/// `tomorrow 9:30`, `monday 3pm`, or a bare `14:00` for today). A DATE alone means 00:00.
///
/// Everything typed is on the user's own clock — the one `today` prints first — unless
/// it ends with `their` (the interviewer's clock) or a zone name; then the whole value,
/// relative words included, is read on that clock (docs/commands.md §3).
public struct DateTimeInput: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        case now
        case instant(Date)
        case local(DateInput, secondOfDay: Int)
    }

    /// Whose clock a wall-clock value is read on.
    public enum Clock: Equatable, Sendable {
        case user
        case their
        case zone(TimeZone)
    }

    public let value: Value
    public let clock: Clock

    public init(_ value: Value, clock: Clock = .user) {
        self.value = value
        self.clock = clock
    }

    public static let expected =
        "a date and time: YYYY-MM-DD[ HH:MM], today/tomorrow/monday/+Nd [HH:MM or 3pm], HH:MM, "
        + "now, or ISO 8601 with an offset; end with `their` or a zone name to read it on that clock"

    public init?(_ text: String) {
        guard case .success(let value) = Self.read(text) else { return nil }
        self = value
    }

    /// The value, or the reason it cannot be read.
    public static func read(_ text: String) -> Result<DateTimeInput, Refusal> {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var clock = Clock.user
        if let last = words.last, words.count > 1 {
            if last.lowercased() == "their" {
                clock = .their
                words.removeLast()
            } else if last.contains("/") || last == "UTC" {
                guard let zone = ZoneInput.zone(named: last) else { return .failure(.unknownZone(last)) }
                clock = .zone(zone)
                words.removeLast()
            }
        }
        let body = words.joined(separator: " ")
        let value: Value
        do {
            guard let found = try Self.value(body) else { return .failure(.badDateTime(text.trimmed)) }
            value = found
        } catch {
            return .failure(error)
        }
        if case .instant = value, clock != .user { return .failure(.offsetAndClock(text.trimmed)) }
        return .success(DateTimeInput(value, clock: clock))
    }

    /// The value, nil when the text is none of the forms; a date part that names no day
    /// is refused as `DateInput.read` refuses it.
    private static func value(_ text: String) throws(Refusal) -> Value? {
        if text.lowercased() == "now" { return .now }
        if let instant = isoInstant(text) { return .instant(instant) }
        if let second = clockTime(text) { return .local(.relative(days: 0), secondOfDay: second) }
        if let date = try DateInput.read(text) { return .local(date, secondOfDay: 0) }
        // A date, then a time: split at the last space, or at an ISO `T`.
        if let space = text.lastIndex(of: " "), let date = try DateInput.read(String(text[..<space])),
            let second = clockTime(String(text[text.index(after: space)...]))
        {
            return .local(date, secondOfDay: second)
        }
        if text.count > 10, let t = text.firstIndex(where: { $0 == "T" || $0 == "t" }),
            text.distance(from: text.startIndex, to: t) == 10, let date = try DateInput.read(String(text[..<t])),
            let second = clockTime(String(text[text.index(after: t)...]))
        {
            return .local(date, secondOfDay: second)
        }
        return nil
    }

    /// The instant meant, in whole seconds as the store keeps instants (`now` aside).
    /// `user` is the user's zone; `their` the interviewer's, where there is one.
    public func resolve(now: Date, user: TimeZone, their: TimeZone? = nil) throws -> Date {
        let zone: TimeZone
        switch clock {
        case .user: zone = user
        case .zone(let named): zone = named
        case .their:
            guard let their else { throw Refusal.theirWithoutInterview }
            zone = their
        }
        switch value {
        case .now:
            return now
        case .instant(let instant):
            guard (1...9999).contains(CalendarDate.containing(instant, in: zone).year) else {
                throw Refusal.dateOutOfRange
            }
            return instant.wholeSeconds
        case .local(let date, let second):
            let day = try date.resolve(today: CalendarDate.containing(now, in: zone))
            switch LocalTime.reading(day, hour: second / 3600, minute: second / 60 % 60, second: second % 60, in: zone)
            {
            case .exists(let instant):
                return instant
            case .skipped(let from, let to):
                throw Refusal.skippedTime(day: day.iso, zone: zone.identifier, from: from, to: to)
            }
        }
    }

    /// `H:MM`, `HH:MM` or `HH:MM:SS`, 00:00 to 23:59:59, or `3pm`, `3:30pm`, `12am`,
    /// as seconds into the day.
    static func clockTime(_ text: String) -> Int? {
        let lower = text.lowercased()
        if lower.hasSuffix("am") || lower.hasSuffix("pm") {
            let clock = lower.dropLast(2)
            let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
            guard (1...2).contains(fields.count), let hour = Int(fields[0]), (1...12).contains(hour),
                fields[0].count <= 2, fields[0].allSatisfy(\.isASCII)
            else { return nil }
            var minute = 0
            if fields.count == 2 {
                guard fields[1].count == 2, fields[1].allSatisfy(\.isASCII), let value = Int(fields[1]), value < 60
                else { return nil }
                minute = value
            }
            let afternoon = lower.hasSuffix("pm")
            return ((hour % 12) + (afternoon ? 12 : 0)) * 3600 + minute * 60
        }
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count),
            fields.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            ),
            fields.dropFirst().allSatisfy({ $0.count == 2 }),
            let hour = Int(fields[0]), let minute = Int(fields[1]), hour < 24, minute < 60
        else { return nil }
        let second = fields.count == 3 ? Int(fields[2]) ?? 60 : 0
        guard second < 60 else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    private static let epoch = CalendarDate(year: 1970, month: 1, day: 1)!

    /// `YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM|±HHMM)`, read byte by byte: an import
    /// reads one for every interview and call.
    static func isoInstant(_ text: String) -> Date? {
        // Read where the text lies: an array of its bytes was an allocation each time.
        var text = text
        return text.withUTF8(instant)
    }

    private static func instant(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var reader = ByteReader(bytes: bytes)
        guard bytes.count >= 17,
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t")
                || bytes[10] == UInt8(ascii: " "),
            let date = CalendarDate(iso: String(decoding: bytes[..<10], as: UTF8.self))
        else { return nil }
        reader.index = 11
        guard let hour = reader.twoDigits(), hour < 24, reader.skip(":"), let minute = reader.twoDigits(), minute < 60
        else { return nil }
        var second = 0
        var fraction = 0.0
        if reader.skip(":") {
            guard let value = reader.twoDigits(), value < 60 else { return nil }
            second = value
            if reader.skip(".") || reader.skip(",") {
                var scale = 0.1
                let start = reader.index
                while let value = reader.digit() {
                    fraction += Double(value) * scale
                    scale /= 10
                }
                guard reader.index > start else { return nil }
            }
        }
        let offset: Int
        if reader.skip("Z") || reader.skip("z") {
            offset = 0
        } else {
            let sign = reader.skip("+") ? 1 : reader.skip("-") ? -1 : 0
            guard sign != 0, let hours = reader.twoDigits(), hours <= 18 else { return nil }
            _ = reader.skip(":")
            guard let minutes = reader.twoDigits(), minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard reader.index == bytes.count else { return nil }
        let seconds = Self.epoch.days(to: date) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    /// Bytes read from `index` on. A type of its own rather than functions nested in
    /// `isoInstant`: those shared the index as a captured variable, and every read of
    /// it was checked for exclusive access at run time.
    private struct ByteReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        /// The digit at `index`, read past; nil (and nothing read) for any other byte.
        mutating func digit() -> Int? {
            guard index < bytes.count, let value = DateTimeInput.digit(bytes[index]) else { return nil }
            index += 1
            return value
        }

        mutating func twoDigits() -> Int? {
            guard index + 2 <= bytes.count, let tens = DateTimeInput.digit(bytes[index]),
                let ones = DateTimeInput.digit(bytes[index + 1])
            else { return nil }
            index += 2
            return tens * 10 + ones
        }

        /// Reads past `character` if it comes next.
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }
    }

    fileprivate static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }
}

/// An IANA zone name such as `America/New_York`.
public enum ZoneInput {
    /// Foundation also accepts abbreviations and offsets ("PST", "GMT+5"), and its list of
    /// known names leaves out some links (Asia/Kolkata); the zone database decides instead.
    public static func zone(named name: String) -> TimeZone? {
        guard let zone = TimeZone(identifier: name) else { return nil }
        if name == "UTC" { return zone }
        guard zone.identifier == name,
            FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/" + name)
                || TimeZone.knownTimeZoneIdentifiers.contains(name)
        else { return nil }
        return zone
    }
}

/// Zones already looked up by name: an import or an agenda meets the same few zones
/// thousands of times, and each lookup builds an ICU zone.
final class ZoneCache {
    private var zones: [String: TimeZone?] = [:]

    /// The zone named so, validated as `ZoneInput` does; nil when there is none.
    func zone(named name: String) -> TimeZone? {
        if let known = zones[name] { return known }
        let zone = ZoneInput.zone(named: name)
        zones[name] = zone
        return zone
    }
}

/// A phone number as the interviewer gave it: digits with `+ - ( ) .` and spaces,
/// 3 to 20 digits. Kept as typed; compared by its digits alone.
public enum PhoneInput {
    public static let expected = "a phone number: 3 to 20 digits, with + - ( ) . and spaces allowed"

    /// The number as typed, trimmed; nil when it is not a phone number. Its digits are
    /// counted in the one pass that checks its bytes: an import reads a number for
    /// every interview and call.
    public static func number(_ text: String) -> String? {
        let trimmed = text.trimmed
        var digits = 0
        for byte in trimmed.utf8 {
            guard isAllowed(byte) else { return nil }
            if isDigit(byte) { digits += 1 }
        }
        return (3...20).contains(digits) ? trimmed : nil
    }

    /// The digits alone, for comparing two ways of writing one number. Byte by byte:
    /// an import compares one for every call.
    public static func digitsOnly(_ number: String) -> String {
        String(decoding: number.utf8.filter(isDigit), as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."),
            UInt8(ascii: " "):
            true
        default: isDigit(byte)
        }
    }
}

extension String {
    /// Nil for "": an empty note or address given on the command line means none.
    public var nilIfEmpty: String? { isEmpty ? nil : self }

    /// The text for output that is one line a record: each line break as a space
    /// (docs/commands.md §3.6).
    public var oneLine: String {
        contains(where: \.isNewline) ? split(whereSeparator: \.isNewline).joined(separator: " ") : self
    }
}

extension StringProtocol {
    /// Nothing but whitespace. Foundation's `trimmingCharacters(in:)` costs tens of
    /// thousands of instructions a call, and an import checks every field.
    public var isBlank: Bool { !utf8.startsVisible && allSatisfy(\.isWhitespace) }

    /// Without leading or trailing whitespace. Most text starts and ends with a visible
    /// ASCII character, and is returned as it is without looking up what a character
    /// is: a few hundred instructions each time.
    public var trimmed: String {
        if utf8.startsVisible, utf8.endsVisible { return String(self) }
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}

extension Collection<UInt8> {
    /// Starts with a visible ASCII character, which is never whitespace and begins the
    /// first character.
    fileprivate var startsVisible: Bool { first.map(isVisibleASCII) ?? false }

    /// Ends with a visible ASCII character: the last character is then that one alone
    /// or one that begins with a mark that prepends it, neither of them whitespace
    /// (Unicode's grapheme cluster rules, UAX #29).
    fileprivate var endsVisible: Bool {
        guard !isEmpty else { return false }
        return isVisibleASCII(self[index(startIndex, offsetBy: count - 1)])
    }
}

private func isVisibleASCII(_ byte: UInt8) -> Bool {
    byte > 0x20 && byte < 0x7F
}

extension BusyWindow {
    /// What a busy window looks like, for the messages that refuse one.
    public static let expected =
        "a busy window HH:MM-HH:MM, start before end, optionally after days: Mon 09:00-10:00, Mon-Fri 09:00-09:30, Tue,Thu 14:00-15:00"
}
