import Foundation
@testable import Generator
import HeraldData
import Liquid
import Testing

/// `renderPageBytes` hands over the bytes `renderPage` renders, with or without a bytes path in the renderer.
@Suite struct ThemeRendererTests {
    static let templates = [
        "layouts/base.html": "<html lang=\"{{ page.lang }}\"><title>{{ page.title }}</title>{{ root }}|{{ tenant.name }}|{{ content }}</html>\n",
        "body.html": "<p>{{ text }}</p>{% for item in items %}<i>{{ item }}</i>{% endfor %}",
        "plain.txt": "{{ text }} & {{ items | join: \",\" }}",
    ]

    static func renderer() throws -> ThemeRenderer {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-theme-\(UUID().uuidString)").path
        for (name, text) in templates {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return ThemeFactory.renderer(roots: [root])
    }

    @Test(arguments: ["plain", "<script>\"&'</script>", "é日本😀", "a\u{0}b\r\n", ""])
    func bytesAreTheRenderedText(text: String) throws {
        let theme = try Self.renderer()
        let stringOnly = ThemeRenderer { name, variables in try theme.render(name, variables) }
        let tenant = TenantConfig(id: "t", name: text, baseURL: "https://example.com/", edition: "e", locale: "fr")
        let variables: LiquidObject = ["text": .string(text), "items": [.string(text), 1, .null]]
        for renderer in [theme, stringOnly] {
            let page = try renderer.renderPage("body.html", variables, page: PageMeta(title: text), tenant: tenant, outputPath: "a/b/c.html")
            #expect(try renderer.renderPageBytes("body.html", variables, page: PageMeta(title: text), tenant: tenant,
                                                 outputPath: "a/b/c.html") == Array(page.utf8))
            #expect(page.contains("../../|"))
            #expect(try renderer.renderBytes("plain.txt", variables) == Array(try renderer.render("plain.txt", variables).utf8))
        }
        #expect(try theme.render("plain.txt", variables) == "\(text) & \(text),1,")
    }

    /// `root` climbs one folder per non-empty segment before the file name, as the file system counts them.
    @Test(arguments: [("index.html", 0), ("a/index.html", 1), ("a/b/c.html", 2), ("a//b/c.html", 2), ("/a/b.html", 1),
                      ("a/b/", 1), ("é/日本/x.html", 2), ("a/\u{301}b/c.html", 2), ("", 0)])
    func folderDepth(path: String, depth: Int) {
        #expect(ThemeRenderer.folderDepth(path) == depth)
    }
}
