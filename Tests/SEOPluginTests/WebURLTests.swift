import Testing
@testable import SEOPlugin

struct WebURLTests {
    /// RFC 3986 §5.4.1 and §5.4.2, base `http://a/b/c/d;p?q`.
    @Test(arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"), (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../", "http://a/b/"),
        ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"), ("../../g", "http://a/g"),
        ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"),
        ("g#s/../x", "http://a/b/c/g#s/../x"), ("  g\n", "http://a/b/c/g"),
    ])
    func resolvesLikeRFC3986(_ reference: String, _ expected: String) {
        #expect(WebURL(reference).resolved(against: WebURL("http://a/b/c/d;p?q")).description == expected)
    }

    @Test(arguments: [
        ("HTTPS://Example.COM:443/a#top", "https://example.com/a"), ("http://example.com", "http://example.com/"),
        ("http://example.com:8080/", "http://example.com:8080/"), ("http://example.com/%7euser/caf%c3%a9", "http://example.com/~user/caf%C3%A9"),
        ("http://example.com/a b/\u{E9}", "http://example.com/a%20b/%C3%A9"), ("http://example.com/?q=a%2Fb", "http://example.com/?q=a%2Fb"),
    ])
    func normalises(_ url: String, _ expected: String) {
        #expect(WebURL(url).normalized.description == expected)
    }

    @Test func foldersAndTheirIndexStandForEachOther() {
        let index = SiteAudit.crawlIndex([("https://e.com/docs/", 200), ("https://e.com/a/index.html", 200), ("https://e.com/b/", 404),
                                          ("https://e.com/b/index.html", 200)])
        #expect(index["https://e.com/docs/index.html"] == 200)
        #expect(index["https://e.com/a/"] == 200)
        #expect(index["https://e.com/b/"] == 404)  // a real entry is never overwritten by an alias
    }

    @Test func schemeAndOrigin() {
        #expect(WebURL("file:///usr/share/doc/x.html").scheme == "file")
        #expect(WebURL("file:///usr/share/doc/x.html").isHTTP == false)
        #expect(WebURL("/relative").scheme == nil)
        #expect(WebURL("HTTP://A.example:80/x").origin == "http://a.example")
    }

    /// Host lower-cased, userinfo kept as written, the scheme's default port and an empty port dropped.
    @Test(arguments: [
        ("http", "Example.COM:80", "example.com"), ("https", "example.com:443", "example.com"), ("http", "example.com:443", "example.com:443"),
        ("https", "User:PW@Example.com:443", "User:PW@example.com"), ("http", "a@b@HOST:", "a@b@host"), ("http", "host:80:", "host:80"),
        ("ftp", "Host:21", "host:21"), ("http", "example.com", "example.com"), ("http", "", ""), ("http", ":80", ""),
        ("http", "BÜCHER.example:80", "bücher.example"), ("https", "Ü@X.example", "Ü@x.example"),
    ])
    func normalisesAuthorities(_ scheme: String, _ authority: String, _ expected: String) {
        #expect(WebURL.normalizedAuthority(authority, scheme: scheme) == expected)
        // The byte path for ASCII gives what the String path gives.
        #expect(WebURL.normalizedUnicodeAuthority(authority, scheme: scheme) == expected)
    }
}

/// The byte-level shortcuts of the link rules give what parsing the URL gives.
struct LinkShortcutTests {
    static let hrefs = ["page.html", "../a/b/c.html#x", "#top", "", "   ", "?q=1", "//example.com/x", " //example.com/",
                        "/\t/example.com", "/\n/x", "/ /x", "/x//y", "\t//x", "http://example.com/", "mailto:a@b.c",
                        "a:b", "foo#bar:baz", "x y#z", "x #z", "x\t#z", "https:", "é/ü.html#ß"]

    @Test("an href without ':' or a leading '//' parses without scheme or authority", arguments: hrefs)
    func schemeOrAuthority(href: String) {
        let url = WebURL(href)
        if !WebURL.mayHaveSchemeOrAuthority(href) {
            #expect(url.scheme == nil && url.authority == nil)
            #expect(WebURL.parseProblem(href) == nil)
        }
    }

    @Test("the link cache key drops the fragment only when that keeps the target", arguments: hrefs)
    func cacheKey(href: String) {
        let key = String(SiteAudit.cacheKey(href))
        let base = WebURL("https://example.com/dir/page.html")
        #expect(WebURL(key).resolved(against: base).normalized == WebURL(href).resolved(against: base).normalized)
    }

    /// Authorities the byte check passes parse; the others get the character-wise checks and their message.
    @Test(arguments: [
        ("example.com", true), ("a@b@Example.com:8080", true), ("example.com:", true), ("example.com:0065535", true),
        ("example.com:65536", false), ("example.com:1000000", false), ("example.com:8o", false), ("", false), ("u@", false),
        (":80", false), ("[::1]:80", false), ("exa mple.com", false), ("a|b", false), ("ex\\ample", false), ("bücher.de", false),
        ("user:pw@host", true),
    ])
    func hostAndPortShortcut(_ authority: String, _ parses: Bool) {
        #expect(WebURL.hostAndPortParse(authority) == parses)
        let problem = WebURL.parseProblem("http://" + authority + "/")
        if parses { #expect(problem == nil) }
        if !parses, authority.utf8.allSatisfy({ $0 < 0x80 }), !authority.contains("[") { #expect(problem != nil) }
    }

    @Test func cacheKeyExamples() {
        #expect(SiteAudit.cacheKey("os.html#os.walk") == "os.html")
        #expect(SiteAudit.cacheKey("os.html") == "os.html")
        #expect(SiteAudit.cacheKey("x #z") == "x #z")
    }
}
