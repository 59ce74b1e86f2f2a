import Foundation
import Generator

/// `findings.csv` and `findings.json`: the audit as data, with a stable schema and a stable order.
public enum FindingExport {
    /// Bumped when a column or key is removed, renamed or changes meaning; additions keep the number.
    public static let schemaVersion = 1

    /// Columns in this order; new ones are only ever appended (docs/seo.md, "Exports").
    public static let csvHeader = ["rule", "severity", "url", "line", "evidence", "message", "change", "page", "schema_version"]

    /// RFC 4180: CRLF line ends, a header row, fields quoted when they hold `,` `"` CR or LF (quotes doubled).
    /// `pages` maps a URL to its page in the report's `pages/` folder.
    public static func csv(_ findings: [SEOFinding], changes: [String: FindingChange] = [:], pages: [String: String] = [:]) -> String {
        String(decoding: csvBytes(findings, changes: changes, pages: pages), as: UTF8.self)
    }

    /// `csv` as the file's bytes, written into one array (the export of a large site is megabytes).
    public static func csvBytes(_ findings: [SEOFinding], changes: [String: FindingChange] = [:], pages: [String: String] = [:]) -> [UInt8] {
        csvBytes(findings, changes: changes) { pages[findings[$0].url].map { "pages/" + $0 } }
    }

    /// `page(i)`: the `page` column of finding `i` (the report knows it by position, without hashing the URL).
    static func csvBytes(_ findings: [SEOFinding], changes: [String: FindingChange], page: (Int) -> String?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(findings.reduce(256) { $0 + 160 + 2 * $1.url.utf8.count + $1.evidence.utf8.count + $1.message.utf8.count })
        out.append(contentsOf: (csvHeader.joined(separator: ",") + "\r\n").utf8)
        let version = Array(",\(schemaVersion)\r\n".utf8)
        for (index, finding) in findings.enumerated() {
            CSVText.append(finding.rule.rawValue, untrusted: false, to: &out)
            out.append(0x2C)
            CSVText.append(finding.severity.rawValue, untrusted: false, to: &out)
            out.append(0x2C)
            // url, evidence and message carry crawled text: defused against spreadsheet formulas.
            CSVText.append(finding.url, untrusted: true, to: &out)
            out.append(0x2C)
            if let line = finding.line { out.append(contentsOf: String(line).utf8) }
            out.append(0x2C)
            CSVText.append(finding.evidence, untrusted: true, to: &out)
            out.append(0x2C)
            CSVText.append(finding.message, untrusted: true, to: &out)
            out.append(0x2C)
            if !changes.isEmpty, let change = changes[finding.comparisonKey] { CSVText.append(change.rawValue, untrusted: false, to: &out) }
            out.append(0x2C)
            if let page = page(index) { CSVText.append(page, untrusted: false, to: &out) }
            out.append(contentsOf: version)
        }
        return out
    }

    /// The JSON document (schema `herald.seo.findings/1`), keys sorted, two-space indentation.
    public struct Document: Encodable, Sendable {
        public var schema = "herald.seo.findings/1"
        public var schemaVersion = FindingExport.schemaVersion
        public var tenant: String
        public var snapshot: String
        public var previousSnapshot: String?
        public var generatedAt: String
        public var settings: Settings
        public var pages: Pages
        public var links: Links
        public var counts: Counts
        public var rules: [Rule]
        /// The site score; absent when no page was audited.
        public var score: Score?
        /// Findings per severity in the last snapshots, oldest first, ending with this one (empty: trend off).
        public var trend: [TrendPoint]
        public var duplicateGroups: [Group]
        public var contentGroups: [ContentGroup]
        public var findings: [Finding]
        /// Findings of the previous snapshot that are gone (empty without a previous snapshot).
        public var fixed: [Finding]

        public struct Settings: Encodable, Sendable {
            public var titleMaxLength: Int
            public var descriptionMaxLength: Int
            public var disabledRules: [String]
            // The site report's settings; absent from `herald audit`'s one-page document.
            public var maxCrawlDepth: Int? = nil
            public var nearDuplicateThreshold: Double? = nil
            public var duplicateMinWords: Int? = nil
            public var trendSnapshots: Int? = nil
        }

        public struct Score: Encodable, Sendable {
            public var value: Double
            /// Weights per severity of the formula (docs/seo.md, "Score").
            public var weights = ["error": SiteScore.weight(.error), "warning": SiteScore.weight(.warning),
                                  "notice": SiteScore.weight(.notice)]
            public var rules: [Factor]

            public struct Factor: Encodable, Sendable {
                public var id: String
                public var severity: String
                public var pages: Int
                public var share: Double
                public var factor: Double
            }
        }

        public struct TrendPoint: Encodable, Sendable {
            public var snapshot: String
            public var error: Int
            public var warning: Int
            public var notice: Int
            public var total: Int
            public var score: Double?
        }

        public struct ContentGroup: Encodable, Sendable {
            public var rule: String
            /// Words in the main text of the first URL.
            public var words: Int
            /// Lowest and highest similarity between matched pages (1 for exact duplicates).
            public var similarityMin: Double
            public var similarityMax: Double
            public var urls: [String]
        }

        public struct Pages: Encodable, Sendable {
            public var html: Int
            public var audited: Int
            /// Edition limit `seo.pages`, when the edition sets one.
            public var limit: Int?
            /// Pages over the limit, not audited.
            public var notAudited: [String]
        }

        public struct Links: Encodable, Sendable {
            public var checked: Int
            public var outOfScope: Int
            public var external: Int
            /// Clicks from the home page over internal links.
            public var depth: Depth

            public struct Depth: Encodable, Sendable {
                /// The audited home page; absent when the base URL was not audited.
                public var home: String?
                public var distribution: [Row]
                /// Audited pages no chain of links from home reaches, sorted.
                public var unreachable: [String]
            }

            public struct Row: Encodable, Sendable {
                public var depth: Int
                public var pages: Int
            }
        }

        public struct Counts: Encodable, Sendable {
            public var total: Int
            public var error: Int
            public var warning: Int
            public var notice: Int
            public var new: Int?
            public var fixed: Int?
        }

        public struct Rule: Encodable, Sendable {
            public var id: String
            public var severity: String
            public var title: String
            public var count: Int
        }

        public struct Group: Encodable, Sendable {
            public var rule: String
            public var value: String
            public var urls: [String]
        }

        public struct Finding: Encodable, Sendable {
            public var rule: String
            public var severity: String
            public var url: String
            public var line: Int?
            public var evidence: String
            public var message: String
            /// `new` or `persisting` when a previous snapshot was compared, else absent.
            public var change: String?
            /// The URL's page in the report (`pages/….html`); absent for fixed findings.
            public var page: String?

            init(_ finding: SEOFinding, change: FindingChange?) {
                rule = finding.rule.rawValue
                severity = finding.severity.rawValue
                url = finding.url
                line = finding.line
                evidence = finding.evidence
                message = finding.message
                self.change = change?.rawValue
            }

            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(rule, forKey: .rule)
                try c.encode(severity, forKey: .severity)
                try c.encode(url, forKey: .url)
                try c.encode(line, forKey: .line)  // null when absent: the key is always there
                try c.encode(evidence, forKey: .evidence)
                try c.encode(message, forKey: .message)
                try c.encodeIfPresent(change, forKey: .change)
                try c.encodeIfPresent(page, forKey: .page)
            }

            enum CodingKeys: String, CodingKey { case rule, severity, url, line, evidence, message, change, page }
        }
    }

    /// Sorted keys, snake_case, two-space indentation, unescaped slashes, a final newline: `JSONEncoder`'s pretty
    /// format, written directly (`PrettyJSON`).
    public static func json(_ document: Document) throws -> [UInt8] { try document.json() }

    /// Four decimals: enough for shares and similarities, and the same text on every platform.
    static func rounded(_ x: Double) -> Double { (x * 10000).rounded(.toNearestOrAwayFromZero) / 10000 }
}

/// How a finding relates to the previous snapshot's audit.
public enum FindingChange: String, Sendable, Hashable {
    case new
    case persisting
}
