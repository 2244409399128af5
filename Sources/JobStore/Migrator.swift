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

/// Applies migrations once each, in order, each in its own transaction with foreign
/// keys checked before commit, and records each with its checksum. A database that
/// records a migration this build does not know, or one whose text has changed since,
/// is refused before anything is written.
struct Migrator {
    let migrations: [Migration]

    init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    private var latestVersion: Int { migrations.last?.version ?? 0 }

    func migrate(_ database: Database) throws {
        guard try !pending(in: database).isEmpty else { return }
        // Off so that a migration may rebuild a table (SQLite's twelve-step ALTER);
        // each one is checked with `foreign_key_check` before it commits instead.
        try database.executeScript("PRAGMA foreign_keys = OFF")
        defer { try? database.executeScript("PRAGMA foreign_keys = ON") }
        for migration in migrations {
            try database.write {
                // Another process may have migrated since we looked: decide inside the lock.
                guard try pending(in: database).contains(migration) else { return }
                try apply(migration, to: database)
            }
        }
    }

    /// The known migrations not yet applied, after checking that the applied ones match.
    private func pending(in database: Database) throws -> [Migration] {
        let applied = try appliedChecksums(in: database)
        let userVersion = try database.fetchOne("PRAGMA user_version") { $0.int(0) } ?? 0
        let newest = max(userVersion, applied.keys.max() ?? 0)
        if newest > latestVersion || applied.keys.contains(where: { version in !migrations.contains { $0.version == version } }) {
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
        let exists = try database.fetchOne(
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
            try database.executeScript("""
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
            try database.executeScript("""
                PRAGMA user_version = \(migration.version);
                PRAGMA application_id = \(Database.applicationID);
                """)
        } catch let error as SQLiteError {
            throw StoreError.migrationFailed(name: migration.name, reason: error.message)
        }
    }
}
