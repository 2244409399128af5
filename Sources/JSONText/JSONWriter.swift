import Foundation

/// Writes `Encodable` values as JSON, indented two spaces, keys in the order each
/// `encode(to:)` gives them (docs/commands.md §3's order, not alphabetical).
///
/// Foundation's `JSONEncoder` first builds a tree of boxed values and was a third of
/// `today --json` at 10,000 applications (bench/results.md); this writes bytes as the
/// values are encoded. Containers have no "end" call in the `Encoder` protocol, so open
/// containers are kept on a stack and closed when their parent writes again or finishes.
public enum JSONWriter {
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        let sink = JSONSink(output: nil)
        try sink.write(value)
        sink.bytes.append(UInt8(ascii: "\n"))
        return Data(sink.bytes.all)
    }

    /// Writes `value` through `output` in pieces as it goes, so a large document is
    /// never whole in memory; `output` throws to stop the writing (a full disk). Each
    /// piece is lent, valid only during the call: it is not copied into a `Data` first.
    public static func write<T: Encodable>(
        _ value: T, to output: @escaping (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let sink = JSONSink(output: output)
        try sink.write(value)
        sink.bytes.append(UInt8(ascii: "\n"))
        try sink.flush()
    }
}

/// One JSON object or array being written, or a value written in place.
final class JSONFrame {
    enum Kind { case unopened, object, array, single }

    var kind = Kind.unopened
    var count = 0
}

final class JSONSink {
    fileprivate(set) var bytes: OutputBytes
    /// Room for the text a `JSONBuffer` value has written as `[UInt8]` (a date, a
    /// sentence), lent with the bytes and kept between values.
    private var scratch: [UInt8] = []
    private var open: [JSONFrame] = []
    /// A line break followed by the indentation of each depth, made once.
    private var indents: [[UInt8]] = []
    private let output: ((UnsafeRawBufferPointer) throws -> Void)?
    private static let flushSize = 1 << 16

    init(output: ((UnsafeRawBufferPointer) throws -> Void)?) {
        self.output = output
        bytes = OutputBytes(capacity: Self.flushSize * 2)
    }

    /// How many containers are open: the depth of a value written now.
    var depth: Int { open.count }

    /// Writes a `JSONWritable` value at the end of the bytes written so far, in this
    /// writer's layout: the bytes are lent to a `JSONBuffer` and taken back, so that
    /// nothing is allocated or copied per value.
    func writeInPlace(_ value: some JSONWritable) {
        var lent = OutputBytes()
        swap(&lent, &bytes)
        var json = JSONBuffer(depth: depth, bytes: lent, scratch: scratch)
        scratch = []
        value.write(to: &json)
        scratch = json.takeScratch()
        bytes = json.finish()
    }

    func flush() throws {
        guard let output, bytes.count > 0 else { return }
        try output(UnsafeRawBufferPointer(bytes.all))
        bytes.removeAll()
    }

    func write<T: Encodable>(_ value: T) throws {
        if bytes.count >= Self.flushSize { try flush() }
        // The documents are mostly text, numbers and nulls: comparing type metadata is
        // cheap where a chain of dynamic casts per value is not.
        if T.self == String.self { return writeString(unsafeBitCast(value, to: String.self)) }
        if T.self == String?.self {
            guard let text = unsafeBitCast(value, to: String?.self) else { return writeASCII("null") }
            return writeString(text)
        }
        if T.self == Int64.self { return writeASCII(String(unsafeBitCast(value, to: Int64.self))) }
        if T.self == Int.self { return writeASCII(String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Bool.self { return writeASCII(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        if T.self == Double.self { return try writeDouble(unsafeBitCast(value, to: Double.self)) }
        if T.self == [String: String].self { return writeSorted(unsafeBitCast(value, to: [String: String].self)) }
        let frame = JSONFrame()
        try value.encode(to: FrameEncoder(sink: self, frame: frame))
        switch frame.kind {
        case .unopened: writeASCII("{}")
        case .single: break
        case .object, .array: closeThrough(frame)
        }
    }

    /// A dictionary has no order of its own: sorted keys make the same data the same bytes.
    private func writeSorted(_ table: [String: String]) {
        let frame = JSONFrame()
        open(frame, as: .object)
        for key in table.keys.sorted() {
            beginMember(of: frame, key: key)
            writeString(table[key]!)
        }
        closeThrough(frame)
    }

    // MARK: Containers

    func open(_ frame: JSONFrame, as kind: JSONFrame.Kind) {
        guard frame.kind == .unopened else { return }
        frame.kind = kind
        if kind == .single { return }
        bytes.append(UInt8(ascii: kind == .object ? "{" : "["))
        open.append(frame)
    }

    /// Starts the next member of `frame`, closing any container nested in it first.
    func beginMember(of frame: JSONFrame, key: String? = nil) {
        while let top = open.last, top !== frame { close(open.removeLast()) }
        let indent = indentation()
        let isFirst = frame.count == 0
        frame.count += 1
        // One access to the buffer for the whole prefix: each access is checked.
        Self.appendMemberPrefix(to: &bytes, isFirst: isFirst, indent: indent, key: key)
    }

    private static func appendMemberPrefix(to bytes: inout OutputBytes, isFirst: Bool, indent: [UInt8], key: String?) {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        bytes.append(indent)
        if let key {
            appendString(key, to: &bytes)
            bytes.append(" : ")
        }
    }

    private func closeThrough(_ frame: JSONFrame) {
        while let top = open.popLast() {
            close(top)
            if top === frame { return }
        }
    }

    /// Closes `frame`, already off the stack, so its bracket sits at its parent's depth.
    private func close(_ frame: JSONFrame) {
        if frame.count > 0 { bytes.append(indentation()) }
        bytes.append(UInt8(ascii: frame.kind == .object ? "}" : "]"))
    }

    /// A line break indented two spaces for each open container.
    private func indentation() -> [UInt8] {
        let depth = open.count
        while indents.count <= depth {
            indents.append([UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 2 * indents.count))
        }
        return indents[depth]
    }

    // MARK: Scalars

    func writeASCII(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append($0) }
    }

    func writeDouble(_ number: Double) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: [], debugDescription: "JSON has no \(number)"))
        }
        writeASCII(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number))
    }

    /// A string with the escapes RFC 8259 requires; everything else, non-ASCII
    /// included, as its UTF-8 bytes. Most text needs no escape and is copied whole.
    func writeString(_ text: String) {
        Self.appendString(text, to: &bytes)
    }

    static func appendString(_ text: String, to bytes: inout OutputBytes) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            if utf8.contains(where: needsEscape) {
                bytes.append(escaped(utf8))
            } else {
                bytes.append(utf8)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// Whether RFC 8259 has `byte` escaped in a string: a quote, a backslash, a control character.
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func escaped(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 8)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): result += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): result += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): result += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): result += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                result += [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)],
                ]
            default: result.append(byte)
            }
        }
        return result
    }
}

struct FrameEncoder: Encoder {
    let sink: JSONSink
    let frame: JSONFrame
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.open(frame, as: .object)
        return KeyedEncodingContainer(ObjectWriter<Key>(sink: sink, frame: frame))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.open(frame, as: .array)
        return ArrayWriter(sink: sink, frame: frame)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        sink.open(frame, as: .single)
        return ValueWriter(sink: sink)
    }
}

private struct ObjectWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let frame: JSONFrame
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        sink.beginMember(of: frame, key: key.stringValue)
        sink.writeASCII("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        sink.beginMember(of: frame, key: key.stringValue)
        try sink.write(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        sink.beginMember(of: frame, key: key.stringValue)
        sink.writeString(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        sink.beginMember(of: frame, key: key.stringValue)
        return FrameEncoder(sink: sink, frame: JSONFrame()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.beginMember(of: frame, key: key.stringValue)
        return FrameEncoder(sink: sink, frame: JSONFrame()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.beginMember(of: frame, key: "super")
        return FrameEncoder(sink: sink, frame: JSONFrame())
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        sink.beginMember(of: frame, key: key.stringValue)
        return FrameEncoder(sink: sink, frame: JSONFrame())
    }
}

private struct ArrayWriter: UnkeyedEncodingContainer {
    let sink: JSONSink
    let frame: JSONFrame
    var codingPath: [any CodingKey] { [] }
    var count: Int { frame.count }

    mutating func encodeNil() throws {
        sink.beginMember(of: frame)
        sink.writeASCII("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        sink.beginMember(of: frame)
        try sink.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        sink.beginMember(of: frame)
        return FrameEncoder(sink: sink, frame: JSONFrame()).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.beginMember(of: frame)
        return FrameEncoder(sink: sink, frame: JSONFrame()).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        sink.beginMember(of: frame)
        return FrameEncoder(sink: sink, frame: JSONFrame())
    }
}

private struct ValueWriter: SingleValueEncodingContainer {
    let sink: JSONSink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.writeASCII("null") }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.write(value) }
}
