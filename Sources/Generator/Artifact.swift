/// One output file, relative to the tenant's output folder.
public struct Artifact: Sendable {
    public var path: OutputPath
    public var bytes: [UInt8]

    public init(path: OutputPath, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: OutputPath, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Convenience for plugin code: validates the path.
    public init(_ path: String, text: String) throws {
        self.init(path: try OutputPath(path), text: text)
    }

    public init(_ path: String, bytes: [UInt8]) throws {
        self.init(path: try OutputPath(path), bytes: bytes)
    }
}

/// A relative output path that cannot leave the output folder.
///
/// Paths often come from data (slugs, URLs); every one goes through this check.
public struct OutputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: String

    /// Checked on UTF-8 bytes, as the file system splits the path: a `/` followed by a combining mark is still a
    /// separator there (as Characters it was not, and `../\u{301}x` passed as one segment). Character splitting
    /// was also most of the time of writing a report's thousands of pages.
    public init(_ value: String) throws(OutputPathError) {
        if value.isEmpty { throw .init(path: value, reason: "is empty") }
        var text = value
        if let reason = text.withUTF8(Self.problem) { throw .init(path: value, reason: reason) }
        self.value = value
    }

    /// What makes `bytes` no output path, or nil.
    private static func problem(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes[0] == 0x2F || bytes[0] == 0x5C { return "is absolute" }
        if bytes.contains(0) { return "contains a NUL byte" }
        if bytes.contains(0x5C) { return "contains a backslash" }
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x2F { end += 1 }
            let part = bytes[start..<end]
            if part.isEmpty { return "has an empty segment" }
            if part.count <= 2, part.allSatisfy({ $0 == 0x2E }) { return "has a '\(String(decoding: part, as: UTF8.self))' segment" }
            // Longer names fail at the write with "File name too long", naming only the staging folder.
            if part.count > maxSegmentBytes {
                return "has a segment of \(part.count) bytes; file systems allow at most \(maxSegmentBytes)"
            }
            start = end + 1
        }
        return nil
    }

    /// The longest file or folder name file systems accept (NAME_MAX on Linux, macOS and Windows), in bytes.
    public static let maxSegmentBytes = 255

    public var description: String { value }
    public static func < (a: OutputPath, b: OutputPath) -> Bool { a.value < b.value }
}

public struct OutputPathError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "output path '\(path)' \(reason)" }
}
