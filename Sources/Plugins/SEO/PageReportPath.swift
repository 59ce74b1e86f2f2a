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
        let sorted = Set(urls).sorted()
        return Dictionary(uniqueKeysWithValues: zip(sorted, names(sorted: sorted)))
    }

    /// `names` for URLs already sorted and distinct, in their order (the report finds a URL's name by its position).
    static func names(sorted urls: [String]) -> [String] {
        var taken = Set<String>(minimumCapacity: urls.count)
        return urls.map { url in
            let base = name(url)
            var candidate = base
            var suffix = 2
            while !taken.insert(candidate).inserted {
                candidate = base + "-\(suffix)"
                suffix += 1
            }
            return candidate + ".html"
        }
    }

    /// The slug and hash of one URL, without the extension.
    static func name(_ url: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(maxSlugLength + 17)
        var text = url
        text.withUTF8 { bytes in
            // The slug starts after the first `://`, if any.
            var start = 0
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0x3A, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F {
                    start = index + 3
                    break
                }
                index += 1
            }
            for byte in bytes[start...] {
                guard slug.count < maxSlugLength else { break }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    slug.append(lower)
                } else if slug.last != 0x2D, !slug.isEmpty {
                    slug.append(0x2D)
                }
            }
        }
        while slug.last == 0x2D { slug.removeLast() }
        if !slug.isEmpty { slug.append(0x2D) }
        // The hash as sixteen lower-case hex digits.
        let hash = FNV1a.hash(url)
        for shift in stride(from: 60, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: hash >> UInt64(shift)) & 0x0F
            slug.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        }
        return String(decoding: slug, as: UTF8.self)
    }
}
