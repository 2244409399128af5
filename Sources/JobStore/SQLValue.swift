import Foundation

/// A value as SQLite stores it. Values reach SQL only as bound parameters.
public enum SQLValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// A Swift value that can be bound to a statement parameter.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable {
    public var sqlValue: SQLValue { self }
}

extension Int64: SQLBindable {
    public var sqlValue: SQLValue { .integer(self) }
}

extension Int: SQLBindable {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Bool: SQLBindable {
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension Double: SQLBindable {
    public var sqlValue: SQLValue { .real(self) }
}

extension String: SQLBindable {
    public var sqlValue: SQLValue { .text(self) }
}

/// Instants are stored as whole Unix seconds: cheap to order and to load.
extension Date: SQLBindable {
    public var sqlValue: SQLValue { .integer(storedSeconds) }

    /// The instant as the store writes it.
    var storedSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }

    /// The instant as the store keeps it: whole seconds, so that comparisons made
    /// before a write agree with the schema's after it.
    public var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
