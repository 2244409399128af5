import ArgumentParser
import FollowUp
import Foundation
import JobStore
import JobtrackKit

/// The `jobtrack` command: a private job-application tracker that says whom to call today.
public struct Jobtrack: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jobtrack",
        abstract: "Track job applications and interviews, and know whom to call back today.",
        discussion: """
            jobtrack follows the etiquette of calling back after an interview: two or three \
            business days after it (or after the decision date the interviewer named), in \
            business hours, never while they are busy, once more the day after an unreturned \
            voicemail and never a third time, only on the number they gave.

            Start with `jobtrack add`, log interviews with `jobtrack interview`, and each \
            morning ask `jobtrack today`.
            """,
        version: JobtrackVersion.current,
        // Every subcommand names itself: deriving names from type names costs each run
        // more than the rules do at a thousand applications (bench/results.md).
        subcommands: [
            Add.self, List.self, Show.self, Edit.self, Status.self, Delete.self,
            Interview.self, Call.self, Voicemail.self, Thanks.self,
            EditInterview.self, EditCall.self, DeleteInterview.self, DeleteCall.self,
            Today.self, Agenda.self, Script.self, StatsCommand.self, ReportCommand.self,
            Config.self, Export.self, Import.self, Backup.self, Undo.self, Log.self,
        ],
        defaultSubcommand: Today.self)

    public init() {}

    /// Parses the command line and runs it. A refusal prints one line on stderr and
    /// exits non-zero; help and `--version` print as usual.
    public static func runAndExit() -> Never {
        do {
            try CommandName.check(Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot()
            try command.run()
            NoticeBoard.printAll()
            // Text goes out through stdio's buffer: a full disk or a closed pipe shows here.
            guard fflush(nil) == 0 else {
                refuse("cannot write to standard output: \(String(cString: strerror(errno)))", code: 1)
            }
            Foundation.exit(0)
        } catch let error as StoreError {
            refuse(error.description, code: 1)
        } catch let error as Refusal {
            refuse(error.description, code: 1)
        } catch let error as ExchangeError {
            refuse(error.description, code: 1)
        } catch let error as FollowUpSettings.Error {
            refuse(error.description, code: 1)
        } catch let error as StandardStreams.WriteError {
            refuse(error.description, code: 1)
        } catch let error as SQLiteError {
            refuse("database error: \(error.message)", code: 1)
        } catch {
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            refuse(message(for: error), code: code.rawValue)
        }
    }

    private static func refuse(_ message: String, code: Int32) -> Never {
        NoticeBoard.printAll()
        let line = message.split(whereSeparator: \.isNewline).map { $0.trimmed }
            .filter { !$0.isEmpty }.joined(separator: " ")
        StandardStreams.warn(line)
        Foundation.exit(code == 0 ? 1 : code)
    }
}

/// Writes to the standard streams that fail with a message rather than a trap:
/// Foundation's `FileHandle.write(_:)` traps on a full disk or a closed pipe.
enum StandardStreams {
    struct WriteError: Error, CustomStringConvertible {
        let reason: String
        var description: String { "cannot write to standard output: \(reason)" }
    }

    static func write(_ data: some DataProtocol, to handle: FileHandle) throws {
        do {
            try handle.write(contentsOf: data)
        } catch {
            let failure = error as NSError
            let system =
                failure.domain == NSPOSIXErrorDomain ? failure : failure.userInfo[NSUnderlyingErrorKey] as? NSError
            throw WriteError(
                reason: system.map { String(cString: strerror(Int32($0.code))) } ?? failure.localizedDescription)
        }
    }

    /// One line on stderr, "jobtrack: " first. Nothing is left to report if stderr fails.
    static func warn(_ line: String) {
        writeError("jobtrack: \(line)\n")
    }

    static func writeError(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
