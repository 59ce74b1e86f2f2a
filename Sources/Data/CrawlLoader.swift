/// The crawl dataset, in one of three layouts inside a snapshot's `crawl/` folder:
/// - `crawl/manifest.ndjson`: one JSON object per fetched URL: `url`, `status`, `headers` (object; a value may be a
///   string or a list of strings for a repeated header), `fetched_at` (optional), `body` (optional; a file path
///   relative to the crawl folder that must stay inside it);
/// - `crawl/site/`: a folder of files served under the tenant's base URL (`index.html` → the folder's URL), all with
///   status 200 and a content type from the file extension;
/// - `crawl/*.warc`, `crawl/*.warc.gz`: WARC files as crawlers write them (`WARCCrawlLoader`).
///
/// Pages are returned sorted by URL.
public enum CrawlLoader {
    public static let manifestKeys = ["url", "status", "headers", "fetched_at", "body"]

    /// `folder` is the crawl folder on `fileSystem`; `displayFolder` is how diagnostics name it.
    public static func loadManifest(_ fileSystem: any FileSystem, folder: String, displayFolder: String, cap: Int = 100) -> Loaded<Crawl> {
        let file = displayFolder + "/manifest.ndjson"
        var c = DiagnosticCollector(file: file, cap: cap)
        let bytes: [UInt8]
        do { bytes = try fileSystem.read(folder + "/manifest.ndjson") } catch {
            c.error("cannot read the file: \(error)", at: SourceLocation(file: file))
            return Loaded(Crawl(pages: []), diagnostics: c.finish())
        }
        var pages: [CrawledPage] = []
        var urls: [String: Int] = [:]
        for (line, parsed) in readNDJSON(bytes, file: file) {
            guard case let .success(node) = parsed else {
                if case let .failure(error) = parsed { c.add(error) }
                continue
            }
            guard let record = RecordReader(node, known: manifestKeys, &c) else { continue }
            let url = record.string("url", &c)
            if let url, !isAbsoluteHTTPURL(url) {
                c.error("'url': expected an absolute http(s) URL, found '\(url)'", at: record.find("url")!.location)
                continue
            }
            let status = record.int("status", in: 100...599, &c)
            let fetchedAt = record.timestamp("fetched_at", required: false, &c)
            if record.find("fetched_at") != nil, fetchedAt == nil { continue }
            var headers: [(name: String, value: String)] = []
            var ok = true
            if let node = record.find("headers") {
                if case let .map(pairs) = node.value {
                    for (name, value) in pairs {
                        switch value.value {
                        case let .string(s): headers.append((name.lowercased(), s))
                        case let .array(items):
                            for item in items {
                                if case let .string(s) = item.value { headers.append((name.lowercased(), s)) } else {
                                    c.error("'headers.\(name)': expected a string or a list of strings, found \(describe(item.value))", at: item.location)
                                    ok = false
                                }
                            }
                        default:
                            c.error("'headers.\(name)': expected a string or a list of strings, found \(describe(value.value))", at: value.location)
                            ok = false
                        }
                    }
                } else {
                    c.error("'headers': expected an object of header names to values, found \(describe(node.value))", at: node.location)
                    ok = false
                }
            }
            var body: [UInt8] = []
            if let bodyNode = record.find("body") {
                guard case let .string(relative) = bodyNode.value else {
                    c.error("'body': expected a file path relative to the crawl folder, found \(describe(bodyNode.value))", at: bodyNode.location)
                    continue
                }
                guard let safe = safeRelativePath(relative) else {
                    c.error("'body': the path '\(relative)' must be relative and stay inside the crawl folder", at: bodyNode.location)
                    continue
                }
                // The text may stay inside while a symbolic link on the way leads out.
                if fileSystem.exists(folder + "/" + safe), !fileSystem.resolves(folder + "/" + safe, inside: folder) {
                    c.error("'body': the path '\(relative)' leads outside the crawl folder through a symbolic link", at: bodyNode.location)
                    continue
                }
                do { body = try fileSystem.read(folder + "/" + safe) } catch {
                    c.error("'body': the file '\(safe)' does not exist in \(displayFolder)", at: bodyNode.location)
                    continue
                }
            }
            guard ok, record.knownKeysOnly, let url, let status else { continue }
            if let earlier = urls[url] {
                c.error("the URL '\(url)' was already listed at line \(earlier)", at: record.find("url")!.location)
                continue
            }
            urls[url] = line
            pages.append(CrawledPage(url: url, status: status, headers: headers, fetchedAt: fetchedAt, body: body,
                                     location: SourceLocation(file: file, line: line, column: 1)))
        }
        pages.sort { $0.url < $1.url }
        return Loaded(Crawl(pages: pages), diagnostics: c.finish())
    }

    /// The `*.warc` / `*.warc.gz` files `names` in `folder`, read in name order (see `WARCCrawlLoader`).
    public static func loadWARC(_ fileSystem: any FileSystem, folder: String, displayFolder: String, names: [String], cap: Int = 100) -> Loaded<Crawl> {
        var files: [(name: String, bytes: [UInt8])] = []
        var diagnostics: [Diagnostic] = []
        for name in names.sorted() {
            do { files.append((displayFolder + "/" + name, try fileSystem.read(folder + "/" + name))) } catch {
                diagnostics.append(Diagnostic("cannot read the file: \(error)", at: SourceLocation(file: displayFolder + "/" + name)))
            }
        }
        let result = WARCCrawlLoader.load(files, cap: cap)
        return Loaded(result.crawl, diagnostics: diagnostics + result.diagnostics)
    }

    /// Maps every file under `folder` (the `crawl/site` folder) onto `baseURL`. Hidden files are skipped.
    public static func loadSite(_ fileSystem: any FileSystem, folder: String, displayFolder: String, baseURL: String) -> Loaded<Crawl> {
        var c = DiagnosticCollector(file: displayFolder)
        var pages: [CrawledPage] = []
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        let found = FolderWalk(fileSystem: fileSystem, root: folder, display: displayFolder).walk()
        for relative in found.unlistable {
            c.error("cannot list the folder", at: SourceLocation(file: displayFolder + (relative.isEmpty ? "" : "/" + relative)))
        }
        for warning in found.warnings { c.add(warning) }
        for childRelative in found.files {
            let body: [UInt8]
            do { body = try fileSystem.read(folder + "/" + childRelative) } catch {
                c.add(Diagnostic("cannot read the file, skipped: \(error)", at: SourceLocation(file: displayFolder + "/" + childRelative), severity: .warning))
                continue
            }
            let name = String(childRelative.split(separator: "/").last ?? "")
            pages.append(CrawledPage(url: base + urlPath(forSiteFile: childRelative), status: 200,
                                     headers: [("content-type", contentType(forFile: name))], body: body,
                                     location: SourceLocation(file: displayFolder + "/" + childRelative)))
        }
        pages.sort { $0.url < $1.url }
        if pages.isEmpty {
            c.add(Diagnostic("the crawl site folder has no files", at: SourceLocation(file: displayFolder), severity: .warning))
        }
        return Loaded(Crawl(pages: pages), diagnostics: c.finish())
    }

    /// `index.html` → the folder (`blog/index.html` → `blog/`); other files keep their path; percent-encoded.
    public static func urlPath(forSiteFile relative: String) -> String {
        var path = relative
        if path == "index.html" || path == "index.htm" { return "" }
        if path.hasSuffix("/index.html") { path.removeLast("index.html".count) } else if path.hasSuffix("/index.htm") { path.removeLast("index.htm".count) }
        return percentEncodePath(path)
    }

    public static func contentType(forFile name: String) -> String {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "svg": return "image/svg+xml"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}

/// Percent-encodes everything but unreserved characters, `/` and a few sub-delimiters that are safe in paths.
func percentEncodePath(_ path: String) -> String {
    var out = ""
    for b in path.utf8 {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
            out.unicodeScalars.append(Unicode.Scalar(b))
        default:
            let hex = Array("0123456789ABCDEF".utf8)
            out += "%" + String(UnicodeScalar(hex[Int(b >> 4)])) + String(UnicodeScalar(hex[Int(b & 15)]))
        }
    }
    return out
}

/// The normalised relative path, or nil when it is absolute, empty or climbs out of its folder.
public func safeRelativePath(_ path: String) -> String? {
    if path.isEmpty || path.hasPrefix("/") || path.hasPrefix("\\") || path.contains("\0") || path.contains("\\") { return nil }
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        if part == "." { continue }
        if part == ".." {
            if parts.isEmpty { return nil }
            parts.removeLast()
            continue
        }
        parts.append(part)
    }
    if parts.isEmpty { return nil }
    return parts.joined(separator: "/")
}

/// `http://host/...` or `https://host/...` with a non-empty host.
public func isAbsoluteHTTPURL(_ url: String) -> Bool {
    let lower = url.lowercased()
    let rest: Substring
    if lower.hasPrefix("https://") { rest = url.dropFirst(8) } else if lower.hasPrefix("http://") { rest = url.dropFirst(7) } else { return false }
    // No white space or control character anywhere (a browser would strip or encode them; a crawl never holds them).
    if url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) { return false }
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    let host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
    return URLText.hostAndPortProblem(host, isForbidden: { "<>^|\\\"[]{}`".contains($0) }) == nil && !hasEscapedControl(host)
}

/// A tenant's base URL, in tenant.yml or `import-site --base-url`: an absolute http(s) URL without query or fragment
/// and without a character that may appear nowhere in a URL (it ends up in `href` attributes and e-mail headers).
public func isValidBaseURL(_ url: String) -> Bool {
    isAbsoluteHTTPURL(url) && !url.contains("?") && !url.contains("#") && URLText.forbiddenCharacter(in: url) == nil
}

/// Percent escapes in an authority that decode to a control character or space, which no host may hold.
private func hasEscapedControl(_ authority: Substring) -> Bool {
    let bytes = Array(authority.utf8)
    for i in bytes.indices where bytes[i] == 0x25 {
        guard i + 2 < bytes.count, let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) else { return true }
        if value <= 0x20 || value == 0x7F { return true }
    }
    return false
}
