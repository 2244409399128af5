import FollowUp
import Foundation
import Testing

@Suite("version-2 values: busy windows on weekdays, my_hours, new settings")
struct Version2ValueTests {
    @Test(
        "a busy window may name weekdays; its canonical spelling parses back the same",
        arguments: [
            ("09:00-12:00", "09:00-12:00"),
            ("Mon 09:00-10:00", "Mon 09:00-10:00"),
            ("mon 09:00-10:00", "Mon 09:00-10:00"),
            ("MON-FRI 09:00-09:30", "Mon-Fri 09:00-09:30"),
            ("Tue,Thu 14:00-15:00", "Tue,Thu 14:00-15:00"),
            ("Tue, Thu 14:00-15:00", "Tue,Thu 14:00-15:00"),
            ("Thu,Tue 14:00-15:00", "Tue,Thu 14:00-15:00"),
            ("Mon,Tue,Wed 08:00-09:00", "Mon-Wed 08:00-09:00"),
            ("Sat,Sun 10:00-24:00", "Sat,Sun 10:00-24:00"),
            ("Mon-Wed,Fri 12:00-13:00", "Mon-Wed,Fri 12:00-13:00"),
            ("Mon-Sun 09:00-10:00", "09:00-10:00"),
            ("  Wed   09:00-12:00 ", "Wed 09:00-12:00"),
            ("Wed-Wed 09:00-12:00", "Wed 09:00-12:00"),
        ])
    func parseBusyWindow(text: String, canonical: String) throws {
        let parsed = try #require(BusyWindow(text))
        #expect(parsed.description == canonical)
        #expect(BusyWindow(parsed.description) == parsed)
    }

    @Test(
        "a busy window that is not one is refused",
        arguments: [
            "", "Mon", "Monday 09:00-10:00", "Fri-Mon 09:00-10:00", "Mon,,Tue 09:00-10:00", "Mon- 09:00-10:00",
            "Mon 9:00-10:00", "Mon 12:00-09:00", "Xyz 09:00-10:00", "Mon 09:00-10:00 extra", "Mon-Tue-Wed 09:00-10:00",
        ])
    func refuseBusyWindow(text: String) {
        #expect(BusyWindow(text) == nil)
    }

    @Test("a weekday busy window applies only on its days")
    func busyWindowDays() throws {
        let window = try #require(BusyWindow("Tue,Thu 14:00-15:00"))
        #expect(window.weekdays == [.tuesday, .thursday])
        #expect(window.applies(on: .tuesday) && window.applies(on: .thursday))
        #expect(!window.applies(on: .wednesday))
        #expect(BusyWindow("09:00-10:00")?.weekdays == nil)
        #expect(BusyWindow(DailyWindow("09:00-10:00")!, on: []) == BusyWindow("09:00-10:00"))
    }

    @Test("several busy windows are kept joined with ';' and read back")
    func busyList() throws {
        let windows = try #require(BusyWindow.parseList("Mon-Fri 09:00-09:30;12:00-13:00; Tue,Thu 14:00-15:00"))
        #expect(windows.count == 3)
        #expect(BusyWindow.listText(windows) == "Mon-Fri 09:00-09:30;12:00-13:00;Tue,Thu 14:00-15:00")
        #expect(BusyWindow.parseList(BusyWindow.listText(windows)) == windows)
        #expect(BusyWindow.parseList("") == [])
        #expect(BusyWindow.parseList("09:00-10:00;;10:00-11:00") == nil)
        #expect(BusyWindow.parseList("09:00-10:00;later") == nil)
    }

    @Test("a busy window encodes as its canonical string")
    func busyCodable() throws {
        let data = try JSONEncoder().encode([busyWindow("tue,thu 14:00-15:00")])
        #expect(String(decoding: data, as: UTF8.self) == #"["Tue,Thu 14:00-15:00"]"#)
        #expect(try JSONDecoder().decode([BusyWindow].self, from: data) == [busyWindow("Tue,Thu 14:00-15:00")])
    }

    @Test(
        "my_hours is any or windows separated by commas",
        arguments: [
            ("any", "any"), ("ANY", "any"), ("12:00-13:00,17:00-18:00", "12:00-13:00,17:00-18:00"),
            ("12:00-13:00, 17:00-18:00", "12:00-13:00,17:00-18:00"), ("08:00-20:00", "08:00-20:00"),
        ])
    func parseMyHours(text: String, canonical: String) throws {
        let hours = try #require(MyHours(text))
        #expect(hours.description == canonical)
        #expect(MyHours(hours.description) == hours)
    }

    @Test(
        "my_hours that are not hours are refused", arguments: ["", "anytime", "12-13", "12:00-13:00,", "13:00-12:00"])
    func refuseMyHours(text: String) {
        #expect(MyHours(text) == nil)
    }

    @Test("version-2 settings default to 08:00-20:00, public holidays on, quiet after 10 business days")
    func version2Defaults() {
        #expect(defaults.myHours == MyHours("08:00-20:00"))
        #expect(defaults.usesPublicHolidays)
        #expect(defaults.quietAfter == 10)
    }

    @Test("version-2 settings read from stored rows")
    func storedVersion2() throws {
        let stored = try FollowUpSettings(
            stored: [
                "my_hours": "12:00-13:00,17:00-18:00", "public_holidays": "off",
                "quiet_after": "5",
            ], timeZone: london)
        #expect(stored.myHours.description == "12:00-13:00,17:00-18:00")
        #expect(!stored.usesPublicHolidays)
        #expect(stored.quietAfter == 5)
        #expect(
            try FollowUpSettings(stored: ["my_hours": "any", "public_holidays": "auto"], timeZone: london).myHours
                == .any)
    }

    @Test(
        "stored version-2 settings that make no sense are refused with one line",
        arguments: [
            (
                ["my_hours": "lunch"], FollowUpSettings.Error.badMyHours("lunch"),
                #"my_hours must be any, or windows HH:MM-HH:MM separated by commas, e.g. 12:00-13:00,17:00-18:00, got "lunch""#
            ),
            (["public_holidays": "on"], .badPublicHolidays("on"), #"public_holidays must be auto or off, got "on""#),
            (
                ["quiet_after": "ten"], .badNumber(key: "quiet_after", value: "ten"),
                #"quiet_after must be a whole number, got "ten""#
            ),
            (["quiet_after": "0"], .quietAfterBelowOne(0), "quiet_after must be at least 1 business day, got 0"),
        ])
    func refuseStoredVersion2(stored: [String: String], error: FollowUpSettings.Error, line: String) {
        #expect(throws: error) { try FollowUpSettings(stored: stored, timeZone: newYork) }
        #expect(error.description == line)
    }

    @Test("the engine's business days skip a public holiday only while public_holidays is on")
    func calendarHonoursSetting() throws {
        let on = BusinessCalendar(settings: defaults)
        let off = BusinessCalendar(settings: try settings(publicHolidays: false))
        #expect(!on.isBusinessDay(day("2026-11-26"), publicHolidays: usHolidays2026))
        #expect(off.isBusinessDay(day("2026-11-26"), publicHolidays: usHolidays2026))
        #expect(on.businessDay(3, after: day("2026-11-23"), publicHolidays: usHolidays2026) == day("2026-11-27"))
        #expect(on.businessDay(3, after: day("2026-11-23")) == day("2026-11-26"))
    }
}
