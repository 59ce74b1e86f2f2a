import Testing
import HeraldData

/// Which strings are absolute http(s) URLs for a crawl's page, a tenant's base URL, `herald audit --url` and
/// `snapshot import-site --base-url`: a host that a browser would accept and a port it could dial.
struct HTTPURLValidityTests {
    @Test("accepted", arguments: [
        "https://example.com/", "http://example.com", "HTTPS://Example.COM/a?b=c#d", "https://example.com:8443/x",
        "http://127.0.0.1:8765/index.html", "http://[::1]/p", "http://[::1]:8080/", "https://user:pw@example.com/",
        "https://xn--caf-dma.example/", "https://café.example/menu", "https://example.com/caf%C3%A9", "https://ex%41mple.com/",
        "https://example.com:/", "https://example.com/a b".replacingOccurrences(of: " ", with: "%20"),
    ])
    func accepted(url: String) {
        #expect(isAbsoluteHTTPURL(url))
    }

    @Test("refused", arguments: [
        "", "example.com/", "/relative", "ftp://example.com/", "mailto:a@example.com", "https://", "https:///path",
        "http://[::1/p", "http://[]/", "http://[::1]x/", "http://[g::1]/", "https://e.com:99999/", "https://e.com:8o/",
        "https://e.com:123456/", "https://ex%00ample.com/", "https://ex%7fample.com/", "https://ex%2/", "https://e<x>.com/",
        "https://e.com/a b", "https://e.com/\ttab", "https://e.com/a\u{1}b", "https://e\u{7F}.com/", "https://e.com\n/",
        "https://user@/", "https://e|x.com/",
    ])
    func refused(url: String) {
        #expect(!isAbsoluteHTTPURL(url))
    }
}
