import Foundation
import Testing

@testable import JobStore

@Suite("Upgrading a database that holds records")
struct UpgradeTests {
    /// A database as jobtrack 1 left it: migration 0001 only, with records in every table.
    private func versionOneDatabase(at path: String, withRecords: Bool = true) throws {
        let database = try Database(path: path, migrations: [Migration.embedded[0]])
        guard withRecords else { return }
        try database.executeScript(
            """
            INSERT INTO applications (id, company, role, status, applied_on, url, notes, created_at, updated_at)
                VALUES (1, 'Acme', 'Engineer', 'interviewing', '2026-11-02', NULL, 'first', 1796000000, 1796000000),
                       (4, 'Globex', 'Manager', 'applied', '2026-11-03', 'https://globex.example', NULL, 1796000100, 1796000200);
            INSERT INTO highlights (application_id, position, text) VALUES (1, 0, 'Shipped payments'), (1, 1, 'Led a team');
            INSERT INTO interviews (id, application_id, held_at, tz, interviewer, phone, busy)
                VALUES (7, 1, 1796100000, 'America/New_York', 'Dana', '+1 555 0100', '09:00-10:00,14:00-15:00');
            INSERT INTO call_attempts (id, interview_id, at, outcome, callback_at, number)
                VALUES (9, 7, 1796200000, 'bad-time', 1796210000, '+1 555 0100');
            INSERT INTO settings (key, value) VALUES ('name', 'Alex Doe'), ('max_attempts', '2');
            """)
    }

    /// What versions 1 and 3 have in common: every record, by id.
    private func records(_ database: Database) throws -> [String] {
        try database.fetchAll("SELECT id, company, role, status, applied_on, url, notes FROM applications ORDER BY id")
        {
            "application \($0.int(0)) \($0.string(1)) \($0.string(2)) \($0.string(3)) \($0.string(4)) "
                + "\($0.optionalString(5) ?? "-") \($0.optionalString(6) ?? "-")"
        }
            + database.fetchAll("SELECT application_id, position, text FROM highlights ORDER BY 1, 2") {
                "highlight \($0.int(0)) \($0.int(1)) \($0.string(2))"
            }
            + database.fetchAll(
                "SELECT id, application_id, held_at, tz, interviewer, phone FROM interviews ORDER BY id"
            ) {
                "interview \($0.int(0)) \($0.int(1)) \($0.int(2)) \($0.string(3)) \($0.string(4)) \($0.string(5))"
            }
            + database.fetchAll(
                "SELECT id, interview_id, at, outcome, callback_at, number FROM call_attempts ORDER BY id"
            ) {
                "call \($0.int(0)) \($0.int(1)) \($0.int(2)) \($0.string(3)) \($0.int(4)) \($0.string(5))"
            }
            + database.fetchAll("SELECT key, value FROM settings ORDER BY key") {
                "setting \($0.string(0)) \($0.string(1))"
            }
    }

    private func version(_ database: Database) throws -> Int {
        try database.fetchOne("PRAGMA user_version") { $0.int(0) } ?? -1
    }

    @Test("a schema-1 database with records is copied to <file>.v1.bak, 0600, before it is migrated")
    func copiesBeforeUpgrading() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("jobtrack.sqlite3")
        try versionOneDatabase(at: path)
        let original = try records(Database(path: path, migrations: [Migration.embedded[0]]))
        #expect(original.count == 8)

        let upgraded = try Database(path: path)
        let backupPath = path + ".v1.bak"
        #expect(upgraded.upgradeBackup == UpgradeBackup(path: backupPath, fromVersion: 1, keptExisting: false))
        #expect(try version(upgraded) == Migration.embedded.last?.version)
        #expect(try records(upgraded) == original, "the migrated database keeps every record")

        #expect(try permissions(of: backupPath) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: backupPath + "-wal"))
        let copy = try Database(path: backupPath, migrations: [Migration.embedded[0]])
        #expect(copy.upgradeBackup == nil)
        #expect(try version(copy) == 1)
        #expect(try copy.fetchOne("SELECT count(*) FROM schema_migrations") { $0.int(0) } == 1)
        #expect(try records(copy) == original)
        #expect(try copy.fetchOne("PRAGMA integrity_check") { $0.string(0) } == "ok")

        let reopened = try Database(path: path)
        #expect(reopened.upgradeBackup == nil, "a database already current is not copied again")
    }

    @Test("an existing file of that name is kept, not replaced, and the upgrade goes on")
    func keepsExistingCopy() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("jobtrack.sqlite3")
        try versionOneDatabase(at: path)
        let backupPath = path + ".v1.bak"
        let earlier = Data("an earlier copy".utf8)
        try earlier.write(to: URL(fileURLWithPath: backupPath))

        let upgraded = try Database(path: path)
        #expect(upgraded.upgradeBackup == UpgradeBackup(path: backupPath, fromVersion: 1, keptExisting: true))
        #expect(try contents(of: backupPath) == earlier)
        #expect(try version(upgraded) == Migration.embedded.last?.version)
    }

    @Test("a database with no records gets no copy: neither an old empty one nor a new one")
    func noCopyWithoutRecords() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("jobtrack.sqlite3")
        try versionOneDatabase(at: path, withRecords: false)
        let upgraded = try Database(path: path)
        #expect(upgraded.upgradeBackup == nil)
        #expect(try version(upgraded) == Migration.embedded.last?.version)

        let fresh = try Database(path: folder.path("new.sqlite3"))
        #expect(fresh.upgradeBackup == nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(!files.contains { $0.hasSuffix(".bak") }, "\(files)")
    }

    @Test("settings alone are records worth a copy")
    func settingsAloneAreCopied() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("jobtrack.sqlite3")
        try Database(path: path, migrations: [Migration.embedded[0]])
            .execute("INSERT INTO settings (key, value) VALUES ('name', 'Alex')")
        #expect(try Database(path: path).upgradeBackup?.fromVersion == 1)
    }

    @Test("a failed upgrade leaves the database as it was: every pending migration is one transaction")
    func failedUpgradeChangesNothing() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("jobtrack.sqlite3")
        try versionOneDatabase(at: path)
        let before = try dumpEverything(Database(path: path, migrations: [Migration.embedded[0]]))
        let broken = Migration(name: "0003_broken", sql: "CREATE TABLE half (id INTEGER); SELECT no_such_function();")
        #expect(throws: StoreError.self) {
            try Database(path: path, migrations: [Migration.embedded[0], Migration.embedded[1], broken])
        }
        let database = try Database(path: path, migrations: [Migration.embedded[0]])
        #expect(try version(database) == 1, "0002 was not kept without 0003")
        #expect(try dumpEverything(database) == before)
        #expect(FileManager.default.fileExists(atPath: path + ".v1.bak"), "the copy taken before stays")
    }
}
