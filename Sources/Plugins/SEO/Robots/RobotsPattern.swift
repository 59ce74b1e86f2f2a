/// Path patterns: percent-encoding normalisation and matching with `*` and a final `$` (RFC 9309 §2.2.2–2.2.3).
public enum RobotsPattern {
    /// How patterns and URL paths are put in one form before they are compared.
    public enum Normalization: Sendable, Hashable {
        /// RFC 3986 normalisation of patterns and paths alike: escapes of unreserved characters (`%62` → `b`) are
        /// decoded, hex digits are upper-cased, bytes outside ASCII become `%XX` escapes of their UTF-8.
        case rfc3986
        /// Google's robotstxt library: only the patterns change (non-ASCII bytes escaped, hex upper-cased); the URL is
        /// compared exactly as given, so `%62%61%7A` does not match `baz`.
        case patternsOnly
    }

    /// `bytes` in the comparison form. `.rfc3986`: `WebURL`'s normalisation (escapes of unreserved characters
    /// decoded, hex upper-cased, non-ASCII and characters not allowed in a URL escaped); `.patternsOnly`: hex
    /// upper-cased and non-ASCII escaped, nothing decoded.
    public static func normalized(_ bytes: some Collection<UInt8>, _ normalization: Normalization = .rfc3986) -> [UInt8] {
        let rfc = normalization == .rfc3986
        return WebURL.normalizedPercentEncoding(bytes: bytes, decodeUnreserved: rfc, escapeASCII: rfc)
    }

    /// Whether `pattern` matches `path` from its start: `*` matches any run of bytes (also none), `$` as the last
    /// byte anchors the end, every other byte matches itself (case-sensitive). Without `$` a match is a prefix match.
    public static func matches(_ pattern: [UInt8], path: [UInt8]) -> Bool {
        // The set of path offsets reachable after each pattern byte, kept as a sorted list (as Google's matcher does).
        var positions = [0]
        var next: [Int] = []
        for (index, byte) in pattern.enumerated() {
            if byte == UInt8(ascii: "$"), index == pattern.count - 1 {
                return positions.last == path.count
            }
            if byte == UInt8(ascii: "*") {
                positions = Array(positions[0]...path.count)
                continue
            }
            next.removeAll(keepingCapacity: true)
            for position in positions where position < path.count && path[position] == byte { next.append(position + 1) }
            if next.isEmpty { return false }
            swap(&positions, &next)
        }
        return true
    }
}
