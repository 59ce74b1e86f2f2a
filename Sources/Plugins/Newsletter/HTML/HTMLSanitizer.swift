/// Makes author markup (raw HTML inside Markdown) safe and email-ready, on the token stream:
/// - drops `script`, `style`, `iframe`, `object`, `embed`, `applet`, `frame(set)`, `base`, `link`, `meta` and
///   form controls with their content, and all comments;
/// - removes event-handler attributes (`on…`), `srcdoc`, `formaction`, and URL attributes whose scheme is
///   not http(s)/mailto/tel (`javascript:`, `data:`, `vbscript:` …);
/// - resolves relative `href`/`src` against `baseURL` (email needs absolute URLs; `#fragment` links stay);
/// - unwraps `<noscript>` (its fallback images are what email should show) and turns `<details>`/`<summary>`,
///   which no email client supports, into a `div` and a bold paragraph.
/// Everything else is copied byte for byte.
public struct HTMLSanitizer: Sendable {
    public var baseURL: String?

    public init(baseURL: String? = nil) { self.baseURL = baseURL }

    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "applet", "frame", "frameset", "noembed", "noframes",
        "base", "link", "meta", "title", "template", "textarea", "select", "button", "input", "xmp", "plaintext",
        "math",
    ]
    static let unwrapped: Set<String> = ["noscript", "form", "html", "head", "body", "font"]
    static let urlAttributes: Set<String> = ["href", "src", "action", "background", "poster", "cite", "longdesc",
                                             "usemap", "xlink:href", "dynsrc", "lowsrc", "data", "codebase", "manifest"]

    public func sanitize(_ html: String) -> String {
        String(decoding: sanitize(Array(html.utf8)), as: UTF8.self)
    }

    public func sanitize(_ bytes: [UInt8]) -> [UInt8] {
        let tokens = HTMLTokenizer.tokenize(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var skipping: (name: String, depth: Int)? = nil
        for token in tokens {
            if let current = skipping {
                if token.kind == .startTag, token.name == current.name, !HTMLTokenizer.isVoid(token.tag) {
                    skipping = (current.name, current.depth + 1)
                } else if token.kind == .endTag, token.name == current.name {
                    skipping = current.depth <= 1 ? nil : (current.name, current.depth - 1)
                }
                continue
            }
            switch token.kind {
            case .comment, .doctype:
                continue
            case .text, .rawText:
                out.append(contentsOf: bytes[token.range])
            case .endTag:
                if HTMLSanitizer.droppedWithContent.contains(token.name) || HTMLSanitizer.unwrapped.contains(token.name) { continue }
                switch token.name {
                case "details": out.append(contentsOf: "</div>".utf8)
                case "summary": out.append(contentsOf: "</strong></p>".utf8)
                default: out.append(contentsOf: bytes[token.range])
                }
            case .startTag:
                if HTMLSanitizer.droppedWithContent.contains(token.name) {
                    if !(token.selfClosing || HTMLTokenizer.isVoid(token.tag)) { skipping = (token.name, 1) }
                    continue
                }
                if HTMLSanitizer.unwrapped.contains(token.name) { continue }
                switch token.name {
                case "details": out.append(contentsOf: "<div class=\"details\">".utf8); continue
                case "summary": out.append(contentsOf: "<p class=\"summary\"><strong>".utf8); continue
                default: break
                }
                out.append(0x3C)
                out.append(contentsOf: token.name.utf8)
                for attribute in token.attributes {
                    let name = attribute.name
                    if name.hasPrefix("on") || name == "srcdoc" || name == "formaction" || name == "srcset" { continue }
                    guard name.utf8.allSatisfy({ CSSParser.isIdent($0) || $0 == 0x3A }) else { continue }
                    if HTMLSanitizer.urlAttributes.contains(name) {
                        let url = attribute.value.trimmingASCIISpace()
                        guard HTMLEscapeCheck.isSafeURL(url) else { continue }
                        let isTemplate = url.contains("{{") || url.lowercased().contains("%7b%7b")
                        let resolved = isTemplate ? url : (baseURL.map { URLResolver.resolve(url, against: $0) } ?? url)
                        out.append(contentsOf: " \(name)=\"\(HTMLEntities.escapeAttribute(resolved))\"".utf8)
                        continue
                    }
                    if name == "style", attribute.value.lowercased().contains("expression(") || attribute.value.lowercased().contains("javascript:") { continue }
                    out.append(0x20)
                    out.append(contentsOf: bytes[attribute.range])
                }
                if token.selfClosing { out.append(contentsOf: " /".utf8) }
                out.append(0x3E)
            }
        }
        return out
    }
}

/// URL scheme check (same rule as `Markup.HTMLEscape.isSafeURL`, kept local so the sanitizer has no
/// dependency on libxml2 at this layer).
enum HTMLEscapeCheck {
    static func isSafeURL(_ url: String) -> Bool {
        let cleaned = String(decoding: url.utf8.filter { $0 > 0x20 }, as: UTF8.self).lowercased()
        guard let colon = cleaned.firstIndex(of: ":") else { return true }
        let scheme = cleaned[..<colon]
        if scheme.contains("/") || scheme.contains("?") || scheme.contains("#") { return true }
        return ["http", "https", "mailto", "tel"].contains(String(scheme))
    }
}

/// RFC 3986 reference resolution, enough for links and images in articles.
public enum URLResolver {
    public static func hasScheme(_ url: String) -> Bool {
        var sawLetter = false
        for b in url.utf8 {
            if b == 0x3A { return sawLetter }
            let lower = b | 0x20
            let letter = lower >= 0x61 && lower <= 0x7A
            let other = (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E
            if !(letter || (sawLetter && other)) { return false }
            sawLetter = true
        }
        return false
    }

    public static func resolve(_ reference: String, against base: String) -> String {
        if reference.isEmpty || reference.hasPrefix("#") || hasScheme(reference) { return reference }
        guard let schemeEnd = base.firstRange(of: "://") else { return reference }
        let scheme = String(base[..<schemeEnd.lowerBound])
        let afterScheme = base[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        let origin = scheme + "://" + afterScheme[..<authorityEnd]
        if reference.hasPrefix("//") { return scheme + ":" + reference }
        var basePath = String(afterScheme[authorityEnd...])
        if let q = basePath.firstIndex(where: { $0 == "?" || $0 == "#" }) { basePath = String(basePath[..<q]) }
        if basePath.isEmpty { basePath = "/" }
        var path: String
        var suffix = ""
        var ref = reference
        if let q = ref.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            suffix = String(ref[q...])
            ref = String(ref[..<q])
        }
        if ref.hasPrefix("/") {
            path = ref
        } else if ref.isEmpty {
            path = basePath
        } else {
            let directory = basePath[...(basePath.lastIndex(of: "/") ?? basePath.startIndex)]
            path = directory + ref
        }
        // Remove dot segments.
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment == "." { if index == segments.count - 1 { output.append("") }; continue }
            if segment == ".." {
                if output.count > 1 { output.removeLast() }
                if index == segments.count - 1 { output.append("") }
                continue
            }
            output.append(segment)
        }
        path = output.joined(separator: "/")
        if !path.hasPrefix("/") { path = "/" + path }
        return origin + path + suffix
    }
}
