import FollowUp
import Foundation
import JSONText
import JobtrackKit

/// Where a command's result goes: one JSON document with `--json`, else text.
struct Output {
    let tracker: Tracker
    let isJSON: Bool

    init(_ tracker: Tracker, json: Bool) {
        self.tracker = tracker
        self.isJSON = json
    }

    var text: TextRenderer {
        TextRenderer(tracker: tracker, style: isJSON ? Style(enabled: false) : .forStandardOutput())
    }

    /// Writes `value` as the one JSON document on stdout.
    func json<T: Encodable>(_ value: T) throws {
        try JSONWriter.write(value) { try StandardStreams.write($0, to: FileHandle.standardOutput) }
    }

    /// An application after a change: its object with `--json`, else `summary` and its
    /// follow-up state.
    func report(_ entry: AgendaEntry, _ summary: String) throws {
        if isJSON {
            try json(tracker.applicationJSON(entry))
        } else {
            print(summary.oneLine)
            print("  follow-up: \(entry.assessment.state.words) — \(entry.assessment.reason)")
        }
    }
}
