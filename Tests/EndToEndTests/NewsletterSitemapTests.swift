import Foundation
import Generator
import HeraldData
import Testing

@Suite("The newsletter's public pages are in the tenant's sitemap")
struct NewsletterSitemapTests {
    @Test("web versions, the archive and both feeds are listed in sitemap.xml")
    func newsletterPagesAreInTheSitemap() throws {
        let fixture = try ProjectFixture.hostile()
        defer { fixture.remove() }
        let (output, results) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        #expect(results.first?.failure == nil)
        let files = ProjectFixture.tree(output)
        let sitemap = String(decoding: try #require(files["evil/site/sitemap.xml"]), as: UTF8.self)
        let issuePages = files.keys.filter { $0.hasPrefix("evil/site/newsletter/") && $0.hasSuffix("/index.html") && $0 != "evil/site/newsletter/index.html" }
        #expect(!issuePages.isEmpty)
        var expected = issuePages.map { "https://evil.example/" + $0.dropFirst("evil/site/".count).dropLast("index.html".count) }
        expected += ["https://evil.example/newsletter/", "https://evil.example/newsletter/feed.xml", "https://evil.example/newsletter/atom.xml"]
        for url in expected {
            #expect(sitemap.contains("<loc>\(url)</loc>"), "\(url) is missing from sitemap.xml")
            let file = "evil/site/" + url.dropFirst("https://evil.example/".count) + (url.hasSuffix("/") ? "index.html" : "")
            #expect(files[file] != nil, "\(file) is in the sitemap but not written")
        }
    }
}
