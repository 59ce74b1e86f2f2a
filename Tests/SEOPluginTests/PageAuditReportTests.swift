import Foundation
import HeraldData
import Testing
@testable import SEOPlugin

/// `herald audit`: one document's per-page findings as JSON, schema herald.seo.page/1.
@Suite struct PageAuditReportTests {
    static let url = "https://example.com/docs/page.html"

    static func json(_ html: String, headers: [(name: String, value: String)] = [], status: Int = 200) throws -> [String: Any] {
        let bytes = try PageAuditReport.json(PageAuditReport.document(html: Array(html.utf8), url: url, headers: headers, status: status))
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    static let page = """
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"><title>Page</title>
        <link rel="canonical" href="../page.html">
        </head>
        <body><h1>One</h1><h1>Two</h1><img src="a.png"></body>
        </html>
        """

    @Test func documentSchemaAndSortedFindings() throws {
        let object = try Self.json(Self.page)
        #expect(Set(object.keys) == ["schema", "url", "status", "charset", "settings", "counts", "findings"])
        #expect(object["schema"] as? String == "herald.seo.page/1")
        #expect(object["url"] as? String == Self.url)
        #expect(object["status"] as? Int == 200)
        #expect(object["charset"] as? [String: String] == ["label": "utf-8", "source": "<meta charset>"])
        #expect(object["counts"] as? [String: Int] == ["total": 11, "error": 0, "warning": 5, "notice": 6])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["canonical-relative", "content-low", "description-missing", "h1-multiple",
                                                          "h1-multiple", "html-lang-missing", "image-alt-missing", "og-missing",
                                                          "title-too-narrow", "title-too-short", "viewport-missing"])
        #expect(findings.allSatisfy { Set($0.keys) == ["rule", "severity", "url", "line", "evidence", "message"] })
        let canonical = findings[0]
        #expect(canonical["line"] as? Int == 4)
        #expect(canonical["evidence"] as? String == "<link rel=\"canonical\" href=\"../page.html\">")
        #expect(canonical["message"] as? String == "canonical is relative; resolves to https://example.com/page.html")
        #expect(findings[2]["line"] as? Int == 3)  // description-missing points at <head>
    }

    @Test func headersCarryTheCharsetAndRobotsDirectives() throws {
        let html = "<!DOCTYPE html><html lang=\"fr\"><head><title>Caf\u{E9}</title></head><body><h1>x</h1></body></html>"
        let latin1 = html.unicodeScalars.map { UInt8($0.value) }
        let document = PageAuditReport.document(html: latin1, url: Self.url,
                                                headers: [("Content-Type", "text/html; charset=ISO-8859-1"), ("X-Robots-Tag", "noindex")])
        #expect(document.charset.label == "iso-8859-1" && document.charset.source == "Content-Type header")
        // The header's noindex is reported once, as Lighthouse's is-crawlable failure, not again as robots-noindex.
        #expect(document.findings.map(\.rule).contains("robots-blocked-all"))
        #expect(!document.findings.map(\.rule).contains("robots-noindex"))
        #expect(!document.findings.map(\.rule).contains("encoding-invalid"))
        let noindex = try #require(document.findings.first { $0.rule == "robots-blocked-all" })
        #expect(noindex.evidence == "X-Robots-Tag: noindex" && noindex.line == nil)
        // An absent line is null in the JSON, never a missing key.
        let bytes = try PageAuditReport.json(document)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"evidence\" : \"X-Robots-Tag: noindex\",\n      \"line\" : null,"))
    }

    @Test func sameInputSameBytes() throws {
        let a = try PageAuditReport.json(PageAuditReport.document(html: Array(Self.page.utf8), url: Self.url))
        let b = try PageAuditReport.json(PageAuditReport.document(html: Array(Self.page.utf8), url: Self.url))
        #expect(a == b && a.last == 0x0A)
    }

    @Test func headersFile() throws {
        let text = "HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\nX-Robots-Tag: noindex,\r\n  nofollow\r\n\r\n"
        let parsed = try PageAuditReport.headers(Array(text.utf8), file: "h.txt")
        #expect(parsed.status == 301)
        #expect(parsed.headers.map { "\($0.name)=\($0.value)" } == ["location=/new", "x-robots-tag=noindex, nofollow"])
    }

    @Test(arguments: [
        ("Content-Type text/html\n", "h.txt:1: error: expected 'Name: value', found 'Content-Type text/html'"),
        ("Server: x\nHTTP/1.1 200 OK\n", "h.txt:2: error: expected one status line such as 'HTTP/1.1 200 OK' before the headers, found 'HTTP/1.1 200 OK'"),
        ("HTTP/1.1 OK\n", "h.txt:1: error: expected one status line such as 'HTTP/1.1 200 OK' before the headers, found 'HTTP/1.1 OK'"),
    ])
    func malformedHeadersFiles(text: String, error: String) {
        var message = ""
        do { _ = try PageAuditReport.headers(Array(text.utf8), file: "h.txt") } catch let d { message = d.description }
        #expect(message == error)
    }
}
