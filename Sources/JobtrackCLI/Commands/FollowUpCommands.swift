import ArgumentParser
import FollowUp
import Foundation
import JobtrackKit

extension Jobtrack {
    struct Today: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "today",
            abstract: "Whom to call today: overdue first, then by the time to call.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let tracker = try global.tracker()
            let list = try tracker.today()
            let output = Output(tracker, json: global.json)
            if global.json {
                try output.json(AgendaListJSON(list.calls, list.thankYouNotes))
            } else {
                print(output.text.today(list))
            }
        }
    }

    struct Agenda: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agenda",
            abstract: "Every open application's follow-up state, grouped by state.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Include closed applications.")
        var all = false

        func run() throws {
            let tracker = try global.tracker()
            let entries = try tracker.agenda(all: all)
            let output = Output(tracker, json: global.json)
            if global.json {
                try output.json(AgendaListJSON(entries))
            } else {
                print(output.text.agenda(entries))
            }
        }
    }

    struct Script: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "script",
            abstract: "What to say on the follow-up call, and as a voicemail.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The application's id.", transform: ArgumentValue.id)
        var id: Int64

        func run() throws {
            let tracker = try global.tracker()
            let script = try tracker.script(id)
            let output = Output(tracker, json: global.json)
            if global.json {
                try output.json(script.json)
            } else {
                print(output.text.script(script))
            }
        }
    }
}
