import Foundation
import HeraldData
import Testing
@testable import SEOPlugin

/// Facts of the Python 3.11 documentation as Debian ships it (see ../shared/corpus/crawl/README.md).
@Suite(.enabled(if: PythonDocsFixture.isAvailable, "needs /usr/share/doc/python3.11/html (apt-get install -y python3.11-doc)"))
struct PythonDocsTests {
    static let audit: SEOAudit? = {
        guard PythonDocsFixture.isAvailable, let pages = try? PythonDocsFixture.pages() else { return nil }
        let start = ContinuousClock.now
        let audit = SEOAudit(pages: pages, settings: SEOSettings(), baseURL: PythonDocsFixture.baseURL)
        print("pydocs audit: \(audit.auditedURLs.count) pages, \(audit.findings.count) findings in \(ContinuousClock.now - start)")
        return audit
    }()

    func findings(_ rule: SEORule) throws -> [SEOFinding] {
        try #require(Self.audit).findings.filter { $0.rule == rule }
    }

    @Test func auditsEveryPage() throws {
        #expect(try #require(Self.audit).auditedURLs.count == 530)
    }

    @Test func fileCanonicalOnEveryPage() throws {
        let found = try findings(.canonicalInvalidScheme)
        #expect(Set(found.map(\.url)).count == 530)
        #expect(found.allSatisfy { $0.evidence.contains("href=\"file:///usr/share/doc/python3.11/html/") })
    }

    @Test func noMetaDescriptions() throws {
        #expect(try findings(.descriptionMissing).count == 530)
    }

    @Test func overLongTitles() throws {
        let found = try findings(.titleTooLong)
        print("title-too-long: \(found.count)")
        #expect(found.count == 261)
        #expect(found.allSatisfy { $0.evidence.count > 60 && !$0.evidence.contains("&#8212;") })
    }

    @Test func viewportTwiceOnEveryPage() throws {
        let found = try findings(.viewportDuplicate)
        #expect(found.count == 530)
        #expect(Set(found.map(\.url)).count == 530)
    }

    @Test func linksToTheMissingChangelog() throws {
        let found = try findings(.linkNotCrawled)
        #expect(found.count == 1449)  // link instances, as in the crawl README
        #expect(found.allSatisfy { $0.message.contains("https://docs.python.org/3.11/whatsnew/changelog.html") })
        #expect(try findings(.linkBroken).isEmpty)
    }

    /// The survey of the 530 files: 11 pages with several h1, 2 with none; the duplicate-title groups.
    @Test func headingsAndDuplicates() throws {
        let audit = try #require(Self.audit)
        print("h1-multiple pages: \(Set(try findings(.h1Multiple).map(\.url)).count), h1-missing: \(try findings(.h1Missing).count), "
              + "groups: \(audit.duplicateGroups.map { "\($0.value) ×\($0.urls.count)" })")
        #expect(Set(try findings(.h1Multiple).map(\.url)).count == 11)
        #expect(try findings(.h1Missing).count == 2)
        let titleGroups = audit.duplicateGroups.filter { $0.rule == .titleDuplicate }
        #expect(titleGroups.count == 5)
        #expect(titleGroups.first { $0.value == "Index — Python 3.11.2 documentation" }?.urls.count == 30)
        #expect(try findings(.imageAltMissing).isEmpty)
    }

    @Test func htmlLangEverywhere() throws {
        #expect(try findings(.htmlLangMissing).isEmpty)
    }
}
