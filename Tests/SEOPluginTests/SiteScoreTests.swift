import Testing
@testable import SEOPlugin

/// The score's formula (docs/seo.md, "Score") on cases small enough to compute by hand.
struct SiteScoreTests {
    static func finding(_ rule: SEORule, _ page: Int) -> SEOFinding {
        SEOFinding(rule: rule, url: "https://x/\(page)", line: nil, evidence: "", message: "")
    }

    @Test("score = 100 × Π (1 − weight × share), weights error 0.5, warning 0.2, notice 0.05", arguments: [
        // No findings.
        ([], 10, 100.0),
        // An error on every page halves it; on half the pages it takes a quarter.
        ([finding(.titleMissing, 0), finding(.titleMissing, 1)], 2, 50.0),
        ([finding(.titleMissing, 0)], 2, 75.0),
        // A warning on all 4 pages: × 0.8. A notice on 1 of 4: × (1 − 0.05 / 4) = 0.9875.
        ([0, 1, 2, 3].map { finding(.descriptionMissing, $0) }, 4, 80.0),
        ([finding(.h1Multiple, 0)], 4, 98.8),  // 98.75, half up
        // Rules multiply: error on 1 of 2 and warning on 2 of 2: 100 × 0.75 × 0.8 = 60.
        ([finding(.titleMissing, 0), finding(.descriptionMissing, 0), finding(.descriptionMissing, 1)], 2, 60.0),
        // Several findings of one rule on one page count once.
        ([finding(.linkBroken, 0), finding(.linkBroken, 0), finding(.linkBroken, 0)], 4, 87.5),
        // A rule reporting more URLs than were audited (orphans, redirects) has a share of 1 at most.
        ([0, 1, 2].map { finding(.orphanPage, $0) }, 2, 80.0),
        // Three errors on every page: 100 × 0.5³ = 12.5.
        ([SEORule.titleMissing, .linkBroken, .mixedContent].map { finding($0, 0) }, 1, 12.5),
    ] as [([SEOFinding], Int, Double)])
    func formula(findings: [SEOFinding], pages: Int, expected: Double) throws {
        let score = try #require(SiteScore(findings: findings, auditedPages: pages))
        #expect(score.value == expected)
    }

    @Test("each rule's factor is listed, by rule id; no audited pages, no score")
    func factors() throws {
        let score = try #require(SiteScore(findings: [Self.finding(.titleMissing, 0), Self.finding(.h1Multiple, 1)], auditedPages: 4))
        #expect(score.rules.map(\.rule) == [.h1Multiple, .titleMissing])
        #expect(score.rules.map(\.share) == [0.25, 0.25])
        #expect(score.rules.map(\.factor) == [1 - 0.05 * 0.25, 1 - 0.5 * 0.25])
        #expect(score.text == "86.4")  // 100 × 0.9875 × 0.875 = 86.40625
        #expect(SiteScore(findings: [], auditedPages: 0) == nil)
    }
}
