import FollowUp
import Foundation
import JobStore

/// A new application as the user describes it.
public struct NewApplication: Sendable {
    public var company: String
    public var role: String
    /// When the user applied, on their calendar; nil means today.
    public var appliedOn: DateInput?
    public var url: String?
    public var notes: String?
    public var highlights: [String]

    public init(
        company: String, role: String, appliedOn: DateInput? = nil, url: String? = nil, notes: String? = nil,
        highlights: [String] = []
    ) {
        self.company = company
        self.role = role
        self.appliedOn = appliedOn
        self.url = url
        self.notes = notes
        self.highlights = highlights
    }
}

/// The fields of an application to change; nil leaves a field as it is, and an empty
/// url or note clears it.
public struct ApplicationEdit: Sendable {
    public var company: String?
    public var role: String?
    public var appliedOn: DateInput?
    public var url: String?
    public var notes: String?

    public init(
        company: String? = nil, role: String? = nil, appliedOn: DateInput? = nil, url: String? = nil,
        notes: String? = nil
    ) {
        self.company = company
        self.role = role
        self.appliedOn = appliedOn
        self.url = url
        self.notes = notes
    }

    public var isEmpty: Bool { company == nil && role == nil && appliedOn == nil && url == nil && notes == nil }
}

/// What `add` did: the application as it now stands, and the warnings about it.
public struct AddedApplication: Sendable {
    public let entry: AgendaEntry
    public let warnings: [String]

    public var application: Application { entry.application }
}

extension Tracker {
    /// Logs a new application; returns it as it now stands, with the etiquette's
    /// warnings about it (Warnings.swift).
    public func add(_ new: NewApplication) throws -> AddedApplication {
        let appliedOn = try (new.appliedOn ?? .relative(days: 0)).resolve(today: today(in: userZone))
        let (application, warnings) = try change("add") {
            let warnings = try addWarnings(company: new.company.trimmed, role: new.role.trimmed, appliedOn: appliedOn)
            let application = try repository.insertApplication(
                company: new.company.trimmed, role: new.role.trimmed, appliedOn: appliedOn.iso,
                url: new.url?.nilIfEmpty,
                notes: new.notes?.nilIfEmpty, highlights: new.highlights, now: now)
            return ((application, warnings), "added \(label(application)) — \(application.role)")
        }
        return AddedApplication(entry: try entry(for: application.id), warnings: warnings)
    }

    /// Every application (with `status`, only those; with `search`, only those whose
    /// company, role or an interviewer contains it, in any case), by id.
    public func applications(status: Application.Status? = nil, search: String? = nil) throws -> [AgendaEntry] {
        var entries = try assess(try repository.histories(.all))
        entries.sort { $0.application.id < $1.application.id }
        if let status { entries.removeAll { $0.application.status != status } }
        if let search = search?.trimmed, !search.isEmpty {
            entries.removeAll { entry in
                let texts =
                    [entry.application.company, entry.application.role]
                    + entry.history.interviews.compactMap(\.interview.interviewer)
                return !texts.contains {
                    $0.range(of: search, options: [.caseInsensitive, .diacriticInsensitive]) != nil
                }
            }
        }
        return entries
    }

    /// Changes the fields given; refuses an edit that gives none.
    public func edit(_ id: Int64, _ edit: ApplicationEdit) throws -> AgendaEntry {
        guard !edit.isEmpty else { throw Refusal.nothingToEdit }
        try change("edit") {
            var application = try repository.application(id)
            if let company = edit.company { application.company = company.trimmed }
            if let role = edit.role { application.role = role.trimmed }
            if let appliedOn = edit.appliedOn {
                application.appliedOn = try appliedOn.resolve(today: today(in: userZone)).iso
            }
            if let url = edit.url { application.url = url.nilIfEmpty }
            if let notes = edit.notes { application.notes = notes.nilIfEmpty }
            _ = try repository.updateApplication(application, now: now)
            return ((), "edited \(label(application))")
        }
        return try entry(for: id)
    }

    /// Sets an application's status; a closed one gets no more follow-up calls.
    public func setStatus(_ id: Int64, to status: Application.Status) throws -> AgendaEntry {
        try change("status") {
            var application = try repository.application(id)
            let before = application.status
            application.status = status
            _ = try repository.updateApplication(application, now: now)
            return ((), "\(label(application)) set from \(before.rawValue) to \(status.rawValue)")
        }
        return try entry(for: id)
    }

    /// Deletes an application with its interviews and calls, once `confirmed`; returns
    /// what was deleted. An unknown id is refused before the missing confirmation.
    public func delete(_ id: Int64, confirmed: Bool) throws -> Application {
        let application = try repository.application(id)
        guard confirmed else { throw Refusal.deleteNeedsYes(application: id) }
        return try change("delete") {
            try repository.deleteApplication(id)
            return (application, "deleted \(label(application)) — \(application.role) with its interviews and calls")
        }
    }
}
