import ArgumentParser
import FollowUp
import Foundation
import JobStore

/// The settings `jobtrack config` knows, with what each must look like.
enum ConfigKey: String, CaseIterable, CodingKey, ExpressibleByArgument {
    case name, timezone
    case businessHours = "business_hours"
    case afterHours = "after_hours"
    case holidays
    case maxAttempts = "max_attempts"

    var help: String {
        switch self {
        case .name: "your name, as you say it on the phone"
        case .timezone: "your IANA zone (default: the system's)"
        case .businessHours: "when to call, HH:MM-HH:MM (default 09:00-17:00)"
        case .afterHours: "when to call those who said any time is fine (default 08:00-20:00)"
        case .holidays: "dates that are not business days, YYYY-MM-DD separated by commas"
        case .maxAttempts: "unanswered tries before you stop calling (default 2)"
        }
    }

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
        }
    }

    /// Refuses a value that would not make sense, with the reason. Only this key is
    /// judged, so that one bad stored value never blocks fixing another.
    func validate(_ value: String) throws {
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
        case .businessHours, .afterHours, .holidays, .maxAttempts:
            _ = try FollowUpSettings(stored: [rawValue: value], timeZone: TimeZone(secondsFromGMT: 0)!)
        }
    }
}

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or change settings.",
        discussion: "Settings: " + ConfigKey.allCases.map { "\($0.rawValue) — \($0.help)" }.joined(separator: "; ") + ".")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The setting to show or change.")
    var key: ConfigKey?

    @Argument(help: "Its new value.")
    var value: String?

    @Flag(help: "Remove the setting, restoring its default.")
    var unset = false

    func validate() throws {
        if unset && (key == nil || value != nil) { throw ValidationError("--unset takes a key and no value") }
    }

    /// Opens the database without a `Session`: a session refuses settings that make no
    /// sense, and this is the command that mends them.
    func run() throws {
        let path = DatabaseLocation.path(option: global.db, environment: ProcessInfo.processInfo.environment)
        let repository = Repository(database: try Database(path: path))
        if let key {
            if let value {
                try key.validate(value)
                try repository.setSetting(key.rawValue, to: value)
            } else if unset {
                try repository.removeSetting(key.rawValue)
            }
        }
        // Read back after the change, so that what is printed is what is in force.
        let stored = try repository.settings()
        let settings = try? FollowUpSettings(stored: stored, timeZone: Session.userZone(stored: stored))
        let keys = key.map { [$0] } ?? ConfigKey.allCases
        if global.json {
            try JSONOutput.print(SettingsJSON(values: keys.map { ($0, $0.effectiveValue(settings, stored: stored)) }))
        } else if let key, keys.count == 1 {
            print(key.effectiveValue(settings, stored: stored) ?? "")
        } else {
            for key in keys {
                let value = key.effectiveValue(settings, stored: stored).map { $0.isEmpty ? "none" : $0 } ?? "(not set)"
                let source = stored[key.rawValue] == nil && key != .name ? "  (default)" : ""
                print("\(key.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0))\(value)\(source)")
            }
        }
    }
}

/// The settings in force, in the order `config` lists them; null where unset.
struct SettingsJSON: Encodable {
    let values: [(ConfigKey, String?)]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ConfigKey.self)
        for (key, value) in values {
            try container.encode(value, forKey: key)
        }
    }
}
