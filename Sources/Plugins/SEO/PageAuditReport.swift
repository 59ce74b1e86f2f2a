import Foundation
import HeraldData
import Markup

/// `herald audit PAGE.html --url URL [--headers FILE]`: the per-page findings of one document as JSON
/// (schema `herald.seo.page/1`, documented in docs/seo.md). Site-wide rules (duplicates, links, robots.txt) need a
/// crawl and are not run.
public enum PageAuditReport {
    public struct Document: Encodable, Sendable {
        public var schema = "herald.seo.page/1"
        public var url: String
        public var status: Int
        public var charset: Charset
        public var settings: FindingExport.Document.Settings
        /// `new` and `fixed` are absent here (no previous snapshot).
        public var counts: FindingExport.Document.Counts
        public var findings: [FindingExport.Document.Finding]

        public struct Charset: Encodable, Sendable {
            public var label: String
            public var source: String
        }
    }

    /// Audits `html` as the page at `url`, served with `headers` (names any case) and `status`.
    public static func document(html: [UInt8], url: String, headers: [(name: String, value: String)] = [], status: Int = 200,
                                settings: SEOSettings = SEOSettings()) -> Document {
        let page = CrawledPage(url: url, status: status, headers: headers.map { ($0.name.lowercased(), $0.value) }, body: html,
                               location: SourceLocation(file: url))
        let analysis = PageAnalysis(page: page)
        let findings = PageAudit.findings(page: page, analysis: analysis, settings: settings).sorted()
        func count(_ severity: SEOSeverity) -> Int { findings.filter { $0.severity == severity }.count }
        return Document(url: url, status: status,
                        charset: Document.Charset(label: analysis.charset.label, source: analysis.charset.source.rawValue),
                        settings: FindingExport.Document.Settings(titleMaxLength: settings.titleMaxLength,
                                                                  descriptionMaxLength: settings.descriptionMaxLength,
                                                                  disabledRules: settings.disabledRules.sorted()),
                        counts: FindingExport.Document.Counts(total: findings.count, error: count(.error), warning: count(.warning),
                                                              notice: count(.notice)),
                        findings: findings.map { FindingExport.Document.Finding($0, change: nil) })
    }

    /// Keys sorted, two-space indentation, a final newline (the encoding of `findings.json`).
    public static func json(_ document: Document) throws -> [UInt8] {
        try PrettyJSON.document { json in
            json.key("charset")
            json.object { json in
                json.member("label", document.charset.label)
                json.member("source", document.charset.source)
            }
            json.key("counts"); json.object { document.counts.write(into: &$0) }
            json.member("findings", document.findings) { json, finding in json.object { finding.write(into: &$0) } }
            json.member("schema", document.schema)
            json.key("settings"); try json.object { try document.settings.write(into: &$0) }
            json.member("status", document.status)
            json.member("url", document.url)
        }
    }

    /// A headers file: `Name: value` lines, optionally after an HTTP status line (`HTTP/1.1 301 Moved Permanently`),
    /// as `curl -sI` prints them. Blank lines are skipped; folded lines continue the previous value.
    public static func headers(_ bytes: [UInt8], file: String) throws(Diagnostic) -> (status: Int?, headers: [(name: String, value: String)]) {
        var status: Int?
        var headers: [(name: String, value: String)] = []
        // Split on LF bytes: as Characters, CR LF is one grapheme and would not split.
        for (index, rawLine) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = Substring(String(decoding: rawLine.last == 0x0D ? rawLine.dropLast() : rawLine, as: UTF8.self))
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let location = SourceLocation(file: file, line: index + 1)
            if line.hasPrefix("HTTP/") {
                let parts = line.split(separator: " ")
                guard headers.isEmpty, status == nil, parts.count >= 2, parts[1].count == 3, let code = Int(parts[1]), (100...599).contains(code) else {
                    throw Diagnostic("expected one status line such as 'HTTP/1.1 200 OK' before the headers, found '\(line)'", at: location)
                }
                status = code
            } else if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":"), colon != line.startIndex {
                headers.append((line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            } else {
                throw Diagnostic("expected 'Name: value', found '\(line.prefix(80))'", at: location)
            }
        }
        return (status, headers)
    }
}
