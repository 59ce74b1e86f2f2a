import Foundation
import HeraldData

/// orphan-page: URLs that a sitemap in the crawl lists but that no audited page links to.
enum OrphanAudit {
    struct Listed: Sendable, Hashable {
        /// Normalised URL.
        var url: String
        var sitemap: String
        var line: Int
    }

    /// The `<loc>` of every `<urlset>` sitemap the crawl holds (2xx responses, uncompressed XML); the first listing of
    /// a URL wins. Sitemap indexes list sitemaps, not pages, and are skipped.
    static func listed(_ pages: [CrawledPage]) -> [Listed] {
        var out: [Listed] = []
        var seen = Set<String>()
        // The sitemaps first, then sorted: sorting the whole crawl cost more than reading the few sitemaps.
        let sitemaps = pages.filter { page in
            (200..<300).contains(page.status) && page.body.count > 8 && page.body[0] != 0x1F && mayBeSitemap(page)
                && contains(page.body, "<urlset")
        }
        for page in sitemaps.sorted(by: { $0.url < $1.url }) {
            for (loc, line) in locs(page.body) {
                let url = WebURL(loc).normalized
                guard url.isHTTP else { continue }
                if seen.insert(url.description).inserted { out.append(Listed(url: url.description, sitemap: page.url, line: line)) }
            }
        }
        return out
    }

    /// XML by its Content-Type or its `.xml` path (sitemaps are XML; scanning every HTML page, script and image of
    /// a crawl for `<urlset` cost as much as parsing the pages).
    static func mayBeSitemap(_ page: CrawledPage) -> Bool {
        if let type = page.header("content-type") { return type.lowercasedContains("xml") }
        let path = page.url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? page.url
        return path.lowercased().hasSuffix(".xml")
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { hay in
            guard let base = hay.baseAddress, !needle.isEmpty, hay.count >= needle.count else { return false }
            let last = hay.count - needle.count
            var i = 0
            while i <= last, let hit = memchr(base + i, Int32(needle[0]), last - i + 1) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                i = at + 1
            }
            return false
        }
    }

    /// `<loc>…</loc>` values (entities decoded, whitespace trimmed) with their lines, on bytes.
    static func locs(_ bytes: [UInt8]) -> [(String, Int)] {
        let open = Array("<loc>".utf8)
        let close = Array("</loc>".utf8)
        var out: [(String, Int)] = []
        var line = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            if b == 0x3C, i + open.count <= bytes.count, bytes[i..<(i + open.count)].elementsEqual(open) {
                let start = i + open.count
                var j = start
                while j + close.count <= bytes.count, !bytes[j..<(j + close.count)].elementsEqual(close) { j += 1 }
                guard j + close.count <= bytes.count else { break }
                let raw = String(decoding: bytes[start..<j], as: UTF8.self)
                let value = raw.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                    .replacingOccurrences(of: "&amp;", with: "&")
                out.append((String(value.trimmingASCIISpace), line))
                line += bytes[start..<j].lazy.filter { $0 == 0x0A }.count
                i = j + close.count
                continue
            }
            i += 1
        }
        return out
    }

    static func findings(_ pages: [CrawledPage], targets: [String: [String]], home: String?) -> [SEOFinding] {
        let listed = listed(pages)
        guard !listed.isEmpty else { return [] }
        var linked = Set<String>()
        for keys in targets.values { linked.formUnion(keys) }
        func isLinked(_ key: String) -> Bool {
            if linked.contains(key) { return true }
            if key.hasSuffix("/") { return linked.contains(key + "index.html") }
            if key.hasSuffix("/index.html") { return linked.contains(String(key.dropLast("index.html".count))) }
            return false
        }
        let homeKey = home.map { WebURL($0).normalized.description }
        return listed.compactMap { entry in
            guard !isLinked(entry.url), entry.url != homeKey,
                  !(homeKey?.hasSuffix("/index.html") == true && entry.url + "index.html" == homeKey) else { return nil }
            return SEOFinding(rule: .orphanPage, url: entry.url, line: nil, evidence: "<loc>\(entry.url)</loc>",
                              message: "listed in \(entry.sitemap) (line \(entry.line)) but no audited page links to it")
        }
    }
}
