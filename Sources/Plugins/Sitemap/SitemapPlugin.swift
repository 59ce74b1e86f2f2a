import Generator
import HeraldData
import SEOPlugin

/// `site/sitemap.xml` (or split files plus `site/sitemap_index.xml`) and `site/robots.txt` for a tenant:
/// the crawl's indexable pages under the base URL plus every page the content plugins published, with their images
/// and language versions. Sitemap files are emitted one batch at a time while they are written (`input.emitter`).
public struct SitemapPlugin: Plugin {
    public let id = "sitemap"
    public var phase: PluginPhase { .index }
    public let limits: SitemapLimits

    public init(limits: SitemapLimits = .standard) {
        self.limits = limits
    }

    public func check(_ input: PluginCheckInput) -> [Diagnostic] {
        // Decoding and the rules separately, so that a value of another setting that does not decode hides no rule.
        diagnostics(at: input.settings.node.location) { _ = try input.settings.decode(SitemapSettings.self) }
            + SitemapSettings.ruleProblems(input.settings)
    }

    public func run(_ input: PluginInput) throws -> PluginOutput {
        let settings = try SitemapSettings.load(input.settings)
        let baseURL = input.tenant.baseURL.hasSuffix("/") ? input.tenant.baseURL : input.tenant.baseURL + "/"
        var notices: [Diagnostic] = []
        var location = input.tenant.location
        location.keyPath = "base_url"

        // Columns, not entry values: a million URLs as entries would cost more than the pages they come from.
        var table = SitemapTable(prefix: WebURL(baseURL).normalized.description)
        var declarations: [HreflangDeclaration] = []
        if settings.includeCrawl, let crawl = input.snapshot.crawl {
            let found = SitemapURLs.crawled(crawl, baseURL: baseURL, settings: settings, now: input.now, jobs: input.jobs)
            for entry in found.entries { table.append(entry) }
            declarations = found.declarations
        }
        var (links, outside) = SitemapURLs.published(input.reports, into: &table, baseURL: baseURL, settings: settings,
                                                     defaultLanguage: input.tenant.locale)
        for page in outside {
            notices.append(Diagnostic("published page \(page) lies outside the base URL \(baseURL) and is not in the sitemap",
                                      at: location, severity: .warning))
        }
        if let moved = table.merge() {
            for k in links.indices {
                links[k].from = moved[Int(links[k].from)]
                links[k].to = moved[Int(links[k].to)]
            }
        }
        let (alternates, problems) = SitemapAlternates.resolve(table, declarations: declarations, links: links)
        (declarations, links) = ([], [])
        notices += Self.notices(problems, at: location)

        let summary: SitemapWriter.Summary
        do {
            // Batches of two only to compress two files at once; plain files go out one by one.
            summary = try SitemapWriter.write(table, alternates: alternates, baseURL: baseURL, limits: limits, gzip: settings.gzip,
                                              batch: settings.gzip ? 2 : 1) { files in
                try input.emitter.emit(files.map { try Artifact("site/" + $0.name, bytes: $0.bytes) })
            }
        } catch let error as SitemapWriter.LimitError {
            throw Diagnostic("cannot write the sitemap: \(error.description)", at: location)
        }
        if summary.root == nil {
            notices.append(Diagnostic("no indexable URLs for the sitemap (crawl pages must answer 200, be HTML, not noindex, "
                                      + "and have no canonical or a canonical to themselves); sitemap.xml was not written",
                                      at: location, severity: .warning))
        }
        let sitemapURLs = summary.root.map { [baseURL + $0] } ?? []
        let robots = try Artifact("site/robots.txt", text: RobotsTxt.render(disallow: settings.disallow, sitemaps: sitemapURLs))

        let basePath = WebURL(baseURL).path
        if basePath != "/" && !basePath.isEmpty {
            notices.append(Diagnostic("the base URL \(baseURL) is not the root of its host: crawlers read robots.txt only at "
                                      + "/robots.txt, so publish these rules there", at: location, severity: .warning))
        }
        return PluginOutput(artifacts: [robots], notices: notices)
    }

    /// One notice per invalid code and per clash, one for all alternates outside the sitemap.
    static func notices(_ problems: SitemapAlternates.Problems, at location: SourceLocation) -> [Diagnostic] {
        var notices: [Diagnostic] = []
        for invalid in problems.invalid {
            notices.append(Diagnostic("hreflang '\(invalid.code.raw)': \(invalid.code.problem); left out of the sitemap's alternates "
                                      + "(\(invalid.count) declaration\(invalid.count == 1 ? "" : "s"), e.g. by \(invalid.example))",
                                      at: location, severity: .warning))
        }
        for conflict in problems.conflicts {
            notices.append(Diagnostic("hreflang '\(conflict.hreflang)' names both \(conflict.kept) and \(conflict.dropped) in one "
                                      + "group of language versions; the sitemap lists \(conflict.kept) only", at: location, severity: .warning))
        }
        if problems.unlisted > 0, let example = problems.unlistedExample {
            notices.append(Diagnostic("\(problems.unlisted) hreflang alternate\(problems.unlisted == 1 ? "" : "s") point at URLs that are not "
                                      + "in this sitemap (e.g. \(example)) and are left out: a version the sitemap does not list cannot "
                                      + "link back", at: location, severity: .info))
        }
        return notices
    }
}
