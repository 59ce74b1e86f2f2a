/// Checks on a rendered issue that predict how it fares in inboxes (first depth of the lint report).
struct IssueLint: Sendable {
    enum Level: String, Sendable { case warning, info }

    struct Finding: Sendable {
        var level: Level
        var message: String
    }

    var findings: [Finding] = []
    var links = 0
    var images = 0

    static let clipBytes = 102 * 1024
    static let sizeWarningBytes = 90 * 1024

    /// `html` is the inlined layout before personalisation (merges are sentinels).
    init(issue: NewsletterIssue, html: [UInt8], unsubscribeSentinel: String) {
        if html.count > IssueLint.clipBytes {
            findings.append(.init(level: .warning, message: "HTML is \(html.count / 1024) KB: Gmail clips messages over about 102 KB, hiding the footer and the unsubscribe link"))
        } else if html.count > IssueLint.sizeWarningBytes {
            findings.append(.init(level: .info, message: "HTML is \(html.count / 1024) KB, close to Gmail's 102 KB clipping limit"))
        }
        var missingAlt = 0, missingWidth = 0, insecure: [String] = []
        var unsubscribeLinked = false
        var inBody = false
        for token in HTMLTokenizer.tokenize(html) where token.kind == .startTag {
            switch token.name {
            case "body": inBody = true
            case "a" where inBody:
                links += 1
                if let href = token.attribute("href")?.rawValue, href.contains(unsubscribeSentinel) { unsubscribeLinked = true }
            case "img" where inBody:
                images += 1
                if token.attribute("alt") == nil { missingAlt += 1 }
                if token.attribute("width") == nil { missingWidth += 1 }
                let src = token.attribute("src")?.value ?? ""
                if !src.hasPrefix("https://") { insecure.append(src) }
            default: break
            }
        }
        if !unsubscribeLinked {
            findings.append(.init(level: .warning, message: "no unsubscribe link in the body (the layout should link {{ unsubscribe_url }}); Gmail and Yahoo require a visible one"))
        }
        if missingAlt > 0 { findings.append(.init(level: .info, message: "\(missingAlt) image(s) without alt text")) }
        if missingWidth > 0 { findings.append(.init(level: .info, message: "\(missingWidth) image(s) without a width attribute (Outlook ignores CSS widths)")) }
        if !insecure.isEmpty {
            findings.append(.init(level: .info, message: "\(insecure.count) image(s) not on https, e.g. \(insecure[0].prefix(80))"))
        }
        if let preheader = issue.preheader {
            if preheader.count > 100 { findings.append(.init(level: .info, message: "preheader is \(preheader.count) characters; inboxes show about 100")) }
        } else {
            findings.append(.init(level: .info, message: "no preheader: inboxes show the first text of the body instead"))
        }
    }
}
