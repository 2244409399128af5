import Foundation

/// A JSON value as written in the file, so that each field can be checked for its
/// type with its position named in the user's view of the document.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// How the user would call this kind of value in a message.
    public var kind: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .integer, .number: "a number"
        case .string: "text"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON object's members in the file's order. An export's objects have a dozen
/// members at most: a look-up by a linear scan beats hashing every name of every
/// record (a fifth of a large import, with a dictionary per object). A repeated name
/// keeps its last value; two objects are equal when they map the same names alike.
public struct JSONObject: Equatable, Sendable, ExpressibleByDictionaryLiteral {
    /// A named member. A struct, not a tuple: an array of tuples is destroyed through
    /// the runtime's generic tuple witness, member by member, for every record read.
    public struct Member: Equatable, Sendable {
        public let name: String
        public let value: JSONValue
    }

    public private(set) var members: [Member]

    public init(_ members: [(name: String, value: JSONValue)]) {
        self.members = members.map { Member(name: $0.name, value: $0.value) }
    }

    init(members: [Member]) {
        self.members = members
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { Member(name: $0.0, value: $0.1) }
    }

    public subscript(name: String) -> JSONValue? {
        members.last { $0.name == name }?.value
    }

    /// Each name once.
    public var keys: Set<String> { Set(members.map(\.name)) }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.keys == rhs.keys && lhs.keys.allSatisfy { lhs[$0] == rhs[$0] }
    }
}
