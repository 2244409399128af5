import CSQLite
import Foundation

/// A prepared statement. It owns its `sqlite3_stmt` and finalizes it when released;
/// parameters are only ever bound, never interpolated into the SQL.
public final class Statement {
    public let sql: String
    let handle: OpaquePointer
    private let connection: OpaquePointer
    /// The bytes of the text bound by `run`, which SQLite reads where they lie
    /// (SQLITE_STATIC) rather than copying each value; they stay put until the step is
    /// done. Text that does not fit is bound as a copy.
    private let textBytes = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
    private var textBytesUsed = 0

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
        textBytes.deallocate()
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

    /// Runs the statement once, to its end, with the parameters `bind` binds in order,
    /// each by its type: for a statement run many times over, such as an import's
    /// inserts, no array of values to box and unbox, and no copy of each text by SQLite.
    func run(_ bind: (inout Parameters) throws -> Void) throws {
        defer {
            sqlite3_reset(handle)
            textBytesUsed = 0
        }
        var parameters = Parameters(statement: self)
        try bind(&parameters)
        let expected = sqlite3_bind_parameter_count(handle)
        guard parameters.count == expected else {
            throw SQLiteError(
                code: ResultCode(rawValue: SQLITE_RANGE),
                message: "expected \(expected) arguments, got \(parameters.count)",
                sql: sql)
        }
        while try step() {}
    }

    /// The parameters of one `run`, bound one after the other.
    struct Parameters {
        fileprivate let statement: Statement
        fileprivate(set) var count: Int32 = 0

        mutating func bind(_ value: Int64?) throws {
            count += 1
            let code =
                if let value { sqlite3_bind_int64(statement.handle, count, value) } else {
                    sqlite3_bind_null(statement.handle, count)
                }
            try statement.check(code)
        }

        mutating func bind(_ value: Date?) throws {
            try bind(value?.storedSeconds)
        }

        mutating func bind(_ value: Bool) throws {
            try bind(Int64(value ? 1 : 0))
        }

        mutating func bind(_ value: String?) throws {
            count += 1
            guard var value else { return try statement.check(sqlite3_bind_null(statement.handle, count)) }
            try statement.check(value.withUTF8 { statement.bindText($0, at: count) })
        }
    }

    /// Binds `utf8` as text from `textBytes`, NUL-terminated: SQLite reads it in place,
    /// and text without a NUL of its own is bound as terminated (length -1), so that the
    /// schema's checks read it without SQLite first copying it to add the terminator.
    /// An explicit byte count keeps embedded NULs and every other byte intact.
    private func bindText(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int32) -> Int32 {
        guard textBytesUsed + utf8.count < textBytes.count, let base = textBytes.baseAddress else {
            // No room left: SQLite copies it (SQLITE_TRANSIENT) before this returns.
            guard let source = utf8.baseAddress else {
                return sqlite3_bind_text(handle, index, "", 0, jobtrack_sqlite3_transient())
            }
            return source.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text64(
                    handle, index, $0, UInt64(utf8.count), jobtrack_sqlite3_transient(), UInt8(SQLITE_UTF8))
            }
        }
        let start = base + textBytesUsed
        if let source = utf8.baseAddress { start.copyMemory(from: source, byteCount: utf8.count) }
        start.storeBytes(of: 0, toByteOffset: utf8.count, as: UInt8.self)
        textBytesUsed += utf8.count + 1
        let text = start.assumingMemoryBound(to: CChar.self)
        if utf8.contains(0) {
            return sqlite3_bind_text64(
                handle, index, text, UInt64(utf8.count), jobtrack_sqlite3_static(), UInt8(SQLITE_UTF8))
        }
        return sqlite3_bind_text(handle, index, text, -1, jobtrack_sqlite3_static())
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection, sql: sql) }
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
