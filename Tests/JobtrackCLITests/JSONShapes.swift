import Foundation
import Testing

/// A JSON value exactly as printed: `true` is not `1`, `null` is not a missing key.
enum JSON: Equatable, Sendable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    static func parse(_ text: String) throws -> JSON {
        try JSONDecoder().decode(JSON.self, from: Data(text.utf8))
    }

    subscript(key: String) -> JSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    subscript(index: Int) -> JSON? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    var string: String? { if case .string(let value) = self { return value }; return nil }
    var int: Int? { if case .int(let value) = self { return value }; return nil }
    var bool: Bool? { if case .bool(let value) = self { return value }; return nil }
    var array: [JSON]? { if case .array(let value) = self { return value }; return nil }
    var object: [String: JSON]? { if case .object(let value) = self { return value }; return nil }
    var isNull: Bool { self == .null }
    var keys: Set<String> { Set(object?.keys ?? [:].keys) }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return "\"\(value)\""
        case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            return "{"
                + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
                .joined(separator: ", ") + "}"
        }
    }
}

/// An ISO 8601 instant with its offset, e.g. `2026-12-02T09:00:00-05:00`: the moment
/// and the offset it is written in, so that `09:00-05:00` and `14:00Z` differ.
struct Instant: Equatable, CustomStringConvertible {
    let date: Date
    let offsetSeconds: Int
    let text: String

    private static let pattern = #"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))$"#

    init?(_ text: String) {
        guard let regex = try? NSRegularExpression(pattern: Self.pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        func group(_ index: Int) -> String? {
            guard let range = Range(match.range(at: index), in: text) else { return nil }
            return String(text[range])
        }
        func number(_ index: Int) -> Int? { group(index).flatMap { Int($0) } }
        guard let year = number(1), let month = number(2), let day = number(3), let hour = number(4),
            let minute = number(5), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60
        else { return nil }
        let second = number(6) ?? 0
        var offset = 0
        if group(7) != "Z" {
            guard let sign = group(8), let offsetHours = number(9), let offsetMinutes = number(10) else { return nil }
            offset = (offsetHours * 3600 + offsetMinutes * 60) * (sign == "-" ? -1 : 1)
        }
        var calendar = Calendar(identifier: .gregorian)
        guard let zone = TimeZone(secondsFromGMT: offset) else { return nil }
        calendar.timeZone = zone
        guard
            let date = calendar.date(
                from: DateComponents(
                    year: year, month: month, day: day, hour: hour,
                    minute: minute, second: second))
        else { return nil }
        self.date = date
        self.offsetSeconds = offset
        self.text = text
    }

    static func == (lhs: Instant, rhs: Instant) -> Bool {
        lhs.date == rhs.date && lhs.offsetSeconds == rhs.offsetSeconds
    }

    var description: String { text }
}

/// Expects an ISO instant with offset equal to `expected` (same moment, same offset),
/// or null when `expected` is nil.
func expectInstant(
    _ actual: JSON?, _ expected: String?, _ label: String = "instant",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let expected else {
        #expect(
            actual == .null, "\(label) should be null, got \(actual.map(\.description) ?? "no key")",
            sourceLocation: sourceLocation)
        return
    }
    guard let text = actual?.string, let instant = Instant(text) else {
        Issue.record(
            "\(label) should be an ISO 8601 instant with offset like \(expected), got \(actual.map(\.description) ?? "no key")",
            sourceLocation: sourceLocation)
        return
    }
    #expect(
        instant == Instant(expected)!, "\(label): expected \(expected), got \(text)", sourceLocation: sourceLocation)
}

/// The exact keys of each JSON object of docs/commands.md §3.13.
enum Shape {
    static let application: Set<String> = [
        "id", "company", "role", "status", "applied_on", "url", "notes", "highlights", "interviews", "follow_up",
    ]
    /// `list` items: the application object without `interviews` (they keep `follow_up`).
    static let listItem = application.subtracting(["interviews"])
    static let interview: Set<String> = [
        "id", "held_at", "tz", "country", "interviewer", "phone", "decision_by", "after_hours_ok", "busy", "thanked_at",
        "notes", "calls",
    ]
    static let call: Set<String> = ["id", "at", "outcome", "callback_at", "decision_by", "number", "notes"]
    static let agenda: Set<String> = [
        "id", "company", "role", "status", "state", "due_from", "due_by", "call_at", "interviewer", "phone", "tz",
        "unanswered_attempts", "reason", "thank_you_due",
    ]

    static let statuses: Set<String> = [
        "applied", "interviewing", "offer", "accepted", "rejected", "withdrawn", "ghosted",
    ]
    static let outcomes: Set<String> = ["reached", "voicemail", "no-answer", "bad-time", "wrote"]
    static let states: Set<String> = [
        "closed", "not_interviewed", "callback_scheduled", "followed_up", "tried_twice", "awaiting_reply",
        "waiting_on_decision", "too_soon", "due", "overdue", "no_number", "gone_quiet",
    ]
}

private func isDate(_ value: JSON?) -> Bool {
    guard let text = value?.string else { return false }
    return text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
}

private func isInstant(_ value: JSON?) -> Bool { value?.string.flatMap(Instant.init) != nil }
private func isDateOrNull(_ value: JSON?) -> Bool { isDate(value) || value == .null }
private func isInstantOrNull(_ value: JSON?) -> Bool { isInstant(value) || value == .null }

/// A busy window as the store spells it (docs/commands.md §3.4): `09:00-12:00` (every
/// day), `Mon 09:00-10:00`, `Mon-Fri 09:00-09:30`, `Tue,Thu 14:00-15:00`.
private func isBusyWindow(_ value: JSON?) -> Bool {
    let day = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    let days = "\(day)(?:[-,]\(day))*"
    let pattern = #"^(?:"# + days + #" )?([01]\d|2[0-4]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$"#
    return value?.string?.range(of: pattern, options: .regularExpression) != nil
}

/// An ISO 3166 alpha-2 code, as `--country` takes it.
private func isCountryOrNull(_ value: JSON?) -> Bool {
    value == .null || value?.string?.range(of: #"^[A-Z]{2}$"#, options: .regularExpression) != nil
}

private func isNonEmptyString(_ value: JSON?) -> Bool { !(value?.string?.isEmpty ?? true) }
private func isStringOrNull(_ value: JSON?) -> Bool { value?.string != nil || value == .null }

/// Expects exactly `keys`, and records which are missing or extra.
func expectKeys(_ value: JSON, _ keys: Set<String>, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard value.object != nil else {
        Issue.record("\(what) should be an object, got \(value)", sourceLocation: sourceLocation)
        return
    }
    let missing = keys.subtracting(value.keys).sorted()
    let extra = value.keys.subtracting(keys).sorted()
    #expect(
        missing.isEmpty && extra.isEmpty, "\(what) keys: missing \(missing), unexpected \(extra) in \(value)",
        sourceLocation: sourceLocation)
}

/// An agenda object: keys and value types of docs/commands.md §3.13.
func expectAgendaShape(_ value: JSON, sourceLocation: SourceLocation = #_sourceLocation) {
    expectKeys(value, Shape.agenda, "agenda object", sourceLocation: sourceLocation)
    #expect(value["id"]?.int != nil, "id is an integer: \(value)", sourceLocation: sourceLocation)
    #expect(value["company"]?.string != nil && value["role"]?.string != nil, sourceLocation: sourceLocation)
    #expect(Shape.statuses.contains(value["status"]?.string ?? ""), "status: \(value)", sourceLocation: sourceLocation)
    #expect(Shape.states.contains(value["state"]?.string ?? ""), "state: \(value)", sourceLocation: sourceLocation)
    for key in ["due_from", "due_by"] {
        #expect(
            isDate(value[key]) || value[key] == .null, "\(key) is YYYY-MM-DD or null: \(value)",
            sourceLocation: sourceLocation)
    }
    #expect(
        isInstant(value["call_at"]) || value["call_at"] == .null, "call_at is ISO with offset or null: \(value)",
        sourceLocation: sourceLocation)
    for key in ["interviewer", "phone", "tz"] {
        #expect(isStringOrNull(value[key]), "\(key) is a string or null: \(value)", sourceLocation: sourceLocation)
    }
    #expect(
        value["unanswered_attempts"]?.int != nil, "unanswered_attempts is an integer: \(value)",
        sourceLocation: sourceLocation)
    #expect(
        value["thank_you_due"]?.bool != nil, "thank_you_due is a boolean: \(value)", sourceLocation: sourceLocation)
    #expect(isNonEmptyString(value["reason"]), "reason is a sentence: \(value)", sourceLocation: sourceLocation)
}

func expectCallShape(_ value: JSON, sourceLocation: SourceLocation = #_sourceLocation) {
    expectKeys(value, Shape.call, "call object", sourceLocation: sourceLocation)
    #expect(value["id"]?.int != nil, "id is an integer: \(value)", sourceLocation: sourceLocation)
    #expect(isInstant(value["at"]), "at is ISO with offset: \(value)", sourceLocation: sourceLocation)
    #expect(
        Shape.outcomes.contains(value["outcome"]?.string ?? ""), "outcome: \(value)", sourceLocation: sourceLocation)
    #expect(isInstantOrNull(value["callback_at"]), "callback_at: \(value)", sourceLocation: sourceLocation)
    #expect(
        isDateOrNull(value["decision_by"]), "decision_by is YYYY-MM-DD or null: \(value)",
        sourceLocation: sourceLocation)
    // A letter is written, not dialled: `wrote` has no number, every other outcome one.
    if value["outcome"] == .string("wrote") {
        #expect(value["number"] == .null, "a wrote call has no number: \(value)", sourceLocation: sourceLocation)
    } else {
        #expect(
            isNonEmptyString(value["number"]), "number is the number dialled: \(value)",
            sourceLocation: sourceLocation)
    }
    #expect(isStringOrNull(value["notes"]), "notes: \(value)", sourceLocation: sourceLocation)
}

func expectInterviewShape(_ value: JSON, sourceLocation: SourceLocation = #_sourceLocation) {
    expectKeys(value, Shape.interview, "interview object", sourceLocation: sourceLocation)
    #expect(value["id"]?.int != nil, "id is an integer: \(value)", sourceLocation: sourceLocation)
    #expect(isInstant(value["held_at"]), "held_at is ISO with offset: \(value)", sourceLocation: sourceLocation)
    #expect(value["tz"]?.string != nil, "tz is a zone name: \(value)", sourceLocation: sourceLocation)
    #expect(
        isCountryOrNull(value["country"]), "country is a code like GB, or null: \(value)",
        sourceLocation: sourceLocation)
    #expect(
        isStringOrNull(value["interviewer"]) && isStringOrNull(value["phone"]) && isStringOrNull(value["notes"]),
        sourceLocation: sourceLocation)
    #expect(isDateOrNull(value["decision_by"]), "decision_by: \(value)", sourceLocation: sourceLocation)
    #expect(
        isInstantOrNull(value["thanked_at"]), "thanked_at is ISO with offset or null: \(value)",
        sourceLocation: sourceLocation)
    #expect(
        value["after_hours_ok"]?.bool != nil, "after_hours_ok is a boolean: \(value)", sourceLocation: sourceLocation)
    let busy = value["busy"]?.array
    #expect(busy != nil, "busy is an array: \(value)", sourceLocation: sourceLocation)
    for window in busy ?? [] {
        #expect(
            isBusyWindow(window), "busy windows are [days ]HH:MM-HH:MM strings: \(window) in \(value)",
            sourceLocation: sourceLocation)
    }
    let calls = value["calls"]?.array
    #expect(calls != nil, "calls is an array: \(value)", sourceLocation: sourceLocation)
    for call in calls ?? [] { expectCallShape(call, sourceLocation: sourceLocation) }
}

/// The application object (`add`, `edit`, `status`, `interview`, `call`, `voicemail`,
/// `show`), or with `listItem` a `list` item, which has no `interviews`.
func expectApplicationShape(_ value: JSON, listItem: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
    expectKeys(
        value, listItem ? Shape.listItem : Shape.application, listItem ? "list item" : "application object",
        sourceLocation: sourceLocation)
    #expect(value["id"]?.int != nil, "id is an integer: \(value)", sourceLocation: sourceLocation)
    #expect(value["company"]?.string != nil && value["role"]?.string != nil, sourceLocation: sourceLocation)
    #expect(Shape.statuses.contains(value["status"]?.string ?? ""), "status: \(value)", sourceLocation: sourceLocation)
    #expect(isDate(value["applied_on"]), "applied_on is YYYY-MM-DD: \(value)", sourceLocation: sourceLocation)
    #expect(isStringOrNull(value["url"]) && isStringOrNull(value["notes"]), sourceLocation: sourceLocation)
    let highlights = value["highlights"]?.array
    #expect(
        highlights != nil && highlights!.allSatisfy { $0.string != nil }, "highlights is an array of strings: \(value)",
        sourceLocation: sourceLocation)
    if !listItem {
        let interviews = value["interviews"]?.array
        #expect(interviews != nil, "interviews is an array: \(value)", sourceLocation: sourceLocation)
        for interview in interviews ?? [] { expectInterviewShape(interview, sourceLocation: sourceLocation) }
    }
    if let followUp = value["follow_up"] {
        expectAgendaShape(followUp, sourceLocation: sourceLocation)
    }
}

/// Expects an agenda object's verdict: state, window and call_at.
func expectFollowUp(
    _ entry: JSON, state: String, window: (String, String)?, callAt: String?,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(entry["state"]?.string == state, "state: expected \(state) in \(entry)", sourceLocation: sourceLocation)
    #expect(
        entry["due_from"] == (window.map { JSON.string($0.0) } ?? .null), "due_from in \(entry)",
        sourceLocation: sourceLocation)
    #expect(
        entry["due_by"] == (window.map { JSON.string($0.1) } ?? .null), "due_by in \(entry)",
        sourceLocation: sourceLocation)
    expectInstant(entry["call_at"], callAt, "call_at", sourceLocation: sourceLocation)
}
