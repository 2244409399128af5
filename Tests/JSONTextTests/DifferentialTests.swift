import Foundation
import JSONText
import PropertyBased
import Testing

/// A random value and a JSON text of it written with choices `JSONSerialization` never makes.
struct Written: Sendable, CustomStringConvertible {
    let value: JSONValue
    let text: String

    var description: String { text }

    static let generator = Generator<Written, Shrink.None<Written>> { rng in
        let value = RandomJSON.value(depth: 0, &rng)
        return Written(value: value, text: RandomJSON.text(value, &rng))
    }
}

/// A record as the application's types encode themselves: synthesized `Encodable`, an
/// optional left out when nil, a dictionary, nested records under a renamed key.
struct Record: Encodable, Sendable {
    let id: Int64
    let count: Int
    let name: String
    let note: String?
    let score: Double
    let active: Bool
    let tags: [String]
    let labels: [String: String]
    let children: [Record]

    enum CodingKeys: String, CodingKey {
        case id, count, name, note, score, active, tags, labels, children = "child_records"
    }

    /// What the JSON should read as.
    var json: JSONValue {
        var members: [(name: String, value: JSONValue)] = [
            ("id", .integer(id)), ("count", .integer(Int64(count))), ("name", .string(name)),
        ]
        if let note { members.append(("note", .string(note))) }
        members += [
            ("score", .number(score)), ("active", .bool(active)), ("tags", .array(tags.map(JSONValue.string))),
            ("labels", .object(JSONObject(labels.map { (name: $0.key, value: .string($0.value)) }))),
            ("child_records", .array(children.map(\.json))),
        ]
        return .object(JSONObject(members))
    }

    static func random(depth: Int, _ rng: inout RandomJSON.RNG) -> Record {
        var labels: [String: String] = [:]
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            let key = RandomJSON.string(&rng)
            guard !labels.keys.contains(where: { RandomJSON.distinct($0) == RandomJSON.distinct(key) }) else {
                continue
            }
            labels[key] = RandomJSON.string(&rng)
        }
        return Record(
            id: RandomJSON.integer(&rng), count: Int(RandomJSON.integer(&rng)), name: RandomJSON.string(&rng),
            note: Bool.random(using: &rng) ? RandomJSON.string(&rng) : nil, score: RandomJSON.double(&rng),
            active: Bool.random(using: &rng),
            tags: (0..<Int.random(in: 0...3, using: &rng)).map { _ in RandomJSON.string(&rng) },
            labels: labels,
            children: depth >= 2
                ? [] : (0..<Int.random(in: 0...2, using: &rng)).map { _ in random(depth: depth + 1, &rng) })
    }

    static let generator = Generator<Record, Shrink.None<Record>> { rng in random(depth: 0, &rng) }
}

@Suite("JSON text against Foundation's JSONSerialization, on random documents")
struct DifferentialTests {
    static func foundationRead(_ data: Data) throws -> Any {
        try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    @Test("the parser reads what JSONSerialization writes as the value written, and as JSONSerialization reads it")
    func parserReadsFoundation() async {
        await propertyCheck(count: 500, input: RandomJSON.generator) { value in
            let data = try JSONSerialization.data(
                withJSONObject: RandomJSON.foundationObject(value), options: [.fragmentsAllowed])
            let text = String(decoding: data, as: UTF8.self)
            let parsed = try JSONParser.parse(data)
            #expect(RandomJSON.same(parsed, value), "\(text)")
            let difference = RandomJSON.difference(parsed, try Self.foundationRead(data))
            #expect(difference == nil, "\(text)")
        }
    }

    @Test(
        "\\u escapes, surrogate pairs, \\b \\f \\/, exponents and whitespace are read as JSONSerialization reads them")
    func parserReadsEveryEscape() async {
        await propertyCheck(count: 500, input: Written.generator) { written in
            let data = Data(written.text.utf8)
            let parsed = try JSONParser.parse(data)
            #expect(RandomJSON.same(parsed, written.value), "\(written.text)")
            let difference = RandomJSON.difference(parsed, try Self.foundationRead(data))
            #expect(difference == nil, "\(written.text)")
        }
    }

    @Test("JSONSerialization reads back what the writer writes, through every container of the Encoder protocol")
    func foundationReadsWriter() async {
        await propertyCheck(count: 500, input: RandomJSON.generator) { value in
            let data = try JSONWriter.data(JSONValue.Encoded(value: value))
            let text = String(decoding: data, as: UTF8.self)
            let difference = RandomJSON.difference(value, try Self.foundationRead(data))
            #expect(difference == nil, "\(text)")
            #expect(RandomJSON.same(try JSONParser.parse(data), value), "\(text)")
        }
    }

    @Test("JSONSerialization reads back a synthesized Encodable record the writer writes")
    func foundationReadsRecords() async {
        await propertyCheck(count: 300, input: Record.generator) { record in
            let data = try JSONWriter.data(record)
            let text = String(decoding: data, as: UTF8.self)
            let difference = RandomJSON.difference(record.json, try Self.foundationRead(data))
            #expect(difference == nil, "\(text)")
        }
    }

    @Test(
        "the ends of Int64 and of Double, and escapes, read alike by both",
        arguments: [
            "-9223372036854775808", "9223372036854775807", "[-0, 0.0, -0.0]", "5e-324", "1.7976931348623157e308",
            "4.9406564584124654e-324", "2.2250738585072014E-308", "0.1e1", "1E+2", "123456789012345678e-1",
            #""\ud83d\ude00 \uD834\uDD1E \u0000 \u001f \u2028 \ufeff \/""#, #"{"\u00e9":"e\u0301"}"#,
            " \t\r\n[ true , false , null ] \n",
        ])
    func edges(_ text: String) throws {
        let data = Data(text.utf8)
        let difference = RandomJSON.difference(try JSONParser.parse(data), try Self.foundationRead(data))
        #expect(difference == nil)
    }
}
