import Foundation
import FollowUp

// Fixtures for the rules tests. Instants are built with Foundation's own `Calendar`,
// not with the engine's arithmetic, so that the tests check it against an independent
// oracle. Every test fixes *now*; nothing reads the clock.

let newYork = TimeZone(identifier: "America/New_York")!
let london = TimeZone(identifier: "Europe/London")!
let tokyo = TimeZone(identifier: "Asia/Tokyo")!

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
    let components = DateComponents(year: parts[0], month: parts[1], day: parts[2],
                                    hour: parts.count > 3 ? parts[3] : 0, minute: parts.count > 4 ? parts[4] : 0,
                                    second: parts.count > 5 ? parts[5] : 0)
    guard let date = calendar.date(from: components) else { fatalError("bad fixture instant \(text)") }
    return date
}

/// The form SPEC §2 prints call_at in, with the interviewer's offset.
func iso(_ date: Date?, _ zone: TimeZone = newYork) -> String? {
    date.map { TimeText.iso8601($0, in: zone) }
}

func window(_ text: String) -> DailyWindow {
    guard let window = DailyWindow(text) else { fatalError("bad fixture window \(text)") }
    return window
}

func call(_ id: Int64, _ at: String, _ outcome: CallOutcome, callback: String? = nil,
          zone: TimeZone = newYork) -> CallFacts {
    CallFacts(id: id, at: instant(at, zone), outcome: outcome, callbackAt: callback.map { instant($0, zone) })
}

/// An interview with a phone number unless told otherwise.
func interview(_ heldAt: String, id: Int64 = 1, zone: TimeZone = newYork, phone: String? = "+1 212 555 0100",
               decisionBy: String? = nil, afterHoursOK: Bool = false, busy: [String] = [],
               calls: [CallFacts] = []) -> InterviewFacts {
    InterviewFacts(id: id, heldAt: instant(heldAt, zone), timeZone: zone, interviewer: "Dana Reyes", phone: phone,
                   decisionBy: decisionBy.map(day), afterHoursOK: afterHoursOK, busy: busy.map(window), calls: calls)
}

func assess(_ interviews: [InterviewFacts], now: String, nowZone: TimeZone = newYork, closed: Bool = false,
            settings: FollowUpSettings = defaults) -> Assessment {
    FollowUpEngine(settings: settings).assess(ApplicationFacts(id: 1, isClosed: closed, interviews: interviews),
                                              now: instant(now, nowZone))
}

func assess(_ interview: InterviewFacts, now: String, nowZone: TimeZone = newYork,
            settings: FollowUpSettings = defaults) -> Assessment {
    assess([interview], now: now, nowZone: nowZone, settings: settings)
}

func settings(holidays: [String] = [], maxAttempts: Int = 2) throws -> FollowUpSettings {
    try FollowUpSettings(holidays: Set(holidays.map(day)), maxAttempts: maxAttempts, timeZone: newYork)
}
