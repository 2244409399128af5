/// Text made safe for an HTML page: every character that could open a tag, end an
/// attribute or start an entity is written as an entity, so that whatever the user
/// typed (a company named `<img src=x onerror=…>`) reads as the text it is.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var text = text
        // Most text needs no escape: one scan of its bytes, and it is returned as it is.
        guard text.withUTF8({ $0.contains(where: needsEscape) }) else { return text }
        return text.withUTF8 { utf8 in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 32)
            for byte in utf8 {
                let entity: StaticString
                switch byte {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default:
                    bytes.append(byte)
                    continue
                }
                entity.withUTF8Buffer { bytes.append(contentsOf: $0) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Text for one line of the page: a line break shows as a space, then escaped.
    static func line(_ text: String) -> String {
        var copy = text
        // Most text has nothing to escape and no line break: one scan, returned as it is.
        guard copy.withUTF8(mayNeedWork) else { return text }
        guard hasLineBreak(text) else { return escape(text) }
        return escape(text.oneLine)
    }

    /// `line` of text given as its UTF-8 (a reason worded into bytes), with no String
    /// made for it first.
    static func line(utf8: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: utf8, as: UTF8.self)
        return mayNeedWork(utf8) ? line(text) : text
    }

    /// Whether `utf8` holds a byte to escape or one a line break is made of: a quick
    /// test before the exact ones.
    private static func mayNeedWork(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.contains { byte in
            (0x0A...0x0D).contains(byte) || byte == 0x85 || byte == 0xA8 || byte == 0xA9 || needsEscape(byte)
        }
    }

    /// Whether `text` holds a line break of `Character.isNewline`: U+000A–U+000D, U+0085
    /// (bytes C2 85), U+2028 or U+2029 (E2 80 A8, E2 80 A9). Read from the bytes, which
    /// name each one alone, because splitting text into characters cost the report more
    /// than assessing: every reason holds a dash, whose bytes begin E2 80 too.
    private static func hasLineBreak(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            for index in utf8.indices {
                switch utf8[index] {
                case 0x0A...0x0D: return true
                case 0x85 where index >= 1 && utf8[index - 1] == 0xC2: return true
                case 0xA8...0xA9 where index >= 2 && utf8[index - 1] == 0x80 && utf8[index - 2] == 0xE2: return true
                default: continue
                }
            }
            return false
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
