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

    /// Sets `alternates` on `entries` (sorted, unique) from `declarations`. Locs are found by binary search in the
    /// sorted entries and groups are built from integer-sorted pairs: no dictionary over a million URLs.
    public static func resolve(_ entries: inout [SitemapEntry], declarations: [HreflangDeclaration]) -> Problems {
        var problems = Problems()
        guard !declarations.isEmpty else { return problems }
        func index(of loc: String) -> Int? {
            var (low, high) = (0, entries.count)
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].loc < loc { low = middle + 1 } else { high = middle }
            }
            return low < entries.count && entries[low].loc == loc ? low : nil
        }

        var groups = UnionFind(count: entries.count)
        var pairs: [(from: Int, code: Int, to: Int)] = []
        pairs.reserveCapacity(declarations.count)
        var codeIDs: [String: Result<Int, HreflangCode.Invalid>] = [:]
        var tags: [String] = []
        var invalid: [HreflangCode.Invalid: (count: Int, example: String)] = [:]
        for declaration in declarations {
            guard let from = index(of: declaration.page) else { continue }
            guard let to = index(of: declaration.href) else {
                problems.unlisted += 1
                problems.unlistedExample = min(problems.unlistedExample ?? declaration.href, declaration.href)
                continue
            }
            let code: Result<Int, HreflangCode.Invalid>
            if let known = codeIDs[declaration.hreflang] {
                code = known
            } else {
                code = HreflangCode.normalized(declaration.hreflang).map { tag in
                    if let id = tags.firstIndex(of: tag) { return id }
                    tags.append(tag)
                    return tags.count - 1
                }
                codeIDs[declaration.hreflang] = code
            }
            switch code {
            case let .success(id):
                groups.union(from, to)
                pairs.append((from, id, to))
            case let .failure(problem):
                let seen = invalid[problem]
                invalid[problem] = ((seen?.count ?? 0) + 1, min(seen?.example ?? declaration.page, declaration.page))
            }
        }
        problems.invalid = invalid.map { (code: $0.key, count: $0.value.count, example: $0.value.example) }
            .sorted { $0.code.raw < $1.code.raw }

        // Code ids in tag order, so sorting by (group, code, URL) lists each group's alternates in output order and
        // puts the smaller URL first when two claim one code (the one kept).
        let order = tags.indices.sorted { tags[$0] < tags[$1] }
        var rank = [Int](repeating: 0, count: tags.count)
        for (position, id) in order.enumerated() { rank[id] = position }
        var keyed = pairs.map { (group: groups.find($0.from), code: rank[$0.code], to: $0.to) }
        pairs = []
        keyed.sort { ($0.group, $0.code, $0.to) < ($1.group, $1.code, $1.to) }

        var conflicts = Set<[String]>()
        var start = 0
        while start < keyed.count {
            var end = start
            while end < keyed.count, keyed[end].group == keyed[start].group { end += 1 }
            var alternates: [SitemapAlternate] = []
            var members: [Int] = []
            var previous: (code: Int, to: Int)?
            for pair in keyed[start..<end] {
                if let previous, previous.code == pair.code {
                    if previous.to != pair.to {
                        conflicts.insert([tags[order[pair.code]], entries[previous.to].loc, entries[pair.to].loc])
                    }
                    continue
                }
                previous = (pair.code, pair.to)
                alternates.append(SitemapAlternate(hreflang: tags[order[pair.code]], href: entries[pair.to].loc))
                members.append(pair.to)
            }
            if Set(members).count > 1 {
                for member in members { entries[member].alternates = alternates }
            }
            start = end
        }
        problems.conflicts = conflicts.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1], $0[2]) }
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
