import FollowUp
import Foundation
import PropertyBased
import Testing

/// A random history: one or two interviews in a zone with daylight saving (or an odd
/// offset), a user somewhere else or in the same zone, random settings (hours of the
/// user's own included), public holidays, busy windows daily or on weekdays, attempts
/// after the latest interview (rounds and letters included), and two instants after
/// the last event, `now` ≤ `later`.
struct History: Sendable, CustomStringConvertible {
    let settings: FollowUpSettings
    let application: ApplicationFacts
    let now: Date
    let later: Date

    var interview: InterviewFacts { application.interviews.max { ($0.heldAt, $0.id) < ($1.heldAt, $1.id) }! }
    var zone: TimeZone { interview.timeZone }

    var description: String {
        let calls = interview.calls.map {
            "\($0.outcome.rawValue)@\(iso($0.at, zone)!)"
                + ($0.callbackAt.map { "→\(iso($0, zone)!)" } ?? "") + ($0.decisionBy.map { " decide \($0.iso)" } ?? "")
        }
        return "zone \(zone.identifier) user \(settings.timeZone.identifier) held \(iso(interview.heldAt, zone)!) "
            + "decision \(interview.decisionBy?.iso ?? "-") phone \(interview.phone != nil) "
            + "afterHours \(interview.afterHoursOK) busy \(interview.busy) myHours \(settings.myHours) "
            + "calls \(calls) holidays \(settings.holidays.map(\.iso).sorted()) "
            + "public \(interview.publicHolidays.map { _ in "yes" } ?? "no")/\(settings.usesPublicHolidays) "
            + "max \(settings.maxAttempts) now \(iso(now, zone)!) later \(iso(later, zone)!)"
    }

    static let zones = [
        "America/New_York", "Europe/London", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata",
        "America/Santiago", "Australia/Lord_Howe", "Pacific/Chatham", "UTC",
    ]
    .map { TimeZone(identifier: $0)! }

    static let generator = Generator<History, Shrink.None<History>> { rng in
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
        func seconds(upTo days: Int) -> TimeInterval { Double.random(in: 0..<Double(days * 86_400), using: &rng) }

        let zone = zones.randomElement(using: &rng)!
        let userZone = chance(50) ? zone : zones.randomElement(using: &rng)!
        // 2026 and 2027, so every daylight-saving change of both years is in reach.
        let heldAt = Date(timeIntervalSince1970: Double.random(in: 1_767_225_600..<1_830_297_600, using: &rng))
        let held = CalendarDate.containing(heldAt, in: zone)
        let decision = chance(30) ? held.adding(days: Int.random(in: -2...10, using: &rng)) : nil
        let busy = randomBusy(&rng)
        var calls: [CallFacts] = []
        var last = heldAt
        for id in 0..<Int.random(in: 0...4, using: &rng) {
            last = last.addingTimeInterval(3600 + seconds(upTo: 3))
            let outcome = CallOutcome.allCases.randomElement(using: &rng)!
            let wantsCallback = outcome == .badTime || (outcome == .reached && chance(30))
            let callback = wantsCallback ? last.addingTimeInterval(3600 + seconds(upTo: 4)) : nil
            let decideBy =
                outcome == .reached && chance(40)
                ? CalendarDate.containing(last, in: zone).adding(days: Int.random(in: 1...10, using: &rng)) : nil
            calls.append(
                CallFacts(id: Int64(id), at: last, outcome: outcome, callbackAt: callback, decisionBy: decideBy))
        }
        let publicHolidays = chance(60) ? randomTable(near: held, &rng) : nil
        let interview = InterviewFacts(
            id: 2, heldAt: heldAt, timeZone: zone, phone: chance(85) ? "555" : nil,
            decisionBy: decision, afterHoursOK: chance(25), busy: busy,
            calls: calls.shuffled(using: &rng), publicHolidays: publicHolidays)
        // An earlier round, whose attempts must not count.
        let earlier = InterviewFacts(
            id: 1, heldAt: heldAt.addingTimeInterval(-seconds(upTo: 30) - 1), timeZone: zone,
            phone: "555",
            calls: [
                CallFacts(
                    id: 9, at: heldAt.addingTimeInterval(-1),
                    outcome: .voicemail)
            ])
        let holidays = Set(
            (0..<Int.random(in: 0...4, using: &rng)).map { _ in
                held.adding(days: Int.random(in: 0...20, using: &rng))
            })
        let settings = try! FollowUpSettings(
            holidays: holidays, maxAttempts: Int.random(in: 1...3, using: &rng),
            timeZone: userZone, myHours: randomMyHours(&rng),
            usesPublicHolidays: chance(80), quietAfter: Int.random(in: 1...12, using: &rng))
        let now = last.addingTimeInterval(seconds(upTo: 20))
        return History(
            settings: settings,
            application: ApplicationFacts(id: 1, interviews: chance(50) ? [interview, earlier] : [interview]),
            now: now, later: now.addingTimeInterval(seconds(upTo: 20)))
    }
}

/// Zero to two busy windows of quarter hours, a third of them on a few weekdays.
func randomBusy(_ rng: inout some RandomNumberGenerator) -> [BusyWindow] {
    (0..<Int.random(in: 0...2, using: &rng)).map { _ in
        let start = Int.random(in: 0..<92, using: &rng) * 15
        let end = min(1440, start + Int.random(in: 1...16, using: &rng) * 15)
        let days =
            Int.random(in: 0..<3, using: &rng) == 0
            ? Set((0..<Int.random(in: 1...3, using: &rng)).map { _ in Weekday.allCases.randomElement(using: &rng)! })
            : nil
        return BusyWindow(window(clock(start) + "-" + clock(end)), on: days)
    }
}

/// `any`, the default 08:00-20:00, or one or two random windows of half hours.
func randomMyHours(_ rng: inout some RandomNumberGenerator) -> MyHours {
    switch Int.random(in: 0..<3, using: &rng) {
    case 0: return .any
    case 1: return .standard
    default:
        return .windows(
            (0..<Int.random(in: 1...2, using: &rng)).map { _ in
                let start = Int.random(in: 0..<46, using: &rng) * 30
                return window(clock(start) + "-" + clock(min(1440, start + Int.random(in: 1...12, using: &rng) * 30)))
            })
    }
}

/// A few named public holidays within three weeks of `date`.
func randomTable(near date: CalendarDate, _ rng: inout some RandomNumberGenerator) -> PublicHolidays {
    var days: [CalendarDate: String] = [:]
    for index in 0..<Int.random(in: 0...4, using: &rng) {
        days[date.adding(days: Int.random(in: -1...20, using: &rng))] = "Holiday \(index)"
    }
    return PublicHolidays(country: "ZZ", holidays: days)
}

/// "HH:MM" for minutes after midnight.
func clock(_ minutes: Int) -> String {
    String(format: "%02d:%02d", minutes / 60, minutes % 60)
}

/// The wall clock of `zone` at `instant`, by Foundation's `Calendar`: the date, the
/// minute of the day and the weekday.
func wallClock(_ instant: Date, in zone: TimeZone) -> (date: CalendarDate, minute: Int, weekday: Weekday) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: instant)
    return (
        CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!, parts.hour! * 60 + parts.minute!,
        Weekday(rawValue: (parts.weekday! + 5) % 7 + 1)!
    )
}

/// An independent judge of "may I call at this minute", built on Foundation's
/// `Calendar` rather than the engine's arithmetic: docs/rules.md §2 (a)–(d) spelled out.
func isCallable(
    _ instant: Date, settings: FollowUpSettings, zone: TimeZone, afterHoursOK: Bool,
    busy: [BusyWindow], publicHolidays: PublicHolidays?
) -> Bool {
    let theirs = wallClock(instant, in: zone)
    let holiday =
        settings.holidays.contains(theirs.date)
        || (settings.usesPublicHolidays && publicHolidays?.contains(theirs.date) == true)
    let inHours =
        afterHoursOK
        ? settings.afterHours.contains(minute: theirs.minute)
        : !theirs.weekday.isWeekend && !holiday && settings.businessHours.contains(minute: theirs.minute)
    let free = !busy.contains { $0.applies(on: theirs.weekday) && $0.window.contains(minute: theirs.minute) }
    return inHours && free && settings.myHours.contains(minute: wallClock(instant, in: settings.timeZone).minute)
}

func isCallable(_ instant: Date, _ history: History) -> Bool {
    isCallable(
        instant, settings: history.settings, zone: history.zone, afterHoursOK: history.interview.afterHoursOK,
        busy: history.interview.busy, publicHolidays: history.interview.publicHolidays)
}

/// The attempts of the current round: those after the latest reached call that named a date.
func roundCalls(_ calls: [CallFacts]) -> [CallFacts] {
    guard
        let start = calls.filter({ $0.outcome == .reached && $0.decisionBy != nil })
            .max(by: { ($0.at, $0.id) < ($1.at, $1.id) })
    else { return calls }
    return calls.filter { ($0.at, $0.id) > (start.at, start.id) }
}

/// How far along the etiquette a timed state is; the rest never change without an event.
private func progress(_ state: FollowUpState) -> Int? {
    switch state {
    case .tooSoon, .waitingOnDecision, .awaitingReply, .callbackScheduled: return 0
    case .due, .noNumber: return 1  // no number: due or overdue, with no phone to call
    case .overdue: return 2
    default: return nil
    }
}

@Suite("invariants over random histories and instants")
struct PropertyTests {
    @Test("call_at is the earliest allowed minute: never before now when due, in hours, outside busy windows")
    func callAtIsEarliestAllowedMinute() async {
        await propertyCheck(count: 400, input: History.generator) { history in
            let engine = FollowUpEngine(settings: history.settings)
            for now in [history.now, history.later] {
                let result = engine.assess(history.application, now: now)
                // A waiting or due state with a number has a call time, or says why none.
                let hasPhone = history.interview.phone != nil
                let expectsCall = hasPhone && progress(result.state) != nil && result.state != .noNumber
                let answered = result.callAt != nil || result.noCallTime != nil
                let both = result.callAt != nil && result.noCallTime != nil
                #expect(answered == expectsCall, "\(result.state) \(history)")
                #expect(!both)
                guard let callAt = result.callAt else { continue }
                let last = history.interview.calls.max { ($0.at, $0.id) < ($1.at, $1.id) }
                if result.state.isCallToday || result.state == .callbackScheduled {
                    #expect(callAt >= now, "\(history)")
                }
                if let callback = last?.callbackAt, callAt == callback { continue }  // the interviewer's choice
                #expect(isCallable(callAt, history), "\(result.state) \(iso(callAt, history.zone)!) \(history)")
                let start = result.state.isCallToday ? now : result.dueFrom!.start(in: history.zone)
                #expect(callAt >= start)
                // Not one earlier whole minute since the start qualifies: the last, and a sample.
                var earlier = [callAt.addingTimeInterval(-60)]
                let span = callAt.timeIntervalSince(start) / 60
                if span >= 2 {
                    // Spread evenly, so that a failure replays from the property's own seed.
                    earlier += (1...20).map { step in
                        callAt.addingTimeInterval(-60 * Double(max(1, Int(span) * step / 20)))
                    }
                }
                for minute in earlier where minute >= start {
                    #expect(!isCallable(minute, history), "\(iso(minute, history.zone)!) \(history)")
                }
            }
        }
    }

    @Test("due_from ≤ due_by, both or neither, and the window counts business days on the interviewer's calendar")
    func windowIsConsistent() async {
        await propertyCheck(count: 400, input: History.generator) { history in
            let result = FollowUpEngine(settings: history.settings).assess(history.application, now: history.now)
            #expect((result.dueFrom == nil) == (result.dueBy == nil))
            if let from = result.dueFrom, let by = result.dueBy { #expect(from <= by) }
            guard history.interview.calls.isEmpty, let from = result.dueFrom, let by = result.dueBy else { return }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = history.zone
            let held = CalendarDate.containing(history.interview.heldAt, in: history.zone)
            let anchor = max(held, history.interview.decisionBy ?? held)
            let table = history.settings.usesPublicHolidays ? history.interview.publicHolidays : nil
            func isHoliday(_ date: CalendarDate) -> Bool {
                history.settings.holidays.contains(date) || table?.contains(date) == true
            }
            func businessDays(through date: CalendarDate) -> Int {
                (1...anchor.days(to: date)).count { offset in
                    let moment = calendar.date(byAdding: .day, value: offset, to: anchor.start(in: history.zone))!
                    let weekday = calendar.component(.weekday, from: moment)
                    return weekday != 1 && weekday != 7 && !isHoliday(CalendarDate.containing(moment, in: history.zone))
                }
            }
            #expect(businessDays(through: from) == 2 && businessDays(through: by) == 3, "\(history)")
            #expect(!isHoliday(from) && from.weekday.isWeekend == false)
        }
    }

    @Test("with max_attempts unanswered tries and no later callback, an application is never due")
    func triedEnoughIsNeverDue() async {
        await propertyCheck(count: 400, input: History.generator) { history in
            let result = FollowUpEngine(settings: history.settings).assess(history.application, now: history.now)
            let last = history.interview.calls.max { ($0.at, $0.id) < ($1.at, $1.id) }
            #expect(result.unansweredAttempts == roundCalls(history.interview.calls).count { $0.outcome.isUnanswered })
            if result.unansweredAttempts >= history.settings.maxAttempts, last?.callbackAt == nil {
                #expect(!result.state.isCallToday && result.state != .noNumber, "\(history)")
                #expect(result.callAt == nil)
            }
        }
    }

    @Test("moving now forward with no new event never moves a state backwards")
    func statesOnlyMoveForward() async {
        await propertyCheck(count: 400, input: History.generator) { history in
            let engine = FollowUpEngine(settings: history.settings)
            let before = engine.assess(history.application, now: history.now)
            let after = engine.assess(history.application, now: history.later)
            if let early = progress(before.state) {
                let late = try #require(progress(after.state), "\(before.state) → \(after.state) \(history)")
                #expect(early <= late, "\(before.state) → \(after.state) \(history)")
                #expect(before.dueFrom == after.dueFrom && before.dueBy == after.dueBy)
            } else if before.state == .followedUp || before.state == .triedTwice {
                // Nothing heard for long enough: it goes quiet, and never comes back.
                #expect(after.state == before.state || after.state == .goneQuiet, "\(history)")
            } else {
                #expect(before.state == after.state, "\(history)")
            }
            // A thank-you note, once no longer due, does not become due again.
            if !before.thankYouDue && history.interview.heldAt <= history.now { #expect(!after.thankYouDue) }
        }
    }

    @Test("the nth business day after a date agrees with a day-by-day walk, holidays of both kinds skipped")
    func businessDaysAgreeWithDayWalk() async {
        let offsets = Gen.int(in: 0...25).array(of: 0...6)
        let input = zip(Gen.int(in: 0...1000), Gen.int(in: 1...15), offsets, offsets, Gen.bool)
        await propertyCheck(count: 300, input: input) { start, n, ownOffsets, tableOffsets, usesTable in
            let date = CalendarDate(year: 2026, month: 1, day: 1)!.adding(days: start)
            let own = Set(ownOffsets.map { date.adding(days: $0) })
            let table = PublicHolidays(
                country: "ZZ",
                holidays: Dictionary(
                    tableOffsets.map { (date.adding(days: $0), "Holiday") }, uniquingKeysWith: { first, _ in first }))
            let settings = try! FollowUpSettings(holidays: own, timeZone: newYork, usesPublicHolidays: usesTable)
            let calendar = BusinessCalendar(settings: settings)
            // The oracle: step one day at a time with Foundation, counting weekdays that
            // are on neither list.
            var foundation = Calendar(identifier: .gregorian)
            foundation.timeZone = TimeZone(identifier: "UTC")!
            var moment = date.start(in: foundation.timeZone)
            var counted = 0
            var walked = date
            while counted < n {
                moment = foundation.date(byAdding: .day, value: 1, to: moment)!
                walked = CalendarDate.containing(moment, in: foundation.timeZone)
                let weekday = foundation.component(.weekday, from: moment)
                let holiday = own.contains(walked) || (usesTable && table.contains(walked))
                if weekday != 1 && weekday != 7 && !holiday { counted += 1 }
            }
            #expect(
                calendar.businessDay(n, after: date, publicHolidays: table) == walked,
                "\(date) n \(n) own \(own.map(\.iso).sorted()) table \(usesTable)")
            #expect(calendar.isBusinessDay(walked, publicHolidays: table))
        }
    }

    @Test("the call search agrees with a minute-by-minute walk over three days, on both clocks")
    func callSearchAgreesWithMinuteWalk() async {
        let horizon = 3
        // Random business hours too, so that their edges fall anywhere in the day.
        // Two starts in three begin up to two days before a daylight-saving change of
        // either clock, with odd seconds, where the arithmetic of the two clocks is most
        // likely to slip.
        let input = zip(
            History.generator, Gen.int(in: 0..<40), Gen.int(in: 1...24), Gen.int(in: 0..<3),
            Gen.int(in: 0..<172_800))
        await propertyCheck(count: 150, input: input) { history, startHalfHour, halfHours, aim, before in
            let hours = window(clock(startHalfHour * 30) + "-" + clock(min(1440, (startHalfHour + halfHours) * 30)))
            let base = history.settings
            let settings = try! FollowUpSettings(
                businessHours: hours, afterHours: base.afterHours, holidays: base.holidays,
                timeZone: base.timeZone, myHours: base.myHours,
                usesPublicHolidays: base.usesPublicHolidays)
            let interview = history.interview
            let changing = aim == 1 ? interview.timeZone : settings.timeZone
            let change = aim == 0 ? nil : changing.nextDaylightSavingTimeTransition(after: history.now)
            let start = change.map { $0.addingTimeInterval(-Double(before)) } ?? history.now
            let found = BusinessCalendar(settings: settings)
                .earliestCallMinute(
                    atOrAfter: start, in: interview.timeZone, afterHoursOK: interview.afterHoursOK,
                    busy: interview.busy, publicHolidays: interview.publicHolidays,
                    myHours: settings.myHours, horizonDays: horizon)
            // The oracle: every whole minute from `start` rounded up, for three days.
            let first = (start.timeIntervalSince1970 / 60).rounded(.up) * 60
            let deadline = start.timeIntervalSince1970.rounded(.down) + Double(horizon * 86_400)
            var walked: Date?
            var minute = first
            while minute < deadline {
                let candidate = Date(timeIntervalSince1970: minute)
                if isCallable(
                    candidate, settings: settings, zone: interview.timeZone,
                    afterHoursOK: interview.afterHoursOK, busy: interview.busy,
                    publicHolidays: interview.publicHolidays)
                {
                    walked = candidate
                    break
                }
                minute += 60
            }
            let report =
                "hours \(hours) found \(iso(found, history.zone) ?? "none") "
                + "walked \(iso(walked, history.zone) ?? "none") \(history)"
            #expect(found == walked, "\(report)")
        }
    }

    @Test("dates, weekdays and midnights agree with Foundation's calendar in every zone")
    func datesAgreeWithFoundation() async {
        // From 1950: earlier, some zones' offsets are not whole minutes (Santiago until 1910).
        let input = zip(Gen.double(in: -631_152_000...4_000_000_000), Gen.int(in: 0..<History.zones.count))
        await propertyCheck(count: 1000, input: input) { seconds, zoneIndex in
            let zone = History.zones[zoneIndex]
            let moment = Date(timeIntervalSince1970: seconds)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: moment)
            let date = CalendarDate.containing(moment, in: zone)
            #expect(date == CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!))
            #expect(date.weekday.rawValue == (parts.weekday! + 5) % 7 + 1)
            #expect(date.start(in: zone) == calendar.startOfDay(for: moment), "\(zone.identifier) \(date)")
            let text = TimeText.iso8601(moment, in: zone)
            #expect(ISO8601DateFormatter().date(from: text) == Date(timeIntervalSince1970: seconds.rounded(.down)))
            let shifted = date.adding(days: 1000)
            let oracle = calendar.dateComponents(
                [.year, .month, .day],
                from: calendar.date(byAdding: .day, value: 1000, to: moment)!)
            #expect(shifted == CalendarDate(year: oracle.year!, month: oracle.month!, day: oracle.day!))
        }
    }
}
