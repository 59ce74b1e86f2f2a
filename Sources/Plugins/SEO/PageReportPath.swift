/// File names of the per-URL report pages, derived from crawled (untrusted) URLs.
///
/// A name is a readable slug of the URL's host and path (lower-case ASCII letters, digits and `-`, at most 60
/// bytes) followed by the FNV-1a hash of the whole URL in hex: `docs-python-org-3-11-library-os-html-1f0c….html`.
/// Nothing from the URL survives but those characters, so no name can hold `/`, `..`, a drive letter or a control
/// character, and every page lands directly in `pages/`.
enum PageReportPath {
    static let maxSlugLength = 60

    /// Names for `urls`, each unique: should two URLs ever share a hash, the later (by URL) gets `-2`, `-3`….
    static func names(_ urls: [String]) -> [String: String] {
        var names: [String: String] = [:]
        var taken = Set<String>()
        for url in Set(urls).sorted() {
            let base = name(url)
            var candidate = base
            var suffix = 2
            while !taken.insert(candidate).inserted {
                candidate = base + "-\(suffix)"
                suffix += 1
            }
            names[url] = candidate + ".html"
        }
        return names
    }

    /// The slug and hash of one URL, without the extension.
    static func name(_ url: String) -> String {
        var slug: [UInt8] = []
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        for byte in rest.utf8 {
            guard slug.count < maxSlugLength else { break }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                slug.append(lower)
            } else if slug.last != 0x2D, !slug.isEmpty {
                slug.append(0x2D)
            }
        }
        while slug.last == 0x2D { slug.removeLast() }
        let hash = String(FNV1a.hash(url), radix: 16)
        let hex = String(repeating: "0", count: 16 - hash.utf8.count) + hash
        return (slug.isEmpty ? "" : String(decoding: slug, as: UTF8.self) + "-") + hex
    }
}
