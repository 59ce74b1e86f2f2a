/// Turns the pages' hreflang declarations into symmetric alternate sets.
///
/// Declarations link pages into groups (A names B, B names C: A, B and C are one group). Each group's set is every
/// (hreflang, URL) pair its pages declare, and every URL in the set lists the whole set, itself included, so every
/// alternate links back. Only URLs in this sitemap take part: a version outside it (not indexable, excluded, on
/// another site) could not link back from here. Groups of one URL get no alternates.
public enum SitemapAlternates {
    public struct Problems: Sendable {
        /// Codes that are not BCP 47 tags even after normalising, with how often and one declaring page.
        public var invalid: [(code: HreflangCode.Invalid, count: Int, example: String)] = []
        /// Two URLs claiming one hreflang in one group: the code, the URL kept and the one left out.
        public var conflicts: [(hreflang: String, kept: String, dropped: String)] = []
        /// Declarations whose target is not in the sitemap, and one example target.
        public var unlisted = 0
        public var unlistedExample: String?
    }

    /// Sets `alternates` on `entries` (sorted, unique) from `declarations`.
    public static func resolve(_ entries: inout [SitemapEntry], declarations: [HreflangDeclaration]) -> Problems {
        var problems = Problems()
        guard !declarations.isEmpty else { return problems }
        var indexOf: [String: Int] = [:]
        indexOf.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() { indexOf[entry.loc] = index }

        var groups = UnionFind(count: entries.count)
        var pairs: [(from: Int, hreflang: String, to: Int)] = []
        var invalid: [HreflangCode.Invalid: (count: Int, example: String)] = [:]
        var codes: [String: Result<String, HreflangCode.Invalid>] = [:]
        for declaration in declarations {
            guard let from = indexOf[declaration.page] else { continue }
            guard let to = indexOf[declaration.href] else {
                problems.unlisted += 1
                problems.unlistedExample = min(problems.unlistedExample ?? declaration.href, declaration.href)
                continue
            }
            let code = codes[declaration.hreflang] ?? HreflangCode.normalized(declaration.hreflang)
            codes[declaration.hreflang] = code
            switch code {
            case let .success(tag):
                groups.union(from, to)
                pairs.append((from, tag, to))
            case let .failure(problem):
                let seen = invalid[problem]
                invalid[problem] = ((seen?.count ?? 0) + 1, min(seen?.example ?? declaration.page, declaration.page))
            }
        }
        problems.invalid = invalid.map { (code: $0.key, count: $0.value.count, example: $0.value.example) }
            .sorted { $0.code.raw < $1.code.raw }

        // Per group: hreflang → the URL (entry index) it names; on a clash the smaller URL wins (entries are sorted).
        var sets: [Int: [String: Int]] = [:]
        for pair in pairs {
            let root = groups.find(pair.from)
            if let other = sets[root]?[pair.hreflang], other != pair.to {
                let (kept, dropped) = (min(other, pair.to), max(other, pair.to))
                problems.conflicts.append((pair.hreflang, entries[kept].loc, entries[dropped].loc))
                sets[root]![pair.hreflang] = kept
            } else {
                sets[root, default: [:]][pair.hreflang] = pair.to
            }
        }
        problems.conflicts = Array(Set(problems.conflicts.map { [$0.hreflang, $0.kept, $0.dropped] }))
            .sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1], $0[2]) }
        for set in sets.values {
            let members = Set(set.values)
            guard members.count > 1 else { continue }
            let alternates = set.map { SitemapAlternate(hreflang: $0.key, href: entries[$0.value].loc) }.sorted()
            for member in members { entries[member].alternates = alternates }
        }
        return problems
    }
}

/// Disjoint sets over `0..<count` with path halving.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
