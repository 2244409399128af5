import ArgumentParser
import FollowUp
import Foundation
import JSONText
import JobStore

/// What `export` can write.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case json, csv, ics

    /// The format a file name asks for, by its extension.
    init?(fileName: String) {
        switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
        case "json": self = .json
        case "csv": self = .csv
        case "ics", "ical", "icalendar": self = .ics
        default: return nil
        }
    }
}

/// What `import` can read.
enum ImportFormat: String, CaseIterable, ExpressibleByArgument {
    case json, csv
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every record out: JSON (everything), CSV (applications) or iCalendar (the next calls).",
        discussion: """
            json is the whole database, settings included, and reads back with `jobtrack import`. \
            csv has one application a row, for a spreadsheet. ics has one event per application \
            with a next call, 15 minutes long with a reminder 15 minutes before: point a calendar \
            at the file and re-export to update it. Without --format, the --output file's \
            extension decides, else json. Without --output, the document goes to stdout.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "json, csv or ics (default: from the --output extension, else json).")
    var format: ExportFormat?

    @Option(help: ArgumentHelp("Write to this file, replacing it atomically (default: stdout).", valueName: "file"))
    var output: String?

    struct Report: Encodable {
        let format: String
        let output: String
        let records: Int
    }

    func run() throws {
        let format = format ?? output.flatMap(ExportFormat.init(fileName:)) ?? .json
        if global.json && format != .json && (output == nil || output == "-") {
            throw ExchangeError.jsonNeedsFile(format.rawValue)
        }
        if let output, output != "-" { try OutputFile.refuseToReplaceDatabase(at: output) }
        let session = try Session(global)
        let data: Data
        let records: Int
        switch format {
        case .json:
            let document = try session.exportDocument()
            data = try JSONWriter.data(document)
            records = document.applications.count
        case .csv:
            let applications = try session.repository.applications()
            data = try CSVExport.data(applications)
            records = applications.count
        case .ics:
            let entries = session.agenda(try session.repository.histories(.open)).filter { $0.assessment.callAt != nil }
            data = Data(ICalendarExport(now: session.now, entries: entries).text.utf8)
            records = entries.count
        }
        guard let output, output != "-" else {
            try OutputFile.writeToStandardOutput(data)
            return
        }
        try OutputFile.write(data, to: output)
        if session.json {
            try JSONOutput.print(Report(format: format.rawValue, output: output, records: records))
        } else {
            let what = switch format {
            case .json, .csv: records == 1 ? "1 application" : "\(records) applications"
            case .ics: records == 1 ? "1 call" : "\(records) calls"
            }
            print("Exported \(what) to \(output).")
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read records from a JSON export or a CSV of applications, all or nothing.",
        discussion: """
            Records are added to those already there. Into a database with no applications, \
            a JSON export's settings are restored too; otherwise the settings already set are \
            kept. Every record is checked as the commands check it; the first bad one is named \
            (applications[3].interviews[0].phone, or line 4, column role) and nothing is \
            imported. Without --format, a .csv file is read as CSV, anything else as JSON.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The file to read.", valueName: "file"))
    var file: String

    @Option(help: "json or csv (default: csv for a .csv file, else json).")
    var format: ImportFormat?

    struct Report: Encodable {
        let applications: [Int64]
        let interviews: Int
        let calls: Int
        let settingsRestored: Bool

        enum CodingKeys: String, CodingKey {
            case applications, interviews, calls, settingsRestored = "settings_restored"
        }
    }

    func run() throws {
        let data = try Self.contents(of: file)
        let session = try Session(global)
        let format = format ?? (URL(fileURLWithPath: file).pathExtension.lowercased() == "csv" ? .csv : .json)
        let batch = switch format {
        case .json: try JSONImport(file: file, userZone: session.userZone, now: session.now).read(data)
        case .csv: try CSVImport(file: file, userZone: session.userZone, now: session.now).read(data)
        }
        let progress = ImportProgress(total: batch.recordCount)
        defer { progress.finish() }
        let result = try batch.write(to: session, progress: progress)
        progress.finish()
        if session.json {
            try JSONOutput.print(Report(
                applications: result.applicationIDs, interviews: result.interviews, calls: result.calls,
                settingsRestored: result.settingsRestored))
            return
        }
        let count = result.applicationIDs.count
        var line = "Imported \(count == 1 ? "1 application" : "\(count) applications")"
        if format == .json {
            line += " (\(result.interviews) interview\(result.interviews == 1 ? "" : "s"), \(result.calls) call\(result.calls == 1 ? "" : "s"))"
        }
        line += " from \(file)"
        if let first = result.applicationIDs.first, let last = result.applicationIDs.last {
            line += first == last ? " as #\(first)" : " as #\(first)–#\(last)"
        }
        if let settings = batch.settings, !settings.isEmpty {
            line += result.settingsRestored ? "; settings restored" : "; the settings already set were kept"
        }
        print(line + ".")
    }

    static func contents(of file: String) throws -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            throw ExchangeError.missingFile(file)
        }
        guard !isFolder.boolValue else { throw ExchangeError.unreadable(file, reason: "it is a folder") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map {
                String(cString: strerror(Int32($0.code)))
            } ?? error.localizedDescription
            throw ExchangeError.unreadable(file, reason: reason)
        }
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database, online, to a new file.",
        discussion: """
            The copy is one consistent snapshot, taken while other runs go on writing, and \
            opens as a jobtrack database (use it with --db). An existing file is never \
            overwritten.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The new file.", valueName: "file"))
    var file: String

    struct Report: Encodable {
        let backup: String
        let database: String
    }

    func run() throws {
        let session = try Session(global)
        try session.database.backup(to: file)
        if session.json {
            try JSONOutput.print(Report(backup: file, database: session.database.path))
        } else {
            print("Backed up \(session.database.path) to \(file).")
        }
    }
}
