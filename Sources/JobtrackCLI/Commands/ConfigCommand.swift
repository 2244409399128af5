import ArgumentParser
import Foundation
import JSONText
import JobtrackKit

extension ConfigKey: ExpressibleByArgument {}

extension Jobtrack {
    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "config",
            abstract: "Show or change settings.",
            discussion: "Settings: " + ConfigKey.allCases.map { "\($0.rawValue) — \($0.help)" }.joined(separator: "; ")
                + ".")

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

        func run() throws {
            // A value that makes no sense is refused before a database is opened or created.
            if let key, let value { try key.validate(value) }
            let book = try global.settingsBook()
            if let key {
                if let value {
                    try book.set(key, to: value)
                } else if unset {
                    try book.unset(key)
                }
                // Settings move calls (hours, holidays) and name the calendar file itself.
                if value != nil || unset, let tracker = try? global.tracker() { tracker.refreshCalendar() }
            }
            let views = try book.view(key.map { [$0] } ?? ConfigKey.allCases)
            if global.json {
                try JSONWriter.write(SettingsJSON(views)) {
                    try StandardStreams.write($0, to: FileHandle.standardOutput)
                }
            } else if key != nil, let view = views.first {
                print(view.value ?? "")
            } else {
                for view in views {
                    let value = view.value.map { $0.isEmpty ? "none" : $0 } ?? "(not set)"
                    let source = view.isDefault ? "  (default)" : ""
                    print("\(view.key.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0))\(value)\(source)")
                }
            }
        }
    }
}
