import FollowUp
import Foundation
import JobStore

/// The settings `jobtrack config` knows, with what each must look like.
public enum ConfigKey: String, CaseIterable, CodingKey, Sendable {
    case name, timezone
    case businessHours = "business_hours"
    case afterHours = "after_hours"
    case holidays
    case maxAttempts = "max_attempts"
    case publicHolidays = "public_holidays"
    case myHours = "my_hours"
    case quietAfter = "quiet_after"
    case calendarFile = "calendar_file"
    case phone

    public var help: String {
        switch self {
        case .name: "your name, as you say it on the phone"
        case .timezone: "your IANA zone (default: the system's)"
        case .businessHours: "when to call, HH:MM-HH:MM (default 09:00-17:00)"
        case .afterHours: "when to call those who said any time is fine (default 08:00-20:00)"
        case .holidays: "dates that are not business days, YYYY-MM-DD separated by commas"
        case .maxAttempts: "unanswered tries before you stop calling (default 2)"
        case .publicHolidays: "auto (the interviewer's country's public holidays are not business days) or off"
        case .myHours:
            "when you can call, on your clock: HH:MM-HH:MM windows separated by commas, or any (default 08:00-20:00)"
        case .quietAfter: "business days of silence after which an application has gone quiet (default 10)"
        case .calendarFile: "an iCalendar file rewritten after every change, for a calendar app to subscribe to"
        case .phone: "your phone number, as the voicemail script reads it out"
        }
    }

    /// Whether an unset key still has a value in force.
    var hasDefault: Bool { self != .name && self != .calendarFile && self != .phone }

    /// The value in force: the stored one, else the default. When the stored settings
    /// do not make sense together (`settings` nil), what is stored, so it can be fixed.
    func effectiveValue(_ settings: FollowUpSettings?, stored: [String: String]) -> String? {
        guard let settings else { return stored[rawValue] }
        return switch self {
        case .name: stored[rawValue]
        case .timezone: settings.timeZone.identifier
        case .businessHours: settings.businessHours.description
        case .afterHours: settings.afterHours.description
        case .holidays: settings.holidays.sorted().map(\.iso).joined(separator: ",")
        case .maxAttempts: String(settings.maxAttempts)
        case .publicHolidays: settings.usesPublicHolidays ? "auto" : "off"
        case .myHours: settings.myHours.description
        case .quietAfter: String(settings.quietAfter)
        case .calendarFile, .phone: stored[rawValue]
        }
    }

    /// Refuses a value that would not make sense, with the reason. Only this key is
    /// judged, so that one bad stored value never blocks fixing another.
    public func validate(_ value: String) throws {
        switch self {
        case .name:
            guard !value.isBlank else {
                throw Refusal.badSetting(key: rawValue, reason: "expected non-empty text")
            }
        case .timezone:
            guard ZoneInput.zone(named: value) != nil else {
                throw Refusal.badSetting(
                    key: rawValue, reason: "\"\(value)\" is not an IANA time zone such as America/New_York")
            }
        case .phone:
            guard PhoneInput.number(value) != nil else {
                throw Refusal.badSetting(key: rawValue, reason: "expected \(PhoneInput.expected)")
            }
        case .calendarFile:
            guard !value.isBlank else { throw Refusal.badSetting(key: rawValue, reason: "expected a file path") }
            let folder = URL(fileURLWithPath: value).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw Refusal.badSetting(key: rawValue, reason: "the folder \(folder) does not exist; create it first")
            }
            try OutputFile.refuseToReplaceDatabase(at: value)
        case .businessHours, .afterHours, .holidays, .maxAttempts, .publicHolidays, .myHours, .quietAfter:
            _ = try FollowUpSettings(stored: [rawValue: value], timeZone: TimeZone(secondsFromGMT: 0)!)
        }
    }
}

/// One setting as `config` shows it: the value in force and whether it is a default.
public struct SettingView: Sendable {
    public let key: ConfigKey
    /// The value in force; nil for a setting with no default that is not set (`name`).
    public let value: String?
    public let isDefault: Bool
}

/// The settings in force, in the order `config` lists them; null where unset.
public struct SettingsJSON: Encodable {
    let values: [SettingView]

    public init(_ values: [SettingView]) {
        self.values = values
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ConfigKey.self)
        for view in values {
            try container.encode(view.value, forKey: view.key)
        }
    }
}

/// Reads and changes settings. It opens the database without a `Tracker`, which
/// refuses settings that make no sense: this is where they are mended.
public struct SettingsBook {
    let repository: Repository
    let systemZone: TimeZone
    /// When a change is journaled as made.
    let now: Date
    /// What to tell the user besides the result: the copy an upgrade took, as `Tracker` says it.
    public let notices = Notices()

    /// `now` as the user typed it (`--now`), read on their clock, else `clock`.
    public init(path: String, now: DateTimeInput? = nil, clock: Date, systemZone: TimeZone = .current) throws {
        let database = try Database(path: path)
        if let copy = database.upgradeBackup { notices.add(Tracker.upgradeNotice(copy)) }
        repository = Repository(database: database)
        self.systemZone = systemZone
        // A stored zone that makes no sense is what this book mends: the system's stands in.
        let zone = (try? Tracker.userZone(stored: try repository.settings(), systemZone: systemZone)) ?? systemZone
        self.now = try now?.resolve(now: clock, user: zone) ?? clock
    }

    /// Stores `value` for `key` after checking it; journaled for `undo`. A calendar
    /// file is stored by its full path, so that a command run in another folder writes
    /// the same file.
    public func set(_ key: ConfigKey, to typed: String) throws {
        try key.validate(typed)
        let value = key == .calendarFile ? URL(fileURLWithPath: typed).standardizedFileURL.path : typed
        try repository.database.change(command: "config", at: now) {
            try repository.setSetting(key.rawValue, to: value)
            return "\(key.rawValue) set to \(value)"
        }
    }

    /// Removes a setting, restoring its default; journaled for `undo`.
    public func unset(_ key: ConfigKey) throws {
        try repository.database.change(command: "config", at: now) {
            try repository.removeSetting(key.rawValue)
            return "\(key.rawValue) unset"
        }
    }

    /// The settings in force for `keys`, read after any change so that what is shown
    /// is what applies.
    public func view(_ keys: [ConfigKey] = ConfigKey.allCases) throws -> [SettingView] {
        let stored = try repository.settings()
        let settings = try? FollowUpSettings(
            stored: stored, timeZone: Tracker.userZone(stored: stored, systemZone: systemZone))
        return keys.map {
            SettingView(
                key: $0, value: $0.effectiveValue(settings, stored: stored),
                isDefault: stored[$0.rawValue] == nil && $0.hasDefault)
        }
    }
}
