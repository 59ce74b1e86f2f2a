/// A URL reference split per RFC 3986 (appendix B), with reference resolution (§5.2) and the normalisation
/// the audit needs to compare URLs: lower-case scheme and host, default port dropped, empty path as `/`.
///
/// Deliberately small and byte-based: the audit resolves every link of every page (about 150,000 for the
/// Python docs), and Foundation's `URL` is both slower and stricter than browsers about what it accepts.
public struct WebURL: Sendable, Hashable, CustomStringConvertible {
    /// Lower-cased; nil for a relative reference.
    public var scheme: String?
    /// `host[:port]` (userinfo kept), nil when the reference has no `//` part.
    public var authority: String?
    public var path: String
    public var query: String?
    public var fragment: String?

    public init(scheme: String?, authority: String?, path: String, query: String? = nil, fragment: String? = nil) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Splits any string into a URL reference. Leading and trailing ASCII whitespace is ignored and tabs and
    /// newlines inside are removed, as browsers do.
    public init(_ text: String) {
        // Read in place (every link of every page comes through here); copied only to drop tabs and newlines.
        let parsed = text.utf8.withContiguousStorageIfAvailable { bytes -> WebURL? in
            if bytes.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return nil }
            return WebURL(splitting: bytes)
        }
        if let parsed, let parsed {
            self = parsed
            return
        }
        var bytes = Array(text.utf8)
        bytes.removeAll { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        self = bytes.withUnsafeBufferPointer { WebURL(splitting: $0) }
    }

    /// RFC 3986 appendix B on bytes without tabs or newlines.
    private init(splitting bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] <= 0x20 { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }

        var i = start
        // scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
        var scheme: String?
        if i < end, Self.isAlpha(bytes[i]) {
            var j = i + 1
            while j < end, Self.isSchemeByte(bytes[j]) { j += 1 }
            if j < end, bytes[j] == 0x3A {
                // ASCII by the grammar, so lower-cased on bytes.
                scheme = String(decoding: bytes[i..<j].lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
                i = j + 1
            }
        }
        var authority: String?
        if i + 1 < end, bytes[i] == 0x2F, bytes[i + 1] == 0x2F {
            var j = i + 2
            while j < end, bytes[j] != 0x2F, bytes[j] != 0x3F, bytes[j] != 0x23 { j += 1 }
            authority = text((i + 2)..<j)
            i = j
        }
        var j = i
        while j < end, bytes[j] != 0x3F, bytes[j] != 0x23 { j += 1 }
        let path = text(i..<j)
        i = j
        var query: String?
        if i < end, bytes[i] == 0x3F {
            j = i + 1
            while j < end, bytes[j] != 0x23 { j += 1 }
            query = text((i + 1)..<j)
            i = j
        }
        var fragment: String?
        if i < end, bytes[i] == 0x23 {
            fragment = text((i + 1)..<end)
        }
        self.init(scheme: scheme, authority: authority, path: path, query: query, fragment: fragment)
    }

    public var isAbsolute: Bool { scheme != nil }
    public var isHTTP: Bool { scheme == "http" || scheme == "https" }

    /// Resolves this reference against an absolute base (RFC 3986 §5.2.2, strict).
    public func resolved(against base: WebURL) -> WebURL {
        if scheme != nil {
            return WebURL(scheme: scheme, authority: authority, path: Self.removeDotSegments(path), query: query, fragment: fragment)
        }
        if authority != nil {
            return WebURL(scheme: base.scheme, authority: authority, path: Self.removeDotSegments(path), query: query, fragment: fragment)
        }
        if path.isEmpty {
            return WebURL(scheme: base.scheme, authority: base.authority, path: base.path, query: query ?? base.query, fragment: fragment)
        }
        let merged: String
        if path.utf8.first == 0x2F {
            merged = path
        } else if base.authority != nil, base.path.isEmpty {
            merged = "/" + path
        } else if let slash = base.path.utf8.lastIndex(of: 0x2F) {
            merged = String(base.path[...slash]) + path
        } else {
            merged = path
        }
        return WebURL(scheme: base.scheme, authority: base.authority, path: Self.removeDotSegments(merged), query: query, fragment: fragment)
    }

    /// The origin (`scheme://host[:port]`, normalised), or nil for URLs without an authority.
    public var origin: String? {
        guard let scheme, let authority else { return nil }
        return scheme + "://" + Self.normalizedAuthority(authority, scheme: scheme)
    }

    /// Fragment removed, scheme and host lower-cased, default port dropped, empty path written as `/`, and
    /// percent-encoding normalised (RFC 3986 §6.2.2: escapes of unreserved characters decoded, hex upper-cased,
    /// spaces, non-ASCII and other characters not allowed in URIs encoded).
    public var normalized: WebURL {
        var copy = self
        copy.fragment = nil
        copy.path = Self.normalizedPercentEncoding(path)
        if let query { copy.query = Self.normalizedPercentEncoding(query) }
        if let authority, let scheme {
            copy.authority = Self.normalizedAuthority(authority, scheme: scheme)
            if copy.path.isEmpty { copy.path = "/" }
        }
        return copy
    }

    public var description: String {
        // Appended piece by piece into one buffer: `scheme + ":"` and the like each built a string of their own.
        var text = ""
        text.reserveCapacity((scheme?.utf8.count ?? -1) + 1 + (authority.map { $0.utf8.count + 2 } ?? 0) + path.utf8.count
                             + (query.map { $0.utf8.count + 1 } ?? 0) + (fragment.map { $0.utf8.count + 1 } ?? 0))
        if let scheme { text += scheme; text += ":" }
        if let authority { text += "//"; text += authority }
        text += path
        if let query { text += "?"; text += query }
        if let fragment { text += "#"; text += fragment }
        return text
    }

    // MARK: - Helpers

    private static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isSchemeByte(_ b: UInt8) -> Bool {
        isAlpha(b) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E
    }

    /// The authority with its host lower-cased and the scheme's default port (or an empty port) dropped.
    /// Every link's target and origin pass through here, so ASCII authorities (nearly all) are done on bytes and
    /// returned as they are when nothing changes; others take `String`'s Unicode lower-casing.
    static func normalizedAuthority(_ authority: String, scheme: String) -> String {
        if let ascii = normalizedASCIIAuthority(authority, scheme: scheme) { return ascii }
        return normalizedUnicodeAuthority(authority, scheme: scheme)
    }

    /// `normalizedAuthority` for an all-ASCII authority (where bytes and characters are one), nil for any other.
    private static func normalizedASCIIAuthority(_ authority: String, scheme: String) -> String? {
        enum Outcome { case unicode, unchanged, changed(String) }
        let outcome = authority.utf8.withContiguousStorageIfAvailable { bytes -> Outcome in
            var at = -1  // the last "@": the userinfo before it is kept as written
            var upper = false
            for (i, b) in bytes.enumerated() {
                if b >= 0x80 { return .unicode }
                if b == 0x40 { at = i; upper = false } else if b >= 0x41 && b <= 0x5A { upper = true }
            }
            let hostStart = at + 1
            var end = bytes.count
            func endsWith(_ suffix: StaticString) -> Bool {
                let n = suffix.utf8CodeUnitCount
                guard end - hostStart >= n else { return false }
                for k in 0..<n where bytes[end - n + k] != suffix.utf8Start[k] { return false }
                return true
            }
            if scheme == "http", endsWith(":80") { end -= 3 } else if scheme == "https", endsWith(":443") { end -= 4 }
            if endsWith(":") { end -= 1 }
            if !upper, end == bytes.count { return .unchanged }
            var out = Array(bytes[..<end])
            for i in hostStart..<end where out[i] >= 0x41 && out[i] <= 0x5A { out[i] |= 0x20 }
            return .changed(String(decoding: out, as: UTF8.self))
        } ?? .unicode
        switch outcome {
        case .unicode: return nil
        case .unchanged: return authority
        case .changed(let normalized): return normalized
        }
    }

    static func normalizedUnicodeAuthority(_ authority: String, scheme: String) -> String {
        var host = authority
        var userinfo = ""
        if let at = host.lastIndex(of: "@") {
            userinfo = String(host[...at])
            host = String(host[host.index(after: at)...])
        }
        host = host.lowercased()
        let defaultPort = scheme == "http" ? ":80" : scheme == "https" ? ":443" : nil
        if let defaultPort, host.hasSuffix(defaultPort) { host.removeLast(defaultPort.count) }
        if host.hasSuffix(":") { host.removeLast() }
        return userinfo + host
    }

    /// Bytes allowed unescaped in a path or query: unreserved, sub-delims, `:@/?`.
    private static let allowed: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?".utf8) {
            table[Int(byte)] = true
        }
        return table
    }()

    private static func isUnreserved(_ b: UInt8) -> Bool {
        isAlpha(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }

    static func normalizedPercentEncoding(_ text: String) -> String {
        // Fast path: nothing to change (the table read in place: this runs for every path and query).
        let unchanged = allowed.withUnsafeBufferPointer { table in
            text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { table[Int($0)] } } ?? text.utf8.allSatisfy { table[Int($0)] }
        }
        if unchanged { return text }
        return String(decoding: normalizedPercentEncoding(bytes: text.utf8), as: UTF8.self)
    }

    /// The byte-level normalisation: `%xx` escapes upper-cased (decoded when they stand for an unreserved character
    /// and `decodeUnreserved`); bytes outside ASCII escaped; with `escapeASCII`, ASCII bytes not allowed in a path
    /// or query (space, `"`, `<`, a `%` without two hex digits…) escaped too.
    static func normalizedPercentEncoding(bytes: some Collection<UInt8>, decodeUnreserved: Bool = true,
                                          escapeASCII: Bool = true) -> [UInt8] {
        let bytes = Array(bytes)
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x25, i + 2 < bytes.count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                let decoded = high << 4 | low
                if decodeUnreserved && isUnreserved(decoded) {
                    out.append(decoded)
                } else {
                    out += [0x25, hex[Int(high)], hex[Int(low)]]
                }
                i += 3
                continue
            }
            if b < 0x80 && (!escapeASCII || allowed[Int(b)]) {
                out.append(b)
            } else {
                out += [0x25, hex[Int(b >> 4)], hex[Int(b & 0x0F)]]
            }
            i += 1
        }
        return out
    }

    /// RFC 3986 §5.2.4, on bytes.
    static func removeDotSegments(_ path: String) -> String {
        let bytes = Array(path.utf8)
        if !bytes.contains(0x2E) { return path }
        var segments: [ArraySlice<UInt8>] = []
        let absolute = bytes.first == 0x2F
        var parts = bytes.split(separator: 0x2F, omittingEmptySubsequences: false)
        if absolute { parts.removeFirst() }
        var trailingSlash = false
        for (index, part) in parts.enumerated() {
            let last = index == parts.count - 1
            if part.elementsEqual([0x2E]) {
                if last { trailingSlash = true }
            } else if part.elementsEqual([0x2E, 0x2E]) {
                if !segments.isEmpty { segments.removeLast() }
                if last { trailingSlash = true }
            } else {
                segments.append(part)
                if last { trailingSlash = false }
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        if absolute { out.append(0x2F) }
        for (index, segment) in segments.enumerated() {
            if index > 0 { out.append(0x2F) }
            out.append(contentsOf: segment)
        }
        if trailingSlash, !segments.isEmpty { out.append(0x2F) }
        return String(decoding: out, as: UTF8.self)
    }
}
