import Foundation

/// The one file system Herald touches, injected so that tests can use `MemoryFileSystem`.
public protocol FileSystem: Sendable {
    func read(_ path: String) throws -> [UInt8]
    /// Entry names (not paths) in a folder, sorted.
    func list(_ path: String) throws -> [String]
    func exists(_ path: String) -> Bool
    func isDirectory(_ path: String) -> Bool
    /// Creates parent folders as needed.
    func write(_ bytes: [UInt8], to path: String) throws
    func createDirectory(_ path: String) throws
    /// Moves a file or folder; the destination must not exist.
    func move(_ source: String, to destination: String) throws
    /// Removes a file or folder recursively; no error when absent.
    func remove(_ path: String) throws
    /// Takes the exclusive lock `path`, or nil when another process holds it (see `FileLock`).
    func tryLock(_ path: String) throws -> FileLock?
    /// Whether `path` itself is a symbolic link.
    func isSymbolicLink(_ path: String) -> Bool
    /// Whether `path`, with every symbolic link resolved, lies inside `folder` (also resolved).
    func resolves(_ path: String, inside folder: String) -> Bool
}

extension FileSystem {
    /// An in-memory file system has no links.
    public func isSymbolicLink(_ path: String) -> Bool { false }
    public func resolves(_ path: String, inside folder: String) -> Bool { path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") }

    /// No other process shares an in-memory file system: nothing to exclude.
    public func tryLock(_ path: String) throws -> FileLock? { .none(path) }
}

public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

/// The real disk.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileSystemError(path: path, reason: isDirectory(path) ? "is a directory, not a file"
                                  : exists(path) ? "cannot be read" : "does not exist")
        }
        return [UInt8](data)
    }

    public func list(_ path: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw FileSystemError(path: path, reason: "cannot list folder")
        }
    }

    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Plain open/write/close, no fsync: output goes to a staging folder that is renamed into place only when
    /// complete, so per-file atomic writes would only add a sync per file. Parent folders are created on demand.
    public func write(_ bytes: [UInt8], to path: String) throws {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty { try createDirectory(parent) }
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else {
            throw FileSystemError(path: path, reason: "cannot be written: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError(path: path, reason: "cannot be written: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// `mkdir -p` that tolerates another thread creating the same folder at the same time.
    public func createDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 { return }
        switch errno {
        case EEXIST where isDirectory(path):
            return
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { break }
            try createDirectory(parent)
            if mkdir(path, 0o755) == 0 || (errno == EEXIST && isDirectory(path)) { return }
        default:
            break
        }
        throw FileSystemError(path: path, reason: "cannot create folder: \(String(cString: strerror(errno)))")
    }

    public func move(_ source: String, to destination: String) throws {
        if rename(source, destination) != 0 {
            throw FileSystemError(path: source, reason: "cannot move to \(destination): \(String(cString: strerror(errno)))")
        }
    }

    public func remove(_ path: String) throws {
        guard exists(path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw FileSystemError(path: path, reason: "cannot remove")
        }
    }
}

/// An in-memory file system for tests. Thread-safe.
public final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    private var files: [String: [UInt8]] = [:]
    private var directories: Set<String> = ["/", ""]
    private let lock = NSLock()

    public init(_ files: [String: String] = [:]) {
        for (path, text) in files { try? write(Array(text.utf8), to: path) }
    }

    private func normalized(_ path: String) -> String {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        return p
    }

    private func parent(_ path: String) -> String { (path as NSString).deletingLastPathComponent }

    public func read(_ path: String) throws -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        guard let bytes = files[normalized(path)] else { throw FileSystemError(path: path, reason: "does not exist") }
        return bytes
    }

    public func list(_ path: String) throws -> [String] {
        lock.lock(); defer { lock.unlock() }
        let dir = normalized(path)
        guard directories.contains(dir) else { throw FileSystemError(path: path, reason: "cannot list folder") }
        let prefix = dir == "/" ? "/" : dir + "/"
        var names = Set<String>()
        for key in files.keys where key.hasPrefix(prefix) {
            names.insert(String(key.dropFirst(prefix.count).split(separator: "/")[0]))
        }
        for key in directories where key.hasPrefix(prefix) && key.count > prefix.count {
            names.insert(String(key.dropFirst(prefix.count).split(separator: "/")[0]))
        }
        return names.sorted()
    }

    public func exists(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let p = normalized(path)
        return files[p] != nil || directories.contains(p)
    }

    public func isDirectory(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return directories.contains(normalized(path))
    }

    private func makeDirectories(_ path: String) {
        var p = normalized(path)
        while !p.isEmpty, p != "/", !directories.contains(p) {
            directories.insert(p)
            p = parent(p)
        }
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        lock.lock(); defer { lock.unlock() }
        let p = normalized(path)
        makeDirectories(parent(p))
        files[p] = bytes
    }

    public func createDirectory(_ path: String) throws {
        lock.lock(); defer { lock.unlock() }
        makeDirectories(path)
    }

    public func move(_ source: String, to destination: String) throws {
        lock.lock(); defer { lock.unlock() }
        let from = normalized(source), to = normalized(destination)
        if files[to] != nil || directories.contains(to) { throw FileSystemError(path: destination, reason: "already exists") }
        if let bytes = files.removeValue(forKey: from) {
            makeDirectories(parent(to))
            files[to] = bytes
            return
        }
        guard directories.contains(from) else { throw FileSystemError(path: source, reason: "does not exist") }
        makeDirectories(parent(to))
        for key in files.keys where key.hasPrefix(from + "/") {
            files[to + key.dropFirst(from.count)] = files.removeValue(forKey: key)
        }
        for key in directories where key == from || key.hasPrefix(from + "/") {
            directories.remove(key)
            directories.insert(to + key.dropFirst(from.count))
        }
    }

    public func remove(_ path: String) throws {
        lock.lock(); defer { lock.unlock() }
        let p = normalized(path)
        files[p] = nil
        for key in files.keys where key.hasPrefix(p + "/") { files[key] = nil }
        for key in directories where key == p || key.hasPrefix(p + "/") { directories.remove(key) }
    }
}
