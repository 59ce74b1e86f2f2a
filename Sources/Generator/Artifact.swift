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

    public init(_ value: String) throws(OutputPathError) {
        if value.isEmpty { throw .init(path: value, reason: "is empty") }
        if value.hasPrefix("/") || value.hasPrefix("\\") { throw .init(path: value, reason: "is absolute") }
        if value.utf8.contains(0) { throw .init(path: value, reason: "contains a NUL byte") }
        if value.contains("\\") { throw .init(path: value, reason: "contains a backslash") }
        for part in value.split(separator: "/", omittingEmptySubsequences: false) {
            if part.isEmpty { throw .init(path: value, reason: "has an empty segment") }
            if part == "." || part == ".." { throw .init(path: value, reason: "has a '\(part)' segment") }
            // Longer names fail at the write with "File name too long", naming only the staging folder.
            if part.utf8.count > Self.maxSegmentBytes {
                throw .init(path: value, reason: "has a segment of \(part.utf8.count) bytes; file systems allow at most \(Self.maxSegmentBytes)")
            }
        }
        self.value = value
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
