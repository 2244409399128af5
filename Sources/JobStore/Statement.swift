import CSQLite
import Foundation

/// A prepared statement. It owns its `sqlite3_stmt` and finalizes it when released;
/// parameters are only ever bound, never interpolated into the SQL.
public final class Statement {
    public let sql: String
    let handle: OpaquePointer
    private let connection: OpaquePointer

    init(sql: String, connection: OpaquePointer) throws {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            sqlite3_finalize(handle)
            throw SQLiteError(code: code, connection: connection, sql: sql)
        }
        self.sql = sql
        self.handle = handle
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    func bind(_ arguments: [any SQLBindable]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw SQLiteError(
                code: ResultCode(rawValue: SQLITE_RANGE),
                message: "expected \(expected) arguments, got \(arguments.count)",
                sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument.sqlValue {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .integer(let value):
                code = sqlite3_bind_int64(handle, index, value)
            case .real(let value):
                code = sqlite3_bind_double(handle, index, value)
            case .text(var value):
                // An explicit byte count keeps embedded NULs and every other byte intact;
                // SQLite copies the bytes (SQLITE_TRANSIENT) before this returns.
                code = value.withUTF8 { utf8 in
                    guard let base = utf8.baseAddress else {
                        return sqlite3_bind_text64(
                            handle, index, "", 0, jobtrack_sqlite3_transient(), UInt8(SQLITE_UTF8))
                    }
                    return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                        sqlite3_bind_text64(
                            handle, index, $0, UInt64(utf8.count), jobtrack_sqlite3_transient(), UInt8(SQLITE_UTF8))
                    }
                }
            }
            guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection, sql: sql) }
        }
    }

    /// Advances to the next row; false once the statement is done.
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            let error = SQLiteError(code: sqlite3_extended_errcode(connection), connection: connection, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    func reset() {
        sqlite3_reset(handle)
    }
}

/// The current row of a statement being stepped. Valid only inside the closure that receives it.
public struct Row {
    let handle: OpaquePointer

    public func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    public func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    public func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    public func bool(_ column: Int32) -> Bool {
        sqlite3_column_int64(handle, column) != 0
    }

    public func double(_ column: Int32) -> Double {
        sqlite3_column_double(handle, column)
    }

    public func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func optionalString(_ column: Int32) -> String? {
        isNull(column) ? nil : string(column)
    }

    public func date(_ column: Int32) -> Date {
        Date(timeIntervalSince1970: TimeInterval(sqlite3_column_int64(handle, column)))
    }

    public func optionalDate(_ column: Int32) -> Date? {
        isNull(column) ? nil : date(column)
    }

    public func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(int64(column))
        case SQLITE_FLOAT: return .real(double(column))
        case SQLITE_NULL: return .null
        default: return .text(string(column))
        }
    }
}
