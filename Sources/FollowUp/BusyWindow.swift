import Foundation

/// A time the interviewer is known to be busy, on their clock: every day
/// ("09:00-12:00") or on named weekdays ("Mon 09:00-10:00", "Mon-Fri 09:00-09:30",
/// "Tue,Thu 14:00-15:00") — "a morning conference call → afternoon", and a weekly
/// meeting only on its day (docs/rules.md §2, "When to call").
///
/// Day names are English and three letters, read in any case; a range runs forward
/// through the week (Mon-Fri, not Fri-Mon). `description` is the canonical spelling
/// and parses back to the same value: days in week order, three or more in a row as a
/// range, every day as no days at all ("Mon-Sun 09:00-10:00" is "09:00-10:00").
public struct BusyWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The hours, start included and end excluded, as for every range of the rules.
    public let window: DailyWindow
    /// Bit `rawValue - 1` for each weekday the window applies on; all seven: daily.
    private let days: UInt8

    private static let everyDay: UInt8 = 0x7F

    /// A window on `weekdays`; nil or an empty set means every day.
    public init(_ window: DailyWindow, on weekdays: Set<Weekday>? = nil) {
        let mask = (weekdays ?? []).reduce(UInt8(0)) { $0 | Self.bit($1) }
        self.init(window: window, days: mask == 0 ? Self.everyDay : mask)
    }

    /// Parses "HH:MM-HH:MM" with optional day names before it, separated by spaces:
    /// "Mon 09:00-10:00", "mon-fri 09:00-09:30", "Tue, Thu 14:00-15:00". The hours are
    /// as strict as `DailyWindow`'s. Anything else is nil, so the caller can name it.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.lastIndex(where: { $0 == " " || $0 == "\t" }) else {
            guard let window = DailyWindow(trimmed) else { return nil }
            self.init(window)
            return
        }
        guard let window = DailyWindow(String(trimmed[trimmed.index(after: space)...])),
            let days = Self.days(trimmed[..<space])
        else { return nil }
        self.init(window: window, days: days)
    }

    private init(window: DailyWindow, days: UInt8) {
        self.window = window
        self.days = days
    }

    /// The weekdays the window applies on, in week order; nil when it is daily.
    public var weekdays: [Weekday]? {
        days == Self.everyDay ? nil : Weekday.allCases.filter { days & Self.bit($0) != 0 }
    }

    /// Whether the window applies on `weekday`.
    public func applies(on weekday: Weekday) -> Bool { days & Self.bit(weekday) != 0 }

    /// Whether the window applies on the day of the week numbered as `Weekday` counts
    /// from 0 (Monday): the calendar's arithmetic, without building a `Weekday`.
    func applies(onWeekdayIndex index: Int) -> Bool { days & (1 << UInt8(index)) != 0 }

    /// "09:00-12:00", "Mon 09:00-10:00", "Mon-Fri 09:00-09:30", "Tue,Thu 14:00-15:00".
    public var description: String {
        guard days != Self.everyDay else { return window.description }
        var parts: [String] = []
        var index = 0
        while index < 7 {
            guard days & (1 << UInt8(index)) != 0 else { index += 1; continue }
            var end = index
            while end + 1 < 7, days & (1 << UInt8(end + 1)) != 0 { end += 1 }
            let first = Weekday(rawValue: index + 1)!.shortName
            let last = Weekday(rawValue: end + 1)!.shortName
            switch end - index {
            case 0: parts.append(first)
            case 1: parts.append(first + "," + last)
            default: parts.append(first + "-" + last)
            }
            index = end + 1
        }
        return parts.joined(separator: ",") + " " + window.description
    }

    /// Several windows as the store keeps them, joined with ";" (a window may itself
    /// hold commas): "Mon 09:00-10:00;12:00-13:00". Blank text is no window; an empty
    /// item or a bad window makes the whole list nil.
    public static func parseList(_ text: String) -> [BusyWindow]? {
        guard !text.allSatisfy(\.isWhitespace) else { return [] }
        var windows: [BusyWindow] = []
        for item in text.split(separator: ";", omittingEmptySubsequences: false) {
            guard let window = BusyWindow(String(item)) else { return nil }
            windows.append(window)
        }
        return windows
    }

    /// The windows as the store keeps them: canonical spellings joined with ";".
    public static func listText(_ windows: [BusyWindow]) -> String {
        windows.map(\.description).joined(separator: ";")
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let window = BusyWindow(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a busy window like Mon-Fri 09:00-10:00, got \"\(text)\"")
        }
        self = window
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func bit(_ weekday: Weekday) -> UInt8 { 1 << UInt8(weekday.rawValue - 1) }

    /// "Mon", "Mon-Fri", "Tue,Thu" (spaces after commas allowed) to a mask; nil if any
    /// item is not a day or a forward range of days.
    private static func days(_ text: Substring) -> UInt8? {
        var mask: UInt8 = 0
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = item.trimmingCharacters(in: .whitespaces)
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 1 || ends.count == 2,
                let first = weekday(ends[0]), let last = weekday(ends[ends.count - 1]),
                first <= last
            else { return nil }
            for raw in first.rawValue...last.rawValue { mask |= 1 << UInt8(raw - 1) }
        }
        return mask == 0 ? nil : mask
    }

    private static func weekday(_ name: Substring) -> Weekday? {
        Weekday.allCases.first { $0.shortName.caseInsensitiveCompare(name) == .orderedSame }
    }
}

/// When the user can call, on the user's own clock — the setting `my_hours`: a call to
/// another continent must not land in the user's night, and someone at work may only
/// call from somewhere quiet at lunch (docs/rules.md §2, "When to call").
public enum MyHours: Sendable, Hashable, CustomStringConvertible {
    /// No limit: `any`.
    case any
    /// Only inside one of these windows, on the user's clock.
    case windows([DailyWindow])

    /// The default, 08:00-20:00: no call in the user's night.
    public static let standard = MyHours.windows([DailyWindow("08:00-20:00")!])

    /// Parses `any` (in any case) or windows "HH:MM-HH:MM" separated by commas, spaces
    /// around them allowed: "12:00-13:00,17:00-18:00". Anything else is nil.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.caseInsensitiveCompare("any") == .orderedSame {
            self = .any
            return
        }
        var windows: [DailyWindow] = []
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            guard let window = DailyWindow(item.trimmingCharacters(in: .whitespaces)) else { return nil }
            windows.append(window)
        }
        self = .windows(windows)
    }

    /// "any" or "12:00-13:00,17:00-18:00": what `init?(_:)` reads back.
    public var description: String {
        switch self {
        case .any: return "any"
        case .windows(let windows): return windows.map(\.description).joined(separator: ",")
        }
    }

    /// Whether the minute of the day `minute` is one the user can call in.
    public func contains(minute: Int) -> Bool { firstMinute(from: minute) == minute }

    /// The first minute of the day at or after `minute` inside the hours, if any.
    func firstMinute(from minute: Int) -> Int? {
        guard case .windows(let windows) = self else { return minute < 1440 ? minute : nil }
        var best: Int?
        for window in windows where window.end > minute {
            let candidate = max(minute, window.start)
            if best.map({ candidate < $0 }) ?? true { best = candidate }
        }
        return best
    }
}
