import Testing
@testable import SEOPlugin

/// The report's arrangement of the findings by URL and by rule, as positions, against grouping the values directly.
struct ReportIndexTests {
    /// Findings on a few URLs (one not audited) from rules of every severity, several per rule and URL, sorted.
    static let findings: [SEOFinding] = {
        let urls = ["https://example.com/b", "https://example.com/a", "https://example.com/c", "https://other.example/x"]
        let rules: [SEORule] = [.titleMissing, .descriptionMissing, .linkBroken, .contentLow, .h1Missing]
        var findings: [SEOFinding] = []
        for (r, rule) in rules.enumerated() {
            for (u, url) in urls.enumerated() where (r + u) % 3 != 0 {
                for line in [7, nil, 3] as [Int?] where line != nil || r % 2 == 0 {
                    findings.append(SEOFinding(rule: rule, url: url, line: line, evidence: "e\(r)", message: "m\(u)"))
                }
            }
        }
        return SEOFinding.sorted(findings.reversed())
    }()
    static let audited = ["https://example.com/a", "https://example.com/b", "https://example.com/d"]

    @Test("every audited URL and every URL with a finding has a page, sorted, named as PageReportPath names them")
    func urls() {
        let index = SEOReportIndex(findings: Self.findings, auditedURLs: Self.audited)
        let expected = Set(Self.audited + Self.findings.map(\.url)).sorted()
        #expect(index.urls == expected)
        #expect(index.names == expected.map { PageReportPath.names(expected)[$0]! })
        #expect(index.audited == expected.map(Self.audited.contains))
        #expect(index.urlOfFinding.map { index.urls[$0] } == Self.findings.map(\.url))
        #expect(index.pagesWithFindings == Set(Self.findings.map(\.url)).count)
    }

    @Test("a URL's findings are by severity, worst first, then in the order of <; its counts are per severity")
    func pages() {
        let index = SEOReportIndex(findings: Self.findings, auditedURLs: Self.audited)
        let byURL = Dictionary(grouping: Self.findings, by: \.url)
        for (position, url) in index.urls.enumerated() {
            let expected = (byURL[url] ?? []).sorted { ($0.severity, $0) < ($1.severity, $1) }
            #expect(index.findings(ofPage: position).map { Self.findings[$0] } == expected)
            let counts = index.counts(ofPage: position)
            #expect([counts.errors, counts.warnings, counts.notices]
                == SEOSeverity.allCases.map { severity in expected.filter { $0.severity == severity }.count })
        }
        #expect(index.findings(ofPage: index.urls.firstIndex(of: "https://example.com/d")!).isEmpty)
    }

    @Test("each rule with findings gets its findings in order and the number of distinct URLs among them")
    func rules() {
        let index = SEOReportIndex(findings: Self.findings, auditedURLs: Self.audited)
        let byRule = Dictionary(grouping: Self.findings, by: \.rule)
        #expect(index.rules.map(\.rule) == byRule.keys.sorted())
        for (rule, range, pages) in index.rules {
            #expect(Array(Self.findings[range]) == byRule[rule])
            #expect(pages == Set(byRule[rule]!.map(\.url)).count)
        }
        #expect(SiteScore(pages: index.rules.map { ($0.rule, $0.pages) }, auditedPages: 3)
            == SiteScore(findings: Self.findings, auditedPages: 3))
    }

    @Test("no findings: the audited URLs still get their pages, with nothing on them")
    func empty() {
        let index = SEOReportIndex(findings: [], auditedURLs: Self.audited)
        #expect(index.urls == Self.audited.sorted())
        #expect(index.rules.isEmpty)
        #expect(index.pagesWithFindings == 0)
        #expect(index.counts(ofPage: 0) == (0, 0, 0))
    }
}
