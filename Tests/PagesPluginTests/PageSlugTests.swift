import Testing
@testable import PagesPlugin

@Suite struct PageSlugTests {
    @Test(arguments: [
        ("pages/index.md", "", "site/index.html"),
        ("pages/about.md", "about/", "site/about/index.html"),
        ("pages/About Us.md", "about-us/", "site/about-us/index.html"),
        ("pages/blog/index.md", "blog/", "site/blog/index.html"),
        ("pages/blog/First_Post.markdown", "blog/first-post/", "site/blog/first-post/index.html"),
        ("pages/Über uns.md", "uber-uns/", "site/uber-uns/index.html"),
        ("pages/_index.md", "", "site/index.html"),
    ])
    func fromPath(path: String, sitePath: String, outputPath: String) {
        let slug = PageSlug(path: path)
        #expect(slug.sitePath == sitePath)
        #expect(slug.outputPath == outputPath)
    }

    @Test(arguments: [
        ("../../etc", "etc/"),
        ("../../etc/passwd", "etc/passwd/"),
        ("..", ""),
        ("/", ""),
        ("/absolute/path", "absolute/path/"),
        ("a/./b/../c", "a/b/c/"),
        ("..\\..\\windows", "windows/"),
        ("Hello, World!", "hello-world/"),
        ("  spaced  out  ", "spaced-out/"),
        ("don't stop", "dont-stop/"),
        ("Straße", "strasse/"),
        ("café/crème brûlée", "cafe/creme-brulee/"),
        ("%2e%2e/x", "2e-2e/x/"),
        ("a\u{0}b", "a-b/"),
        ("<script>alert(1)</script>", "script-alert-1/script/"),
        ("日本語", ""),
        ("---a---b---", "a-b/"),
    ])
    func sanitised(raw: String, sitePath: String) {
        let slug = PageSlug(sanitizing: raw)
        #expect(slug.sitePath == sitePath)
        for segment in slug.segments {
            #expect(!segment.isEmpty)
            #expect(segment.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
            #expect(!segment.hasPrefix("-") && !segment.hasSuffix("-"))
        }
    }
}
