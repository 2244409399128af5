import FollowUp
import Foundation
import JSONText
import JobStore

/// Lines a front end shows the user on stderr once a use case has run: warnings that
/// leave the change standing (the calendar file could not be written, the database
/// was copied before an upgrade). Shared by every copy of a tracker.
public final class Notices: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()

    func add(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    /// The lines so far, each once.
    public func drain() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let drained = lines
        lines = []
        return drained
    }
}

/// A change as `log` and `undo` show it: when, which command, what it did.
public struct ChangeJSON: Encodable {
    let change: Change
    let zone: TimeZone

    public init(_ change: Change, zone: TimeZone) {
        self.change = change
        self.zone = zone
    }

    enum Keys: String, CodingKey { case id, at, command, summary, undone }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(change.id, forKey: .id)
        try container.encode(TimeText.iso8601(change.at, in: zone), forKey: .at)
        try container.encode(change.command, forKey: .command)
        try container.encode(change.summary, forKey: .summary)
        try container.encode(change.undone, forKey: .undone)
    }
}

extension Tracker {
    /// Runs `body` as one change: one transaction, journaled for `undo` under the
    /// command's name with the summary `body` returns, then the calendar file rewritten
    /// (docs/commands.md §3.9, §3.12). A body that throws changes and journals nothing.
    func change<T>(_ command: String, _ body: () throws -> (result: T, summary: String)) throws -> T {
        var result: T?
        try database.change(command: command, at: now) {
            let outcome = try body()
            result = outcome.result
            return outcome.summary
        }
        refreshCalendar()
        return result!
    }

    /// Reverses the latest change not yet undone, in one transaction, and returns it.
    public func undo() throws -> Change {
        let change = try database.undo(at: now)
        refreshCalendar()
        return change
    }

    /// The changes kept, newest first; `limit` keeps the first so many.
    public func changeLog(limit: Int? = nil) throws -> [Change] {
        try database.changeLog(limit: limit)
    }

    /// "#3 Acme": how a summary names an application.
    func label(_ application: Application) -> String {
        "#\(application.id) \(application.company)"
    }

    /// "Wed Dec 2 11:00", on the user's clock, and "(08:00 their time)" where the
    /// interviewer's clock reads otherwise: how a summary names a moment.
    public func moment(_ instant: Date, their zone: TimeZone? = nil) -> String {
        Self.moment(instant, user: userZone, their: zone)
    }

    /// When to make `entry`'s call, as lists show it: "09:00", "Thu Dec 3 09:00" when not
    /// today, and the interviewer's own clock in brackets when their zone differs, their
    /// date only where it differs from the user's. Nil when there is no call time.
    public func callTime(_ entry: AgendaEntry) -> String? {
        guard let callAt = entry.assessment.callAt else { return nil }
        let text = moment(callAt, their: entry.assessment.timeZone)
        let today = today(in: userZone)
        let prefix = today.shortText + " "
        return CalendarDate.containing(callAt, in: userZone) == today && text.hasPrefix(prefix)
            ? String(text.dropFirst(prefix.count)) : text
    }

    /// `moment(_:their:)` on the clock of `user`, for the rules that an import applies
    /// too and that refuse with the moments they compare (docs/commands.md §3.2).
    static func moment(_ instant: Date, user userZone: TimeZone, their zone: TimeZone?) -> String {
        let day = CalendarDate.containing(instant, in: userZone)
        var text = "\(day.shortText) \(TimeText.hourMinute(instant, in: userZone))"
        if let zone, !TimeText.clocksAgree(zone, userZone, at: instant) {
            let theirDay = CalendarDate.containing(instant, in: zone)
            let time = TimeText.hourMinute(instant, in: zone)
            text += " (\(theirDay == day ? time : "\(theirDay.shortText) \(time)") their time)"
        }
        return text
    }

    /// With `calendar_file` set, writes the next calls there as `export --format ics
    /// --output` would, after a change has committed. Failing to is a warning: the
    /// change stands. The settings are read again first, so that after an undo of
    /// `config business_hours …` the file agrees with the export.
    public func refreshCalendar() {
        do {
            guard let path = try repository.setting(ConfigKey.calendarFile.rawValue), !path.isEmpty else { return }
            do {
                try OutputFile.refuseToReplaceDatabase(at: path)
                try OutputFile.write(try reloaded().export(.ics).data, to: path)
            } catch {
                notices.add("warning: the calendar file was not updated: \(error)")
            }
        } catch {
            notices.add("warning: the calendar file was not updated: \(error)")
        }
    }
}
