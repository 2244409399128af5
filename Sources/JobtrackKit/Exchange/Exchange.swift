import FollowUp
import Foundation
import JSONText
import JobStore

/// What `export` can write.
public enum ExportFormat: String, CaseIterable, Sendable {
    case json, csv, ics

    /// The format a file name asks for, by its extension.
    public init?(fileName: String) {
        switch URL(fileURLWithPath: fileName).pathExtension.lowercased() {
        case "json": self = .json
        case "csv": self = .csv
        case "ics", "ical", "icalendar": self = .ics
        default: return nil
        }
    }
}

/// What `import` can read.
public enum ImportFormat: String, CaseIterable, Sendable {
    case json, csv

    /// The bytes of the file to import, or a refusal naming why they cannot be read.
    /// Read before a database is opened, so that a missing file creates none.
    public static func contents(of file: String) throws -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            throw ExchangeError.missingFile(file)
        }
        guard !isFolder.boolValue else { throw ExchangeError.unreadable(file, reason: "it is a folder") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            let reason =
                ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map {
                    String(cString: strerror(Int32($0.code)))
                } ?? error.localizedDescription
            throw ExchangeError.unreadable(file, reason: reason)
        }
    }

    /// CSV for a `.csv` file, else JSON.
    public init(fileName: String) {
        self = URL(fileURLWithPath: fileName).pathExtension.lowercased() == "csv" ? .csv : .json
    }
}

/// An export, ready to be written: the bytes and how many records they hold
/// (applications, or calls for a calendar).
public struct ExportedDocument: Sendable {
    public let data: Data
    public let records: Int
}

/// What an import did, for the front end to report.
public struct ImportSummary: Sendable, Encodable {
    public let applicationIDs: [Int64]
    public let interviews: Int
    public let calls: Int
    /// Whether the file's settings were written: only into a database with no applications.
    public let settingsRestored: Bool
    /// Whether the file carried settings at all (a CSV file never does).
    public let fileHadSettings: Bool
    /// Applications left out as identical to one already there.
    public let skipped: Int
    /// Lines for stderr: a restored calendar file, which this database now rewrites too.
    public let warnings: [String]

    enum Keys: String, CodingKey {
        case applications, interviews, calls, settingsRestored = "settings_restored", skipped
    }

    /// What `import --json` prints.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(applicationIDs, forKey: .applications)
        try container.encode(interviews, forKey: .interviews)
        try container.encode(calls, forKey: .calls)
        try container.encode(settingsRestored, forKey: .settingsRestored)
        try container.encode(skipped, forKey: .skipped)
    }
}

/// What `export --output --json` prints: the format, the file and how many records.
public struct ExportReport: Encodable {
    let format: String
    let output: String
    let records: Int

    public init(format: ExportFormat, output: String, records: Int) {
        self.format = format.rawValue
        self.output = output
        self.records = records
    }
}

/// What `backup --json` prints.
public struct BackupReport: Encodable {
    let backup: String
    let database: String

    public init(backup: String, database: String) {
        self.backup = backup
        self.database = database
    }
}

extension Tracker {
    /// Every record in `format`: JSON is the whole database, CSV the applications, and
    /// iCalendar the next calls.
    public func export(_ format: ExportFormat) throws -> ExportedDocument {
        switch format {
        case .json:
            let document = try exportDocument()
            return ExportedDocument(data: try JSONWriter.data(document), records: document.applications.count)
        case .csv:
            let applications = try repository.applications()
            return ExportedDocument(data: try CSVExport.data(applications), records: applications.count)
        case .ics:
            let calendar = ICalendarExport(
                now: now, userZone: userZone, entries: try assess(try repository.histories(.open)))
            return ExportedDocument(data: Data(calendar.text.utf8), records: calendar.entries.count)
        }
    }

    /// Reads an export or a CSV of applications and writes it in one transaction, all of
    /// it or none; `progress` is called once per record written.
    public func importRecords(
        _ data: Data, file: String, format: ImportFormat,
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws -> ImportSummary {
        let batch =
            switch format {
            case .json: try JSONImport(file: file, userZone: userZone, now: now).read(data)
            case .csv: try CSVImport(file: file, userZone: userZone, now: now).read(data)
            }
        let total = batch.recordCount
        var done = 0
        // The import's inserts of several rows each keep a statement journal: in memory,
        // set before the transaction begins, since SQLite reads the setting then.
        let result = try database.withTemporaryFilesInMemory {
            try change("import") {
                let result = try batch.write(to: repository, now: now) {
                    done += 1
                    progress(done, total)
                }
                let count = result.applicationIDs.count
                return (result, "imported \(count == 1 ? "1 application" : "\(count) applications") from \(file)")
            }
        }
        // A restore tried in a scratch database would otherwise go on rewriting the
        // calendar file of the database it was exported from, unannounced.
        let calendarFile = result.settingsRestored ? batch.settings?[ConfigKey.calendarFile.rawValue] : nil
        return ImportSummary(
            applicationIDs: result.applicationIDs, interviews: result.interviews, calls: result.calls,
            settingsRestored: result.settingsRestored, fileHadSettings: !(batch.settings ?? [:]).isEmpty,
            skipped: result.skipped,
            warnings: calendarFile.map {
                [
                    "the settings restored include calendar_file: this database now rewrites \($0) after every change "
                        + "(`jobtrack config calendar_file --unset` stops it)"
                ]
            } ?? [])
    }

    /// An online copy of the database to a new file; never overwrites one.
    public func backup(to file: String) throws {
        try database.backup(to: file)
    }

    /// Every record and setting, as one document.
    func exportDocument() throws -> ExportDocument {
        let (histories, settings) = try database.read {
            (try repository.histories(.all), try repository.settings())
        }
        return ExportDocument(
            settings: settings,
            applications: histories.map {
                ApplicationJSON(history: $0, followUp: nil, includeInterviews: true, zones: { zone(named: $0) })
            })
    }
}
