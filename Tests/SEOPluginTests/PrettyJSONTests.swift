import Foundation
import Testing
@testable import SEOPlugin

/// `findings.json` and `herald audit`'s JSON are written by `PrettyJSON`: byte for byte what `JSONEncoder` wrote
/// with the format the exports have always had.
@Suite struct PrettyJSONTests {
    /// The reference: the encoder settings of the exports before `PrettyJSON`.
    static func encoded(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return Array(try encoder.encode(value)) + [0x0A]
    }

    static let controls = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))

    static let texts = [
        "", "plain", "\"quoted\"", "back\\slash\\", "a/b//c</script>", controls, "\u{7F}del", "é日本語😀", "\u{2028}\u{2029}",
        "tab\tnew\nline\r\n", "<&'>", "\\u0041", "\u{0}",
        // Long enough for the eight-byte scan, with something to escape at either end of a word and none at all.
        "0123456\"89abcde\\ghijklmnopqrstuvwxyz!#$%&'()*+,-./:;<=>?@[]^_`{|}~\u{7F}", "\u{1F}1234567" + controls + "é日本語😀 x",
    ]

    static func finding(_ text: String, line: Int?) -> SEOFinding {
        SEOFinding(rule: .titleMissing, url: "https://example.com/" + text, line: line, evidence: text, message: "m " + text)
    }

    /// A document with every optional member present and every list filled.
    static func full(_ text: String) -> FindingExport.Document {
        var findings = [FindingExport.Document.Finding(finding(text, line: 3), change: .new),
                        FindingExport.Document.Finding(finding(text, line: nil), change: nil)]
        findings[0].page = "pages/" + text + ".html"
        return FindingExport.Document(
            tenant: text, snapshot: "2026-12-01", previousSnapshot: text, generatedAt: "2026-12-01T00:00:00Z",
            settings: .init(titleMaxLength: 60, descriptionMaxLength: 155, disabledRules: [text, "b"], maxCrawlDepth: 4,
                            nearDuplicateThreshold: 0.9, duplicateMinWords: 50, trendSnapshots: 6),
            pages: .init(html: 12, audited: 10, limit: 10, notAudited: [text]),
            links: .init(checked: 100, outOfScope: 3, external: -1,
                         depth: .init(home: text, distribution: [.init(depth: 0, pages: 1), .init(depth: 1, pages: 12345)],
                                      unreachable: [text])),
            counts: .init(total: 2, error: 1, warning: 0, notice: 1, new: 1, fixed: 0),
            rules: [.init(id: "title-missing", severity: "error", title: text, count: 2)],
            score: .init(value: 97.25, rules: [.init(id: "a", severity: "notice", pages: 3, share: 0.0001, factor: 1)]),
            trend: [.init(snapshot: "2026-11-01", error: 1, warning: 2, notice: 3, total: 6, score: 100),
                    .init(snapshot: "2026-12-01", error: 0, warning: 0, notice: 0, total: 0, score: nil)],
            duplicateGroups: [.init(rule: "title-duplicate", value: text, urls: [text, "x"])],
            contentGroups: [.init(rule: "near-duplicate", words: 80, similarityMin: 0.9007, similarityMax: 1, urls: [text])],
            findings: findings, fixed: [findings[1]])
    }

    /// Every optional member absent, every list empty.
    static let empty = FindingExport.Document(
        tenant: "t", snapshot: "s", previousSnapshot: nil, generatedAt: "g",
        settings: .init(titleMaxLength: 1, descriptionMaxLength: 2, disabledRules: []),
        pages: .init(html: 0, audited: 0, limit: nil, notAudited: []),
        links: .init(checked: 0, outOfScope: 0, external: 0, depth: .init(home: nil, distribution: [], unreachable: [])),
        counts: .init(total: 0, error: 0, warning: 0, notice: 0, new: nil, fixed: nil),
        rules: [], score: nil, trend: [], duplicateGroups: [], contentGroups: [], findings: [], fixed: [])

    @Test("the eight-byte scan flags a word exactly when one of its bytes needs escaping (among plain letters)")
    func wordScan() {
        for byte in UInt8.min...UInt8.max {
            let escaped = byte < 0x20 || byte == 0x22 || byte == 0x5C
            for position in 0..<8 {
                var word = [UInt8](repeating: 0x61, count: 8)
                word[position] = byte
                #expect(PrettyJSON.mayNeedEscape(word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }) == escaped)
            }
        }
    }

    @Test("findings.json is JSONEncoder's output", arguments: texts)
    func findingsDocument(text: String) throws {
        let document = Self.full(text)
        #expect(try FindingExport.json(document) == Self.encoded(document))
    }

    @Test func emptyDocument() throws {
        let bytes = try FindingExport.json(Self.empty)
        #expect(bytes == (try Self.encoded(Self.empty)))
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"findings\" : [\n\n  ],\n"))
    }

    @Test("herald audit's JSON is JSONEncoder's output", arguments: texts)
    func pageDocument(text: String) throws {
        let html = "<html><head><title>\(text)</title></head><body><h1>\(text)</h1><img src=\"\(text)\"></body></html>"
        let document = PageAuditReport.document(html: Array(html.utf8), url: "https://example.com/" + text)
        #expect(try PageAuditReport.json(document) == Self.encoded(document))
    }

    @Test("numbers as JSONEncoder writes them", arguments: [
        0, -0.0, 1, 0.1, 1e-05, 0.0001, 1e15, 1e16, 123456789012345678, 25.6, -3.5, 1e300, 5e-324, 2, 100, 0.9475,
    ])
    func double(value: Double) throws {
        var json = PrettyJSON()
        try json.double(value)
        let reference = try JSONEncoder().encode([value])
        #expect("[" + String(decoding: json.bytes, as: UTF8.self) + "]" == String(decoding: reference, as: UTF8.self))
    }

    @Test("non-finite numbers are refused, as JSONEncoder refuses them", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(value: Double) {
        var json = PrettyJSON()
        #expect(throws: PrettyJSON.NonFiniteNumber.self) { try json.double(value) }
    }

    @Test("a key that is not a literal is escaped")
    func dynamicKey() throws {
        let bytes = PrettyJSON.document { json in
            json.key("a\"b")
            json.int(1)
            json.member("c", 12)
        }
        #expect(bytes == (try Self.encoded(["a\"b": 1, "c": 12])))
    }
}
