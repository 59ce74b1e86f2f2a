import Foundation

/// Values derived from a crawl's pages, computed on first use and kept for the build: plugins stay independent
/// (each asks for what it needs and computes it when nobody has yet) but a page is parsed once per build.
///
/// Keys are a kind (`seo.page-analysis`) plus the page URL. Thread-safe; the lock is held only to look up and store,
/// so two threads asking at once may both compute (the results are equal; the first stored wins).
public final class CrawlMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: [String: any Sendable]] = [:]
    private var computed = 0

    public init() {}

    public func value<T: Sendable>(_ kind: String, url: String, _ compute: () -> T) -> T {
        lock.lock()
        let existing = values[kind]?[url] as? T
        lock.unlock()
        if let existing { return existing }
        let value = compute()
        lock.lock()
        defer { lock.unlock() }
        if let raced = values[kind]?[url] as? T { return raced }
        values[kind, default: [:]][url] = value
        computed += 1
        return value
    }

    /// How many values were computed and stored (for tests that check a page is parsed once).
    public var computedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return computed
    }
}
