import ArgumentParser
import FollowUp
import Foundation
import JobStore
import JobtrackKit

extension Jobtrack {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Log a new application.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The company applied to.", transform: ArgumentValue.nonEmpty)
        var company: String

        @Argument(help: "The role applied for.", transform: ArgumentValue.nonEmpty)
        var role: String

        @Option(
            parsing: .unconditional, help: ArgumentHelp("When you applied (default: today).", valueName: "date"),
            transform: DateInput.parse)
        var appliedOn: DateInput?

        @Option(help: "The job posting's address.")
        var url: String?

        @Option(help: "Anything to remember.")
        var note: String?

        @Option(
            name: .customLong("highlight"),
            help: ArgumentHelp(
                "A qualification to restate on the call; repeat for several.", valueName: "text"),
            transform: ArgumentValue.nonEmpty)
        var highlights: [String] = []

        func run() throws {
            let tracker = try global.tracker()
            let added = try tracker.add(
                NewApplication(
                    company: company, role: role, appliedOn: appliedOn, url: url, notes: note, highlights: highlights))
            StandardStreams.warn(added.warnings)
            let entry = added.entry
            let application = entry.application
            try Output(tracker, json: global.json).report(
                entry,
                "Added #\(application.id) \(application.company) — \(application.role), applied \(application.appliedOn)."
            )
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List applications by id.")

        @OptionGroup var global: GlobalOptions

        @Option(
            help:
                "Only applications with this status (\(Application.Status.allCases.map(\.rawValue).joined(separator: ", ")))."
        )
        var status: Application.Status?

        @Option(
            help: ArgumentHelp(
                "Only applications whose company, role or interviewer contains this.",
                valueName: "text"))
        var search: String?

        func run() throws {
            let tracker = try global.tracker()
            let entries = try tracker.applications(status: status, search: search)
            let output = Output(tracker, json: global.json)
            if global.json {
                try output.json(entries.map { tracker.applicationJSON($0, includeInterviews: false) })
            } else if entries.isEmpty {
                print(
                    status == nil && search == nil
                        ? "No applications yet. Add one with `jobtrack add <company> <role>`."
                        : "No applications match.")
            } else {
                entries.forEach { print(output.text.listRow($0.application)) }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one application with its interviews, calls and follow-up.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The application's id.", transform: ArgumentValue.id)
        var id: Int64

        func run() throws {
            let tracker = try global.tracker()
            let entry = try tracker.entry(for: id)
            let output = Output(tracker, json: global.json)
            if global.json {
                try output.json(tracker.applicationJSON(entry))
            } else {
                print(output.text.show(entry))
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change an application's details.",
            discussion: "An empty --url or --note clears it.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The application's id.", transform: ArgumentValue.id)
        var id: Int64

        @Option(transform: ArgumentValue.nonEmpty) var company: String?
        @Option(transform: ArgumentValue.nonEmpty) var role: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(valueName: "date"), transform: DateInput.parse)
        var appliedOn: DateInput?
        @Option var url: String?
        @Option var note: String?

        func run() throws {
            let edit = ApplicationEdit(company: company, role: role, appliedOn: appliedOn, url: url, notes: note)
            // Refused before a database is opened, so that a bare `edit` creates none.
            guard !edit.isEmpty else { throw Refusal.nothingToEdit }
            let tracker = try global.tracker()
            try Output(tracker, json: global.json).report(try tracker.edit(id, edit), "Updated #\(id).")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Set an application's status.",
            discussion: "offer, accepted, rejected and withdrawn close it: no more follow-up calls.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The application's id.", transform: ArgumentValue.id)
        var id: Int64

        @Argument(help: "One of: \(Application.Status.allCases.map(\.rawValue).joined(separator: ", ")).")
        var status: Application.Status

        func run() throws {
            let tracker = try global.tracker()
            try Output(tracker, json: global.json).report(
                try tracker.setStatus(id, to: status), "#\(id) is now \(status.rawValue).")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete an application with its interviews and calls.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The application's id.", transform: ArgumentValue.id)
        var id: Int64

        @Flag(help: "Confirm the deletion.")
        var yes = false

        func run() throws {
            let tracker = try global.tracker()
            let application = try tracker.delete(id, confirmed: yes)
            if global.json {
                try Output(tracker, json: true).json(DeletedJSON(id: id))
            } else {
                print("Deleted #\(id) \(application.company) — \(application.role).".oneLine)
            }
        }
    }
}
