import CSQLite
import Foundation

extension Database {
    /// Copies the whole database, online, to a new file at `path` through SQLite's
    /// backup API: the copy is one consistent snapshot, taken while other connections
    /// and processes go on writing (in WAL mode a reader never blocks a writer).
    ///
    /// The target must not exist — a backup never overwrites anything — and is created
    /// 0600, like the database itself. The copy is left as a single self-contained file
    /// (rollback journal, no `-wal` beside it); opening it with `Database(path:)` makes
    /// it a jobtrack database like any other. On failure the partial copy is removed.
    public func backup(to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw StoreError.backupTargetExists(path: path) }
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        // The umask may have narrowed the mode; make it exact.
        fchmod(descriptor, 0o600)
        close(descriptor)
        do {
            try copy(to: path)
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
            throw error
        }
    }

    private func copy(to path: String) throws {
        var target: OpaquePointer?
        let code = sqlite3_open_v2(path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        defer { sqlite3_close_v2(target) }
        guard code == SQLITE_OK, let target else { throw SQLiteError(code: code, connection: target) }
        sqlite3_extended_result_codes(target, 1)
        sqlite3_busy_timeout(target, Self.busyTimeoutMilliseconds)

        guard let backup = sqlite3_backup_init(target, "main", connection, "main") else {
            throw SQLiteError(code: sqlite3_extended_errcode(target), connection: target)
        }
        // All pages in one step: the source is read under one snapshot. A writer that
        // holds the source's lock (outside WAL) is waited for, as long as any writer waits.
        // A monotonic clock: a change of the wall clock neither stretches nor cuts the wait.
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int(Self.busyTimeoutMilliseconds)))
        var step = sqlite3_backup_step(backup, -1)
        while step == SQLITE_OK || ((step == SQLITE_BUSY || step == SQLITE_LOCKED) && clock.now < deadline) {
            if step != SQLITE_OK { usleep(10_000) }
            step = sqlite3_backup_step(backup, -1)
        }
        let finish = sqlite3_backup_finish(backup)
        guard step == SQLITE_DONE else {
            throw SQLiteError(
                code: ResultCode(rawValue: step), message: String(cString: sqlite3_errstr(step)),
                sql: "sqlite3_backup_step")
        }
        guard finish == SQLITE_OK else { throw SQLiteError(code: finish, connection: target) }

        // The pages carry the source's WAL flag; a backup is better as one file.
        var message: UnsafeMutablePointer<CChar>?
        let pragma = "PRAGMA journal_mode = DELETE"
        let result = sqlite3_exec(target, pragma, nil, nil, &message)
        guard result == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(result))
            sqlite3_free(message)
            throw SQLiteError(code: ResultCode(rawValue: result), message: text, sql: pragma)
        }
    }
}
