import Foundation

/// An exclusive lock on a file, held until `release()` (or deinit).
///
/// The kernel drops a process's `flock` locks when it exits, however it exits, so a build killed in the night never
/// leaves a lock behind: whoever holds the lock knows that no other live process is working under it, without
/// guessing from process ids (which containers reuse: every run may be pid 1).
public final class FileLock: @unchecked Sendable {
    private let lock = NSLock()
    private var descriptor: Int32
    private let path: String
    /// False when the file system cannot lock (some network and FUSE mounts): the holder then cannot rule out
    /// another process and must fall back to weaker checks.
    public let isExclusive: Bool

    init(descriptor: Int32, path: String, isExclusive: Bool) {
        self.descriptor = descriptor
        self.path = path
        self.isExclusive = isExclusive
    }

    /// A lock that excludes nothing, for file systems without locks (`MemoryFileSystem`).
    public static func none(_ path: String) -> FileLock { FileLock(descriptor: -1, path: path, isExclusive: false) }

    /// Removes the lock file, then releases the lock: a process that opened the file in between finds that its
    /// inode is no longer at the path and locks the new file instead.
    public func release() {
        lock.withLock {
            guard descriptor >= 0 else { return }
            if isExclusive { unlink(path) }
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }
}

extension LocalFileSystem {
    /// Takes the exclusive lock `path` (the file is created as needed), or returns nil when another process holds
    /// it. On a file system that cannot lock, returns a lock that is not exclusive.
    public func tryLock(_ path: String) throws -> FileLock? {
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw FileSystemError(path: path, reason: "cannot be opened as a lock: \(String(cString: strerror(errno)))")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                if code == EWOULDBLOCK {
                    close(descriptor)
                    return nil
                }
                return FileLock(descriptor: descriptor, path: path, isExclusive: false)
            }
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                return FileLock(descriptor: descriptor, path: path, isExclusive: true)
            }
            // The previous holder removed the file between our open and flock: lock the file now at the path.
            close(descriptor)
        }
    }
}
