import Foundation

/// One entry of the change journal behind `undo` and `log` (docs/commands.md §3.9): a
/// command that changed records or settings, when, and what it did in words.
public struct Change: Sendable, Equatable, Hashable {
    public let id: Int64
    /// *now* when the change was made, in whole seconds.
    public let at: Date
    /// The subcommand's name: `add`, `voicemail`, `config`, …
    public let command: String
    /// What the change did, in one line, as the command summed it up.
    public let summary: String
    /// True once `undo` has reversed it.
    public let undone: Bool

    public init(id: Int64, at: Date, command: String, summary: String, undone: Bool) {
        self.id = id
        self.at = at
        self.command = command
        self.summary = summary
        self.undone = undone
    }
}

/// The change journal. A journaled write records, through the triggers of migration
/// 0003, the image each record row had before the change (or that it did not exist);
/// `undo` puts every row the change touched back to that image, so the records are
/// exactly as before, ids included. sqlite_sequence is left alone, so an id freed by
/// an undone insert is never used again.
extension Database {
    /// How many of the latest changes the journal keeps, undone or not: `undo` can go
    /// back this far. Older ones are dropped in the transaction of each new change.
    public static let changesKept = 100

    /// The tables whose rows are journaled, parents before children. Each has a
    /// `journal_<table>` with the same columns, and three triggers.
    static let journaledTables = ["applications", "highlights", "interviews", "call_attempts", "settings"]

    /// Runs `body` as one journaled change, in one transaction (a savepoint inside a
    /// caller's transaction), and returns the change as recorded. `body` returns the
    /// summary, so that it may name what it made, such as a new id.
    ///
    /// A `body` that throws leaves no change and no journal behind: everything rolls
    /// back. A change that touches no row is still a change, listed by `log` and
    /// undone (as nothing) by `undo` — `config name X` when the name is X already.
    /// A change inside another change is refused by the journal's schema.
    @discardableResult
    public func change(command: String, at now: Date, _ body: () throws -> String) throws -> Change {
        try write {
            try execute("INSERT INTO changes (at, command, summary) VALUES (?, ?, '')", [now, command])
            let id = lastInsertedRowID
            try execute("INSERT INTO change_recording (only, change_id) VALUES (1, ?)", [id])
            let summary = try body()
            try execute("DELETE FROM change_recording")
            try execute("UPDATE changes SET summary = ? WHERE id = ?", [summary, id])
            // The journal's rows go with their change (ON DELETE CASCADE).
            try execute("DELETE FROM changes WHERE id <= ?", [id - Int64(Self.changesKept)])
            return Change(id: id, at: now.wholeSeconds, command: command, summary: summary, undone: false)
        }
    }

    /// Reverses the latest change not yet undone, in one transaction, marks it undone
    /// and returns it (with `undone` true). Undo itself is not a change: it journals
    /// nothing, and running it again goes one change further back.
    /// Throws `StoreError.nothingToUndo`, changing nothing, when no change is left.
    @discardableResult
    public func undo(at now: Date) throws -> Change {
        try write {
            guard
                let change = try fetchOne(
                    "SELECT id, at, command, summary, undone FROM changes WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                    [], Self.decodeChange)
            else { throw StoreError.nothingToUndo }
            // Rows come back in any order, a child before its parent; the keys are checked at commit.
            try executeScript("PRAGMA defer_foreign_keys = ON")
            let tables = try Self.journaledTables.map { try journaledTable($0) }
            // First remove the rows the change added, then put back those it changed or removed.
            // Put back means update in place where the row is still there: deleting and
            // inserting it again would take its children with it (ON DELETE CASCADE).
            for table in tables.reversed() {
                try execute(table.removeAdded, [change.id])
            }
            for table in tables {
                try execute(table.restore, [change.id])
            }
            try execute("UPDATE changes SET undone = 1, undone_at = ? WHERE id = ?", [now, change.id])
            return Change(id: change.id, at: change.at, command: change.command, summary: change.summary, undone: true)
        }
    }

    /// Runs `body`, which may only add record rows, as part of the change being
    /// recorded, and journals the rows it added in one statement per table rather than
    /// by a trigger per row: the triggers made a large import several times slower.
    /// Outside a change it only runs `body`, which journals nothing, as any write there.
    ///
    /// Every row `body` adds lies past the largest first key its table had before (new
    /// ids come from AUTOINCREMENT; a kept id only goes into an empty table). Counts
    /// before and after check that: a `body` that changed or removed a row, or added
    /// one elsewhere, is refused, and everything it did rolls back.
    public func addingRows<T>(_ body: () throws -> T) throws -> T {
        guard let changeID = try fetchOne("SELECT change_id FROM change_recording", [], { $0.int64(0) }) else {
            return try body()
        }
        return try write {
            let tables = try Self.journaledTables.filter { $0 != "settings" }.map { try tableMark($0) }
            let changesBefore = totalChanges
            let value = try withoutTriggers(body)
            let written = totalChanges - changesBefore
            var added = 0
            for table in tables {
                let count = try fetchOne(table.count, [], { $0.int(0) }) ?? 0
                let arguments: [any SQLBindable] = table.last.map { [$0] } ?? []
                guard try fetchOne(table.countAdded, arguments, { $0.int(0) }) == count - table.rows else {
                    throw StoreError.unjournaledWrite
                }
                try execute(table.journalAdded, [changeID] + arguments)
                added += count - table.rows
            }
            guard added == written else { throw StoreError.unjournaledWrite }
            return value
        }
    }

    /// The changes the journal keeps, newest first; at most `limit` of them.
    public func changeLog(limit: Int? = nil) throws -> [Change] {
        try fetchAll(
            "SELECT id, at, command, summary, undone FROM changes ORDER BY id DESC LIMIT ?",
            [limit ?? -1], Self.decodeChange)
    }

    private static func decodeChange(_ row: Row) -> Change {
        Change(id: row.int64(0), at: row.date(1), command: row.string(2), summary: row.string(3), undone: row.bool(4))
    }

    /// The two statements that undo one table's part of a change, bound to the change's id.
    private struct JournaledTable {
        let removeAdded: String
        let restore: String
    }

    /// Built from the table's columns as the schema has them now, so that a migration
    /// that adds a column to a record table (and to its journal table) needs no code here.
    private func journaledTable(_ name: String) throws -> JournaledTable {
        let columns = try columns(of: name)
        let keys = columns.filter { $0.key > 0 }.sorted { $0.key < $1.key }.map { Self.quoted($0.name) }
        let others = columns.filter { $0.key == 0 }.map { Self.quoted($0.name) }
        let all = columns.map { Self.quoted($0.name) }.joined(separator: ", ")
        let table = Self.quoted(name)
        let journal = Self.quoted("journal_" + name)
        let keyList = keys.joined(separator: ", ")
        let update =
            others.isEmpty
            ? "NOTHING"
            : "UPDATE SET " + others.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return JournaledTable(
            removeAdded: """
                DELETE FROM \(table) WHERE (\(keyList)) IN
                    (SELECT \(keyList) FROM \(journal) WHERE change_id = ? AND existed = 0)
                """,
            restore: """
                INSERT INTO \(table) (\(all))
                    SELECT \(all) FROM \(journal) WHERE change_id = ? AND existed = 1
                    ON CONFLICT (\(keyList)) DO \(update)
                """)
    }

    /// Where a record table stood before `addingRows` ran its body: how many rows, and
    /// the largest first key, past which every row it adds lies (nil: the table was
    /// empty). The statements count and journal the rows past that key.
    private struct TableMark {
        let rows: Int
        let last: Int64?
        let count: String
        let countAdded: String
        let journalAdded: String
    }

    private func tableMark(_ name: String) throws -> TableMark {
        let keys = try columns(of: name).filter { $0.key > 0 }.sorted { $0.key < $1.key }.map { Self.quoted($0.name) }
        let table = Self.quoted(name)
        let keyList = keys.joined(separator: ", ")
        let count = "SELECT count(*) FROM \(table)"
        let last = try fetchOne("SELECT max(\(keys[0])) FROM \(table)", [], { $0.isNull(0) ? nil : $0.int64(0) }) ?? nil
        let added = last == nil ? "" : " WHERE \(keys[0]) > ?"
        return TableMark(
            rows: try fetchOne(count, [], { $0.int(0) }) ?? 0,
            last: last,
            count: count,
            countAdded: count + added,
            // A row this change journaled already keeps its first image.
            journalAdded: """
                INSERT OR IGNORE INTO \(Self.quoted("journal_" + name)) (change_id, existed, \(keyList))
                    SELECT ?, 0, \(keyList) FROM \(table)\(added)
                """)
    }

    /// A table's columns, in order, each with its place in the primary key (0: not in it).
    private func columns(of table: String) throws -> [(name: String, key: Int)] {
        try fetchAll("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", [table]) {
            (name: $0.string(0), key: $0.int(1))
        }
    }

    /// Names come from the schema, never from input, and are quoted as identifiers.
    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
