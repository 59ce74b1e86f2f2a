import Markup

/// A byte-level pass over HTML rendered from untrusted markdown.
///
/// It tokenises tags the way the HTML5 tokenizer does (so its view cannot drift from a browser's) and:
/// - disarms elements that run script, load documents or switch the tokenizer into raw-text modes
///   (`script`, `iframe`, `object`, `svg`, `noscript`, `base`, `meta`, …) by escaping their `<`;
/// - drops event-handler attributes (`on*`), `javascript:`/`data:`/other unsafe URLs in URL attributes
///   (after decoding character references) and `style` values carrying script;
/// - removes comments and bogus comments (`<!…>`, `<?…>`), and escapes a tag cut off by the end of input,
///   so nothing the fragment leaves open can swallow the layout around it.
/// Output equals input byte for byte when there is nothing to remove.
public enum HTMLSanitizer {
    public static func sanitize(_ html: String) -> String {
        String(decoding: sanitize(Array(html.utf8)), as: UTF8.self)
    }

    public static func sanitize(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 64)
        let n = input.count
        var i = 0
        var copied = 0  // input[copied..<i] is pending verbatim output
        while i < n {
            guard input[i] == lt else { i += 1; continue }
            let next = i + 1 < n ? input[i + 1] : 0
            if isAlpha(next) || (next == slash && i + 2 < n && isAlpha(input[i + 2])) {
                let isEnd = next == slash
                let nameStart = isEnd ? i + 2 : i + 1
                var j = nameStart
                while j < n, !isSpace(input[j]), input[j] != slash, input[j] != gt { j += 1 }
                let name = lowercased(input[nameStart..<j])
                guard let tag = scanAttributes(input, from: j) else {
                    // End of input inside the tag: a browser would drop it and swallow what follows.
                    out.append(contentsOf: input[copied..<i])
                    out.append(contentsOf: escapedLT)
                    i += 1
                    copied = i
                    continue
                }
                if disarmed.contains(name) {
                    out.append(contentsOf: input[copied..<i])
                    out.append(contentsOf: escapedLT)
                    i += 1
                    copied = i
                    continue
                }
                let removals = isEnd ? [] : tag.attributes.filter { !isAllowed($0, in: input) }
                if removals.isEmpty {
                    i = tag.end
                    continue
                }
                out.append(contentsOf: input[copied..<i])
                var from = i
                for attribute in removals {
                    out.append(contentsOf: input[from..<attribute.start])
                    from = attribute.end
                }
                out.append(contentsOf: input[from..<tag.end])
                i = tag.end
                copied = i
            } else if next == bang || next == question || next == slash {
                // Comments, doctypes, CDATA, processing instructions and `</ …>` are removed.
                out.append(contentsOf: input[copied..<i])
                i = endOfComment(input, at: i)
                copied = i
            } else {
                i += 1  // a lone `<` in text
            }
        }
        out.append(contentsOf: input[copied..<n])
        return out
    }

    // MARK: - Tokenising

    struct Attribute {
        /// From the whitespace before the name to the end of the value.
        var start: Int
        var nameStart: Int
        var nameEnd: Int
        var valueStart: Int
        var valueEnd: Int
        var end: Int
    }

    struct Tag {
        var attributes: [Attribute]
        /// Just past `>`.
        var end: Int
    }

    /// Attributes from just after the tag name to `>`; nil when the input ends first.
    static func scanAttributes(_ b: [UInt8], from start: Int) -> Tag? {
        let n = b.count
        var i = start
        var attributes: [Attribute] = []
        while true {
            let before = i
            while i < n, isSpace(b[i]) || b[i] == slash { i += 1 }
            guard i < n else { return nil }
            if b[i] == gt { return Tag(attributes: attributes, end: i + 1) }
            let nameStart = i
            i += 1  // the first character may be `=`
            while i < n, !isSpace(b[i]), b[i] != slash, b[i] != gt, b[i] != eq { i += 1 }
            let nameEnd = i
            var j = i
            while j < n, isSpace(b[j]) { j += 1 }
            var valueStart = nameEnd, valueEnd = nameEnd
            if j < n, b[j] == eq {
                j += 1
                while j < n, isSpace(b[j]) { j += 1 }
                guard j < n else { return nil }
                if b[j] == quote || b[j] == apostrophe {
                    let delimiter = b[j]
                    valueStart = j + 1
                    j += 1
                    while j < n, b[j] != delimiter { j += 1 }
                    guard j < n else { return nil }
                    valueEnd = j
                    i = j + 1
                } else {
                    valueStart = j
                    while j < n, !isSpace(b[j]), b[j] != gt { j += 1 }
                    valueEnd = j
                    i = j
                }
            }
            attributes.append(Attribute(start: before, nameStart: nameStart, nameEnd: nameEnd,
                                        valueStart: valueStart, valueEnd: valueEnd, end: i))
        }
    }

    /// Just past the end of a comment or bogus comment starting at `<` (`at`), as the HTML tokenizer ends them.
    static func endOfComment(_ b: [UInt8], at start: Int) -> Int {
        let n = b.count
        if start + 3 < n, b[start + 1] == bang, b[start + 2] == dash, b[start + 3] == dash {
            var i = start + 4
            // `<!-->` and `<!--->` are complete (empty) comments.
            if i < n, b[i] == gt { return i + 1 }
            if i + 1 < n, b[i] == dash, b[i + 1] == gt { return i + 2 }
            while i < n {
                if b[i] == dash, i + 2 < n, b[i + 1] == dash, b[i + 2] == gt { return i + 3 }
                if b[i] == dash, i + 3 < n, b[i + 1] == dash, b[i + 2] == bang, b[i + 3] == gt { return i + 4 }
                i += 1
            }
            return n
        }
        var i = start + 1
        while i < n, b[i] != gt { i += 1 }
        return min(i + 1, n)
    }

    // MARK: - Policy

    /// Elements whose start or end tag is escaped: script hosts, document loaders, raw-text and foreign content.
    static let disarmed: Set<[UInt8]> = Set([
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "base", "meta", "link",
        "title", "textarea", "xmp", "noembed", "noframes", "noscript", "plaintext", "template", "svg", "math",
        "form", "portal", "fencedframe",
    ].map { Array($0.utf8) })

    /// Attributes holding one URL.
    static let urlAttributes: Set<[UInt8]> = Set([
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "longdesc",
        "lowsrc", "dynsrc", "codebase", "manifest", "ping", "profile", "usemap", "icon", "archive", "classid",
    ].map { Array($0.utf8) })

    static func isAllowed(_ attribute: Attribute, in b: [UInt8]) -> Bool {
        let name = lowercased(b[attribute.nameStart..<attribute.nameEnd])
        if name.count >= 2, name[0] == 0x6F, name[1] == 0x6E { return false }  // on*
        let value = { decodeReferences(b[attribute.valueStart..<attribute.valueEnd]) }
        if urlAttributes.contains(name) { return isSafeURL(value()) }
        if name == Array("srcset".utf8) || name == Array("imagesrcset".utf8) {
            return value().split(separator: ",").allSatisfy { candidate in
                let url = candidate.split(whereSeparator: { $0.isWhitespace }).first.map(String.init) ?? ""
                return isSafeURL(url)
            }
        }
        if name == Array("style".utf8) {
            let text = String(value().lowercased().unicodeScalars.filter { $0.value > 0x20 && $0 != "\\" })
            return !["javascript:", "vbscript:", "expression(", "behavior:", "-moz-binding", "url(data:"].contains { text.contains($0) }
        }
        return true
    }

    /// `HTMLEscape.isSafeURL`, plus: a character reference left undecoded before the scheme's end is refused.
    static func isSafeURL(_ url: String) -> Bool {
        guard HTMLEscape.isSafeURL(url) else { return false }
        let head = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !head.contains("&")
    }

    /// Decodes numeric character references and the named ones that can hide a scheme.
    static func decodeReferences(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(amp) else { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let byte = bytes[i]
            guard byte == amp else {
                let start = i
                while i < end, bytes[i] != amp { i += 1 }
                out += String(decoding: bytes[start..<i], as: UTF8.self)
                continue
            }
            var j = i + 1
            if j < end, bytes[j] == 0x23 {  // &#
                j += 1
                let hex = j < end && (bytes[j] | 0x20) == 0x78
                if hex { j += 1 }
                var value: UInt32 = 0
                var digits = 0
                while j < end, let d = digit(bytes[j], hex: hex) {
                    value = min(value &* (hex ? 16 : 10) &+ d, 0x110000)
                    digits += 1
                    j += 1
                }
                if digits > 0 {
                    if j < end, bytes[j] == 0x3B { j += 1 }
                    out.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                    i = j
                    continue
                }
            } else {
                while j < end, isAlphanumeric(bytes[j]) { j += 1 }
                let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                let terminated = j < end && bytes[j] == 0x3B
                if let replacement = namedReferences[name] ?? (terminated ? nil : legacyReferences[name]) {
                    out += replacement
                    i = terminated ? j + 1 : j
                    continue
                }
            }
            out += "&"
            i += 1
        }
        return out
    }

    static let namedReferences: [String: String] = [
        "colon": ":", "Tab": "\t", "NewLine": "\n", "amp": "&", "AMP": "&", "lt": "<", "LT": "<", "gt": ">", "GT": ">",
        "quot": "\"", "QUOT": "\"", "apos": "'", "sol": "/", "num": "#", "quest": "?", "period": ".", "lpar": "(",
        "rpar": ")", "excl": "!", "percnt": "%", "equals": "=", "nbsp": "\u{A0}", "comma": ",", "semi": ";",
        "lowbar": "_", "hyphen": "-", "dash": "\u{2010}", "plus": "+", "ast": "*", "bsol": "\\", "grave": "`",
        "lsqb": "[", "rsqb": "]", "lcub": "{", "rcub": "}", "verbar": "|", "vert": "|", "Hat": "^", "dollar": "$",
        "commat": "@",
        // Not needed for safety; they make titles and descriptions read from raw HTML come out right.
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "copy": "\u{A9}", "reg": "\u{AE}",
        "trade": "\u{2122}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "laquo": "\u{AB}", "raquo": "\u{BB}", "euro": "\u{20AC}", "middot": "\u{B7}", "times": "\u{D7}",
    ]
    /// References browsers also accept without `;`.
    static let legacyReferences: [String: String] = ["amp": "&", "AMP": "&", "lt": "<", "gt": ">", "quot": "\"", "nbsp": "\u{A0}"]

    // MARK: - Bytes

    static let lt: UInt8 = 0x3C, gt: UInt8 = 0x3E, slash: UInt8 = 0x2F, eq: UInt8 = 0x3D, bang: UInt8 = 0x21
    static let question: UInt8 = 0x3F, dash: UInt8 = 0x2D, quote: UInt8 = 0x22, apostrophe: UInt8 = 0x27, amp: UInt8 = 0x26
    static let escapedLT: [UInt8] = Array("&lt;".utf8)

    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isAlpha(b) || (b >= 0x30 && b <= 0x39) }
    /// HTML's ASCII whitespace: tab, LF, FF, CR, space.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }

    static func lowercased(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }

    static func digit(_ b: UInt8, hex: Bool) -> UInt32? {
        if b >= 0x30, b <= 0x39 { return UInt32(b - 0x30) }
        if hex, (b | 0x20) >= 0x61, (b | 0x20) <= 0x66 { return UInt32((b | 0x20) - 0x61 + 10) }
        return nil
    }
}
