import Foundation
import PropertyBased
import Testing
import FollowUp

/// A random history: one or two interviews in a zone with daylight saving (or an odd
/// offset), random settings, attempts after the latest interview, and two instants
/// after the last event, `now` ≤ `later`.
struct History: Sendable, CustomStringConvertible {
    let settings: FollowUpSettings
    let application: ApplicationFacts
    let now: Date
    let later: Date

    var interview: InterviewFacts { application.interviews.max { ($0.heldAt, $0.id) < ($1.heldAt, $1.id) }! }
    var zone: TimeZone { interview.timeZone }

    var description: String {
        let calls = interview.calls.map { "\($0.outcome.rawValue)@\(iso($0.at, zone)!)"
            + ($0.callbackAt.map { "→\(iso($0, zone)!)" } ?? "") }
        return "zone \(zone.identifier) held \(iso(interview.heldAt, zone)!) decision \(interview.decisionBy?.iso ?? "-") "
            + "phone \(interview.phone != nil) afterHours \(interview.afterHoursOK) busy \(interview.busy) "
            + "calls \(calls) holidays \(settings.holidays.map(\.iso).sorted()) max \(settings.maxAttempts) "
            + "now \(iso(now, zone)!) later \(iso(later, zone)!)"
    }

    static let zones = ["America/New_York", "Europe/London", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata",
                        "America/Santiago", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"]
        .map { TimeZone(identifier: $0)! }

    static let generator = Generator<History, Shrink.None<History>> { rng in
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
        func seconds(upTo days: Int) -> TimeInterval { Double.random(in: 0..<Double(days * 86_400), using: &rng) }

        let zone = zones.randomElement(using: &rng)!
        // 2026 and 2027, so every daylight-saving change of both years is in reach.
        let heldAt = Date(timeIntervalSince1970: Double.random(in: 1_767_225_600..<1_830_297_600, using: &rng))
        let held = CalendarDate.containing(heldAt, in: zone)
        let decision = chance(30) ? held.adding(days: Int.random(in: -2...10, using: &rng)) : nil
        let busy: [DailyWindow] = (0..<Int.random(in: 0...2, using: &rng)).map { _ in
            let start = Int.random(in: 0..<92, using: &rng) * 15
            let end = min(1440, start + Int.random(in: 1...16, using: &rng) * 15)
            return window(clock(start) + "-" + clock(end))
        }
        var calls: [CallFacts] = []
        var last = heldAt
        for id in 0..<Int.random(in: 0...4, using: &rng) {
            last = last.addingTimeInterval(3600 + seconds(upTo: 3))
            let outcome = CallOutcome.allCases.randomElement(using: &rng)!
            let wantsCallback = outcome == .badTime || (outcome == .reached && chance(30))
            let callback = wantsCallback ? last.addingTimeInterval(3600 + seconds(upTo: 4)) : nil
            calls.append(CallFacts(id: Int64(id), at: last, outcome: outcome, callbackAt: callback))
        }
        let interview = InterviewFacts(id: 2, heldAt: heldAt, timeZone: zone, phone: chance(85) ? "555" : nil,
                                       decisionBy: decision, afterHoursOK: chance(25), busy: busy,
                                       calls: calls.shuffled(using: &rng))
        // An earlier round, whose attempts must not count.
        let earlier = InterviewFacts(id: 1, heldAt: heldAt.addingTimeInterval(-seconds(upTo: 30) - 1), timeZone: zone,
                                     phone: "555", calls: [CallFacts(id: 9, at: heldAt.addingTimeInterval(-1),
                                                                     outcome: .voicemail)])
        let holidays = Set((0..<Int.random(in: 0...4, using: &rng)).map { _ in
            held.adding(days: Int.random(in: 0...20, using: &rng))
        })
        let settings = try! FollowUpSettings(holidays: holidays, maxAttempts: Int.random(in: 1...3, using: &rng),
                                             timeZone: newYork)
        let now = last.addingTimeInterval(seconds(upTo: 20))
        return History(settings: settings,
                       application: ApplicationFacts(id: 1, interviews: chance(50) ? [interview, earlier] : [interview]),
                       now: now, later: now.addingTimeInterval(seconds(upTo: 20)))
    }
}

/// "HH:MM" for minutes after midnight.
func clock(_ minutes: Int) -> String {
    String(format: "%02d:%02d", minutes / 60, minutes % 60)
}

/// An independent judge of "may I call at this minute", built on Foundation's
/// `Calendar` rather than the engine's arithmetic.
func isCallable(_ instant: Date, _ history: History) -> Bool {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = history.zone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: instant)
    let minute = parts.hour! * 60 + parts.minute!
    let date = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    let businessDay = parts.weekday! != 1 && parts.weekday! != 7 && !history.settings.holidays.contains(date)
    let inHours = history.interview.afterHoursOK
        ? history.settings.afterHours.contains(minute: minute)
        : businessDay && history.settings.businessHours.contains(minute: minute)
    return inHours && !history.interview.busy.contains { $0.contains(minute: minute) }
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
                // Busy windows here leave part of every day free, so a call always has a minute.
                let expectsCall = progress(result.state) != nil && result.state != .noNumber
                #expect((result.callAt != nil) == expectsCall, "\(result.state) \(history)")
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
                    earlier += (1...20).map { step in callAt.addingTimeInterval(-60 * Double(max(1, Int(span) * step / 20))) }
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
            func businessDays(through date: CalendarDate) -> Int {
                (1...anchor.days(to: date)).count { offset in
                    let moment = calendar.date(byAdding: .day, value: offset, to: anchor.start(in: history.zone))!
                    let weekday = calendar.component(.weekday, from: moment)
                    return weekday != 1 && weekday != 7
                        && !history.settings.holidays.contains(CalendarDate.containing(moment, in: history.zone))
                }
            }
            #expect(businessDays(through: from) == 2 && businessDays(through: by) == 3, "\(history)")
            #expect(history.settings.holidays.contains(from) == false && from.weekday.isWeekend == false)
        }
    }

    @Test("with max_attempts unanswered tries and no later callback, an application is never due")
    func triedEnoughIsNeverDue() async {
        await propertyCheck(count: 400, input: History.generator) { history in
            let result = FollowUpEngine(settings: history.settings).assess(history.application, now: history.now)
            let last = history.interview.calls.max { ($0.at, $0.id) < ($1.at, $1.id) }
            #expect(result.unansweredAttempts == history.interview.calls.count { $0.outcome.isUnanswered })
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
            } else {
                #expect(before.state == after.state, "\(history)")
            }
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
            let oracle = calendar.dateComponents([.year, .month, .day],
                                                 from: calendar.date(byAdding: .day, value: 1000, to: moment)!)
            #expect(shifted == CalendarDate(year: oracle.year!, month: oracle.month!, day: oracle.day!))
        }
    }
}
