import FollowUp
import Foundation
import JobStore

/// An application's history together with what the rules say about it at *now*.
public struct AgendaEntry: Sendable {
    public let history: ApplicationHistory
    public let assessment: Assessment

    public var application: Application { history.application }

    /// The interview the assessment speaks of: the latest one, as the rules decide it
    /// (by held_at, then as logged), so calls and scripts follow the same interview.
    public var interview: Interview? {
        interviewIndex.map { history.interviews[$0].interview }
    }

    /// The zone name of `interview`, read without copying the whole interview: the
    /// agenda's JSON writes it for thousands of entries.
    public var interviewZoneName: String? {
        interviewIndex.map { history.interviews[$0].interview.tz }
    }

    private var interviewIndex: Int? {
        guard let id = assessment.interviewID else { return nil }
        return history.interviews.firstIndex { $0.interview.id == id }
    }
}

/// Turns store rows into the engine's facts, checking each stored value once: a value
/// the rules cannot read (a zone this machine does not know, a malformed date or busy
/// window) is an error naming its row, never a silent default. Each zone name and each
/// country's holidays are looked up once, however many interviews share them.
struct FactsMapper {
    let zones: ZoneCache
    let holidays: HolidayCache
    let busyWindows: BusyWindowCache
    /// The user's zone, whose country's holidays count for an application with no interview.
    let userZone: TimeZone
    /// The holidays of the user's country, looked up once rather than per application.
    let userHolidays: PublicHolidays?
    private let places = PlaceCache()

    init(zones: ZoneCache, holidays: HolidayCache, busyWindows: BusyWindowCache, userZone: TimeZone) {
        self.zones = zones
        self.holidays = holidays
        self.busyWindows = busyWindows
        self.userZone = userZone
        self.userHolidays = holidays.table(country: nil, zone: userZone.identifier)
    }

    func zone(named name: String, interview id: Int64) throws -> TimeZone {
        guard let zone = zones.zone(named: name) else {
            throw Refusal.badStoredValue(row: "interview \(id)", column: "tz", value: name)
        }
        return zone
    }

    /// An interview's zone and the public holidays that count for it, from one table
    /// keyed by both spellings rather than by name in two: thousands of interviews share
    /// a few zones (Benchmarks/NOTES.md, round four).
    private func place(of interview: Interview) throws -> InterviewPlace {
        let key = PlaceKey(tz: interview.tz, country: interview.country)
        if let known = places.byKey[key] { return known }
        let place = InterviewPlace(
            zone: try zone(named: interview.tz, interview: interview.id),
            holidays: holidays.table(country: interview.country, zone: interview.tz))
        places.byKey[key] = place
        return place
    }

    /// `row` is worded only when the value is bad: most rows never need it.
    private func date(_ text: String, row: @autoclosure () -> String, column: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw Refusal.badStoredValue(row: row(), column: column, value: text)
        }
        return date
    }

    func facts(for history: ApplicationHistory) throws -> ApplicationFacts {
        let application = history.application
        return ApplicationFacts(
            id: application.id,
            isClosed: application.status.isClosed,
            interviews: try history.interviews.map { item in
                let interview = item.interview
                let row = { "interview \(interview.id)" }
                let place = try self.place(of: interview)
                return InterviewFacts(
                    id: interview.id, heldAt: interview.heldAt,
                    timeZone: place.zone,
                    interviewer: interview.interviewer, phone: interview.phone,
                    decisionBy: try interview.decisionBy.map { try date($0, row: row(), column: "decision_by") },
                    afterHoursOK: interview.afterHoursOK,
                    busy: try interview.busy.map { text in
                        guard let window = busyWindows.window(text) else {
                            throw Refusal.badStoredValue(row: row(), column: "busy", value: text)
                        }
                        return window
                    },
                    calls: try item.calls.map { call in
                        CallFacts(
                            id: call.id, at: call.at, outcome: CallOutcome(call.outcome), callbackAt: call.callbackAt,
                            decisionBy: try call.decisionBy.map {
                                try date($0, row: "call \(call.id)", column: "decision_by")
                            })
                    },
                    publicHolidays: place.holidays,
                    thankedAt: interview.thankedAt)
            },
            appliedOn: try date(application.appliedOn, row: "application \(application.id)", column: "applied_on"),
            isApplied: application.status == .applied,
            publicHolidays: userHolidays)
    }
}

/// Where an interview was held, as the rules need it.
struct InterviewPlace {
    let zone: TimeZone
    let holidays: PublicHolidays?
}

/// An interview's zone and country as stored: the country, when given, picks the holidays.
struct PlaceKey: Hashable {
    let tz: String
    let country: String?
}

/// The places met in one run, filled as interviews are mapped.
final class PlaceCache: @unchecked Sendable {
    var byKey: [PlaceKey: InterviewPlace] = [:]
}

/// Each country's public holidays, loaded from the generated table once per run and
/// only for the countries met (docs/rules.md §2.1); none at all with
/// `public_holidays off`.
final class HolidayCache: @unchecked Sendable {
    private let enabled: Bool
    private var byKey: [String: PublicHolidays?] = [:]

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// The holidays of `country`, else of the country the zone database gives `zone`.
    func table(country: String?, zone: String) -> PublicHolidays? {
        guard enabled else { return nil }
        let key = country ?? zone
        if let known = byKey[key] { return known }
        let table = (country ?? PublicHolidays.country(forZone: zone)).flatMap(PublicHolidays.load(country:))
        byKey[key] = table
        return table
    }
}

/// Busy windows as stored, each spelling parsed once per run: an agenda reads the same
/// few spellings on many interviews, and parsing one costs more than assessing.
final class BusyWindowCache: @unchecked Sendable {
    private var byText: [String: BusyWindow?] = [:]

    func window(_ text: String) -> BusyWindow? {
        if let known = byText[text] { return known }
        let window = BusyWindow(text)
        byText[text] = window
        return window
    }
}

extension CallOutcome {
    /// The store's outcome as the rules name it: every stored outcome has one.
    init(_ outcome: CallAttempt.Outcome) {
        switch outcome {
        case .reached: self = .reached
        case .voicemail: self = .voicemail
        case .noAnswer: self = .noAnswer
        case .badTime: self = .badTime
        case .wrote: self = .wrote
        }
    }
}

extension Tracker {
    var mapper: FactsMapper {
        FactsMapper(zones: zones, holidays: holidays, busyWindows: BusyWindowCache(), userZone: userZone)
    }

    /// Assesses each history at *now*, in agenda order (by call_at, then id).
    func assess(_ histories: [ApplicationHistory]) throws -> [AgendaEntry] {
        let engine = engine
        let mapper = mapper
        let assessments = try histories.map { engine.assess(try mapper.facts(for: $0), now: now) }
        // Entries are made once, already in order: each carries a whole history.
        let keys = assessments.map(\.agendaKey)
        return histories.indices.sorted { keys[$0] < keys[$1] }.map {
            AgendaEntry(history: histories[$0], assessment: assessments[$0])
        }
    }

    /// One application as it stands now.
    public func entry(for id: Int64) throws -> AgendaEntry {
        let history = try repository.history(of: id)
        return AgendaEntry(history: history, assessment: engine.assess(try mapper.facts(for: history), now: now))
    }

    /// Every open application (`all`: every application), by call_at then id.
    public func agenda(all: Bool = false) throws -> [AgendaEntry] {
        try assess(try repository.followUpHistories(all ? .all : .open))
    }

    /// Calls of the day as `today` and the report list them (docs/commands.md §3.6):
    /// those whose call_at falls today on the user's clock, in their order, and apart
    /// the due ones that wait for a later day or have no time to call.
    public func splitByDay(_ calls: [AgendaEntry]) -> (today: [AgendaEntry], later: [AgendaEntry]) {
        let today = today(in: userZone)
        var callsToday: [AgendaEntry] = []
        var later: [AgendaEntry] = []
        for entry in calls {
            if let callAt = entry.assessment.callAt, CalendarDate.containing(callAt, in: userZone) == today {
                callsToday.append(entry)
            } else {
                later.append(entry)
            }
        }
        return (callsToday, later)
    }

    /// Why a call that is due waits for a later day than today on the user's calendar
    /// (docs/commands.md §3.6): the time they asked for, the user's own hours, their
    /// weekend, a public holiday (named), a holiday of the user's list, their busy
    /// windows, or their hours being over or not yet begun. Nil when the call is today,
    /// or there is no call.
    public func delay(of entry: AgendaEntry) -> String? {
        let assessment = entry.assessment
        guard assessment.state.isCallToday, let callAt = assessment.callAt, let zone = assessment.timeZone,
            CalendarDate.containing(callAt, in: userZone) != today(in: userZone)
        else { return nil }
        if case .callback(_, _, let asked, true, _) = assessment.rule, asked == callAt {
            return "that is the time they asked for"
        }
        // A limit is the reason only when the call would be today without it: before your
        // day begins, theirs may already be over.
        if callsToday(entry, withoutBusy: false) { return "their hours left today are outside yours (my_hours)" }
        if callsToday(entry, withoutBusy: true) { return "they are busy for the rest of today (their busy windows)" }
        let theirToday = today(in: zone)
        let theirs = TimeText.clocksAgree(zone, userZone, at: now) ? "" : " on their calendar"
        let table = entry.interview.flatMap { holidays.table(country: $0.country, zone: $0.tz) }
        if let name = table?.name(on: theirToday) { return "\(theirToday.shortText) is \(name)\(theirs)" }
        if theirToday.weekday.isWeekend { return "it is the weekend\(theirs)" }
        if settings.holidays.contains(theirToday) { return "\(theirToday.shortText) is one of your holidays" }
        let hours = entry.interview?.afterHoursOK == true ? settings.afterHours : settings.businessHours
        if TimeText.minuteOfDay(now, in: zone) < hours.start { return "their hours begin after your day ends" }
        // Over for today; a call days away has a weekend or holidays in between, named.
        let callDay = CalendarDate.containing(callAt, in: zone)
        let between = (1..<max(1, theirToday.days(to: callDay))).map { theirToday.adding(days: $0) }
        let skipped = between.compactMap { day in table?.name(on: day).map { "\(day.shortText) is \($0)" } }
        let weekend = between.contains { $0.weekday.isWeekend } ? ["the weekend"] : []
        let after = weekend + skipped
        return "their hours are over for today" + (after.isEmpty ? "" : ", then " + after.joined(separator: "; "))
    }

    /// Whether `entry`'s call would fall today on the user's calendar with `my_hours`
    /// as `any`, and with `withoutBusy` without the interviewer's busy windows as well.
    private func callsToday(_ entry: AgendaEntry, withoutBusy: Bool) -> Bool {
        // With `my_hours any` and the busy windows kept, nothing is lifted: the call is the one assessed.
        if case .any = settings.myHours, !withoutBusy { return false }
        guard var facts = try? mapper.facts(for: entry.history) else { return false }
        if withoutBusy {
            guard facts.interviews.contains(where: { !$0.busy.isEmpty }) else { return false }
            for index in facts.interviews.indices { facts.interviews[index].busy = [] }
        }
        let engine = FollowUpEngine(settings: settings.withMyHours(.any))
        guard let callAt = engine.assess(facts, now: now).callAt else { return false }
        return CalendarDate.containing(callAt, in: userZone) == today(in: userZone)
    }

    /// What `today` lists (docs/commands.md §3.6). Only the entries it lists are kept,
    /// each application's history dropped once assessed otherwise: at 100,000
    /// applications most are waiting on something, and holding them all was most of the
    /// command's memory.
    public func today() throws -> TodayList {
        var calls: [AgendaEntry] = []
        var laterToday: [AgendaEntry] = []
        var letters: [AgendaEntry] = []
        var notes: [AgendaEntry] = []
        var counts: [FollowUpState: Int] = [:]
        let userToday = today(in: userZone)
        try forEachOpenEntry { entry in
            let assessment = entry.assessment
            counts[assessment.state, default: 0] += 1
            if assessment.state.isCallToday { calls.append(entry) }
            if assessment.comesDue(on: userToday, in: userZone) { laterToday.append(entry) }
            if assessment.state == .noNumber { letters.append(entry) }
            if assessment.listsThankYouNote { notes.append(entry) }
        }
        return TodayList(
            calls: calls.ordered(by: \.todayKey), laterToday: laterToday.ordered(by: \.agendaKey),
            letters: letters.ordered(by: \.agendaKey), thankYouNotes: notes.byID, counts: counts)
    }

    /// Each open application assessed at *now*, handed over one at a time in id order,
    /// for a caller that keeps only some of them.
    /// With `every`, each history, closed ones too, is handed to it first.
    func forEachOpenEntry(
        every: ((ApplicationHistory) -> Void)? = nil, _ body: (AgendaEntry) throws -> Void
    ) throws {
        let engine = engine
        let mapper = mapper
        try repository.forEachFollowUpHistory(every == nil ? .open : .all) { history in
            every?(history)
            guard !history.application.status.isClosed else { return }
            try body(AgendaEntry(history: history, assessment: engine.assess(try mapper.facts(for: history), now: now)))
        }
    }
}

extension Assessment {
    /// A thank-you note `today` lists apart: one not already part of a call of the day.
    var listsThankYouNote: Bool { thankYouDue && !state.isCallToday }

    /// A call not yet due on the interviewer's calendar whose time falls on `day` on the
    /// user's (docs/commands.md §3.6): east of them, their next day begins later in the
    /// user's, and the call of that evening belongs in the user's morning list.
    func comesDue(on day: CalendarDate, in userZone: TimeZone) -> Bool {
        switch state {
        case .tooSoon, .awaitingReply, .callbackScheduled, .waitingOnDecision:
            guard phone != nil, let callAt else { return false }
            return CalendarDate.containing(callAt, in: userZone) == day
        default:
            return false
        }
    }
}

/// The lists of `today`, and how many open applications are in each state.
public struct TodayList: Sendable {
    /// The calls to make, due and overdue, in `today`'s order (`callsToday`).
    public let calls: [AgendaEntry]
    /// The calls that come due later today on the user's clock, once the interviewer's
    /// day begins, by call time.
    public let laterToday: [AgendaEntry]
    /// The follow-ups to write, no number having been given, in agenda order.
    public let letters: [AgendaEntry]
    /// The thank-you notes to send that are not already calls (`thankYouNotes`).
    public let thankYouNotes: [AgendaEntry]
    /// Open applications by state, listed or not.
    public let counts: [FollowUpState: Int]
}

extension Array where Element == AgendaEntry {
    /// The calls to make today, in `today`'s order: overdue first, oldest due_by first.
    public var callsToday: [AgendaEntry] {
        filter { $0.assessment.state.isCallToday }.ordered(by: \.todayKey)
    }

    /// The thank-you notes to send that are not already calls of the day, by id
    /// (docs/rules.md §2.5).
    public var thankYouNotes: [AgendaEntry] {
        filter(\.assessment.listsThankYouNote).byID
    }

    var byID: [AgendaEntry] {
        sorted { $0.application.id < $1.application.id }
    }

    /// Sorted by a key of each assessment, made once per entry; each entry, which
    /// carries its whole history, is copied once, into place.
    public func ordered(by key: (Assessment) -> Assessment.SortKey) -> [AgendaEntry] {
        let keys = map { key($0.assessment) }
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}
