import Foundation

/// Writes an export where the user asked: a file, replaced atomically, or stdout.
public enum OutputFile {
    /// Writes `data` to `path` so that a reader (a calendar polling the file) sees the
    /// old contents or the new, never half of either: a temporary file in the same
    /// folder, flushed to disk, then renamed over the target. Created 0600: an export
    /// holds the same private records as the database.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ExchangeError.cannotWrite(path, reason: String(cString: strerror(errno))) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw ExchangeError.cannotWrite(path, reason: String(cString: strerror(failure)))
        }
        // Make the rename itself durable.
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// An export may replace an earlier export, never a database — above all not the
    /// one being exported, which `--output` pointed at it would wipe out.
    public static func refuseToReplaceDatabase(at path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header == Data("SQLite format 3\0".utf8) {
            throw ExchangeError.cannotWrite(path, reason: "it is a database, and an export never replaces one")
        }
    }

}
