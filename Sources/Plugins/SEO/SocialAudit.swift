import Foundation
/// Open Graph (ogp.me) and Twitter (X) card metadata: og-missing, og-incomplete, og-invalid, twitter-card-missing,
/// twitter-card-invalid.
enum SocialAudit {
    /// ogp.me's four required properties, and og:description, which every preview shows.
    static let requiredOG = ["og:title", "og:type", "og:image", "og:url", "og:description"]
    static let singleValued: Set<String> = ["og:title", "og:description", "og:url", "og:type"]
    static let cardTypes: Set<String> = ["summary", "summary_large_image", "app", "player"]

    static func findings(url: String, facts: PageFacts, into list: inout FindingList) {
        let og = facts.socialTags.filter { $0.key.hasPrefix("og:") }
        let twitter = facts.socialTags.filter { $0.key.hasPrefix("twitter:") }
        func first(_ key: String, in tags: [PageFacts.SocialTag]) -> PageFacts.SocialTag? { tags.first { $0.key == key } }
        func value(_ tag: PageFacts.SocialTag?) -> String { (tag?.item.value ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        func isAbsoluteHTTP(_ text: String) -> Bool { let u = WebURL(text); return u.isHTTP && !(u.authority ?? "").isEmpty }
        let head = facts.headTag ?? facts.htmlTag

        if og.isEmpty {
            list.add(.ogMissing, head.line, head.tag, "no og: properties (og:title, og:type, og:image, og:url, og:description)")
        } else {
            let missing = requiredOG.filter { first($0, in: og) == nil }
            if !missing.isEmpty {
                list.add(.ogIncomplete, og[0].item.line, og[0].item.tag, "missing " + missing.joined(separator: ", "))
            }
            var firstValue: [String: String] = [:]
            for tag in og {
                let text = value(tag)
                if text.isEmpty {
                    list.add(.ogInvalid, tag.item.line, tag.item.tag, "\(tag.key) is empty")
                    continue
                }
                if ["og:url", "og:image", "og:image:url", "og:image:secure_url"].contains(tag.key), !isAbsoluteHTTP(text) {
                    list.add(.ogInvalid, tag.item.line, tag.item.tag, "\(tag.key) is not an absolute http(s) URL")
                }
                if singleValued.contains(tag.key) {
                    if let earlier = firstValue[tag.key] {
                        if earlier != text { list.add(.ogInvalid, tag.item.line, tag.item.tag, "\(tag.key) given again with another value") }
                    } else {
                        firstValue[tag.key] = text
                    }
                }
            }
            let pageURL = WebURL(url).normalized
            if let ogURL = first("og:url", in: og), isAbsoluteHTTP(value(ogURL)),
               let canonical = Indexability.canonical(facts, pageURL: pageURL), canonical.isHTTP,
               WebURL(value(ogURL)).normalized != canonical {
                list.add(.ogInvalid, ogURL.item.line, ogURL.item.tag, "og:url differs from the canonical \(canonical)")
            }
        }

        guard let card = first("twitter:card", in: twitter) else {
            if !og.isEmpty { list.add(.twitterCardMissing, og[0].item.line, og[0].item.tag, "Open Graph tags but no twitter:card") }
            return
        }
        let type = value(card).lowercased()
        let all = twitter + og
        func has(_ keys: String...) -> Bool { keys.contains { !value(first($0, in: all)).isEmpty } }
        if !cardTypes.contains(type) {
            list.add(.twitterCardInvalid, card.item.line, card.item.tag,
                     "twitter:card \"\(value(card))\" is not summary, summary_large_image, app or player")
        } else if type == "summary" || type == "summary_large_image", !has("twitter:title", "og:title") {
            list.add(.twitterCardInvalid, card.item.line, card.item.tag, "a \(type) card without twitter:title or og:title")
        } else if type == "player" {
            let missing = [("twitter:player", has("twitter:player")), ("twitter:player:width", has("twitter:player:width")),
                           ("twitter:player:height", has("twitter:player:height")), ("twitter:image", has("twitter:image", "og:image"))]
                .filter { !$0.1 }.map(\.0)
            if !missing.isEmpty {
                list.add(.twitterCardInvalid, card.item.line, card.item.tag, "a player card without " + missing.joined(separator: ", "))
            }
        }
        for tag in twitter where tag.key == "twitter:image" || tag.key == "twitter:image:src" {
            if !isAbsoluteHTTP(value(tag)) {
                list.add(.twitterCardInvalid, tag.item.line, tag.item.tag, "\(tag.key) is not an absolute http(s) URL")
            }
        }
    }
}
