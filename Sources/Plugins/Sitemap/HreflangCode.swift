import Foundation
import SEOPlugin

/// hreflang values as the sitemap writes them: BCP 47 tags in their conventional case (`pt-BR`, `zh-Hant-TW`,
/// `x-default`). Internal language keys are converted (`pt_BR`, `EN-gb` → `pt-BR`, `en-GB`); what is still not a
/// valid tag afterwards (`en-UK`, `english`) is rejected with the reason `LanguageTag` gives.
public enum HreflangCode {
    public static func normalized(_ raw: String) -> Result<String, Invalid> {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "x-default" { return .success("x-default") }
        let subtags = trimmed.split(separator: "_", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "-", omittingEmptySubsequences: false) }
        var out: [String] = []
        var afterSingleton = false
        for (index, subtag) in subtags.enumerated() {
            let lower = subtag.lowercased()
            let letters = lower.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
            if index == 0 || afterSingleton {
                out.append(lower)
            } else if lower.count == 4, letters {
                out.append(lower.prefix(1).uppercased() + lower.dropFirst())  // script: Hant
            } else if lower.count == 2, letters {
                out.append(lower.uppercased())  // region: BR
            } else {
                out.append(lower)
            }
            if lower.count == 1 { afterSingleton = true }  // extensions and private use stay lower case
        }
        let tag = out.joined(separator: "-")
        if let problem = LanguageTag.problem(tag) { return .failure(Invalid(raw: raw, problem: problem)) }
        return .success(tag)
    }

    public struct Invalid: Error, Sendable, Hashable {
        public var raw: String
        public var problem: String
    }
}

/// One hreflang link as a page declares it: `page` says `href` is its version in `hreflang` (as written).
public struct HreflangDeclaration: Sendable, Hashable {
    /// The declaring page's sitemap loc.
    public var page: String
    public var hreflang: String
    /// Absolute, normalised, percent-encoded.
    public var href: String

    public init(page: String, hreflang: String, href: String) {
        self.page = page
        self.hreflang = hreflang
        self.href = href
    }
}
