import HeraldData
import Testing
@testable import SEOPlugin

/// Exact and near duplicates of the main text, on pages built in code.
struct ContentDuplicateTests {
    /// `count` words drawn from a small vocabulary by a fixed linear congruential sequence: the same seed gives the
    /// same text, different seeds unrelated texts.
    static func prose(seed: UInt64, count: Int = 200) -> [String] {
        let vocabulary = ["river", "stone", "garden", "window", "engine", "letter", "summer", "paper", "silver", "forest",
                          "bridge", "market", "candle", "harbor", "orange", "violin", "ladder", "pocket", "rocket", "meadow",
                          "castle", "thunder", "pencil", "mirror", "saddle", "tunnel", "velvet", "anchor", "blanket", "compass"]
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return vocabulary[Int(state >> 33) % vocabulary.count]
        }
    }

    /// A page whose main text is `words`, with navigation and footer that every page shares.
    static func page(_ path: String, _ words: [String], title: String? = nil) -> CrawledPage {
        var document = Fixture.Document()
        document.head = document.head.map { $0.hasPrefix("<title>") ? "<title>\(title ?? path)</title>" : $0 }
        document.body = ["<nav><a href=\"/other.html\">Other</a> home about contact shop news help</nav>",
                         "<main><h1>Heading</h1><p>" + words.joined(separator: " ") + "</p></main>",
                         "<footer>copyright acme all rights reserved terms privacy imprint</footer>"]
        return Fixture.page(path, document)
    }

    static func changed(_ words: [String], at positions: [Int]) -> [String] {
        var copy = words
        for position in positions { copy[position] = "zebra\(position)" }
        return copy
    }

    static func groups(_ pages: [CrawledPage], settings: SEOSettings = SEOSettings()) -> [ContentDuplicates.Group] {
        Fixture.audit(pages, settings: settings).contentGroups
    }

    @Test("two pages that differ by a few words are near duplicates, with their similarity",
          arguments: [[100], [20, 150], [10, 90, 170]])
    func fewWordsApart(positions: [Int]) throws {
        let text = Self.prose(seed: 1)
        let pages = [Self.page("a.html", text), Self.page("b.html", Self.changed(text, at: positions)), Self.page("c.html", Self.prose(seed: 2))]
        let groups = Self.groups(pages)
        let group = try #require(groups.first)
        #expect(groups.count == 1)
        #expect(group.rule == .nearDuplicate)
        #expect(group.urls == [Fixture.site + "a.html", Fixture.site + "b.html"])
        // Each changed word removes the 3 shingles that hold it (fewer when they repeat elsewhere).
        let a = MainText(html: pages[0].body), b = MainText(html: pages[1].body)
        #expect(group.lowest == a.similarity(to: b) && group.lowest >= 0.9 && group.lowest < 1)
        let findings = Fixture.audit(pages).findings.filter { $0.rule == .nearDuplicate }
        #expect(findings.map(\.url) == group.urls)
        #expect(findings[0].evidence == "main text similar to \(Fixture.site)b.html")
        #expect(findings[0].message.hasPrefix(ContentDuplicates.percent(group.lowest) + " of 3-word shingles shared with"))
    }

    @Test("unrelated pages, and pages further apart than the threshold, are not near duplicates")
    func differentPages() {
        let text = Self.prose(seed: 1)
        let pages = [Self.page("a.html", text), Self.page("b.html", Self.prose(seed: 2)), Self.page("c.html", Self.prose(seed: 3)),
                     Self.page("d.html", Self.changed(text, at: Array(stride(from: 5, to: 200, by: 20))))]
        #expect(Self.groups(pages).isEmpty)
        #expect(Fixture.audit(pages).findings.allSatisfy { $0.rule != .nearDuplicate && $0.rule != .contentDuplicate })
    }

    @Test("the threshold is a setting: at 0.5 pages that share half their shingles match")
    func configurableThreshold() throws {
        let text = Self.prose(seed: 1)
        let pages = [Self.page("a.html", text), Self.page("d.html", Self.changed(text, at: Array(stride(from: 5, to: 200, by: 20))))]
        let similarity = MainText(html: pages[0].body).similarity(to: MainText(html: pages[1].body))
        #expect(similarity > 0.5 && similarity < 0.9)
        var settings = SEOSettings()
        settings.nearDuplicateThreshold = 0.5
        #expect(Self.groups(pages, settings: settings).map(\.urls) == [pages.map(\.url)])
    }

    @Test("identical main text is an exact duplicate, whatever the navigation, and not also a near duplicate")
    func exactDuplicates() throws {
        let text = Self.prose(seed: 4)
        var other = Self.page("b.html", text)
        other.body = Array(String(decoding: other.body, as: UTF8.self).replacingOccurrences(of: "home about", with: "start shop").utf8)
        let pages = [Self.page("a.html", text), other, Self.page("c.html", Self.prose(seed: 5))]
        let groups = Self.groups(pages)
        #expect(groups.map(\.rule) == [.contentDuplicate])
        #expect(groups.first?.urls == [Fixture.site + "a.html", Fixture.site + "b.html"])
        let findings = Fixture.audit(pages).findings.filter { $0.rule == .contentDuplicate }
        #expect(findings.map(\.evidence) == ["same main text as \(Fixture.site)b.html", "same main text as \(Fixture.site)a.html"])
    }

    @Test("pages under duplicate_min_words are not compared")
    func shortPagesAreSkipped() {
        let text = Self.prose(seed: 6, count: 40)
        let pages = [Self.page("a.html", text), Self.page("b.html", text)]
        #expect(Self.groups(pages).isEmpty)
        var settings = SEOSettings()
        settings.duplicateMinWords = 30
        #expect(Self.groups(pages, settings: settings).map(\.rule) == [.contentDuplicate])
    }

    @Test("the same pages in any order give the same groups and findings")
    func deterministic() {
        let text = Self.prose(seed: 1)
        let pages = [Self.page("a.html", text), Self.page("b.html", Self.changed(text, at: [50])),
                     Self.page("c.html", Self.changed(text, at: [120])), Self.page("d.html", text), Self.page("e.html", Self.prose(seed: 9))]
        let first = Fixture.audit(pages)
        let second = Fixture.audit(pages.reversed())
        #expect(first.contentGroups == second.contentGroups)
        #expect(first.findings == second.findings)
        #expect(first.contentGroups.map(\.rule) == [.contentDuplicate, .nearDuplicate])
        #expect(first.contentGroups.last?.urls == ["a.html", "b.html", "c.html", "d.html"].map { Fixture.site + $0 })
    }

    @Test("a group found by the bands is the one exhaustive comparison finds", arguments: [0.5, 0.7, 0.85, 0.9])
    func bandsFindWhatPairsFind(threshold: Double) {
        // 40 texts: 8 families of 5 variants, each variant a few more words apart from the family's first.
        var pages: [(url: String, text: MainText)] = []
        for family in 0..<8 {
            let base = Self.prose(seed: UInt64(100 + family))
            for variant in 0..<5 {
                let positions = Array(stride(from: 3, to: 200, by: 200 / (variant * 2 + 1))).prefix(variant * 2)
                let html = "<main>" + Self.changed(base, at: Array(positions)).joined(separator: " ") + "</main>"
                pages.append(("https://x/\(family)-\(variant)", MainText(html: Array(html.utf8))))
            }
        }
        var expected = Set<[String]>()
        var parent = Array(0..<pages.count)
        func root(_ x: Int) -> Int { parent[x] == x ? x : root(parent[x]) }
        for a in pages.indices { for b in pages.indices where a < b && pages[a].text.similarity(to: pages[b].text) >= threshold {
            let ra = root(a), rb = root(b)
            parent[rb] = ra
        } }
        let components = Dictionary(grouping: pages.indices, by: root).values.filter { $0.count > 1 }
        for members in components { expected.insert(members.map { pages[$0].url }.sorted()) }
        #expect(!expected.isEmpty)
        let found = ContentDuplicates.groups(pages, threshold: threshold, minimumWords: 50).map(\.urls)
        #expect(Set(found) == expected)
    }

    @Test("main text: navigation, scripts and the head are left out; <main> or role=main wins", arguments: [
        ("<html><head><title>t</title><script>var a = '<p>x</p>';</script></head><body><nav>menu here</nav><p>one two</p><footer>f</footer></body></html>", 2),
        ("<body><div>outside words</div><div role=\"main\"><div>in one</div><p>in two</p></div><p>after</p></body>", 4),
        ("<body><main>a b c</main><p>d e</p></body>", 3),
        ("<body><script src=\"x.js\"></script><p>one</p><STYLE>p{}</style ><p>two</p></body>", 2),
        ("<body><p>caf\u{E9} &amp; cr\u{E8}me<!-- hidden words --></p><style>p{}</style></body>", 2),
        ("<head><title>t</title><body><p>no closing head but a body", 6),
    ])
    func mainText(html: String, words: Int) {
        #expect(MainText(html: Array(html.utf8)).wordCount == words)
    }
}
