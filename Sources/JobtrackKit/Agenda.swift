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
        guard let id = assessment.interviewID else { return nil }
        return history.interviews.first { $0.interview.id == id }?.interview
    }
}

/// Turns store rows into the engine's facts, checking each stored value once: a value
/// the rules cannot read (a zone this machine does not know, a malformed date or busy
/// window) is an error naming its row, never a silent default. Each zone name is
/// looked up once, however many interviews share it.
struct FactsMapper {
    let zones: ZoneCache

    func zone(named name: String, interview id: Int64) throws -> TimeZone {
        guard let zone = zones.zone(named: name) else {
            throw Refusal.badStoredValue(row: "interview \(id)", column: "tz", value: name)
        }
        return zone
    }

    func facts(for history: ApplicationHistory) throws -> ApplicationFacts {
        ApplicationFacts(
            id: history.application.id,
            isClosed: history.application.status.isClosed,
            interviews: try history.interviews.map { item in
                let interview = item.interview
                return InterviewFacts(
                    id: interview.id, heldAt: interview.heldAt, timeZone: try zone(named: interview.tz, interview: interview.id),
                    interviewer: interview.interviewer, phone: interview.phone,
                    decisionBy: try interview.decisionBy.map { text in
                        guard let date = CalendarDate(iso: text) else {
                            throw Refusal.badStoredValue(row: "interview \(interview.id)", column: "decision_by", value: text)
                        }
                        return date
                    },
                    afterHoursOK: interview.afterHoursOK,
                    busy: try interview.busy.map { text in
                        guard let window = DailyWindow(text) else {
                            throw Refusal.badStoredValue(row: "interview \(interview.id)", column: "busy", value: text)
                        }
                        return window
                    },
                    calls: item.calls.map {
                        CallFacts(id: $0.id, at: $0.at, outcome: CallOutcome($0.outcome), callbackAt: $0.callbackAt)
                    })
            })
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
        }
    }
}

extension Tracker {
    var mapper: FactsMapper { FactsMapper(zones: zones) }

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
        try assess(try repository.histories(all ? .all : .open, withHighlights: false))
    }

    /// Every open application's entry, for `today`: the calls come from `callsToday`.
    public func today() throws -> [AgendaEntry] {
        try agenda()
    }
}

extension Array where Element == AgendaEntry {
    /// The calls to make today, in `today`'s order: overdue first, oldest due_by first.
    public var callsToday: [AgendaEntry] {
        filter { $0.assessment.state.isCallToday }.ordered(by: \.todayKey)
    }

    /// Sorted by a key of each assessment, made once per entry; each entry, which
    /// carries its whole history, is copied once, into place.
    public func ordered(by key: (Assessment) -> Assessment.SortKey) -> [AgendaEntry] {
        let keys = map { key($0.assessment) }
        return indices.sorted { keys[$0] < keys[$1] }.map { self[$0] }
    }
}
