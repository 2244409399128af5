import Foundation

/// Writes `Encodable` values as JSON, indented two spaces, keys in the order each
/// `encode(to:)` gives them (SPEC §3's order, not alphabetical).
///
/// Foundation's `JSONEncoder` first builds a tree of boxed values and was a third of
/// `today --json` at 10,000 applications (bench/results.md); this writes bytes as the
/// values are encoded. Containers have no "end" call in the `Encoder` protocol, so open
/// containers are kept on a stack and closed when their parent writes again or finishes.
enum JSONWriter {
    static func data<T: Encodable>(_ value: T) throws -> Data {
        let sink = JSONSink()
        try sink.write(value)
        sink.bytes.append(UInt8(ascii: "\n"))
        return Data(sink.bytes)
    }
}

/// One JSON object or array being written, or a value written in place.
final class JSONFrame {
    enum Kind { case unopened, object, array, single }

    var kind = Kind.unopened
    var count = 0
}

final class JSONSink {
    fileprivate(set) var bytes: [UInt8] = []
    private var open: [JSONFrame] = []

    init() {
        bytes.reserveCapacity(1 << 16)
    }

    func write<T: Encodable>(_ value: T) throws {
        switch value {
        case let text as String: writeString(text)
        case let number as Int64: writeASCII(String(number))
        case let number as Int: writeASCII(String(number))
        case let flag as Bool: writeASCII(flag ? "true" : "false")
        case let number as Double: try writeDouble(number)
        case let table as [String: String]:
            // A dictionary has no order of its own: sorted keys make the same data the same bytes.
            let frame = JSONFrame()
            open(frame, as: .object)
            for key in table.keys.sorted() {
                beginMember(of: frame, key: key)
                writeString(table[key]!)
            }
            closeThrough(frame)
        default:
            let frame = JSONFrame()
            try value.encode(to: FrameEncoder(sink: self, frame: frame))
            switch frame.kind {
            case .unopened: writeASCII("{}")
            case .single: break
            case .object, .array: closeThrough(frame)
            }
        }
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
        if frame.count > 0 { bytes.append(UInt8(ascii: ",")) }
        frame.count += 1
        newline()
        if let key {
            writeString(key)
            writeASCII(" : ")
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
        if frame.count > 0 { newline() }
        bytes.append(UInt8(ascii: frame.kind == .object ? "}" : "]"))
    }

    /// A line break indented two spaces for each open container.
    private func newline() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * open.count))
    }

    // MARK: Scalars

    func writeASCII(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    func writeDouble(_ number: Double) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: [], debugDescription: "JSON has no \(number)"))
        }
        writeASCII(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number))
    }

    /// A string with the escapes RFC 8259 requires; everything else, non-ASCII
    /// included, as its UTF-8 bytes.
    func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

private struct FrameEncoder: Encoder {
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

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
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
