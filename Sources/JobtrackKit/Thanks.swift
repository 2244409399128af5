import FollowUp
import Foundation
import JobStore

/// When a thank-you note can have been sent: "you should have thanked her at the time
/// of the interview" (docs/rules.md §2.5) — after the interview, and, when it is being
/// recorded, not in the future. A refusal names each moment on the `user`'s clock and
/// the interviewer's, `zone`.
enum ThanksRules {
    static func check(_ at: Date, heldAt: Date, now: Date?, user: TimeZone, their zone: TimeZone) throws(Refusal) {
        func moment(_ instant: Date) -> String { Tracker.moment(instant, user: user, their: zone) }
        if at < heldAt { throw .thanksBeforeInterview(at: moment(at), interview: moment(heldAt)) }
        if let now, at > now { throw .thanksInFuture(at: moment(at), now: moment(now)) }
    }
}

extension Tracker {
    /// Records that a thank-you note was sent for the latest interview, at `at` (now when nil).
    /// A note already recorded is replaced — that is how its time is corrected — with a
    /// warning naming it. Returns the application as it now stands, the instant recorded
    /// and the warnings.
    public func thanks(_ id: Int64, at: DateTimeInput? = nil) throws
        -> (entry: AgendaEntry, thankedAt: Date, warnings: [String])
    {
        var warnings: [String] = []
        let thankedAt = try change("thanks") {
            let entry = try entry(for: id)
            guard var interview = entry.interview else { throw Refusal.noInterviewToThank(application: id) }
            let zone = zone(named: interview.tz)
            let thankedAt = try at?.resolve(now: now, user: userZone, their: zone) ?? now.wholeSeconds
            try ThanksRules.check(thankedAt, heldAt: interview.heldAt, now: now, user: userZone, their: zone)
            warnings += thanksWarnings(replacing: interview.thankedAt, with: thankedAt, their: zone)
            interview.thankedAt = thankedAt
            _ = try repository.updateInterview(interview)
            return (
                thankedAt,
                "thank-you note recorded for \(label(entry.application)) on \(moment(thankedAt, their: zone))"
            )
        }
        return (try entry(for: id), thankedAt, warnings)
    }
}
