import FollowUp
import Foundation
import JobStore

/// An interview as the user logs it.
public struct NewInterview: Sendable {
    public var at: DateTimeInput
    public var interviewer: String?
    public var phone: String?
    /// The interviewer's zone; nil means the user's.
    public var timeZone: TimeZone?
    /// The ISO 3166 code whose public holidays apply; nil: the country of the zone.
    public var country: String?
    public var decisionBy: DateInput?
    public var afterHoursOK: Bool
    public var busy: [BusyWindow]
    public var notes: String?

    public init(
        at: DateTimeInput, interviewer: String? = nil, phone: String? = nil, timeZone: TimeZone? = nil,
        country: String? = nil, decisionBy: DateInput? = nil, afterHoursOK: Bool = false,
        busy: [BusyWindow] = [], notes: String? = nil
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
}

extension NewInterview {
    /// A new interview from the fields an edit would give (`at` must be among them):
    /// one set of options serves logging and mending.
    public init(_ fields: InterviewEdit) {
        var decision: DateInput?
        if case .set(let date) = fields.decisionBy { decision = date }
        self.init(
            at: fields.at ?? DateTimeInput(.now), interviewer: fields.interviewer?.trimmed.nilIfEmpty,
            phone: fields.phone?.nilIfEmpty, timeZone: fields.timeZone, country: fields.country?.nilIfEmpty,
            decisionBy: decision, afterHoursOK: fields.afterHoursOK ?? false, busy: fields.busy ?? [],
            notes: fields.notes)
    }
}

/// The rules an interview must meet, wherever it comes from: the command that logs it
/// and an import alike.
enum InterviewRules {
    /// A country whose public holidays apply, as its ISO 3166 code, upper-cased: one
    /// the generated table knows (docs/rules.md §2.1).
    static func country(_ code: String) throws(Refusal) -> String {
        let upper = code.trimmed.uppercased()
        guard PublicHolidays.isSupported(country: upper) else { throw .unknownCountry(code) }
        return upper
    }

    /// "If the interviewer named a decision date, wait for that date": a date before
    /// the interview itself cannot have been named at it (dates on the interviewer's clock).
    static func checkDecision(_ decision: CalendarDate?, heldAt: Date, in zone: TimeZone) throws(Refusal) {
        let interviewDay = CalendarDate.containing(heldAt, in: zone)
        if let decision, decision < interviewDay {
            throw .decisionBeforeInterview(decision: decision.iso, interview: interviewDay.iso)
        }
    }
}

extension Tracker {
    /// Logs an interview; an application still `applied` moves to `interviewing`.
    /// Returns the application as it now stands, the interview as stored, and the
    /// etiquette's warnings about it (Warnings.swift).
    public func logInterview(_ id: Int64, _ new: NewInterview) throws
        -> (entry: AgendaEntry, interview: Interview, warnings: [String])
    {
        let zone = new.timeZone ?? userZone
        let country = try new.country.map { code throws(Refusal) in try InterviewRules.country(code) }
        let heldAt = try new.at.resolve(now: now, user: userZone, their: zone)
        let decision = try new.decisionBy?.resolve(today: today(in: userZone))
        try InterviewRules.checkDecision(decision, heldAt: heldAt, in: zone)
        var warnings: [String] = []
        let interview = try change("interview") {
            var application = try repository.application(id)
            try DuplicateRules.checkInterview(
                heldAt, among: try repository.interviews(of: id), user: userZone, zone: self.zone(named:))
            warnings = interviewWarnings(heldAt: heldAt, application: application, logging: true)
            let interview = try repository.insertInterview(
                applicationID: id, heldAt: heldAt, tz: zone.identifier, country: country, interviewer: new.interviewer,
                phone: new.phone,
                decisionBy: decision?.iso, afterHoursOK: new.afterHoursOK, busy: new.busy.map(\.description),
                notes: new.notes?.nilIfEmpty)
            if application.status == .applied {
                application.status = .interviewing
                _ = try repository.updateApplication(application, now: now)
            }
            return (interview, "interview logged for \(label(application)) on \(moment(interview.heldAt, their: zone))")
        }
        return (try entry(for: id), interview, warnings)
    }
}
