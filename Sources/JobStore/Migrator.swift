import Foundation

/// One plain `.sql` file of the top-level `migrations/` folder, as the binary carries it.
public struct Migration: Sendable, Equatable {
    /// The number the file name starts with: `0001_create_records.sql` is version 1.
    public let version: Int
    /// The file name without `.sql`.
    public let name: String
    public let sql: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
        self.version = Int(name.prefix { $0.isNumber }) ?? 0
    }

    /// FNV-1a over the exact bytes: enough to notice an edit, with no crypto dependency.
    public var checksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Applies migrations once each, in order, with foreign keys checked after each, and
/// records each with its checksum. All that are pending run in one transaction: a
/// failure in any of them leaves the database exactly as it was (docs/files.md §4). A database
/// that records a migration this build does not know, or one whose text has changed
/// since, is refused before anything is written.
///
/// Before upgrading a database that holds records, it copies the database with the
/// online backup API to `<file>.v<old version>.bak` beside it (see `UpgradeBackup`).
struct Migrator {
    let migrations: [Migration]

    init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    private var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies what is pending; returns the copy taken before, if the database held records.
    func migrate(_ database: Database) throws -> UpgradeBackup? {
        guard try !pending(in: database).isEmpty else { return nil }
        // The copy is read in a read transaction of its own: the backup API refuses a
        // source connection in the middle of a write. Its name and its content come
        // from the same snapshot, even if another process migrates meanwhile.
        let backup = try database.read { try copyBeforeUpgrade(database) }
        // Off so that a migration may rebuild a table (SQLite's twelve-step ALTER);
        // each one is checked with `foreign_key_check` instead. The pragma is a no-op
        // inside a transaction, so it is set before.
        try database.executeScript("PRAGMA foreign_keys = OFF")
        defer { try? database.executeScript("PRAGMA foreign_keys = ON") }
        try database.write {
            // Another process may have migrated since we looked: decide inside the lock.
            for migration in try pending(in: database) {
                try apply(migration, to: database)
            }
        }
        return backup
    }

    /// The tables whose rows make a database worth a copy before it is upgraded.
    private static let recordTables = ["applications", "settings"]

    private func copyBeforeUpgrade(_ database: Database) throws -> UpgradeBackup? {
        let version = try currentVersion(of: database)
        guard version > 0, try !pending(in: database).isEmpty, try holdsRecords(database) else { return nil }
        let path = "\(database.path).v\(version).bak"
        do {
            try database.backup(to: path)
            return UpgradeBackup(path: path, fromVersion: version, keptExisting: false)
        } catch StoreError.backupTargetExists {
            return UpgradeBackup(path: path, fromVersion: version, keptExisting: true)
        }
    }

    private func holdsRecords(_ database: Database) throws -> Bool {
        for table in Self.recordTables {
            let exists =
                try database.fetchOne(
                    "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", [table]
                ) { _ in true } ?? false
            // The name is one of our own constants, not input.
            if exists, try database.fetchOne("SELECT EXISTS (SELECT 1 FROM \(table))", [], { $0.bool(0) }) == true {
                return true
            }
        }
        return false
    }

    /// The schema version the database has: the newest migration it records.
    private func currentVersion(of database: Database) throws -> Int {
        let applied = try appliedChecksums(in: database)
        let userVersion = try database.fetchOne("PRAGMA user_version") { $0.int(0) } ?? 0
        return max(userVersion, applied.keys.max() ?? 0)
    }

    /// The known migrations not yet applied, after checking that the applied ones match.
    private func pending(in database: Database) throws -> [Migration] {
        let applied = try appliedChecksums(in: database)
        let newest = try currentVersion(of: database)
        if newest > latestVersion
            || applied.keys.contains(where: { version in !migrations.contains { $0.version == version } })
        {
            throw StoreError.newerDatabase(path: database.path, version: newest, supported: latestVersion)
        }
        for migration in migrations {
            if let checksum = applied[migration.version], checksum != migration.checksum {
                throw StoreError.migrationChanged(name: migration.name)
            }
        }
        return migrations.filter { applied[$0.version] == nil }
    }

    private func appliedChecksums(in database: Database) throws -> [Int: String] {
        let exists =
            try database.fetchOne(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'"
            ) { _ in true } ?? false
        guard exists else { return [:] }
        var checksums: [Int: String] = [:]
        try database.forEachRow("SELECT version, checksum FROM schema_migrations") { row in
            checksums[row.int(0)] = row.string(1)
        }
        return checksums
    }

    private func apply(_ migration: Migration, to database: Database) throws {
        do {
            try database.executeScript(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version  INTEGER PRIMARY KEY,
                    name     TEXT NOT NULL,
                    checksum TEXT NOT NULL
                ) STRICT;
                """)
            try database.executeScript(migration.sql)
            let violations = try database.fetchAll("PRAGMA foreign_key_check") { $0.string(0) }
            if let table = violations.first {
                throw StoreError.migrationFailed(name: migration.name, reason: "foreign key violation in \(table)")
            }
            try database.execute(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
                [migration.version, migration.name, migration.checksum])
            // Pragmas take no bound parameters; both values are our own integers.
            try database.executeScript(
                """
                PRAGMA user_version = \(migration.version);
                PRAGMA application_id = \(Database.applicationID);
                """)
        } catch let error as SQLiteError {
            throw StoreError.migrationFailed(name: migration.name, reason: error.message)
        }
    }
}
