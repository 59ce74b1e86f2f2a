/// Checks for URLs written in configuration (`base_url`, `brand.logo_url`), which end up in `href`/`src`
/// attributes and e-mail headers.
///
/// Browsers strip tabs and line breaks inside a URL and ignore leading control characters, so `java\tscript:`
/// runs as `javascript:`: a blocklist of schemes cannot work. Instead a URL may contain no control characters,
/// spaces or characters RFC 3986 never allows, and its scheme, when it has one, must be http or https.
public enum URLText {
    /// The first character not allowed anywhere in a URL (controls, space, `"<>\^`{|}`), or nil.
    public static func forbiddenCharacter(in url: String) -> Unicode.Scalar? {
        url.unicodeScalars.first { s in
            s.value <= 0x20 || (0x7F...0x9F).contains(s.value) || "\"<>\\^`{|}".unicodeScalars.contains(s)
        }
    }

    /// Why an authority's `host[:port]` does not parse (WHATWG URL rules; userinfo before the last `@` is left out),
    /// nil when it does: an IPv6 literal closed and made of hex digits, `:` and `.`; otherwise a non-empty host
    /// without a character `isForbidden` refuses; a port of digits up to 65535.
    public static func hostAndPortProblem(_ authority: Substring, isForbidden: (Character) -> Bool) -> String? {
        var host = authority
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        var port: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return "'[' without ']' in the host" }
            let inside = host[host.index(after: host.startIndex)..<close]
            if inside.isEmpty || !inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) { return "invalid IPv6 address" }
            let after = host[host.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { return "unexpected text after the IPv6 address" }
                port = after.dropFirst()
            }
        } else {
            if let colon = host.lastIndex(of: ":") {
                port = host[host.index(after: colon)...]
                host = host[..<colon]
            }
            if host.isEmpty { return "no host" }
            if let bad = host.first(where: isForbidden) { return "'\(bad)' is not allowed in a host" }
        }
        if let port, !port.isEmpty {
            guard port.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(port.prefix(6)), number <= 65535 else {
                return "port '\(port)' is not a number from 0 to 65535"
            }
        }
        return nil
    }

    /// The scheme (lower-cased) when the URL has one: letters, digits, `+-.` before the first `:` that comes
    /// before any `/`, `?` or `#`. `//host/x` and `img/logo.svg` have none.
    public static func scheme(of url: String) -> String? {
        var scheme = ""
        for s in url.unicodeScalars {
            if s == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            if s == "/" || s == "?" || s == "#" { return nil }
            scheme.unicodeScalars.append(s)
        }
        return nil
    }

    /// An http(s) URL or a relative one (`/img/logo.svg`, `//cdn.example/logo.png`), with no forbidden character.
    public static func isSafeLink(_ url: String) -> Bool {
        guard !url.isEmpty, forbiddenCharacter(in: url) == nil else { return false }
        guard let scheme = scheme(of: url) else { return true }
        return scheme == "http" || scheme == "https"
    }
}
