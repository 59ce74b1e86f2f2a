import Foundation
import HeraldData
import Generator

/// Exact and near duplicates of the audited pages' main text (`MainText`).
///
/// Exact duplicates share the word sequence (equal content hash, confirmed by equal shingles). Near duplicates are
/// distinct texts whose 3-word-shingle sets have a Jaccard similarity of at least the threshold. Comparing every pair
/// is quadratic, so candidates come from MinHash locality-sensitive hashing: each text gets a 128-value signature
/// (one-permutation MinHash with rotation densification, one hash per shingle), the signature is cut into bands,
/// and only texts sharing a whole band are compared, exactly. The band width is the widest that still finds a pair
/// at the threshold with probability ≥ 99.9 % (8 values for 0.9).
public enum ContentDuplicates {
    /// A set of pages with the same (exact) or nearly the same (near) main text.
    public struct Group: Sendable, Hashable {
        public var rule: SEORule
        /// URLs, sorted.
        public var urls: [String]
        /// Words in the main text of the group's first URL.
        public var words: Int
        /// Lowest and highest similarity between matched pages (1 for exact duplicates).
        public var lowest: Double
        public var highest: Double
        /// Per URL, its most similar page in the group and their similarity.
        public var closest: [String: (url: String, similarity: Double)]

        public static func == (a: Group, b: Group) -> Bool {
            a.rule == b.rule && a.urls == b.urls && a.words == b.words && a.lowest == b.lowest && a.highest == b.highest
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(urls) }
    }

    static let signatureSize = 128

    /// The groups among the audited `pages` with the audit's settings; nothing when both rules are disabled. `jobs`
    /// caps the threads (nil: all cores), as for the rest of the audit.
    static func groups(_ pages: [CrawledPage], settings: SEOSettings, enabled: Set<SEORule>, jobs: Int? = nil) -> [Group] {
        let exact = enabled.contains(.contentDuplicate), near = enabled.contains(.nearDuplicate)
        guard exact || near else { return [] }
        let texts = ParallelMap.map(pages.count, width: jobs) { (url: pages[$0].url, text: MainText(html: pages[$0].body)) }
        return groups(texts, threshold: settings.nearDuplicateThreshold, minimumWords: settings.duplicateMinWords,
                      exact: exact, near: near, jobs: jobs)
    }

    /// Finds the groups among `pages` (URL and main text). Pages under `minimumWords` words are not compared.
    public static func groups(_ pages: [(url: String, text: MainText)], threshold: Double, minimumWords: Int,
                              exact: Bool = true, near: Bool = true, jobs: Int? = nil) -> [Group] {
        // Exact duplicates first: one representative per distinct text.
        var byHash: [UInt64: [Int]] = [:]
        var order: [UInt64] = []
        for (index, page) in pages.enumerated() where page.text.wordCount >= max(minimumWords, MainText.shingleSize) {
            if byHash[page.text.contentHash] == nil { order.append(page.text.contentHash) }
            byHash[page.text.contentHash, default: []].append(index)
        }
        // A hash collision between different texts is split by shingles (the word sequences differ, and with them
        // the shingles in text order).
        var texts: [[Int]] = []
        for hash in order {
            var classes: [[Int]] = []
            for index in byHash[hash]! {
                if let c = classes.firstIndex(where: { pages[$0[0]].text.shingles == pages[index].text.shingles }) {
                    classes[c].append(index)
                } else {
                    classes.append([index])
                }
            }
            texts += classes
        }

        var out: [Group] = []
        if exact {
            for members in texts where members.count > 1 {
                let urls = members.map { pages[$0].url }.sorted()
                var closest: [String: (url: String, similarity: Double)] = [:]
                for url in urls { closest[url] = (urls.first { $0 != url }!, 1) }
                out.append(Group(rule: .contentDuplicate, urls: urls, words: pages[members[0]].text.wordCount,
                                 lowest: 1, highest: 1, closest: closest))
            }
        }
        if near, threshold < 1 {
            out += nearGroups(pages, texts: texts, threshold: threshold, jobs: jobs)
        }
        return out.sorted { $0.rule != $1.rule ? $0.rule < $1.rule : $0.urls.lexicographicallyPrecedes($1.urls) }
    }

    /// Near-duplicate groups among distinct texts (`texts` lists, per text, the pages that have it).
    static func nearGroups(_ pages: [(url: String, text: MainText)], texts: [[Int]], threshold: Double, jobs: Int? = nil) -> [Group] {
        guard texts.count > 1 else { return [] }
        let representatives = texts.map { pages[$0[0]].text }
        let signatures = ParallelMap.map(representatives.count, width: jobs) { signature(representatives[$0].shingles) }
        let rows = bandRows(threshold)

        let pairs = candidates(signatures, rows: rows)

        // Exact similarity of each candidate, then connected components of the pairs at or over the threshold.
        // Shingle sets only for the texts in a candidate pair: sorting is most of what a set costs.
        var compared = [Bool](repeating: false, count: texts.count)
        for pair in pairs {
            compared[Int(pair >> 32)] = true
            compared[Int(pair & 0xFFFF_FFFF)] = true
        }
        let comparedTexts = compared.indices.filter { compared[$0] }
        let comparedSets = ParallelMap.map(comparedTexts.count, width: jobs) { representatives[comparedTexts[$0]].shingleSet }
        var sets = [[UInt64]](repeating: [], count: texts.count)
        for (text, set) in zip(comparedTexts, comparedSets) { sets[text] = set }
        let similarities = ParallelMap.map(pairs.count, width: jobs) { [sets] i in
            let a = sets[Int(pairs[i] >> 32)], b = sets[Int(pairs[i] & 0xFFFF_FFFF)]
            // The similarity is at most the smaller set's size over the larger's (rounding keeps the order), so a
            // pair whose sizes are too far apart is no edge whatever it shares: 0 stands for "under the threshold".
            let small = min(a.count, b.count), large = max(a.count, b.count)
            if large > 0, Double(small) / Double(large) < threshold { return 0.0 }
            return similarity(a, b, atLeast: threshold) ?? 0
        }
        var parent = Array(0..<texts.count)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var edges: [(a: Int, b: Int, similarity: Double)] = []
        for (pair, similarity) in zip(pairs, similarities) where similarity >= threshold {
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            edges.append((a, b, similarity))
            let ra = root(a), rb = root(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        guard !edges.isEmpty else { return [] }

        var components: [Int: [Int]] = [:]
        for text in 0..<texts.count { components[root(text), default: []].append(text) }
        var edgesByComponent: [Int: [(a: Int, b: Int, similarity: Double)]] = [:]
        for edge in edges { edgesByComponent[root(edge.a), default: []].append(edge) }

        var out: [Group] = []
        for (component, members) in components where members.count > 1 {
            let componentEdges = edgesByComponent[component] ?? []
            // The first URL of each text stands for it; pages with the same text are each other's exact copies.
            let name = { (text: Int) in texts[text].map { pages[$0].url }.min()! }
            var best: [Int: (text: Int, similarity: Double)] = [:]
            for edge in componentEdges {
                for (x, y) in [(edge.a, edge.b), (edge.b, edge.a)] {
                    if let current = best[x], current.similarity > edge.similarity
                        || (current.similarity == edge.similarity && name(current.text) < name(y)) { continue }
                    best[x] = (y, edge.similarity)
                }
            }
            var closest: [String: (url: String, similarity: Double)] = [:]
            var urls: [String] = []
            for text in members {
                let match = best[text]!
                for index in texts[text] {
                    urls.append(pages[index].url)
                    closest[pages[index].url] = (name(match.text), match.similarity)
                }
            }
            let values = componentEdges.map(\.similarity)
            let first = members.min { name($0) < name($1) }!
            out.append(Group(rule: .nearDuplicate, urls: urls.sorted(), words: pages[texts[first][0]].text.wordCount,
                             lowest: values.min()!, highest: values.max()!, closest: closest))
        }
        return out
    }

    /// The similarity of two shingle sets (`MainText.similarity`), or nil when it is under `threshold`: the shared
    /// count stops as soon as it cannot reach the fewest shared shingles that make the threshold (about half the
    /// candidate pairs are under it).
    static func similarity(_ a: [UInt64], _ b: [UInt64], atLeast threshold: Double) -> Double? {
        let total = a.count + b.count
        guard total > 0 else { return 1 }
        // The quotient of exact integers rounds monotonically, so the fewest shared values whose computed similarity
        // reaches the threshold decide it exactly; the search starts just under the real-number answer.
        var needed = max(0, Int(threshold * Double(total) / (1 + threshold)) - 2)
        while Double(needed) / Double(total - needed) < threshold { needed += 1 }
        let shared = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in SharedValues.count(a, b, atLeast: needed) } }
        return shared.map { Double($0) / Double(total - $0) }
    }

    /// The pairs of texts that share a band (all `rows` values of it), each once, sorted, as the first text's index
    /// in the high 32 bits and the second's in the low. Per band, the texts sorted by the band's key: a run of equal
    /// keys is a bucket (a dictionary of buckets hashed every key again and allocated an array per bucket).
    static func candidates(_ signatures: [[UInt64]], rows: Int) -> [UInt64] {
        let keys = bandKeys(signatures, rows: rows)
        let bands = signatureSize / rows
        var found: [UInt64] = []
        var keyed = [(key: UInt64, text: Int32)](repeating: (0, 0), count: signatures.count)
        for band in 0..<bands {
            for text in 0..<signatures.count { keyed[text] = (keys[text * bands + band], Int32(text)) }
            keyed.sort { $0.key < $1.key }
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count, keyed[end].key == keyed[start].key { end += 1 }
                for a in start..<end {
                    for b in (a + 1)..<end {
                        let x = UInt64(UInt32(keyed[a].text)), y = UInt64(UInt32(keyed[b].text))
                        found.append(min(x, y) << 32 | max(x, y))
                    }
                }
                start = end
            }
        }
        found.withUnsafeMutableBufferPointer { IntegerSort.sort($0) }
        var pairs: [UInt64] = []
        for pair in found where pairs.last != pair { pairs.append(pair) }
        return pairs
    }

    /// Per text, the FNV-1a of each band (its index, then its values), `signatureSize / rows` keys a text. A text's
    /// keys are independent chains of multiplications, computed side by side.
    static func bandKeys(_ signatures: [[UInt64]], rows: Int) -> [UInt64] {
        let bands = signatureSize / rows
        var keys = [UInt64](repeating: 0, count: signatures.count * bands)
        keys.withUnsafeMutableBufferPointer { keys in
            for (text, signature) in signatures.enumerated() {
                signature.withUnsafeBufferPointer { signature in
                    for band in 0..<bands {
                        var key = FNV1a()
                        key.add(UInt64(band * rows))
                        for value in signature[(band * rows)..<(band * rows + rows)] { key.add(value) }
                        keys[text * bands + band] = key.value
                    }
                }
            }
        }
        return keys
    }

    /// Values per band: the widest band (of 1, 2, 4… 128 values) that pairs two texts of similarity `threshold`
    /// with probability at least 99.9 %: 1 − (1 − t^r)^(128/r) ≥ 0.999.
    static func bandRows(_ threshold: Double) -> Int {
        var rows = 1
        while rows * 2 <= signatureSize {
            let next = rows * 2
            let found = 1 - pow(1 - pow(threshold, Double(next)), Double(signatureSize / next))
            if found < 0.999 { break }
            rows = next
        }
        return rows
    }

    /// One-permutation MinHash: each shingle, mixed, falls in one of 128 bins by its top bits; a bin keeps its
    /// smallest value. An empty bin borrows the next non-empty bin's value (circularly), offset by the distance,
    /// so that short texts still have full signatures.
    static func signature(_ shingles: [UInt64]) -> [UInt64] {
        let empty = UInt64.max
        var bins = [UInt64](repeating: empty, count: signatureSize)
        bins.withUnsafeMutableBufferPointer { bins in
            for shingle in shingles {
                let mixed = mix(shingle)
                let bin = Int(mixed >> 57)
                // Without a branch: early in a text a new minimum is a coin toss, which mispredicted.
                bins[bin] = min(bins[bin], mixed & 0x01FF_FFFF_FFFF_FFFF)
            }
        }
        guard bins.contains(where: { $0 != empty }) else { return bins }
        var filled = bins
        for bin in 0..<signatureSize where bins[bin] == empty {
            var distance = 1
            while bins[(bin + distance) % signatureSize] == empty { distance += 1 }
            filled[bin] = bins[(bin + distance) % signatureSize] &+ UInt64(distance) << 57
        }
        return filled
    }

    /// SplitMix64's finaliser: spreads FNV's weak high bits.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One finding per page of each group; the evidence names the most similar page (stable across snapshots while
    /// the pair stays), the message the similarity and the group.
    public static func findings(_ groups: [Group]) -> [SEOFinding] {
        var out: [SEOFinding] = []
        for group in groups {
            let others = { (url: String) -> String in
                let rest = group.urls.filter { $0 != url }
                let shown = rest.prefix(5).joined(separator: ", ")
                return rest.count > 5 ? shown + " and \(rest.count - 5) more" : shown
            }
            for url in group.urls {
                guard let match = group.closest[url] else { continue }
                if group.rule == .contentDuplicate {
                    out.append(SEOFinding(rule: .contentDuplicate, url: url, line: nil, evidence: "same main text as " + match.url,
                                          message: "the main text (\(group.words) words) is identical on \(group.urls.count) pages: " + others(url)))
                } else {
                    out.append(SEOFinding(rule: .nearDuplicate, url: url, line: nil, evidence: "main text similar to " + match.url,
                                          message: percent(match.similarity) + " of 3-word shingles shared with " + match.url
                                              + "; group of \(group.urls.count) pages: " + others(url)))
                }
            }
        }
        return out
    }

    /// Similarity as a percentage with one decimal, rounded down so 89.96 % never shows as 90.0 %.
    public static func percent(_ similarity: Double) -> String {
        let tenths = Int((similarity * 1000).rounded(.down))
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
