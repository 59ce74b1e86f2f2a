import Generator
import HeraldData

/// `plugins.seo` settings (herald.yml `plugin_defaults.seo`, overlaid by tenant.yml `plugins.seo`).
///
/// Every key is optional; unknown keys are errors with their location.
public struct SEOSettings: Decodable, Sendable, Equatable {
    /// Titles longer than this many characters (entities decoded, whitespace collapsed) are reported.
    public var titleMaxLength = 60
    /// Meta descriptions longer than this many characters are reported.
    public var descriptionMaxLength = 155
    /// Rule ids to skip, e.g. `[canonical-missing, image-alt-empty]`.
    public var disabledRules: [String] = []
    /// Audit the previous snapshot too and report new and fixed findings.
    public var compareWithPrevious = true
    /// The crawler (product token) whose robots.txt rules the robots-txt-blocked rule applies.
    public var robotsAgent = "Googlebot"
    /// Link texts reported by link-text in addition to Lighthouse's lists, in any language (compared lower-cased,
    /// whitespace collapsed).
    public var linkTextPhrases: [String] = []
    /// Pages more clicks than this from the home page are reported (crawl-depth).
    public var maxCrawlDepth = 4
    /// Pages whose main texts share at least this fraction of 3-word shingles are near duplicates (0.5–1).
    public var nearDuplicateThreshold = 0.9
    /// Pages with fewer words of main text are left out of content-duplicate and near-duplicate.
    public var duplicateMinWords = 50
    /// How many older snapshots the trend chart audits again (0: no trend).
    public var trendSnapshots = 6

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case titleMaxLength, descriptionMaxLength, disabledRules, compareWithPrevious, robotsAgent, linkTextPhrases, maxCrawlDepth
        case nearDuplicateThreshold, duplicateMinWords, trendSnapshots
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        titleMaxLength = try c.decodeIfPresent(Int.self, forKey: .titleMaxLength) ?? titleMaxLength
        descriptionMaxLength = try c.decodeIfPresent(Int.self, forKey: .descriptionMaxLength) ?? descriptionMaxLength
        disabledRules = try c.decodeIfPresent([String].self, forKey: .disabledRules) ?? disabledRules
        compareWithPrevious = try c.decodeIfPresent(Bool.self, forKey: .compareWithPrevious) ?? compareWithPrevious
        robotsAgent = try c.decodeIfPresent(String.self, forKey: .robotsAgent) ?? robotsAgent
        linkTextPhrases = try c.decodeIfPresent([String].self, forKey: .linkTextPhrases) ?? linkTextPhrases
        maxCrawlDepth = try c.decodeIfPresent(Int.self, forKey: .maxCrawlDepth) ?? maxCrawlDepth
        nearDuplicateThreshold = try c.decodeIfPresent(Double.self, forKey: .nearDuplicateThreshold) ?? nearDuplicateThreshold
        duplicateMinWords = try c.decodeIfPresent(Int.self, forKey: .duplicateMinWords) ?? duplicateMinWords
        trendSnapshots = try c.decodeIfPresent(Int.self, forKey: .trendSnapshots) ?? trendSnapshots
    }

    /// Decodes and checks the values (positive lengths, known rule ids).
    public static func load(_ settings: PluginSettings) throws -> SEOSettings {
        let decoded = try settings.decode(SEOSettings.self)
        func location(_ key: String) -> SourceLocation { settings.location(of: key) }
        if decoded.titleMaxLength < 1 {
            throw Diagnostic("title_max_length must be at least 1, found \(decoded.titleMaxLength)", at: location("title_max_length"))
        }
        if decoded.descriptionMaxLength < 1 {
            throw Diagnostic("description_max_length must be at least 1, found \(decoded.descriptionMaxLength)",
                             at: location("description_max_length"))
        }
        if decoded.robotsAgent.isEmpty || RobotsFile.productToken(ArraySlice(decoded.robotsAgent.utf8)).count != decoded.robotsAgent.utf8.count {
            throw Diagnostic("robots_agent must be a product token (letters, '-', '_'), such as Googlebot; found '\(decoded.robotsAgent)'",
                             at: location("robots_agent"))
        }
        if decoded.maxCrawlDepth < 1 {
            throw Diagnostic("max_crawl_depth must be at least 1, found \(decoded.maxCrawlDepth)", at: location("max_crawl_depth"))
        }
        if !(0.5...1).contains(decoded.nearDuplicateThreshold) {
            throw Diagnostic("near_duplicate_threshold must be between 0.5 and 1 (a share of shared 3-word shingles), found \(decoded.nearDuplicateThreshold)",
                             at: location("near_duplicate_threshold"))
        }
        if decoded.duplicateMinWords < MainText.shingleSize {
            throw Diagnostic("duplicate_min_words must be at least \(MainText.shingleSize), found \(decoded.duplicateMinWords)",
                             at: location("duplicate_min_words"))
        }
        if !(0...100).contains(decoded.trendSnapshots) {
            throw Diagnostic("trend_snapshots must be between 0 and 100, found \(decoded.trendSnapshots)", at: location("trend_snapshots"))
        }
        if let empty = decoded.linkTextPhrases.first(where: { TextNormalization.collapse($0).isEmpty }) {
            throw Diagnostic("link_text_phrases must not hold empty phrases, found '\(empty)'", at: location("link_text_phrases"))
        }
        for id in decoded.disabledRules where SEORule(rawValue: id) == nil {
            let known = SEORule.allCases.map(\.rawValue).joined(separator: ", ")
            throw Diagnostic("unknown SEO rule '\(id)' in disabled_rules; known rules: \(known)", at: location("disabled_rules"))
        }
        return decoded
    }

    /// The rules that run.
    public var enabledRules: Set<SEORule> {
        Set(SEORule.allCases).subtracting(disabledRules.compactMap(SEORule.init(rawValue:)))
    }
}
