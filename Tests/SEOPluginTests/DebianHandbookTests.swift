import Foundation
import HeraldData
import Testing
@testable import SEOPlugin

/// Facts of the Debian Administrator's Handbook as Debian's `debian-handbook` package ships it
/// (/usr/share/doc/debian-handbook/html: 127 pages in each of 26 languages, one folder per language, an absolute
/// canonical to debian-handbook.info on every page, no hreflang, no `<html lang>`), imported as a crawl under
/// https://debian-handbook.info/browse/. Expected values are computed here by scanning the files, not copied from
/// Herald's output.
@Suite(.enabled(if: DebianHandbookFixture.isAvailable, "needs /usr/share/doc/debian-handbook/html (apt-get install -y debian-handbook)"))
struct DebianHandbookTests {
    static let folder = DebianHandbookFixture.folder
    static let baseURL = DebianHandbookFixture.baseURL
    static var isAvailable: Bool { DebianHandbookFixture.isAvailable }

    /// One HTML file of the package, as scanned with plain byte searches.
    struct File {
        var url: String
        var language: String
        var name: String
        var canonical: String?
        var htmlHasLang: Bool
        var mentionsHreflang: Bool
    }

    static let crawl: (pages: Crawl, files: [File])? = {
        guard isAvailable, let pages = try? SiteFolder.pages(folder: folder, baseURL: baseURL) else { return nil }
        let files = pages.filter(\.isHTML).map { page -> File in
            let text = String(decoding: page.body, as: UTF8.self)
            let relative = String(page.url.dropFirst(baseURL.count))
            let parts = relative.split(separator: "/", maxSplits: 1)
            let canonical = text.range(of: "rel=\"canonical\" href=\"").map { start in
                String(text[start.upperBound...].prefix { $0 != "\"" })
            }
            let htmlTag = text.range(of: "<html").map { String(text[$0.lowerBound...].prefix { $0 != ">" }) } ?? ""
            return File(url: page.url, language: String(parts[0]), name: parts.count > 1 ? String(parts[1]) : "",
                        canonical: canonical, htmlHasLang: htmlTag.contains(" lang=") || htmlTag.contains("xml:lang="),
                        mentionsHreflang: text.contains("hreflang"))
        }
        return (Crawl(pages: pages), files)
    }()

    /// Audited through the crawl, whose memo keeps each page's parse for the checks below.
    static let audit: SEOAudit? = crawl.map { SEOAudit(crawl: $0.pages, settings: SEOSettings(), baseURL: baseURL) }

    func files() throws -> [File] { try #require(Self.crawl).files }
    func urls(_ rule: SEORule) throws -> Set<String> { Set(try #require(Self.audit).findings.filter { $0.rule == rule }.map(\.url)) }

    @Test func pagesAndLanguages() throws {
        let files = try files()
        let languages = Set(files.map(\.language))
        #expect(files.count == 3302 && languages.count == 26)
        #expect(try #require(Self.audit).auditedURLs == files.map(\.url).sorted())
        // Every language has the same 127 pages.
        let names = Dictionary(grouping: files, by: \.language).mapValues { Set($0.map(\.name)) }
        #expect(Set(names.values).count == 1 && names.values.first?.count == 127)
    }

    /// Each page's canonical is absolute and names the online copy: /browse/stable/PAGE for English,
    /// /browse/LANG/stable/PAGE for the other languages. None is the page's own URL here, so no page is indexable
    /// and the sitemap lists none.
    @Test func canonicalsAreAbsoluteAndPointAtTheOnlineEdition() throws {
        let files = try files()
        #expect(files.allSatisfy { $0.canonical != nil })
        for file in files {
            let expected = Self.baseURL + (file.language == "en-US" ? "" : file.language + "/") + "stable/" + file.name
            #expect(file.canonical == expected, "\(file.url)")
        }
        for rule: SEORule in [.canonicalMissing, .canonicalRelative, .canonicalInvalidScheme, .canonicalConflicting] {
            #expect(try urls(rule).isEmpty, "\(rule)")
        }
        let crawl = try #require(Self.crawl).pages
        let indexable = crawl.pages.filter(\.isHTML).filter { Indexability.isIndexable($0, facts: PageAnalysis.of($0, in: crawl).facts) }
        #expect(indexable.count == files.filter { $0.canonical == $0.url }.count)
    }

    /// No page has hreflang annotations although every page exists in 26 languages: each is reported as
    /// hreflang-missing, naming the other 25; no other hreflang rule fires.
    @Test func hreflangAbsenceIsReportedAsMissing() throws {
        let files = try files()
        #expect(!files.contains { $0.mentionsHreflang })
        let namesInSeveralLanguages = Set(Dictionary(grouping: files, by: \.name).filter { Set($0.value.map(\.language)).count > 1 }.keys)
        #expect(try urls(.hreflangMissing) == Set(files.filter { namesInSeveralLanguages.contains($0.name) }.map(\.url)))
        let audit = try #require(Self.audit)
        let finding = try #require(audit.findings.first { $0.rule == .hreflangMissing })
        #expect(finding.message.hasPrefix("25 other language versions in the crawl ("))
        for rule: SEORule in [.hreflangInvalid, .hreflangReturnMissing, .hreflangSelfMissing, .hreflangTargetInvalid] {
            #expect(try urls(rule).isEmpty, "\(rule)")
        }
    }

    @Test func htmlLangMissingWhereTheTagHasNone() throws {
        #expect(try urls(.htmlLangMissing) == Set(try files().filter { !$0.htmlHasLang }.map(\.url)))
    }
}

enum DebianHandbookFixture {
    static let folder = "/usr/share/doc/debian-handbook/html"
    static let baseURL = "https://debian-handbook.info/browse/"
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: folder + "/en-US/index.html") }
}
