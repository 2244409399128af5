import CSQLite
import Foundation
import Testing

@testable import JobStore

@Suite("Opening a database file")
struct DatabaseTests {
    @Test("a missing file is created 0600 in a new 0700 folder and migrated")
    func createsFileAndFolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("nested/data/jobtrack.sqlite3")
        let database = try Database(path: path)
        #expect(try permissions(of: path) == 0o600)
        #expect(try permissions(of: folder.path("nested/data")) == 0o700)
        #expect(try permissions(of: folder.path("nested")) == 0o700)
        let tables = try database.fetchAll(
            "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
        ) { $0.string(0) }
        #expect(
            tables == [
                "applications", "call_attempts", "change_recording", "changes", "highlights", "interviews",
                "journal_applications", "journal_call_attempts", "journal_highlights", "journal_interviews",
                "journal_settings", "schema_migrations", "settings", "sqlite_sequence",
            ])
        #expect(try database.fetchOne("PRAGMA application_id") { $0.int(0) } == Int(Database.applicationID))
        #expect(try database.fetchOne("PRAGMA user_version") { $0.int(0) } == Migration.embedded.last?.version)
    }

    @Test("an empty existing file is migrated")
    func migratesEmptyFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("empty.sqlite3")
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let database = try Database(path: path)
        #expect(
            try database.fetchOne("SELECT count(*) FROM schema_migrations") { $0.int(0) } == Migration.embedded.count)
    }

    @Test("the connection has foreign keys, WAL, full sync, a busy timeout")
    func pragmas() throws {
        let folder = try TemporaryFolder()
        let database = try Database(path: folder.path("db.sqlite3"))
        #expect(try database.fetchOne("PRAGMA foreign_keys") { $0.int(0) } == 1)
        #expect(try database.fetchOne("PRAGMA journal_mode") { $0.string(0) } == "wal")
        #expect(try database.fetchOne("PRAGMA synchronous") { $0.int(0) } == 2)
        #expect(try database.fetchOne("PRAGMA busy_timeout") { $0.int(0) }! >= 5000)
    }

    @Test("re-opening applies nothing again")
    func reopening() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("db.sqlite3")
        _ = try Repository(database: Database(path: path)).insertApplication(
            company: "Acme", role: "Engineer", appliedOn: "2026-11-02", now: Date(timeIntervalSince1970: 0))
        let database = try Database(path: path)
        let migrations = try database.fetchAll("SELECT version, checksum FROM schema_migrations") {
            ($0.int(0), $0.string(1))
        }
        #expect(migrations.map(\.0) == Migration.embedded.map(\.version))
        #expect(migrations.map(\.1) == Migration.embedded.map(\.checksum))
        #expect(try Repository(database: database).applications().count == 1)
    }

    @Test("a text file is refused and left byte for byte as it was")
    func refusesTextFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.txt")
        let text = Data("my job search notes\nAcme, call Tuesday\n".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: text)
        #expect(throws: StoreError.notAJobtrackDatabase(path: path)) { try Database(path: path) }
        #expect(try contents(of: path) == text)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("another application's SQLite file is refused untouched")
    func refusesForeignDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other.db")
        // SQLite's process-wide settings are made before its first use, as jobtrack itself does.
        _ = try Database(path: folder.path("ours.sqlite3"))
        var connection: OpaquePointer?
        #expect(sqlite3_open(path, &connection) == SQLITE_OK)
        #expect(
            sqlite3_exec(
                connection, "CREATE TABLE photos (id INTEGER PRIMARY KEY); PRAGMA application_id = 42;", nil, nil, nil)
                == SQLITE_OK)
        sqlite3_close(connection)
        let before = try contents(of: path)
        #expect(throws: StoreError.notAJobtrackDatabase(path: path)) { try Database(path: path) }
        #expect(try contents(of: path) == before)
    }

    @Test("SQLite keeps no memory statistics, which would take a global mutex on every allocation")
    func keepsNoMemoryStatistics() throws {
        let folder = try TemporaryFolder()
        let database = try Database(path: folder.path("db.sqlite3"))
        try database.execute("CREATE TEMP TABLE scratch (text TEXT)")
        try database.execute("INSERT INTO scratch VALUES (?)", [String(repeating: "x", count: 100_000)])
        #expect(sqlite3_memory_used() == 0)
    }

    @Test("a database from a newer jobtrack is refused untouched")
    func refusesNewerDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("db.sqlite3")
        let later = Migration(name: "0099_something_new", sql: "CREATE TABLE reminders (id INTEGER PRIMARY KEY);")
        _ = try Database(path: path, migrations: Migration.embedded + [later])
        let before = try contents(of: path)
        let current = Migration.embedded.last!.version
        #expect(throws: StoreError.newerDatabase(path: path, version: 99, supported: current)) {
            try Database(path: path)
        }
        #expect(try contents(of: path) == before)
    }

    @Test("a migration edited after it was applied is refused")
    func refusesEditedMigration() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("db.sqlite3")
        let original = Migration(name: "0001_start", sql: "CREATE TABLE things (id INTEGER PRIMARY KEY);")
        _ = try Database(path: path, migrations: [original])
        let edited = Migration(name: "0001_start", sql: "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT);")
        #expect(throws: StoreError.migrationChanged(name: "0001_start")) {
            try Database(path: path, migrations: [edited])
        }
    }

    @Test("a new migration is applied once, after the ones already applied")
    func appliesNewMigration() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("db.sqlite3")
        let first = Migration(name: "0001_start", sql: "CREATE TABLE things (id INTEGER PRIMARY KEY);")
        let second = Migration(name: "0002_more", sql: "ALTER TABLE things ADD COLUMN name TEXT;")
        _ = try Database(path: path, migrations: [first])
        let database = try Database(path: path, migrations: [first, second])
        #expect(try database.fetchOne("PRAGMA user_version") { $0.int(0) } == 2)
        try database.execute("INSERT INTO things (name) VALUES (?)", ["x"])
        _ = try Database(path: path, migrations: [first, second])
    }

    @Test("a migration that breaks a foreign key is rolled back whole")
    func foreignKeyCheckedBeforeCommit() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("db.sqlite3")
        let first = Migration(
            name: "0001_start",
            sql: """
                CREATE TABLE parents (id INTEGER PRIMARY KEY);
                CREATE TABLE children (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parents (id));
                """)
        _ = try Database(path: path, migrations: [first])
        let broken = Migration(
            name: "0002_orphans",
            sql: """
                CREATE TABLE marker (id INTEGER);
                INSERT INTO children (parent) VALUES (99);
                """)
        #expect(throws: StoreError.self) { try Database(path: path, migrations: [first, broken]) }
        let database = try Database(path: path, migrations: [first])
        #expect(try database.fetchOne("SELECT count(*) FROM sqlite_schema WHERE name = 'marker'") { $0.int(0) } == 0)
        #expect(try database.fetchOne("PRAGMA user_version") { $0.int(0) } == 1)
    }

    @Test("what the binary carries is exactly the migrations folder")
    func embeddedMigrationsMatchFolder() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        let onDisk = try files.map { file in
            Migration(
                name: String(file.dropLast(4)),
                sql: try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
        }
        #expect(!onDisk.isEmpty)
        #expect(onDisk == Migration.embedded, "run `make migrations` to embed migrations/ again")
        #expect(Set(onDisk.map(\.version)).count == onDisk.count, "two migrations share a number")
    }
}

@Suite("Stepping two queries side by side")
struct SteppingTests {
    @Test("rows of one query are stepped at the caller's pace while another is walked")
    func sideBySide() throws {
        let folder = try TemporaryFolder()
        let database = try Database(path: folder.path("jobtrack.sqlite3"))
        try database.executeScript(
            "CREATE TABLE odd (n INTEGER); CREATE TABLE even (n INTEGER); "
                + "INSERT INTO odd VALUES (1), (3), (5); INSERT INTO even VALUES (2), (4), (6), (8);")
        var merged: [Int] = []
        try database.stepping("SELECT n FROM even ORDER BY n") { nextEven in
            var even = try nextEven()
            try database.forEachRow("SELECT n FROM odd ORDER BY n") { odd in
                while let row = even, row.int(0) < odd.int(0) {
                    merged.append(row.int(0))
                    even = try nextEven()
                }
                merged.append(odd.int(0))
            }
            while let row = even {
                merged.append(row.int(0))
                even = try nextEven()
            }
        }
        #expect(merged == [1, 2, 3, 4, 5, 6, 8])
        // Reset on the way out: the next walk starts from the first row again.
        #expect(try database.stepping("SELECT n FROM even ORDER BY n") { try $0()?.int(0) } == 2)
    }
}
