import FollowUp
import Foundation

// Fixtures for the rules tests. Instants are built with Foundation's own `Calendar`,
// not with the engine's arithmetic, so that the tests check it against an independent
// oracle. Every test fixes *now*; nothing reads the clock.

let newYork = TimeZone(identifier: "America/New_York")!
let london = TimeZone(identifier: "Europe/London")!
let tokyo = TimeZone(identifier: "Asia/Tokyo")!
let losAngeles = TimeZone(identifier: "America/Los_Angeles")!
let chicago = TimeZone(identifier: "America/Chicago")!

let defaults = FollowUpSettings.defaults(timeZone: newYork)

/// A date from "YYYY-MM-DD"; a typo in a fixture is a programming error.
func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(iso: text) else { fatalError("bad fixture date \(text)") }
    return date
}

/// An instant from "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" on the
/// wall clock of `zone`, or from full ISO 8601 with an offset.
func instant(_ text: String, _ zone: TimeZone = newYork) -> Date {
    if text.count > 19 {
        guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("bad fixture instant \(text)") }
        return date
    }
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" || $0 == "T" }).map { Int($0)! }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let components = DateComponents(
        year: parts[0], month: parts[1], day: parts[2],
        hour: parts.count > 3 ? parts[3] : 0, minute: parts.count > 4 ? parts[4] : 0,
        second: parts.count > 5 ? parts[5] : 0)
    guard let date = calendar.date(from: components) else { fatalError("bad fixture instant \(text)") }
    return date
}

/// The form docs/rules.md §2 prints call_at in, with the interviewer's offset.
func iso(_ date: Date?, _ zone: TimeZone = newYork) -> String? {
    date.map { TimeText.iso8601($0, in: zone) }
}

func window(_ text: String) -> DailyWindow {
    guard let window = DailyWindow(text) else { fatalError("bad fixture window \(text)") }
    return window
}

func busyWindow(_ text: String) -> BusyWindow {
    guard let window = BusyWindow(text) else { fatalError("bad fixture busy window \(text)") }
    return window
}

func call(
    _ id: Int64, _ at: String, _ outcome: CallOutcome, callback: String? = nil, decisionBy: String? = nil,
    zone: TimeZone = newYork
) -> CallFacts {
    CallFacts(
        id: id, at: instant(at, zone), outcome: outcome, callbackAt: callback.map { instant($0, zone) },
        decisionBy: decisionBy.map(day))
}

/// An interview with a phone number unless told otherwise. Busy windows may name
/// weekdays ("Wed 09:00-12:00").
func interview(
    _ heldAt: String, id: Int64 = 1, zone: TimeZone = newYork, phone: String? = "+1 212 555 0100",
    decisionBy: String? = nil, afterHoursOK: Bool = false, busy: [String] = [],
    calls: [CallFacts] = [], holidays: PublicHolidays? = nil, thankedAt: String? = nil
) -> InterviewFacts {
    InterviewFacts(
        id: id, heldAt: instant(heldAt, zone), timeZone: zone, interviewer: "Dana Reyes", phone: phone,
        decisionBy: decisionBy.map(day), afterHoursOK: afterHoursOK, busy: busy.map(busyWindow),
        calls: calls, publicHolidays: holidays, thankedAt: thankedAt.map { instant($0, zone) })
}

// Public holidays of 2026, as the `holidays` package gives them, for the countries
// the worked examples of docs/rules.md §2 need. The generated table is another
// target's work; the engine only reads what it is given.
let usHolidays2026 = PublicHolidays(
    country: "US",
    holidays: [
        day("2026-01-01"): "New Year's Day", day("2026-01-19"): "Martin Luther King Jr. Day",
        day("2026-02-16"): "Washington's Birthday", day("2026-05-25"): "Memorial Day",
        day("2026-06-19"): "Juneteenth National Independence Day", day("2026-07-03"): "Independence Day (observed)",
        day("2026-07-04"): "Independence Day", day("2026-09-07"): "Labor Day", day("2026-10-12"): "Columbus Day",
        day("2026-11-11"): "Veterans Day", day("2026-11-26"): "Thanksgiving Day", day("2026-12-25"): "Christmas Day",
    ])
let gbHolidays2026 = PublicHolidays(
    country: "GB",
    holidays: [
        day("2026-01-01"): "New Year's Day", day("2026-04-03"): "Good Friday", day("2026-05-04"): "May Day",
        day("2026-05-25"): "Spring Bank Holiday", day("2026-12-25"): "Christmas Day",
        day("2026-12-26"): "Boxing Day", day("2026-12-28"): "Boxing Day (observed)",
    ])
let jpHolidays2026 = PublicHolidays(
    country: "JP",
    holidays: [
        day("2026-11-03"): "Culture Day", day("2026-11-23"): "Labor Thanksgiving Day",
    ])

func assess(
    _ interviews: [InterviewFacts], now: String, nowZone: TimeZone = newYork, closed: Bool = false,
    settings: FollowUpSettings = defaults
) -> Assessment {
    FollowUpEngine(settings: settings).assess(
        ApplicationFacts(id: 1, isClosed: closed, interviews: interviews),
        now: instant(now, nowZone))
}

func assess(
    _ interview: InterviewFacts, now: String, nowZone: TimeZone = newYork,
    settings: FollowUpSettings = defaults
) -> Assessment {
    assess([interview], now: now, nowZone: nowZone, settings: settings)
}

func settings(
    holidays: [String] = [], maxAttempts: Int = 2, userZone: TimeZone = newYork,
    myHours: String = "08:00-20:00", publicHolidays: Bool = true
) throws -> FollowUpSettings {
    try FollowUpSettings(
        holidays: Set(holidays.map(day)), maxAttempts: maxAttempts, timeZone: userZone,
        myHours: MyHours(myHours)!, usesPublicHolidays: publicHolidays)
}

/// Settings with `my_hours any`, for tests about something other than the user's hours.
let anyHours = try! FollowUpSettings(timeZone: newYork, myHours: .any)
