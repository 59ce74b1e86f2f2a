/// Clicks from the home page (the tenant's base URL) to each audited page, over the audited pages' internal links.
public struct CrawlDepth: Sendable, Hashable {
    /// The home page as audited, nil when the crawl has no audited page for the base URL (then nothing is measured).
    public var home: String?
    /// Depth per audited page URL reachable from home (home = 0).
    public var depths: [String: Int] = [:]
    /// The page each reachable page was first reached from (shortest path; links in document order, pages by URL).
    public var parents: [String: String] = [:]
    /// Audited pages no chain of links from home reaches, sorted.
    public var unreachable: [String] = []

    /// Pages per depth, sorted by depth.
    public var distribution: [(depth: Int, pages: Int)] {
        var counts: [Int: Int] = [:]
        for depth in depths.values { counts[depth, default: 0] += 1 }
        return counts.keys.sorted().map { ($0, counts[$0]!) }
    }

    public init(home: String?, depths: [String: Int], parents: [String: String], unreachable: [String]) {
        self.home = home
        self.depths = depths
        self.parents = parents
        self.unreachable = unreachable
    }

    /// Breadth-first from `baseURL` over `targets` (page URL → normalised link targets). A folder URL and its
    /// `index.html` stand for each other when only one was audited.
    public init(baseURL: String, audited: [String], targets: [String: [String]]) {
        var byKey: [String: String] = [:]
        for url in audited { byKey[WebURL(url).normalized.description] = url }
        func page(_ key: String) -> String? {
            if let url = byKey[key] { return url }
            if key.hasSuffix("/") { return byKey[key + "index.html"] }
            if key.hasSuffix("/index.html") { return byKey[String(key.dropLast("index.html".count))] }
            return nil
        }
        guard let home = page(WebURL(baseURL).normalized.description) else {
            self.init(home: nil, depths: [:], parents: [:], unreachable: [])
            return
        }
        var depths = [home: 0]
        var parents: [String: String] = [:]
        var frontier = [home]
        var depth = 0
        while !frontier.isEmpty {
            depth += 1
            var next: [String] = []
            for url in frontier {
                for key in targets[url] ?? [] {
                    guard let target = page(key), depths[target] == nil else { continue }
                    depths[target] = depth
                    parents[target] = url
                    next.append(target)
                }
            }
            frontier = next
        }
        self.init(home: home, depths: depths, parents: parents, unreachable: audited.filter { depths[$0] == nil }.sorted())
    }

    /// home → … → url.
    public func path(to url: String) -> [String] {
        var out = [url]
        var current = url
        while let parent = parents[current] {
            out.append(parent)
            current = parent
        }
        return out.reversed()
    }

    /// crawl-depth: pages more than `maximum` clicks from home.
    func findings(maximum: Int) -> [SEOFinding] {
        depths.filter { $0.value > maximum }.map { url, depth in
            SEOFinding(rule: .crawlDepth, url: url, line: nil, evidence: "depth \(depth)",
                       message: "\(depth) clicks from the home page (maximum \(maximum)): " + path(to: url).joined(separator: " → "))
        }
    }

    public static func == (a: CrawlDepth, b: CrawlDepth) -> Bool {
        a.home == b.home && a.depths == b.depths && a.unreachable == b.unreachable
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(home); hasher.combine(depths) }
}
