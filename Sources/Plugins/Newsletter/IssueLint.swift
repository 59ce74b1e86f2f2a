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
    /// CSS that Gmail or Outlook desktop ignores, per client and feature.
    var css = EmailCSSSupport()
    /// True once a generated message's headers were checked (issues without recipients have none).
    var headersChecked = false

    static let clipBytes = 102 * 1024
    static let sizeWarningBytes = 90 * 1024

    /// `html` is the inlined layout before personalisation (merges are sentinels).
    init(issue: NewsletterIssue, html: [UInt8], unsubscribeSentinel: String) {
        if html.count > IssueLint.clipBytes {
            findings.append(.init(level: .warning, message: "HTML is \(html.count / 1024) KB: Gmail clips messages over about 102 KB, hiding the footer and the unsubscribe link"))
        } else if html.count > IssueLint.sizeWarningBytes {
            findings.append(.init(level: .info, message: "HTML is \(html.count / 1024) KB, close to Gmail's 102 KB clipping limit"))
        }
        var missingAlt = 0, missingWidth = 0, svg = 0, insecure: [String] = []
        var unsubscribeLinked = false
        var inBody = false
        // Outlook reads `<!--[if !mso]><!-->…<!--<![endif]-->` as a comment; ghost tables open and close in `[if mso…]` comments.
        var hiddenFromOutlook = false
        var ghostDepth = 0
        for token in HTMLTokenizer.tokenize(html) {
            if token.kind == .comment {
                let text = String(decoding: html[token.range], as: UTF8.self)
                if text.hasPrefix("<!--[if !mso") { hiddenFromOutlook = true }
                if text.hasPrefix("<!--<![endif]") { hiddenFromOutlook = false }
                if text.hasPrefix("<!--[if mso") {
                    ghostDepth += text.ranges(of: "<table").count - text.ranges(of: "</table").count
                }
                continue
            }
            if token.kind == .rawText, token.name == "style" {
                css.checkStyleSheet(String(decoding: html[token.range], as: UTF8.self))
                continue
            }
            guard token.kind == .startTag else { continue }
            if inBody, let style = token.attribute("style")?.value {
                css.check(CSSParser.parseDeclarations(style), hiddenFromOutlook: hiddenFromOutlook, inGhostTable: ghostDepth > 0)
            }
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
                if IssueLint.isSVG(src) { svg += 1 }
            default: break
            }
        }
        if !unsubscribeLinked {
            findings.append(.init(level: .warning, message: "no unsubscribe link in the body (the layout should link {{ unsubscribe_url }}); Gmail and Yahoo require a visible one"))
        }
        for message in css.messages { findings.append(.init(level: .info, message: message)) }
        if missingAlt > 0 { findings.append(.init(level: .info, message: "\(missingAlt) image(s) without alt text")) }
        if missingWidth > 0 { findings.append(.init(level: .info, message: "\(missingWidth) image(s) without a width attribute (Outlook ignores CSS widths)")) }
        if svg > 0 {
            // caniemail.com `image-svg`: neither Gmail nor Outlook desktop displays SVG images.
            findings.append(.init(level: .info, message: "\(svg) SVG image(s): Gmail and Outlook desktop do not show SVG; use PNG or JPEG (caniemail.com)"))
        }
        if !insecure.isEmpty {
            findings.append(.init(level: .info, message: "\(insecure.count) image(s) not on https, e.g. \(insecure[0].prefix(80))"))
        }
        if let preheader = issue.preheader {
            if preheader.count > 100 { findings.append(.init(level: .info, message: "preheader is \(preheader.count) characters; inboxes show about 100")) }
        } else {
            findings.append(.init(level: .info, message: "no preheader: inboxes show the first text of the body instead"))
        }
    }

    /// True when the URL's path ends in `.svg` (any case), ignoring the query and fragment.
    static func isSVG(_ url: String) -> Bool {
        let path = url.prefix { $0 != "?" && $0 != "#" }
        return path.lowercased().hasSuffix(".svg")
    }

    /// The unsubscribe headers of one generated message (the header section, before the first empty line): Gmail and
    /// Yahoo require one-click unsubscribe (RFC 8058) from bulk senders besides the link in the body.
    mutating func checkHeaders(_ message: [UInt8]) {
        var end = message.count
        for i in 0..<max(0, message.count - 3) where message[i] == 13 && message[i + 1] == 10 && message[i + 2] == 13 && message[i + 3] == 10 {
            end = i
            break
        }
        let header = String(decoding: message[..<end], as: UTF8.self).lowercased()
        if !header.contains("\r\nlist-unsubscribe: <https://") && !header.contains("\r\nlist-unsubscribe: <http://") {
            findings.append(.init(level: .warning, message: "no List-Unsubscribe header with an https URL: Gmail and Yahoo require one-click unsubscribe from bulk senders"))
        }
        if !header.contains("\r\nlist-unsubscribe-post: list-unsubscribe=one-click") {
            findings.append(.init(level: .warning, message: "no 'List-Unsubscribe-Post: List-Unsubscribe=One-Click' header (RFC 8058 one-click unsubscribe)"))
        }
        headersChecked = true
    }
}
