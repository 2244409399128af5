import FollowUp
import Foundation
import JobStore

/// One optional field of an edit whose value is not text: left as it is, set, or cleared
/// (what `--decision-by ""` and `--callback-at ""` ask for).
public enum FieldChange<Value: Sendable & Equatable>: Sendable, Equatable {
    case keep
    case set(Value)
    case clear

    var isKeep: Bool { self == .keep }
}

/// The fields of a logged interview to change (docs/commands.md §3.4:
/// mending). Nil leaves a field as it is; an empty interviewer, phone, country or note
/// clears it, as does an empty `busy`.
public struct InterviewEdit: Sendable {
    public var at: DateTimeInput?
    public var interviewer: String?
    public var phone: String?
    /// The interviewer's zone; `at` ending in `their` is read on this one when given.
    public var timeZone: TimeZone?
    public var country: String?
    public var decisionBy: FieldChange<DateInput>
    public var afterHoursOK: Bool?
    public var busy: [BusyWindow]?
    public var notes: String?

    public init(
        at: DateTimeInput? = nil, interviewer: String? = nil, phone: String? = nil, timeZone: TimeZone? = nil,
        country: String? = nil, decisionBy: FieldChange<DateInput> = .keep, afterHoursOK: Bool? = nil,
        busy: [BusyWindow]? = nil, notes: String? = nil
    ) {
        self.at = at
        self.interviewer = interviewer
        self.phone = phone
        self.timeZone = timeZone
        self.country = country
        self.decisionBy = decisionBy
        self.afterHoursOK = afterHoursOK
        self.busy = busy
        self.notes = notes
    }

    public var isEmpty: Bool {
        at == nil && interviewer == nil && phone == nil && timeZone == nil && country == nil && decisionBy.isKeep
            && afterHoursOK == nil && busy == nil && notes == nil
    }

    /// The options that name a field, for the refusal of an edit that gives none.
    public static let options =
        "--at, --with, --phone, --tz, --country, --decision-by, --after-hours-ok, --busy, --note"
}

/// The fields of a logged call to change. Nil leaves a field as it is; an empty note
/// clears it.
public struct CallEdit: Sendable {
    public var at: DateTimeInput?
    public var outcome: CallAttempt.Outcome?
    public var callbackAt: FieldChange<DateTimeInput>
    public var decisionBy: FieldChange<DateInput>
    /// The number dialled: the interviewer's own, as when logging.
    public var number: String?
    public var notes: String?

    public init(
        at: DateTimeInput? = nil, outcome: CallAttempt.Outcome? = nil,
        callbackAt: FieldChange<DateTimeInput> = .keep, decisionBy: FieldChange<DateInput> = .keep,
        number: String? = nil, notes: String? = nil
    ) {
        self.at = at
        self.outcome = outcome
        self.callbackAt = callbackAt
        self.decisionBy = decisionBy
        self.number = number
        self.notes = notes
    }

    public var isEmpty: Bool {
        at == nil && outcome == nil && callbackAt.isKeep && decisionBy.isKeep && number == nil && notes == nil
    }

    /// The options that name a field, for the refusal of an edit that gives none.
    public static let options = "--at, --outcome, --callback-at, --decision-by, --number, --note"
}

/// What a mending edit did: the application as it then stands, and the etiquette's
/// warnings about the change, which stands all the same.
public struct Mended: Sendable {
    public let entry: AgendaEntry
    public let warnings: [String]
    /// What was mended, as the log says it: "call 7 of #3 Acme on Wed Dec 2 11:00 deleted".
    public let summary: String
}

/// "Only the latest interview counts": two interviews of one application at the same
/// instant are one logged twice (docs/commands.md §3.4: duplicates).
enum DuplicateRules {
    static func checkInterview(
        _ heldAt: Date, among interviews: [Interview], excluding id: Int64? = nil,
        user: TimeZone, zone: (String) -> TimeZone
    ) throws(Refusal) {
        if let other = interviews.first(where: { $0.id != id && $0.heldAt == heldAt.wholeSeconds }) {
            throw .duplicateInterview(
                interview: other.id, application: other.applicationID,
                at: Tracker.moment(other.heldAt, user: user, their: zone(other.tz)))
        }
    }
}

extension Tracker {
    /// Changes the fields of a logged interview that `edit` gives, with the checks of
    /// logging one. Its calls and thank-you note must still come after it; a changed
    /// number moves its calls to that number (they were dialled on the number on
    /// record), and a number its calls were dialled on cannot be cleared.
    public func editInterview(_ interviewID: Int64, _ edit: InterviewEdit) throws -> Mended {
        guard !edit.isEmpty else {
            throw Refusal.nothingToMend(record: "interview \(interviewID)", options: InterviewEdit.options)
        }
        var warnings: [String] = []
        let (applicationID, summary) = try change("edit-interview") {
            var interview = try repository.interview(interviewID)
            let history = try repository.history(of: interview.applicationID)
            let calls = history.interviews.first { $0.interview.id == interviewID }?.calls ?? []
            let zone = edit.timeZone ?? self.zone(named: interview.tz)
            if let timeZone = edit.timeZone { interview.tz = timeZone.identifier }
            if let country = edit.country {
                interview.country = try country.isBlank ? nil : InterviewRules.country(country)
            }
            if let at = edit.at {
                interview.heldAt = try at.resolve(now: now, user: userZone, their: zone)
                try DuplicateRules.checkInterview(
                    interview.heldAt, among: history.interviews.map(\.interview), excluding: interviewID,
                    user: userZone, zone: self.zone(named:))
                warnings += interviewWarnings(
                    heldAt: interview.heldAt, application: history.application, logging: false)
            }
            if let interviewer = edit.interviewer { interview.interviewer = interviewer.trimmed.nilIfEmpty }
            if let phone = edit.phone { interview.phone = phone.trimmed.nilIfEmpty }
            switch edit.decisionBy {
            case .keep: break
            case .clear: interview.decisionBy = nil
            case .set(let date): interview.decisionBy = try date.resolve(today: today(in: userZone)).iso
            }
            if let afterHoursOK = edit.afterHoursOK { interview.afterHoursOK = afterHoursOK }
            if let busy = edit.busy { interview.busy = busy.map(\.description) }
            if let notes = edit.notes { interview.notes = notes.nilIfEmpty }

            try InterviewRules.checkDecision(
                interview.decisionBy.flatMap(CalendarDate.init(iso:)), heldAt: interview.heldAt, in: zone)
            if let thankedAt = interview.thankedAt {
                try ThanksRules.check(thankedAt, heldAt: interview.heldAt, now: nil, user: userZone, their: zone)
            }
            try checkCalls(calls, of: interview, in: zone)
            var mended = calls
            if edit.phone != nil {
                let dialled = mended.indices.filter { mended[$0].number != nil }
                if interview.phone == nil && !dialled.isEmpty {
                    throw Refusal.phoneNeededByCalls(interview: interviewID, calls: dialled.count)
                }
                for index in dialled { mended[index].number = interview.phone }
            }
            _ = try repository.updateInterview(interview)
            for (call, old) in zip(mended, calls) where call != old { _ = try repository.updateCall(call) }
            let summary =
                "interview \(interviewID) of \(label(history.application)) on \(moment(interview.heldAt, their: self.zone(named: interview.tz))) edited"
            return ((interview.applicationID, summary), summary)
        }
        return Mended(entry: try entry(for: applicationID), warnings: warnings, summary: summary)
    }

    /// The interview's calls, each checked as an import checks it against the interview
    /// as it will stand: after it, a decision date after the call's date in its zone.
    private func checkCalls(_ calls: [CallAttempt], of interview: Interview, in zone: TimeZone) throws {
        for call in calls {
            if call.at < interview.heldAt {
                throw Refusal.callBeforeMovedInterview(
                    call: call.id, at: moment(call.at, their: zone), interview: moment(interview.heldAt, their: zone))
            }
            try CallLogRules.checkDecision(call.decisionBy.flatMap(CalendarDate.init(iso:)), callAt: call.at, in: zone)
        }
    }

    /// Changes the fields of a logged call that `edit` gives, with the checks of the
    /// call log: a call edited to a time in the future is refused, as when logging.
    public func editCall(_ callID: Int64, _ edit: CallEdit) throws -> Mended {
        guard !edit.isEmpty else { throw Refusal.nothingToMend(record: "call \(callID)", options: CallEdit.options) }
        var warnings: [String] = []
        let (applicationID, summary) = try change("edit-call") {
            var call = try repository.call(callID)
            let interview = try repository.interview(call.interviewID)
            let zone = zone(named: interview.tz)
            if let outcome = edit.outcome { call.outcome = outcome }
            if let at = edit.at { call.at = try at.resolve(now: now, user: userZone, their: zone) }
            switch edit.callbackAt {
            case .keep: break
            case .clear: call.callbackAt = nil
            case .set(let callback): call.callbackAt = try callback.resolve(now: now, user: userZone, their: zone)
            }
            switch edit.decisionBy {
            case .keep: break
            case .clear: call.decisionBy = nil
            case .set(let date): call.decisionBy = try date.resolve(today: today(in: userZone)).iso
            }
            if let notes = edit.notes { call.notes = notes.nilIfEmpty }

            try CallLogRules.checkCallback(call.outcome, hasCallback: call.callbackAt != nil)
            try CallLogRules.checkDecisionOutcome(call.outcome, hasDecision: call.decisionBy != nil)
            if edit.number != nil || edit.outcome != nil {
                call.number = try CallLogRules.number(
                    edit.number, phone: interview.phone, interviewer: interview.interviewer, outcome: call.outcome)
            }
            try CallLogRules.checkTimes(
                at: call.at, callbackAt: call.callbackAt, heldAt: interview.heldAt, now: edit.at == nil ? nil : now,
                user: userZone, their: zone)
            try CallLogRules.checkDecision(call.decisionBy.flatMap(CalendarDate.init(iso:)), callAt: call.at, in: zone)
            if edit.at != nil {
                let history = try repository.history(of: interview.applicationID)
                warnings += try callWarnings(at: call.at, interviewID: interview.id, in: history, excluding: callID)
            }
            _ = try repository.updateCall(call)
            let summary =
                "call \(callID) of #\(interview.applicationID) on \(moment(call.at, their: zone)) (\(call.outcome.rawValue)) edited"
            return ((interview.applicationID, summary), summary)
        }
        return Mended(entry: try entry(for: applicationID), warnings: warnings, summary: summary)
    }

    /// Deletes a logged interview with its calls, once `confirmed`; an unknown id is
    /// refused before the missing confirmation. An application left with no interview
    /// goes back from interviewing to applied, as before the interview was logged.
    /// Returns the application as it then stands, the interview and its calls.
    public func deleteInterview(_ interviewID: Int64, confirmed: Bool) throws
        -> Mended
    {
        let (applicationID, summary) = try change("delete-interview") {
            let interview = try repository.interview(interviewID)
            let calls = try repository.calls(of: interviewID)
            guard confirmed else {
                throw Refusal.deleteInterviewNeedsYes(
                    interview: interviewID, application: interview.applicationID,
                    at: moment(interview.heldAt, their: zone(named: interview.tz)), calls: calls.count)
            }
            try repository.deleteInterview(interviewID)
            var application = try repository.application(interview.applicationID)
            if application.status == .interviewing, try repository.interviews(of: application.id).isEmpty {
                application.status = .applied
                _ = try repository.updateApplication(application, now: now)
            }
            let with = calls.isEmpty ? "" : calls.count == 1 ? " with its call" : " with its \(calls.count) calls"
            let summary =
                "interview \(interviewID) of \(label(application)) on \(moment(interview.heldAt, their: zone(named: interview.tz))) deleted\(with)"
            return ((application.id, summary), summary)
        }
        return Mended(entry: try entry(for: applicationID), warnings: [], summary: summary)
    }

    /// Deletes a logged call, once `confirmed`; an unknown id is refused before the
    /// missing confirmation. Returns the application as it then stands and the call.
    public func deleteCall(_ callID: Int64, confirmed: Bool) throws -> Mended {
        let (applicationID, summary) = try change("delete-call") {
            let call = try repository.call(callID)
            let interview = try repository.interview(call.interviewID)
            guard confirmed else {
                throw Refusal.deleteCallNeedsYes(
                    call: callID, application: interview.applicationID,
                    at: moment(call.at, their: zone(named: interview.tz)), outcome: call.outcome.rawValue)
            }
            try repository.deleteCall(callID)
            let summary =
                "call \(callID) of #\(interview.applicationID) on \(moment(call.at, their: zone(named: interview.tz))) (\(call.outcome.rawValue)) deleted"
            return ((interview.applicationID, summary), summary)
        }
        return Mended(entry: try entry(for: applicationID), warnings: [], summary: summary)
    }
}
