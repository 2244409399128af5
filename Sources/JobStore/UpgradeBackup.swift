/// The copy of a database that a newer jobtrack took before it migrated it (docs/files.md §4):
/// `<file>.v<old schema version>.bak` beside the database, 0600, made with SQLite's
/// online backup. The store only takes it; the caller says so, in one line on stderr.
public struct UpgradeBackup: Sendable, Equatable {
    /// Where the copy is.
    public let path: String
    /// The schema version the database had before the upgrade, which the copy still has.
    public let fromVersion: Int
    /// True when a file of that name was already there: it was kept as it was, not
    /// replaced (it is a copy from an earlier upgrade of the same version, or the user's).
    public let keptExisting: Bool

    public init(path: String, fromVersion: Int, keptExisting: Bool) {
        self.path = path
        self.fromVersion = fromVersion
        self.keptExisting = keptExisting
    }
}
