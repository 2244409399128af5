import FollowUp
import Foundation
import JobStore

/// Records read from an import file and checked against every rule the commands
/// enforce, ready to be written in one transaction. Nothing here touches the database
/// until `write` runs.
struct ImportBatch {
    struct Call {
        /// The id the export gave it, kept by a restore.
        var id: Int64?
        var at: Date
        var outcome: CallAttempt.Outcome
        var callbackAt: Date?
        var decisionBy: String?
        var number: String?
        var notes: String?
    }

    struct Interview {
        var id: Int64?
        var heldAt: Date
        var tz: String
        var country: String?
        var interviewer: String?
        var phone: String?
        var decisionBy: String?
        var afterHoursOK: Bool
        var busy: [String]
        var thankedAt: Date?
        var notes: String?
        var calls: [Call]
    }

    struct Application {
        var id: Int64?
        var company: String
        var role: String
        var status: JobStore.Application.Status
        var appliedOn: String
        var url: String?
        var notes: String?
        var highlights: [String]
        var interviews: [Interview]
    }

    var applications: [Application] = []
    /// The settings a JSON export carries; nil for a CSV file, which has none.
    var settings: [String: String]?

    var recordCount: Int {
        applications.reduce(0) { total, application in
            total + 1 + application.interviews.reduce(0) { $0 + 1 + $1.calls.count }
        }
    }

    /// What an import did.
    struct Result {
        var applicationIDs: [Int64] = []
        var interviews = 0
        var calls = 0
        /// Whether the file's settings were written: only into a database with no applications.
        var settingsRestored = false
        /// Applications left out as identical to one already there.
        var skipped = 0
    }

    /// Every record carries the id it was exported with: a restore keeps them.
    var carriesIDs: Bool {
        applications.allSatisfy { application in
            application.id != nil
                && application.interviews.allSatisfy { interview in
                    interview.id != nil && interview.calls.allSatisfy { $0.id != nil }
                }
        }
    }

    /// Writes everything in one transaction: all of it, or on any error none of it.
    /// Into a database with no applications it is a restore: the file's settings are
    /// written too, and records keep the ids the file gives them (when it gives every
    /// one). Into one that has some, the settings already there are kept, records get
    /// new ids, and an application identical to one already there is skipped
    /// (docs/commands.md §3.4: duplicates).
    func write(to repository: Repository, now: Date, progress: () -> Void) throws -> Result {
        try repository.database.write {
            var result = Result()
            let isEmpty = try repository.applicationCount() == 0
            if isEmpty, let settings {
                for key in settings.keys.sorted() {
                    try repository.setSetting(key, to: settings[key]!)
                }
                result.settingsRestored = !settings.isEmpty
            }
            let restore = isEmpty && carriesIDs
            let present = isEmpty ? [] : Set(try repository.histories(.all, withHighlights: false).map(Identity.init))
            try repository.database.withPageCache(megabytes: 256) {
                try repository.database.addingRows {
                    try add(
                        to: repository, now: now, restore: restore, skipping: present, into: &result,
                        progress: progress)
                }
            }
            return result
        }
    }

    /// Inserts the applications not in `present`, with their interviews and calls, a
    /// group of applications at a time: each kind of record of a group goes in with
    /// several rows to a statement (`RecordInserts`).
    private func add(
        to repository: Repository, now: Date, restore: Bool, skipping present: Set<Identity>, into result: inout Result,
        progress: () -> Void
    ) throws {
        var inserts = RecordInserts(database: repository.database)
        var group: [Application] = []
        group.reserveCapacity(Self.applicationsPerGroup)
        for application in applications {
            if !present.isEmpty, present.contains(Identity(application)) {
                result.skipped += 1
                let records = 1 + application.interviews.reduce(0) { $0 + 1 + $1.calls.count }
                for _ in 0..<records { progress() }
                continue
            }
            group.append(application)
            if group.count == Self.applicationsPerGroup {
                try add(group, with: &inserts, now: now, restore: restore, into: &result, progress: progress)
                group.removeAll(keepingCapacity: true)
            }
        }
        try add(group, with: &inserts, now: now, restore: restore, into: &result, progress: progress)
    }

    /// Applications written together: enough that each kind of record fills its
    /// statements and a group's last, shorter statement (a size prepared anew) is rare,
    /// few enough that their rows take little memory (about a megabyte).
    private static let applicationsPerGroup = 4096

    /// Inserts `group`'s applications, then their interviews, then their calls: the ids
    /// come out as they would one record at a time, since each kind is written in the
    /// same order.
    private func add(
        _ group: [Application], with inserts: inout RecordInserts, now: Date, restore: Bool, into result: inout Result,
        progress: () -> Void
    ) throws {
        let applicationIDs = try inserts.applications(
            group.map { application in
                RecordInserts.ApplicationRow(
                    id: restore ? application.id : nil, company: application.company, role: application.role,
                    status: application.status, appliedOn: application.appliedOn, url: application.url,
                    notes: application.notes, highlights: application.highlights)
            }, now: now)
        var interviewRows: [RecordInserts.InterviewRow] = []
        for (applicationID, application) in zip(applicationIDs, group) {
            for interview in application.interviews {
                interviewRows.append(
                    RecordInserts.InterviewRow(
                        id: restore ? interview.id : nil, applicationID: applicationID, heldAt: interview.heldAt,
                        tz: interview.tz, country: interview.country, interviewer: interview.interviewer,
                        phone: interview.phone, decisionBy: interview.decisionBy,
                        afterHoursOK: interview.afterHoursOK, busy: interview.busy, thankedAt: interview.thankedAt,
                        notes: interview.notes))
            }
        }
        let interviewIDs = try inserts.interviews(interviewRows)
        var callRows: [RecordInserts.CallRow] = []
        let interviews = group.lazy.flatMap(\.interviews)
        for (interviewID, interview) in zip(interviewIDs, interviews) {
            for call in interview.calls {
                callRows.append(
                    RecordInserts.CallRow(
                        id: restore ? call.id : nil, interviewID: interviewID, at: call.at, outcome: call.outcome,
                        callbackAt: call.callbackAt, decisionBy: call.decisionBy, number: call.number,
                        notes: call.notes))
            }
        }
        _ = try inserts.calls(callRows)
        result.applicationIDs += applicationIDs
        result.interviews += interviewRows.count
        result.calls += callRows.count
        for _ in 0..<(group.count + interviewRows.count + callRows.count) { progress() }
    }
}

/// What makes two applications the same one logged twice: company, role, applied_on
/// and the instants of their interviews.
private struct Identity: Hashable {
    let company: String
    let role: String
    let appliedOn: String
    let interviews: [Date]

    init(_ application: ImportBatch.Application) {
        company = application.company
        role = application.role
        appliedOn = application.appliedOn
        interviews = application.interviews.map(\.heldAt.wholeSeconds).sorted()
    }

    init(_ history: ApplicationHistory) {
        company = history.application.company
        role = history.application.role
        appliedOn = history.application.appliedOn
        interviews = history.interviews.map(\.interview.heldAt).sorted()
    }
}

/// The rules a value must meet to be imported: the same parsers and checks as the
/// commands that log the records by hand. Each failure is a reason, worded like the
/// commands' own refusals; the caller says where.
enum ImportRules {
    static let statuses = JobStore.Application.Status.allCases.map(\.rawValue).joined(separator: ", ")
    static let outcomes = CallAttempt.Outcome.allCases.map(\.rawValue).joined(separator: ", ")

    /// A company or a role: stored trimmed, as `add` stores it.
    static func name(_ value: String) throws(FieldProblem) -> String {
        try text(value).trimmed
    }

    static func text(_ value: String) throws(FieldProblem) -> String {
        guard !value.isBlank else {
            throw FieldProblem(position: "", reason: "expected non-empty text")
        }
        return value
    }

    static func status(_ value: String) throws(FieldProblem) -> JobStore.Application.Status {
        guard let status = JobStore.Application.Status(rawValue: value) else {
            throw FieldProblem(position: "", reason: "expected one of \(statuses), got \(quoted(value))")
        }
        return status
    }

    static func outcome(_ value: String) throws(FieldProblem) -> CallAttempt.Outcome {
        guard let outcome = CallAttempt.Outcome(rawValue: value) else {
            throw FieldProblem(position: "", reason: "expected one of \(outcomes), got \(quoted(value))")
        }
        return outcome
    }

    static func date(_ value: String) throws(FieldProblem) -> CalendarDate {
        if let date = CalendarDate(iso: value) { return date }
        // Written right but no such day: said as a typed date is (docs/commands.md §3.2).
        if let (year, month, _) = CalendarDate.isoFields(value) {
            throw FieldProblem(position: "", reason: DateInput.noSuchDate(value, year: year, month: month).description)
        }
        throw FieldProblem(position: "", reason: "expected a date YYYY-MM-DD, got \(quoted(value))")
    }

    static func instant(_ value: String) throws(FieldProblem) -> Date {
        guard let instant = DateTimeInput.isoInstant(value) else {
            throw FieldProblem(
                position: "",
                reason:
                    "expected an ISO 8601 instant with an offset, e.g. 2026-12-02T14:00:00-05:00, got \(quoted(value))")
        }
        return instant
    }

    static func zone(_ value: String, in zones: ZoneCache) throws(FieldProblem) -> TimeZone {
        guard let zone = zones.zone(named: value) else {
            throw FieldProblem(
                position: "", reason: "expected an IANA time zone such as America/New_York, got \(quoted(value))")
        }
        return zone
    }

    static func country(_ value: String) throws(FieldProblem) -> String {
        do {
            return try InterviewRules.country(value)
        } catch {
            throw FieldProblem(position: "", reason: error.description)
        }
    }

    static func phone(_ value: String) throws(FieldProblem) -> String {
        guard let number = PhoneInput.number(value) else {
            throw FieldProblem(position: "", reason: "expected \(PhoneInput.expected), got \(quoted(value))")
        }
        return number
    }

    static func window(_ value: String) throws(FieldProblem) -> BusyWindow {
        guard let window = BusyWindow(value) else {
            throw FieldProblem(position: "", reason: "expected \(BusyWindow.expected), got \(quoted(value))")
        }
        return window
    }

    /// A value as JSON would write it, so that odd characters show.
    static func quoted(_ value: String) -> String {
        let clipped = value.count > 60 ? String(value.prefix(60)) + "…" : value
        var text = "\""
        for scalar in clipped.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
