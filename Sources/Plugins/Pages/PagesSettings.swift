/// `plugin_defaults.pages` / `plugins.pages`. Every key is optional; unknown keys are errors.
public struct PagesSettings: Decodable, Sendable, Equatable {
    /// Curly quotes, en/em dashes and ellipses (cmark's `--smart`).
    public var smartPunctuation: Bool = false
    /// Longest meta description taken from the first paragraph, in characters.
    public var descriptionLength: Int = 160

    public init(smartPunctuation: Bool = false, descriptionLength: Int = 160) {
        self.smartPunctuation = smartPunctuation
        self.descriptionLength = descriptionLength
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case smartPunctuation, descriptionLength
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        smartPunctuation = try container.decodeIfPresent(Bool.self, forKey: .smartPunctuation) ?? false
        descriptionLength = try container.decodeIfPresent(Int.self, forKey: .descriptionLength) ?? 160
    }
}
