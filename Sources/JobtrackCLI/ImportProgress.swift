import Foundation

/// "Importing 1200/5000 records (24%)" on stderr while a large import is written —
/// only when stderr is a terminal, so that a pipe or a log never receives it, and only
/// for imports large enough to take a noticeable time.
final class ImportProgress {
    /// Below this many records an import is instant and shows nothing.
    static let threshold = 500

    private let enabled: Bool
    private var shownPercent = -1

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    func show(done: Int, total: Int) {
        guard enabled, total >= Self.threshold else { return }
        let percent = done * 100 / max(total, 1)
        guard percent != shownPercent else { return }
        shownPercent = percent
        StandardStreams.writeError("\rImporting \(done)/\(total) records (\(percent)%)")
    }

    /// Clears the progress line, whether the import succeeded or not.
    func finish() {
        guard enabled, shownPercent >= 0 else { return }
        StandardStreams.writeError("\r\u{1B}[K")
        shownPercent = -1
    }
}
