import Foundation

/// The user's settings that shape the rules, with docs/rules.md §2's defaults, checked once on
/// the way in so the engine never meets a nonsensical value.
public struct FollowUpSettings: Sendable, Equatable {
    /// A setting that makes no sense; its description is the one line the user sees.
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        case maxAttemptsBelowOne(Int)
        case waitWindow(from: Int, to: Int)
        case badWindow(key: String, value: String)
        case badHoliday(String)
        case badNumber(key: String, value: String)
        case quietAfterBelowOne(Int)
        case badMyHours(String)
        case badPublicHolidays(String)

        public var description: String {
            switch self {
            case .maxAttemptsBelowOne(let value):
                return "max_attempts must be at least 1, got \(value)"
            case .waitWindow(let from, let to):
                return "the wait window must be 1 ≤ from ≤ to business days, got \(from)–\(to)"
            case .badWindow(let key, let value):
                return "\(key) must be HH:MM-HH:MM within one day, e.g. 09:00-17:00, got \"\(value)\""
            case .badHoliday(let value):
                return "holidays must be dates YYYY-MM-DD separated by commas, got \"\(value)\""
            case .badNumber(let key, let value):
                return "\(key) must be a whole number, got \"\(value)\""
            case .quietAfterBelowOne(let value):
                return "quiet_after must be at least 1 business day, got \(value)"
            case .badMyHours(let value):
                return "my_hours must be any, or windows HH:MM-HH:MM separated by commas, "
                    + "e.g. 12:00-13:00,17:00-18:00, got \"\(value)\""
            case .badPublicHolidays(let value):
                return "public_holidays must be auto or off, got \"\(value)\""
            }
        }
    }

    /// When to call an interviewer who did not say otherwise (default 09:00-17:00).
    public let businessHours: DailyWindow
    /// When to call an interviewer who said any time is fine, any day (default 08:00-20:00).
    public let afterHours: DailyWindow
    /// Dates that are not business days, on every interviewer's clock.
    public let holidays: Set<CalendarDate>
    /// Unanswered tries after which to stop calling (default 2: "after two unanswered
    /// tries, stop calling").
    public let maxAttempts: Int
    /// The user's own zone: the default for an interview logged without one, and for
    /// reading relative dates. The rules themselves read every date on the interviewer's
    /// clock; the caller passes the system zone, this target never looks it up.
    public let timeZone: TimeZone
    /// Call between the `waitFrom`th and the `waitTo`th business day after the anchor
    /// (default 2–3: "not sooner, a pest; not much later, a blown chance").
    public let waitFrom: Int
    public let waitTo: Int
    /// When the user can call, on the user's own clock (`timeZone`): `my_hours`,
    /// default 08:00-20:00, so that a call to another continent never lands in the
    /// user's night.
    public let myHours: MyHours
    /// Whether interviewers' public holidays are days off (`public_holidays auto`, the
    /// default). Off, only `holidays` counts: the caller may then skip resolving the
    /// tables, and the engine ignores any it is given.
    public let usesPublicHolidays: Bool
    /// Business days after the last word (a call reached, a letter, the last
    /// unanswered try, or applying) after which an application has gone quiet
    /// (`quiet_after`, default 10).
    public let quietAfter: Int

    public init(
        businessHours: DailyWindow = .businessHours, afterHours: DailyWindow = .afterHours,
        holidays: Set<CalendarDate> = [], maxAttempts: Int = 2, timeZone: TimeZone,
        waitFrom: Int = 2, waitTo: Int = 3, myHours: MyHours = .standard,
        usesPublicHolidays: Bool = true, quietAfter: Int = 10
    ) throws(Error) {
        guard maxAttempts >= 1 else { throw .maxAttemptsBelowOne(maxAttempts) }
        guard waitFrom >= 1, waitFrom <= waitTo else { throw .waitWindow(from: waitFrom, to: waitTo) }
        guard quietAfter >= 1 else { throw .quietAfterBelowOne(quietAfter) }
        self.myHours = myHours
        self.usesPublicHolidays = usesPublicHolidays
        self.quietAfter = quietAfter
        self.businessHours = businessHours
        self.afterHours = afterHours
        self.holidays = holidays
        self.maxAttempts = maxAttempts
        self.timeZone = timeZone
        self.waitFrom = waitFrom
        self.waitTo = waitTo
    }

    /// The same settings with other hours of the user's own.
    public func withMyHours(_ hours: MyHours) -> FollowUpSettings {
        // Cannot throw: every other value has passed the checks already.
        try! FollowUpSettings(
            businessHours: businessHours, afterHours: afterHours, holidays: holidays, maxAttempts: maxAttempts,
            timeZone: timeZone, waitFrom: waitFrom, waitTo: waitTo, myHours: hours,
            usesPublicHolidays: usesPublicHolidays, quietAfter: quietAfter)
    }

    /// The defaults of docs/rules.md §2 in the user's zone.
    public static func defaults(timeZone: TimeZone) -> FollowUpSettings {
        // Cannot throw: the defaults satisfy every check.
        try! FollowUpSettings(timeZone: timeZone)
    }

    /// Settings from the stored `setting` rows, keyed as `jobtrack config` names them
    /// (`business_hours`, `after_hours`, `holidays`, `max_attempts`, `my_hours`,
    /// `public_holidays`, `quiet_after`); a key that is absent keeps its default and
    /// other keys are not this target's business. `holidays` is a list of YYYY-MM-DD
    /// dates separated by commas or spaces; `my_hours` is `any` or windows separated by
    /// commas; `public_holidays` is `auto` or `off`.
    public init(stored values: [String: String], timeZone: TimeZone) throws(Error) {
        func window(_ key: String, _ fallback: DailyWindow) throws(Error) -> DailyWindow {
            guard let text = values[key] else { return fallback }
            guard let window = DailyWindow(text) else { throw .badWindow(key: key, value: text) }
            return window
        }
        var holidays: Set<CalendarDate> = []
        if let text = values["holidays"] {
            for item in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
                guard let date = CalendarDate(iso: String(item)) else { throw .badHoliday(String(item)) }
                holidays.insert(date)
            }
        }
        func number(_ key: String, _ fallback: Int) throws(Error) -> Int {
            guard let text = values[key] else { return fallback }
            guard let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw .badNumber(key: key, value: text)
            }
            return number
        }
        var myHours = MyHours.standard
        if let text = values["my_hours"] {
            guard let hours = MyHours(text) else { throw .badMyHours(text) }
            myHours = hours
        }
        var usesPublicHolidays = true
        if let text = values["public_holidays"] {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "auto": usesPublicHolidays = true
            case "off": usesPublicHolidays = false
            default: throw .badPublicHolidays(text)
            }
        }
        try self.init(
            businessHours: window("business_hours", .businessHours),
            afterHours: window("after_hours", .afterHours),
            holidays: holidays, maxAttempts: number("max_attempts", 2), timeZone: timeZone,
            myHours: myHours, usesPublicHolidays: usesPublicHolidays,
            quietAfter: number("quiet_after", 10))
    }
}
