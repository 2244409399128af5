import Foundation
import JobStore
import Testing

@testable import JobtrackKit

@Suite("the settings book")
struct SettingsBookTests {
    @Test("opening a version 1 database says where the upgrade copied it, as a tracker does")
    func saysWhereTheUpgradeCopy() throws {
        let fixture = try KitFixture()
        let old = try Database(path: fixture.path, migrations: [Migration.embedded[0]])
        try old.executeScript("INSERT INTO settings (key, value) VALUES ('name', 'Alex Doe');")
        let book = try SettingsBook(path: fixture.path, clock: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(
            book.notices.drain() == [
                "upgraded the database from schema 1; the old one is copied to \(fixture.path).v1.bak"
            ])
        try book.set(.phone, to: "+1 212 555 0100")
        #expect(FileManager.default.fileExists(atPath: fixture.path + ".v1.bak"))
    }
}
