/// Bytes written one after another into memory of their own, for output made a byte
/// or a literal at a time. An array checks that its storage is unshared on every
/// append (some 20 instructions a byte, 80 a run of bytes): the JSON of an agenda of
/// ten thousand entries made half a million such appends (Benchmarks/NOTES.md, round
/// five). Not copyable, so the memory has one owner, which frees it.
struct OutputBytes: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0
    private var capacity = 0

    /// Empty, with no memory until the first byte.
    init() {}

    init(capacity: Int) {
        grow(by: capacity)
    }

    deinit {
        start?.deallocate()
    }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(by: 1) }
        start.unsafelyUnwrapped[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if capacity - count < bytes.count { grow(by: bytes.count) }
        (start.unsafelyUnwrapped + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// All the bytes, valid until the next change.
    var all: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    /// Forgets the bytes, keeping the memory.
    mutating func removeAll() {
        count = 0
    }

    private mutating func grow(by extra: Int) {
        let newCapacity = max(2 * capacity, count + extra, 256)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if let start {
            larger.initialize(from: start, count: count)
            start.deallocate()
        }
        start = larger
        capacity = newCapacity
    }
}
