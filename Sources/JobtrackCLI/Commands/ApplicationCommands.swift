import ArgumentParser
import FollowUp
import Foundation
import JobStore

extension Session {
    /// Prints an application after a change: its object with `--json`, else `summary`
    /// and its follow-up state.
    func report(_ id: Int64, _ summary: String) throws {
        let entry = try entry(for: id)
        if json {
            try JSONOutput.print(applicationJSON(entry))
        } else {
            print(summary)
            print("  follow-up: \(entry.assessment.state.rawValue) — \(entry.assessment.reason)")
        }
    }

    var renderer: TextRenderer { TextRenderer(session: self, style: json ? Style(enabled: false) : .forStandardOutput()) }
}

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Log a new application.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The company applied to.", transform: NonEmptyText.parse)
    var company: String

    @Argument(help: "The role applied for.", transform: NonEmptyText.parse)
    var role: String

    @Option(parsing: .unconditional, help: ArgumentHelp("When you applied (default: today).", valueName: "date"), transform: DateInput.parse)
    var appliedOn: DateInput?

    @Option(help: "The job posting's address.")
    var url: String?

    @Option(help: "Anything to remember.")
    var note: String?

    @Option(name: .customLong("highlight"), help: ArgumentHelp(
        "A qualification to restate on the call; repeat for several.", valueName: "text"),
            transform: NonEmptyText.parse)
    var highlights: [String] = []

    func run() throws {
        let session = try Session(global)
        let appliedOn = try (appliedOn ?? .relative(days: 0)).resolve(today: session.today(in: session.userZone))
        let application = try session.repository.insertApplication(
            company: company, role: role, appliedOn: appliedOn.iso, url: url?.nilIfEmpty, notes: note?.nilIfEmpty,
            highlights: highlights, now: session.now)
        try session.report(application.id, "Added #\(application.id) \(application.company) — \(application.role), applied \(application.appliedOn).")
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List applications by id.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only applications with this status (\(Application.Status.allCases.map(\.rawValue).joined(separator: ", "))).")
    var status: Application.Status?

    func run() throws {
        let session = try Session(global)
        var entries = session.agenda(try session.repository.histories(.all))
        entries.sort { $0.application.id < $1.application.id }
        if let status { entries.removeAll { $0.application.status != status } }
        if session.json {
            try JSONOutput.print(entries.map { session.applicationJSON($0, includeInterviews: false) })
        } else if entries.isEmpty {
            print(status == nil ? "No applications yet. Add one with `jobtrack add <company> <role>`." : "No \(status!.rawValue) applications.")
        } else {
            entries.forEach { print(session.renderer.listRow($0.application)) }
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one application with its interviews, calls and follow-up.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The application's id.", transform: PositiveID.parse)
    var id: Int64

    func run() throws {
        let session = try Session(global)
        let entry = try session.entry(for: id)
        if session.json {
            try JSONOutput.print(session.applicationJSON(entry))
        } else {
            print(session.renderer.show(entry))
        }
    }
}

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an application's details.",
        discussion: "An empty --url or --note clears it.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The application's id.", transform: PositiveID.parse)
    var id: Int64

    @Option(transform: NonEmptyText.parse) var company: String?
    @Option(transform: NonEmptyText.parse) var role: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(valueName: "date"), transform: DateInput.parse) var appliedOn: DateInput?
    @Option var url: String?
    @Option var note: String?

    func run() throws {
        guard company != nil || role != nil || appliedOn != nil || url != nil || note != nil else {
            throw Refusal.nothingToEdit
        }
        let session = try Session(global)
        try session.database.write {
            var application = try session.repository.application(id)
            if let company { application.company = company }
            if let role { application.role = role }
            if let appliedOn { application.appliedOn = try appliedOn.resolve(today: session.today(in: session.userZone)).iso }
            if let url { application.url = url.nilIfEmpty }
            if let note { application.notes = note.nilIfEmpty }
            try session.repository.updateApplication(application, now: session.now)
        }
        try session.report(id, "Updated #\(id).")
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Set an application's status.",
        discussion: "offer, accepted, rejected and withdrawn close it: no more follow-up calls.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The application's id.", transform: PositiveID.parse)
    var id: Int64

    @Argument(help: "One of: \(Application.Status.allCases.map(\.rawValue).joined(separator: ", ")).")
    var status: Application.Status

    func run() throws {
        let session = try Session(global)
        try session.database.write {
            var application = try session.repository.application(id)
            application.status = status
            try session.repository.updateApplication(application, now: session.now)
        }
        try session.report(id, "#\(id) is now \(status.rawValue).")
    }
}

struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete an application with its interviews and calls.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The application's id.", transform: PositiveID.parse)
    var id: Int64

    @Flag(help: "Confirm the deletion.")
    var yes = false

    struct Deleted: Encodable {
        let id: Int64
        let deleted = true
    }

    func run() throws {
        let session = try Session(global)
        let application = try session.repository.application(id)
        guard yes else { throw Refusal.deleteNeedsYes(application: id) }
        try session.repository.deleteApplication(id)
        if session.json {
            try JSONOutput.print(Deleted(id: id))
        } else {
            print("Deleted #\(id) \(application.company) — \(application.role).")
        }
    }
}
