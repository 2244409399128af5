import FollowUp
import Foundation
import JSONText
import JobStore

/// The export document of docs/commands.md §3: `{"format": "jobtrack", "version": 1, "settings":
/// {…}, "applications": [application objects without follow_up]}`.
struct ExportDocument: Encodable {
    static let format = "jobtrack"
    static let version = 1

    let settings: [String: String]
    let applications: [ApplicationJSON]

    enum Keys: String, CodingKey {
        case format, version, settings, applications
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(Self.format, forKey: .format)
        try container.encode(Self.version, forKey: .version)
        try container.encode(settings, forKey: .settings)
        try container.encode(applications, forKey: .applications)
    }
}

extension JSONValue {
    /// The value as a message quotes it.
    var text: String {
        switch self {
        case .string(let value): ImportRules.quoted(value)
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .bool(let value): String(value)
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Where an object is in the document. It is spelt out only for a message: spelling
/// out every record's position as it was read cost more than checking most of its fields.
private enum RecordPath {
    case document
    case settings
    case application(Int)
    case interview(application: Int, Int)
    case call(application: Int, interview: Int, Int)

    /// As a message names it: `applications[3].interviews[0].calls[1]`.
    var description: String {
        switch self {
        case .document: ""
        case .settings: "settings"
        case .application(let index): "applications[\(index)]"
        case .interview(let application, let index):
            "\(RecordPath.application(application).description).interviews[\(index)]"
        case .call(let application, let interview, let index):
            "\(RecordPath.interview(application: application, interview).description).calls[\(index)]"
        }
    }
}

/// The members an object of the document may have, in the order a message lists
/// them. A member is looked up by its key's place in that order, not by its name:
/// comparing names cost more than most checks of a record did.
private protocol FieldKey {
    static var names: [String] { get }
    /// The key's place in `names`.
    var index: Int { get }
}

extension FieldKey {
    var name: String { Self.names[index] }
}

extension FieldKey where Self: RawRepresentable<Int> {
    var index: Int { rawValue }
}

private enum DocumentField: Int, FieldKey {
    case format, version, settings, applications
    static let names = ["format", "version", "settings", "applications"]
}

extension ConfigKey: FieldKey {
    fileprivate static let names = allCases.map(\.rawValue)
    fileprivate var index: Int { Self.names.firstIndex(of: rawValue)! }
}

private enum ApplicationField: Int, FieldKey {
    case id, company, role, status, appliedOn, url, notes, highlights, interviews
    static let names = ["id", "company", "role", "status", "applied_on", "url", "notes", "highlights", "interviews"]
}

private enum InterviewField: Int, FieldKey {
    case id, heldAt, tz, country, interviewer, phone, decisionBy, afterHoursOK, busy, thankedAt, notes, calls
    static let names = [
        "id", "held_at", "tz", "country", "interviewer", "phone", "decision_by", "after_hours_ok", "busy",
        "thanked_at", "notes", "calls",
    ]
}

private enum CallField: Int, FieldKey {
    case id, at, outcome, callbackAt, decisionBy, number, notes
    static let names = ["id", "at", "outcome", "callback_at", "decision_by", "number", "notes"]
}

/// One JSON object of the file, at `path`, whose keys must all be known.
private struct Fields<Key: FieldKey> {
    let members: JSONObject
    let path: RecordPath
    /// For each key, one more than the index of its member (its last, when repeated); 0: absent.
    private var slots = InlineArray<12, Int32>(repeating: 0)

    init(_ value: JSONValue, path: RecordPath, ignored: [String] = []) throws(FieldProblem) {
        guard case .object(let members) = value else {
            throw FieldProblem(position: path.description, reason: "expected an object, got \(value.kind)")
        }
        let allowed = Key.names
        precondition(allowed.count <= slots.count, "a record has no more members than it has slots")
        // An export writes the names in nearly the order allowed: each is looked for from
        // just after the one before, and most are found at the first comparison (every
        // name told apart costs a call into the runtime).
        var next = 0
        var allKnown = true
        for (index, member) in members.members.enumerated() {
            guard let found = Self.position(of: member.name, in: allowed, from: next) else {
                allKnown = allKnown && ignored.contains(member.name)
                continue
            }
            slots[found] = Int32(index + 1)
            next = found + 1
        }
        // The first unknown name in sorted order is named; sorting only then spares every record a sort.
        if !allKnown,
            let key = members.keys.sorted().first(where: { !allowed.contains($0) && !ignored.contains($0) })
        {
            throw FieldProblem(
                position: Self.join(path.description, key),
                reason: "unknown field; expected one of \(allowed.joined(separator: ", "))")
        }
        self.members = members
        self.path = path
    }

    /// Where `name` is in `names`, looked for from `start` to the end, then from the beginning.
    private static func position(of name: String, in names: [String], from start: Int) -> Int? {
        names[start...].firstIndex(of: name) ?? names[..<start].firstIndex(of: name)
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func position(_ key: Key) -> String { Self.join(path.description, key.name) }

    /// The member under `key`, if the object has it.
    subscript(key: Key) -> JSONValue? {
        let slot = Int(slots[key.index])
        return slot == 0 ? nil : members.members[slot - 1].value
    }

    /// Runs a rule on a field's value, naming the field when it fails.
    func check<T>(_ key: Key, _ rule: (String) throws(FieldProblem) -> T, _ value: String) throws(FieldProblem) -> T {
        do {
            return try rule(value)
        } catch {
            throw FieldProblem(position: position(key), reason: error.reason)
        }
    }

    /// Applies a rule of the commands, naming `key` as where it broke.
    func check(_ key: Key, _ rule: () throws(Refusal) -> Void) throws(FieldProblem) {
        do {
            try rule()
        } catch {
            throw FieldProblem(position: position(key), reason: error.description)
        }
    }

    /// Text or null/absent.
    func string(_ key: Key) throws(FieldProblem) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case let other?: throw FieldProblem(position: position(key), reason: "expected text, got \(other.kind)")
        }
    }

    func requiredString(_ key: Key) throws(FieldProblem) -> String {
        guard let value = try string(key) else {
            throw FieldProblem(position: position(key), reason: self[key] == nil ? "missing" : "must not be null")
        }
        return value
    }

    func bool(_ key: Key) throws(FieldProblem) -> Bool? {
        switch self[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case let other?:
            throw FieldProblem(position: position(key), reason: "expected true or false, got \(other.text)")
        }
    }

    func array(_ key: Key) throws(FieldProblem) -> [JSONValue] {
        switch self[key] {
        case nil, .null?: return []
        case .array(let items)?: return items
        case let other?: throw FieldProblem(position: position(key), reason: "expected an array, got \(other.kind)")
        }
    }

    func strings(_ key: Key) throws(FieldProblem) -> [String] {
        var values: [String] = []
        for (index, item) in try array(key).enumerated() {
            guard case .string(let value) = item else {
                throw FieldProblem(position: "\(position(key))[\(index)]", reason: "expected text, got \(item.kind)")
            }
            values.append(value)
        }
        return values
    }
}

extension Fields where Key: RawRepresentable<Int> {
    /// A record's id as an export writes it: a positive whole number, or null/absent.
    /// Every record's first key is its id.
    func id() throws(FieldProblem) -> Int64? {
        let id = Key(rawValue: 0)!
        switch self[id] {
        case nil, .null?: return nil
        case .integer(let value)? where value > 0: return value
        case let other?:
            throw FieldProblem(position: position(id), reason: "expected a positive whole number, got \(other.text)")
        }
    }
}

/// Reads an export document back, checking every record against the rules of the
/// commands, and names the first record that breaks one.
struct JSONImport {
    let file: String
    let userZone: TimeZone
    let now: Date
    private let zones = ZoneCache()
    private let busySpellings = BusySpellings()

    func read(_ data: Data) throws -> ImportBatch {
        // Each application is checked as soon as it is read, and its JSON let go: a
        // whole document's tree took several times the file's size, and its many small
        // pieces, freed, slowed every allocation of the writes that follow.
        var applications = ApplicationsRead()
        let root: JSONValue
        do {
            root = try JSONParser.parse(data, streaming: "applications") { streamed in
                switch streamed {
                case .arrayBegins: applications = ApplicationsRead()
                case .element(let item): applications.add(item, reader: self)
                }
            }
        } catch {
            throw ExchangeError.notJSON(file, reason: error.description)
        }
        do {
            return try batch(root, applications)
        } catch let problem as FieldProblem {
            throw ExchangeError.invalid(file, position: problem.position, reason: problem.reason)
        }
    }

    /// The document's applications, checked in order as they are read; after the first
    /// that breaks a rule the rest are only read, so that a syntax error further on is
    /// still the one named.
    private struct ApplicationsRead {
        var applications: [ImportBatch.Application] = []
        var ids = RecordIDs()
        var problem: FieldProblem?
        var count = 0

        mutating func add(_ item: JSONValue, reader: JSONImport) {
            defer { count += 1 }
            guard problem == nil else { return }
            do {
                let application = try reader.application(item, index: count)
                try ids.check(application, index: count)
                applications.append(application)
            } catch {
                problem = error
            }
        }
    }

    /// The batch, once the document's own fields are checked; their problems come
    /// before any application's, as a reader of the file meets them.
    private func batch(_ root: JSONValue, _ applications: ApplicationsRead) throws -> ImportBatch {
        guard case .object(let members) = root else {
            throw ExchangeError.wrongFormat(file, found: "missing (the document is \(root.kind), not an object)")
        }
        guard case .string(ExportDocument.format)? = members["format"] else {
            throw ExchangeError.wrongFormat(file, found: members["format"]?.text ?? "missing")
        }
        guard case .integer(Int64(ExportDocument.version))? = members["version"] else {
            throw ExchangeError.wrongVersion(file, found: members["version"]?.text ?? "missing")
        }
        let document = try Fields<DocumentField>(root, path: .document)
        var batch = ImportBatch()
        batch.settings = try settings(members["settings"] ?? .object([:]))
        // Null or absent is no applications; anything but an array is refused.
        guard case .array = members["applications"] else {
            _ = try document.array(.applications)
            return batch
        }
        if let problem = applications.problem { throw problem }
        batch.applications = applications.applications
        return batch
    }

    private func settings(_ value: JSONValue) throws(FieldProblem) -> [String: String] {
        if value == .null { return [:] }
        let fields = try Fields<ConfigKey>(value, path: .settings)
        var settings: [String: String] = [:]
        for key in fields.members.keys.sorted() {
            settings[key] = try fields.requiredString(ConfigKey(rawValue: key)!)
        }
        for key in settings.keys.sorted() {
            guard let configKey = ConfigKey(rawValue: key) else { continue }
            do {
                try configKey.validate(settings[key]!)
            } catch {
                let reason = (error as? Refusal)?.description ?? String(describing: error)
                throw FieldProblem(position: fields.position(configKey), reason: reason)
            }
        }
        return settings
    }

    private func application(_ value: JSONValue, index: Int) throws(FieldProblem) -> ImportBatch.Application {
        let fields = try Fields<ApplicationField>(value, path: .application(index), ignored: ["follow_up"])
        let company = try fields.check(.company, ImportRules.name, fields.requiredString(.company))
        let role = try fields.check(.role, ImportRules.name, fields.requiredString(.role))
        let status =
            try fields.string(.status).map { text throws(FieldProblem) in
                try fields.check(.status, ImportRules.status, text)
            } ?? .applied
        let appliedOn =
            try fields.string(.appliedOn).map { text throws(FieldProblem) in
                try fields.check(.appliedOn, ImportRules.date, text)
            } ?? CalendarDate.containing(now, in: userZone)
        var highlights: [String] = []
        for (highlightIndex, text) in try fields.strings(.highlights).enumerated() {
            do {
                highlights.append(try ImportRules.text(text))
            } catch {
                throw FieldProblem(
                    position: "\(fields.position(.highlights))[\(highlightIndex)]", reason: error.reason)
            }
        }
        var interviews: [ImportBatch.Interview] = []
        for (interviewIndex, item) in try fields.array(.interviews).enumerated() {
            interviews.append(try interview(item, application: index, index: interviewIndex))
        }
        return ImportBatch.Application(
            id: try fields.id(), company: company, role: role, status: status, appliedOn: appliedOn.iso,
            url: try fields.string(.url),
            notes: try fields.string(.notes), highlights: highlights, interviews: interviews)
    }

    private func interview(_ value: JSONValue, application: Int, index: Int) throws(FieldProblem)
        -> ImportBatch.Interview
    {
        let fields = try Fields<InterviewField>(value, path: .interview(application: application, index))
        let heldAt = try fields.check(.heldAt, ImportRules.instant, fields.requiredString(.heldAt))
        let zone =
            try fields.string(.tz).map { text throws(FieldProblem) in
                try fields.check(.tz, { name throws(FieldProblem) in try ImportRules.zone(name, in: zones) }, text)
            } ?? userZone
        let phone = try fields.string(.phone).map { text throws(FieldProblem) in
            try fields.check(.phone, ImportRules.phone, text)
        }
        let decisionBy = try fields.string(.decisionBy).map { text throws(FieldProblem) in
            try fields.check(.decisionBy, ImportRules.date, text)
        }
        try fields.check(.decisionBy) { () throws(Refusal) in
            try InterviewRules.checkDecision(decisionBy, heldAt: heldAt, in: zone)
        }
        var busy: [String] = []
        for (windowIndex, text) in try fields.strings(.busy).enumerated() {
            do {
                busy.append(try busySpellings.canonical(text))
            } catch {
                throw FieldProblem(position: "\(fields.position(.busy))[\(windowIndex)]", reason: error.reason)
            }
        }
        let interviewer = try fields.string(.interviewer)
        var calls: [ImportBatch.Call] = []
        for (callIndex, item) in try fields.array(.calls).enumerated() {
            calls.append(
                try call(
                    item, path: .call(application: application, interview: index, callIndex), heldAt: heldAt,
                    zone: zone, phone: phone, interviewer: interviewer))
        }
        let country = try fields.string(.country).map { text throws(FieldProblem) in
            try fields.check(.country, ImportRules.country, text)
        }
        let thankedAt = try fields.string(.thankedAt).map { text throws(FieldProblem) in
            try fields.check(.thankedAt, ImportRules.instant, text)
        }
        if let thankedAt {
            try fields.check(.thankedAt) { () throws(Refusal) in
                try ThanksRules.check(thankedAt, heldAt: heldAt, now: nil, user: userZone, their: zone)
            }
        }
        return ImportBatch.Interview(
            id: try fields.id(), heldAt: heldAt, tz: zone.identifier, country: country, interviewer: interviewer,
            phone: phone,
            decisionBy: decisionBy?.iso, afterHoursOK: try fields.bool(.afterHoursOK) ?? false, busy: busy,
            thankedAt: thankedAt, notes: try fields.string(.notes), calls: calls)
    }

    /// The rules of the call log, as `jobtrack call` applies them (`CallLogRules`).
    private func call(
        _ value: JSONValue, path: RecordPath, heldAt: Date, zone: TimeZone, phone: String?,
        interviewer: String?
    ) throws(FieldProblem) -> ImportBatch.Call {
        let fields = try Fields<CallField>(value, path: path)
        let at = try fields.check(.at, ImportRules.instant, fields.requiredString(.at))
        let outcome = try fields.check(.outcome, ImportRules.outcome, fields.requiredString(.outcome))
        let callbackAt = try fields.string(.callbackAt).map { text throws(FieldProblem) in
            try fields.check(.callbackAt, ImportRules.instant, text)
        }
        let dialled = try fields.string(.number).map { text throws(FieldProblem) in
            try fields.check(.number, ImportRules.phone, text)
        }
        let number: String?
        do {
            number = try CallLogRules.number(dialled, phone: phone, interviewer: interviewer, outcome: outcome)
        } catch {
            throw FieldProblem(
                position: phone == nil ? path.description : fields.position(.number), reason: error.description)
        }
        try fields.check(.callbackAt) { () throws(Refusal) in
            try CallLogRules.checkCallback(outcome, hasCallback: callbackAt != nil)
        }
        let decisionBy = try fields.string(.decisionBy).map { text throws(FieldProblem) in
            try fields.check(.decisionBy, ImportRules.date, text)
        }
        try fields.check(.decisionBy) { () throws(Refusal) in
            try CallLogRules.checkDecisionOutcome(outcome, hasDecision: decisionBy != nil)
            try CallLogRules.checkDecision(decisionBy, callAt: at, in: zone)
        }
        // An import is never judged by the clock: whatever an export wrote reads back,
        // on any machine at any time (docs/commands.md §3.11).
        do {
            try CallLogRules.checkTimes(
                at: at, callbackAt: callbackAt, heldAt: heldAt, now: nil, user: userZone, their: zone)
        } catch {
            let field: CallField = if case .callbackNotAfterCall = error { .callbackAt } else { .at }
            throw FieldProblem(position: fields.position(field), reason: error.description)
        }
        return ImportBatch.Call(
            id: try fields.id(), at: at, outcome: outcome, callbackAt: callbackAt, decisionBy: decisionBy?.iso,
            number: number,
            notes: try fields.string(.notes))
    }
}

/// Each busy window's canonical spelling, worked out once per spelling: a document
/// repeats a few spellings thousands of times, and parsing one took ~17,000 instructions.
private final class BusySpellings {
    private var spellings: [String: String] = [:]

    func canonical(_ text: String) throws(FieldProblem) -> String {
        if let known = spellings[text] { return known }
        let spelling = try ImportRules.window(text).description
        spellings[text] = spelling
        return spelling
    }
}

/// The ids a document gives, each record's at most once: a restore keeps them.
private struct RecordIDs {
    var applications: [Int64: RecordPath] = [:]
    var interviews: [Int64: RecordPath] = [:]
    var calls: [Int64: RecordPath] = [:]

    mutating func check(_ application: ImportBatch.Application, index: Int) throws(FieldProblem) {
        try Self.claim(application.id, .application(index), in: &applications)
        for (interviewIndex, interview) in application.interviews.enumerated() {
            try Self.claim(interview.id, .interview(application: index, interviewIndex), in: &interviews)
            for (callIndex, call) in interview.calls.enumerated() {
                try Self.claim(call.id, .call(application: index, interview: interviewIndex, callIndex), in: &calls)
            }
        }
    }

    private static func claim(_ id: Int64?, _ path: RecordPath, in seen: inout [Int64: RecordPath])
        throws(FieldProblem)
    {
        guard let id else { return }
        if let first = seen[id] {
            throw FieldProblem(
                position: path.description + ".id", reason: "id \(id) is already the id of \(first.description)")
        }
        seen[id] = path
    }
}
