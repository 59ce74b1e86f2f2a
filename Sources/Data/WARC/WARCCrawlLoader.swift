/// Turns WARC files into the crawl dataset: each `response` record with an HTTP message on an http(s) URL becomes a
/// `CrawledPage`; each `revisit` record becomes one too, with the payload of the response it refers to. `request`,
/// `metadata`, `resource`, `warcinfo` and `conversion` records are skipped, and so are responses that are not HTTP
/// (Heritrix's `dns:` lookups).
///
/// The first capture of a URL wins (a crawl that fetched a URL twice keeps the earlier fetch; the later ones are
/// counted in one info diagnostic). Pages are returned sorted by URL.
public enum WARCCrawlLoader {
    /// The records of each type that were read (for the info line and tests), plus the crawl.
    public struct Result: Sendable {
        public var crawl: Crawl
        public var diagnostics: [Diagnostic]
        /// Records per `WARC-Type`.
        public var recordCounts: [String: Int]
        /// Revisit records resolved to the payload they refer to.
        public var revisitsResolved: Int
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// `files` are (name for diagnostics, bytes), read in the order given. `bodyLimit` caps each gzip-encoded body once
    /// inflated, and `bodyLimit` plus 1 MiB each gzip member of a `.warc.gz` (`HTTPResponseBlock.maxBodyBytes`,
    /// `WARCReader.maxMemberBytes`); a record over either is skipped with a warning naming it.
    public static func load(_ files: [(name: String, bytes: [UInt8])], cap: Int = 100,
                            bodyLimit: Int = HTTPResponseBlock.maxBodyBytes) -> Result {
        var diagnostics: [Diagnostic] = []
        var counts: [String: Int] = [:]
        // Pass 1: every record; responses indexed for revisits.
        struct Capture {
            var record: WARCRecord
            var file: String
            var response: HTTPResponseBlock?
        }
        var captures: [Capture] = []
        for file in files {
            var c = DiagnosticCollector(file: file.name, cap: cap)
            let reader = WARCReader(file.bytes, memberLimit: bodyLimit + WARCReader.headerAllowance)
            for problem in reader.problems {
                c.add(Diagnostic(problem.message, at: SourceLocation(file: file.name, offset: problem.offset),
                                 severity: problem.isError ? .error : .warning))
            }
            if reader.records.isEmpty, reader.problems.isEmpty {
                c.add(Diagnostic("the WARC file has no records", at: SourceLocation(file: file.name), severity: .warning))
            }
            for record in reader.records {
                counts[record.type, default: 0] += 1
                guard record.type == "response" || record.type == "revisit" else { continue }
                let location = SourceLocation(file: file.name, offset: record.offset)
                guard let uri = record.targetURI, isAbsoluteHTTPURL(uri) else {
                    // Other schemes (Heritrix's dns:) are skipped quietly; a broken http(s) URI is worth a word.
                    if let uri = record.targetURI, uri.lowercased().hasPrefix("http") {
                        c.add(Diagnostic("WARC-Target-URI '\(uri)' is not a valid http(s) URL; the record is skipped", at: location,
                                         severity: .warning))
                    }
                    continue
                }
                let contentType = record.field("content-type")?.lowercased() ?? ""
                if record.type == "response", !contentType.isEmpty, !contentType.hasPrefix("application/http") { continue }
                if record.type == "revisit", record.block.isEmpty {
                    captures.append(Capture(record: record, file: file.name, response: nil))
                    continue
                }
                switch HTTPResponseBlock.parse(record.block, bodyLimit: bodyLimit) {
                case let .success(response):
                    if let reason = record.field("warc-truncated") {
                        // Common Crawl cuts payloads at 1 MiB; heritrix and wget at their size or time limits.
                        c.add(Diagnostic("\(uri): the crawler cut this payload (WARC-Truncated: \(reason)); the page is audited as "
                                         + "stored, so what lies after the cut is missing", at: location, severity: .warning))
                    }
                    for note in response.notes {
                        c.add(Diagnostic("\(uri): \(note)", at: location, severity: .warning))
                    }
                    captures.append(Capture(record: record, file: file.name, response: response))
                case let .failure(error) where error.isOversized:
                    let id = record.recordID.map { " \($0)" } ?? ""
                    c.add(Diagnostic("\(record.type) record\(id) for \(uri): \(error.description); the record is skipped",
                                     at: location, severity: .warning))
                case let .failure(error):
                    c.error("\(record.type) record for \(uri): \(error.description)", at: location)
                }
            }
            diagnostics += c.finish()
        }

        var byID: [String: Int] = [:]
        var byURIAndDigest: [String: Int] = [:]
        var byDigest: [String: Int] = [:]
        for (index, capture) in captures.enumerated() where capture.record.type == "response" {
            if let id = capture.record.recordID { byID[WARCRecord.unbracketed(id)] = byID[WARCRecord.unbracketed(id)] ?? index }
            if let digest = capture.record.field("warc-payload-digest") {
                byDigest[digest] = byDigest[digest] ?? index
                byURIAndDigest[capture.record.targetURI! + " " + digest] = byURIAndDigest[capture.record.targetURI! + " " + digest] ?? index
            }
        }

        // Pass 2: pages, revisits resolved.
        var pages: [CrawledPage] = []
        var seen = Set<String>()
        var repeated = 0
        var resolved = 0
        var unresolved: [Diagnostic] = []
        for capture in captures {
            let record = capture.record
            let url = record.targetURI!
            let location = SourceLocation(file: capture.file, offset: record.offset)
            var status: Int
            var headers: [(name: String, value: String)]
            var body: [UInt8]
            if record.type == "revisit" {
                let digest = record.field("warc-payload-digest")
                let referredURI = record.field("warc-refers-to-target-uri").map(WARCRecord.unbracketed) ?? url
                let target = record.field("warc-refers-to").flatMap { byID[WARCRecord.unbracketed($0)] }
                    ?? digest.flatMap { byURIAndDigest[referredURI + " " + $0] ?? byDigest[$0] }
                guard let target, let original = captures[target].response else {
                    unresolved.append(Diagnostic("revisit record for \(url) refers to a payload that is not in the crawl's WARC files; skipped",
                                                 at: location, severity: .warning))
                    continue
                }
                resolved += 1
                // The revisit's own status and headers when it has them (a 304 "not modified" means the original).
                if let own = capture.response, own.status != 304 {
                    status = own.status
                    headers = own.headers
                } else {
                    status = original.status
                    headers = original.headers
                }
                body = original.body
            } else {
                guard let response = capture.response else { continue }
                status = response.status
                headers = response.headers
                body = response.body
            }
            guard seen.insert(url).inserted else { repeated += 1; continue }
            let fetchedAt = record.field("warc-date").flatMap { try? TimestampFormat.parse($0).get() }
            pages.append(CrawledPage(url: url, status: status, headers: headers, fetchedAt: fetchedAt, body: body, location: location))
        }
        diagnostics += unresolved.prefix(cap)
        if unresolved.count > cap, let first = unresolved.first {
            diagnostics.append(Diagnostic("\(unresolved.count - cap) more unresolved revisit records not shown",
                                          at: SourceLocation(file: first.location.file), severity: .warning))
        }
        if repeated > 0, let first = files.first {
            diagnostics.append(Diagnostic("\(counted(repeated, "later capture")) of URLs captured before ignored (the first capture of a URL is used)",
                                          at: SourceLocation(file: first.name), severity: .info))
        }
        pages.sort { $0.url < $1.url }
        return Result(crawl: Crawl(pages: pages), diagnostics: diagnostics, recordCounts: counts, revisitsResolved: resolved)
    }

    /// True for the file names this loader reads: `*.warc` and `*.warc.gz`.
    public static func isWARCFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz")
    }
}
