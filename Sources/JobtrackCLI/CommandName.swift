import ArgumentParser
import Foundation
import JobtrackKit

/// A mistyped command gets "did you mean …?" (docs/commands.md §3.1). Without this,
/// `jobtrack todya` would reach the default command, `today`, as a stray argument.
enum CommandName {
    /// Refuses a first word that is no command, nor an option, nor help.
    static func check(_ arguments: [String]) throws {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help" else { return }
        var names: [String] = []
        for command in Jobtrack.configuration.subcommands {
            if let name = command.configuration.commandName { names.append(name) }
        }
        guard !names.contains(first) else { return }
        throw Refusal.unknownCommand(first, suggestion: Suggestion.closest(to: first, among: names))
    }
}
