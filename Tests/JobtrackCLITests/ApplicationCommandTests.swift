import Foundation
import Testing

@Suite("add, list, show, edit, status, delete")
struct ApplicationCommandTests {
    @Test("add prints the new application object: ids start at 1, absent values are null")
    func addMinimal() throws {
        let sandbox = try Sandbox()
        let application = try sandbox.json(["add", "Acme", "Platform Engineer"])
        expectApplicationShape(application)
        #expect(application["id"] == .int(1))
        #expect(application["company"] == .string("Acme"))
        #expect(application["role"] == .string("Platform Engineer"))
        #expect(application["status"] == .string("applied"))
        #expect(application["applied_on"] == .string("2026-12-02"), "add without --applied-on uses today")
        #expect(application["url"] == .null)
        #expect(application["notes"] == .null)
        #expect(application["highlights"] == .array([]))
        #expect(application["interviews"] == .array([]))
        let followUp = try #require(application["follow_up"])
        #expect(followUp["state"] == .string("not_interviewed"))
        #expect(followUp["call_at"] == .null)
        #expect(followUp["id"] == .int(1))
    }

    @Test("add keeps url, note and highlights in the order given")
    func addEverything() throws {
        let sandbox = try Sandbox()
        let application = try sandbox.json([
            "add", "Globex Corporation", "Staff Engineer, Payments", "--applied-on", "2026-11-15",
            "--url", "https://jobs.example.com/globex/42?ref=a&b=c", "--note", "referred by Sam; \"urgent\"",
            "--highlight", "Led the 2025 ledger migration", "--highlight", "Cut p99 latency by 40%",
        ])
        expectApplicationShape(application)
        #expect(application["company"] == .string("Globex Corporation"))
        #expect(application["role"] == .string("Staff Engineer, Payments"))
        #expect(application["applied_on"] == .string("2026-11-15"))
        #expect(application["url"] == .string("https://jobs.example.com/globex/42?ref=a&b=c"))
        #expect(application["notes"] == .string("referred by Sam; \"urgent\""))
        #expect(
            application["highlights"]
                == .array([
                    .string("Led the 2025 ledger migration"),
                    .string("Cut p99 latency by 40%"),
                ]))
    }

    @Test("add keeps non-ASCII text intact")
    func addUnicode() throws {
        let sandbox = try Sandbox()
        let application = try sandbox.json(["add", "Café Zürich AG", "Ingénieure logiciel — 東京"])
        #expect(application["company"] == .string("Café Zürich AG"))
        #expect(application["role"] == .string("Ingénieure logiciel — 東京"))
        let shown = try sandbox.json(["show", "1"])
        #expect(shown["company"] == .string("Café Zürich AG"))
    }

    @Test("add without --json says what it did, without colour")
    func addText() throws {
        let sandbox = try Sandbox()
        let outcome = try sandbox.ok(["add", "Acme", "Platform Engineer"])
        #expect(!outcome.stdout.isEmpty)
        #expect(!outcome.stdout.contains("\u{1B}"))
        #expect(outcome.stderr.isEmpty, "\(outcome)")
    }

    @Test("ids count up from 1")
    func idsCountUp() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.add("Acme") == 1)
        #expect(try sandbox.add("Globex") == 2)
        #expect(try sandbox.add("Initech") == 3)
    }

    @Test("list --json: list items by id, without interviews, with follow_up")
    func listJSON() throws {
        let sandbox = try Sandbox()
        try sandbox.add("Acme", "Platform Engineer", ["--highlight", "Kubernetes"])
        try sandbox.add("Globex", "SRE")
        try sandbox.add("Initech", "Backend Engineer")
        try sandbox.interview(2)
        let list = try sandbox.json(["list"])
        let items = try #require(list.array)
        #expect(items.map { $0["id"]?.int } == [1, 2, 3])
        #expect(items.map { $0["company"]?.string } == ["Acme", "Globex", "Initech"])
        for item in items { expectApplicationShape(item, listItem: true) }
        #expect(items[0]["highlights"] == .array([.string("Kubernetes")]))
        #expect(items[1]["status"] == .string("interviewing"))
        #expect(items[1]["follow_up"]?["state"] == .string("due"))
        #expect(items[0]["follow_up"]?["state"] == .string("not_interviewed"))
    }

    @Test("list --json of an empty database is an empty array")
    func listEmpty() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.json(["list"]) == .array([]))
    }

    @Test("list --status keeps only that status")
    func listByStatus() throws {
        let sandbox = try Sandbox()
        try sandbox.add("Acme")
        try sandbox.add("Globex")
        try sandbox.add("Initech")
        try sandbox.interview(1)
        try sandbox.ok(["status", "3", "rejected"])
        let interviewing = try sandbox.json(["list", "--status", "interviewing"])
        #expect(interviewing.array?.map { $0["id"]?.int } == [1])
        let rejected = try sandbox.json(["list", "--status", "rejected"])
        #expect(rejected.array?.map { $0["id"]?.int } == [3])
        let offers = try sandbox.json(["list", "--status", "offer"])
        #expect(offers == .array([]))
        let text = try sandbox.ok(["list", "--status", "applied"])
        #expect(text.stdout.contains("Globex"))
        #expect(!text.stdout.contains("Acme") && !text.stdout.contains("Initech"), "\(text)")
    }

    @Test("list as text names every application")
    func listText() throws {
        let sandbox = try Sandbox()
        try sandbox.add("Acme", "Platform Engineer")
        try sandbox.add("Globex", "SRE")
        let outcome = try sandbox.ok(["list"])
        #expect(outcome.stdout.contains("Acme") && outcome.stdout.contains("Globex"), "\(outcome)")
        #expect(outcome.stdout.contains("Platform Engineer"), "\(outcome)")
        #expect(!outcome.stdout.contains("\u{1B}"))
    }

    @Test("show --json prints the whole application, interviews and calls included")
    func showJSON() throws {
        let sandbox = try Sandbox()
        try sandbox.add("Acme", "Platform Engineer", ["--highlight", "Kubernetes"])
        try sandbox.interview(1)
        try sandbox.ok(["voicemail", "1", "--at", "2026-12-02T09:15"])
        let application = try sandbox.json(["show", "1"])
        expectApplicationShape(application)
        let interviews = try #require(application["interviews"]?.array)
        try #require(interviews.count == 1)
        #expect(interviews[0]["calls"]?.array?.count == 1)
        #expect(application["follow_up"]?["state"] == .string("awaiting_reply"))
    }

    @Test("show as text names the company, role, interviewer and number")
    func showText() throws {
        let sandbox = try Sandbox()
        try sandbox.add("Acme", "Platform Engineer")
        try sandbox.interview(1)
        let outcome = try sandbox.ok(["show", "1"])
        for fragment in ["Acme", "Platform Engineer", "Dana Reyes", danaPhone] {
            #expect(outcome.stdout.contains(fragment), "show should mention \(fragment): \(outcome)")
        }
        #expect(!outcome.stdout.contains("\u{1B}"))
    }

    @Test("edit changes only the fields given and prints the application object")
    func edit() throws {
        let sandbox = try Sandbox()
        try sandbox.add(
            "Acme", "Platform Engineer",
            [
                "--applied-on", "2026-11-01", "--highlight", "Kubernetes",
                "--url", "https://acme.example/jobs/1",
            ])
        let renamed = try sandbox.json(["edit", "1", "--company", "Acme Corp"])
        expectApplicationShape(renamed)
        #expect(renamed["company"] == .string("Acme Corp"))
        #expect(renamed["role"] == .string("Platform Engineer"))
        #expect(renamed["applied_on"] == .string("2026-11-01"))
        #expect(renamed["url"] == .string("https://acme.example/jobs/1"))
        #expect(renamed["highlights"] == .array([.string("Kubernetes")]))

        let all = try sandbox.json([
            "edit", "1", "--role", "Staff Engineer", "--applied-on", "2026-11-03",
            "--url", "https://acme.example/jobs/2", "--note", "second round likely",
        ])
        #expect(all["id"] == .int(1))
        #expect(all["company"] == .string("Acme Corp"))
        #expect(all["role"] == .string("Staff Engineer"))
        #expect(all["applied_on"] == .string("2026-11-03"))
        #expect(all["url"] == .string("https://acme.example/jobs/2"))
        #expect(all["notes"] == .string("second round likely"))
        #expect(all["status"] == .string("applied"))
        #expect(try sandbox.json(["show", "1"]) == all, "show agrees with what edit printed")
    }

    @Test("edit --applied-on reads friendly dates")
    func editFriendlyDate() throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        let edited = try sandbox.json(["edit", "1", "--applied-on", "-3d"])
        #expect(edited["applied_on"] == .string("2026-11-29"))
    }

    @Test(
        "status sets any of the six statuses",
        arguments: [
            "applied", "interviewing", "offer", "accepted",
            "rejected", "withdrawn",
        ])
    func status(_ status: String) throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        let application = try sandbox.json(["status", "1", status])
        expectApplicationShape(application)
        #expect(application["status"] == .string(status))
        #expect(try sandbox.json(["show", "1"])["status"] == .string(status))
    }

    @Test("a closed status stops the follow-up", arguments: ["offer", "accepted", "rejected", "withdrawn"])
    func closedStatus(_ status: String) throws {
        let sandbox = try Sandbox()
        try sandbox.add()
        try sandbox.interview(1)
        let application = try sandbox.json(["status", "1", status])
        let followUp = try #require(application["follow_up"])
        expectFollowUp(followUp, state: "closed", window: nil, callAt: nil)
        #expect(try sandbox.json(["agenda"]) == .array([]), "agenda lists open applications only")
        #expect(try sandbox.json(["today"]) == .array([]), "no call to a closed application")
    }

    @Test("delete --yes removes the application with its interviews and calls")
    func delete() throws {
        let sandbox = try Sandbox()
        try sandbox.add("Acme")
        try sandbox.add("Globex")
        try sandbox.interview(1)
        try sandbox.interview(2, phone: "646-555-0199")
        try sandbox.ok(["voicemail", "1", "--at", "2026-12-02T09:00"])
        try sandbox.ok(["voicemail", "2", "--at", "2026-12-02T09:05"])
        let outcome = try sandbox.ok(["delete", "1", "--yes"])
        #expect(outcome.stderr.isEmpty, "\(outcome)")
        #expect(try sandbox.json(["list"]).array?.map { $0["id"]?.int } == [2])
        try sandbox.expectRefusal(["show", "1"], mentioning: ["1"])
        #expect(try sandbox.query("SELECT count(*) FROM interviews") == "1", "the interview went with it")
        #expect(try sandbox.query("SELECT count(*) FROM call_attempts") == "1", "the call went with it")
        #expect(try sandbox.json(["show", "2"])["interviews"]?[0]?["calls"]?.array?.count == 1)
    }
}
