import Foundation
import HeraldData
import Testing
@testable import SEOPlugin

/// The audit of the shared WARC crawl of the Python 3.11 docs, against the expected results in
/// ../shared/corpus/crawl/README.md ("this crawl, 527 responses").
@Suite(.enabled(if: PythonDocsWARC.path != nil, "needs ../shared/corpus/crawl/pydocs-3.11.warc.gz; skipped"))
struct PythonDocsWARCAuditTests {
    static let audit: SEOAudit? = {
        guard let crawl = PythonDocsWARC.crawl() else { return nil }
        return SEOAudit(crawl: crawl, settings: SEOSettings(), baseURL: PythonDocsWARC.baseURL)
    }()

    func findings(_ rule: SEORule) throws -> [SEOFinding] { try #require(Self.audit).findings.filter { $0.rule == rule } }

    @Test func auditsThe527HTMLResponses() throws {
        let audit = try #require(Self.audit)
        #expect(audit.htmlPageCount == 527 && audit.auditedURLs.count == 527)
        #expect(try findings(.htmlLangMissing).isEmpty)
        #expect(try findings(.descriptionMissing).count == 527)
        #expect(try findings(.encodingInvalid).isEmpty)  // HTML has no charset header; <meta charset="utf-8"> decides
    }

    @Test func fileCanonicalsAreInvalidNotCrossDomain() throws {
        let found = try findings(.canonicalInvalidScheme)
        #expect(Set(found.map(\.url)).count == 527)
        #expect(found.allSatisfy { $0.evidence.contains("href=\"file:///usr/share/doc/python3.11/html/") })
        #expect(try findings(.canonicalRelative).isEmpty)
    }

    @Test func titlesHeadingsViewports() throws {
        #expect(try findings(.titleTooLong).count == 259)
        #expect(Set(try findings(.viewportDuplicate).map(\.url)).count == 527)
        let multiple = try findings(.h1Multiple)
        var perPage: [String: Int] = [:]
        for finding in multiple { perPage[finding.url, default: 0] += 1 }
        #expect(perPage.count == 11)
        #expect(perPage.values.sorted() == [2, 2, 2, 2, 2, 2, 3, 3, 4, 8, 9])
        #expect(try findings(.h1Missing).isEmpty)
        #expect(try findings(.imageAltMissing).isEmpty)
    }

    @Test func duplicateTitleGroups() throws {
        let groups = try #require(Self.audit).duplicateGroups.filter { $0.rule == .titleDuplicate }
        #expect(groups.map(\.urls.count).sorted() == [2, 2, 2, 2, 30])
        #expect(groups.first { $0.value == "Index — Python 3.11.2 documentation" }?.urls.count == 30)
        #expect(groups.first { $0.value == "3.11.2 Documentation" }?.urls == [PythonDocsWARC.baseURL, PythonDocsWARC.baseURL + "index.html"])
    }

    /// `/` and `/index.html` are the same page (README: "`/` duplicating `/index.html` with no redirect"); no other two
    /// pages share 90 % of their main text, not even the 30 genindex pages that share a title.
    @Test func duplicateContent() throws {
        let groups = try #require(Self.audit).contentGroups
        #expect(groups.map(\.rule) == [.contentDuplicate])
        #expect(groups.first?.urls == [PythonDocsWARC.baseURL, PythonDocsWARC.baseURL + "index.html"])
        #expect(try findings(.contentDuplicate).count == 2 && findings(.nearDuplicate).isEmpty)
    }

    @Test func theChangelog404IsTheOnlyBrokenLink() throws {
        let broken = try findings(.linkBroken)
        #expect(broken.count == 1449)
        #expect(broken.allSatisfy { $0.message.contains(PythonDocsWARC.baseURL + "whatsnew/changelog.html") })
        #expect(try findings(.linkNotCrawled).isEmpty)
        #expect(try findings(.robotsTxtBlocked).isEmpty)  // /robots.txt answered 404
    }

    @Test func everyPageIsCrawlableWithoutDirectives() throws {
        #expect(try findings(.robotsBlockedAll).isEmpty)
        #expect(try findings(.robotsBlockedSome).isEmpty)
        #expect(try findings(.robotsDirective).isEmpty)
    }

    @Test func noHreflangNoRedirects() throws {
        for rule in [SEORule.hreflangInvalid, .hreflangReturnMissing, .hreflangSelfMissing, .hreflangTargetInvalid,
                     .redirectChain, .redirectLoop, .linkRedirect, .canonicalHeaderConflict, .canonicalTargetInvalid, .orphanPage,
                     .mixedContent, .formInsecure, .structuredDataInvalid] {  // an http:// crawl; no forms or JSON-LD
            #expect(try findings(rule).isEmpty)
        }
    }

    @Test func everyPageWithinThreeClicksOfHome() throws {
        let depth = try #require(Self.audit).depth
        #expect(depth.home == PythonDocsWARC.baseURL)
        #expect(depth.distribution.map(\.depth) == [0, 1, 2, 3])
        #expect(depth.distribution.map(\.pages) == [1, 22, 495, 9])
        #expect(depth.unreachable.isEmpty)
        #expect(try findings(.crawlDepth).isEmpty)
    }

    @Test func sphinxBreadcrumbsAreEmptyHrefs() throws {
        // Each page's breadcrumb ends (top and bottom navigation) with <a href=""> for the page itself.
        let anchors = try findings(.crawlableAnchors)
        #expect(anchors.count == 1054 && Set(anchors.map(\.url)).count == 527)
        #expect(anchors.allSatisfy { $0.evidence == "<a href=\"\">" && $0.message == "href is empty" })
        let text = try findings(.linkText)
        #expect(text.map(\.evidence) == ["<a class=\"reference external\" href=\"https://infra.psf.io\">here</a>"])
    }
}

enum PythonDocsWARC {
    static let baseURL = "http://127.0.0.1:8765/"

    static let path: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var candidates: [String] = []
        if let shared = ProcessInfo.processInfo.environment["HERALD_SHARED"], !shared.isEmpty { candidates.append(shared) }
        candidates.append(root.deletingLastPathComponent().appendingPathComponent("shared").path)
        return candidates.map { $0 + "/corpus/crawl/pydocs-3.11.warc.gz" }.first { FileManager.default.fileExists(atPath: $0) }
    }()

    static func crawl() -> Crawl? {
        guard let path, let bytes = try? LocalFileSystem().read(path) else { return nil }
        let result = WARCCrawlLoader.load([("pydocs-3.11.warc.gz", bytes)])
        return result.hasErrors ? nil : result.crawl
    }
}
