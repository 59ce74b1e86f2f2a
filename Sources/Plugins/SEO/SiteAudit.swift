import Generator

/// The site-wide rules: duplicates across pages and internal links checked against the crawl.
public enum SiteAudit {
    /// One audited page as the site-wide rules see it.
    /// A class, not a struct: the site-wide rules pass pages around and iterate over them, and copying a struct
    /// retained each of the facts' arrays (perf: a tenth of the site-wide phase was copying pages).
    public final class Page: Sendable {
        public let url: String
        public let facts: PageFacts
        /// The response headers (lower-cased names).
        public let headers: [(name: String, value: String)]
        public init(url: String, facts: PageFacts, headers: [(name: String, value: String)] = []) {
            self.url = url
            self.facts = facts
            self.headers = headers
        }
    }

    /// A set of pages sharing one value.
    public struct DuplicateGroup: Sendable, Hashable {
        public var rule: SEORule
        public var value: String
        public var urls: [String]
    }

    /// Counts of the link check, for the report.
    public struct LinkCounts: Sendable, Hashable {
        /// Same-origin links inside the crawl scope: each one checked against the crawl.
        public var checked = 0
        /// Same-origin links outside the crawl scope (not checked: the crawl cannot know them).
        public var outOfScope = 0
        /// Links to other origins.
        public var external = 0
        /// Per audited page (by URL), the normalised targets of its checked links, in document order, once each.
        public var targets: [String: [String]] = [:]
        public init() {}
    }

    /// Groups of pages with the same non-empty title (or description), sorted by value; URLs sorted.
    public static func duplicateGroups(_ pages: [Page]) -> [DuplicateGroup] {
        var titles: [String: [String]] = [:]
        var descriptions: [String: [String]] = [:]
        for page in pages {
            if let title = page.facts.title, !title.isEmpty { titles[title, default: []].append(page.url) }
            if let description = page.facts.descriptions.lazy.compactMap(\.value).first(where: { !$0.isEmpty }) {
                descriptions[description, default: []].append(page.url)
            }
        }
        var groups: [DuplicateGroup] = []
        for (value, urls) in titles where urls.count > 1 {
            groups.append(DuplicateGroup(rule: .titleDuplicate, value: value, urls: urls.sorted()))
        }
        for (value, urls) in descriptions where urls.count > 1 {
            groups.append(DuplicateGroup(rule: .descriptionDuplicate, value: value, urls: urls.sorted()))
        }
        return groups.sorted { ($0.rule, $0.value) < ($1.rule, $1.value) }
    }

    public static func duplicateFindings(_ groups: [DuplicateGroup], pages: [Page], enabled: Set<SEORule>) -> [SEOFinding] {
        var lines: [String: (title: Int, description: Int)] = [:]
        for page in pages {
            lines[page.url] = (page.facts.titles.first?.line ?? 0,
                               page.facts.descriptions.first(where: { !($0.value ?? "").isEmpty })?.line ?? 0)
        }
        var out: [SEOFinding] = []
        for group in groups where enabled.contains(group.rule) {
            for url in group.urls {
                let line = group.rule == .titleDuplicate ? lines[url]?.title : lines[url]?.description
                let what = group.rule == .titleDuplicate ? "title" : "meta description"
                out.append(SEOFinding(rule: group.rule, url: url, line: line, evidence: group.value,
                                      message: "same \(what) on \(group.urls.count) pages"))
            }
        }
        return out
    }

    /// Statuses of every crawled URL (normalised, fragment removed); the first response wins.
    ///
    /// A folder URL and its `index.html` stand for each other when the crawl has only one of them (a site import
    /// maps `dir/index.html` to `dir/`, and servers answer both), so a link to the other form is not "missing".
    public static func crawlIndex(_ entries: [(url: String, status: Int)]) -> [String: Int] {
        crawlIndex(keys: entries.map { WebURL($0.url).normalized.description }, statuses: entries.map(\.status))
    }

    /// `crawlIndex` of URLs already normalised (`keys`), with their `statuses`.
    static func crawlIndex(keys: [String], statuses: [Int]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(keys.count)
        for (key, status) in zip(keys, statuses) where index[key] == nil { index[key] = status }
        var aliases: [String: Int] = [:]
        for (key, status) in index {
            let url = WebURL(key)
            guard url.query == nil else { continue }
            if key.hasSuffix("/") {
                aliases[key + "index.html"] = status
            } else if key.hasSuffix("/index.html") {
                aliases[String(key.dropLast("index.html".count))] = status
            }
        }
        for (key, status) in aliases where index[key] == nil { index[key] = status }
        return index
    }

    /// The part of the web the crawl covers: links outside it cannot be judged.
    public struct Scope: Sendable, Hashable {
        /// Normalised origin of the tenant's base URL.
        public var origin: String?
        /// Path prefix (the base URL's directory), e.g. `/3.11/`.
        public var pathPrefix: String

        public init(baseURL: String) {
            let base = WebURL(baseURL).normalized
            origin = base.origin
            if let slash = base.path.lastIndex(of: "/") {
                pathPrefix = String(base.path[...slash])
            } else {
                pathPrefix = "/"
            }
        }

        /// Inside the scope: on the base URL's origin under its path, or anywhere on another origin (a crawl that
        /// was served from elsewhere, such as a local mirror).
        func contains(_ url: WebURL) -> Bool {
            guard url.origin == origin else { return true }
            return url.path.hasPrefix(pathPrefix)
        }
    }

    enum LinkTarget: Sendable, Hashable {
        /// Not a web link (mailto:, javascript:) or a link inside the same document.
        case ignored
        case external
        case outOfScope
        /// Same origin, inside the scope: the normalised URL to look up.
        case checked(String)
    }

    static func classify(_ reference: WebURL, base: WebURL, origin: String?, scope: Scope) -> LinkTarget {
        if let scheme = reference.scheme, scheme != "http", scheme != "https" { return .ignored }
        if reference.scheme == nil, reference.authority == nil, reference.path.isEmpty, reference.query == nil {
            return .ignored  // "#section" or ""
        }
        let target = reference.resolved(against: base).normalized
        guard target.origin == origin else { return .external }
        guard scope.contains(target) else { return .outOfScope }
        return .checked(target.description)
    }

    /// Checks every `<a href>`/`<area href>` of the audited pages against the crawl.
    /// `redirects` (the crawl's 3xx responses) name the targets of link-redirect findings.
    public static func linkFindings(_ pages: [Page], crawl index: [String: Int], scope: Scope, enabled: Set<SEORule>,
                                    redirects: [String: RedirectAudit.Hop] = [:], jobs: Int? = nil) -> (findings: [SEOFinding], counts: LinkCounts) {
        // Resolution depends only on the base's directory (and origin) for references with a path, and the same
        // hrefs recur on every page of a directory: pages are grouped by directory, each group has its own cache,
        // and the groups are checked in parallel.
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        var bases: [WebURL] = []
        bases.reserveCapacity(pages.count)
        for (position, page) in pages.enumerated() {
            let pageURL = WebURL(page.url).normalized
            let base = page.facts.linkBase(pageURL: pageURL)
            bases.append(base)
            var directory = base
            directory.query = nil
            if let slash = directory.path.lastIndex(of: "/") { directory.path = String(directory.path[...slash]) }
            let key = (pageURL.origin ?? "") + " " + directory.description
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(position)
        }
        let groupList = order.map { groups[$0]! }
        let pageBases = bases
        let results = ParallelMap.map(groupList.count, width: jobs) { g in
            checkLinks(pages, positions: groupList[g], bases: pageBases, index: index, scope: scope, enabled: enabled,
                       redirects: redirects)
        }
        var out: [SEOFinding] = []
        var counts = LinkCounts()
        for result in results {
            out += result.findings
            counts.checked += result.counts.checked
            counts.outOfScope += result.counts.outOfScope
            counts.external += result.counts.external
            counts.targets.merge(result.counts.targets) { first, _ in first }
        }
        return (out, counts)
    }

    /// A link target as the check needs it, worked out once per distinct href (up to its fragment) of a group.
    struct ResolvedLink {
        var target: LinkTarget
        /// For a checked target: its status in the crawl (nil: not crawled), and its number among the group's
        /// distinct checked targets (which pages listed it is kept per number, without hashing the URL again).
        var status: Int?
        var number = 0
    }

    /// The links of the pages at `positions` (which share one base directory), with one resolution cache.
    static func checkLinks(_ pages: [Page], positions: [Int], bases: [WebURL], index: [String: Int], scope: Scope,
                           enabled: Set<SEORule>, redirects: [String: RedirectAudit.Hop]) -> (findings: [SEOFinding], counts: LinkCounts) {
        var out: [SEOFinding] = []
        var counts = LinkCounts()
        let checkBroken = enabled.contains(.linkBroken)
        let checkMissing = enabled.contains(.linkNotCrawled)
        let checkRedirect = enabled.contains(.linkRedirect)
        // Keyed by the href up to its fragment: "os.html#os.getcwd" and "os.html#os.walk" resolve to one target.
        var cache: [Substring: ResolvedLink] = [:]
        var numbers: [String: Int] = [:]
        // Per checked target number, the last page (by position) that listed it.
        var listedOn: [Int] = []
        for position in positions {
            let url = pages[position].url
            let origin = WebURL(url).normalized.origin
            var targets: [String] = []
            defer { counts.targets[url] = targets }
            let links = pages[position].facts.links
            // By index: `for link in links` copied each item, four retains (perf); a finding reads the item then.
            for linkIndex in links.indices {
                guard let href = links[linkIndex].value else { continue }
                let resolved: ResolvedLink
                let key = cacheKey(href)
                if let cached = cache[key] {
                    resolved = cached
                } else {
                    let reference = WebURL(href)
                    var fresh = ResolvedLink(target: classify(reference, base: bases[position], origin: origin, scope: scope))
                    if case let .checked(target) = fresh.target {
                        fresh.status = index[target]
                        if let number = numbers[target] {
                            fresh.number = number
                        } else {
                            fresh.number = listedOn.count
                            numbers[target] = fresh.number
                            listedOn.append(-1)
                        }
                    }
                    resolved = fresh
                    if !reference.path.isEmpty || reference.authority != nil { cache[key] = resolved }
                }
                switch resolved.target {
                case .ignored: continue
                case .external: counts.external += 1
                case .outOfScope: counts.outOfScope += 1
                case let .checked(key):
                    counts.checked += 1
                    if listedOn[resolved.number] != position {
                        listedOn[resolved.number] = position
                        targets.append(key)
                    }
                    if let status = resolved.status {
                        if status >= 400, checkBroken {
                            out.append(SEOFinding(rule: .linkBroken, url: url, line: links[linkIndex].line, evidence: links[linkIndex].tag,
                                                  message: "links to \(key), which answered \(status)"))
                        } else if (300..<400).contains(status), checkRedirect {
                            let target = redirects[key].map { " to " + $0.target } ?? ""
                            out.append(SEOFinding(rule: .linkRedirect, url: url, line: links[linkIndex].line, evidence: links[linkIndex].tag,
                                                  message: "links to \(key), which redirects (\(status))\(target)"))
                        }
                    } else if checkMissing {
                        out.append(SEOFinding(rule: .linkNotCrawled, url: url, line: links[linkIndex].line, evidence: links[linkIndex].tag,
                                              message: "links to \(key), which is not in the crawl"))
                    }
                }
            }
        }
        return (out, counts)
    }

    /// The part of `href` that decides its target: up to the first "#" (WebURL's fragment delimiter, whatever comes
    /// before it), unless that part ends in white space or a control byte, which `WebURL` trims only at the end of
    /// the whole href: then the whole href.
    static func cacheKey(_ href: String) -> Substring {
        // On the contiguous bytes: this runs for every link of every page.
        let cut = href.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let hash = bytes.firstIndex(of: 0x23) else { return nil }
            return hash > 0 && bytes[hash - 1] <= 0x20 ? nil : hash
        }
        // (A string without contiguous bytes keys on the whole href, which is always right, only less shared.)
        guard let cut, let hash = cut else { return Substring(href) }
        let utf8 = href.utf8
        return Substring(utf8[..<utf8.index(utf8.startIndex, offsetBy: hash)])
    }

    /// hreflang-return-missing, -self-missing and -target-invalid over the audited pages (hreflang-invalid is per page).
    public static func hreflangFindings(_ pages: [Page], crawl index: [String: Int], enabled: Set<SEORule>) -> [SEOFinding] {
        let rules: Set<SEORule> = [.hreflangReturnMissing, .hreflangSelfMissing, .hreflangTargetInvalid]
        guard !rules.isDisjoint(with: enabled) else { return [] }
        // Without any annotation there is nothing to check (and no canonical to resolve).
        let entries = pages.map { HreflangAudit.entries($0.facts, headers: $0.headers) }
        guard entries.contains(where: { !$0.isEmpty }) else { return [] }
        var hreflangPages: [HreflangAudit.Page] = []
        for (page, entries) in zip(pages, entries) {
            let pageURL = WebURL(page.url).normalized
            let canonical = Indexability.canonical(page.facts, pageURL: pageURL)
            hreflangPages.append(HreflangAudit.Page(url: page.url, entries: entries, canonical: canonical?.description))
        }
        return HreflangAudit.siteFindings(hreflangPages, index: index, enabled: enabled)
    }
}
