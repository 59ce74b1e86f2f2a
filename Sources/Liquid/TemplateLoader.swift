#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The source of a template found by a loader.
public struct TemplateSource: Sendable {
    public var text: String
    /// Where it came from (a file path, or the name for in-memory templates).
    public var path: String
    public init(text: String, path: String) {
        self.text = text
        self.path = path
    }
}

/// Resolves template names (as written in `include`/`render`) to sources.
public protocol TemplateLoader: Sendable {
    /// The template called `name`, or nil when there is none.
    func load(_ name: String) throws -> TemplateSource?
}

/// Templates held in memory, keyed by name exactly as written in the tag.
public struct InMemoryLoader: TemplateLoader {
    public let templates: [String: String]
    public init(_ templates: [String: String]) { self.templates = templates }
    public func load(_ name: String) throws -> TemplateSource? {
        templates[name].map { TemplateSource(text: $0, path: name) }
    }
}

/// Loads templates from directories, trying `roots` in order: the first root holding the name wins.
/// Names with `..` segments, absolute names and symlinks leading outside a root are errors.
public struct FileSystemLoader: TemplateLoader {
    public let roots: [String]
    public let extensions: [String]

    public init(roots: [String], extensions: [String] = ["", ".liquid", ".html"]) {
        self.roots = roots.map { FileSystemLoader.canonical($0) ?? $0 }
        self.extensions = extensions
    }

    public func load(_ name: String) throws -> TemplateSource? {
        guard !name.isEmpty, !name.contains("\0") else {
            throw LiquidError(.fileSystem, "illegal template name '\(name)'")
        }
        if name.hasPrefix("/") || name.hasPrefix("\\") {
            throw LiquidError(.fileSystem, "illegal template name '\(name)': absolute paths are not allowed")
        }
        let segments = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if segments.contains(where: { $0 == ".." }) {
            throw LiquidError(.fileSystem, "illegal template name '\(name)': '..' is not allowed")
        }
        for root in roots {
            for ext in extensions {
                let candidate = root + "/" + name + ext
                guard FileSystemLoader.isRegularFile(candidate) else { continue }
                guard let real = FileSystemLoader.canonical(candidate) else { continue }
                guard real.hasPrefix(root + "/") else {
                    throw LiquidError(.fileSystem, "illegal template name '\(name)': resolves outside the template root")
                }
                guard let text = FileSystemLoader.read(real) else {
                    throw LiquidError(.fileSystem, "cannot read template '\(name)' at \(real)")
                }
                return TemplateSource(text: text, path: real)
            }
        }
        return nil
    }

    static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Reads a whole file as UTF-8 text; nil when it cannot be read.
    public static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
            if n < buffer.count { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
