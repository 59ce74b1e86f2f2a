import Generator
import HeraldData

/// Findings per severity, and the score, in the tenant's last snapshots: each older snapshot's crawl is audited
/// again with today's settings and rules, so the history is a function of the snapshots alone (never of earlier
/// build output) and the points compare like with like.
public struct AuditTrend: Sendable {
    public struct Point: Sendable, Equatable {
        public var snapshot: String
        public var errors: Int
        public var warnings: Int
        public var notices: Int
        public var score: Double?

        public init(snapshot: String, audit: SEOAudit) {
            self.snapshot = snapshot
            errors = audit.count(.error)
            warnings = audit.count(.warning)
            notices = audit.count(.notice)
            score = audit.score?.value
        }

        public func count(_ severity: SEOSeverity) -> Int {
            switch severity {
            case .error: errors
            case .warning: warnings
            case .notice: notices
            }
        }

        public var total: Int { errors + warnings + notices }
    }

    /// Oldest first; the last point is the snapshot being built.
    public var points: [Point]
    /// Older snapshots that could not be loaded, with why (left out of the chart and reported as notices).
    public var skipped: [(date: String, reason: String)] = []

    /// Audits up to `count` snapshots older than the current one. `previous` (the newest older one, already audited
    /// for the comparison) is reused rather than audited twice; the others are loaded one at a time and dropped.
    public init(current: Point, history: SnapshotHistory, count: Int, previous: (date: String, audit: SEOAudit)?,
                audit: (Crawl) -> SEOAudit) {
        var points: [Point] = []
        for date in history.dates.suffix(max(0, count)) {
            if let previous, previous.date == date {
                points.append(Point(snapshot: date, audit: previous.audit))
                continue
            }
            do {
                let snapshot = try history.load(date)
                guard let crawl = snapshot.crawl else {
                    skipped.append((date, "it has no crawl"))
                    continue
                }
                points.append(Point(snapshot: date, audit: audit(crawl)))
            } catch {
                skipped.append((date, "\(error)"))
            }
        }
        self.points = points + [current]
    }

    /// Hands `older` the current crawl's parse of every page whose bytes and Content-Type did not change, so that
    /// auditing an older snapshot parses only the pages that differ (sites change slowly between snapshots). The
    /// analysis is a function of exactly those inputs, so the findings are the same as with a fresh parse.
    public static func reuseAnalyses(into older: Crawl, from current: Crawl) {
        var byURL: [String: CrawledPage] = [:]
        byURL.reserveCapacity(current.pages.count)
        for page in current.pages where page.isHTML && byURL[page.url] == nil { byURL[page.url] = page }
        let pages = older.pages, currentPages = byURL
        _ = ParallelMap.map(pages.count) { index in
            let page = pages[index]
            guard page.isHTML, let same = currentPages[page.url], same.body == page.body,
                  same.header("content-type") == page.header("content-type") else { return false }
            _ = older.memo.value(PageAnalysis.memoKind, url: page.url) { PageAnalysis.of(same, in: current) }
            return true
        }
    }
}
