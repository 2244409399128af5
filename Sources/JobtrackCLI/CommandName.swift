import ArgumentParser
import Foundation
import JobtrackKit

/// A mistyped command gets "did you mean …?" (docs/commands.md §3.1). Without this,
/// `jobtrack todya` would reach the default command, `today`, as a stray argument.
enum CommandName {
    /// Refuses a first word that is no command, nor an option, nor help; a command's name
    /// after the options that belong to it; and a negative number, which the argument
    /// parser would read as an unknown option ("Unknown option '-1'").
    static func check(_ arguments: [String]) throws {
        let given = arguments.prefix { $0 != "--" }
        // An option's own value is the option's to judge (`log --limit -3`).
        for (index, word) in given.enumerated() where isNegativeNumber(word) {
            if index == 0 || !given[index - 1].hasPrefix("--") { throw Refusal.negativeNumber(word) }
        }
        guard let first = arguments.first, first != "help" else { return }
        var names: [String] = []
        for command in Jobtrack.configuration.subcommands {
            if let name = command.configuration.commandName { names.append(name) }
        }
        if first.hasPrefix("-") {
            // The options of the default command, `today`, come first; a command named
            // after them, not as the value of --db or --now, was meant to come first.
            for (index, word) in given.enumerated().dropFirst() where names.contains(word) {
                guard !["--db", "--now"].contains(given[index - 1]) else { continue }
                var rewritten = Array(given)
                rewritten.remove(at: index)
                throw Refusal.commandAfterOptions(command: word, rewritten: ([word] + rewritten).joined(separator: " "))
            }
            return
        }
        guard !names.contains(first) else { return }
        throw Refusal.unknownCommand(first, suggestion: Suggestion.closest(to: first, among: names))
    }

    /// "-3", "-12": no value of jobtrack is a negative number ("-3d" is a relative date).
    private static func isNegativeNumber(_ word: String) -> Bool {
        word.count > 1 && word.hasPrefix("-") && word.utf8.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }
}
