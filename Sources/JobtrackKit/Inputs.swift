import FollowUp
import Foundation
import JobStore

/// A DATE as the user typed it: `YYYY-MM-DD`, `today`, `tomorrow`, `yesterday`, `+Nd`, `-Nd`.
/// Relative forms are resolved later, against today in the zone that applies.
public enum DateInput: Equatable, Sendable {
    case absolute(CalendarDate)
    case relative(days: Int)

    public static let expected = "a date: YYYY-MM-DD, today, tomorrow, yesterday, +Nd or -Nd"


    public init?(_ text: String) {
        let word = text.trimmed.lowercased()
        switch word {
        case "today": self = .relative(days: 0)
        case "tomorrow": self = .relative(days: 1)
        case "yesterday": self = .relative(days: -1)
        default:
            let digits = word.dropFirst().dropLast()
            if let sign = word.first, sign == "+" || sign == "-", word.hasSuffix("d"),
               (1...5).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
               let count = Int(digits) {
                self = .relative(days: sign == "+" ? count : -count)
            } else if let date = CalendarDate(iso: word) {
                self = .absolute(date)
            } else {
                return nil
            }
        }
    }

    /// The date meant, counted from `today`; refused outside the years 1 to 9999 that
    /// YYYY-MM-DD can write.
    public func resolve(today: CalendarDate) throws -> CalendarDate {
        switch self {
        case .absolute(let date):
            return date
        case .relative(let days):
            let date = today.adding(days: days)
            guard (1...9999).contains(date.year) else { throw Refusal.dateOutOfRange }
            return date
        }
    }
}

/// A DATETIME as the user typed it: `now`, a full ISO 8601 instant with an offset, or a
/// DATE with an optional wall-clock time (`2026-12-02T14:00`, `2026-12-02 14:00`,
/// `tomorrow 9:30`, or a bare `14:00` for today). A DATE alone means 00:00.
public enum DateTimeInput: Equatable, Sendable {
    case now
    case instant(Date)
    case local(DateInput, secondOfDay: Int)

    public static let expected =
        "a date and time: YYYY-MM-DD[ HH:MM], today/tomorrow/yesterday/+Nd/-Nd [HH:MM], HH:MM, now, or ISO 8601 with an offset"


    public init?(_ text: String) {
        let trimmed = text.trimmed
        if trimmed.lowercased() == "now" {
            self = .now
            return
        }
        if let instant = Self.isoInstant(trimmed) {
            self = .instant(instant)
            return
        }
        if let second = Self.clockTime(trimmed) {
            self = .local(.relative(days: 0), secondOfDay: second)
            return
        }
        let parts: [Substring]
        if let space = trimmed.firstIndex(of: " ") {
            parts = [trimmed[..<space], trimmed[trimmed.index(after: space)...].drop { $0 == " " }]
        } else if trimmed.count > 10, let t = trimmed.firstIndex(where: { $0 == "T" || $0 == "t" }),
                  trimmed.distance(from: trimmed.startIndex, to: t) == 10 {
            parts = [trimmed[..<t], trimmed[trimmed.index(after: t)...]]
        } else {
            parts = [Substring(trimmed)]
        }
        guard let date = DateInput(String(parts[0])) else { return nil }
        if parts.count == 1 {
            self = .local(date, secondOfDay: 0)
        } else if let second = Self.clockTime(String(parts[1])) {
            self = .local(date, secondOfDay: second)
        } else {
            return nil
        }
    }

    /// The instant meant, in whole seconds as the store keeps instants (`now` aside).
    public func resolve(now: Date, in zone: TimeZone) throws -> Date {
        switch self {
        case .now:
            return now
        case .instant(let instant):
            guard (1...9999).contains(CalendarDate.containing(instant, in: zone).year) else {
                throw Refusal.dateOutOfRange
            }
            return instant.wholeSeconds
        case .local(let date, let second):
            let day = try date.resolve(today: CalendarDate.containing(now, in: zone))
            return day.at(hour: second / 3600, minute: second / 60 % 60, second: second % 60, in: zone)
        }
    }

    /// `H:MM`, `HH:MM` or `HH:MM:SS`, 00:00 to 23:59:59, as seconds into the day.
    static func clockTime(_ text: String) -> Int? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count),
              fields.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
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
        let bytes = Array(text.utf8)
        guard bytes.count >= 17, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t")
                || bytes[10] == UInt8(ascii: " "),
              let date = CalendarDate(iso: String(decoding: bytes[..<10], as: UTF8.self))
        else { return nil }
        var index = 11
        func twoDigits() -> Int? {
            guard index + 2 <= bytes.count, let tens = digit(bytes[index]), let ones = digit(bytes[index + 1])
            else { return nil }
            index += 2
            return tens * 10 + ones
        }
        func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }
        guard let hour = twoDigits(), hour < 24, skip(":"), let minute = twoDigits(), minute < 60 else { return nil }
        var second = 0
        var fraction = 0.0
        if skip(":") {
            guard let value = twoDigits(), value < 60 else { return nil }
            second = value
            if skip(".") || skip(",") {
                var scale = 0.1
                let start = index
                while index < bytes.count, let value = digit(bytes[index]) {
                    fraction += Double(value) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        let offset: Int
        if skip("Z") || skip("z") {
            offset = 0
        } else {
            let sign = skip("+") ? 1 : skip("-") ? -1 : 0
            guard sign != 0, let hours = twoDigits(), hours <= 18 else { return nil }
            _ = skip(":")
            guard let minutes = twoDigits(), minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard index == bytes.count else { return nil }
        let seconds = Self.epoch.days(to: date) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    private static func digit(_ byte: UInt8) -> Int? {
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

    /// The number as typed, trimmed; nil when it is not a phone number.
    public static func number(_ text: String) -> String? {
        let trimmed = text.trimmed
        let digits = digitsOnly(trimmed)
        guard trimmed.utf8.allSatisfy(isAllowed), (3...20).contains(digits.utf8.count) else { return nil }
        return trimmed
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
        isDigit(byte) || "+-(). ".utf8.contains(byte)
    }
}

extension String {
    /// Nil for "": an empty note or address given on the command line means none.
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension StringProtocol {
    /// Nothing but whitespace. Foundation's `trimmingCharacters(in:)` costs tens of
    /// thousands of instructions a call, and an import checks every field.
    public var isBlank: Bool { allSatisfy(\.isWhitespace) }

    /// Without leading or trailing whitespace.
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
