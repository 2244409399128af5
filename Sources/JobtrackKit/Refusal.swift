import Foundation

/// A use case refused for a reason of jobtrack's own (docs/commands.md §3, "Rules of the
/// call log"). The description is the one line the user sees on stderr; a moment in it
/// reads as in a confirmation, on the user's clock with the interviewer's in brackets
/// where it differs, so that a misread zone shows at once (docs/commands.md §3.2).
public enum Refusal: Error, CustomStringConvertible, Equatable {
    case noInterview(application: Int64)
    case noPhone(interviewer: String)
    case wrongNumber(dialled: String, onRecord: String, interviewer: String)
    case callBeforeInterview(at: String, interview: String)
    case callInFuture(at: String, now: String)
    case callbackNotAfterCall(callback: String, call: String)
    case callbackRequired
    case callbackNotAllowed(outcome: String)
    case decisionBeforeInterview(decision: String, interview: String)
    case deleteNeedsYes(application: Int64)
    case nothingToEdit
    case badSetting(key: String, reason: String)
    case badStoredSetting(String, String)
    case badEnvironment(String, String)
    case dateOutOfRange
    case badStoredValue(row: String, column: String, value: String)
    case badDateTime(String)
    case noSuchDate(String, reason: String)
    case numberWithWrote
    case unknownCommand(String, suggestion: String?)
    /// Options typed before the command's name: `jobtrack --db x today`.
    case commandAfterOptions(command: String, rewritten: String)
    case negativeNumber(String)
    case noInterviewToThank(application: Int64)
    case thanksBeforeInterview(at: String, interview: String)
    case thanksInFuture(at: String, now: String)
    case unknownCountry(String)
    case decisionNeedsReached(outcome: String)
    case decisionNotAfterCall(decision: String, call: String)
    case unknownZone(String)
    case offsetAndClock(String)
    case theirWithoutInterview
    case skippedTime(day: String, zone: String, from: String, to: String)
    case nothingToMend(record: String, options: String)
    case deleteInterviewNeedsYes(interview: Int64, application: Int64, at: String, calls: Int)
    case deleteCallNeedsYes(call: Int64, application: Int64, at: String, outcome: String)
    case duplicateInterview(interview: Int64, application: Int64, at: String)
    case callBeforeMovedInterview(call: Int64, at: String, interview: String)
    case phoneNeededByCalls(interview: Int64, calls: Int)

    public var description: String {
        switch self {
        case .noInterview(let id):
            return "application \(id) has no interview to follow up; log one with `jobtrack interview \(id) --at …`"
        case .noPhone(let interviewer):
            return "\(interviewer) gave no number: don't call the front desk; write instead"
        case .wrongNumber(let dialled, let onRecord, let interviewer):
            return "\(dialled) is not the number \(interviewer) gave; call only \(onRecord)"
        case .callBeforeInterview(let at, let interview):
            return "a call at \(at) would be before the interview at \(interview)"
        case .callInFuture(let at, let now):
            return "a call at \(at) is in the future: it is now \(now); log calls once they happen"
        case .callbackNotAfterCall(let callback, let call):
            return "--callback-at \(callback) must be after the call at \(call)"
        case .callbackRequired:
            return "--outcome bad-time needs --callback-at: ask when is better and record it"
        case .callbackNotAllowed(let outcome):
            return "--callback-at does not go with --outcome \(outcome): nobody named a time"
        case .decisionBeforeInterview(let decision, let interview):
            return "--decision-by \(decision) is before the interview on \(interview)"
        case .deleteNeedsYes(let id):
            return "deleting application \(id) removes its interviews and calls; add --yes to confirm"
        case .nothingToEdit:
            return "nothing to edit: give at least one of --company, --role, --applied-on, --url, --note"
        case .badSetting(let key, let reason):
            return "\(key): \(reason)"
        case .badStoredSetting(let key, let value):
            return "the stored setting \(key) = \"\(value)\" is invalid; fix it with `jobtrack config \(key) …`"
        case .badEnvironment(let name, let expected):
            return "\(name) must be \(expected)"
        case .dateOutOfRange:
            return "that date falls outside the years 1 to 9999"
        case .decisionNeedsReached(let outcome):
            return
                "--decision-by goes with --outcome reached: a decision date is named by an interviewer you spoke with, not on \(outcome)"
        case .decisionNotAfterCall(let decision, let call):
            return "--decision-by \(decision) must be after the call on \(call)"
        case .noInterviewToThank(let id):
            return
                "application \(id) has no interview to thank anyone for; log one with `jobtrack interview \(id) --at …`"
        case .thanksBeforeInterview(let at, let interview):
            return "a thank-you note at \(at) would be before the interview at \(interview)"
        case .thanksInFuture(let at, let now):
            return "a thank-you note at \(at) is in the future: it is now \(now); record it once it is sent"
        case .unknownCountry(let code):
            return "\(code) is not a country code jobtrack knows the public holidays of (ISO 3166, e.g. US, GB, DE)"
        case .unknownCommand(let typed, let suggestion):
            let hint = suggestion.map { "; did you mean `jobtrack \($0)`?" } ?? "; see `jobtrack --help`"
            return "unknown command '\(typed)'\(hint)"
        case .commandAfterOptions(let command, let rewritten):
            return "the command comes first, then its options: `jobtrack \(rewritten)`, not '\(command)' after them"
        case .negativeNumber(let typed):
            return "\(typed): no id, count or number of a setting is negative; each is at least 1"
        case .numberWithWrote:
            return "--number does not go with --outcome wrote: a follow-up in writing dials no number"
        case .badDateTime(let text):
            return "\"\(text)\" is not \(DateTimeInput.expected)"
        case .noSuchDate(let text, let reason):
            return "\(text) is not a date: \(reason)"
        case .unknownZone(let name):
            return "\(name) is not an IANA time zone such as America/New_York or Europe/London"
        case .offsetAndClock(let text):
            return "\"\(text)\" has an offset already; drop `their` or the zone name"
        case .theirWithoutInterview:
            return "`their` reads a time on the interviewer's clock, and there is no interview here to read it by"
        case .skippedTime(let day, let zone, let from, let to):
            return
                "that time does not exist on \(day) in \(zone): the clocks jump from \(from) to \(to); give a time after \(to)"
        case .nothingToMend(let record, let options):
            return "nothing to edit: give at least one of \(options) for \(record)"
        case .deleteInterviewNeedsYes(let interview, let application, let at, let calls):
            let with = calls == 0 ? "" : calls == 1 ? " and its call" : " and its \(calls) calls"
            return "deleting interview \(interview) of #\(application) at \(at) removes it\(with); add --yes to confirm"
        case .deleteCallNeedsYes(let call, let application, let at, let outcome):
            return "deleting call \(call) of #\(application) (\(outcome)) at \(at) removes it; add --yes to confirm"
        case .duplicateInterview(let interview, let application, let at):
            return
                "interview \(interview) of #\(application) is already at \(at); mend it with `jobtrack edit-interview \(interview)`"
        case .callBeforeMovedInterview(let call, let at, let interview):
            return "call \(call) at \(at) would then be before the interview at \(interview); "
                + "mend it first with `jobtrack edit-call \(call)` or `jobtrack delete-call \(call) --yes`"
        case .phoneNeededByCalls(let interview, let calls):
            return "interview \(interview) has \(calls == 1 ? "a call" : "\(calls) calls") dialled on its number; "
                + "the number cannot be cleared while they stand (see `jobtrack delete-call`)"
        case .badStoredValue(let row, let column, let value):
            return "the database holds a value jobtrack cannot read: \(row), \(column) = \"\(value)\""
        }
    }
}
