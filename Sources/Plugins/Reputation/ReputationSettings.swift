import HeraldData
import Mail

/// `plugins.reputation` in `tenant.yml` (over `plugin_defaults.reputation` in `herald.yml`). Every key is optional.
///
/// ```yaml
/// reputation:
///   period_days: 30            # the report covers the N local days ending at --now
///   low_rating_threshold: 2    # unanswered reviews at or below this many stars are listed
///   recipients: [owner@example.com]
///   from: reports@example.com  # default: reputation@<host of the tenant's base URL>
/// ```
///
/// With no recipients the digest is still written, addressed to `undisclosed-recipients:;`, and the build
/// notes it (severity info), so that the report can be previewed before anyone subscribes.
public struct ReputationSettings: Decodable, Sendable, Hashable {
    public var periodDays: Int
    public var lowRatingThreshold: Int
    public var recipients: [String]
    public var from: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case periodDays, lowRatingThreshold, recipients, from
    }

    public init(periodDays: Int = 30, lowRatingThreshold: Int = 2, recipients: [String] = [], from: String? = nil) {
        self.periodDays = periodDays
        self.lowRatingThreshold = lowRatingThreshold
        self.recipients = recipients
        self.from = from
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(periodDays: try c.decodeIfPresent(Int.self, forKey: .periodDays) ?? 30,
                  lowRatingThreshold: try c.decodeIfPresent(Int.self, forKey: .lowRatingThreshold) ?? 2,
                  recipients: try c.decodeIfPresent([String].self, forKey: .recipients) ?? [],
                  from: try c.decodeIfPresent(String.self, forKey: .from))
    }

    /// Range and address checks, each problem a diagnostic at `location`.
    public func validate(at location: SourceLocation) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func at(_ key: String) -> SourceLocation {
            var l = location
            l.keyPath = key
            return l
        }
        if !(1...3660).contains(periodDays) {
            problems.append(Diagnostic("period_days must be between 1 and 3660, found \(periodDays)", at: at("period_days")))
        }
        if !(1...4).contains(lowRatingThreshold) {
            problems.append(Diagnostic("low_rating_threshold must be between 1 and 4 stars, found \(lowRatingThreshold)",
                                       at: at("low_rating_threshold")))
        }
        for (index, address) in recipients.enumerated() where !MailAddress.isValid(address) {
            problems.append(Diagnostic("'\(address)' is not an email address (expected local@domain)",
                                       at: at("recipients[\(index)]")))
        }
        if let from, !MailAddress.isValid(from) {
            problems.append(Diagnostic("'\(from)' is not an email address (expected local@domain)", at: at("from")))
        }
        return problems
    }
}
