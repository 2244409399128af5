/// Short fixed-layout ASCII text — dates, clock times, offsets — written in place.
/// Pieced together from Strings, this formatting cost more than the rules themselves
/// for a JSON agenda of ten thousand applications (bench/results.md).
struct FixedText {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    /// The text that `body` writes, at most `capacity` bytes.
    static func make(capacity: Int, _ body: (inout FixedText) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var text = FixedText(buffer: buffer)
            body(&text)
            return text.count
        }
    }

    /// The text that `body` writes, at most `capacity` bytes, added to the end of
    /// `bytes`: for output written as bytes (JSON), no String is made.
    static func append(capacity: Int, to bytes: inout [UInt8], _ body: (inout FixedText) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var text = FixedText(buffer: buffer)
            body(&text)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<text.count]))
        }
    }

    private init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func append(_ character: Unicode.Scalar) {
        buffer[count] = UInt8(ascii: character)
        count += 1
    }

    /// Fixed ASCII text, such as a name from a table.
    mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { bytes in
            for byte in bytes {
                buffer[count] = byte
                count += 1
            }
        }
    }

    /// `value`, not negative, in exactly `width` digits, zero-padded on the left.
    mutating func append(_ value: Int, width: Int) {
        var remainder = value
        for position in stride(from: count + width - 1, through: count, by: -1) {
            buffer[position] = UInt8(ascii: "0") + UInt8(remainder % 10)
            remainder /= 10
        }
        count += width
    }

    /// "HH:MM", or "HH:MM:SS" with `seconds`, for a second of the day (24:00 included).
    mutating func appendClock(_ secondOfDay: Int, seconds: Bool) {
        append(secondOfDay / 3600, width: 2)
        append(":")
        append(secondOfDay / 60 % 60, width: 2)
        if seconds {
            append(":")
            append(secondOfDay % 60, width: 2)
        }
    }
}
