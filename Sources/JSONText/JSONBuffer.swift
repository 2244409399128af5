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
        // The writer has placed the value (its key, or its place in an array); the
        // value's bytes are made apart and handed over whole.
        encoder.sink.open(encoder.frame, as: .single)
        var json = JSONBuffer(depth: encoder.sink.depth)
        write(to: &json)
        encoder.sink.append(json.bytes)
    }
}

/// The writer's output seen as calls: `beginObject`, `key`, a value, …, `endObject`,
/// into a byte buffer of its own. Layout is `JSONWriter`'s — two spaces a level, a
/// member a line, `" : "` after a key, brackets of a non-empty container on their own
/// line — the same bytes as the same document encoded through `Codable`, so both
/// kinds of value mix in one document.
public struct JSONBuffer {
    fileprivate(set) var bytes: [UInt8] = []
    /// The depth of the value written, in the document around it.
    private let depth: Int
    /// Members written so far in each open container, innermost last, and its kind.
    private var counts: [Int] = []
    private var isObject: [Bool] = []
    private var pendingKey: String?

    init(depth: Int) {
        self.depth = depth
        bytes.reserveCapacity(512)
    }

    private mutating func newline(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
    }

    /// Starts a value: as the next member of the container it is in, under its key.
    private mutating func beginValue() {
        guard let last = counts.indices.last else { return }
        if counts[last] > 0 { bytes.append(UInt8(ascii: ",")) }
        counts[last] += 1
        newline(depth: depth + counts.count)
        if let key = pendingKey {
            JSONSink.appendString(key, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: ":"))
            bytes.append(UInt8(ascii: " "))
            pendingKey = nil
        }
    }

    private mutating func begin(object: Bool) {
        beginValue()
        bytes.append(UInt8(ascii: object ? "{" : "["))
        counts.append(0)
        isObject.append(object)
    }

    private mutating func end() {
        let count = counts.removeLast()
        let object = isObject.removeLast()
        if count > 0 { newline(depth: depth + counts.count) }
        bytes.append(UInt8(ascii: object ? "}" : "]"))
    }

    public mutating func beginObject() { begin(object: true) }
    public mutating func endObject() { end() }
    public mutating func beginArray() { begin(object: false) }
    public mutating func endArray() { end() }

    /// The key of the next member of the object being written.
    public mutating func key(_ name: String) { pendingKey = name }

    public mutating func string(_ value: String) {
        beginValue()
        JSONSink.appendString(value, to: &bytes)
    }

    /// The text, or null.
    public mutating func string(_ value: String?) {
        guard let value else { return null() }
        string(value)
    }

    public mutating func int(_ value: Int64) {
        beginValue()
        // Digits written in place, last first: no String made per number.
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    public mutating func int(_ value: Int) { int(Int64(value)) }

    public mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    }

    public mutating func null() {
        beginValue()
        bytes.append(contentsOf: Self.nullBytes)
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)
}
