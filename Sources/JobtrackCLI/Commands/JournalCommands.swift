import ArgumentParser
import FollowUp
import Foundation
import JobStore
import JobtrackKit

extension Jobtrack {
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo",
            abstract: "Undo the latest change not yet undone; again goes one further back.",
            discussion: """
                Every command that changes records or settings is journaled. After undo the records \
                are exactly as before that change, ids included: an undone delete brings the \
                application back with its interviews and calls. `jobtrack log` lists the changes.
                """)

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let tracker = try global.tracker()
            let change = try tracker.undo()
            if global.json {
                try Output(tracker, json: true).json(ChangeJSON(change, zone: tracker.userZone))
            } else {
                print("Undid: \(change.summary.oneLine).")
            }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "The changes made, newest first, and which were undone.")

        @OptionGroup var global: GlobalOptions

        // Unconditional: "-3" is read as the value and refused as one, rather than taken
        // for an option and the value called missing.
        @Option(
            parsing: .unconditional, help: ArgumentHelp("Show only the newest N changes.", valueName: "N"),
            transform: ArgumentValue.count)
        var limit: Int?

        func run() throws {
            let tracker = try global.tracker()
            let changes = try tracker.changeLog(limit: limit)
            let output = Output(tracker, json: global.json)
            if global.json {
                try output.json(changes.map { ChangeJSON($0, zone: tracker.userZone) })
            } else if changes.isEmpty {
                print("No changes yet.")
            } else {
                for change in changes {
                    let when = output.text.moment(change.at, their: tracker.userZone)
                    let undone = change.undone ? "  (undone)" : ""
                    let columns = [(String(change.id), 5), (when, 17), (change.command, 16)].map {
                        $0.0.padding(toLength: max($0.1, $0.0.count), withPad: " ", startingAt: 0)
                    }
                    print(columns.joined(separator: " ") + " \(change.summary.oneLine)\(undone)")
                }
            }
        }
    }
}
