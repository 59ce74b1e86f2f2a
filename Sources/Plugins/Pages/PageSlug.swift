import Foundation

/// A page's place on the site: `""` for the home page, else `/`-separated segments of `[a-z0-9-]`.
///
/// Slugs come from front matter or file names, so they are untrusted: every segment is lower-cased, accents
/// are folded, anything outside `[a-z0-9-]` becomes `-`, and empty, `.` and `..` segments disappear, so a slug
/// can never leave `site/`.
public struct PageSlug: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let segments: [String]

    public init(sanitizing raw: String) {
        segments = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).compactMap { Self.segment(String($0)) }
    }

    /// `pages/about.md` → `about`, `pages/blog/index.md` → `blog`, `pages/index.md` → home.
    public init(path: String, root: String = "pages/") {
        var relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
        for suffix in [".markdown", ".md"] where relative.lowercased().hasSuffix(suffix) {
            relative = String(relative.dropLast(suffix.count))
            break
        }
        var parts = relative.split(separator: "/").map(String.init)
        if parts.last?.lowercased() == "index" || parts.last?.lowercased() == "_index" { parts.removeLast() }
        self.init(sanitizing: parts.joined(separator: "/"))
    }

    public var isHome: Bool { segments.isEmpty }

    /// Relative to the site root: `about/`, or `""` for the home page.
    public var sitePath: String { segments.isEmpty ? "" : segments.joined(separator: "/") + "/" }

    /// Relative to the tenant output folder: `site/about/index.html`.
    public var outputPath: String { "site/" + sitePath + "index.html" }

    public var description: String { segments.isEmpty ? "/" : segments.joined(separator: "/") }

    public static func < (a: PageSlug, b: PageSlug) -> Bool { a.segments.lexicographicallyPrecedes(b.segments) }

    static func segment(_ raw: String) -> String? {
        var out: [UInt8] = []
        var pendingDash = false
        func emit(_ bytes: some Sequence<UInt8>) {
            if pendingDash, !out.isEmpty { out.append(0x2D) }
            pendingDash = false
            out.append(contentsOf: bytes)
        }
        // Canonical decomposition splits "é" into "e" + a combining accent, which is then dropped.
        for scalar in raw.decomposedStringWithCanonicalMapping.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x30...0x39, 0x61...0x7A: emit([UInt8(v)])
            case 0x41...0x5A: emit([UInt8(v + 0x20)])
            case 0x300...0x36F: continue  // combining marks
            case 0xDF: emit("ss".utf8)
            case 0xE6, 0xC6: emit("ae".utf8)
            case 0xF8, 0xD8: emit("o".utf8)
            case 0x153, 0x152: emit("oe".utf8)
            case 0x27, 0x2019: continue  // apostrophes vanish: "don't" → "dont"
            default: pendingDash = true
            }
        }
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }
}
