/// Collects one page's findings, dropping those of disabled rules.
struct FindingList {
    let url: String
    let enabled: Set<SEORule>
    private(set) var findings: [SEOFinding] = []

    init(url: String, enabled: Set<SEORule>) {
        self.url = url
        self.enabled = enabled
    }

    mutating func add(_ rule: SEORule, _ line: Int?, _ evidence: String, _ message: String) {
        if enabled.contains(rule) { findings.append(SEOFinding(rule: rule, url: url, line: line, evidence: evidence, message: message)) }
    }
}
