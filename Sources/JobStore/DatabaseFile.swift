import CSQLite
import Foundation

/// The file on disk, checked before SQLite opens it for writing: opening someone
/// else's file read-write could change it (WAL, a hot journal), so the header is read
/// first, with plain file I/O.
enum DatabaseFile {
    static let sqliteMagic = Array("SQLite format 3\0".utf8)

    static func prepare(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreate(path: folder, reason: reason(for: error))
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            // The umask may have narrowed the mode; never widened, but make it exact.
            fchmod(descriptor, 0o600)
            close(descriptor)
            return
        }
        guard errno == EEXIST else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        try checkExisting(path: path)
    }

    /// An empty file is a database not yet written; anything else must carry our mark,
    /// or be an SQLite file with no schema at all (one whose creation was interrupted).
    private static func checkExisting(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        let header = Array((try? handle.read(upToCount: 100)) ?? Data())
        if header.isEmpty { return }
        guard header.count == 100, Array(header[0..<16]) == sqliteMagic else {
            throw StoreError.notAJobtrackDatabase(path: path)
        }
        let mark = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        if mark == Database.applicationID { return }
        guard mark == 0, try schemaIsEmpty(path: path) else {
            throw StoreError.notAJobtrackDatabase(path: path)
        }
    }

    private static func schemaIsEmpty(path: String) throws -> Bool {
        var connection: OpaquePointer?
        defer { sqlite3_close_v2(connection) }
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { return false }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(connection, "SELECT count(*) FROM sqlite_schema", -1, &statement, nil) == SQLITE_OK,
            sqlite3_step(statement) == SQLITE_ROW
        else { return false }
        return sqlite3_column_int64(statement, 0) == 0
    }

    private static func reason(for error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}
