import Foundation

/// Why an import or export was refused. The description is the one line the user sees;
/// a bad record names where it is (`applications[3].interviews[0].phone`, `line 4,
/// column role`), so the user can fix the file and try again. Nothing is written.
public enum ExchangeError: Error, LocalizedError, CustomStringConvertible, Equatable {
    case missingFile(String)
    case unreadable(String, reason: String)
    case notJSON(String, reason: String)
    case notUTF8(String)
    case wrongFormat(String, found: String)
    case wrongVersion(String, found: String)
    /// A record or header that breaks a rule, at `position`.
    case invalid(String, position: String, reason: String)
    case cannotWrite(String, reason: String)
    case jsonNeedsFile(String)

    public var description: String {
        switch self {
        case .missingFile(let file):
            return "cannot import \(file): no such file"
        case .unreadable(let file, let reason):
            return "cannot read \(file): \(reason)"
        case .notJSON(let file, let reason):
            return "cannot import \(file): not a JSON document (\(reason)); for a spreadsheet use --format csv"
        case .notUTF8(let file):
            return "cannot import \(file): not UTF-8 text"
        case .wrongFormat(let file, let found):
            return
                "cannot import \(file): \"format\" is \(found), expected \"jobtrack\" (a file from `jobtrack export`)"
        case .wrongVersion(let file, let found):
            return
                "cannot import \(file): version \(found) is not one this jobtrack reads (it reads version 1); upgrade jobtrack"
        case .invalid(let file, let position, let reason):
            return "cannot import \(file): \(position): \(reason); nothing was imported"
        case .cannotWrite(let file, let reason):
            return "cannot write \(file): \(reason)"
        case .jsonNeedsFile(let format):
            return "--json prints one JSON document; write \(format) to a file with --output FILE"
        }
    }

    public var errorDescription: String? { description }
}

/// A rule broken at a position inside the record being checked; the importer adds the
/// file name and the record's own position.
struct FieldProblem: Error {
    let position: String
    let reason: String
}
