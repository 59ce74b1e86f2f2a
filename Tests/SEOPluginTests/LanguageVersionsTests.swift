import HeraldData
import Testing
@testable import SEOPlugin

/// hreflang-missing: pages the crawl holds in several languages without hreflang annotations.
@Suite struct LanguageVersionsTests {
    @Test(arguments: [("en-US", true), ("fr", true), ("zh_TW", true), ("sr-Latn", true), ("pt-BR", true),
                      ("library", false), ("c-api", false), ("xx", false), ("en-USA1", false), ("2024", false)])
    func languageFolders(_ segment: String, _ expected: Bool) {
        #expect(LanguageVersions.isLanguageFolder(Substring(segment)) == expected)
    }

    @Test(arguments: ["/browse/en-US/apt.html", "", "/", "//a//", "a", "/é/x", "/a/\u{301}b/c"])
    func pathSegmentsAreTheCharacterSplit(_ path: String) {
        #expect(LanguageVersions.pathSegments(path) == path.split(separator: "/", omittingEmptySubsequences: false))
    }

    @Test func aPageInTwoGroupsGetsTheLanguagesOfBoth() {
        let versions = LanguageVersions.versions(["https://e.com/de/en/a.html", "https://e.com/fr/en/a.html",
                                                  "https://e.com/de/it/a.html", "https://e.com/de/en/b.html"])
        #expect(versions["https://e.com/de/en/a.html"] == ["fr", "it"])
        #expect(versions["https://e.com/fr/en/a.html"] == ["de"])
        #expect(versions["https://e.com/de/en/b.html"] == nil)
    }

    static func audit(_ paths: [String], hreflang: Bool = false) -> [SEOFinding] {
        let pages = paths.map { path -> HeraldData.CrawledPage in
            var document = Fixture.Document()
            if hreflang {
                document.head += paths.map { "<link rel=\"alternate\" hreflang=\"\($0.split(separator: "/")[0])\" href=\"\(Fixture.site)\($0)\">" }
            }
            return Fixture.page(path, document)
        }
        return Fixture.audit(Fixture.crawl(pages[0], extra: Array(pages.dropFirst()))).findings.filter { $0.rule == .hreflangMissing }
    }

    @Test func versionsWithoutHreflangAreReported() throws {
        let found = Self.audit(["en-US/apt.html", "fr-FR/apt.html", "de-DE/apt.html", "en-US/only.html"])
        #expect(found.map(\.url) == ["https://example.com/de-DE/apt.html", "https://example.com/en-US/apt.html",
                                     "https://example.com/fr-FR/apt.html"])
        let english = try #require(found.first { $0.url.contains("en-US") })
        #expect(english.message == "2 other language versions in the crawl (de-DE, fr-FR) and no hreflang annotations")
        #expect(english.evidence == "<head>")
    }

    @Test func annotatedVersionsAreNot() {
        #expect(Self.audit(["en/a.html", "de/a.html"], hreflang: true).isEmpty)
        #expect(Self.audit(["docs/a.html", "blog/a.html"]).isEmpty)
    }
}
