import HeraldData
import Markup
import SEOPlugin

/// `herald sitemap check`: validates an existing sitemap or sitemap index (plain or gzip) against the sitemaps.org
/// protocol and lists every problem with its line. Checks what the XSDs check (names, namespace, order, lastmod,
/// changefreq, priority) and what they cannot (limits, absolute http(s) URLs on the sitemap's host, an index listing
/// itself, hreflang language tags, the xhtml namespace).
public enum SitemapCheck {
    public static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    public static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    static let changefreqs = ["always", "hourly", "daily", "weekly", "monthly", "yearly", "never"]

    public struct Result: Sendable {
        /// Sorted by line; each names the file.
        public var problems: [Diagnostic]
        /// `urlset` or `sitemapindex` (nil when unreadable).
        public var kind: String?
        /// `<url>` or `<sitemap>` entries.
        public var entries: Int
    }

    /// Checks the file `bytes` (named `file` in problems). `url`, where the sitemap is published, lets the check
    /// compare hosts and folders exactly; without it the first `<loc>` sets the host.
    public static func check(_ input: [UInt8], file: String, url: String? = nil, limits: SitemapLimits = .standard) -> Result {
        var problems: [Diagnostic] = []
        func add(_ line: Int?, _ message: String) {
            problems.append(Diagnostic(message, at: SourceLocation(file: file, line: line)))
        }
        // Neither a urlset nor an index may be larger; a bigger file (or one that inflates to more) is not parsed.
        let cap = max(limits.maxBytes, limits.maxIndexBytes)
        var bytes = input
        if GzipMembers.isGzip(input) {
            switch GzipMembers.inflate(input, limit: cap) {
            case let .success(plain): bytes = plain
            case let .failure(failure) where failure.kind == .tooLarge:
                add(nil, "the file inflates to more than the limit of \(cap) bytes (50 MB) uncompressed; "
                    + "inflating stopped there and the file was not checked further")
                return Result(problems: problems, kind: nil, entries: 0)
            case let .failure(failure):
                add(nil, "cannot inflate the gzip file: \(failure.description)")
                return Result(problems: problems, kind: nil, entries: 0)
            }
        } else if input.count > cap {
            add(nil, "the file is \(input.count) bytes, over the limit of \(cap) bytes (50 MB); not checked further")
            return Result(problems: problems, kind: nil, entries: 0)
        }
        let parsed = XMLTree.parse(bytes)
        if let line = parsed.doctypeLine {
            add(line, "the sitemap has a <!DOCTYPE> declaration: sitemaps must not declare a DTD or entities (Herald does "
                + "not read or expand them); the file was not checked further")
            return Result(problems: problems, kind: nil, entries: 0)
        }
        guard let root = parsed.root else {
            for error in parsed.errors { add(error.line, "not well-formed XML: \(error.message)") }
            return Result(problems: problems.sorted(by: order), kind: nil, entries: 0)
        }
        for error in parsed.errors where !error.isNamespaceError { add(error.line, "XML: \(error.message)") }

        let isIndex = root.name == "sitemapindex"
        let maxBytes = isIndex ? limits.maxIndexBytes : limits.maxBytes
        if bytes.count > maxBytes {
            add(nil, "the file is \(bytes.count) bytes uncompressed, over the limit of \(maxBytes) bytes (50 MB)")
        }
        guard root.name == "urlset" || isIndex else {
            add(root.line, "the root element is <\(root.name)>; expected <urlset> or <sitemapindex>")
            return Result(problems: problems.sorted(by: order), kind: nil, entries: 0)
        }
        if root.namespace != namespace {
            add(root.line, "<\(root.name)> is in " + (root.namespace.map { "the namespace '\($0)'" } ?? "no namespace")
                + "; expected xmlns=\"\(namespace)\"")
        }
        let inSitemapNamespace = { (e: XMLElementNode) in e.namespace == root.namespace }
        var scope = Scope(sitemapURL: url.map { WebURL($0).normalized }, file: file)
        let entryName = isIndex ? "sitemap" : "url"
        var entries = 0
        let maxEntries = isIndex ? limits.maxIndexEntries : limits.maxURLs
        for child in root.children {
            if inSitemapNamespace(child), child.name == entryName {
                entries += 1
                if entries == maxEntries + 1 {
                    add(child.line, "more than \(maxEntries) <\(entryName)> entries: the limit per \(isIndex ? "index" : "sitemap") is \(maxEntries)")
                }
                checkEntry(child, isIndex: isIndex, scope: &scope, add: add)
            } else if inSitemapNamespace(child) || child.namespace == nil {
                add(child.line, "unexpected <\(child.name)> in <\(root.name)>; expected <\(entryName)>")
            } else {
                checkForeign(child, parent: root.name, add: add)
            }
        }
        if entries == 0 { add(root.line, "<\(root.name)> has no <\(entryName)> entries") }
        return Result(problems: problems.sorted(by: order), kind: root.name, entries: entries)
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        ((a.location.line ?? 0), a.message) < ((b.location.line ?? 0), b.message)
    }

    /// The host (and folder) every loc must share.
    struct Scope {
        var sitemapURL: WebURL?
        var file: String
        var origin: String?
        var originSource = ""

        init(sitemapURL: WebURL?, file: String) {
            self.sitemapURL = sitemapURL
            self.file = file
            if let sitemapURL, sitemapURL.isHTTP {
                origin = Self.origin(sitemapURL)
                originSource = "the sitemap's URL"
            }
        }

        static func origin(_ url: WebURL) -> String { (url.scheme ?? "") + "://" + (url.authority ?? "").lowercased() }
    }

    static func checkEntry(_ entry: XMLElementNode, isIndex: Bool, scope: inout Scope, add: (Int?, String) -> Void) {
        let allowed = isIndex ? ["loc", "lastmod"] : ["loc", "lastmod", "changefreq", "priority"]
        var seen: [String: Int] = [:]
        var lastIndex = -1
        var firstForeign: XMLElementNode?
        for child in entry.children {
            guard child.namespace == entry.namespace else {
                if firstForeign == nil { firstForeign = child }
                if isIndex {
                    add(child.line, "unexpected <\(child.prefix.map { $0 + ":" } ?? "")\(child.name)> in <sitemap>; an index entry holds only loc and lastmod")
                } else {
                    checkForeign(child, parent: entry.name, add: add)
                }
                continue
            }
            guard let index = allowed.firstIndex(of: child.name) else {
                add(child.line, "unexpected <\(child.name)> in <\(entry.name)>; expected " + allowed.map { "<\($0)>" }.joined(separator: ", "))
                continue
            }
            if let first = seen[child.name] {
                add(child.line, "<\(child.name)> appears twice in this <\(entry.name)> (first on line \(first))")
                continue
            }
            seen[child.name] = child.line
            if let foreign = firstForeign {
                add(child.line, "<\(child.name)> comes after the extension element <\(foreign.prefix.map { $0 + ":" } ?? "")\(foreign.name)> "
                    + "(line \(foreign.line)); extensions go after " + allowed.joined(separator: ", "))
            } else if index < lastIndex {
                add(child.line, "<\(child.name)> comes after <\(allowed[lastIndex])>; the schema requires the order " + allowed.joined(separator: ", "))
            }
            lastIndex = max(lastIndex, index)
            let value = child.text.trimmingXMLSpace
            switch child.name {
            case "loc": checkLoc(value, line: child.line, isIndex: isIndex, scope: &scope, add: add)
            case "lastmod":
                if let problem = W3CDatetime.problem(value) { add(child.line, "lastmod '\(value)' is not a W3C datetime: \(problem)") }
            case "changefreq":
                if !changefreqs.contains(value) {
                    add(child.line, "changefreq '\(value)' is not one of " + changefreqs.joined(separator: ", "))
                }
            case "priority":
                if !isPriority(value) { add(child.line, "priority '\(value)' is not a number from 0.0 to 1.0") }
            default: break
            }
        }
        if seen["loc"] == nil { add(entry.line, "<\(entry.name)> without <loc>") }
    }

    static func checkLoc(_ loc: String, line: Int, isIndex: Bool, scope: inout Scope, add: (Int?, String) -> Void) {
        let url = WebURL(loc)
        guard url.isAbsolute, url.authority.map({ !$0.isEmpty }) ?? false else {
            add(line, "loc '\(loc)' is not an absolute URL")
            return
        }
        guard url.isHTTP else {
            add(line, "loc '\(loc)' uses the \(url.scheme ?? ""): scheme; sitemap URLs must be http or https")
            return
        }
        if loc.utf8.count > 2048 { add(line, "loc is \(loc.utf8.count) characters long; the limit is 2,048") }
        if loc.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F || $0 == 0x22 || $0 == 0x3C || $0 == 0x3E }) {
            add(line, "loc '\(loc)' has characters that must be percent-encoded (spaces, quotes, <, > or non-ASCII)")
        }
        let origin = Scope.origin(url.normalized)
        if let expected = scope.origin {
            if origin != expected {
                add(line, "loc '\(loc)' is on another host than the sitemap (\(expected), from \(scope.originSource))")
                return
            }
        } else {
            scope.origin = origin
            scope.originSource = "the first loc"
        }
        let normalized = url.normalized
        if let sitemapURL = scope.sitemapURL {
            let folder = String(sitemapURL.path[..<(sitemapURL.path.lastIndex(of: "/").map { sitemapURL.path.index(after: $0) } ?? sitemapURL.path.endIndex)])
            if !isIndex, !normalized.path.hasPrefix(folder) {
                add(line, "loc '\(loc)' is outside the sitemap's folder \(folder); a sitemap may only list URLs under its own folder")
            }
            if isIndex, normalized == sitemapURL { add(line, "the index lists itself (\(loc))") }
        } else if isIndex {
            let own = scope.file.split(separator: "/").last.map(String.init) ?? scope.file
            if let last = normalized.path.split(separator: "/").last, String(last) == own {
                add(line, "the index lists itself (\(loc) has the index's file name \(own); give --url to compare full URLs)")
            }
        }
    }

    /// Extension elements. Only `xhtml:link` (hreflang alternates) is checked; image, video and news pass.
    static func checkForeign(_ element: XMLElementNode, parent: String, add: (Int?, String) -> Void) {
        if element.namespace == nil, element.name.contains(":") {
            let prefix = element.name.split(separator: ":")[0]
            add(element.line, "<\(element.name)> uses the prefix '\(prefix)' without a namespace declaration"
                + (prefix == "xhtml" ? "; add xmlns:xhtml=\"\(xhtmlNamespace)\" to <urlset>" : ""))
            return
        }
        guard element.name == "link" else { return }
        guard element.namespace == xhtmlNamespace else {
            add(element.line, "<\(element.prefix.map { $0 + ":" } ?? "")link> is in the namespace '\(element.namespace ?? "")'; hreflang links need \(xhtmlNamespace)")
            return
        }
        guard parent == "url" else {
            add(element.line, "<xhtml:link> belongs inside a <url>, not in <\(parent)>")
            return
        }
        if element[attribute: "rel"] != "alternate" {
            add(element.line, "<xhtml:link> needs rel=\"alternate\"" + (element[attribute: "rel"].map { ", found '\($0)'" } ?? ""))
        }
        if let hreflang = element[attribute: "hreflang"] {
            if let problem = LanguageTag.problem(hreflang) { add(element.line, "hreflang '\(hreflang)': \(problem)") }
        } else {
            add(element.line, "<xhtml:link> without hreflang")
        }
        if let href = element[attribute: "href"] {
            let url = WebURL(href)
            if !url.isHTTP || url.authority.map({ $0.isEmpty }) ?? true {
                add(element.line, "<xhtml:link> href '\(href)' is not an absolute http(s) URL")
            }
        } else {
            add(element.line, "<xhtml:link> without href")
        }
    }

    /// 0.0–1.0 as an XSD decimal: digits with an optional fraction.
    static func isPriority(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard !b.isEmpty, b.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }), b.filter({ $0 == 0x2E }).count <= 1,
              b.contains(where: { $0 != 0x2E }), let value = Double(text.hasPrefix(".") ? "0" + text : text) else { return false }
        return value >= 0 && value <= 1
    }
}

extension String {
    /// XML whitespace (space, tab, CR, LF) trimmed from both ends.
    var trimmingXMLSpace: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" || f == "\r\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" || l == "\r\n" { s.removeLast() }
        return String(s)
    }
}
