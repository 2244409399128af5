import Foundation

/// Which rule decided an assessment, with what its sentence cites. The sentence is
/// worded only when asked for: an agenda of thousands is assessed whole, but only the
/// calls of the day are read.
///
/// Events (an interview, a call) are named by their day on the user's calendar, with
/// the interviewer's day added where it differs; window dates are the interviewer's
/// and say "their time" when the two zones differ; a public holiday that moved a
/// window date or the call is named (docs/rules.md §2).
public enum Reason: Sendable, Equatable {
    case closed
    case notInterviewed
    case noNumber
    /// Rule 3: they asked to be called back at `at`.
    case callback(state: FollowUpState, askedAt: Date, at: Date, stillAhead: Bool, context: Context)
    /// Rule 4: reached them (not on a call that started a round), or wrote.
    case followedUp(by: CallOutcome, at: Date, context: Context)
    case triedTwice(Int)
    /// Rule 6: the last try went unanswered at `at`; `retry` is the day to try again.
    case retry(
        state: FollowUpState, after: CallOutcome, at: Date, retry: CalendarDate, triesLeft: Int,
        context: Context)
    /// Rule 7. `upcoming`: the interview is still ahead (logged in advance).
    /// `decisionNamedAt`: the call on which they named `decision`, when it started a round.
    case window(
        state: FollowUpState, interviewedAt: Date, upcoming: Bool, decision: CalendarDate?,
        decisionNamedAt: Date?, dueFrom: CalendarDate, dueBy: CalendarDate, waitFrom: Int, waitTo: Int,
        context: Context)
    /// Nothing heard for `quietAfter` business days since `since`.
    case goneQuiet(applicationID: Int64, since: QuietSince, quietAfter: Int, context: Context)

    /// What an application went quiet after.
    public enum QuietSince: Sendable, Equatable {
        /// Reached them, or wrote, at that instant.
        case followedUp(CallOutcome, at: Date)
        /// This many unanswered tries, the last at that instant.
        case triedTwice(Int, lastAt: Date)
        /// Applied on that date of the user's calendar, and no interview since.
        case applied(on: CalendarDate)
    }

    /// What a sentence needs beyond its rule: both clocks, *now*, the call time found
    /// (or why none), and the holidays that may have moved a date. Made once per
    /// assessment from values already at hand; nothing is allocated for it.
    public struct Context: Sendable, Equatable {
        public var now: Date
        public var userZone: TimeZone
        public var theirZone: TimeZone
        public var callAt: Date?
        public var noCallTime: NoCallTime?
        /// The interview country's public holidays, when they count.
        public var publicHolidays: PublicHolidays?

        public init(
            now: Date, userZone: TimeZone, theirZone: TimeZone, callAt: Date? = nil,
            noCallTime: NoCallTime? = nil, publicHolidays: PublicHolidays? = nil
        ) {
            self.now = now
            self.userZone = userZone
            self.theirZone = theirZone
            self.callAt = callAt
            self.noCallTime = noCallTime
            self.publicHolidays = publicHolidays
        }
    }

    /// The one sentence the user reads.
    public var text: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Adds the sentence's UTF-8 to the end of `bytes`: `text` without a String made,
    /// for output that is bytes already (an agenda's JSON).
    public func appendText(to bytes: inout [UInt8]) {
        SentenceText.write(to: &bytes) { write(into: &$0) }
    }

    private func write(into text: inout SentenceText) {
        switch self {
        case .closed:
            text.add("The application is closed: no more follow-up calls")
        case .notInterviewed:
            text.add("No interview yet: nothing to follow up")
        case .noNumber:
            text.add("The interviewer gave no number: don't call the front desk; write instead")
        case let .triedTwice(unanswered):
            text.add("Tried ")
            text.add(Self.times(unanswered))
            text.add(" with no answer: stop calling")
        case let .callback(state, askedAt, callback, stillAhead, context):
            ReasonWording(context).callback(
                state: state, askedAt: askedAt, at: callback, stillAhead: stillAhead, into: &text)
        case let .followedUp(outcome, at, context):
            text.add(outcome == .wrote ? "Wrote to the interviewer on " : "Reached the interviewer on ")
            ReasonWording(context).eventDay(at, into: &text)
            text.add(outcome == .wrote ? ": the follow-up is done" : ": the follow-up call is done")
        case let .retry(state, outcome, at, retry, triesLeft, context):
            ReasonWording(context).retry(
                state: state, after: outcome, at: at, retry: retry, triesLeft: triesLeft, into: &text)
        case let .window(state, interviewedAt, upcoming, decision, namedAt, dueFrom, dueBy, waitFrom, waitTo, context):
            ReasonWording(context).window(
                state: state, interviewedAt: interviewedAt, upcoming: upcoming, decision: decision,
                namedAt: namedAt, dueFrom: dueFrom, dueBy: dueBy, waitFrom: waitFrom, waitTo: waitTo, into: &text)
        case let .goneQuiet(id, since, quietAfter, context):
            ReasonWording(context).goneQuiet(applicationID: id, since: since, quietAfter: quietAfter, into: &text)
        }
    }

    static func times(_ count: Int) -> String {
        switch count {
        case 1: return "once"
        case 2: return "twice"
        default: return "\(count) times"
        }
    }
}

/// A sentence written as bytes: the reasons of an agenda of thousands were pieced
/// together from Strings, at some 20,000 instructions a sentence (Benchmarks/NOTES.md).
/// Pieces go into a small buffer on the stack, and the buffer onto the end of the
/// caller's bytes when it fills and at the end: an array checks it is unshared on every
/// append (round five).
struct SentenceText {
    private var bytes: [UInt8]
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    /// Adds the sentence `body` writes to the end of `bytes`.
    static func write(to bytes: inout [UInt8], _ body: (inout SentenceText) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { buffer in
            var text = SentenceText(bytes: bytes, buffer: buffer)
            bytes = []
            body(&text)
            text.flush()
            bytes = text.bytes
        }
    }

    private init(bytes: [UInt8], buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.bytes = bytes
        self.buffer = buffer
    }

    private mutating func flush() {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        count = 0
    }

    private mutating func add(byte: UInt8) {
        if count == buffer.count { flush() }
        buffer[count] = byte
        count += 1
    }

    private mutating func add(bytes piece: UnsafeBufferPointer<UInt8>) {
        if count + piece.count > buffer.count {
            flush()
            guard piece.count <= buffer.count else { return bytes.append(contentsOf: piece) }
        }
        for byte in piece {
            buffer[count] = byte
            count += 1
        }
    }

    mutating func add(_ text: StaticString) {
        text.withUTF8Buffer { add(bytes: $0) }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: $0) }
    }

    /// In decimal, as `String(value)` writes it.
    mutating func add(_ value: Int) {
        guard value >= 0 else { return add(String(value)) }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            add(byte: UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// "Mon Nov 30": `CalendarDate.shortText`.
    mutating func add(_ date: CalendarDate) {
        let (_, month, day) = CalendarDate.civil(fromDays: date.dayNumber)
        add(CalendarDate.shortWeekdays[date.weekday.rawValue - 1])
        add(byte: UInt8(ascii: " "))
        add(CalendarDate.shortMonths[month - 1])
        add(byte: UInt8(ascii: " "))
        add(day)
    }

    /// "HH:MM" for a second of the day: `TimeText.hourMinute`.
    mutating func addClock(_ secondOfDay: Int) {
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        add(byte: UInt8(ascii: "0") + UInt8(hour / 10))
        add(byte: UInt8(ascii: "0") + UInt8(hour % 10))
        add(byte: UInt8(ascii: ":"))
        add(byte: UInt8(ascii: "0") + UInt8(minute / 10))
        add(byte: UInt8(ascii: "0") + UInt8(minute % 10))
    }
}

/// What wording one sentence needs: the context, with both clocks' tables looked up
/// once rather than for every date the sentence names (each lookup compares zone
/// identifiers under a lock).
///
/// Events (an interview, a call) are named by their day on the user's calendar, with
/// the interviewer's day added where it differs; window dates are the interviewer's
/// and say "their time" when the two zones differ.
struct ReasonWording {
    let context: Reason.Context
    /// The user's clock and the interviewer's: the same clock when the zones are one.
    private let myClock: ZoneClock
    private let theirClock: ZoneClock
    /// Whether the interviewer's clock is not the user's: then both are named.
    private let zonesDiffer: Bool

    init(_ context: Reason.Context) {
        self.context = context
        myClock = ZoneClock(context.userZone)
        zonesDiffer = context.userZone.identifier != context.theirZone.identifier
        theirClock = zonesDiffer ? ZoneClock(context.theirZone) : myClock
    }

    private var now: Date { context.now }
    private var callAt: Date? { context.callAt }
    private var noCallTime: NoCallTime? { context.noCallTime }
    private var publicHolidays: PublicHolidays? { context.publicHolidays }

    private var theirToday: CalendarDate { theirClock.date(containing: now) }

    /// "Wed Dec 9", or "Wed Dec 9 (Thu Dec 10 their time)" when their day differs.
    func eventDay(_ instant: Date, into text: inout SentenceText) {
        let mine = myClock.date(containing: instant)
        let theirs = theirClock.date(containing: instant)
        text.add(mine)
        if mine != theirs {
            text.add(" (")
            text.add(theirs)
            text.add(" their time)")
        }
    }

    /// "14:00", or "14:00 (11:00 their time)" — with their day when it differs.
    private func time(_ instant: Date, into text: inout SentenceText) {
        let seconds = ZoneClock.seconds(instant)
        let mine = myClock.localDay(of: seconds)
        let theirs = theirClock.localDay(of: seconds)
        text.addClock(mine.second)
        if mine.day != theirs.day {
            text.add(" (")
            text.add(CalendarDate(dayNumber: theirs.day))
            text.add(" ")
            text.addClock(theirs.second)
            text.add(" their time)")
        } else if mine.second / 60 != theirs.second / 60 {
            text.add(" (")
            text.addClock(theirs.second)
            text.add(" their time)")
        }
    }

    /// "Sat Dec 5 at 10:00", on the user's clock, with theirs where it reads otherwise.
    private func dayAndTime(_ instant: Date, into text: inout SentenceText) {
        text.add(myClock.date(containing: instant))
        text.add(" at ")
        time(instant, into: &text)
    }

    /// Window dates, which are the interviewer's: "Wed Dec 2 – Thu Dec 3", with
    /// "their time" when the zones differ.
    private func dates(_ from: CalendarDate, _ to: CalendarDate? = nil, into text: inout SentenceText) {
        text.add(from)
        if let to, to != from {
            text.add(" – ")
            text.add(to)
        }
        if zonesDiffer { text.add(" their time") }
    }

    /// When to make a due call: `immediately` ("today", "as soon as you can") when
    /// call_at is this minute; "today at 12:00" later today on the user's clock; else its
    /// day and time — never "today" for a call that is not today where the user is.
    private func when(_ immediately: StaticString, into text: inout SentenceText) {
        guard let callAt, callAt.timeIntervalSince(now) >= 60 else { return text.add(immediately) }
        if myClock.date(containing: callAt) == myClock.date(containing: now) {
            text.add("today at ")
            time(callAt, into: &text)
        } else {
            dayAndTime(callAt, into: &text)
        }
    }

    /// `noTime` and why, when a call was looked for in vain; else `call` and when.
    private func callOrWhyNot(
        _ noTime: StaticString, else call: StaticString, _ immediately: StaticString, into text: inout SentenceText
    ) {
        if let noCallTime {
            text.add(noTime)
            text.add(noCallTime.text)
        } else {
            text.add(call)
            when(immediately, into: &text)
        }
    }

    /// " — no time to call: …" when a call was looked for in vain; else nothing.
    private func noCallNote(into text: inout SentenceText) {
        guard let noCallTime else { return }
        text.add(" — no time to call: ")
        text.add(noCallTime.text)
    }

    /// " (Thu Nov 26 is Thanksgiving Day)": the public holidays on weekdays that moved a
    /// date — those after `after` through `through`, and those from today until the
    /// call when it was pushed past them. Settings holidays have no names to give.
    private func holidayNote(after: CalendarDate, through: CalendarDate, into text: inout SentenceText) {
        guard let publicHolidays else { return }
        var seen: [Int] = []
        func look(_ days: ClosedRange<Int>) {
            for number in days where CalendarDate.floorMod(number + 3, 7) < 5 && !seen.contains(number) {
                let date = CalendarDate(dayNumber: number)
                if let name = publicHolidays.name(on: date) {
                    text.add(seen.isEmpty ? " (" : "; ")
                    text.add(date)
                    text.add(" is ")
                    text.add(name)
                    seen.append(number)
                }
            }
        }
        // A month at most: enough for any window, no walk through years.
        let first = after.dayNumber + 1
        let last = min(through.dayNumber, first + 31)
        if first <= last { look(first...last) }
        if let callAt {
            let callDay = theirClock.date(containing: callAt).dayNumber
            let from = max(theirToday.dayNumber, first)
            if from < callDay { look(from...min(callDay - 1, from + 31)) }
        }
        if !seen.isEmpty { text.add(")") }
    }

    func callback(
        state: FollowUpState, askedAt: Date, at callback: Date, stillAhead: Bool, into text: inout SentenceText
    ) {
        text.add("Asked on ")
        eventDay(askedAt, into: &text)
        text.add(" to be called back ")
        dayAndTime(callback, into: &text)
        switch state {
        case .overdue:
            text.add(": missed — ")
            callOrWhyNot("no time to call: ", else: "call ", "as soon as you can", into: &text)
        case .due where !stillAhead:
            text.add(": that time has passed — ")
            callOrWhyNot("no time to call: ", else: "call ", "as soon as you can today", into: &text)
        default:
            text.add(": call exactly then")
        }
    }

    func retry(
        state: FollowUpState, after outcome: CallOutcome, at: Date, retry: CalendarDate,
        triesLeft: Int, into text: inout SentenceText
    ) {
        let tryAgain: StaticString = triesLeft == 1 ? "try once more " : "try again "
        let voicemail = outcome == .voicemail
        text.add(voicemail ? "Voicemail left " : "No answer ")
        eventDay(at, into: &text)
        let anchor = theirClock.date(containing: at)
        let notReturned: StaticString = voicemail ? "; not returned — " : " — "
        switch state {
        case .awaitingReply:
            text.add(voicemail ? "; if not returned, " : "; ")
            text.add(tryAgain)
            dates(retry, into: &text)
            holidayNote(after: anchor, through: retry, into: &text)
            noCallNote(into: &text)
        case .due:
            text.add(notReturned)
            callOrWhyNot("no time to call: ", else: tryAgain, "today", into: &text)
            holidayNote(after: anchor, through: retry, into: &text)
        default:
            text.add(notReturned)
            callOrWhyNot("no time to call: ", else: tryAgain, "as soon as you can", into: &text)
            text.add(" (due ")
            dates(retry, into: &text)
            text.add(")")
            holidayNote(after: anchor, through: retry, into: &text)
        }
    }

    func window(
        state: FollowUpState, interviewedAt: Date, upcoming: Bool, decision: CalendarDate?, namedAt: Date?,
        dueFrom: CalendarDate, dueBy: CalendarDate, waitFrom: Int, waitTo: Int, into text: inout SentenceText
    ) {
        if let decision, let namedAt {
            text.add("On ")
            eventDay(namedAt, into: &text)
            text.add(" they said they expect to decide by ")
            text.add(decision)
        } else if let decision {
            text.add("Decision promised by ")
            text.add(decision)
        } else {
            text.add(upcoming ? "Interview on " : "Interviewed ")
            eventDay(interviewedAt, into: &text)
        }
        let anchor = decision ?? theirClock.date(containing: interviewedAt)
        func window() {
            text.add("; call ")
            text.add(waitFrom)
            if waitFrom != waitTo {
                text.add("–")
                text.add(waitTo)
            }
            text.add(waitTo == 1 ? " business day after: " : " business days after: ")
            dates(dueFrom, dueBy, into: &text)
        }
        switch state {
        case .waitingOnDecision:
            text.add(": waiting until ")
            dates(dueFrom, into: &text)
            holidayNote(after: anchor, through: dueBy, into: &text)
            noCallNote(into: &text)
        case .due:
            window()
            text.add(" — ")
            callOrWhyNot("no time to call: ", else: "call ", "today", into: &text)
            holidayNote(after: anchor, through: dueBy, into: &text)
        case .overdue:
            window()
            text.add(" — overdue, ")
            callOrWhyNot("but no time to call: ", else: "call ", "as soon as you can", into: &text)
            holidayNote(after: anchor, through: dueBy, into: &text)
        default:
            window()
            holidayNote(after: anchor, through: dueBy, into: &text)
            noCallNote(into: &text)
        }
    }

    func goneQuiet(
        applicationID: Int64, since: Reason.QuietSince, quietAfter: Int, into text: inout SentenceText
    ) {
        switch since {
        case let .followedUp(outcome, at):
            text.add(outcome == .wrote ? "Wrote to the interviewer on " : "Reached the interviewer on ")
            eventDay(at, into: &text)
        case let .triedTwice(count, lastAt):
            text.add("Tried ")
            text.add(Reason.times(count))
            text.add(" with no answer, the last on ")
            eventDay(lastAt, into: &text)
            text.add(",")
        case let .applied(on):
            text.add("Applied on ")
            text.add(on)
        }
        text.add(" and heard nothing in the ")
        text.add(quietAfter)
        text.add(quietAfter == 1 ? " business day" : " business days")
        text.add(" since: it has gone quiet — mark it ghosted (jobtrack status ")
        text.add(Int(applicationID))
        text.add(" ghosted), or send one last written note")
    }
}
