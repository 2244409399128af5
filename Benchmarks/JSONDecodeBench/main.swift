import Foundation
import JSONText

// Reads a jobtrack export (docs/commands.md §3) one of three ways, so that `make bench` can weigh
// the hand-written byte parser against a typed `Decodable` import on the same file:
//
//   json-decode-bench parser FILE        JSONParser.parse into a JSONValue tree
//   json-decode-bench parser-typed FILE  the same, then the tree checked into the structs below
//   json-decode-bench decodable FILE     JSONDecoder straight into the structs below
//
// Each prints what it read (applications, interviews, calls), so that the three can be
// seen to agree and no work is left out by the optimiser.

/// The export document, typed: what a `Decodable` import would read.
struct ExportFile: Decodable {
    let format: String
    let version: Int
    let settings: [String: String]
    let applications: [Application]
}

struct Application: Decodable {
    let id: Int64?
    let company: String
    let role: String
    let status: String
    let appliedOn: String
    let url: String?
    let notes: String?
    let highlights: [String]
    let interviews: [Interview]

    enum CodingKeys: String, CodingKey {
        case id, company, role, status, appliedOn = "applied_on", url, notes, highlights, interviews
    }
}

struct Interview: Decodable {
    let id: Int64?
    let heldAt: String
    let tz: String
    let interviewer: String?
    let phone: String?
    let decisionBy: String?
    let afterHoursOK: Bool
    let busy: [String]
    let notes: String?
    let calls: [Call]

    enum CodingKeys: String, CodingKey {
        case id, heldAt = "held_at", tz, interviewer, phone, decisionBy = "decision_by",
             afterHoursOK = "after_hours_ok", busy, notes, calls
    }
}

struct Call: Decodable {
    let id: Int64?
    let at: String
    let outcome: String
    let callbackAt: String?
    let number: String?
    let notes: String?

    enum CodingKeys: String, CodingKey {
        case id, at, outcome, callbackAt = "callback_at", number, notes
    }
}

// MARK: The tree checked into the same structs, as the import checks it into a batch

struct WrongShape: Error, CustomStringConvertible {
    let description: String
}

extension JSONObject {
    func value(_ name: String) throws -> JSONValue {
        guard let value = self[name] else { throw WrongShape(description: "missing \(name)") }
        return value
    }

    func string(_ name: String) throws -> String {
        guard case .string(let text) = try value(name) else { throw WrongShape(description: "\(name): not text") }
        return text
    }

    func optionalString(_ name: String) throws -> String? {
        switch self[name] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw WrongShape(description: "\(name): not text")
        }
    }

    func integer(_ name: String) throws -> Int64 {
        guard case .integer(let number) = try value(name) else { throw WrongShape(description: "\(name): not an integer") }
        return number
    }

    func optionalInteger(_ name: String) throws -> Int64? {
        switch self[name] {
        case nil, .null?: return nil
        case .integer(let number)?: return number
        default: throw WrongShape(description: "\(name): not an integer")
        }
    }

    func bool(_ name: String) throws -> Bool {
        guard case .bool(let flag) = try value(name) else { throw WrongShape(description: "\(name): not true/false") }
        return flag
    }

    func array<T>(_ name: String, _ element: (JSONValue) throws -> T) throws -> [T] {
        guard case .array(let values) = try value(name) else { throw WrongShape(description: "\(name): not an array") }
        return try values.map(element)
    }
}

func object(_ value: JSONValue) throws -> JSONObject {
    guard case .object(let members) = value else { throw WrongShape(description: "not an object") }
    return members
}

func text(_ value: JSONValue) throws -> String {
    guard case .string(let text) = value else { throw WrongShape(description: "not text") }
    return text
}

extension ExportFile {
    init(tree: JSONValue) throws {
        let root = try object(tree)
        format = try root.string("format")
        version = Int(try root.integer("version"))
        settings = try object(try root.value("settings")).members.reduce(into: [:]) { $0[$1.name] = try text($1.value) }
        applications = try root.array("applications") { try Application(tree: $0) }
    }
}

extension Application {
    init(tree: JSONValue) throws {
        let fields = try object(tree)
        id = try fields.optionalInteger("id")
        company = try fields.string("company")
        role = try fields.string("role")
        status = try fields.string("status")
        appliedOn = try fields.string("applied_on")
        url = try fields.optionalString("url")
        notes = try fields.optionalString("notes")
        highlights = try fields.array("highlights", text)
        interviews = try fields.array("interviews") { try Interview(tree: $0) }
    }
}

extension Interview {
    init(tree: JSONValue) throws {
        let fields = try object(tree)
        id = try fields.optionalInteger("id")
        heldAt = try fields.string("held_at")
        tz = try fields.string("tz")
        interviewer = try fields.optionalString("interviewer")
        phone = try fields.optionalString("phone")
        decisionBy = try fields.optionalString("decision_by")
        afterHoursOK = try fields.bool("after_hours_ok")
        busy = try fields.array("busy", text)
        notes = try fields.optionalString("notes")
        calls = try fields.array("calls") { try Call(tree: $0) }
    }
}

extension Call {
    init(tree: JSONValue) throws {
        let fields = try object(tree)
        id = try fields.optionalInteger("id")
        at = try fields.string("at")
        outcome = try fields.string("outcome")
        callbackAt = try fields.optionalString("callback_at")
        number = try fields.optionalString("number")
        notes = try fields.optionalString("notes")
    }
}

// MARK: Counting what was read

func counts(_ file: ExportFile) -> (Int, Int, Int) {
    let interviews = file.applications.flatMap(\.interviews)
    return (file.applications.count, interviews.count, interviews.reduce(0) { $0 + $1.calls.count })
}

func counts(_ tree: JSONValue) throws -> (Int, Int, Int) {
    let applications = try object(tree).array("applications", object)
    let interviews = try applications.flatMap { try $0.array("interviews", object) }
    return (applications.count, interviews.count, try interviews.reduce(0) { $0 + (try $1.array("calls") { $0 }).count })
}

let arguments = CommandLine.arguments
guard arguments.count == 3, ["parser", "parser-typed", "decodable"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: json-decode-bench parser|parser-typed|decodable FILE\n".utf8))
    exit(64)
}
do {
    let data = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
    let read: (Int, Int, Int)
    switch arguments[1] {
    case "parser": read = try counts(JSONParser.parse(data))
    case "parser-typed": read = counts(try ExportFile(tree: JSONParser.parse(data)))
    default: read = counts(try JSONDecoder().decode(ExportFile.self, from: data))
    }
    print("applications \(read.0) interviews \(read.1) calls \(read.2)")
} catch {
    FileHandle.standardError.write(Data("json-decode-bench: \(error)\n".utf8))
    exit(1)
}
