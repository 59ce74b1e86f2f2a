import Mail
import HeraldData

/// A Liquid output tag that depends on the recipient, e.g. `{{ subscriber.first_name | default: "there" }}`.
///
/// Only tags whose variable is `subscriber…`, `unsubscribe_url` or `web_url` are merges; any other `{{ … }}`
/// (such as `${{ steps.auth.outputs.token }}` in a code sample) is text and comes out literally, and so does
/// everything inside `<pre>`/`<code>`. Supported filters: `default`, `upcase`, `downcase`, `capitalize`,
/// `strip`, `escape` (a no-op: merged values are always escaped for HTML).
public struct MergeExpression: Sendable, Hashable {
    public enum Filter: Sendable, Hashable {
        case defaultValue(String), upcase, downcase, capitalize, strip
    }

    public var path: [String]
    public var filters: [Filter]
    public var source: String

    static let roots: Set<String> = ["subscriber", "unsubscribe_url", "web_url"]

    /// Parses the inside of `{{ … }}`; nil when it is not a merge.
    public static func parse(_ inner: String) -> MergeExpression? {
        let parts = splitPipes(inner)
        guard let head = parts.first?.trimmingASCIISpace(), !head.isEmpty else { return nil }
        let path = head.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let root = path.first, roots.contains(root),
              path.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { CSSParser.isIdent($0) } }) else { return nil }
        if root != "subscriber", path.count != 1 { return nil }
        if root == "subscriber", path.count != 2 { return nil }
        var filters: [Filter] = []
        for part in parts.dropFirst() {
            let text = part.trimmingASCIISpace()
            let name: String
            var argument: String? = nil
            if let colon = text.firstIndex(of: ":") {
                name = String(text[..<colon]).trimmingASCIISpace()
                let arg = String(text[text.index(after: colon)...]).trimmingASCIISpace()
                guard arg.count >= 2, let q = arg.first, q == "\"" || q == "'", arg.last == q else { return nil }
                argument = String(arg.dropFirst().dropLast())
            } else {
                name = text
            }
            switch (name, argument) {
            case let ("default", arg?): filters.append(.defaultValue(arg))
            case ("upcase", nil): filters.append(.upcase)
            case ("downcase", nil): filters.append(.downcase)
            case ("capitalize", nil): filters.append(.capitalize)
            case ("strip", nil): filters.append(.strip)
            case ("escape", nil), ("escape_once", nil): break
            default: return nil
            }
        }
        return MergeExpression(path: path, filters: filters, source: inner.trimmingASCIISpace())
    }

    static func splitPipes(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character? = nil
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
                current.append(c)
            } else if c == "|" {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    /// The value for one recipient (unescaped).
    public func evaluate(_ recipient: MergeRecipient) -> String {
        var value: String
        switch path[0] {
        case "unsubscribe_url": value = recipient.unsubscribeURL
        case "web_url": value = recipient.webURL
        default:
            if let subscriber = recipient.subscriber {
                switch path[1] {
                case "first_name": value = subscriber.firstName ?? ""
                case "last_name": value = subscriber.lastName ?? ""
                case "name": value = [subscriber.firstName, subscriber.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                case "email": value = subscriber.email
                case "id": value = subscriber.id
                case "tags": value = subscriber.tags.joined(separator: ", ")
                default: value = subscriber.attributes[path[1]] ?? ""
                }
            } else {
                value = ""
            }
        }
        for filter in filters {
            switch filter {
            case let .defaultValue(d): if value.trimmingASCIISpace().isEmpty { value = d }
            case .upcase: value = value.uppercased()
            case .downcase: value = value.lowercased()
            case .capitalize: value = value.prefix(1).uppercased() + value.dropFirst()
            case .strip: value = value.trimmingASCIISpace()
            }
        }
        return value
    }
}

/// Who a message is for (nil subscriber: the public web version, where fallbacks apply).
public struct MergeRecipient: Sendable {
    public var subscriber: Subscriber?
    public var unsubscribeURL: String
    public var webURL: String
}

/// Marks merges in rendered HTML with private-use sentinels (`U+E000 n U+E001`) that survive the layout,
/// CSS inlining and text conversion, so the per-subscriber pass is a split and a concatenation.
public struct MergeMarker: Sendable {
    public private(set) var expressions: [MergeExpression] = []
    public private(set) var unrecognised: [String] = []

    public init() {}

    public static func sentinel(_ index: Int) -> String { "\u{E000}\(index)\u{E001}" }

    public mutating func sentinel(for expression: MergeExpression) -> String {
        if let k = expressions.firstIndex(of: expression) { return MergeMarker.sentinel(k) }
        expressions.append(expression)
        return MergeMarker.sentinel(expressions.count - 1)
    }

    /// Replaces merge tags in text and `href` values outside `<pre>`/`<code>`.
    public mutating func mark(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(0x7B) || html.contains("%7B") else { return html }
        let tokens = HTMLTokenizer.tokenize(bytes)
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        var codeDepth = 0
        for token in tokens {
            switch token.kind {
            case .startTag where token.name == "pre" || token.name == "code":
                codeDepth += 1
            case .endTag where token.name == "pre" || token.name == "code":
                codeDepth = max(0, codeDepth - 1)
            case .startTag where codeDepth == 0:
                for attribute in token.attributes where attribute.name == "href" || attribute.name == "src" {
                    guard let range = attribute.valueRange else { continue }
                    var raw = attribute.rawValue
                    if raw.contains("%7B%7B") || raw.contains("%7b%7b") { raw = MergeMarker.percentDecode(raw) }
                    let replaced = replaceTags(raw, decodeEntities: true)
                    if replaced != raw || raw != attribute.rawValue {
                        if replaced != raw { edits.append((range, Array(HTMLEntities.escapeAttribute(replaced).utf8))) }
                    }
                }
            case .text where codeDepth == 0:
                let raw = String(decoding: bytes[token.range], as: UTF8.self)
                let replaced = replaceTags(raw, decodeEntities: false)
                if replaced != raw { edits.append((token.range, Array(replaced.utf8))) }
            default:
                break
            }
        }
        return String(decoding: HTMLRewriter.apply(edits, to: bytes), as: UTF8.self)
    }

    private mutating func replaceTags(_ text: String, decodeEntities: Bool) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            out += rest[..<open.lowerBound]
            var inner = String(rest[open.upperBound..<close.lowerBound])
            if inner.hasPrefix("-") { inner.removeFirst() }
            if inner.hasSuffix("-") { inner.removeLast() }
            let decoded = HTMLEntities.decode(inner)
            if let expression = MergeExpression.parse(decoded) {
                out += sentinel(for: expression)
            } else {
                let trimmed = decoded.trimmingASCIISpace()
                if trimmed.hasPrefix("subscriber.") || trimmed.hasPrefix("unsubscribe_url") || trimmed.hasPrefix("web_url") {
                    unrecognised.append(trimmed)
                }
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        out += rest
        _ = decodeEntities
        return out
    }

    static func percentDecode(_ text: String) -> String {
        var out: [UInt8] = []
        let b = Array(text.utf8)
        var i = 0
        while i < b.count {
            if b[i] == 0x25, i + 2 < b.count, let h = hexValue(b[i + 1]), let l = hexValue(b[i + 2]) {
                out.append(h << 4 | l); i += 3; continue
            }
            out.append(b[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}

/// A rendered body split at merge sentinels, ready to be filled per recipient.
public struct MergeTemplate: Sendable {
    enum Part: Sendable { case literal([UInt8]), merge(Int) }
    let parts: [Part]
    let literalBytes: Int

    public init(_ bytes: [UInt8]) {
        var parts: [Part] = []
        var start = 0
        var i = 0
        var literal = 0
        let n = bytes.count
        while i + 2 < n {
            if bytes[i] == 0xEE, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                var j = i + 3
                var index = 0
                var digits = 0
                while j < n, bytes[j] >= 0x30, bytes[j] <= 0x39 { index = index * 10 + Int(bytes[j] - 0x30); j += 1; digits += 1 }
                if digits > 0, j + 2 < n, bytes[j] == 0xEE, bytes[j + 1] == 0x80, bytes[j + 2] == 0x81 {
                    if i > start { parts.append(.literal(Array(bytes[start..<i]))); literal += i - start }
                    parts.append(.merge(index))
                    i = j + 3
                    start = i
                    continue
                }
            }
            i += 1
        }
        if start < n { parts.append(.literal(Array(bytes[start..<n]))); literal += n - start }
        self.parts = parts
        self.literalBytes = literal
    }

    /// The same template with every literal piece already quoted-printable encoded (see
    /// `QuotedPrintable.encodePiece`): per recipient only the merged values are encoded.
    public func quotedPrintable() -> EncodedMergeTemplate {
        EncodedMergeTemplate(parts: parts.map { part in
            switch part {
            case let .literal(bytes): .literal(QuotedPrintable.encodePiece(bytes))
            case .merge: part
            }
        })
    }

    /// Fills the merges; `escapeHTML` escapes every merged value (HTML parts).
    public func render(_ values: [String], escapeHTML: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(literalBytes + 256)
        for part in parts {
            switch part {
            case let .literal(bytes): out.append(contentsOf: bytes)
            case let .merge(index):
                let value = index < values.count ? values[index] : ""
                out.append(contentsOf: (escapeHTML ? HTMLEntities.escapeText(value) : value).utf8)
            }
        }
        return out
    }
}

/// A `MergeTemplate` whose literal pieces are encoded quoted-printable once; `render` gives the encoded body.
public struct EncodedMergeTemplate: Sendable {
    let parts: [MergeTemplate.Part]

    public func render(_ values: [String], escapeHTML: Bool) -> [UInt8] {
        var size = 0
        for case let .literal(bytes) in parts { size += bytes.count }
        var out: [UInt8] = []
        out.reserveCapacity(size + 512)
        for part in parts {
            switch part {
            case let .literal(bytes): out.append(contentsOf: bytes)
            case let .merge(index):
                let value = index < values.count ? values[index] : ""
                out.append(contentsOf: QuotedPrintable.encodePiece(Array((escapeHTML ? HTMLEntities.escapeText(value) : value).utf8)))
            }
        }
        return out
    }
}

extension HTMLEntities {
    /// Escapes `& < > " '` (safe in text and quoted attributes).
    public static func escapeText(_ text: String) -> String {
        var needs = false
        for b in text.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 { needs = true; break }
        if !needs { return text }
        var out: [UInt8] = []
        for b in text.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
