import Testing
import Generator
import HeraldData
import Markup
@testable import NewsletterPlugin

/// How an article looks in the default email layout: what headless Chromium showed wrong on the rust-blog posts.
@Suite struct ArticleLooksTests {
    /// The email preview (HTML and text) of one issue with `markdown` as its body.
    func preview(_ markdown: String) throws -> (html: String, text: String) {
        let doc = issueDocument("newsletter/2026-11-03-look.md", markdown, [("subject", .string("Subject line"))])
        let run = try runNewsletter(makeInput([doc], subscribers: [people[0]]))
        return (try #require(run.text("email/newsletter/2026-11-03-look/preview.html")),
                try #require(run.text("email/newsletter/2026-11-03-look/preview.txt")))
    }

    /// The elements inside the article (`div.content`), in document order.
    func article(_ html: String) -> [HTMLElement] {
        elements(HTMLParser.parse(html)).filter(\.inArticle).map(\.element)
    }

    @Test(arguments: [("# Own heading\n\nFirst paragraph.", "Own heading"), ("First paragraph.", "Subject line")])
    func theGreetingComesAfterTheTitle(_ markdown: String, _ title: String) throws {
        let (html, text) = try preview(markdown)
        let names = article(html).map { $0.name == "p" && $0[attribute: "class"] == "greeting" ? "greeting" : $0.name }
        #expect(names.prefix(3) == ["h1", "greeting", "p"])
        #expect(article(html).first?.textContent == title)
        #expect(html.components(separatedBy: "<h1").count == 2)
        let order = [title, "Hi there,", "First paragraph."].map { text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! })
    }

    @Test(arguments: [
        (#"<img src="https://x/a.png" alt="A">"#, #"<img src="https://x/a.png" alt="A" width="536">"#),
        (#"<img src="https://x/a.png" alt="A" />"#, #"<img src="https://x/a.png" alt="A" width="536" />"#),
        (#"<img src="a" alt="" width="1200" height="600">"#, #"<img src="a" alt="" width="536">"#),
        (#"<img src="a" alt="" height="600" WIDTH=" 800px ">"#, #"<img src="a" alt="" width="536">"#),
        (#"<img src="a" alt="" width="120" height="40">"#, #"<img src="a" alt="" width="120" height="40">"#),
        (#"<img src="a" alt="" width="50%">"#, #"<img src="a" alt="" width="50%">"#),
        (#"<p>{{ x }} &amp; <img src="a&amp;b" alt="A&quot;"></p><pre><code>&lt;img></code></pre>"#,
         #"<p>{{ x }} &amp; <img src="a&amp;b" alt="A&quot;" width="536"></p><pre><code>&lt;img></code></pre>"#),
    ])
    func imagesGetAWidthThatFitsTheColumn(_ input: String, _ expected: String) {
        #expect(EmailImages.sized(input) == expected)
    }

    @Test func articleImagesFollowTheEmailImageConvention() throws {
        let (html, _) = try preview("![A wide chart](chart.png)\n\n<img src=\"https://acme.example/big.png\" alt=\"Big\" width=\"1600\" height=\"900\">")
        let images = article(html).filter { $0.name == "img" }
        #expect(images.count == 2)
        for image in images {
            #expect(image[attribute: "alt"]?.isEmpty == false)
            #expect(image[attribute: "width"] == "536" && image[attribute: "height"] == nil)
            // Scaled down on narrow screens, never stretched: no CSS width.
            #expect(style(image).contains("display:block") && style(image).contains("max-width:100%") && style(image).contains("height:auto"))
            #expect(!style(image).contains(";width:"))
        }
        #expect(!html.contains("without a width"))
    }

    @Test func codeBlocksWrapInsteadOfWideningTheMessage() throws {
        let token = String(repeating: "x86_64-unknown-linux-musl/", count: 12)
        let (html, text) = try preview("```\n\(token)\n```\n\n| target | notes |\n|---|---|\n| `\(token.prefix(30))` | n |")
        let pre = try #require(article(html).first { $0.name == "pre" })
        for declaration in ["white-space:pre-wrap", "word-break:break-word", "overflow-wrap:anywhere"] {
            #expect(style(pre).contains(declaration))
        }
        // Phones: code in a data table shrinks with the table's text.
        #expect(html.contains(".content td code { font-size: 12px !important"))
        #expect(text.contains(token))
    }

    @Test func footnotesAreSetOffWithoutBackLinks() throws {
        let (html, text) = try preview("Claim.[^1]\n\n[^1]: A note with `code`.")
        let elements = article(html)
        let notes = try #require(elements.first { $0[attribute: "class"] == "footnotes" })
        #expect(style(notes).contains("border-top:1px") && style(notes).contains("font-size:13px"))
        #expect(notes.descendants(named: "p").allSatisfy { style($0).contains("margin:0") && !style($0).contains("16px") })
        #expect(notes.descendants(named: "code").allSatisfy { style($0).contains("font-size:12px") })
        // In-message back links do not work in most clients (and ↩ turns into an emoji on iOS).
        let back = try #require(elements.first { $0[attribute: "class"] == "footnote-backref" })
        #expect(style(back).contains("display:none") && style(back).contains("mso-hide:all"))
        #expect(!text.contains("↩"))
        #expect(text.contains("A note with code."))
        #expect(elements.contains { $0.name == "sup" })
    }
}
