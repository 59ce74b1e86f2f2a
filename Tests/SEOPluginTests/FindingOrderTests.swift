import Testing
@testable import SEOPlugin

/// `SEOFinding.sorted` (integer keys, findings moved in place) orders findings exactly as `sorted()` does.
@Suite struct FindingOrderTests {
    /// Findings over a few rules, URLs and lines, with exact repeats, in an order shuffled by `seed`.
    static func findings(count: Int, seed: UInt64) -> [SEOFinding] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let rules: [SEORule] = [.titleMissing, .titleTooLong, .imageAltMissing, .linkBroken, .titleEmpty]
        return (0..<count).map { _ in
            SEOFinding(rule: rules[next(rules.count)], url: "https://x/\(["a", "b", "é", "A", "a/b"][next(5)])",
                       line: next(3) == 0 ? nil : next(4), evidence: ["<a>", "<b>", ""][next(3)], message: ["m", "n"][next(2)])
        }
    }

    @Test(arguments: [(0, 1), (1, 2), (2, 3), (50, 4), (500, 5), (3000, 6)] as [(Int, UInt64)])
    func sameOrderAsTheStandardSort(count: Int, seed: UInt64) {
        let findings = Self.findings(count: count, seed: seed)
        #expect(SEOFinding.sorted(findings) == findings.sorted())
        #expect(SEOFinding.sorted(findings.reversed()) == findings.reversed().sorted())
    }
}
