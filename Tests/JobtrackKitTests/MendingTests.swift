import FollowUp
import Foundation
import JobStore
import Testing

@testable import JobtrackKit

@Suite("mending: edits apply the checks of logging, in process")
struct MendingTests {
    /// Acme, interviewed Monday 2026-11-30 10:00 in New York by Dana (interview 1), with a
    /// voicemail Wednesday 09:30 (call 1) — the tracker at Wednesday 2026-12-02 10:30.
    static func mendable() throws -> (KitFixture, Tracker) {
        let fixture = try KitFixture()
        let id = try CallLogTests.interviewed(fixture)
        let tracker = try fixture.tracker(at: "2026-12-02 10:30")
        _ = try tracker.logCall(id, NewCall(outcome: .voicemail, at: DateTimeInput("2026-12-02 09:30")))
        return (fixture, tracker)
    }

    static func at(_ text: String) throws -> DateTimeInput { try #require(DateTimeInput(text)) }
    static func date(_ text: String) throws -> DateInput { try #require(DateInput(text)) }

    /// The database's records, to show a refusal changed nothing.
    static func snapshot(_ tracker: Tracker) throws -> ApplicationHistory { try tracker.entry(for: 1).history }

    @Test("an edit changes only the fields given")
    func onlyGiven() throws {
        let (_, tracker) = try Self.mendable()
        let before = try Self.snapshot(tracker)
        let mended = try tracker.editInterview(1, InterviewEdit(interviewer: "Dana Reyes"))
        var expected = before.interviews[0].interview
        expected.interviewer = "Dana Reyes"
        #expect(mended.entry.history.interviews[0].interview == expected)
        #expect(mended.entry.history.interviews[0].calls == before.interviews[0].calls)
        #expect(mended.warnings.isEmpty)
    }

    @Test("empty values clear optional fields, and the flag clears")
    func clears() throws {
        let (_, tracker) = try Self.mendable()
        _ = try tracker.editInterview(
            1,
            InterviewEdit(
                country: "US", decisionBy: .set(try Self.date("2026-12-04")), afterHoursOK: true,
                busy: [try #require(BusyWindow("Mon 09:00-10:00"))], notes: "panel"))
        let cleared = try tracker.editInterview(
            1,
            InterviewEdit(
                interviewer: "", country: "", decisionBy: .clear, afterHoursOK: false, busy: [], notes: ""))
        let interview = cleared.entry.history.interviews[0].interview
        #expect(interview.interviewer == nil)
        #expect(interview.country == nil)
        #expect(interview.decisionBy == nil)
        #expect(interview.afterHoursOK == false)
        #expect(interview.busy.isEmpty)
        #expect(interview.notes == nil)
    }

    @Test("an interview moved after one of its calls is refused, naming the call")
    func interviewAfterCall() throws {
        let (_, tracker) = try Self.mendable()
        let before = try Self.snapshot(tracker)
        #expect(
            throws: Refusal.callBeforeMovedInterview(
                call: 1, at: "Wed Dec 2 09:30", interview: "Wed Dec 2 10:00")
        ) {
            _ = try tracker.editInterview(1, InterviewEdit(at: try Self.at("2026-12-02 10:00")))
        }
        #expect(try Self.snapshot(tracker) == before)
    }

    @Test("an interview's decision date before its own date is refused, as when logging")
    func interviewDecision() throws {
        let (_, tracker) = try Self.mendable()
        #expect(throws: Refusal.decisionBeforeInterview(decision: "2026-11-29", interview: "2026-11-30")) {
            _ = try tracker.editInterview(1, InterviewEdit(decisionBy: .set(try Self.date("2026-11-29"))))
        }
    }

    @Test("a new number moves the calls to it; clearing the number its calls were dialled on is refused")
    func phone() throws {
        let (_, tracker) = try Self.mendable()
        let mended = try tracker.editInterview(1, InterviewEdit(phone: "212-555-0199"))
        #expect(mended.entry.history.interviews[0].interview.phone == "212-555-0199")
        #expect(mended.entry.history.interviews[0].calls.map(\.number) == ["212-555-0199"])
        #expect(throws: Refusal.phoneNeededByCalls(interview: 1, calls: 1)) {
            _ = try tracker.editInterview(1, InterviewEdit(phone: ""))
        }
    }

    @Test("an interview at the same instant as another of the application is refused, naming it")
    func duplicate() throws {
        let (_, tracker) = try Self.mendable()
        let refusal = Refusal.duplicateInterview(interview: 1, application: 1, at: "Mon Nov 30 10:00")
        #expect(throws: refusal) {
            _ = try tracker.logInterview(1, NewInterview(at: try Self.at("2026-11-30 10:00")))
        }
        #expect(refusal.description.contains("jobtrack edit-interview 1"))
        _ = try tracker.logInterview(1, NewInterview(at: try Self.at("2026-12-01 10:00")))
        #expect(throws: refusal) {
            _ = try tracker.editInterview(2, InterviewEdit(at: try Self.at("2026-11-30 10:00")))
        }
    }

    @Test("a call edited to before its interview, or into the future, is refused")
    func callTimes() throws {
        let (_, tracker) = try Self.mendable()
        let before = try Self.snapshot(tracker)
        #expect(
            throws: Refusal.callBeforeInterview(at: "Mon Nov 30 09:00", interview: "Mon Nov 30 10:00")
        ) {
            _ = try tracker.editCall(1, CallEdit(at: try Self.at("2026-11-30 09:00")))
        }
        #expect(throws: Refusal.callInFuture(at: "Wed Dec 2 11:00", now: "Wed Dec 2 10:30")) {
            _ = try tracker.editCall(1, CallEdit(at: try Self.at("2026-12-02 11:00")))
        }
        #expect(try Self.snapshot(tracker) == before)
    }

    @Test("callbacks: bad-time needs one, voicemail takes none, and one comes after the call")
    func callbacks() throws {
        let (_, tracker) = try Self.mendable()
        #expect(throws: Refusal.callbackRequired) {
            _ = try tracker.editCall(1, CallEdit(outcome: .badTime))
        }
        #expect(throws: Refusal.callbackNotAllowed(outcome: "voicemail")) {
            _ = try tracker.editCall(1, CallEdit(callbackAt: .set(try Self.at("2026-12-03 10:00"))))
        }
        #expect(
            throws: Refusal.callbackNotAfterCall(callback: "Wed Dec 2 09:00", call: "Wed Dec 2 09:30")
        ) {
            _ = try tracker.editCall(1, CallEdit(outcome: .badTime, callbackAt: .set(try Self.at("2026-12-02 09:00"))))
        }
        let mended = try tracker.editCall(
            1, CallEdit(outcome: .badTime, callbackAt: .set(try Self.at("2026-12-03 10:00"))))
        #expect(mended.entry.assessment.state == .callbackScheduled)
        #expect(throws: Refusal.callbackRequired) {
            _ = try tracker.editCall(1, CallEdit(callbackAt: .clear))
        }
        let reached = try tracker.editCall(1, CallEdit(outcome: .reached, callbackAt: .clear))
        #expect(reached.entry.history.interviews[0].calls[0].callbackAt == nil)
        #expect(reached.entry.assessment.state == .followedUp)
    }

    @Test("a decision date goes on a reached call only, and after the call's date")
    func callDecision() throws {
        let (_, tracker) = try Self.mendable()
        #expect(throws: Refusal.decisionNeedsReached(outcome: "voicemail")) {
            _ = try tracker.editCall(1, CallEdit(decisionBy: .set(try Self.date("2026-12-09"))))
        }
        #expect(throws: Refusal.decisionNotAfterCall(decision: "2026-12-02", call: "2026-12-02")) {
            _ = try tracker.editCall(1, CallEdit(outcome: .reached, decisionBy: .set(try Self.date("2026-12-02"))))
        }
        let mended = try tracker.editCall(1, CallEdit(outcome: .reached, decisionBy: .set(try Self.date("2026-12-09"))))
        #expect(mended.entry.history.interviews[0].calls[0].decisionBy == "2026-12-09")
    }

    @Test("the number dialled must be the interviewer's")
    func number() throws {
        let (_, tracker) = try Self.mendable()
        #expect(throws: Refusal.wrongNumber(dialled: "212 555 0199", onRecord: "+1 212 555 0100", interviewer: "Dana"))
        {
            _ = try tracker.editCall(1, CallEdit(number: "212 555 0199"))
        }
        let mended = try tracker.editCall(1, CallEdit(number: "1 (212) 555-0100"))
        #expect(mended.entry.history.interviews[0].calls[0].number == "1 (212) 555-0100")
    }

    @Test("an unknown id is refused naming it; an edit that changes nothing is refused")
    func unknown() throws {
        let (_, tracker) = try Self.mendable()
        #expect(throws: StoreError.unknownInterview(9)) { _ = try tracker.editInterview(9, InterviewEdit(notes: "x")) }
        #expect(throws: StoreError.unknownCall(9)) { _ = try tracker.editCall(9, CallEdit(notes: "x")) }
        #expect(throws: StoreError.unknownInterview(9)) { _ = try tracker.deleteInterview(9, confirmed: false) }
        #expect(throws: StoreError.unknownCall(9)) { _ = try tracker.deleteCall(9, confirmed: true) }
        #expect(throws: Refusal.nothingToMend(record: "call 1", options: CallEdit.options)) {
            _ = try tracker.editCall(1, CallEdit())
        }
    }

    @Test("deleting needs confirming; an interview goes with its calls, and the application back to applied")
    func delete() throws {
        let (_, tracker) = try Self.mendable()
        #expect(
            throws: Refusal.deleteCallNeedsYes(call: 1, application: 1, at: "Wed Dec 2 09:30", outcome: "voicemail")
        ) {
            _ = try tracker.deleteCall(1, confirmed: false)
        }
        #expect(
            throws: Refusal.deleteInterviewNeedsYes(interview: 1, application: 1, at: "Mon Nov 30 10:00", calls: 1)
        ) {
            _ = try tracker.deleteInterview(1, confirmed: false)
        }
        let deleted = try tracker.deleteInterview(1, confirmed: true)
        #expect(deleted.summary == "interview 1 of #1 Acme on Mon Nov 30 10:00 deleted with its call")
        #expect(deleted.entry.history.interviews.isEmpty)
        #expect(deleted.entry.application.status == .applied)
    }

    @Test("a call edited before its window opens or out of business hours stands, with a warning")
    func callWarnings() throws {
        let (_, tracker) = try Self.mendable()
        let early = try tracker.editCall(1, CallEdit(at: try Self.at("2026-12-01 11:00")))
        #expect(early.warnings.count == 1 && early.warnings[0].contains("before its window opens on Wed Dec 2"))
        let late = try tracker.editCall(1, CallEdit(at: try Self.at("2026-12-02 08:00")))
        #expect(late.warnings.count == 1 && late.warnings[0].contains("outside the interviewer's business hours"))
        #expect(
            late.entry.history.interviews[0].calls[0].at
                == CalendarDate(iso: "2026-12-02")!.at(
                    hour: 8, minute: 0, in: KitFixture.newYork))
        let fine = try tracker.editCall(1, CallEdit(at: try Self.at("2026-12-02 09:00")))
        #expect(fine.warnings.isEmpty)
        _ = try tracker.editInterview(1, InterviewEdit(afterHoursOK: true))
        #expect(try tracker.editCall(1, CallEdit(at: try Self.at("2026-12-02 08:00"))).warnings.isEmpty)
    }

    @Test("add warns of the same company and role open already, and of an applied_on to come")
    func addWarnings() throws {
        let fixture = try KitFixture()
        let tracker = try fixture.tracker(at: "2026-12-02 10:30")
        #expect(try tracker.add(NewApplication(company: "Acme", role: "Engineer")).warnings.isEmpty)
        let twice = try tracker.add(NewApplication(company: " acme ", role: "ENGINEER"))
        #expect(twice.warnings.count == 1 && twice.warnings[0].contains("#1"))
        let ahead = try tracker.add(NewApplication(company: "Globex", role: "PM", appliedOn: .relative(days: 3)))
        #expect(ahead.warnings == ["applied on 2026-12-05 is in the future (today is 2026-12-02); added anyway"])
        _ = try tracker.setStatus(1, to: .rejected)
        _ = try tracker.setStatus(2, to: .withdrawn)
        #expect(try tracker.add(NewApplication(company: "Acme", role: "Engineer")).warnings.isEmpty)
    }

    @Test("an interview before applied_on, or on a closed application, stands with a warning")
    func interviewWarnings() throws {
        let fixture = try KitFixture()
        let tracker = try fixture.tracker(at: "2026-12-02 10:30")
        let id = try tracker.add(NewApplication(company: "Acme", role: "Engineer", appliedOn: .relative(days: -1)))
            .application.id
        let early = try tracker.logInterview(id, NewInterview(at: try Self.at("2026-11-30 10:00")))
        #expect(early.warnings.count == 1 && early.warnings[0].contains("before #1 was applied for on 2026-12-01"))
        _ = try tracker.setStatus(id, to: .rejected)
        let closed = try tracker.logInterview(id, NewInterview(at: try Self.at("2026-12-02 09:00")))
        #expect(closed.warnings.count == 1 && closed.warnings[0].contains("rejected"))
        #expect(closed.entry.history.interviews.count == 2)
    }
}
