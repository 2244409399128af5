import CSQLite
import Foundation

/// One connection to a jobtrack database file.
///
/// Opening creates the file (0600) and its folder (0700) when missing, refuses a file
/// that is not a jobtrack database without writing a byte to it, applies pending
/// migrations, and configures the connection: foreign keys on, WAL, `synchronous=FULL`,
/// a busy timeout so that concurrent runs wait for each other, extended result codes.
public final class Database {
    /// The mark in SQLite's header (`PRAGMA application_id`) that says "jobtrack": ASCII "JOBT".
    public static let applicationID: Int32 = 0x4A4F_4254
    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeoutMilliseconds: Int32 = 30_000

    public let path: String
    /// The copy taken before this opening upgraded the database's schema, if it held
    /// records (docs/files.md §4); nil when nothing was migrated or there was nothing to keep.
    /// The store prints nothing: the caller says so in one line on stderr.
    public private(set) var upgradeBackup: UpgradeBackup?
    let connection: OpaquePointer
    private var statements: [String: Statement] = [:]

    public init(path: String, migrations: [Migration] = Migration.embedded) throws {
        _ = Self.sqliteConfigured
        self.path = path
        try DatabaseFile.prepare(path: path)
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(code: code, connection: connection)
            sqlite3_close_v2(connection)
            throw error
        }
        if sqlite3_db_readonly(connection, "main") == 1 {
            // SQLite quietly opens a file it may not write read-only; jobtrack always writes
            // (migrations, the write-ahead log), so say so now rather than fail obscurely later.
            sqlite3_close_v2(connection)
            throw SQLiteError(
                code: .readOnly, message: "\(path) is read-only (the file or its folder); jobtrack needs to write to it"
            )
        }
        self.connection = connection
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, Self.busyTimeoutMilliseconds)
        _ = jobtrack_sqlite3_db_config_defensive(connection, 1)
        // Recursive triggers: a row that `INSERT OR REPLACE` deletes fires its delete
        // trigger, so the change journal keeps its image (migration 0003).
        try executeScript("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA recursive_triggers = ON;")
        upgradeBackup = try Migrator(migrations: migrations).migrate(self)
        try enableWriteAheadLog()
    }

    /// SQLite's process-wide settings, made once before its first use in the process
    /// (`DatabaseFile` may open the file to look at it): SQLite refuses them once it
    /// has initialised.
    private static let sqliteConfigured: Void = {
        _ = jobtrack_sqlite3_config_no_memory_statistics()
    }()

    deinit {
        statements.removeAll()
        sqlite3_close_v2(connection)
    }

    /// WAL is switched on only after the schema exists, so that the `application_id`
    /// written by the first migration lands in the main file's header, where
    /// `DatabaseFile` looks for it before SQLite ever opens the file.
    private func enableWriteAheadLog() throws {
        let mode = try fetchOne("PRAGMA journal_mode") { $0.string(0) }
        if mode?.lowercased() != "wal" {
            _ = try fetchOne("PRAGMA journal_mode = WAL") { $0.string(0) }
        }
    }

    // MARK: Statements

    /// A cached prepared statement for `sql`.
    func statement(_ sql: String) throws -> Statement {
        if let cached = statements[sql] { return cached }
        let statement = try Statement(sql: sql, connection: connection)
        statements[sql] = statement
        return statement
    }

    /// The statement cached for `sql`, if any: tests check by identity that a statement
    /// that failed was evicted and a new one prepared.
    func cachedStatement(_ sql: String) -> Statement? {
        statements[sql]
    }

    /// Runs `body` for each row of `sql`; a statement that fails leaves the cache,
    /// so a later call prepares it afresh.
    public func forEachRow(_ sql: String, _ arguments: [any SQLBindable] = [], _ body: (Row) throws -> Void) throws {
        try stepping(sql, arguments) { next in
            while let row = try next() { try body(row) }
        }
    }

    /// Runs `body` with a function that steps `sql` to its next row (nil when done), so
    /// that the caller can walk two queries side by side in one order. A row is valid
    /// until the next step. A statement that fails leaves the cache.
    public func stepping<T>(
        _ sql: String, _ arguments: [any SQLBindable] = [], _ body: (_ next: () throws -> Row?) throws -> T
    ) throws -> T {
        let statement = try statement(sql)
        do {
            try statement.bind(arguments)
            defer { statement.reset() }
            return try body { try statement.step() ? Row(handle: statement.handle) : nil }
        } catch let error as SQLiteError {
            statements[sql] = nil
            throw error
        }
    }

    /// Runs `statement`, taken from `statement(_:)`, once with the parameters `bind`
    /// binds by type (`Statement.run`). A statement that fails leaves the cache.
    func run(_ statement: Statement, _ bind: (inout Statement.Parameters) throws -> Void) throws {
        do {
            try statement.run(bind)
        } catch let error as SQLiteError {
            if statements[statement.sql] === statement { statements[statement.sql] = nil }
            throw error
        }
    }

    public func execute(_ sql: String, _ arguments: [any SQLBindable] = []) throws {
        try forEachRow(sql, arguments) { _ in }
    }

    public func fetchAll<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ decode: (Row) throws -> T) throws
        -> [T]
    {
        var values: [T] = []
        try forEachRow(sql, arguments) { values.append(try decode($0)) }
        return values
    }

    public func fetchOne<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ decode: (Row) throws -> T) throws
        -> T?
    {
        var value: T?
        try forEachRow(sql, arguments) { row in
            if value == nil { value = try decode(row) }
        }
        return value
    }

    /// Runs several statements with no parameters, such as a migration file.
    public func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(connection, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            // The connection holds the same message, and the system's error behind it.
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(connection), connection: connection, sql: sql)
        }
    }

    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(connection) }
    public var changes: Int { Int(sqlite3_changes64(connection)) }
    /// Rows inserted, changed or removed since the connection opened, triggers' included.
    var totalChanges: Int { Int(sqlite3_total_changes64(connection)) }
    var isInTransaction: Bool { sqlite3_get_autocommit(connection) == 0 }

    /// Runs `body` with the schema's triggers off: even a trigger that writes nothing
    /// runs a program for every row. SQLite prepares the cached statements again after
    /// each switch.
    func withoutTriggers<T>(_ body: () throws -> T) throws -> T {
        _ = jobtrack_sqlite3_db_config_triggers(connection, 0)
        defer { _ = jobtrack_sqlite3_db_config_triggers(connection, 1) }
        return try body()
    }

    /// Runs `body` with room for `megabytes` of pages in SQLite's cache, then puts the
    /// cache back as it was. A write larger than the cache (2 MB by default) spills its
    /// pages to the write-ahead log before it commits, and then again each time it
    /// changes one: an import of 100,000 applications wrote 1.7 GB for a 40 MB file.
    /// SQLite takes the memory only as pages are read or written.
    public func withPageCache<T>(megabytes: Int, _ body: () throws -> T) throws -> T {
        let size = try fetchOne("PRAGMA cache_size", [], { $0.int(0) }) ?? 0
        try executeScript("PRAGMA cache_size = \(-megabytes * 1024)")
        defer { try? executeScript("PRAGMA cache_size = \(size)") }
        return try body()
    }

    /// Runs `body` with SQLite's temporary files in memory, then puts the setting back.
    /// A write transaction begun inside keeps its statement journal there: an INSERT
    /// of several rows first copies each page it changes to that journal, in case it
    /// must be undone halfway, and on disk each copy was two writes to a file.
    public func withTemporaryFilesInMemory<T>(_ body: () throws -> T) throws -> T {
        let store = try fetchOne("PRAGMA temp_store", [], { $0.int(0) }) ?? 0
        try executeScript("PRAGMA temp_store = MEMORY")
        defer { try? executeScript("PRAGMA temp_store = \(store)") }
        return try body()
    }

    // MARK: Transactions

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front,
    /// so a concurrent writer waits at the start rather than failing at commit.
    /// Any thrown error rolls everything back and is rethrown. Inside another
    /// transaction, `body` runs in a savepoint instead.
    public func write<T>(_ body: () throws -> T) throws -> T {
        try transaction(begin: "BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in a read transaction, so that several queries see one snapshot.
    public func read<T>(_ body: () throws -> T) throws -> T {
        try transaction(begin: "BEGIN DEFERRED", body)
    }

    private func transaction<T>(begin: String, _ body: () throws -> T) throws -> T {
        if isInTransaction {
            try execute("SAVEPOINT nested")
            do {
                let value = try body()
                try execute("RELEASE nested")
                return value
            } catch {
                try? execute("ROLLBACK TO nested")
                try? execute("RELEASE nested")
                throw error
            }
        }
        try execute(begin)
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }
}
