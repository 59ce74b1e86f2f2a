import Foundation
import HeraldData
import Testing

/// `lowercasedContains` answers what lower-casing and searching answer, on bytes for ASCII text.
struct ASCIISearchTests {
    @Test(arguments: [
        ("text/html; charset=utf-8", "html", true), ("TEXT/HTML", "html", true), ("application/xhtml+xml", "html", true),
        ("text/plain", "html", false), ("htm", "html", false), ("", "html", false), ("application/XML", "xml", true),
        ("Ünïcode/HTML", "html", true), ("text/ᴴTML", "html", false), ("HTML", "html", true),
    ])
    func matchesLowercasedSearch(_ text: String, _ word: String, _ expected: Bool) {
        #expect(text.lowercasedContains(word) == expected)
        #expect(text.lowercased().contains(word) == expected)
    }
}
