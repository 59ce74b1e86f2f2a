import Foundation
import Testing
import Generator
import HeraldData
import Markup
@testable import NewsletterPlugin

/// The HTML part of a generated message, quoted-printable decoded.
func htmlPart(_ eml: [UInt8]) -> String {
    let text = String(decoding: eml, as: UTF8.self)
    guard let start = text.range(of: "Content-Type: text/html"), let body = text.range(of: "\r\n\r\n", range: start.upperBound..<text.endIndex),
          let end = text.range(of: "\r\n--=_herald_", range: body.upperBound..<text.endIndex) else { return "" }
    let qp = Array(text[body.upperBound..<end.lowerBound].utf8)
    var out: [UInt8] = []
    var i = 0
    func hex(_ b: UInt8) -> UInt8? {
        switch b { case 0x30...0x39: b - 0x30; case 0x41...0x46: b - 0x37; case 0x61...0x66: b - 0x57; default: nil }
    }
    while i < qp.count {
        if qp[i] == 0x3D, i + 2 < qp.count, qp[i + 1] == 13, qp[i + 2] == 10 { i += 3; continue }
        if qp[i] == 0x3D, i + 2 < qp.count, let h = hex(qp[i + 1]), let l = hex(qp[i + 2]) { out.append(h << 4 | l); i += 3; continue }
        if qp[i] == 13, i + 1 < qp.count, qp[i + 1] == 10 { out.append(10); i += 2; continue }
        out.append(qp[i]); i += 1
    }
    return String(decoding: out, as: UTF8.self)
}

/// Every element of `root` in document order, with whether it lies inside the article (`div.content`).
func elements(_ root: HTMLElement, inArticle: Bool = false) -> [(element: HTMLElement, inArticle: Bool)] {
    var out: [(HTMLElement, Bool)] = []
    for child in root.children {
        guard case let .element(e) = child else { continue }
        out.append((e, inArticle))
        let classes = (e[attribute: "class"] ?? "").split(separator: " ")
        out += elements(e, inArticle: inArticle || (e.name == "div" && classes.contains("content")))
    }
    return out
}

/// An element's style attribute without spaces.
func style(_ element: HTMLElement) -> String { (element[attribute: "style"] ?? "").filter { $0 != " " } }

/// The text of every comment, in document order.
func comments(_ root: HTMLElement) -> [String] {
    root.children.flatMap { node -> [String] in
        switch node {
        case let .comment(text): [text]
        case let .element(e): comments(e)
        case .text: []
        }
    }
}

let brandSettings: [(String, ConfigValue)] = [
    ("address", .string("<b>1 Main St</b> & \"Co\"")),
    ("social", .array([
        ConfigNode(.map([(key: "name", value: ConfigNode(.string("\"><img src=x onerror=alert(1)>"), at: SourceLocation(file: "t.yml", line: 9))),
                         (key: "url", value: ConfigNode(.string("https://social.example/@acme"), at: SourceLocation(file: "t.yml", line: 9)))]),
                   at: SourceLocation(file: "t.yml", line: 9)),
        ConfigNode(.map([(key: "name", value: ConfigNode(.string("GitHub"), at: SourceLocation(file: "t.yml", line: 10))),
                         (key: "url", value: ConfigNode(.string("https://github.com/acme"), at: SourceLocation(file: "t.yml", line: 10))),
                         (key: "icon", value: ConfigNode(.string("https://acme.example/gh.png"), at: SourceLocation(file: "t.yml", line: 10)))]),
                   at: SourceLocation(file: "t.yml", line: 10)),
    ])),
]

let hostileTenant = TenantConfig(id: "acme", name: "<script>alert(1)</script> & \"Co\"", baseURL: "https://acme.example/", edition: "pro",
                                 locale: "en-GB", timeZone: "Europe/Berlin",
                                 brand: Brand(primaryColor: "#123456", accentColor: "#abcdef", logoURL: "/img/logo.png"))

@Suite struct EmailLayoutTests {
    /// s1 (Zoë) and s3 (hostile name) through the default layout, with a logo, a postal address and social links.
    func render(tenant: TenantConfig = hostileTenant) throws -> (html: [String], output: NewsletterRun) {
        let output = try runNewsletter(makeInput([sampleIssue()], subscribers: [people[0], people[2]], settings: brandSettings, tenant: tenant))
        let html = ["s1", "s3"].map { htmlPart(output.artifact("email/newsletter/2026-11-15-november/\($0).eml")!.bytes) }
        return (html, output)
    }

    @Test func layoutFollowsMJMLConventions() throws {
        let html = try render().html[0]
        let root = HTMLParser.parse(html)
        let body = try #require(root.first("body"))
        let all = elements(root)
        // The hidden preheader is the first thing in <body>, followed by filler so no body text is pulled in.
        guard case let .element(first)? = body.children.first(where: { if case .text = $0 { false } else { true } }) else {
            Issue.record("body has no first element"); return
        }
        #expect(first.name == "div" && first[attribute: "class"] == "preheader")
        let scalars = Array(first.textContent.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars.prefix(25))) == "What happened in November")
        #expect(scalars.dropFirst(25).prefix(2) == ["\u{34F}", "\u{200C}"] && scalars.count > 25 + 150)
        #expect(style(first).contains("display:none") && style(first).contains("mso-hide:all"))
        // Every layout table is presentational; the article's data table keeps its meaning.
        let tables = all.filter { $0.element.name == "table" }
        #expect(tables.count > 10)
        for (table, inArticle) in tables where !inArticle { #expect(table[attribute: "role"] == "presentation") }
        #expect(tables.contains { $0.inArticle && $0.element[attribute: "role"] == nil })
        // Images the layout writes have alt text, an explicit width and display:block.
        let layoutImages = all.filter { $0.element.name == "img" && !$0.inArticle }.map(\.element)
        #expect(layoutImages.count == 2)  // the logo and one social icon
        for image in layoutImages {
            #expect(image[attribute: "alt"]?.isEmpty == false)
            #expect(Int(image[attribute: "width"] ?? "") != nil)
            #expect(style(image).contains("display:block"))
        }
        // A relative brand logo is made absolute.
        #expect(layoutImages.contains { $0[attribute: "src"] == "https://acme.example/img/logo.png" && $0[attribute: "width"] == "160" })
        // Dark mode and the 600 px body.
        #expect(root.first("head")?.descendants(named: "meta").contains { $0[attribute: "name"] == "color-scheme" && $0[attribute: "content"] == "light dark" } == true)
        #expect(all.contains { style($0.element).contains("max-width:600px") })
        // Mobile first: columns are 100 % wide inline; the wide-screen @media rule sets the half columns.
        let halves = all.filter { ($0.element[attribute: "class"] ?? "").split(separator: " ").contains("col-50") }
        #expect(halves.count == 2)
        for half in halves { #expect(style(half.element).contains(";width:100%")) }
        #expect(html.contains("@media only screen and (min-width: 600px)") && html.contains(".col-50 { width: 50% !important"))
    }

    @Test func outlookConditionalCommentsAreBalanced() throws {
        let html = try render().html[0]
        let notes = comments(HTMLParser.parse(html))
        // Ghost tables open in one `[if mso | IE]` comment and close in a later one: in document order the depth of
        // tables, rows and cells never goes below zero and ends at zero.
        var depth = ["table": 0, "tr": 0, "td": 0]
        var ghosts = 0
        for note in notes where note.hasPrefix("[if mso | IE]>") {
            ghosts += 1
            for tag in depth.keys {
                depth[tag]! += note.ranges(of: "<\(tag)").count - note.ranges(of: "</\(tag)>").count
                #expect(depth[tag]! >= 0, "ghost \(tag) closed before it opened: \(note)")
            }
        }
        #expect(ghosts >= 10)
        #expect(depth == ["table": 0, "tr": 0, "td": 0])
        // The bulletproof button: a VML roundrect for Outlook, a link for everyone else.
        let vml = notes.filter { $0.hasPrefix("[if mso]><v:roundrect") }
        #expect(vml.count == 1 && vml[0].contains("href=\"https://acme.example/newsletter/2026-11-15-november/\"") && vml[0].hasSuffix("</v:roundrect><![endif]"))
        #expect(notes.filter { $0 == "[if !mso]><!" }.count == notes.filter { $0 == "<![endif]" }.count)
        #expect(html.contains("<!--[if !mso]><!--><a class=\"button\" href=\"https://acme.example/newsletter/2026-11-15-november/\""))
    }

    @Test func hostileTenantAndSubscriberTextIsEscaped() throws {
        let (html, output) = try render()
        let preview = output.text("email/newsletter/2026-11-15-november/preview.html")!
        for page in html + [preview] {
            #expect(!page.contains("<script>alert(1)</script>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"))
            #expect(!page.contains("<img src=x onerror"))
            #expect(page.contains("alt=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"") || page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>"))
            #expect(!page.contains("<b>1 Main St</b>") && page.contains("&lt;b&gt;1 Main St&lt;/b&gt; &amp; &quot;Co&quot;"))
        }
        #expect(!html[1].contains("<b>\"x'") && html[1].contains("&lt;b&gt;&quot;x&#39;"))
        // The parsed document keeps the hostile text as text: no element came from tenant or subscriber data.
        let names = Set(elements(HTMLParser.parse(html[1])).map(\.element.name))
        #expect(!names.contains("script") && !names.contains("b"))
    }

    @Test(arguments: [
        ("social", ConfigValue.array([ConfigNode(.map([(key: "name", value: ConfigNode(.string("X"), at: SourceLocation(file: "t.yml", line: 4))),
                                                      (key: "link", value: ConfigNode(.string("https://x.example"), at: SourceLocation(file: "t.yml", line: 5)))]),
                                                at: SourceLocation(file: "t.yml", line: 4))]), "unknown key 'link'"),
        ("social", ConfigValue.array([ConfigNode(.map([(key: "name", value: ConfigNode(.string("X"), at: SourceLocation(file: "t.yml", line: 4))),
                                                      (key: "url", value: ConfigNode(.string("javascript:alert(1)"), at: SourceLocation(file: "t.yml", line: 5)))]),
                                                at: SourceLocation(file: "t.yml", line: 4))]), "expected an https, http or mailto URL"),
        ("social", ConfigValue.array([ConfigNode(.map([(key: "name", value: ConfigNode(.string("X"), at: SourceLocation(file: "t.yml", line: 4))),
                                                      (key: "url", value: ConfigNode(.string("https://x.example"), at: SourceLocation(file: "t.yml", line: 4))),
                                                      (key: "icon", value: ConfigNode(.string("http://x.example/i.png"), at: SourceLocation(file: "t.yml", line: 5)))]),
                                                at: SourceLocation(file: "t.yml", line: 4))]), "absolute https image URL"),
        ("logo_width", ConfigValue.int(0), "logo width"),
    ])
    func brandingSettingsAreStrict(_ key: String, _ value: ConfigValue, _ message: String) throws {
        let settings = ConfigNode(.map([(key: key, value: ConfigNode(value, at: SourceLocation(file: "t.yml", line: 5)))]), at: SourceLocation(file: "t.yml", line: 3))
        let input = makeInput([sampleIssue()], subscribers: [people[0]])
        var withSettings = input
        withSettings.settings = PluginSettings(settings)
        do {
            _ = try runNewsletter(withSettings)
            Issue.record("expected an error for \(key)")
        } catch {
            let found = error.diagnostics
            #expect(found.contains { $0.message.contains(message) && $0.location.file == "t.yml" && $0.location.line == 5 }, "\(found)")
        }
    }

    @Test(arguments: [
        (#"<body><div style="border-radius:4px; box-shadow: 0 1px red">x</div></body>"#, ["CSS Outlook desktop ignores: border-radius (1), box-shadow (1)"]),
        (#"<body><div style="position:absolute">x</div><p style="position: static"></p></body>"#, ["Outlook desktop ignores: position (1)", "Gmail ignores: position (1)"]),
        (#"<body><div style="display:flex"></div><div style="display:grid"></div><div style="display:block"></div></body>"#, ["Outlook desktop ignores: display: flex (1), display: grid (1)"]),
        (#"<body><div style="max-width:600px"></div></body>"#, ["Outlook desktop ignores: max-width (1)"]),
        (#"<head><style>@font-face { font-family: X; src: url(x.woff2) }</style></head><body></body>"#, ["Outlook desktop ignores: @font-face (1)", "Gmail ignores: @font-face (1)"]),
        (#"<body><p style="color: var(--brand)">x</p></body>"#, ["Outlook desktop ignores: var(--…) (1)", "Gmail ignores: var(--…) (1)"]),
        // What Outlook never renders, and max-width inside a fixed-width ghost table, are not reported.
        (#"<body><!--[if !mso]><!--><a style="border-radius:4px">b</a><!--<![endif]--><div style="display:none;max-width:0;opacity:0;mso-hide:all">p</div></body>"#, []),
        (#"<body><!--[if mso | IE]><table width="600"><tr><td><![endif]--><div style="max-width:600px">x</div><!--[if mso | IE]></td></tr></table><![endif]--></body>"#, []),
        // Elements in <head> are not checked.
        (#"<head><meta style="position:absolute"></head><body></body>"#, []),
    ])
    func lintReportsCSSThatClientsIgnore(_ html: String, _ expected: [String]) {
        let lint = IssueLint(issue: lintIssue, html: Array(html.utf8), unsubscribeSentinel: MergeMarker.sentinel(0))
        let css = lint.findings.filter { $0.message.hasPrefix("CSS ") }
        #expect(css.count == expected.count, "\(css.map(\.message))")
        for text in expected { #expect(css.contains { $0.message.contains(text) }, "\(text) in \(css.map(\.message))") }
        #expect(css.allSatisfy { $0.level == .info && $0.message.hasSuffix("(caniemail.com)") })
    }

    @Test(arguments: [("https://x/logo.svg", true), ("https://x/LOGO.SVG?v=2#a", true), ("https://x/logo.png?f=.svg", false), ("https://x/svg", false)])
    func svgImagesAreNoted(_ src: String, _ noted: Bool) {
        let html = "<body><img src=\"\(src)\" alt=\"a\" width=\"10\"></body>"
        let lint = IssueLint(issue: lintIssue, html: Array(html.utf8), unsubscribeSentinel: MergeMarker.sentinel(0))
        #expect(lint.findings.contains { $0.message.contains("SVG image") } == noted)
    }

    @Test(arguments: [
        ("From: a@x\r\nList-Unsubscribe: <https://x/u?t=1>,\r\n <mailto:u@x>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\r\nList-Unsubscribe: no", []),
        ("From: a@x\r\nList-Unsubscribe: <mailto:u@x>\r\n\r\nbody", ["no List-Unsubscribe header with an https URL", "List-Unsubscribe-Post"]),
        // Headers in the body do not count.
        ("From: a@x\r\n\r\nList-Unsubscribe: <https://x/u>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", ["https URL", "List-Unsubscribe-Post"]),
    ])
    func lintChecksTheUnsubscribeHeaders(_ message: String, _ expected: [String]) {
        var lint = IssueLint(issue: lintIssue, html: [], unsubscribeSentinel: MergeMarker.sentinel(0))
        let before = lint.findings.count
        lint.checkHeaders(Array(message.utf8))
        let added = lint.findings.dropFirst(before)
        #expect(added.count == expected.count)
        for (finding, text) in zip(added, expected) { #expect(finding.level == .warning && finding.message.contains(text)) }
        #expect(lint.headersChecked)
    }

    @Test func theDefaultLayoutPassesItsOwnLint() throws {
        let output = try render(tenant: tenant).output
        let report = output.text("reports/newsletter/index.html")!
        #expect(!report.contains("CSS Outlook") && !report.contains("CSS Gmail"))
        #expect(!report.contains("List-Unsubscribe"))
        #expect(!output.notices.contains { $0.message.contains("unsubscribe") })
        // The article's image gets the column width (EmailImages), so nothing is left to report about it.
        #expect(!report.contains("without a width attribute"))
    }

    @Test func plainTextStartsWithTheTenantAndHasNoSpacerLines() throws {
        let text = try render(tenant: tenant).output.text("email/newsletter/2026-11-15-november/preview.txt")!
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Acme & Söhne")
        // Spacers and filler never leave lines of invisible characters.
        for line in lines where !line.isEmpty { #expect(line.contains { !$0.isWhitespace && $0 != "\u{200C}" && $0 != "\u{34F}" }, "blank-looking line \(Array(line.unicodeScalars))") }
        #expect(text.contains("Unsubscribe (https://acme.example/unsubscribe)"))
    }

    @Test func everyPublishedPageIsWritten() throws {
        let output = try render(tenant: tenant).output
        #expect(output.pages.map(\.path) == ["newsletter/", "newsletter/2026-11-15-november/", "newsletter/atom.xml", "newsletter/feed.xml"])
        for page in output.pages {
            let path = "site/" + page.path + (page.path.hasSuffix("/") ? "index.html" : "")
            #expect(output.artifact(path) != nil, "\(path) is published but not written")
        }
    }
}

let lintIssue = NewsletterIssue(slug: "x", subject: "x", title: "x", preheader: "p", description: nil,
                                date: Timestamp(millisecondsSinceEpoch: 0, offsetSeconds: 0), day: "1970-01-01", segments: [],
                                authors: [], markdown: "", baseURL: "https://x/", location: SourceLocation(file: "x"))
