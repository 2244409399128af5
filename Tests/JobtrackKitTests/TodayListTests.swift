import FollowUp
import Foundation
import JobStore
import PropertyBased
import Testing

@testable import JobtrackKit

// `today` keeps only what it lists while it walks the applications; `agenda` keeps them
// all. Both must say the same of every application (docs/commands.md §3.6).

@Suite("today's lists, against the whole agenda")
struct TodayListTests {
    private static let zones = ["America/New_York", "Europe/London", "Australia/Sydney", "America/Los_Angeles"]
        .map { TimeZone(identifier: $0)! }

    /// Applications in every stage, logged through the use cases over three weeks of November.
    private func records(seed: UInt64) throws -> KitFixture {
        var random = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, seed &* 0x2545_F491_4F6C_DD1D))
        let fixture = try KitFixture()
        var (logged, refused) = (0, 0)
        for index in 0..<40 {
            let tracker = try fixture.tracker(at: "2026-11-02 09:00")
            let id = try tracker.add(NewApplication(company: "Company \(index)", role: "Engineer")).application.id
            guard Int.random(in: 0..<10, using: &random) > 0 else { continue }
            let day = Int.random(in: 3...25, using: &random)
            let held = String(format: "2026-11-%02d 10:00", day)
            let later = try fixture.tracker(at: String(format: "2026-11-%02d 12:00", day))
            let phone = Int.random(in: 0..<6, using: &random) == 0 ? nil : "+1 212 555 0100"
            _ = try later.logInterview(
                id,
                NewInterview(
                    at: try #require(DateTimeInput(held)), interviewer: "Dana", phone: phone,
                    timeZone: Self.zones.randomElement(using: &random)))
            if Bool.random(using: &random) { _ = try later.thanks(id) }
            for attempt in 0..<Int.random(in: 0...2, using: &random) {
                let callDay = day + 3 + attempt
                guard callDay <= 27 else { break }
                let caller = try fixture.tracker(at: String(format: "2026-11-%02d 23:00", callDay))
                let outcome: CallAttempt.Outcome = [.voicemail, .noAnswer, .reached].randomElement(using: &random)!
                let at = try MendingTests.at(String(format: "2026-11-%02d 11:00", callDay))
                // An interviewer who gave no number cannot be called (the letters list
                // needs such applications); any other refusal is a failure.
                do {
                    _ = try caller.logCall(id, NewCall(outcome: outcome, at: at))
                    logged += 1
                } catch Refusal.noPhone where phone == nil {
                    refused += 1
                }
            }
            if Int.random(in: 0..<8, using: &random) == 0 { _ = try later.setStatus(id, to: .rejected) }
        }
        // The calls are what the comparison is about: enough of them, each one stored.
        let stored = try fixture.tracker(at: "2026-11-28 09:00").applications()
            .flatMap(\.history.interviews).flatMap(\.calls).count
        #expect(stored == logged, "seed \(seed): \(logged) calls logged, \(stored) stored")
        #expect(logged >= 15, "seed \(seed): only \(logged) calls logged, \(refused) refused for want of a number")
        return fixture
    }

    @Test("today lists exactly what the agenda's entries give, in the same order", arguments: [1, 2, 3])
    func sameAsAgenda(seed: UInt64) throws {
        let fixture = try records(seed: seed)
        // Each list is met at least once, so that the comparison compares something.
        var listed = (calls: 0, letters: 0, notes: 0)
        for now in ["2026-11-24 16:00", "2026-11-26 09:00", "2026-11-30 10:30", "2026-12-02 15:00", "2026-12-24 09:00"]
        {
            let tracker = try fixture.tracker(at: now)
            let list = try tracker.today()
            let entries = try tracker.agenda()
            let ids = { (entries: [AgendaEntry]) in entries.map(\.application.id) }
            #expect(ids(list.calls) == ids(entries.callsToday), "calls at \(now)")
            let userToday = tracker.today(in: tracker.userZone)
            let laterToday = entries.filter { $0.assessment.comesDue(on: userToday, in: tracker.userZone) }
            #expect(ids(list.laterToday) == ids(laterToday), "later today at \(now)")
            #expect(ids(list.letters) == ids(entries.filter { $0.assessment.state == .noNumber }), "letters at \(now)")
            #expect(ids(list.thankYouNotes) == ids(entries.thankYouNotes), "notes at \(now)")
            #expect(list.counts == Dictionary(grouping: entries, by: \.assessment.state).mapValues(\.count))
            #expect(list.calls.map(\.assessment.reason) == entries.callsToday.map(\.assessment.reason))
            listed = (
                listed.calls + list.calls.count, listed.letters + list.letters.count,
                listed.notes + list.thankYouNotes.count
            )
        }
        #expect(listed.calls > 0 && listed.letters > 0 && listed.notes > 0, "\(listed)")
    }
}

@Suite("the report's agenda, against the whole agenda")
struct ReportAgendaTests {
    /// The ids listed under each state's heading on the page, in order, with the count
    /// the heading gives.
    private func listed(on page: String) throws -> [String: (count: Int, ids: [Int64])] {
        let heading = try NSRegularExpression(
            pattern: #"<h3>([^<(]+) \((\d+)\)</h3>\n<ul class="agenda">\n(.*?)</ul>"#,
            options: .dotMatchesLineSeparators)
        let id = try NSRegularExpression(pattern: #"<span class="id">#(\d+)</span>"#)
        var groups: [String: (count: Int, ids: [Int64])] = [:]
        for match in heading.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            let part = { (index: Int) in String(page[Range(match.range(at: index), in: page)!]) }
            let items = part(3)
            let ids = id.matches(in: items, range: NSRange(items.startIndex..., in: items)).map {
                Int64(items[Range($0.range(at: 1), in: items)!])!
            }
            groups[part(1)] = (Int(part(2))!, ids)
        }
        return groups
    }

    @Test("each state shows its count and its first 40 entries, in the agenda's order (today's for calls)")
    func firstOfEachState() throws {
        let fixture = try KitFixture()
        let adding = try fixture.tracker(at: "2026-11-16 08:00")
        // Forty-five calls due on Tue Dec 1 (interviewed Fri Nov 27), forty-five callbacks
        // booked at times in no order of their ids, and a few applications never
        // interviewed: two states hold more than the page shows.
        for index in 0..<95 {
            let id = try adding.add(NewApplication(company: "Company \(index)", role: "Engineer")).application.id
            guard index < 90 else { continue }
            let held = index < 45 ? "2026-11-27 10:\(10 + index % 40)" : "2026-11-23 10:00"
            _ = try fixture.tracker(at: "2026-11-27 20:00").logInterview(
                id, NewInterview(at: try #require(DateTimeInput(held)), interviewer: "Dana", phone: "+1 212 555 0100"))
            guard index >= 45 else { continue }
            let order = index * 17 % 45
            let callback = String(format: "2026-12-%02d %02d:00", 2 + order % 3, 9 + order % 8)
            _ = try fixture.tracker(at: "2026-11-27 20:30").logCall(
                id,
                NewCall(
                    outcome: .badTime, at: try MendingTests.at("2026-11-27 20:00"),
                    callbackAt: try MendingTests.at(callback)))
        }
        let tracker = try fixture.tracker(at: "2026-12-01 09:00")
        let groups = try listed(on: try tracker.reportPage().html)
        let entries = try tracker.agenda()
        var capped = 0
        for state in FollowUpState.agendaGroups {
            let members =
                state.isCallToday
                ? entries.callsToday.filter { $0.assessment.state == state }
                : entries.filter { $0.assessment.state == state }
            guard !members.isEmpty else {
                #expect(groups[state.heading] == nil)
                continue
            }
            let group = try #require(groups[state.heading], "no heading for \(state)")
            #expect(group.count == members.count, "\(state)")
            #expect(group.ids == members.prefix(40).map(\.application.id), "\(state)")
            if members.count > 40 { capped += 1 }
        }
        #expect(capped == 2, "the states that hold more than the page shows: \(capped)")
    }
}

@Suite("calls that come due later today on the user's clock")
struct LaterTodayTests {
    /// A user in Tokyo; #1 interviewed in London Mon Dec 21 14:00 their time by Alice,
    /// who gave a number; #2 likewise but given no number.
    private func tokyoUser() throws -> KitFixture {
        let fixture = try KitFixture()
        try SettingsBook(path: fixture.path, clock: Date(timeIntervalSince1970: 1_795_000_000))
            .set(.timezone, to: "Asia/Tokyo")
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let setup = try fixture.tracker(at: "2026-12-21 23:30")
        for (company, phone) in [("Acme", "+44 20 7946 0100"), ("Bolt", nil)] {
            let id = try setup.add(NewApplication(company: company, role: "Engineer")).application.id
            _ = try setup.logInterview(
                id,
                NewInterview(
                    at: try #require(DateTimeInput("2026-12-21 14:00 their")), interviewer: "Alice", phone: phone,
                    timeZone: london))
        }
        return fixture
    }

    @Test("east of the interviewer, the morning list holds the call of the evening, not yet due on their calendar")
    func firstCallOfTheEvening() throws {
        let fixture = try tokyoUser()
        // 08:00 in Tokyo is 23:00 the day before in London: still too soon there.
        let morning = try fixture.tracker(at: "2026-12-23 08:00").today()
        #expect(morning.calls.isEmpty)
        #expect(morning.laterToday.map(\.application.id) == [1])
        #expect(morning.laterToday.first?.assessment.state == .tooSoon)
        // A letter is not a call: it is listed once due on their calendar, as a letter.
        #expect(morning.letters.isEmpty)
        // The day before, the call is two days away on the user's calendar: not listed.
        #expect(try fixture.tracker(at: "2026-12-22 08:00").today().laterToday.isEmpty)
        // Once their day has begun it is a call of the day like any other.
        let evening = try fixture.tracker(at: "2026-12-23 19:00").today()
        #expect(evening.calls.map(\.application.id) == [1] && evening.laterToday.isEmpty)
        #expect(evening.letters.map(\.application.id) == [2])
    }

    @Test("a callback they booked for this evening on the user's clock is listed in the morning")
    func callbackOfTheEvening() throws {
        let fixture = try tokyoUser()
        _ = try fixture.tracker(at: "2026-12-23 19:30").logCall(
            1,
            NewCall(
                outcome: .badTime, at: try MendingTests.at("2026-12-23 19:00"),
                callbackAt: try MendingTests.at("2026-12-24 11:00 their")))
        // 08:00 in Tokyo is 23:00 the day before in London; the callback is at 20:00 Tokyo time.
        let morning = try fixture.tracker(at: "2026-12-24 08:00").today()
        #expect(morning.laterToday.map(\.application.id) == [1])
        #expect(morning.laterToday.first?.assessment.state == .callbackScheduled)
        #expect(try fixture.tracker(at: "2026-12-24 19:30").today().calls.map(\.application.id) == [1])
    }
}
