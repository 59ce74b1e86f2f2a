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
