import Foundation
import Generator
import HeraldData
import Mail
import Liquid

/// Reviews → rating figures against the previous period, response statistics, per-review sentiment,
/// recurring themes and the unanswered low ratings: `reports/reputation/index.html` and a digest
/// `email/reputation/digest.eml`.
public struct ReputationPlugin: Plugin {
    public let id = "reputation"
    public var requiredDatasets: Set<DatasetKind> { [.reviews] }
    public var analyzer: SentimentAnalyzer

    public static let reportPath = "reports/reputation/index.html"
    public static let digestPath = "email/reputation/digest.eml"
    public static let csvPath = "reports/reputation/reviews.csv"

    public init(analyzer: SentimentAnalyzer = SentimentAnalyzer()) { self.analyzer = analyzer }

    public func check(_ input: PluginCheckInput) -> [Diagnostic] {
        diagnostics(at: input.settings.node.location) { _ = try Self.settings(input.settings) }
    }

    static func settings(_ node: PluginSettings) throws -> ReputationSettings {
        let settings = try node.decode(ReputationSettings.self)
        let problems = settings.validate(at: node.node.location)
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return settings
    }

    public func run(_ input: PluginInput) throws -> PluginOutput {
        let settings = try Self.settings(input.settings)
        let reviewsFile = input.snapshot.folder + "/reviews.ndjson"
        guard let reviews = input.snapshot.reviews else {
            throw Diagnostic("the reputation plugin needs reviews.ndjson in the snapshot", at: SourceLocation(file: reviewsFile))
        }
        let badRatings = reviews.filter { !(1...5).contains($0.rating) }.map {
            Diagnostic("review '\($0.id)' has rating \($0.rating); expected 1 to 5", at: SourceLocation(file: reviewsFile, line: $0.line))
        }
        if !badRatings.isEmpty { throw DiagnosticList(badRatings) }

        var tenantLocation = input.tenant.location
        tenantLocation.keyPath = "time_zone"
        let calendar = try LocalDay.calendar(timeZone: input.tenant.timeZone, at: tenantLocation)
        let analysis = ReputationAnalysis(reviews: reviews, now: input.now, calendar: calendar, settings: settings,
                                          analyzer: analyzer)
        let headline = Self.headline(analysis)
        let summary = ReportSummary(
            title: "Reputation", headline: headline,
            detail: counted(analysis.current.count, "review") + ", "
                + counted(analysis.unanswered.count, "unanswered low rating"),
            link: Self.reportPath)

        var variables = LiquidObject()
        variables["report"] = ReputationTemplateValues.report(analysis, headline: headline)
        let page = try input.templates.renderPage(
            "reputation/index.html", variables,
            page: PageMeta(title: "Reputation: \(input.tenant.name)",
                           description: "Ratings, responses and sentiment, \(analysis.period.firstDay) to \(analysis.period.lastDay)"),
            tenant: input.tenant, outputPath: Self.reportPath)

        var emailVariables = variables
        emailVariables["tenant"] = input.tenant.liquidValue
        let html = try input.templates.render("reputation/digest.html", emailVariables)
        let host = DigestMessage.host(of: input.tenant.baseURL)
        let stamp = TimestampStamp.compact(input.now)
        let message = DigestMessage(
            from: settings.from ?? "reputation@" + host,
            to: settings.recipients.sorted(),
            subject: "Reputation digest for \(input.tenant.name): \(headline)",
            date: HeaderEncoding.date(millisecondsSinceEpoch: Int64((input.now.timeIntervalSince1970 * 1000).rounded(.down)),
                                     offsetSeconds: calendar.timeZone.secondsFromGMT(for: input.now)),
            messageID: "<reputation-digest." + DigestMessage.token(input.tenant.id) + "." + stamp + "@" + host + ">",
            text: DigestText.render(analysis, tenantName: input.tenant.name, headline: headline, reportLink: nil),
            html: html)

        return PluginOutput(
            artifacts: [try Artifact(Self.reportPath, text: page), try Artifact(Self.csvPath, text: ReviewsCSV.render(analysis.scored)),
                        try Artifact(Self.digestPath, bytes: message.render())],
            summary: summary,
            notices: notices(analysis, settings: settings, reviewsFile: reviewsFile, tenantLocation: input.tenant.location))
    }

    /// "4.3 ★ (+0.2)", "4.3 ★" without a previous period, "no reviews" without reviews.
    static func headline(_ a: ReputationAnalysis) -> String {
        guard let average = a.current.average else { return "no reviews" }
        let base = Figures.decimal(average, 1) + " ★"
        guard let change = a.change else { return base }
        return base + " (" + Figures.signed(change, 1) + ")"
    }

    func notices(_ a: ReputationAnalysis, settings: ReputationSettings, reviewsFile: String,
                 tenantLocation: SourceLocation) -> [Diagnostic] {
        var notices: [Diagnostic] = []
        for review in a.responses.inconsistent.sorted(by: { $0.line < $1.line }) {
            notices.append(Diagnostic("review '\(review.id)' has a response dated before the review; left out of the median response time",
                                      at: SourceLocation(file: reviewsFile, line: review.line), severity: .warning))
        }
        if a.future > 0 {
            notices.append(Diagnostic("\(counted(a.future, "review")) dated after the build time were left out",
                                      at: SourceLocation(file: reviewsFile), severity: .info))
        }
        var recipientsLocation = tenantLocation
        recipientsLocation.keyPath = "plugins.reputation.recipients"
        if settings.recipients.isEmpty {
            notices.append(Diagnostic("no reputation.recipients configured: \(Self.digestPath) is addressed to undisclosed-recipients",
                                      at: recipientsLocation, severity: .info))
        }
        return notices
    }
}

/// `YYYYMMDDHHMMSS` in UTC, for Message-IDs.
enum TimestampStamp {
    static func compact(_ date: Date) -> String {
        let text = Timestamp(date: date).description  // RFC 3339 in UTC
        return String(decoding: text.utf8.prefix(19).filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
    }
}
