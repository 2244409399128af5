import Foundation
import JSONText
import PropertyBased

/// Random JSON values for the differential tests against Foundation's `JSONSerialization`:
/// nested objects and arrays, text with every kind of character JSON treats specially,
/// integers to the ends of `Int64`, doubles from any bit pattern, true, false and null.
enum RandomJSON {
    typealias RNG = any SeededRandomNumberGenerator

    static let generator = Generator<JSONValue, Shrink.None<JSONValue>> { rng in
        value(depth: 0, &rng)
    }

    /// Deep enough to nest objects in arrays in objects; containers grow rarer with depth.
    static let deepest = 6

    static func value(depth: Int, _ rng: inout RNG) -> JSONValue {
        let containerChance = depth == 0 ? 80 : max(0, 45 - depth * 8)
        if Int.random(in: 0..<100, using: &rng) < containerChance {
            if Bool.random(using: &rng) {
                return .array((0..<Int.random(in: 0...5, using: &rng)).map { _ in value(depth: depth + 1, &rng) })
            }
            var names = Set<String>()
            var members: [(name: String, value: JSONValue)] = []
            for _ in 0..<Int.random(in: 0...5, using: &rng) {
                let name = string(&rng)
                guard names.insert(distinct(name)).inserted else { continue }
                members.append((name: name, value: value(depth: depth + 1, &rng)))
            }
            return .object(JSONObject(members))
        }
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2, 3: return .integer(integer(&rng))
        case 4, 5: return .number(double(&rng))
        default: return .string(string(&rng))
        }
    }

    /// What tells member names apart in Foundation's dictionary: Swift's comparison
    /// (canonical equivalence), after Foundation may have dropped U+FEFF (`foundationText`).
    static func distinct(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.filter { $0 != "\u{FEFF}" }))
    }

    static func integer(_ rng: inout RNG) -> Int64 {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: [Int64.min, .max, .min + 1, .max - 1, 0, -1].randomElement(using: &rng)!
        case 1: Int64.random(in: .min ... .max, using: &rng)
        case 2: Int64.random(in: -(1 << 53)...(1 << 53), using: &rng)
        default: Int64.random(in: -1000...1000, using: &rng)
        }
    }

    static func double(_ rng: inout RNG) -> Double {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0:
            [
                0.1, -0.0, 0.5, 1e300, -1e-300, 5e-324, .greatestFiniteMagnitude, -.leastNormalMagnitude,
                1.0 / 3, 9_007_199_254_740_993, 1e17, 123_456.789,
            ].randomElement(using: &rng)!
        case 1, 2:
            // Any finite double: every digit of the shortest round-trip text matters.
            finite(&rng)
        case 3: Double.random(in: -1e6...1e6, using: &rng).rounded()
        default: Double.random(in: -1e6...1e6, using: &rng)
        }
    }

    static func finite(_ rng: inout RNG) -> Double {
        while true {
            let double = Double(bitPattern: UInt64.random(in: .min ... .max, using: &rng))
            if double.isFinite { return double }
        }
    }

    /// Text with quotes, backslashes, slashes, every control character, Latin, the rest
    /// of the Basic Multilingual Plane (line and paragraph separators, a byte order mark,
    /// combining marks and joiners among them) and astral characters.
    static func string(_ rng: inout RNG) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            let value: UInt32 =
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: UInt32.random(in: 0x00...0x1F, using: &rng)
                case 1:
                    [0x22, 0x5C, 0x2F, 0x7F, 0x2028, 0x2029, 0xFEFF, 0x200D, 0x0301, 0xFFFD, 0xFFFF]
                        .randomElement(using: &rng)!
                case 2: UInt32.random(in: 0x80...0x7FF, using: &rng)
                case 3: UInt32.random(in: 0x800...0xFFFF, using: &rng)
                case 4:
                    [0x1F600, 0x1F469, 0x1F3FD, 0x1F4BB, 0x1F1EF, 0x1F1F5, 0x10000, 0x10FFFF]
                        .randomElement(using: &rng)!
                case 5: UInt32.random(in: 0x10000...0x10FFFF, using: &rng)
                default: UInt32.random(in: 0x20...0x7E, using: &rng)
                }
            // Surrogate code points are not scalars: a string cannot hold one alone.
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    // MARK: Foundation's view

    /// The value as `JSONSerialization` takes it.
    static func foundationObject(_ value: JSONValue) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let flag): NSNumber(value: flag)
        case .integer(let number): NSNumber(value: number)
        case .number(let number): NSNumber(value: number)
        case .string(let text): text
        case .array(let elements): elements.map(foundationObject)
        case .object(let object):
            Dictionary(uniqueKeysWithValues: object.members.map { ($0.name, foundationObject($0.value)) })
        }
    }

    /// Foundation's booleans are `NSNumber`s of a class of their own; on Linux any
    /// number 0 or 1 also casts to `Bool`, so the class is what tells them apart.
    static func isBoolean(_ number: NSNumber) -> Bool {
        type(of: number) == type(of: NSNumber(value: true))
    }

    /// Where what `JSONSerialization` read differs from `value`, or nil when it is the
    /// same: the same structure, text equal scalar by scalar (not merely canonically),
    /// integers exactly, doubles to the bit (but for the sign of zero), booleans only as
    /// booleans.
    static func difference(_ value: JSONValue, _ object: Any, at path: String = "$") -> String? {
        let found = "\(path): expected \(value), JSONSerialization read \(object) (\(type(of: object)))"
        switch value {
        case .null:
            return object is NSNull ? nil : found
        case .bool(let flag):
            guard let number = object as? NSNumber, isBoolean(number), number.boolValue == flag else { return found }
            return nil
        case .integer(let integer):
            guard let number = object as? NSNumber, !isBoolean(number) else { return found }
            // Int64.min comes back as an NSDecimalNumber: its text is exact where its int64Value need not be.
            return Int64(number.stringValue) == integer ? nil : found
        case .number(let double):
            guard let number = object as? NSNumber, !isBoolean(number) else { return found }
            // Linux reads a number whose digits a double may not hold (17 of them, say) as an
            // NSDecimalNumber, whose doubleValue is off in the last bits: its text is exact.
            let read = number is NSDecimalNumber ? Double(number.stringValue) : number.doubleValue
            return read == double ? nil : found
        case .string(let text):
            guard let other = object as? String, foundationText(other, is: text) else { return found }
            return nil
        case .array(let elements):
            guard let others = object as? [Any], others.count == elements.count else { return found }
            return zip(elements, others).enumerated().lazy
                .compactMap { difference($1.0, $1.1, at: "\(path)[\($0)]") }.first
        case .object(let members):
            guard let others = object as? [String: Any], others.count == members.members.count else { return found }
            return members.members.lazy.compactMap { member in
                let name = "\(path)[\(String(reflecting: member.name))]"
                guard let other = others.first(where: { foundationText($0.key, is: member.name) })
                else { return "\(name): missing from \(others.keys.map { String(reflecting: $0) })" }
                return difference(member.value, other.value, at: name)
            }.first
        }
    }

    /// Whether text JSONSerialization read is `text`, scalar by scalar, but for U+FEFF
    /// (ZERO WIDTH NO-BREAK SPACE). Foundation on Linux drops one that opens a run of
    /// unescaped text, first in a string or just after an escape, as if a byte order mark;
    /// RFC 8259 gives it no such meaning. The parser keeps each one, and `same` holds it to that.
    static func foundationText(_ read: String, is text: String) -> Bool {
        var rest = read.unicodeScalars[...]
        for scalar in text.unicodeScalars {
            if rest.first == scalar {
                rest.removeFirst()
            } else if scalar != "\u{FEFF}" {
                return false
            }
        }
        return rest.isEmpty
    }

    // MARK: Comparing two values strictly

    /// A number as JSON text cannot tell it: a double with an integral value that fits
    /// `Int64` reads back as an integer, whoever wrote it.
    static func normalized(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let double) where double == double.rounded() && abs(double) < 0x1p63:
            .integer(Int64(double))
        case .array(let elements): .array(elements.map(normalized))
        case .object(let object):
            .object(JSONObject(object.members.map { (name: $0.name, value: normalized($0.value)) }))
        default: value
        }
    }

    /// Equal structure, text equal scalar by scalar, numbers as `normalized` makes them.
    static func same(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (normalized(lhs), normalized(rhs)) {
        case (.string(let a), .string(let b)):
            return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.object(let a), .object(let b)):
            return a.members.count == b.members.count
                && a.members.allSatisfy { member in
                    guard
                        let other = b.members.first(where: {
                            $0.name.unicodeScalars.elementsEqual(member.name.unicodeScalars)
                        })
                    else { return false }
                    return same(member.value, other.value)
                }
        case (let a, let b):
            return a == b
        }
    }

    // MARK: Text Foundation's writer never produces

    /// `value` as JSON text written with random, valid choices `JSONSerialization` never
    /// makes: `\u` escapes (surrogate pairs for astral characters), `\b`, `\f`, `\/`,
    /// upper- and lower-case hex, exponents and whitespace of all four kinds.
    static func text(_ value: JSONValue, _ rng: inout RNG) -> String {
        var out = ""
        write(value, into: &out, &rng)
        return space(&rng) + out + space(&rng)
    }

    static func space(_ rng: inout RNG) -> String {
        String(
            (0..<Int.random(in: 0...2, using: &rng)).map { _ in [" ", "\t", "\n", "\r"].randomElement(using: &rng)! })
    }

    static func write(_ value: JSONValue, into out: inout String, _ rng: inout RNG) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .integer(let integer): out += String(integer)
        case .number(let double):
            let text = "\(double)"
            // A zero exponent in any of its spellings, where Swift wrote none.
            out +=
                text.contains("e") || Bool.random(using: &rng)
                ? text : text + ["e0", "E+0", "e-00"].randomElement(using: &rng)!
        case .string(let text): quote(text, into: &out, &rng)
        case .array(let elements):
            out += "[" + space(&rng)
            for (index, element) in elements.enumerated() {
                if index > 0 { out += space(&rng) + "," + space(&rng) }
                write(element, into: &out, &rng)
            }
            out += space(&rng) + "]"
        case .object(let object):
            out += "{" + space(&rng)
            for (index, member) in object.members.enumerated() {
                if index > 0 { out += space(&rng) + "," + space(&rng) }
                quote(member.name, into: &out, &rng)
                out += space(&rng) + ":" + space(&rng)
                write(member.value, into: &out, &rng)
            }
            out += space(&rng) + "}"
        }
    }

    static func quote(_ text: String, into out: inout String, _ rng: inout RNG) {
        func hex(_ unit: UInt16) -> String {
            let digits = String(unit, radix: 16, uppercase: Bool.random(using: &rng))
            return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        }
        let named: [Unicode.Scalar: String] = [
            "\"": "\\\"", "\\": "\\\\", "/": "\\/", "\u{8}": "\\b",
            "\u{C}": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t",
        ]
        out += "\""
        for scalar in text.unicodeScalars {
            let escaped = UTF16.encode(scalar)!.map(hex).joined()
            let mustEscape = scalar.value < 0x20 || scalar == "\"" || scalar == "\\"
            switch Int.random(in: 0..<4, using: &rng) {
            case 0 where named[scalar] != nil: out += named[scalar]!
            case 1: out += escaped
            default:
                if mustEscape { out += named[scalar] ?? escaped } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }
}

extension JSONValue {
    /// Encodes through each of the `Encoder` protocol's containers as the value calls for.
    struct Encoded: Encodable {
        let value: JSONValue

        struct Name: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            switch value {
            case .null:
                var container = encoder.singleValueContainer()
                try container.encodeNil()
            case .bool(let flag):
                var container = encoder.singleValueContainer()
                try container.encode(flag)
            case .integer(let integer):
                var container = encoder.singleValueContainer()
                try container.encode(integer)
            case .number(let double):
                var container = encoder.singleValueContainer()
                try container.encode(double)
            case .string(let text):
                var container = encoder.singleValueContainer()
                try container.encode(text)
            case .array(let elements):
                var container = encoder.unkeyedContainer()
                for element in elements { try container.encode(Encoded(value: element)) }
            case .object(let object):
                var container = encoder.container(keyedBy: Name.self)
                for member in object.members {
                    try container.encode(Encoded(value: member.value), forKey: Name(stringValue: member.name))
                }
            }
        }
    }
}
