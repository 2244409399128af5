/// A refusal by the store that is not SQLite's own: the file is not ours,
/// the schema is not one this build understands, a record does not exist, or there
/// is no change left to undo.
/// Each description is the one line a user sees.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notAJobtrackDatabase(path: String)
    case newerDatabase(path: String, version: Int, supported: Int)
    case migrationChanged(name: String)
    case migrationFailed(name: String, reason: String)
    case cannotCreate(path: String, reason: String)
    case unknownApplication(Int64)
    case unknownInterview(Int64)
    case unknownCall(Int64)
    case backupTargetExists(path: String)
    /// A stored value the schema let through but this build cannot read.
    case unreadableValue(table: String, id: Int64, column: String, value: String)
    case nothingToUndo
    /// A bulk write changed rows its journal could not record; it was rolled back.
    case unjournaledWrite

    public var description: String {
        switch self {
        case .notAJobtrackDatabase(let path):
            return "\(path) is not a jobtrack database; refusing to touch it"
        case .newerDatabase(let path, let version, let supported):
            return
                "\(path) was written by a newer jobtrack (schema \(version); this one knows up to \(supported)); upgrade jobtrack"
        case .migrationChanged(let name):
            return
                "migration \(name) was edited after it was applied to this database; restore it and add a new migration instead"
        case .migrationFailed(let name, let reason):
            return "migration \(name) failed: \(reason)"
        case .cannotCreate(let path, let reason):
            return "cannot create \(path): \(reason)"
        case .unknownApplication(let id):
            return "unknown application \(id)"
        case .unknownInterview(let id):
            return "unknown interview \(id)"
        case .unknownCall(let id):
            return "unknown call \(id)"
        case .backupTargetExists(let path):
            return "\(path) already exists; a backup never overwrites a file, choose a new name"
        case .unreadableValue(let table, let id, let column, let value):
            return "\(table) row \(id) has \(column) = \"\(value)\", which this jobtrack cannot read"
        case .nothingToUndo:
            return "nothing to undo"
        case .unjournaledWrite:
            return "a change wrote rows that undo could not reverse; nothing was changed"
        }
    }
}
