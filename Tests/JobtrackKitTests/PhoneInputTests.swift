import Testing

@testable import JobtrackKit

@Suite("a phone number: 3 to 20 digits with + - ( ) . and spaces, kept as typed but trimmed")
struct PhoneInputTests {
    @Test(
        arguments: [
            ("+1 555 0100", "+1 555 0100"), (" (555) 010-0100 ", "(555) 010-0100"), ("123", "123"),
            ("1.2.3", "1.2.3"), (String(repeating: "9", count: 20), String(repeating: "9", count: 20)),
            ("\u{A0}+44 20 7946 0958\t", "+44 20 7946 0958"),
        ])
    func accepts(text: String, number: String) {
        #expect(PhoneInput.number(text) == number)
    }

    @Test(
        arguments: [
            "", "   ", "12", "+-() .", String(repeating: "9", count: 21), "555-0100 ext 2", "555/0100", "５５５０１００",
            "555\u{A0}0100",
        ])
    func refuses(text: String) {
        #expect(PhoneInput.number(text) == nil)
    }
}
