import Foundation
import Testing

@testable import JobtrackKit

@Suite("trimmed and isBlank: a fast path for visible ASCII ends, the same answers as by characters")
struct TrimmingTests {
    /// Trimmed character by character, with no fast path.
    static func byCharacters(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    @Test(
        arguments: [
            "", " ", "\t\n\r", "Acme", " Acme", "Acme ", "  Acme Corp  ", "a", "a b", "\u{A0}Acme\u{A0}",
            "\u{85}x\u{2028}", "\u{3000}株式会社\u{3000}", "e\u{301}", "x e\u{301}", "x \u{301}", "\u{301}x",
            "\u{600}1", "1\u{600}", "a\u{200B}", "\u{200B}", "\u{1F}x\u{7F}", "x\r\n", "+1 555 0100",
        ])
    func sameAsByCharacters(text: String) {
        #expect(text.trimmed == Self.byCharacters(text))
        #expect(text.isBlank == text.allSatisfy(\.isWhitespace))
        // A line break never joins the character next to it (UAX #29), so it drops alone.
        let substring = ("\n" + text + "\n").dropFirst().dropLast()
        #expect(substring.trimmed == Self.byCharacters(text))
        #expect(substring.isBlank == text.allSatisfy(\.isWhitespace))
    }
}
