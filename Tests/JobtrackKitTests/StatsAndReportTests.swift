import FollowUp
import Foundation
import Testing

@testable import JobtrackKit

private func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

@Suite("stats and the report page, in process")
struct StatsAndReportTests {
    @Test(
        "the median: the middle value, or the mean of the middle two; none of nothing",
        arguments: [([], nil), ([5], 5), ([9, 1], 5), ([3, 4], 3.5), ([14, 8, 7, 9], 8.5), ([2, 9, 4], 4)]
            as [([Int], Double?)])
    func median(values: [Int], expected: Double?) {
        #expect(Stats.median(values) == expected)
    }

    @Test(
        "ISO 8601 week names, by the year of the week's Thursday",
        arguments: [
            ("2026-11-30", "2026-W49"), ("2026-12-28", "2026-W53"), ("2027-01-04", "2027-W01"),
            ("2024-12-30", "2025-W01"), ("2021-01-04", "2021-W01"), ("2020-12-28", "2020-W53"),
        ])
    func isoWeek(monday: String, name: String) throws {
        #expect(ReportWeek(monday: try date(monday), count: 0).isoName == name)
    }

    @Test("applications per week: every week from the first application's to this one, empty weeks included")
    func weeks() throws {
        let applied = try ["2026-11-04", "2026-11-08", "2026-11-02", "2026-11-18"].map(date)
        let weeks = ReportWeek.weeks(of: applied, through: try date("2026-12-02"))
        #expect(weeks.map(\.monday.iso) == ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"])
        // Sunday 11-08 belongs to the week of Monday 11-02.
        #expect(weeks.map(\.count) == [3, 0, 1, 0, 0])
        #expect(ReportWeek.weeks(of: [], through: try date("2026-12-02")).isEmpty)
    }

    @Test("every character that could make markup is escaped")
    func escaping() {
        #expect(HTMLText.escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;")
        #expect(HTMLText.escape("R&D \"quoted\" 'single'") == "R&amp;D &quot;quoted&quot; &#39;single&#39;")
        #expect(HTMLText.escape("Müller — plain") == "Müller — plain")
    }

    @Test("the Kit's stats on a small search: held interviews only, dates in the interview's zone")
    func kitStats() throws {
        let fixture = try KitFixture()
        let tracker = try fixture.tracker(at: "2026-12-02 10:30")
        let acme = try tracker.add(
            NewApplication(company: "Acme", role: "Engineer", appliedOn: .absolute(date("2026-11-20"))))
        _ = try tracker.logInterview(
            acme.application.id,
            NewInterview(
                at: try #require(DateTimeInput("2026-11-25 20:00")), interviewer: "Yuki", phone: "+81 3 1234 5678",
                timeZone: TimeZone(identifier: "Asia/Tokyo")))
        let later = try tracker.add(
            NewApplication(company: "Zeta", role: "Engineer", appliedOn: .absolute(date("2026-12-01"))))
        _ = try tracker.logInterview(
            later.application.id,
            NewInterview(
                at: try #require(DateTimeInput("2026-12-04 10:00")), interviewer: "Sam", phone: "212-555-0100"))
        let stats = try tracker.stats()
        #expect(stats.applications == 2)
        #expect(stats.interviewed == 1)
        #expect(stats.interviewRate == 0.5)
        // 20:00 in New York on 11-25 is 11-26 in Tokyo: six days, not five.
        #expect(stats.medianDaysToFirstInterview == 6)
        #expect(stats.companies.map(\.company) == ["Zeta", "Acme"])
        #expect(stats.companies.map(\.lastActivity.iso) == ["2026-12-01", "2026-11-26"])
        let since = try tracker.stats(since: .absolute(date("2026-11-21")))
        #expect(since.applications == 1 && since.interviewed == 0 && since.medianDaysToFirstInterview == nil)
        #expect(since.since?.iso == "2026-11-21")
    }
}

@Suite("report text on one line")
struct ReportLineTests {
    @Test(
        "a line break of any kind shows as a space, then the text is escaped",
        arguments: [
            ("a\nb", "a b"), ("a\r\nb<", "a b&lt;"), ("a\u{2028}b", "a b"), ("a\u{85}b", "a b"),
            ("café — ok", "café — ok"), ("x\u{0B}y", "x y"), ("a\u{2029}b", "a b"), ("a\u{0C}b", "a b"),
            ("Tue – Wed — \u{2027}\u{202A}\u{84}\u{86}", "Tue – Wed — \u{2027}\u{202A}\u{84}\u{86}"),
            ("— \u{2028}", "— "), ("\u{85}", ""),
        ])
    func oneLine(text: String, expected: String) {
        #expect(HTMLText.line(text) == expected)
    }
}
