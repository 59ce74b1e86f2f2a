/// One dated snapshot of a tenant's data: `snapshots/<tenant>/<YYYY-MM-DD>/`.
/// A dataset is nil when its file is absent from the snapshot.
public struct Snapshot: Sendable {
    /// `YYYY-MM-DD`, the folder name.
    public var date: String
    /// `snapshots/<tenant>/<YYYY-MM-DD>`, relative to the project like every diagnostic's file (plugins name their
    /// input files with it; they never read files).
    public var folder: String
    public var crawl: Crawl?
    public var touchpoints: [Touchpoint]?
    public var conversions: [Conversion]?
    public var identities: [Identity]?
    public var paths: [AggregatedPath]?
    public var rates: ExchangeRates?
    public var reviews: [Review]?
    public var subscribers: [Subscriber]?
    /// Info and warnings found while loading (for example removed exact duplicates).
    public var diagnostics: [Diagnostic] = []

    public init(date: String, folder: String) {
        self.date = date
        self.folder = folder
    }
}

/// Fetched pages of the tenant's website.
public struct Crawl: Sendable {
    public var pages: [CrawledPage] {
        didSet { memo = CrawlMemo() }
    }
    /// Per-page results computed once per build and shared by the plugins that read this crawl (the parsed facts
    /// of each page, which the SEO and sitemap plugins both need). Replaced when `pages` changes.
    public private(set) var memo = CrawlMemo()

    public init(pages: [CrawledPage]) { self.pages = pages }
}

public struct CrawledPage: Sendable {
    /// Absolute URL.
    public var url: String
    public var status: Int
    /// Header names lower-cased, in received order.
    public var headers: [(name: String, value: String)]
    public var fetchedAt: Timestamp?
    public var body: [UInt8]
    public var location: SourceLocation

    public init(url: String, status: Int, headers: [(name: String, value: String)] = [], fetchedAt: Timestamp? = nil,
                body: [UInt8], location: SourceLocation) {
        self.url = url
        self.status = status
        self.headers = headers
        self.fetchedAt = fetchedAt
        self.body = body
        self.location = location
    }

    /// The first header with this (case-insensitive) name.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name == lower }?.value
    }

    public var isHTML: Bool {
        guard let type = header("content-type") else { return true }
        return type.lowercasedContains("html")
    }
}

/// touchpoints.csv
public struct Touchpoint: Sendable, Hashable {
    public var id: String
    public var anonymousID: String?
    public var userID: String?
    public var timestamp: Timestamp
    public var channel: String
    public var source: String?
    public var medium: String?
    public var campaign: String?
    public var cost: Double?
    public var line: Int

    public init(id: String, anonymousID: String?, userID: String?, timestamp: Timestamp, channel: String,
                source: String? = nil, medium: String? = nil, campaign: String? = nil, cost: Double? = nil, line: Int = 0) {
        self.id = id
        self.anonymousID = anonymousID
        self.userID = userID
        self.timestamp = timestamp
        self.channel = channel
        self.source = source
        self.medium = medium
        self.campaign = campaign
        self.cost = cost
        self.line = line
    }
}

/// conversions.csv
public struct Conversion: Sendable, Hashable {
    public var id: String
    public var userID: String
    public var timestamp: Timestamp
    public var value: Double
    /// ISO 4217.
    public var currency: String
    public var line: Int

    public init(id: String, userID: String, timestamp: Timestamp, value: Double, currency: String, line: Int = 0) {
        self.id = id
        self.userID = userID
        self.timestamp = timestamp
        self.value = value
        self.currency = currency
        self.line = line
    }
}

/// identities.csv: one identify event linking a device to a user.
public struct Identity: Sendable, Hashable {
    public var anonymousID: String
    public var userID: String
    public var timestamp: Timestamp

    public init(anonymousID: String, userID: String, timestamp: Timestamp) {
        self.anonymousID = anonymousID
        self.userID = userID
        self.timestamp = timestamp
    }
}

/// paths.csv, in ChannelAttribution's layout.
public struct AggregatedPath: Sendable, Hashable {
    public var channels: [String]
    public var conversions: Double
    public var value: Double
    public var nulls: Double

    public init(channels: [String], conversions: Double, value: Double, nulls: Double) {
        self.channels = channels
        self.conversions = conversions
        self.value = value
        self.nulls = nulls
    }
}

/// rates.csv: how many units of the reporting currency one unit of `currency` buys.
public struct ExchangeRates: Sendable, Hashable {
    public var reportingCurrency: String
    public var rates: [String: Double]
    public var location: SourceLocation

    public init(reportingCurrency: String, rates: [String: Double], location: SourceLocation) {
        self.reportingCurrency = reportingCurrency
        self.rates = rates
        self.location = location
    }

    /// Converts an amount; a missing rate is an error naming the currency.
    public func convert(_ amount: Double, from currency: String, at location: SourceLocation) throws(Diagnostic) -> Double {
        if currency == reportingCurrency { return amount }
        guard let rate = rates[currency] else {
            throw Diagnostic("no exchange rate from \(currency) to \(reportingCurrency) in \(self.location.file)", at: location)
        }
        return amount * rate
    }
}

/// reviews.ndjson
public struct Review: Sendable, Hashable {
    public var id: String
    public var source: String
    public var author: String
    /// 1...5
    public var rating: Int
    public var title: String?
    public var text: String
    public var createdAt: Timestamp
    public var response: ReviewResponse?
    public var line: Int

    public init(id: String, source: String, author: String, rating: Int, title: String? = nil, text: String,
                createdAt: Timestamp, response: ReviewResponse? = nil, line: Int = 0) {
        self.id = id
        self.source = source
        self.author = author
        self.rating = rating
        self.title = title
        self.text = text
        self.createdAt = createdAt
        self.response = response
        self.line = line
    }
}

public struct ReviewResponse: Sendable, Hashable {
    public var text: String
    public var respondedAt: Timestamp
    public init(text: String, respondedAt: Timestamp) {
        self.text = text
        self.respondedAt = respondedAt
    }
}

/// subscribers.csv
public struct Subscriber: Sendable, Hashable {
    public var id: String
    public var email: String
    public var firstName: String?
    public var lastName: String?
    /// Free-form tags, used by segments.
    public var tags: [String]
    public var subscribed: Bool
    /// Any extra columns, by header name.
    public var attributes: [String: String]
    public var line: Int

    public init(id: String, email: String, firstName: String? = nil, lastName: String? = nil, tags: [String] = [],
                subscribed: Bool = true, attributes: [String: String] = [:], line: Int = 0) {
        self.id = id
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.tags = tags
        self.subscribed = subscribed
        self.attributes = attributes
        self.line = line
    }
}

/// A markdown file under `content/<tenant>/`.
public struct ContentDocument: Sendable {
    /// Relative to `content/<tenant>/`, with `/` separators, e.g. `pages/about.md`.
    public var path: String
    /// Front matter as a map (empty when the file has none).
    public var frontMatter: ConfigNode
    /// The markdown after the front matter.
    public var body: String
    /// Line of the file where `body` starts (1-based), for error messages.
    public var bodyLine: Int
    public var location: SourceLocation

    public init(path: String, frontMatter: ConfigNode, body: String, bodyLine: Int, location: SourceLocation) {
        self.path = path
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
        self.location = location
    }
}
