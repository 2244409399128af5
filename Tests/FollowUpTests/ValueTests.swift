import FollowUp
import Foundation
import Testing

@Suite("values: dates, windows, settings, orderings")
struct ValueTests {
    @Test(
        "a date is exactly YYYY-MM-DD and exists",
        arguments: [
            ("2026-11-30", true), ("2024-02-29", true), ("2000-02-29", true), ("0001-01-01", true),
            ("2026-02-29", false), ("1900-02-29", false), ("2026-02-30", false), ("2026-13-01", false),
            ("2026-00-10", false), ("2026-1-05", false), ("2026-01-5", false), ("+026-01-05", false),
            ("2026/01/05", false), (" 2026-01-05", false), ("0000-01-01", false), ("", false),
        ])
    func parseDate(text: String, valid: Bool) {
        let date = CalendarDate(iso: text)
        #expect((date != nil) == valid)
        if let date { #expect(date.iso == text) }
    }

    @Test("a date encodes as its YYYY-MM-DD string and refuses a bad one")
    func dateCodable() throws {
        let data = try JSONEncoder().encode([day("2026-12-02")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-12-02"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [day("2026-12-02")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2026-02-30"]"#.utf8))
        }
    }

    @Test("dates add days across months, years and leap days, and cite weekdays")
    func dateArithmetic() {
        #expect(day("2026-11-30").adding(days: 2) == day("2026-12-02"))
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("2028-02-28").adding(days: 1) == day("2028-02-29"))
        #expect(day("2026-03-01").adding(days: -1) == day("2026-02-28"))
        #expect(day("1969-12-31").adding(days: 1).iso == "1970-01-01")
        #expect(day("2026-11-30").weekday == .monday)
        #expect(day("2026-12-06").weekday == .sunday)
        #expect(day("2026-11-30").shortText == "Mon Nov 30")
        #expect(day("2026-11-30").days(to: day("2027-11-30")) == 365)
        #expect(day("2026-11-30") < day("2026-12-01"))
    }

    @Test("the date of an instant depends on the zone")
    func dateContaining() {
        let moment = instant("2026-12-01T23:30:00-05:00")
        #expect(CalendarDate.containing(moment, in: newYork) == day("2026-12-01"))
        #expect(CalendarDate.containing(moment, in: tokyo) == day("2026-12-02"))
        #expect(CalendarDate.containing(moment, in: london) == day("2026-12-02"))
    }

    @Test(
        "a daily window is strict HH:MM-HH:MM, start before end, within one day",
        arguments: [
            ("09:00-17:00", true), ("00:00-24:00", true), ("23:00-24:00", true), ("12:00-12:01", true),
            ("9:00-17:00", false), ("09:00-9:30", false), ("17:00-09:00", false), ("09:00-09:00", false),
            ("24:00-24:00", false), ("09:00-24:01", false), ("09:60-10:00", false), ("22:00-02:00", false),
            ("09:00 -17:00", false), ("09:00–17:00", false), ("0900-1700", false), ("", false),
        ])
    func parseWindow(text: String, valid: Bool) {
        let parsed = DailyWindow(text)
        #expect((parsed != nil) == valid)
        if let parsed { #expect(parsed.description == text) }
    }

    @Test("a window includes its start minute and excludes its end")
    func windowBounds() {
        let hours = window("09:00-17:00")
        #expect(hours.contains(minute: 9 * 60))
        #expect(hours.contains(minute: 17 * 60 - 1))
        #expect(!hours.contains(minute: 17 * 60))
        #expect(!hours.contains(minute: 9 * 60 - 1))
    }

    @Test("a daily window encodes as its HH:MM-HH:MM string and refuses a bad one")
    func windowCodable() throws {
        let data = try JSONEncoder().encode([window("09:00-12:00")])
        #expect(String(decoding: data, as: UTF8.self) == #"["09:00-12:00"]"#)
        #expect(try JSONDecoder().decode([DailyWindow].self, from: data) == [window("09:00-12:00")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([DailyWindow].self, from: Data(#"["12:00-09:00"]"#.utf8))
        }
    }

    @Test(
        "a wall-clock time skipped by daylight saving maps to the minute after the gap; a repeated one to its first pass"
    )
    func wallClockTimes() {
        #expect(iso(day("2026-03-08").at(hour: 2, minute: 30, in: newYork)) == "2026-03-08T03:00:00-04:00")
        #expect(iso(day("2026-11-01").at(hour: 1, minute: 30, in: newYork)) == "2026-11-01T01:30:00-04:00")
        #expect(iso(day("2026-12-02").at(hour: 14, minute: 5, second: 9, in: newYork)) == "2026-12-02T14:05:09-05:00")
        #expect(iso(day("2026-03-29").start(in: london), london) == "2026-03-29T00:00:00+00:00")
    }

    @Test("settings default to docs/rules.md §2's values")
    func settingsDefaults() {
        #expect(defaults.businessHours.description == "09:00-17:00")
        #expect(defaults.afterHours.description == "08:00-20:00")
        #expect(defaults.holidays.isEmpty)
        #expect(defaults.maxAttempts == 2)
        #expect(defaults.waitFrom == 2 && defaults.waitTo == 3)
        #expect(defaults.timeZone == newYork)
    }

    @Test("settings refuse nonsense with one line naming it")
    func settingsValidation() {
        #expect(throws: FollowUpSettings.Error.maxAttemptsBelowOne(0)) {
            try FollowUpSettings(maxAttempts: 0, timeZone: newYork)
        }
        #expect(throws: FollowUpSettings.Error.waitWindow(from: 3, to: 2)) {
            try FollowUpSettings(timeZone: newYork, waitFrom: 3, waitTo: 2)
        }
        #expect(throws: FollowUpSettings.Error.waitWindow(from: 0, to: 2)) {
            try FollowUpSettings(timeZone: newYork, waitFrom: 0, waitTo: 2)
        }
        #expect(FollowUpSettings.Error.maxAttemptsBelowOne(0).description == "max_attempts must be at least 1, got 0")
    }

    @Test("settings read from stored rows, with defaults for absent keys")
    func settingsFromStored() throws {
        let stored = try FollowUpSettings(
            stored: [
                "business_hours": "08:30-16:30", "max_attempts": "3",
                "holidays": "2026-12-25, 2027-01-01", "name": "Sam",
            ],
            timeZone: london)
        #expect(stored.businessHours.description == "08:30-16:30")
        #expect(stored.afterHours == defaults.afterHours)
        #expect(stored.maxAttempts == 3)
        #expect(stored.holidays == [day("2026-12-25"), day("2027-01-01")])
        #expect(stored.timeZone == london)
        #expect(try FollowUpSettings(stored: [:], timeZone: newYork) == defaults)
    }

    @Test(
        "stored settings that make no sense are refused",
        arguments: [
            (["business_hours": "9-5"], FollowUpSettings.Error.badWindow(key: "business_hours", value: "9-5")),
            (["after_hours": "20:00-08:00"], .badWindow(key: "after_hours", value: "20:00-08:00")),
            (["holidays": "2026-12-25,xmas"], .badHoliday("xmas")),
            (["max_attempts": "two"], .badNumber(key: "max_attempts", value: "two")),
            (["max_attempts": "0"], .maxAttemptsBelowOne(0)),
        ])
    func settingsFromStoredRefused(stored: [String: String], error: FollowUpSettings.Error) {
        #expect(throws: error) { try FollowUpSettings(stored: stored, timeZone: newYork) }
    }

    @Test("instants print as ISO 8601 with the zone's offset, and in RFC 5545's UTC form")
    func isoText() {
        let moment = instant("2026-12-02T14:00:00Z")
        #expect(TimeText.iso8601(moment, in: newYork) == "2026-12-02T09:00:00-05:00")
        #expect(TimeText.iso8601(moment, in: london) == "2026-12-02T14:00:00+00:00")
        #expect(TimeText.iso8601(moment, in: tokyo) == "2026-12-02T23:00:00+09:00")
        #expect(TimeText.iso8601(moment, in: TimeZone(identifier: "Asia/Kolkata")!) == "2026-12-02T19:30:00+05:30")
        #expect(TimeText.hourMinute(moment, in: newYork) == "09:00")
        #expect(TimeText.basicUTC(moment) == "20261202T140000Z")
        #expect(TimeText.basicUTC(Date(timeIntervalSince1970: -1)) == "19691231T235959Z")
    }

    @Test("today lists overdue first, oldest due_by first, then due by call_at, then id")
    func todayOrder() {
        func item(_ id: Int64, _ state: FollowUpState, dueBy: String?, callAt: String?) -> Assessment {
            Assessment(
                applicationID: id, state: state, dueBy: dueBy.map(day), callAt: callAt.map { instant($0) },
                rule: .closed)
        }
        let shuffled = [
            item(1, .due, dueBy: "2026-12-03", callAt: "2026-12-02 11:00"),
            item(2, .overdue, dueBy: "2026-12-01", callAt: "2026-12-02 12:00"),
            item(3, .due, dueBy: "2026-12-02", callAt: "2026-12-02 10:00"),
            item(4, .overdue, dueBy: "2026-11-27", callAt: "2026-12-02 13:00"),
            item(5, .overdue, dueBy: "2026-12-01", callAt: "2026-12-02 09:00"),
            item(6, .due, dueBy: "2026-12-02", callAt: "2026-12-02 10:00"),
            item(7, .due, dueBy: "2026-12-02", callAt: nil),
        ]
        #expect(shuffled.sorted { $0.todayKey < $1.todayKey }.map(\.applicationID) == [4, 5, 2, 3, 6, 1, 7])
        #expect(shuffled.reversed().sorted { $0.todayKey < $1.todayKey }.map(\.applicationID) == [4, 5, 2, 3, 6, 1, 7])
    }

    @Test("the agenda is ordered by call_at, no call last, then id")
    func agendaOrder() {
        let items = [
            Assessment(applicationID: 3, state: .followedUp, rule: .closed),
            Assessment(applicationID: 2, state: .due, callAt: instant("2026-12-02 10:00"), rule: .closed),
            Assessment(applicationID: 1, state: .closed, rule: .closed),
            Assessment(applicationID: 4, state: .tooSoon, callAt: instant("2026-12-02 09:00"), rule: .closed),
            Assessment(applicationID: 5, state: .due, callAt: instant("2026-12-02 10:00"), rule: .closed),
        ]
        #expect(items.sorted { $0.agendaKey < $1.agendaKey }.map(\.applicationID) == [4, 2, 5, 1, 3])
    }
}
