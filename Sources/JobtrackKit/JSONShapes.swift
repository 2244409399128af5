import FollowUp
import Foundation
import JSONText
import JobStore

// The JSON documents of docs/commands.md §3. Absent values are written as null, so every
// encoder below encodes optionals explicitly rather than with encodeIfPresent.

/// An agenda object: an application and its follow-up state. `today` and `agenda`
/// print thousands of them, so it writes itself straight into the output
/// (`JSONWritable`) rather than through `Codable`'s containers.
public struct AgendaJSON: JSONWritable {
    let entry: AgendaEntry

    public init(_ entry: AgendaEntry) {
        self.entry = entry
    }

    public func write(to json: inout JSONBuffer) {
        let application = entry.application
        let assessment = entry.assessment
        json.beginObject()
        json.key("id")
        json.int(application.id)
        json.key("company")
        json.string(application.company)
        json.key("role")
        json.string(application.role)
        json.key("status")
        json.string(application.status.rawValue)
        json.key("state")
        json.string(assessment.state.rawValue)
        json.key("due_from")
        json.date(assessment.dueFrom)
        json.key("due_by")
        json.date(assessment.dueBy)
        json.key("call_at")
        if let callAt = assessment.callAtTheirs {
            // `Assessment.callAtText`, written as bytes.
            json.string { TimeText.appendISO8601(callAt.instant, in: callAt.zone, to: &$0) }
        } else {
            json.null()
        }
        json.key("interviewer")
        json.string(assessment.interviewer)
        json.key("phone")
        json.string(assessment.phone)
        json.key("tz")
        json.string(entry.interviewZoneName)
        json.key("unanswered_attempts")
        json.int(assessment.unansweredAttempts)
        json.key("reason")
        json.string { assessment.rule.appendText(to: &$0) }
        json.key("thank_you_due")
        json.bool(assessment.thankYouDue)
        json.endObject()
    }
}

/// Agenda objects for lists of entries, one JSON array, each object made as it is
/// written: `today` at 100,000 applications lists tens of thousands.
public struct AgendaListJSON: Encodable {
    let lists: [[AgendaEntry]]

    public init(_ lists: [AgendaEntry]...) {
        self.lists = lists
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for list in lists {
            for entry in list { try container.encode(AgendaJSON(entry)) }
        }
    }
}

extension JSONBuffer {
    /// The date as `CalendarDate.iso` writes it, or null.
    mutating func date(_ date: CalendarDate?) {
        guard let date else { return null() }
        string { date.appendISO(to: &$0) }
    }
}

public struct CallJSON: Encodable {
    let call: CallAttempt
    let zone: TimeZone

    enum Keys: String, CodingKey {
        case id, at, outcome, callbackAt = "callback_at", decisionBy = "decision_by", number, notes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(call.id, forKey: .id)
        try container.encode(TimeText.iso8601(call.at, in: zone), forKey: .at)
        try container.encode(call.outcome.rawValue, forKey: .outcome)
        try container.encode(call.callbackAt.map { TimeText.iso8601($0, in: zone) }, forKey: .callbackAt)
        try container.encode(call.decisionBy, forKey: .decisionBy)
        try container.encode(call.number, forKey: .number)
        try container.encode(call.notes, forKey: .notes)
    }
}

public struct InterviewJSON: Encodable {
    let history: InterviewHistory
    let zone: TimeZone

    enum Keys: String, CodingKey {
        case id, heldAt = "held_at", tz, country, interviewer, phone, decisionBy = "decision_by"
        case afterHoursOK = "after_hours_ok", busy, thankedAt = "thanked_at", notes, calls
    }

    public func encode(to encoder: any Encoder) throws {
        let interview = history.interview
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(interview.id, forKey: .id)
        try container.encode(TimeText.iso8601(interview.heldAt, in: zone), forKey: .heldAt)
        try container.encode(interview.tz, forKey: .tz)
        try container.encode(interview.country, forKey: .country)
        try container.encode(interview.interviewer, forKey: .interviewer)
        try container.encode(interview.phone, forKey: .phone)
        try container.encode(interview.decisionBy, forKey: .decisionBy)
        try container.encode(interview.afterHoursOK, forKey: .afterHoursOK)
        try container.encode(interview.busy, forKey: .busy)
        try container.encode(interview.thankedAt.map { TimeText.iso8601($0, in: zone) }, forKey: .thankedAt)
        try container.encode(interview.notes, forKey: .notes)
        try container.encode(history.calls.map { CallJSON(call: $0, zone: zone) }, forKey: .calls)
    }
}

/// An application object. `show` and the writing commands print it whole; `list`
/// leaves out the interviews, and export leaves out follow_up.
public struct ApplicationJSON: Encodable {
    let history: ApplicationHistory
    let followUp: AgendaEntry?
    let includeInterviews: Bool
    let zones: (String) -> TimeZone

    enum Keys: String, CodingKey {
        case id, company, role, status, appliedOn = "applied_on", url, notes, highlights, interviews
        case followUp = "follow_up"
    }

    public func encode(to encoder: any Encoder) throws {
        let application = history.application
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(application.id, forKey: .id)
        try container.encode(application.company, forKey: .company)
        try container.encode(application.role, forKey: .role)
        try container.encode(application.status.rawValue, forKey: .status)
        try container.encode(application.appliedOn, forKey: .appliedOn)
        try container.encode(application.url, forKey: .url)
        try container.encode(application.notes, forKey: .notes)
        try container.encode(application.highlights, forKey: .highlights)
        if includeInterviews {
            try container.encode(
                history.interviews.map { InterviewJSON(history: $0, zone: zones($0.interview.tz)) }, forKey: .interviews
            )
        }
        if let followUp {
            try container.encode(AgendaJSON(followUp), forKey: .followUp)
        }
    }
}

extension Tracker {
    /// The application object for one application, as it is now; `list` leaves out
    /// the interviews.
    public func applicationJSON(_ entry: AgendaEntry, includeInterviews: Bool = true) -> ApplicationJSON {
        ApplicationJSON(
            history: entry.history, followUp: entry, includeInterviews: includeInterviews,
            zones: { zone(named: $0) })
    }
}

/// What `delete --json` prints: `{"id": 3, "deleted": true}`.
public struct DeletedJSON: Encodable {
    let id: Int64
    let deleted = true

    public init(id: Int64) {
        self.id = id
    }
}
