import CSQLite
import Foundation

/// An SQLite result code, extended where SQLite gave one.
///
/// A primary code pattern matches all of its extended codes, so
/// `case .constraint:` catches every constraint failure while
/// `case .constraintCheck:` catches only `CHECK` failures.
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

    public var description: String { String(cString: sqlite3_errstr(rawValue)) + " (\(rawValue))" }

    public static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {
        pattern == pattern.primary ? pattern == code.primary : pattern == code
    }

    public static let readOnly = ResultCode(rawValue: SQLITE_READONLY)
    public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    public static let constraintCheck = ResultCode(rawValue: SQLITE_CONSTRAINT | (1 << 8))
    public static let constraintForeignKey = ResultCode(rawValue: SQLITE_CONSTRAINT | (3 << 8))
    public static let constraintNotNull = ResultCode(rawValue: SQLITE_CONSTRAINT | (5 << 8))
    public static let constraintPrimaryKey = ResultCode(rawValue: SQLITE_CONSTRAINT | (6 << 8))
    public static let constraintDataType = ResultCode(rawValue: SQLITE_CONSTRAINT | (12 << 8))
}

/// A failure reported by SQLite, with everything needed to act on it:
/// the extended result code, SQLite's own message, and the SQL that failed.
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
    public let code: ResultCode
    public let message: String
    public let sql: String?

    public init(code: ResultCode, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    init(code: Int32, connection: OpaquePointer?, sql: String? = nil) {
        var message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        // SQLite's words for a failed open or write ("disk I/O error", "unable to open
        // database file") hide the cause the user can act on; the system's error names it.
        let primary = code & 0xFF
        if let connection,
            primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_FULL
                || primary == SQLITE_READONLY
        {
            let systemError = sqlite3_system_errno(connection)
            if systemError != 0 { message += " (\(String(cString: strerror(systemError))))" }
        }
        self.init(code: ResultCode(rawValue: code), message: message, sql: sql)
    }

    public var description: String {
        var text = "SQLite error \(code.rawValue): \(message)"
        if let sql { text += " — while executing `\(sql)`" }
        return text
    }
}
