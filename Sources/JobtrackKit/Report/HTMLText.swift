/// Text made safe for an HTML page: every character that could open a tag, end an
/// attribute or start an entity is written as an entity, so that whatever the user
/// typed (a company named `<img src=x onerror=…>`) reads as the text it is.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            // Most text needs no escape: one scan of its bytes, and it is returned whole.
            guard utf8.contains(where: { needsEscape($0) }) else { return String(decoding: utf8, as: UTF8.self) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 32)
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
                case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
                case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
                case UInt8(ascii: "\""): bytes += Array("&quot;".utf8)
                case UInt8(ascii: "'"): bytes += Array("&#39;".utf8)
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Text for one line of the page: a line break shows as a space, then escaped.
    static func line(_ text: String) -> String {
        // Every line break of `isNewline` starts with one of these bytes (U+0085, U+2028
        // and U+2029 with 0xC2 or 0xE2): only then is the text split into characters.
        let mayBreak = text.utf8.contains { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }
        guard mayBreak, text.contains(where: \.isNewline) else { return escape(text) }
        return escape(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
