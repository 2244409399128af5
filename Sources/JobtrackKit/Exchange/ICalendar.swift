import FollowUp
import Foundation
import JobStore

/// The follow-up calls as an RFC 5545 calendar: one event per application that has a
/// next call, at its call_at, 15 minutes long, with a reminder 15 minutes before. A
/// calendar pointed at the file reminds the user with no service of jobtrack's running.
///
/// Times are written in UTC (`…Z`), which needs no VTIMEZONE; the calendar shows them
/// in the user's zone. UIDs name the application and the interview, so a new export
/// updates an event instead of adding another, and a new interview round is a new event.
struct ICalendarExport {
    let now: Date
    /// The user's zone, whose today an all-day event falls on.
    let userZone: TimeZone
    /// The entries that have an event, in the order given.
    let entries: [AgendaEntry]

    static let productID = "-//jobtrack//jobtrack \(JobtrackVersion.current)//EN"

    init(now: Date, userZone: TimeZone, entries: [AgendaEntry]) {
        self.now = now
        self.userZone = userZone
        self.entries = entries.filter { Self.hasEvent($0.assessment) }
    }

    /// Whether an application has an event: a next call, or a call due now with no
    /// minute to be made in. A call not due yet with no minute has none: its day has
    /// not come (docs/commands.md §3.11).
    private static func hasEvent(_ assessment: Assessment) -> Bool {
        assessment.callAt != nil || (assessment.state.isCallToday && assessment.noCallTime != nil)
    }

    var text: String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:\(Self.productID)",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(Self.escape("jobtrack follow-up calls"))",
        ]
        for entry in entries {
            guard let event = event(entry) else { continue }
            lines += event
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    private func event(_ entry: AgendaEntry) -> [String]? {
        let assessment = entry.assessment
        guard let interviewID = assessment.interviewID else { return nil }
        guard let callAt = assessment.callAt else { return noTimeEvent(entry, interviewID: interviewID) }
        let application = entry.application
        let who = assessment.interviewer ?? "the interviewer"
        let summary = "Call \(who) — \(application.company) (\(application.role))"
        var description: [String] = []
        if let phone = assessment.phone { description.append("Number: \(phone)") }
        description.append("Why: \(assessment.reason)")
        if let zone = assessment.timeZone {
            description.append("Their time: \(TimeText.iso8601(callAt, in: zone)) (\(zone.identifier))")
        }
        description.append("What to say: jobtrack script \(application.id)")
        return [
            "BEGIN:VEVENT",
            "UID:jobtrack-\(application.id)-\(interviewID)@jobtrack",
            "DTSTAMP:\(TimeText.basicUTC(now))",
            "DTSTART:\(TimeText.basicUTC(callAt))",
            "DURATION:PT15M",
            // RFC 5545 wants SEQUENCE to grow whenever DTSTART moves, and an overdue call
            // moves with every export: the minute of the export always grows.
            "SEQUENCE:\(Int(now.timeIntervalSince1970 / 60))",
            "SUMMARY:\(Self.escape(summary))",
            "DESCRIPTION:\(Self.escape(description.joined(separator: "\n")))",
            "CATEGORIES:\(Self.escape("jobtrack"))",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:-PT15M",
            "DESCRIPTION:\(Self.escape(summary))",
            "END:VALARM",
            "END:VEVENT",
        ]
    }

    /// A call that is due but has no minute to be made in (their busy windows fill their
    /// hours, or the user's hours never meet theirs): an all-day event today saying so,
    /// and what to do, rather than nothing in the calendar (docs/rules.md §2.6).
    private func noTimeEvent(_ entry: AgendaEntry, interviewID: Int64) -> [String]? {
        let assessment = entry.assessment
        guard let problem = assessment.noCallTime else { return nil }
        let application = entry.application
        let who = assessment.interviewer ?? "the interviewer"
        let summary = "Ask \(who) for a time — \(application.company) (\(application.role))"
        let description = [
            "No time to call: \(problem.text)", "Why: \(assessment.reason)",
            "What to say: jobtrack script \(application.id)",
        ]
        let day = CalendarDate.containing(now, in: userZone).iso.replacingOccurrences(of: "-", with: "")
        return [
            "BEGIN:VEVENT",
            "UID:jobtrack-\(application.id)-\(interviewID)@jobtrack",
            "DTSTAMP:\(TimeText.basicUTC(now))",
            "DTSTART;VALUE=DATE:\(day)",
            "SEQUENCE:\(Int(now.timeIntervalSince1970 / 60))",
            "SUMMARY:\(Self.escape(summary))",
            "DESCRIPTION:\(Self.escape(description.joined(separator: "\n")))",
            "CATEGORIES:\(Self.escape("jobtrack"))",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    }

    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, each
    /// line break as `\n`; other control characters, which TEXT cannot hold, as spaces.
    static func escape(_ text: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines begin with
    /// one space, and a UTF-8 sequence is never split.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > 75 {
                result += "\r\n "
                width = 1
            }
            result.unicodeScalars.append(scalar)
            width += size
        }
        return result
    }
}
