/// The audit's findings arranged for the report: the URLs with a page, each finding's URL, each page's findings
/// and each rule's, all as positions into `findings` (sorted by rule, then URL, as `SEOAudit` keeps them).
///
/// Grouping and sorting `SEOFinding` values per page copied every finding with its strings' reference counts, and
/// every dictionary and set on the way hashed the URL again (perf: most of the report's own work on the Debian
/// handbook). Here each URL is hashed about once per rule, and the groups are counting sorts of integers.
struct SEOReportIndex {
    /// Every URL with a page in the report (audited, or named by a finding), sorted.
    let urls: [String]
    /// The page name of each URL in `urls` (`PageReportPath.names`).
    let names: [String]
    /// Per URL in `urls`: whether it was audited.
    let audited: [Bool]
    /// Per finding: the position of its URL in `urls`.
    let urlOfFinding: [Int]
    /// Per URL `u`, `pageFindings[pageStarts[u]..<pageStarts[u + 1]]` are its findings' positions: by severity
    /// (worst first), then in the sorted order.
    let pageFindings: [Int]
    let pageStarts: [Int]
    /// Per URL `u` and severity rank `s` (error 0, warning 1, notice 2): `severityCounts[u * 3 + s]` findings.
    let severityCounts: [Int]
    /// The rules with findings, in id order, with their findings (contiguous in the sorted findings) and how many
    /// distinct URLs those are on.
    let rules: [(rule: SEORule, findings: Range<Int>, pages: Int)]

    /// `findings` must be sorted (`SEOFinding.<`), `auditedURLs` sorted and distinct: both as `SEOAudit` has them.
    init(findings: [SEOFinding], auditedURLs: [String]) {
        // Distinct URLs, each numbered when first seen: the audited ones, then each finding's (hashed once per
        // finding; fields are read through the array, never copying a finding with its strings' reference counts).
        var seen: [String: Int] = [:]
        seen.reserveCapacity(auditedURLs.count)
        var firstSeen: [String] = []
        func number(_ url: String) -> Int {
            if let known = seen[url] { return known }
            seen[url] = firstSeen.count
            firstSeen.append(url)
            return firstSeen.count - 1
        }
        let auditedNumbers = auditedURLs.map(number)
        var urlOfFinding = findings.indices.map { number(findings[$0].url) }
        // Numbers to positions among the sorted URLs.
        let order = firstSeen.indices.sorted { firstSeen[$0] < firstSeen[$1] }
        var position = [Int](repeating: 0, count: order.count)
        for (rank, number) in order.enumerated() { position[number] = rank }
        let urls = order.map { firstSeen[$0] }
        for index in urlOfFinding.indices { urlOfFinding[index] = position[urlOfFinding[index]] }
        self.urls = urls
        names = PageReportPath.names(sorted: urls)
        var audited = [Bool](repeating: false, count: urls.count)
        for number in auditedNumbers { audited[position[number]] = true }
        self.audited = audited
        self.urlOfFinding = urlOfFinding

        // A stable counting sort on (URL, severity): within each bucket the findings keep their sorted order,
        // which restricted to one URL is the order of `<`.
        var counts = [Int](repeating: 0, count: urls.count * 3)
        for index in findings.indices { counts[urlOfFinding[index] * 3 + findings[index].severity.rank] += 1 }
        var next = [Int](repeating: 0, count: counts.count)
        var starts = [Int](repeating: 0, count: urls.count + 1)
        var total = 0
        for bucket in counts.indices {
            if bucket % 3 == 0 { starts[bucket / 3] = total }
            next[bucket] = total
            total += counts[bucket]
        }
        starts[urls.count] = total
        var pageFindings = [Int](repeating: 0, count: findings.count)
        for index in findings.indices {
            let bucket = urlOfFinding[index] * 3 + findings[index].severity.rank
            pageFindings[next[bucket]] = index
            next[bucket] += 1
        }
        self.pageFindings = pageFindings
        pageStarts = starts
        severityCounts = counts

        var rules: [(rule: SEORule, findings: Range<Int>, pages: Int)] = []
        var start = 0
        while start < findings.count {
            let rule = findings[start].rule
            var end = start + 1
            var pages = 1
            while end < findings.count, findings[end].rule == rule {
                if urlOfFinding[end] != urlOfFinding[end - 1] { pages += 1 }
                end += 1
            }
            rules.append((rule, start..<end, pages))
            start = end
        }
        self.rules = rules
    }

    /// The findings of the URL at `position` in `urls`, worst severity first.
    func findings(ofPage position: Int) -> ArraySlice<Int> { pageFindings[pageStarts[position]..<pageStarts[position + 1]] }

    /// Errors, warnings and notices on the URL at `position` in `urls`.
    func counts(ofPage position: Int) -> (errors: Int, warnings: Int, notices: Int) {
        (severityCounts[position * 3], severityCounts[position * 3 + 1], severityCounts[position * 3 + 2])
    }

    /// URLs with at least one finding.
    var pagesWithFindings: Int { (0..<urls.count).lazy.filter { pageStarts[$0] < pageStarts[$0 + 1] }.count }
}
