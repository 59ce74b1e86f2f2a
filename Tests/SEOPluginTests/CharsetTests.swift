import HeraldData
import Testing
@testable import SEOPlugin

/// The page is read in its charset before the rules look at it; bytes it cannot read are a finding.
@Suite struct CharsetTests {
    static func page(title: [UInt8], contentType: String, meta: String = "") -> CrawledPage {
        let body = Array("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\(meta)<title>".utf8) + title + Array("</title></head><body></body></html>".utf8)
        return CrawledPage(url: Fixture.site + "page.html", status: 200, headers: [(name: "content-type", value: contentType)],
                           body: body, location: SourceLocation(file: "crawl.ndjson"))
    }

    static let cafeLatin1: [UInt8] = [0x43, 0x61, 0x66, 0xE9]

    @Test(arguments: [
        ("text/html; charset=iso-8859-1", ""),
        ("text/html", "<meta charset=\"windows-1252\">"),
        ("text/html", "<meta http-equiv=\"content-type\" content=\"text/html; charset=latin1\">"),
    ])
    func latin1PagesAreReadInTheirCharset(contentType: String, meta: String) {
        let page = Self.page(title: Self.cafeLatin1, contentType: contentType, meta: meta)
        let analysis = PageAnalysis(page: page)
        #expect(analysis.facts.title == "Café")
        #expect(analysis.charsetProblem == nil)
        #expect(!Fixture.audit([page]).findings.contains { $0.rule == .encodingInvalid })
    }

    @Test func latin1BytesInAUTF8PageAreAFinding() throws {
        let page = Self.page(title: Self.cafeLatin1, contentType: "text/html; charset=utf-8")
        let finding = try #require(Fixture.audit([page]).findings.first { $0.rule == .encodingInvalid })
        #expect(finding.severity == .warning)
        #expect(finding.evidence == "Content-Type: text/html; charset=utf-8")
        #expect(finding.message == "the body is not valid UTF-8 (charset from the Content-Type header): first bad byte at offset 49")
        // The rest of the audit still runs on the repaired text.
        #expect(PageAnalysis(page: page).facts.title == "Caf\u{FFFD}")
    }

    @Test func theRuleCanBeDisabled() {
        var settings = SEOSettings()
        settings.disabledRules = ["encoding-invalid"]
        let page = Self.page(title: Self.cafeLatin1, contentType: "text/html")
        #expect(!Fixture.audit([page], settings: settings).findings.contains { $0.rule == .encodingInvalid })
    }
}
