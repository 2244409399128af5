import Foundation
import Testing

@Suite("friendlier input and output: did you mean, search, words for states")
struct FrictionTests {
    @Test(
        "a mistyped command gets 'did you mean', an unknown one the help hint, and neither opens a database",
        arguments: [("todya", "today"), ("shwo", "show"), ("voicmail", "voicemail"), ("agneda", "agenda")])
    func didYouMean(_ typed: String, _ meant: String) throws {
        let box = try Sandbox()
        let outcome = try box.run([typed, "1"])
        expectRefused(outcome, mentioning: ["unknown command '\(typed)'", "did you mean `jobtrack \(meant)`?"])
    }

    @Test("a word far from every command is not guessed at")
    func noGuess() throws {
        let box = try Sandbox()
        let outcome = try box.run(["frobnicate"])
        expectRefused(outcome, mentioning: ["unknown command 'frobnicate'", "jobtrack --help"])
        #expect(!outcome.stderr.contains("did you mean"))
    }

    @Test("options typed before the command: refused with the command line as it should be")
    func commandAfterOptions() throws {
        let box = try Sandbox()
        try box.add()
        try box.expectRefusal(
            ["--json", "agenda"], mentioning: ["the command comes first, then its options: `jobtrack agenda --json "])
        // Options alone belong to the default command, `today`.
        #expect(try box.json([]).array != nil)
    }

    @Test(
        "a negative number is refused as one, not as an unknown option",
        arguments: [
            ["config", "quiet_after", "-1"], ["status", "-3", "ghosted"], ["edit-call", "-1", "--note", "x"],
        ])
    func negativeNumber(_ arguments: [String]) throws {
        let box = try Sandbox()
        try box.add()
        let typed = try #require(arguments.first { $0.hasPrefix("-") })
        try box.expectRefusal(arguments, mentioning: ["\(typed): no id, count or number of a setting is negative"])
    }

    @Test("list --search finds company, role or interviewer, in any case")
    func search() throws {
        let box = try Sandbox()
        try box.add("Acme", "Platform Engineer")
        try box.add("Globex", "Designer")
        try box.add("Initech", "Backend Developer")
        try box.interview(3, with: "Sam Patel")
        for (text, ids) in [("acme", [1]), ("DESIGN", [2]), ("patel", [3]), ("e", [1, 2, 3]), ("nobody", [])] {
            let list = try box.json(["list", "--search", text])
            #expect(list.array?.compactMap { $0["id"]?.int } == ids, "search \(text)")
        }
        #expect(try box.ok(["list", "--search", "nobody"]).stdout == "No applications match.\n")
    }

    @Test("text output names states in words, never by their codes")
    func words() throws {
        let box = try Sandbox(now: "2026-12-01T10:00:00-05:00")
        try box.add()
        let interview = try box.ok([
            "interview", "1", "--at", "2026-11-30 10:00", "--with", "Dana", "--phone", "555 0100",
        ])
        #expect(interview.stdout.contains("too soon to call"))
        let show = try box.ok(["show", "1"]).stdout
        #expect(!show.contains("too_soon"))
        #expect(show.contains("too soon to call"))
    }
}
