import Foundation
import Testing

/// A strict reading of an RFC 5545 file, enough to hold jobtrack's export to the rules a
/// calendar relies on: CRLF only, lines of at most 75 octets, folding that unfolds to the
/// original UTF-8, balanced components, the required properties, and TEXT escaping.
struct ICalendarCheck {
    struct Component {
        var name: String
        var properties: [(name: String, parameters: String, value: String)] = []
        var children: [Component] = []

        func values(_ name: String) -> [String] { properties.filter { $0.name == name }.map(\.value) }
        func value(_ name: String) -> String? { values(name).first }
    }

    var problems: [String] = []
    var calendar = Component(name: "")

    init(_ data: Data) {
        let bytes = [UInt8](data)
        // Line ends: every CR followed by LF, every LF preceded by CR.
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A) {
                problems.append("bare CR at \(index)")
            }
            if byte == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) { problems.append("bare LF at \(index)") }
        }
        if !data.isEmpty && !(bytes.suffix(2) == [0x0D, 0x0A]) {
            problems.append("the last line does not end with CRLF")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard String(validating: data, as: UTF8.self) != nil else { problems.append("not UTF-8"); return }
        var physical = text.components(separatedBy: "\r\n")
        if physical.last == "" { physical.removeLast() }
        for (number, line) in physical.enumerated() where line.utf8.count > 75 {
            problems.append("line \(number + 1) has \(line.utf8.count) octets")
        }
        // Unfold: a line starting with a space or tab continues the previous one.
        var logical: [String] = []
        for line in physical {
            if let first = line.first, first == " " || first == "\t", !logical.isEmpty {
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(line)
            }
        }
        var stack: [Component] = []
        for line in logical {
            guard let colon = Self.valueStart(line) else { problems.append("no colon in \(line)"); continue }
            let head = line[..<colon]
            let value = String(line[line.index(after: colon)...])
            let name = head.split(separator: ";", maxSplits: 1).first.map(String.init)?.uppercased() ?? ""
            let parameters = head.contains(";") ? String(head.drop { $0 != ";" }.dropFirst()) : ""
            if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
                problems.append("bad property name in \(line)")
            }
            if name == "BEGIN" {
                stack.append(Component(name: value))
            } else if name == "END" {
                guard let component = stack.popLast(), component.name == value else {
                    problems.append("END:\(value) does not close what is open"); continue
                }
                if stack.isEmpty { calendar = component } else { stack[stack.count - 1].children.append(component) }
            } else if stack.isEmpty {
                problems.append("property outside any component: \(line)")
            } else {
                stack[stack.count - 1].properties.append((name, parameters, value))
            }
        }
        if !stack.isEmpty { problems.append("\(stack.map(\.name)) never closed") }
        checkRequired()
    }

    /// The colon that ends the name and parameters (a quoted parameter value may hold one).
    private static func valueStart(_ line: String) -> String.Index? {
        var quoted = false
        for index in line.indices {
            if line[index] == "\"" { quoted.toggle() }
            if line[index] == ":" && !quoted { return index }
        }
        return nil
    }

    private mutating func require(_ component: Component, _ names: [String], once: Bool = true) {
        for name in names {
            let count = component.values(name).count
            if count == 0 { problems.append("\(component.name) lacks \(name)") }
            if once && count > 1 { problems.append("\(component.name) has \(name) \(count) times") }
        }
    }

    private mutating func checkRequired() {
        guard calendar.name == "VCALENDAR" else { problems.append("not a VCALENDAR"); return }
        require(calendar, ["VERSION", "PRODID"])
        if calendar.value("VERSION") != "2.0" { problems.append("VERSION is not 2.0") }
        for event in calendar.children {
            guard event.name == "VEVENT" else { problems.append("unexpected \(event.name)"); continue }
            require(event, ["UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION"])
            // An all-day event (a due call with no minute to be made in) is one DATE long
            // by RFC 5545 §3.6.1, and has nothing to remind of at a time.
            let allDay = event.properties.contains { $0.name == "DTSTART" && $0.parameters == "VALUE=DATE" }
            if allDay {
                if event.value("DURATION") != nil || event.value("DTEND") != nil {
                    problems.append("an all-day VEVENT has a DURATION or DTEND")
                }
                if let value = event.value("DTSTART"), value.count != 8 || !value.allSatisfy(\.isNumber) {
                    problems.append("DTSTART \(value) is not a DATE")
                }
            } else if (event.value("DURATION") == nil) == (event.value("DTEND") == nil) {
                problems.append("a VEVENT needs exactly one of DURATION and DTEND")
            }
            for stamp in allDay ? ["DTSTAMP"] : ["DTSTAMP", "DTSTART"] {
                if let value = event.value(stamp), Self.utcInstant(value) == nil {
                    problems.append("\(stamp) \(value) is not a UTC date-time")
                }
            }
            for name in ["SUMMARY", "DESCRIPTION"] {
                if let value = event.value(name), Self.unescape(value) == nil {
                    problems.append("\(name) is not escaped TEXT: \(value)")
                }
            }
            let alarms = event.children.filter { $0.name == "VALARM" }
            if alarms.isEmpty && !allDay { problems.append("a VEVENT has no VALARM") }
            for alarm in alarms {
                require(alarm, ["ACTION", "TRIGGER", "DESCRIPTION"])
            }
        }
        let uids = calendar.children.compactMap { $0.value("UID") }
        if Set(uids).count != uids.count { problems.append("UIDs repeat: \(uids)") }
    }

    var events: [Component] { calendar.children.filter { $0.name == "VEVENT" } }

    /// TEXT unescaped (RFC 5545 §3.3.11), or nil when a comma or semicolon is bare or an
    /// escape is unknown.
    static func unescape(_ value: String) -> String? {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case "\\", ";", ",": result.append(character)
                case "n", "N": result.append("\n")
                default: return nil
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "," || character == ";" {
                return nil
            } else {
                result.append(character)
            }
        }
        return escaping ? nil : result
    }

    /// `20261202T150000Z`.
    static func utcInstant(_ value: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: value)
    }
}

/// An ISO 8601 instant with offset, as the JSON prints it.
func isoInstant(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)
}

@Suite("Export: iCalendar")
struct ExchangeCalendarTests {
    @Test("the calendar passes a strict RFC 5545 check and its events sit at agenda's call_at")
    func calendarMatchesAgenda() throws {
        let box = try Sandbox()
        try box.populateEverything()
        let text = try box.export("ics")
        let check = ICalendarCheck(Data(text.utf8))
        #expect(check.problems.isEmpty, "\(check.problems)\n\(text)")

        let agenda = try #require(try box.json(["agenda", "--all"]).array)
        let calls = agenda.filter { $0["call_at"]?.string != nil }
        #expect(calls.count >= 3)
        #expect(check.events.count == calls.count, "one event per application with a next call")
        for entry in calls {
            let id = try #require(entry["id"]?.int)
            let event = try #require(
                check.events.first { $0.value("UID")?.hasPrefix("jobtrack-\(id)-") == true },
                "no event for application \(id)")
            let start = try #require(event.value("DTSTART").flatMap(ICalendarCheck.utcInstant))
            #expect(start == isoInstant(entry["call_at"]!.string!), "application \(id)")
            #expect(event.value("DURATION") == "PT15M")
            #expect(event.value("DTSTAMP") == "20261202T153000Z", "DTSTAMP is *now*, not the wall clock")
            let interviewer = entry["interviewer"]?.string ?? "the interviewer"
            let company = try #require(entry["company"]?.string)
            let role = try #require(entry["role"]?.string)
            #expect(
                event.value("SUMMARY").flatMap(ICalendarCheck.unescape) == "Call \(interviewer) — \(company) (\(role))")
            let description = try #require(event.value("DESCRIPTION").flatMap(ICalendarCheck.unescape))
            #expect(description.contains(entry["phone"]?.string ?? "<no phone>"))
            #expect(description.contains(entry["reason"]?.string ?? "<no reason>"))
            let alarm = try #require(event.children.first)
            #expect(alarm.value("ACTION") == "DISPLAY")
            #expect(alarm.value("TRIGGER") == "-PT15M")
        }
        // The hostile application is among them: its text folds and escapes.
        #expect(
            check.events.contains {
                $0.value("SUMMARY").flatMap(ICalendarCheck.unescape)?.contains(HostileText.company) == true
            })
    }

    @Test("a due call with no minute to be made in is an all-day event today; one not due yet has none")
    func dueCallWithNoTime() throws {
        // In Berlin, the user's hours never meet Sydney's business hours.
        let box = try Sandbox(zone: "Europe/Berlin")
        try box.add("Koala", "SRE", ["--applied-on", "2026-11-20"])
        try box.interview(
            1, at: "2026-11-30 10:00 their", phone: "+61 2 9876 5432", with: "Liam", tz: "Australia/Sydney")
        try box.add("Wombat", "Developer", ["--applied-on", "2026-11-20"])
        try box.interview(
            2, at: "2026-12-02 10:00 their", phone: "+61 2 9876 0000", with: "Mia", tz: "Australia/Sydney")
        #expect(try box.agendaEntry(1)["state"] == .string("due"))
        #expect(try box.agendaEntry(2)["state"] == .string("too_soon"))
        #expect(try box.agendaEntry(2)["call_at"] == .null)

        let text = try box.export("ics")
        let check = ICalendarCheck(Data(text.utf8))
        #expect(check.problems.isEmpty, "\(check.problems)")
        #expect(check.events.count == 1, "\(text)")
        let event = try #require(check.events.first)
        #expect(event.value("UID")?.hasPrefix("jobtrack-1-") == true)
        #expect(event.value("SUMMARY").flatMap(ICalendarCheck.unescape) == "Ask Liam for a time — Koala (SRE)")
        let start = try #require(event.properties.first { $0.name == "DTSTART" })
        #expect(start.parameters == "VALUE=DATE" && start.value == "20261202", "today on the user's calendar")
        let exported = try box.ok(["export", "--format", "ics", "--output", box.path("calls.ics")])
        #expect(exported.stdout == "Exported 1 call to \(box.path("calls.ics")).\n")
    }

    @Test("folding never splits a UTF-8 sequence, and unfolds to the text")
    func foldingKeepsCharacters() throws {
        let box = try Sandbox()
        let id = try box.add(String(repeating: "é", count: 50), String(repeating: "🚀", count: 30))
        try box.interview(id, with: String(repeating: "ü", count: 40))
        let data = try box.ok(["export", "--format", "ics"]).stdout
        let check = ICalendarCheck(Data(data.utf8))
        #expect(check.problems.isEmpty, "\(check.problems)")
        let summary = try #require(check.events.first?.value("SUMMARY"))
        #expect(
            summary
                == "Call \(String(repeating: "ü", count: 40)) — \(String(repeating: "é", count: 50)) (\(String(repeating: "🚀", count: 30)))"
        )
    }

    @Test("UIDs name the application and interview: stable across exports, new for a new round")
    func stableUIDs() throws {
        let box = try Sandbox()
        let id = try box.add()
        try box.interview(id)
        func uids(now: String) throws -> [String] {
            let text = try box.ok(["export", "--format", "ics"], now: now).stdout
            return ICalendarCheck(Data(text.utf8)).events.compactMap { $0.value("UID") }
        }
        let first = try uids(now: wednesdayMorning)
        #expect(first.count == 1)
        #expect(try uids(now: "2026-12-03T09:00:00-05:00") == first)
        let round = try box.interview(id, at: "2026-12-01 15:00")
        let newInterview = try #require(round["interviews"]?.array?.last?["id"]?.int)
        #expect(try uids(now: wednesdayMorning) == ["jobtrack-\(id)-\(newInterview)@jobtrack"])
    }

    @Test("an empty database exports an empty, valid calendar")
    func emptyCalendar() throws {
        let box = try Sandbox()
        let text = try box.export("ics")
        let check = ICalendarCheck(Data(text.utf8))
        #expect(check.problems.isEmpty, "\(check.problems)")
        #expect(check.events.isEmpty)
    }

    @Test("the icalendar Python package accepts the export")
    func pythonICalendarAccepts() throws {
        try #require(pythonHasICalendar, "python3 cannot import icalendar: pip install -r requirements-test.txt")
        let box = try Sandbox()
        try box.populateEverything()
        try box.ok(["export", "--output", box.path("calls.ics")])
        let outcome = try runProgram(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c",
                """
                import sys, icalendar
                cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
                events = [c for c in cal.walk('VEVENT')]
                assert events and all(e.get('UID') and e.get('DTSTART') for e in events)
                print(len(events))
                """, box.path("calls.ics"),
            ],
            environment: box.baseEnvironment, scratch: box.folder)
        #expect(outcome.status == 0, "\(outcome)")
    }
}

let pythonHasICalendar: Bool = {
    guard
        let outcome = try? runProgram(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import icalendar"],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
            scratch: FileManager.default.temporaryDirectory, timeout: 20)
    else { return false }
    return outcome.status == 0
}()
