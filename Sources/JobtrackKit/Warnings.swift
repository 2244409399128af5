import FollowUp
import Foundation
import JobStore

// The etiquette's warnings (docs/commands.md §3.7): a change that the
// rules would not advise, but that records a fact, is made all the same, with one line
// saying what the etiquette says. Every warning rule lives here; the use cases that
// write a call, an interview, an application or a thank-you note ask these and return
// what they say.

extension Tracker {
    /// A call at `at` on interview `interviewID` of `history`: before its window opens
    /// ("not sooner — a pest"), or outside the interviewer's business hours ("call
    /// inside normal business hours, unless the interviewer said otherwise"). The
    /// window is the one the application stood in before the call: the interview's
    /// calls earlier than `at`, leaving out `excluding` (the call being edited).
    func callWarnings(at: Date, interviewID: Int64, in history: ApplicationHistory, excluding callID: Int64? = nil)
        throws -> [String]
    {
        guard var item = history.interviews.first(where: { $0.interview.id == interviewID }) else { return [] }
        let earlier = item.calls.filter { $0.id != callID && $0.at < at }
        item.calls = earlier
        var before = history
        before.interviews = [item]
        // The window of the call itself, whatever became of the application since.
        before.application.status = .interviewing
        let facts = try mapper.facts(for: before)
        guard let interview = facts.interviews.first else { return [] }
        let zone = interview.timeZone
        let day = CalendarDate.containing(at, in: zone)
        let when = theirTime(at, zone)
        var warnings: [String] = []

        let standing = engine.assess(facts, now: at)
        if let opens = standing.dueFrom, day < opens {
            // After an unanswered try the day that opens is the day to try again (rule 6).
            warnings.append(
                standing.state == .awaitingReply
                    ? "the call at \(when) is before the day to try again, \(opens.shortText) (after a try that "
                        + "went unanswered, once more the next business day: not sooner); logged anyway"
                    : "the call at \(when) is before its window opens on \(opens.shortText) (not sooner: a pest); logged anyway"
            )
        }
        // A time the interviewer chose for a callback is theirs to choose.
        let callback = earlier.max { ($0.at, $0.id) < ($1.at, $1.id) }?.callbackAt
        let chosen = callback.map { CalendarDate.containing($0, in: zone) == day } ?? false
        if !interview.afterHoursOK && !chosen {
            let hours = settings.businessHours
            let businessDay = engine.calendar.isBusinessDay(day, publicHolidays: interview.publicHolidays)
            if !businessDay || !hours.contains(minute: TimeText.minuteOfDay(at, in: zone)) {
                warnings.append(
                    "the call at \(when) is outside the interviewer's business hours (\(hours), business days); logged anyway"
                )
            }
        }
        return warnings
    }

    /// An interview held before its application was made, or logged on a closed one
    /// (no more follow-up calls: docs/rules.md §1.2). `logging` is false for an edit,
    /// which warns about the date only.
    func interviewWarnings(heldAt: Date, application: Application, logging: Bool) -> [String] {
        var warnings: [String] = []
        let day = CalendarDate.containing(heldAt, in: userZone)
        if let applied = CalendarDate(iso: application.appliedOn), day < applied {
            warnings.append(
                "the interview on \(day.iso) is before #\(application.id) was applied for on \(applied.iso); "
                    + "kept anyway (`jobtrack edit \(application.id) --applied-on …` mends the date)")
        }
        if logging && application.status.isClosed {
            warnings.append(
                "#\(application.id) is \(application.status.rawValue), which is closed: no follow-up calls; "
                    + "logged anyway (`jobtrack status \(application.id) interviewing` reopens it)")
        }
        return warnings
    }

    /// A new application of the same company and role as an open one (likely the same
    /// application twice), or applied for on a date still to come.
    func addWarnings(company: String, role: String, appliedOn: CalendarDate) throws -> [String] {
        var warnings: [String] = []
        let same = try repository.applications().filter {
            !$0.status.isClosed && $0.company.lowercased() == company.lowercased()
                && $0.role.lowercased() == role.lowercased()
        }
        for open in same {
            warnings.append(
                "#\(open.id) \(open.company) — \(open.role) is already open (applied \(open.appliedOn)); added anyway")
        }
        let today = today(in: userZone)
        if appliedOn > today {
            warnings.append("applied on \(appliedOn.iso) is in the future (today is \(today.iso)); added anyway")
        }
        return warnings
    }

    /// A thank-you note recorded over another: `thanks --at` is how a time is corrected,
    /// so the new one stands, but the one it replaces may have been the timely note that
    /// "thank the interviewer at the time of the interview" asks for (docs/rules.md §2.5).
    func thanksWarnings(replacing earlier: Date?, with thankedAt: Date, their zone: TimeZone) -> [String] {
        guard let earlier, earlier != thankedAt else { return [] }
        return [
            "replaced the thank-you note recorded on \(moment(earlier, their: zone)); `jobtrack undo` puts it back"
        ]
    }

    /// "Sat Dec 5 10:00", on the interviewer's clock, saying so when it is not the user's.
    private func theirTime(_ instant: Date, _ zone: TimeZone) -> String {
        let text = "\(CalendarDate.containing(instant, in: zone).shortText) \(TimeText.hourMinute(instant, in: zone))"
        return TimeText.clocksAgree(zone, userZone, at: instant) ? text : text + " their time"
    }
}
