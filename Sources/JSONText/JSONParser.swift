import Foundation

/// Reads a JSON text (RFC 8259) into a `JSONValue`, naming the line and column where
/// the syntax breaks.
///
/// Decoding the generic value through `JSONDecoder` tried each type in turn and
/// threw at every miss: 62% of an import (bench/results.md). This reads each byte once.
public struct JSONParser {
    public struct SyntaxError: Error, Equatable {
        public let reason: String
        public let line: Int
        public let column: Int

        public init(reason: String, line: Int, column: Int) {
            self.reason = reason
            self.line = line
            self.column = column
        }

        public var description: String { "\(reason) at line \(line), column \(column)" }
    }

    /// Deeper than any export; a bound keeps a hostile file from exhausting the stack.
    public static let maximumDepth = 512

    /// The most members an object of an export has (an interview: twelve).
    static let membersExpected = 12

    /// The document, borrowed for the parse: unchecked indexing, every index checked here.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Member names made Strings, found again by their bytes: the few names of a
    /// document recur in every record, and making each a String anew cost more than
    /// reading it (`name()`).
    private var names = [KnownName?](repeating: nil, count: 128)
    private var namesKnown = 0

    public static func parse(_ data: Data) throws(SyntaxError) -> JSONValue {
        try parse(data, streaming: nil) { _ in }
    }

    /// What `parse(_:streaming:_:)` hands over as it reads the array it streams.
    public enum Streamed {
        /// An array under the streamed name begins. A name given twice keeps its last
        /// value, so the elements of an earlier array are to be dropped.
        case arrayBegins
        case element(JSONValue)
    }

    /// Reads a document as `parse` does, except that the elements of the array named
    /// `name` in the top-level object go to `streamed` one at a time, as they are read,
    /// and the value returned holds that array empty: the records of a large import
    /// need not all stand in memory as JSON at once. A syntax error anywhere is still
    /// thrown, after whatever elements came before it.
    public static func parse(
        _ data: Data, streaming name: String?, _ streamed: (Streamed) -> Void
    ) throws(SyntaxError) -> JSONValue {
        // Read in place: a copy of a large document would cost its size again.
        try data.withUnsafeBytes { raw in
            Result { () throws(SyntaxError) -> JSONValue in
                let bytes = raw.assumingMemoryBound(to: UInt8.self)
                var parser = JSONParser(bytes: bytes)
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
                parser.skipWhitespace()
                let value =
                    parser.peek(UInt8(ascii: "{")) ? try parser.object(streaming: name, streamed) : try parser.value()
                parser.skipWhitespace()
                guard parser.index == bytes.count else { throw parser.error("unexpected text after the document") }
                return value
            }
        }.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func value() throws(SyntaxError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of the document") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character")
        }
    }

    private mutating func object(
        streaming streamedName: String? = nil, _ streamed: (Streamed) -> Void = { _ in }
    ) throws(SyntaxError) -> JSONValue {
        try enter()
        index += 1
        var members: [JSONObject.Member] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            depth -= 1
            return .object(JSONObject(members: []))
        }
        // Room for an export's records at once: grown one member at a time, an array
        // is made anew four times on the way to a dozen.
        members.reserveCapacity(Self.membersExpected)
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw error("expected a member name in quotes") }
            let key = try name()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            if key == streamedName, peek(UInt8(ascii: "[")) {
                streamed(.arrayBegins)
                try forEachElement { streamed(.element($0)) }
                members.append(JSONObject.Member(name: key, value: .array([])))
            } else {
                members.append(JSONObject.Member(name: key, value: try value()))
            }
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
            } else if peek(UInt8(ascii: "}")) {
                index += 1
                depth -= 1
                return .object(JSONObject(members: members))
            } else {
                throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func array() throws(SyntaxError) -> JSONValue {
        var elements: [JSONValue] = []
        try forEachElement { elements.append($0) }
        return .array(elements)
    }

    /// Reads an array, handing each element to `body` as soon as it is read.
    private mutating func forEachElement(_ body: (JSONValue) -> Void) throws(SyntaxError) {
        try enter()
        index += 1
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            depth -= 1
            return
        }
        while true {
            body(try value())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
            } else if peek(UInt8(ascii: "]")) {
                index += 1
                depth -= 1
                return
            } else {
                throw error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nested more than \(Self.maximumDepth) deep") }
    }

    private mutating func string() throws(SyntaxError) -> String {
        index += 1
        let start = index
        index = Self.endOfPlainWords(in: bytes, from: index)
        var isASCII = true
        // Most strings have no escapes: take their bytes whole.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            guard bytes[index] >= 0x20 else { throw error("a control character inside a string") }
            isASCII = isASCII && bytes[index] < 0x80
            index += 1
        }
        guard index < bytes.count else { throw error("a string that never ends") }
        if bytes[index] == UInt8(ascii: "\"") {
            let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<index])
            // ASCII is valid UTF-8 as it stands; only the rest needs checking.
            let text = isASCII ? String(decoding: utf8, as: UTF8.self) : String(validating: utf8, as: UTF8.self)
            guard let text else { throw error("text that is not UTF-8") }
            index += 1
            return text
        }
        var utf8 = Array(bytes[start..<index])
        while bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") {
                try escape(into: &utf8)
            } else {
                guard bytes[index] >= 0x20 else { throw error("a control character inside a string") }
                utf8.append(bytes[index])
                index += 1
            }
            guard index < bytes.count else { throw error("a string that never ends") }
        }
        index += 1
        guard let text = String(validating: utf8, as: UTF8.self) else { throw error("text that is not UTF-8") }
        return text
    }

    /// A member name of up to sixteen bytes, with the bytes it was read from.
    private struct KnownName {
        let bytes: (UInt64, UInt64)
        let count: Int
        let text: String
    }

    /// A member name: as `string()` reads it, except that a short plain name already
    /// met is the String made then. The names are kept in an open-addressed table, as
    /// many as half its slots: a document with more names than that makes the rest anew.
    private mutating func name() throws(SyntaxError) -> String {
        let start = index + 1
        let end = bytes[start...].firstIndex {
            $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 || $0 >= 0x80
        }
        guard let end, end - start <= 16, bytes[end] == UInt8(ascii: "\"") else { return try string() }
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) {
            $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<end])))
        }
        // Fibonacci hashing of the bytes to a first slot, then the slots after it.
        let mixed = (words.0 ^ words.1 &* 31 ^ UInt64(end - start)) &* 0x9E37_79B9_7F4A_7C15
        var slot = Int(truncatingIfNeeded: mixed >> 57)
        while let known = names[slot] {
            if known.count == end - start, known.bytes == words {
                index = end + 1
                return known.text
            }
            slot = (slot + 1) % names.count
        }
        let text = try string()
        if namesKnown < names.count / 2 {
            names[slot] = KnownName(bytes: words, count: end - start, text: text)
            namesKnown += 1
        }
        return text
    }

    /// Where the eight-byte words from `start` stop being plain text: ASCII with no
    /// quote, backslash or control character. Most of a document is strings, and eight
    /// bytes are told plain in about the instructions one took; the bytes from the end
    /// returned are read one at a time. Each test is exact for the whole word
    /// ("Bit Twiddling Hacks": a zero byte, a byte less than n).
    private static func endOfPlainWords(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = ones &* UInt64(UInt8(ascii: "\""))
        let backslashes = ones &* UInt64(UInt8(ascii: "\\"))
        var index = start
        while index + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quote = word ^ quotes
            let backslash = word ^ backslashes
            let marked =
                (quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word | word
            guard marked & (ones &* 0x80) == 0 else { break }
            index += 8
        }
        return index
    }

    private static let simpleEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
        UInt8(ascii: "/"): UInt8(ascii: "/"), UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C,
        UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]

    private mutating func escape(into utf8: inout [UInt8]) throws(SyntaxError) {
        index += 1
        guard index < bytes.count else { throw error("a string that never ends") }
        if let byte = Self.simpleEscapes[bytes[index]] {
            utf8.append(byte)
            index += 1
            return
        }
        guard bytes[index] == UInt8(ascii: "u") else { throw error("an unknown escape") }
        index += 1
        var scalar = try hexQuad()
        if (0xD800..<0xDC00).contains(scalar) {
            // A high surrogate must be followed by its low half: together, one scalar.
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw error("half of a surrogate pair") }
            index += 2
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw error("half of a surrogate pair") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let character = Unicode.Scalar(scalar) else { throw error("half of a surrogate pair") }
        utf8.append(contentsOf: String(character).utf8)
    }

    private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("a \\u escape without four hex digits") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw error("a \\u escape without four hex digits")
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }

    private mutating func number() throws(SyntaxError) -> JSONValue {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number without digits") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var isInteger = true
        if peek(UInt8(ascii: ".")) {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number without digits after '.'") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("a number without an exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        guard let number = Double(text) else { throw error("a number out of range") }
        return .number(number)
    }

    /// `true`, `false` or `null`, compared where the word lies in the program: an
    /// array made of its bytes each time was an allocation for every null of a document.
    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(SyntaxError) -> JSONValue {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes[index...].starts(with: expected) else { throw error("unexpected character") }
        index += expected.count
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    /// The error at the current byte, with its line and column (in characters).
    private func error(_ reason: String) -> SyntaxError {
        let end = min(index, bytes.count)
        let prefix = bytes[..<end]
        let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return SyntaxError(reason: reason, line: line, column: column)
    }
}
