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
    public var disabledRules: [String] = [] {
        didSet { enabledRules = Self.enabledRules(disabledRules) }
    }
    /// The rules that run: kept with `disabledRules` rather than computed on each use, because every page's rules
    /// ask for it (perf: building the set per call was 1.2% of an audit).
    public private(set) var enabledRules: Set<SEORule> = Set(SEORule.allCases)
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
    /// Titles shorter than this many characters are reported (title-too-short).
    public var titleMinLength = 30
    /// Meta descriptions shorter than this many characters are reported (description-too-short).
    public var descriptionMinLength = 70
    /// Title width range in pixels at Google's 20 px Arial (title-too-narrow, title-too-wide).
    public var titleMinPixels = 200
    public var titleMaxPixels = 561
    /// Description width range in pixels at Google's 14 px Arial (description-too-narrow, description-too-wide).
    public var descriptionMinPixels = 400
    public var descriptionMaxPixels = 985
    /// h1 and h2 longer than this many characters are reported (h1-too-long, h2-too-long).
    public var h1MaxLength = 70
    public var h2MaxLength = 70
    /// URLs longer than this many characters are reported (url-too-long).
    public var urlMaxLength = 115
    /// alt texts longer than this many characters are reported (image-alt-too-long).
    public var altMaxLength = 100
    /// Pages with fewer words than this in `<body>` are reported (content-low).
    public var minWordCount = 200

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case titleMaxLength, descriptionMaxLength, disabledRules, compareWithPrevious, robotsAgent, linkTextPhrases, maxCrawlDepth
        case nearDuplicateThreshold, duplicateMinWords, trendSnapshots
        case titleMinLength, descriptionMinLength, titleMinPixels, titleMaxPixels, descriptionMinPixels, descriptionMaxPixels
        case h1MaxLength, h2MaxLength, urlMaxLength, altMaxLength, minWordCount
    }

    /// The integer thresholds: key, value, smallest allowed value.
    var thresholds: [(key: String, value: Int, minimum: Int)] {
        [("title_max_length", titleMaxLength, 1), ("description_max_length", descriptionMaxLength, 1),
         ("max_crawl_depth", maxCrawlDepth, 1), ("title_min_length", titleMinLength, 0),
         ("description_min_length", descriptionMinLength, 0), ("title_min_pixels", titleMinPixels, 0),
         ("title_max_pixels", titleMaxPixels, 1), ("description_min_pixels", descriptionMinPixels, 0),
         ("description_max_pixels", descriptionMaxPixels, 1), ("h1_max_length", h1MaxLength, 1),
         ("h2_max_length", h2MaxLength, 1), ("url_max_length", urlMaxLength, 1), ("alt_max_length", altMaxLength, 1),
         ("min_word_count", minWordCount, 0)]
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        titleMaxLength = try c.decodeIfPresent(Int.self, forKey: .titleMaxLength) ?? titleMaxLength
        descriptionMaxLength = try c.decodeIfPresent(Int.self, forKey: .descriptionMaxLength) ?? descriptionMaxLength
        disabledRules = try c.decodeIfPresent([String].self, forKey: .disabledRules) ?? disabledRules
        enabledRules = Self.enabledRules(disabledRules)  // observers do not run in an initialiser
        compareWithPrevious = try c.decodeIfPresent(Bool.self, forKey: .compareWithPrevious) ?? compareWithPrevious
        robotsAgent = try c.decodeIfPresent(String.self, forKey: .robotsAgent) ?? robotsAgent
        linkTextPhrases = try c.decodeIfPresent([String].self, forKey: .linkTextPhrases) ?? linkTextPhrases
        maxCrawlDepth = try c.decodeIfPresent(Int.self, forKey: .maxCrawlDepth) ?? maxCrawlDepth
        nearDuplicateThreshold = try c.decodeIfPresent(Double.self, forKey: .nearDuplicateThreshold) ?? nearDuplicateThreshold
        duplicateMinWords = try c.decodeIfPresent(Int.self, forKey: .duplicateMinWords) ?? duplicateMinWords
        trendSnapshots = try c.decodeIfPresent(Int.self, forKey: .trendSnapshots) ?? trendSnapshots
        titleMinLength = try c.decodeIfPresent(Int.self, forKey: .titleMinLength) ?? titleMinLength
        descriptionMinLength = try c.decodeIfPresent(Int.self, forKey: .descriptionMinLength) ?? descriptionMinLength
        titleMinPixels = try c.decodeIfPresent(Int.self, forKey: .titleMinPixels) ?? titleMinPixels
        titleMaxPixels = try c.decodeIfPresent(Int.self, forKey: .titleMaxPixels) ?? titleMaxPixels
        descriptionMinPixels = try c.decodeIfPresent(Int.self, forKey: .descriptionMinPixels) ?? descriptionMinPixels
        descriptionMaxPixels = try c.decodeIfPresent(Int.self, forKey: .descriptionMaxPixels) ?? descriptionMaxPixels
        h1MaxLength = try c.decodeIfPresent(Int.self, forKey: .h1MaxLength) ?? h1MaxLength
        h2MaxLength = try c.decodeIfPresent(Int.self, forKey: .h2MaxLength) ?? h2MaxLength
        urlMaxLength = try c.decodeIfPresent(Int.self, forKey: .urlMaxLength) ?? urlMaxLength
        altMaxLength = try c.decodeIfPresent(Int.self, forKey: .altMaxLength) ?? altMaxLength
        minWordCount = try c.decodeIfPresent(Int.self, forKey: .minWordCount) ?? minWordCount
    }

    /// Decodes and checks the values (positive lengths, known rule ids).
    public static func load(_ settings: PluginSettings) throws -> SEOSettings {
        let decoded = try settings.decode(SEOSettings.self)
        func location(_ key: String) -> SourceLocation { settings.location(of: key) }
        for threshold in decoded.thresholds where threshold.value < threshold.minimum {
            throw Diagnostic("\(threshold.key) must be at least \(threshold.minimum), found \(threshold.value)",
                             at: location(threshold.key))
        }
        for (low, high, lowKey, highKey) in [(decoded.titleMinLength, decoded.titleMaxLength, "title_min_length", "title_max_length"),
                                             (decoded.descriptionMinLength, decoded.descriptionMaxLength, "description_min_length", "description_max_length"),
                                             (decoded.titleMinPixels, decoded.titleMaxPixels, "title_min_pixels", "title_max_pixels"),
                                             (decoded.descriptionMinPixels, decoded.descriptionMaxPixels, "description_min_pixels", "description_max_pixels")]
            where low > high {
            throw Diagnostic("\(lowKey) (\(low)) must not be above \(highKey) (\(high))", at: location(lowKey))
        }
        if decoded.robotsAgent.isEmpty || RobotsFile.productToken(ArraySlice(decoded.robotsAgent.utf8)).count != decoded.robotsAgent.utf8.count {
            throw Diagnostic("robots_agent must be a product token (letters, '-', '_'), such as Googlebot; found '\(decoded.robotsAgent)'",
                             at: location("robots_agent"))
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

    static func enabledRules(_ disabled: [String]) -> Set<SEORule> {
        Set(SEORule.allCases).subtracting(disabled.compactMap(SEORule.init(rawValue:)))
    }
}
