/// Adds `utm_*` parameters to the links of an email, as analytics expect, and only where it is safe:
///
/// - only `http(s)` links whose host is one of `domains` or a subdomain of one (never `mailto:`, `tel:`, `#…`,
///   relative links, or hosts written with template tags);
/// - never links starting with one of `excludedPrefixes` (the unsubscribe endpoint, the web version) or holding one
///   of `excludedMarkers` (the unsubscribe merge sentinel), nor any link in an element with `data-herald-no-utm`;
/// - the parameters go at the end of the query, before the `#fragment`; a `utm_` key the link already has is
///   never added again; values are percent-encoded (RFC 3986 unreserved characters kept);
/// - the rewrite is byte-level on the `href` attribute: the rest of the value (entities, `{{ … }}`, `{% … %}`,
///   `*|…|*`, `%%…%%`, merge sentinels) keeps its bytes, and only `<a>` and `<area>` are touched.
public struct UTMTagger: Sendable, Hashable {
    /// `(key, value)` in output order, keys including the `utm_` prefix; empty values are left out.
    public var parameters: [UTMParameter]
    public var domains: [String]
    public var excludedPrefixes: [String]
    public var excludedMarkers: [String]

    public init(parameters: [UTMParameter], domains: [String], excludedPrefixes: [String] = [], excludedMarkers: [String] = []) {
        self.parameters = parameters.filter { !$0.value.isEmpty }
        self.domains = domains.map { $0.lowercased() }
        self.excludedPrefixes = excludedPrefixes
        self.excludedMarkers = excludedMarkers
    }

    /// The raw (entity-encoded) `href` value with the parameters added, or nil when the link is left alone.
    public func tag(rawHref raw: String) -> String? {
        let url = HTMLEntities.decode(raw).trimmingASCIISpace()
        guard let schemeEnd = url.range(of: "://"), ["http", "https"].contains(url[..<schemeEnd.lowerBound].lowercased()) else { return nil }
        if excludedPrefixes.contains(where: { !$0.isEmpty && url.hasPrefix($0) }) { return nil }
        if excludedMarkers.contains(where: { !$0.isEmpty && url.contains($0) }) { return nil }
        var authority = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let host = authority.prefix { $0 != ":" }.lowercased()
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }),
              domains.contains(where: { host == $0 || host.hasSuffix("." + $0) }) else { return nil }
        // The fragment starts at the first `#` of the raw value that is not part of a character reference (`&#38;`).
        let bytes = Array(raw.utf8)
        var fragment = bytes.count
        for (i, b) in bytes.enumerated() where b == 0x23 && (i == 0 || bytes[i - 1] != 0x26) { fragment = i; break }
        let beforeFragment = HTMLEntities.decode(String(decoding: bytes[..<fragment], as: UTF8.self))
        var existing: Set<String> = []
        if let question = beforeFragment.firstIndex(of: "?") {
            for pair in beforeFragment[beforeFragment.index(after: question)...].split(separator: "&") {
                existing.insert(String(pair.prefix { $0 != "=" }).lowercased())
            }
        }
        let added = parameters.filter { !existing.contains($0.key.lowercased()) }
        if added.isEmpty { return nil }
        var query = added.map { $0.key + "=" + UnsubscribeToken.percentEncode($0.value) }.joined(separator: "&amp;")
        if let last = beforeFragment.last, beforeFragment.contains("?") {
            query = (last == "?" || last == "&" ? "" : "&amp;") + query
        } else {
            query = "?" + query
        }
        var end = fragment
        while end > 0, HTMLTokenizer.isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self) + query + String(decoding: bytes[end...], as: UTF8.self)
    }

    /// Tags the links of a whole document.
    public func tagLinks(_ html: [UInt8]) -> [UInt8] {
        if parameters.isEmpty || domains.isEmpty { return html }
        let tree = HTMLTree(html)
        var optedOut = [Bool](repeating: false, count: tree.elements.count)
        var edits: [(range: Range<Int>, replacement: [UInt8])] = []
        for (index, element) in tree.elements.enumerated() {
            let token = tree.tokens[element.token]
            optedOut[index] = (element.parent >= 0 && optedOut[element.parent]) || token.attribute("data-herald-no-utm") != nil
            guard !optedOut[index], element.name == "a" || element.name == "area",
                  let href = token.attribute("href"), let range = href.valueRange, let tagged = tag(rawHref: href.rawValue) else { continue }
            edits.append((range, Array(tagged.utf8)))
        }
        return HTMLRewriter.apply(edits, to: html)
    }
}

public struct UTMParameter: Sendable, Hashable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
