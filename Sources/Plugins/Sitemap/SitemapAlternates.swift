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

    /// One declared language version between two URLs of the table (indices into the sorted table).
    public struct Link: Sendable {
        var from: Int32
        var to: Int32
        var hreflang: String
    }

    /// The resolved sets: entry `i` lists group `groupOf[i]` (or nothing when -1), whose members are
    /// `members[groupStarts[g] ..< groupStarts[g + 1]]`, in output order (hreflang, then URL).
    public struct Table: Sendable {
        var groupOf: [Int32] = []
        var groupStarts: [Int] = [0]
        var members: [(tag: Int32, entry: Int32)] = []
        /// BCP 47 tags by id.
        var tags: [String] = []

        func alternates(of index: Int) -> ArraySlice<(tag: Int32, entry: Int32)> {
            guard !groupOf.isEmpty, groupOf[index] >= 0 else { return [] }
            let group = Int(groupOf[index])
            return members[groupStarts[group]..<groupStarts[group + 1]]
        }
    }

    /// The alternate sets of `table` (sorted, unique) from `links` (between its URLs) and the crawl's `declarations`,
    /// whose locs are found by binary search. Groups are built from integer-sorted pairs: no dictionary over a million
    /// URLs, and no per-entry arrays.
    public static func resolve(_ table: SitemapTable, declarations: [HreflangDeclaration], links: [Link]) -> (Table, Problems) {
        var problems = Problems()
        var result = Table()
        guard !declarations.isEmpty || !links.isEmpty else { return (result, problems) }

        var groups = UnionFind(count: table.count)
        var pairs: [(from: Int32, code: Int32, to: Int32)] = []
        pairs.reserveCapacity(declarations.count + links.count)
        var codeIDs: [String: Result<Int32, HreflangCode.Invalid>] = [:]
        var tags: [String] = []
        var invalid: [HreflangCode.Invalid: (count: Int, example: String)] = [:]
        func declare(from: Int, hreflang: String, to: Int) {
            let code: Result<Int32, HreflangCode.Invalid>
            if let known = codeIDs[hreflang] {
                code = known
            } else {
                code = HreflangCode.normalized(hreflang).map { tag in
                    if let id = tags.firstIndex(of: tag) { return Int32(id) }
                    tags.append(tag)
                    return Int32(tags.count - 1)
                }
                codeIDs[hreflang] = code
            }
            switch code {
            case let .success(id):
                groups.union(from, to)
                pairs.append((Int32(from), id, Int32(to)))
            case let .failure(problem):
                let seen = invalid[problem]
                let page = table.loc(from)
                invalid[problem] = ((seen?.count ?? 0) + 1, min(seen?.example ?? page, page))
            }
        }
        for declaration in declarations {
            guard let from = table.index(of: declaration.page) else { continue }
            guard let to = table.index(of: declaration.href) else {
                problems.unlisted += 1
                problems.unlistedExample = min(problems.unlistedExample ?? declaration.href, declaration.href)
                continue
            }
            declare(from: from, hreflang: declaration.hreflang, to: to)
        }
        for link in links { declare(from: Int(link.from), hreflang: link.hreflang, to: Int(link.to)) }
        problems.invalid = invalid.map { (code: $0.key, count: $0.value.count, example: $0.value.example) }
            .sorted { $0.code.raw < $1.code.raw }

        // Code ids in tag order, so sorting by (group, code, URL) lists each group's alternates in output order and
        // puts the smaller URL first when two claim one code (the one kept).
        let order = tags.indices.sorted { tags[$0] < tags[$1] }
        var rank = [Int32](repeating: 0, count: tags.count)
        for (position, id) in order.enumerated() { rank[id] = Int32(position) }
        result.tags = order.map { tags[$0] }
        var keyed = pairs.map { (group: Int32(groups.find(Int($0.from))), code: rank[Int($0.code)], to: $0.to) }
        pairs = []
        groups = UnionFind(count: 0)
        keyed.sort { ($0.group, $0.code, $0.to) < ($1.group, $1.code, $1.to) }

        result.groupOf = [Int32](repeating: -1, count: table.count)
        var conflicts = Set<[String]>()
        var start = 0
        while start < keyed.count {
            var end = start
            while end < keyed.count, keyed[end].group == keyed[start].group { end += 1 }
            let first = result.members.count
            var previous: (code: Int32, to: Int32)?
            for pair in keyed[start..<end] {
                if let previous, previous.code == pair.code {
                    if previous.to != pair.to {
                        conflicts.insert([result.tags[Int(pair.code)], table.loc(Int(previous.to)), table.loc(Int(pair.to))])
                    }
                    continue
                }
                previous = (pair.code, pair.to)
                result.members.append((pair.code, pair.to))
            }
            let members = result.members[first...]
            if members.contains(where: { $0.entry != members[first].entry }) {
                let group = Int32(result.groupStarts.count - 1)
                for member in members { result.groupOf[Int(member.entry)] = group }
                result.groupStarts.append(result.members.count)
            } else {
                result.members.removeSubrange(first...)
            }
            start = end
        }
        problems.conflicts = conflicts.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1], $0[2]) }
        return (result, problems)
    }
}

/// Disjoint sets over `0..<count` with path halving.
struct UnionFind {
    /// Int32: four bytes per sitemap URL, not eight.
    private var parent: [Int32]

    init(count: Int) { parent = (0..<Int32(count)).map { $0 } }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while Int(parent[x]) != x {
            parent[x] = parent[Int(parent[x])]
            x = Int(parent[x])
        }
        return x
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = Int32(min(ra, rb)) }
    }
}
