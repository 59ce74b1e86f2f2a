import HeraldData
import Testing
@testable import SEOPlugin

/// A crawl of another host than the tenant's base URL (a staging server, a local copy such as the pydocs WARC on
/// 127.0.0.1:8765) is audited as a foreign site by the site-wide checks: the build says so, naming the crawl's origin.
struct OriginMismatchTests {
    static let tenant = TenantConfig(id: "docs", name: "Docs", baseURL: "https://docs.python.org/3.11/", edition: "pro")

    @Test("warned when no audited page is on the base URL's origin", arguments: [
        (["http://127.0.0.1:8765/index.html", "http://127.0.0.1:8765/os.html"], "https://docs.python.org/3.11/", "http://127.0.0.1:8765"),
        (["http://docs.python.org/3.11/index.html"], "https://docs.python.org/3.11/", "http://docs.python.org"),
        (["https://staging.example/a"], "https://www.example/", "https://staging.example"),
    ])
    func warned(audited: [String], baseURL: String, crawlOrigin: String) throws {
        let notice = try #require(SEOPlugin.originMismatch(audited, baseURL: baseURL, tenant: Self.tenant))
        #expect(notice.severity == .warning)
        #expect(notice.location.keyPath == "base_url")
        #expect(notice.message.contains(crawlOrigin))
        #expect(notice.message.contains("\(audited.count) audited page"))
    }

    @Test("quiet when a page is on the origin (ports, case and default ports normalised) or nothing was audited", arguments: [
        (["https://DOCS.python.org:443/3.11/x.html"], "https://docs.python.org/3.11/"),
        (["http://127.0.0.1:8765/a", "https://docs.python.org/3.11/"], "https://docs.python.org/3.11/"),
        ([], "https://docs.python.org/3.11/"),
        // A page outside the base URL's folder but on its origin is the same site.
        (["https://docs.python.org/3.12/index.html"], "https://docs.python.org/3.11/"),
    ])
    func quiet(audited: [String], baseURL: String) {
        #expect(SEOPlugin.originMismatch(audited, baseURL: baseURL, tenant: Self.tenant) == nil)
    }
}
