import CSV
import FollowUp
import Foundation
import JobStore

/// Applications as a spreadsheet (docs/commands.md §3.11): one row each,
/// a header naming columns among `company, role, status, applied_on, url, notes,
/// highlights`, RFC 4180 quoting, several highlights in one cell one per line.
/// Parsing and quoting are yaslab/CSV.swift's; this type maps rows to records.
enum CSVColumn: String, CaseIterable {
    case company, role, status
    case appliedOn = "applied_on"
    case url, notes, highlights

    static let names = allCases.map(\.rawValue).joined(separator: ", ")
}

/// A cell that a spreadsheet would run as a formula — one beginning with `=`, `+`,
/// `-`, `@`, a tab or a carriage return — is written with a leading `'`, and so is one
/// that begins with `'` itself; import drops one leading `'`. Opening an export runs
/// nothing, and export → import gives back the text exactly (docs/commands.md §3.11).
enum CSVCell {
    private static let risky: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "'", "\r\n"]

    static func guarded(_ text: String) -> String {
        guard let first = text.first, risky.contains(first) else { return text }
        return "'" + text
    }

    static func unguarded(_ text: String) -> String {
        text.hasPrefix("'") ? String(text.dropFirst()) : text
    }
}

enum CSVExport {
    /// The header and one row per application, CRLF line ends, UTF-8 without a BOM.
    static func data(_ applications: [Application]) throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: CSVColumn.allCases.map(\.rawValue))
        for application in applications {
            try writer.write(
                row: [
                    application.company, application.role, application.status.rawValue, application.appliedOn,
                    application.url ?? "", application.notes ?? "", application.highlights.joined(separator: "\n"),
                ].map(CSVCell.guarded))
        }
        writer.stream.close()
        var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        data.append(contentsOf: Array("\r\n".utf8))
        return data
    }
}

/// Reads applications from a CSV file. An error names the line (counted in the file,
/// where a quoted cell may span several) and the column.
struct CSVImport {
    let file: String
    let userZone: TimeZone
    let now: Date

    func read(_ data: Data) throws -> ImportBatch {
        guard var text = String(validating: data, as: UTF8.self) else { throw ExchangeError.notUTF8(file) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        do {
            return try batch(text)
        } catch let problem as FieldProblem {
            throw ExchangeError.invalid(file, position: problem.position, reason: problem.reason)
        }
    }

    private func batch(_ text: String) throws -> ImportBatch {
        // The reader takes an unclosed quote to run to the end of the file; RFC 4180 has
        // two quotes per quoted cell plus two per quote inside one: an even count.
        if text.unicodeScalars.lazy.filter({ $0 == "\"" }).count % 2 == 1 {
            throw FieldProblem(
                position: "line \(Self.lineOfLastRow(text))",
                reason: "a quoted cell is never closed (an odd number of \" characters)")
        }
        let reader = try CSVReader(string: text, hasHeaderRow: false)
        guard let header = reader.next(), header != [""] else {
            throw FieldProblem(
                position: "line 1", reason: "empty file; expected a header row naming columns among \(CSVColumn.names)")
        }
        var columns: [CSVColumn] = []
        for name in header {
            let key = name.trimmed.lowercased()
            guard let column = CSVColumn(rawValue: key) else {
                throw FieldProblem(
                    position: "line 1, column \(ImportRules.quoted(name))",
                    reason: "unknown column; columns are \(CSVColumn.names)")
            }
            guard !columns.contains(column) else {
                throw FieldProblem(position: "line 1, column \(column.rawValue)", reason: "named twice")
            }
            columns.append(column)
        }
        for required in [CSVColumn.company, .role] where !columns.contains(required) {
            throw FieldProblem(
                position: "line 1",
                reason: "no \(required.rawValue) column; the header must name company and role")
        }
        var batch = ImportBatch()
        var line = 2 + Self.lineBreaks(in: header)
        while let row = reader.next() {
            let start = line
            line = start + 1 + Self.lineBreaks(in: row)
            if row == [""] { continue }  // a blank line
            guard row.count == columns.count else {
                throw FieldProblem(
                    position: "line \(start)",
                    reason: "\(row.count) cells where the header names \(columns.count) columns")
            }
            let cells = row.map(CSVCell.unguarded)
            batch.applications.append(
                try application(Dictionary(uniqueKeysWithValues: zip(columns, cells)), line: start))
        }
        if let error = reader.error { throw ExchangeError.unreadable(file, reason: String(describing: error)) }
        return batch
    }

    private func application(_ cells: [CSVColumn: String], line: Int) throws(FieldProblem) -> ImportBatch.Application {
        func value<T>(_ column: CSVColumn, _ rule: (String) throws(FieldProblem) -> T) throws(FieldProblem) -> T? {
            guard let text = cells[column], !text.isEmpty else { return nil }
            do {
                return try rule(text)
            } catch {
                throw FieldProblem(position: "line \(line), column \(column.rawValue)", reason: error.reason)
            }
        }
        func required(_ column: CSVColumn) throws(FieldProblem) -> String {
            guard let text = try value(column, ImportRules.name) else {
                throw FieldProblem(
                    position: "line \(line), column \(column.rawValue)", reason: "expected non-empty text")
            }
            return text
        }
        let highlights = (cells[.highlights] ?? "")
            .split(whereSeparator: \.isNewline)
            .map(String.init)
            .filter { !$0.isBlank }
        return ImportBatch.Application(
            company: try required(.company), role: try required(.role),
            status: try value(.status, ImportRules.status) ?? .applied,
            appliedOn: (try value(.appliedOn, ImportRules.date) ?? CalendarDate.containing(now, in: userZone)).iso,
            url: cells[.url].flatMap { $0.isEmpty ? nil : $0 },
            notes: cells[.notes].flatMap { $0.isEmpty ? nil : $0 },
            highlights: highlights, interviews: [])
    }

    /// Line breaks inside a row's cells: CRLF, CR or LF, each one line.
    static func lineBreaks(in row: [String]) -> Int {
        row.reduce(0) { total, cell in total + cell.reduce(0) { $0 + ($1.isNewline ? 1 : 0) } }
    }

    /// Where the row that swallowed the rest of the file begins, for an unclosed quote:
    /// the physical line after the last complete row.
    private static func lineOfLastRow(_ text: String) -> Int {
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else { return 1 }
        var line = 1
        var starts: [Int] = []
        while let row = reader.next() {
            starts.append(line)
            line += 1 + lineBreaks(in: row)
        }
        return starts.last ?? 1
    }
}
