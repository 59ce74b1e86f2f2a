/// Turns a folder of HTML (and other) files into a crawl snapshot: `herald snapshot import-site DIR --base-url URL
/// --tenant ID [--date YYYY-MM-DD]`.
///
/// Layout written (format v1, manifest form), under the project root:
/// ```
/// snapshots/<tenant>/<date>/crawl/manifest.ndjson   one line per file: url, status 200, headers.content-type, body
/// snapshots/<tenant>/<date>/crawl/files/<path>      the file's bytes, same relative path as in DIR
/// ```
/// URLs are the base URL plus the file's relative path, percent-encoded, with `index.html` mapped to its folder's
/// URL. Lines are sorted by URL. Hidden files and folders (`.name`) are skipped; unreadable files (e.g. broken
/// symlinks) are skipped with a warning. The crawl is written to a staging folder first and moved into place, so a
/// failed import leaves nothing behind. When `snapshots/<tenant>/tenant.yml` does not exist, a minimal one is
/// written (name = tenant id, the base URL, `edition`).
public struct SiteImporter: Sendable {
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    public struct Result: Sendable {
        /// Project-relative crawl folder, e.g. `snapshots/docs/2026-12-03/crawl`.
        public var crawlFolder: String
        public var files: Int
        public var bytes: Int
        /// True when a tenant.yml was created.
        public var createdTenantFile: Bool
        /// Warnings (skipped files, base URL differing from tenant.yml).
        public var diagnostics: [Diagnostic]
    }

    /// - Parameters:
    ///   - source: the folder of files to import.
    ///   - projectRoot: the project folder (holding `herald.yml` and `snapshots/`).
    ///   - tenant: tenant id (folder name under `snapshots/`).
    ///   - baseURL: absolute http(s) URL the folder is served under; `/` is appended when missing.
    ///   - date: the snapshot date, `YYYY-MM-DD` (the CLI's `--date`, else the day of `--now`).
    ///   - edition: edition written into a newly created tenant.yml.
    ///   - replace: replace an existing crawl in that snapshot instead of failing.
    public func importSite(from source: String, projectRoot: String, tenant: String, baseURL: String, date: String,
                           edition: String = "starter", replace: Bool = false) throws(DiagnosticList) -> Result {
        var errors = Self.optionProblems(tenant: tenant, baseURL: baseURL, date: date)
        if !fileSystem.isDirectory(source) {
            errors.append(Diagnostic("the folder does not exist", at: SourceLocation(file: source)))
        }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return try importFiles(from: source, projectRoot: projectRoot, tenant: tenant, baseURL: baseURL, date: date,
                               edition: edition, replace: replace)
    }

    /// What is wrong with the import's options (the CLI reports these as usage errors, before touching any file).
    public static func optionProblems(tenant: String, baseURL: String, date: String) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        if !ProjectLoader.isValidTenantID(tenant) {
            errors.append(Diagnostic("tenant id '\(tenant)' is not allowed; use letters, digits, '-', '_' and '.' (not first)", at: SourceLocation(file: "--tenant")))
        }
        if !TimestampFormat.isDate(date) {
            errors.append(Diagnostic("expected a date YYYY-MM-DD, found '\(date)'", at: SourceLocation(file: "--date")))
        }
        if !isValidBaseURL(baseURL) {
            errors.append(Diagnostic("expected an absolute http(s) URL such as https://www.example.com/, found '\(baseURL)'", at: SourceLocation(file: "--base-url")))
        }
        return errors
    }

    private func importFiles(from source: String, projectRoot: String, tenant: String, baseURL: String, date: String,
                             edition: String, replace: Bool) throws(DiagnosticList) -> Result {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        let loader = ProjectLoader(root: projectRoot, fileSystem: fileSystem)
        let crawlFolder = "snapshots/\(tenant)/\(date)/crawl"
        let staging = "snapshots/\(tenant)/\(date)/.crawl-import"
        var diagnostics: [Diagnostic] = []

        if fileSystem.exists(loader.path(crawlFolder)) && !replace {
            throw DiagnosticList([Diagnostic("a crawl already exists in this snapshot; remove it or import again with --replace", at: SourceLocation(file: crawlFolder))])
        }

        // Collect files.
        let found = FolderWalk(fileSystem: fileSystem, root: source, display: source).walk()
        diagnostics += found.unlistable.map { relative in
            Diagnostic("cannot list the folder, skipped", at: SourceLocation(file: relative.isEmpty ? source : source + "/" + relative), severity: .warning)
        }
        diagnostics += found.warnings
        var files = found.files.map { (relative: $0, url: base + CrawlLoader.urlPath(forSiteFile: $0)) }
        files.sort { $0.url != $1.url ? $0.url < $1.url : $0.relative < $1.relative }

        do {
            try fileSystem.remove(loader.path(staging))
            var manifest: [UInt8] = []
            var seen = Set<String>()
            var count = 0
            var total = 0
            for file in files {
                if !seen.insert(file.url).inserted {
                    diagnostics.append(Diagnostic("maps to the same URL as another file (\(file.url)), skipped", at: SourceLocation(file: source + "/" + file.relative), severity: .warning))
                    continue
                }
                let body: [UInt8]
                do { body = try fileSystem.read(source + "/" + file.relative) } catch {
                    // A name that is not UTF-8 comes back from the listing with U+FFFD in place of its bad bytes, a
                    // path that names no file (and could be no URL path either).
                    let reason = file.relative.unicodeScalars.contains("\u{FFFD}")
                        ? "the file name is not valid UTF-8, skipped" : "cannot read the file, skipped: \(error)"
                    diagnostics.append(Diagnostic(reason, at: SourceLocation(file: source + "/" + file.relative), severity: .warning))
                    continue
                }
                try fileSystem.write(body, to: loader.path(staging + "/files/" + file.relative))
                let name = (file.relative as String).split(separator: "/").last.map(String.init) ?? file.relative
                manifest += Array(("{\"url\":\(jsonString(file.url)),\"status\":200,\"headers\":{\"content-type\":\(jsonString(CrawlLoader.contentType(forFile: name)))},\"body\":\(jsonString("files/" + file.relative))}\n").utf8)
                count += 1
                total += body.count
            }
            try fileSystem.write(manifest, to: loader.path(staging + "/manifest.ndjson"))
            if replace { try fileSystem.remove(loader.path(crawlFolder)) }
            try fileSystem.move(loader.path(staging), to: loader.path(crawlFolder))

            var created = false
            let tenantFile = "snapshots/\(tenant)/tenant.yml"
            if !fileSystem.exists(loader.path(tenantFile)) {
                let yaml = "# Written by `herald snapshot import-site`; see docs/format.md.\nname: \(yamlString(tenant))\nbase_url: \(yamlString(base))\nedition: \(yamlString(edition))\nlocale: en\ntime_zone: UTC\nreporting_currency: EUR\n"
                try fileSystem.write(Array(yaml.utf8), to: loader.path(tenantFile))
                created = true
            } else if let existing = try? loader.tenant(tenant), existing.baseURL != base {
                diagnostics.append(Diagnostic("tenant.yml has base_url \(existing.baseURL), but the crawl was imported under \(base)",
                                              at: SourceLocation(file: tenantFile, keyPath: "base_url"), severity: .warning))
            }
            return Result(crawlFolder: crawlFolder, files: count, bytes: total, createdTenantFile: created, diagnostics: diagnostics)
        } catch {
            try? fileSystem.remove(loader.path(staging))
            throw DiagnosticList([Diagnostic("import failed: \(error)", at: SourceLocation(file: crawlFolder))])
        }
    }
}

/// A JSON string literal.
func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// A double-quoted YAML scalar (JSON strings are valid YAML).
func yamlString(_ s: String) -> String { jsonString(s) }
