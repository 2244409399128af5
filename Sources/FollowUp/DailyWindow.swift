import Foundation

/// A range of wall-clock time that repeats every day, "HH:MM-HH:MM": business hours,
/// after hours, or a time the interviewer is known to be busy ("a morning conference
/// call → afternoon").
///
/// The start minute is included and the end excluded, as docs/rules.md §2 says for every range:
/// 17:00 is outside 09:00-17:00, and a busy 09:00-12:00 frees 12:00. A window never
/// crosses midnight, so start < end; the end may be written "24:00" to reach the end
/// of the day ("busy 18:00-24:00"), since 23:59 as an excluded end would leave the
/// last minute free.
public struct DailyWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Minutes after local midnight, 0...1439.
    public let start: Int
    /// Minutes after local midnight, start+1...1440 (excluded).
    public let end: Int

    /// Parses exactly "HH:MM-HH:MM" with two-digit fields: hours 00-23 (the end may be
    /// 24:00), minutes 00-59, start before end. Anything else — "9:00-17:00",
    /// "17:00-09:00", spaces — is nil, so the caller can say which input was bad.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 11, bytes[5] == UInt8(ascii: "-"),
            let start = Self.minutes(bytes[0..<5]), let end = Self.minutes(bytes[6..<11]),
            start < 1440, start < end
        else { return nil }
        self.start = start
        self.end = end
    }

    /// "09:00-17:00".
    public var description: String {
        FixedText.make(capacity: 11) { text in
            text.appendClock(start * 60, seconds: false)
            text.append("-")
            text.appendClock(end * 60, seconds: false)
        }
    }

    /// Whether the minute of the day `minute` falls inside (start included, end excluded).
    public func contains(minute: Int) -> Bool { start <= minute && minute < end }

    /// The default business hours, 09:00-17:00.
    public static let businessHours = DailyWindow("09:00-17:00")!
    /// The default hours for an interviewer who said calling outside business hours is fine.
    public static let afterHours = DailyWindow("08:00-20:00")!

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let window = DailyWindow(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a window HH:MM-HH:MM, got \"\(text)\"")
        }
        self = window
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// "HH:MM" to minutes, 00:00...24:00.
    private static func minutes(_ bytes: ArraySlice<UInt8>) -> Int? {
        let base = bytes.startIndex
        guard bytes[base + 2] == UInt8(ascii: ":"),
            let hours = CalendarDate.number(bytes[base..<base + 2]),
            let minutes = CalendarDate.number(bytes[base + 3..<base + 5]),
            minutes < 60, hours < 24 || (hours == 24 && minutes == 0)
        else { return nil }
        return hours * 60 + minutes
    }
}
