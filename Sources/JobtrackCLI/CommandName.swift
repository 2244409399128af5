import ArgumentParser
import Foundation
import JobtrackKit

/// A mistyped command gets "did you mean …?" (docs/commands.md §3.1). Without this,
/// `jobtrack todya` would reach the default command, `today`, as a stray argument.
enum CommandName {
    struct Unknown: Error, CustomStringConvertible {
        let typed: String
        let suggestion: String?

        var description: String {
            let hint = suggestion.map { "; did you mean `jobtrack \($0)`?" } ?? "; see `jobtrack --help`"
            return "unknown command '\(typed)'\(hint)"
        }
    }

    /// Refuses a first word that is no command, nor an option, nor help.
    static func check(_ arguments: [String]) throws {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return }
        var names: [String] = []
        for command in Jobtrack.configuration.subcommands {
            if let name = command.configuration.commandName { names.append(name) }
        }
        guard !names.contains(first) else { return }
        throw Unknown(typed: first, suggestion: Suggestion.closest(to: first, among: names))
    }
}
