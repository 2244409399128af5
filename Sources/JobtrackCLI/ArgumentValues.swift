import ArgumentParser
import FollowUp
import Foundation
import JobStore
import JobtrackKit

// How each value typed on the command line is read: the Kit's parsers, with their
// failures as argument errors, so bad input fails while parsing with a clear message.

extension DateInput {
    static func parse(_ text: String) throws -> DateInput {
        let date: DateInput?
        do {
            date = try read(text)
        } catch {
            throw ValidationError(error.description)
        }
        guard let date else { throw ValidationError("expected \(expected)") }
        return date
    }
}

extension DateTimeInput {
    static func parse(_ text: String) throws -> DateTimeInput {
        switch read(text) {
        case .success(let value): return value
        case .failure(let refusal): throw ValidationError(refusal.description)
        }
    }
}

enum ArgumentValue {
    /// An IANA zone name such as `America/New_York`.
    static func zone(_ text: String) throws -> TimeZone {
        guard let zone = ZoneInput.zone(named: text) else {
            throw ValidationError("expected an IANA time zone such as America/New_York or Europe/London")
        }
        return zone
    }

    static func busy(_ text: String) throws -> BusyWindow {
        guard let window = BusyWindow(text) else { throw ValidationError("expected \(BusyWindow.expected)") }
        return window
    }

    static func phone(_ text: String) throws -> String {
        guard let number = PhoneInput.number(text) else { throw ValidationError("expected \(PhoneInput.expected)") }
        return number
    }

    /// Text that must say something: a company, a role.
    static func nonEmpty(_ text: String) throws -> String {
        guard !text.isBlank else { throw ValidationError("expected non-empty text") }
        return text
    }

    /// A count of at least one.
    static func count(_ text: String) throws -> Int {
        guard let count = Int(text), count > 0 else { throw ValidationError("expected a whole number of at least 1") }
        return count
    }

    static func id(_ text: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else {
            throw ValidationError("expected an application id, a positive whole number (see `jobtrack list`)")
        }
        return id
    }
}

extension Application.Status: ExpressibleByArgument {}
extension CallAttempt.Outcome: ExpressibleByArgument {}
