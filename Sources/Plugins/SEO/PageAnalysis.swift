import HeraldData
import Markup

/// Everything Herald learns from parsing one crawled page: its charset and its facts. Computed once per build and
/// shared through the crawl's memo, so the SEO audit and the sitemap (either may run alone) parse each page once.
public struct PageAnalysis: Sendable {
    public var facts: PageFacts
    public var charset: HTMLCharset.Detected
    /// Why the body could not be read cleanly in its charset (a finding), nil when it could.
    public var charsetProblem: String?
    /// What the source bytes of `<head>` show (elements that end it early, where the charset is declared).
    public var head: HeadSource

    /// Decodes the body to UTF-8 (charset from the Content-Type header, a BOM or `<meta charset>`) and parses it.
    public init(page: CrawledPage) {
        let decoded = HTMLCharset.decode(contentType: page.header("content-type"), body: page.body)
        facts = PageFacts(html: decoded.utf8)
        charset = decoded.charset
        charsetProblem = decoded.problem
        head = HeadSource(decoded.utf8)
    }

    static let memoKind = "seo.page-analysis"

    /// The page's analysis from `crawl`'s memo, computed now when no plugin has yet. Without a crawl, computed.
    public static func of(_ page: CrawledPage, in crawl: Crawl?) -> PageAnalysis {
        guard let crawl else { return PageAnalysis(page: page) }
        return crawl.memo.value(memoKind, url: page.url) { PageAnalysis(page: page) }
    }
}
