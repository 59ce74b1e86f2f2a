import Generator
import HeraldData
import SEOPlugin

/// `site/sitemap.xml` (or split files plus `site/sitemap_index.xml`) and `site/robots.txt` for a tenant:
/// the crawl's indexable pages under the base URL plus every page the content plugins published.
public struct SitemapPlugin: Plugin {
    public let id = "sitemap"
    public var phase: PluginPhase { .index }
    public let limits: SitemapLimits

    public init(limits: SitemapLimits = .standard) {
        self.limits = limits
    }

    public func check(_ input: PluginCheckInput) -> [Diagnostic] {
        diagnostics(at: input.settings.node.location) { _ = try SitemapSettings.load(input.settings) }
    }

    public func run(_ input: PluginInput) throws -> PluginOutput {
        let settings = try SitemapSettings.load(input.settings)
        let baseURL = input.tenant.baseURL.hasSuffix("/") ? input.tenant.baseURL : input.tenant.baseURL + "/"
        var notices: [Diagnostic] = []
        var location = input.tenant.location
        location.keyPath = "base_url"

        var entries: [SitemapEntry] = []
        if settings.includeCrawl, let crawl = input.snapshot.crawl {
            entries += SitemapURLs.crawled(crawl, baseURL: baseURL, settings: settings, now: input.now,
                                      jobs: input.jobs).entries
        }
        let published = SitemapURLs.published(input.reports, baseURL: baseURL)
        entries += published.entries
        for page in published.outside {
            notices.append(Diagnostic("published page \(page) lies outside the base URL \(baseURL) and is not in the sitemap",
                                      at: location, severity: .warning))
        }
        entries = SitemapURLs.merged(entries)

        let written: (files: [SitemapWriter.File], root: String?)
        do {
            written = try SitemapWriter.files(entries, baseURL: baseURL, limits: limits)
        } catch {
            throw Diagnostic("cannot write the sitemap: \(error.description)", at: location)
        }
        var artifacts = try written.files.map { try Artifact("site/" + $0.name, bytes: $0.bytes) }
        if written.root == nil {
            notices.append(Diagnostic("no indexable URLs for the sitemap (crawl pages must answer 200, be HTML, not noindex, "
                                      + "and have no canonical or a canonical to themselves); sitemap.xml was not written",
                                      at: location, severity: .warning))
        }
        let sitemapURLs = written.root.map { [baseURL + $0] } ?? []
        artifacts.append(try Artifact("site/robots.txt", text: RobotsTxt.render(disallow: settings.disallow, sitemaps: sitemapURLs)))

        let basePath = WebURL(baseURL).path
        if basePath != "/" && !basePath.isEmpty {
            notices.append(Diagnostic("the base URL \(baseURL) is not the root of its host: crawlers read robots.txt only at "
                                      + "/robots.txt, so publish these rules there", at: location, severity: .warning))
        }
        return PluginOutput(artifacts: artifacts, notices: notices)
    }
}
