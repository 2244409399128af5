import FollowUp
import Foundation
import JobStore

/// An application's history together with what the rules say about it today.
struct AgendaEntry {
    let history: ApplicationHistory
    let assessment: Assessment

    var application: Application { history.application }

    /// The interview the assessment speaks of: the latest one, as the rules decide it
    /// (by held_at, then as logged), so calls and scripts follow the same interview.
    var interview: Interview? {
        guard let id = assessment.interviewID else { return nil }
        return history.interviews.first { $0.interview.id == id }?.interview
    }
}

/// Turns store rows into the engine's facts. Each zone name is looked up once,
/// however many interviews share it.
struct FactsMapper {
    let fallbackZone: TimeZone
    private let zones = ZoneCache()

    init(fallbackZone: TimeZone) {
        self.fallbackZone = fallbackZone
    }

    func zone(named name: String) -> TimeZone {
        zones.zone(named: name) ?? fallbackZone
    }

    func facts(for history: ApplicationHistory) -> ApplicationFacts {
        ApplicationFacts(
            id: history.application.id,
            isClosed: history.application.status.isClosed,
            interviews: history.interviews.map { item in
                let interview = item.interview
                return InterviewFacts(
                    id: interview.id, heldAt: interview.heldAt, timeZone: zone(named: interview.tz),
                    interviewer: interview.interviewer, phone: interview.phone,
                    decisionBy: interview.decisionBy.flatMap { CalendarDate(iso: $0) },
                    afterHoursOK: interview.afterHoursOK, busy: interview.busy.compactMap { DailyWindow($0) },
                    calls: item.calls.map {
                        CallFacts(
                            id: $0.id, at: $0.at, outcome: CallOutcome(rawValue: $0.outcome.rawValue) ?? .reached,
                            callbackAt: $0.callbackAt)
                    })
            })
    }
}

extension Session {
    /// Assesses each history at *now*, in agenda order (by call_at, then id).
    func agenda(_ histories: [ApplicationHistory]) -> [AgendaEntry] {
        let engine = engine
        let mapper = FactsMapper(fallbackZone: userZone)
        let assessments = histories.map { engine.assess(mapper.facts(for: $0), now: now) }
        // Entries are made once, already in order: each carries a whole history.
        let keys = assessments.map(\.agendaKey)
        return histories.indices.sorted { keys[$0] < keys[$1] }.map {
            AgendaEntry(history: histories[$0], assessment: assessments[$0])
        }
    }

    func entry(for id: Int64) throws -> AgendaEntry {
        let history = try repository.history(of: id)
        let mapper = FactsMapper(fallbackZone: userZone)
        return AgendaEntry(history: history, assessment: engine.assess(mapper.facts(for: history), now: now))
    }
}

extension Array where Element == AgendaEntry {
    /// The calls to make today, in `today`'s order: overdue first, oldest due_by first.
    var callsToday: [AgendaEntry] {
        filter { $0.assessment.state.isCallToday }.ordered(by: \.todayKey)
    }

    /// Sorted by a key of each assessment, made once per entry; each entry, which
    /// carries its whole history, is copied once, into place.
    func ordered(by key: (Assessment) -> Assessment.SortKey) -> [AgendaEntry] {
        let keys = map { key($0.assessment) }
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}
