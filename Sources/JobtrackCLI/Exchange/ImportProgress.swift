import Foundation

/// "Importing 1200/5000 records (24%)" on stderr while a large import is written —
/// only when stderr is a terminal, so that a pipe or a log never receives it, and only
/// for imports large enough to take a noticeable time.
final class ImportProgress {
    /// Below this many records an import is instant and shows nothing.
    static let threshold = 500

    private let total: Int
    private let enabled: Bool
    private var done = 0
    private var shownPercent = -1

    init(total: Int, enabled: Bool = ImportProgress.stderrIsTerminal) {
        self.total = total
        self.enabled = enabled && total >= Self.threshold
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    func advance() {
        done += 1
        guard enabled else { return }
        let percent = done * 100 / max(total, 1)
        guard percent != shownPercent else { return }
        shownPercent = percent
        emit("\rImporting \(done)/\(total) records (\(percent)%)")
    }

    /// Clears the progress line, whether the import succeeded or not.
    func finish() {
        guard enabled, shownPercent >= 0 else { return }
        emit("\r\u{1B}[K")
        shownPercent = -1
    }

    private func emit(_ text: String) {
        StandardStreams.writeError(text)
    }
}
