/// The site's 0–100 SEO score (docs/seo.md, "Score").
///
/// Each rule with findings multiplies the score by `1 − weight(severity) × share`, where `share` is the fraction of
/// audited pages the rule reports (distinct URLs, at most 1) and the weights are 0.5 for errors, 0.2 for warnings
/// and 0.05 for notices:
///
///     score = 100 × Π over rules (1 − weight × share), rounded half up to one decimal
///
/// So an error on every page halves the score, a warning on every page takes a fifth, and a notice on half the pages
/// 2.5 %. A product rather than a sum keeps the score above 0 however many rules fire and makes the order of rules
/// irrelevant; only the share of pages matters, not how many findings a page has.
public struct SiteScore: Sendable, Equatable {
    /// 0–100, one decimal.
    public var value: Double
    /// Each rule with findings and its factor, by rule id.
    public var rules: [Factor]

    public struct Factor: Sendable, Equatable {
        public var rule: SEORule
        /// Distinct URLs the rule reports.
        public var pages: Int
        /// pages / audited pages, at most 1.
        public var share: Double
        /// 1 − weight × share.
        public var factor: Double
    }

    public static func weight(_ severity: SEOSeverity) -> Double {
        switch severity {
        case .error: 0.5
        case .warning: 0.2
        case .notice: 0.05
        }
    }

    /// The score of `findings` over `auditedPages` pages; nil when no page was audited.
    public init?(findings: [SEOFinding], auditedPages: Int) {
        guard auditedPages > 0 else { return nil }
        var urls: [SEORule: Set<String>] = [:]
        // Findings sorted by rule, then URL (as an audit keeps them): distinct URLs are runs, counted without hashing.
        let sorted = findings.indices.dropFirst().allSatisfy {
            findings[$0 - 1].rule < findings[$0].rule || findings[$0 - 1].rule == findings[$0].rule && findings[$0 - 1].url <= findings[$0].url
        }
        guard sorted else {
            for i in findings.indices { urls[findings[i].rule, default: []].insert(findings[i].url) }
            self.init(pages: urls.map { ($0.key, $0.value.count) }, auditedPages: auditedPages)
            return
        }
        var pages: [(rule: SEORule, pages: Int)] = []
        for i in findings.indices {
            let rule = findings[i].rule
            if i > 0, findings[i - 1].rule == rule {
                if findings[i - 1].url != findings[i].url { pages[pages.count - 1].pages += 1 }
            } else {
                pages.append((rule, 1))
            }
        }
        self.init(pages: pages, auditedPages: auditedPages)
    }

    /// The score of rules reported on `pages` distinct URLs each (rules with findings only), over `auditedPages`
    /// pages; nil when no page was audited. For callers that counted the URLs already.
    init?(pages: [(rule: SEORule, pages: Int)], auditedPages: Int) {
        guard auditedPages > 0 else { return nil }
        var product = 1.0
        var factors: [Factor] = []
        for (rule, pages) in pages.sorted(by: { $0.rule < $1.rule }) {
            let share = min(1, Double(pages) / Double(auditedPages))
            let factor = 1 - Self.weight(rule.severity) * share
            product *= factor
            factors.append(Factor(rule: rule, pages: pages, share: share, factor: factor))
        }
        // Rounded to 1e-9 first so that a product that is a half in decimal (0.6075) but just under it in binary
        // still rounds up.
        value = ((product * 1e12).rounded() / 1e9).rounded(.toNearestOrAwayFromZero) / 10
        rules = factors
    }

    /// "87.5", as shown in the report.
    public var text: String { Self.format(value) }

    /// A 0–100 value with one decimal, half up.
    public static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        return "\(tenths / 10).\(tenths % 10)"
    }
}
