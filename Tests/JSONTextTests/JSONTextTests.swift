import Foundation
import JSONText
import Testing

@Suite("JSON text: the import parser and the output writer")
struct JSONTextTests {
    static func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Data(text.utf8))
    }

    @Test("every kind of value, escapes and surrogate pairs included")
    func values() throws {
        let value = try Self.parse(
            #"""
            {"a": [1, -2, 3.5, 1e3, true, false, null],
             "s": "q\"b\\s\/n\n t\t u\u00e9 \ud83d\ude00 é 👩🏽‍💻", "e": {}, "z": []}
            """#)
        #expect(
            value
                == .object([
                    "a": .array([
                        .integer(1), .integer(-2), .number(3.5), .number(1000), .bool(true), .bool(false), .null,
                    ]),
                    "s": .string("q\"b\\s/n\n t\t u\u{e9} 😀 é 👩🏽‍💻"),
                    "e": .object([:]),
                    "z": .array([]),
                ]))
    }

    /// Each byte that ends plain text, and what a string holding it reads as (nil: refused).
    static let stops: [(text: String, value: String?)] = [
        (#"\""#, "\""), (#"\\"#, "\\"), ("\u{1F}", nil), ("\t", nil), ("é", "é"), ("\u{7F}", "\u{7F}"),
        (#"\n"#, "\n"),
    ]

    @Test("a string read eight bytes at a time stops at its quote, an escape, a control character or UTF-8 anywhere")
    func stopsAnywhere() throws {
        for (stop, value) in Self.stops {
            for offset in 0..<20 {
                let before = String(repeating: "a", count: offset)
                let after = String(repeating: "b", count: 20 - offset)
                let text = "[\"" + before + stop + after + "\"]"
                if let value {
                    #expect(try Self.parse(text) == .array([.string(before + value + after)]), "\(text)")
                } else {
                    #expect(throws: JSONParser.SyntaxError.self, "\(text)") { try Self.parse(text) }
                }
            }
        }
        for length in 0..<20 {
            let text = String(repeating: "x", count: length)
            #expect(try Self.parse("[\"" + text + "\"]") == .array([.string(text)]))
            #expect(throws: JSONParser.SyntaxError.self) { try Self.parse("[\"" + text) }
        }
    }

    @Test("member names met again, many names, long names and names with escapes read as themselves")
    func namesMetAgain() throws {
        let names =
            (0..<100).map { "n\($0)" } + [
                String(repeating: "s", count: 16), String(repeating: "s", count: 17), "é", "a\"b", "a\\b", "",
                "ab", "ba", "abcdefgh", "abcdefgi",
            ]
        let object = JSONValue.object(
            JSONObject(names.enumerated().map { (name: $0.element, value: .integer(Int64($0.offset))) }))
        let members = names.enumerated().map { index, name in
            "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\": \(index)"
        }
        let text = "{" + members.joined(separator: ", ") + "}"
        #expect(
            try Self.parse("[" + Array(repeating: text, count: 3).joined(separator: ", ") + "]")
                == .array([object, object, object]))
    }

    @Test("a byte order mark before the document is skipped")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse(Data([0xEF, 0xBB, 0xBF] + Array("[1]".utf8))) == .array([.integer(1)]))
    }

    /// What `parse(_:streaming:_:)` hands over, in order, and the value it returns.
    static func stream(_ text: String) throws -> (elements: [[JSONValue]], value: JSONValue) {
        var arrays: [[JSONValue]] = []
        let value = try JSONParser.parse(Data(text.utf8), streaming: "items") { streamed in
            switch streamed {
            case .arrayBegins: arrays.append([])
            case .element(let element): arrays[arrays.count - 1].append(element)
            }
        }
        return (arrays, value)
    }

    @Test("a streamed array's elements are handed over in order, and the document holds it empty")
    func streamedArray() throws {
        let read = try Self.stream(#"{"items": [1, {"a": [2]}, "x"], "other": [3], "n": {"items": [4]}}"#)
        #expect(read.elements == [[.integer(1), .object(["a": .array([.integer(2)])]), .string("x")]])
        #expect(
            read.value
                == .object([
                    "items": .array([]), "other": .array([.integer(3)]), "n": .object(["items": .array([.integer(4)])]),
                ]))
    }

    @Test("each array under a name given twice is streamed from its beginning; a name not holding an array stays")
    func streamedNameTwice() throws {
        let twice = try Self.stream(#"{"items": [1, 2], "items": []}"#)
        #expect(twice.elements == [[.integer(1), .integer(2)], []])
        let notAnArray = try Self.stream(#"{"items": 5}"#)
        #expect(notAnArray.elements.isEmpty)
        #expect(notAnArray.value == .object(["items": .integer(5)]))
        #expect(try Self.stream(#"[{"items": [1]}]"#).elements.isEmpty, "only the top-level object's member")
    }

    @Test("a syntax error after streamed elements is still refused with its line and column")
    func streamedSyntaxError() throws {
        var elements = 0
        #expect(throws: JSONParser.SyntaxError(reason: "expected ',' or ']' in an array", line: 2, column: 4)) {
            try JSONParser.parse(Data("{\"items\": [1,\n 2 3]}".utf8), streaming: "items") { streamed in
                if case .element = streamed { elements += 1 }
            }
        }
        #expect(elements == 2)
    }

    static let broken: [(String, String, Int, Int)] = [
        ("{\"a\": 1,}", "expected a member name in quotes", 1, 9),
        ("[1, 2", "expected ',' or ']' in an array", 1, 6),
        ("{\n  \"a\": tru }", "unexpected character", 2, 8),
        ("\"tab\there\"", "a control character inside a string", 1, 5),
        ("\"open", "a string that never ends", 1, 6),
        ("[01]", "expected ',' or ']' in an array", 1, 3),
        ("[1.]", "a number without digits after '.'", 1, 4),
        ("\"\\ud83d\"", "half of a surrogate pair", 1, 8),
        ("\"\\x\"", "an unknown escape", 1, 3),
        ("[] []", "unexpected text after the document", 1, 4),
        ("", "unexpected end of the document", 1, 1),
    ]

    @Test("broken text is refused with the line and column", arguments: broken)
    func refusals(_ text: String, reason: String, line: Int, column: Int) {
        #expect(throws: JSONParser.SyntaxError(reason: reason, line: line, column: column)) {
            try Self.parse(text)
        }
    }

    /// Containers nested `depth` deep, each opened by `open` and closed by `close`.
    static func nested(_ depth: Int, open: String, close: String) -> String {
        String(repeating: open, count: depth) + "0" + String(repeating: close, count: depth)
    }

    static let containers: [(open: String, close: String)] = [("[", "]"), (#"{"a":"#, "}"), ("[\n", "\n]")]

    @Test("a document nested exactly as deep as the limit is read whole", arguments: containers)
    func deepestAllowed(_ open: String, _ close: String) throws {
        var value = try Self.parse(Self.nested(JSONParser.maximumDepth, open: open, close: close))
        var depth = 0
        while true {
            switch value {
            case .array(let elements) where elements.count == 1: value = elements[0]
            case .object(let object) where object.members.count == 1: value = object.members[0].value
            default:
                #expect(value == .integer(0))
                #expect(depth == JSONParser.maximumDepth)
                return
            }
            depth += 1
        }
    }

    /// The error names the opening bracket of level 513, after 512 openings.
    static let tooDeepCases: [(open: String, close: String, line: Int, column: Int)] = [
        ("[", "]", 1, 513), (#"{"a":"#, "}", 1, 512 * 5 + 1), ("[\n", "\n]", 513, 1),
    ]

    @Test("one level deeper than the limit is refused at the container that crosses it", arguments: tooDeepCases)
    func tooDeep(_ open: String, _ close: String, line: Int, column: Int) {
        #expect(JSONParser.maximumDepth == 512)
        #expect(throws: JSONParser.SyntaxError(reason: "nested more than 512 deep", line: line, column: column)) {
            try Self.parse(Self.nested(513, open: open, close: close))
        }
    }

    struct Sample: Encodable {
        let text: String
        let missing: String?
        let count: Int
        let flags: [Bool]
        let nested: [String: String]
        let empty: [Int]

        enum CodingKeys: String, CodingKey { case text, missing, count, flags, nested, empty }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(missing, forKey: .missing)
            try container.encode(count, forKey: .count)
            try container.encode(flags, forKey: .flags)
            try container.encode(nested, forKey: .nested)
            try container.encode(empty, forKey: .empty)
        }
    }

    @Test("the writer keeps the encoding order, writes null, sorts dictionaries and indents")
    func writer() throws {
        let sample = Sample(text: "a", missing: nil, count: 3, flags: [true], nested: ["b": "2", "a": "1"], empty: [])
        let text = String(decoding: try JSONWriter.data(sample), as: UTF8.self)
        #expect(
            text == """
                {
                  "text" : "a",
                  "missing" : null,
                  "count" : 3,
                  "flags" : [
                    true
                  ],
                  "nested" : {
                    "a" : "1",
                    "b" : "2"
                  },
                  "empty" : []
                }

                """)
    }

    @Test(
        "any text survives writing and reading back",
        arguments: [
            "plain", "quote \" backslash \\ slash /", "line\nbreak\r\ttab", "nul \u{0} bell \u{7} esc \u{1B}",
            "emoji 👩🏽‍💻 🇯🇵 déjà vu 日本語", "'); DROP TABLE applications; --",
        ])
    func roundTrip(_ text: String) throws {
        #expect(try JSONParser.parse(JSONWriter.data([text])) == .array([.string(text)]))
    }
}
