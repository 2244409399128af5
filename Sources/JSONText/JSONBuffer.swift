import Foundation

/// A value that writes its JSON itself, straight into the writer's bytes, without
/// `Codable`'s type-erased containers: for the shapes printed thousands of times
/// (an agenda entry), where each keyed `encode` cost a few thousand instructions
/// (bench/results.md). It is still `Encodable`, so `JSONWriter.write` and
/// `JSONWriter.data` take it like any other value, nested in other shapes or not;
/// only `JSONWriter` can write it.
public protocol JSONWritable: Encodable {
    /// Writes exactly one JSON value (an object, usually) into `json`.
    func write(to json: inout JSONBuffer)
}

extension JSONWritable {
    public func encode(to encoder: any Encoder) throws {
        guard let encoder = encoder as? FrameEncoder else {
            throw EncodingError.invalidValue(
                self,
                .init(codingPath: encoder.codingPath, debugDescription: "\(Self.self) is written by JSONWriter only"))
        }
        // The writer has placed the value (its key, or its place in an array).
        encoder.sink.open(encoder.frame, as: .single)
        encoder.sink.writeInPlace(self)
    }
}

/// The writer's output seen as calls: `beginObject`, `key`, a value, …, `endObject`,
/// appended to a byte buffer. Layout is `JSONWriter`'s — two spaces a level, a member a
/// line, `" : "` after a key, brackets of a non-empty container on their own line — the
/// same bytes as the same document encoded through `Codable`, so both kinds of value mix
/// in one document.
public struct JSONBuffer: ~Copyable {
    private var bytes: OutputBytes
    private var scratch: [UInt8]
    /// The depth of the value written, in the document around it.
    private let depth: Int
    /// How many containers are open inside the value, and for each (a bit per level,
    /// the innermost highest) whether it is an object and whether it has a member yet:
    /// the values written are shallow, and a stack in two words is never allocated.
    private var level = 0
    private var objects: UInt64 = 0
    private var started: UInt64 = 0
    private var pendingKey: StaticString?

    init(depth: Int, bytes: consuming OutputBytes, scratch: [UInt8]) {
        self.depth = depth
        self.bytes = bytes
        self.scratch = scratch
    }

    /// The bytes with the value written at their end.
    consuming func finish() -> OutputBytes {
        bytes
    }

    mutating func takeScratch() -> [UInt8] {
        defer { scratch = [] }
        return scratch
    }

    private mutating func newline(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
    }

    /// Starts a value: as the next member of the container it is in, under its key.
    private mutating func beginValue() {
        guard level > 0 else { return }
        let bit: UInt64 = 1 << (level - 1)
        if started & bit != 0 { bytes.append(UInt8(ascii: ",")) }
        started |= bit
        newline(depth: depth + level)
        if let key = pendingKey {
            // Keys are the program's own literals, plain ASCII that needs no escaping.
            bytes.append(UInt8(ascii: "\""))
            bytes.append(key)
            bytes.append("\" : ")
            pendingKey = nil
        }
    }

    private mutating func begin(object: Bool) {
        beginValue()
        precondition(level < UInt64.bitWidth, "JSONBuffer nests at most \(UInt64.bitWidth) containers")
        bytes.append(UInt8(ascii: object ? "{" : "["))
        let bit: UInt64 = 1 << level
        if object { objects |= bit } else { objects &= ~bit }
        started &= ~bit
        level += 1
    }

    private mutating func end() {
        level -= 1
        let bit: UInt64 = 1 << level
        if started & bit != 0 { newline(depth: depth + level) }
        bytes.append(UInt8(ascii: objects & bit != 0 ? "}" : "]"))
    }

    public mutating func beginObject() { begin(object: true) }
    public mutating func endObject() { end() }
    public mutating func beginArray() { begin(object: false) }
    public mutating func endArray() { end() }

    /// The key of the next member of the object being written: a literal of plain
    /// ASCII with no quote, backslash or control character (nothing to escape).
    public mutating func key(_ name: StaticString) { pendingKey = name }

    public mutating func string(_ value: String) {
        beginValue()
        JSONSink.appendString(value, to: &bytes)
    }

    /// A string whose UTF-8 `write` adds to the end of the bytes it is given (a date, a
    /// sentence), so that no String is made for it; escaped as `string` escapes.
    public mutating func string(writing write: (inout [UInt8]) -> Void) {
        beginValue()
        scratch.removeAll(keepingCapacity: true)
        write(&scratch)
        bytes.append(UInt8(ascii: "\""))
        scratch.withUnsafeBufferPointer { text in
            if text.contains(where: JSONSink.needsEscape) {
                bytes.append(JSONSink.escaped(text))
            } else {
                bytes.append(text)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The text, or null.
    public mutating func string(_ value: String?) {
        guard let value else { return null() }
        string(value)
    }

    public mutating func int(_ value: Int64) {
        beginValue()
        // Digits written straight in, most significant first: no String made per number.
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    public mutating func int(_ value: Int) { int(Int64(value)) }

    public mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(value ? "true" : "false" as StaticString)
    }

    public mutating func null() {
        beginValue()
        bytes.append("null" as StaticString)
    }
}
