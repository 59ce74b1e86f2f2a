import Testing
@testable import SEOPlugin

/// RFC 9309 as Herald reads it, one behaviour per test, each built from a small robots.txt.
struct RobotsTests {
    private func allowed(_ robots: String, _ agent: String, _ url: String) -> Bool {
        RobotsMatcher(RobotsFile(robots)).isAllowed(agent: agent, url: url)
    }

    @Test(arguments: ["user-agent", "User-Agent", "USER-AGENT", "uSeR-aGeNt"], ["disallow", "Disallow", "DISALLOW"])
    func fieldNamesAreCaseInsensitive(_ userAgent: String, _ disallow: String) {
        #expect(!allowed("\(userAgent): FooBot\n\(disallow): /private\n", "FooBot", "http://x/private/a"))
    }

    @Test(arguments: ["FooBot", "foobot", "FOOBOT", "fOObOT"])
    func productTokensAreCaseInsensitive(_ agent: String) {
        #expect(!allowed("User-agent: FooBot\nDisallow: /\n", agent, "http://x/a"))
    }

    @Test(arguments: [("FooBot/2.1", "FooBot"), ("Foo Bar", "Foo"), ("* any", "*"), ("Foo_Bot-2", "Foo_Bot-")])
    func theUserAgentValueIsReadAsItsProductToken(_ value: String, _ token: String) {
        let file = RobotsFile("User-agent: \(value)\nDisallow: /\n")
        #expect(file.groups.map(\.agents) == [[token]])
        #expect(file.notes.map(\.line) == [1])
    }

    @Test(arguments: ["FooBot", "BarBot", "BazBot"])
    func consecutiveUserAgentLinesFormOneGroup(_ agent: String) {
        let robots = "User-agent: FooBot\nUser-agent: BarBot\n\n# a comment\nSitemap: https://x/s.xml\nUser-agent: BazBot\nDisallow: /a\n"
        #expect(RobotsFile(robots).groups.count == 1)
        #expect(!allowed(robots, agent, "http://x/a"))
    }

    @Test func aUserAgentLineAfterARuleStartsANewGroup() {
        let file = RobotsFile("User-agent: FooBot\nDisallow: /a\nUser-agent: BarBot\nDisallow: /b\n")
        #expect(file.groups.map(\.agents) == [["FooBot"], ["BarBot"]])
        #expect(file.groups.map(\.line) == [1, 3])
        #expect(RobotsMatcher(file).isAllowed(agent: "FooBot", url: "/b"))
    }

    @Test(arguments: [("/a", false), ("/b", false), ("/b/open", true), ("/c", true)])
    func groupsNamingTheSameAgentAreMerged(_ path: String, _ expected: Bool) {
        let robots = "User-agent: FooBot\nDisallow: /a\n\nUser-agent: BarBot\nDisallow: /c\n\nUser-agent: foobot\nDisallow: /b\nAllow: /b/open\n"
        #expect(allowed(robots, "FooBot", path) == expected)
    }

    @Test(arguments: [("FooBot", "/a", true), ("FooBot", "/b", false), ("OtherBot", "/a", false), ("OtherBot", "/b", true)])
    func theStarGroupIsOnlyAFallback(_ agent: String, _ path: String, _ expected: Bool) {
        let robots = "User-agent: *\nDisallow: /a\n\nUser-agent: FooBot\nDisallow: /b\n"
        #expect(allowed(robots, agent, path) == expected)
    }

    @Test func aGroupWithoutRulesStillNamesItsAgent() {
        #expect(allowed("User-agent: FooBot\n\nUser-agent: *\nDisallow: /\n", "FooBot", "/a") == false)
        #expect(allowed("User-agent: *\nDisallow: /\n\nUser-agent: FooBot\n", "FooBot", "/a"))
    }

    @Test(arguments: [
        ("Allow: /a\nDisallow: /a/b", "/a/b/c", false), ("Disallow: /a\nAllow: /a/b", "/a/b/c", true),
        ("Disallow: /*.html\nAllow: /a/b", "/a/b.html", false),    // 8 octets beat 4
        ("Disallow: /caf\u{E9}\nAllow: /cafe*", "/caf%C3%A9", false), // `é` is 6 octets once encoded: 10 beat 6
    ])
    func theLongestPatternInOctetsWins(_ rules: String, _ path: String, _ expected: Bool) {
        #expect(allowed("User-agent: *\n\(rules)\n", "FooBot", path) == expected)
    }

    @Test(arguments: ["Allow: /a\nDisallow: /a", "Disallow: /a\nAllow: /a", "Disallow: /a*\nAllow: /*a", "Disallow: /*$\nAllow: /a$"])
    func allowWinsATie(_ rules: String) {
        #expect(allowed("User-agent: *\n\(rules)\n", "FooBot", "/a"))
    }

    @Test(arguments: [
        ("/*.php", "/index.php", true), ("/*.php", "/a/b.php?x=1", true), ("/*.php", "/a.PHP", false), ("/a*b*c", "/axxbyyc", true),
        ("/a*b*c", "/axxcyyb", false), ("/*.php$", "/index.php", true), ("/*.php$", "/index.php?x", false), ("/a$", "/a", true),
        ("/a$", "/ab", false), ("/a$b", "/a$b", true), ("/a$b", "/ab", false), ("*", "/anything", true), ("/a", "/A", false),
    ])
    func wildcardsAndTheEndAnchor(_ pattern: String, _ path: String, _ blocked: Bool) {
        #expect(allowed("User-agent: *\nDisallow: \(pattern)\n", "FooBot", path) == !blocked)
    }

    @Test(arguments: [
        ("/%7Euser", "/~user"), ("/~user", "/%7euser"), ("/caf%c3%a9", "/caf%C3%A9"), ("/caf\u{E9}", "/caf%C3%A9"),
        ("/caf\u{E9}", "http://x/caf\u{E9}"), ("/%62%61%7A", "/baz"), ("/a%2fb", "/a%2Fb"),
    ])
    func patternsAndPathsArePercentEncodingNormalised(_ pattern: String, _ path: String) {
        #expect(!allowed("User-agent: *\nDisallow: \(pattern)\n", "FooBot", path))
    }

    @Test(arguments: [("/a%2Fb", "/a/b"), ("/a/b", "/a%2Fb"), ("/%2A", "/x"), ("/a%24", "/a")])
    func reservedEscapesStayDistinct(_ pattern: String, _ path: String) {
        #expect(allowed("User-agent: *\nDisallow: \(pattern)\n", "FooBot", path))
    }

    @Test(arguments: ["http://x/robots.txt", "/robots.txt", "https://x/robots.txt?v=2"])
    func robotsTxtIsAlwaysAllowed(_ url: String) {
        let decision = RobotsMatcher(RobotsFile("User-agent: *\nDisallow: /\n")).decision(agent: "FooBot", url: url)
        #expect(decision.isAllowed)
        #expect(decision.reason == .robotsTxt)
    }

    @Test(arguments: [("http://x", "/"), ("", "/"), ("http://x/a?b=c#d", "/a?b=c"), ("/a;p?q", "/a;p?q"), ("http://x?q", "/?q"),
                      ("//x/a", "/a"), ("http://x#/a", "/")])
    func urlsAreMatchedByPathAndQuery(_ url: String, _ expected: String) {
        #expect(RobotsURL.pathAndQuery(Array(url.utf8)) == Array(expected.utf8))
    }

    @Test func theDecidingRuleIsReportedWithItsLine() {
        let file = RobotsFile("User-agent: *\n# nothing\nDisallow: /a   # private\nAllow: /a/public\n")
        let matcher = RobotsMatcher(file)
        #expect(matcher.decision(agent: "FooBot", url: "https://x/a").description == "line 3: Disallow: /a")
        #expect(matcher.decision(agent: "FooBot", url: "https://x/a/public/1").description == "line 4: Allow: /a/public")
        #expect(matcher.decision(agent: "FooBot", url: "https://x/b").reason == .noMatchingRule)
        #expect(RobotsMatcher(RobotsFile("User-agent: BarBot\nDisallow: /\n")).decision(agent: "FooBot", url: "/").reason == .noGroup)
    }

    @Test func emptyDisallowAllowsEverything() {
        #expect(allowed("User-agent: *\nDisallow:\n", "FooBot", "/a"))
        #expect(RobotsFile("User-agent: *\nDisallow:\n").groups[0].rules.isEmpty)
    }

    @Test func unknownAndMalformedLinesAreIgnoredAndReported() {
        let file = RobotsFile("Disallow: /before\nUser-agent: *\nCrawl-delay: 10\nNoindexing: /x\njust words here\nDisallow: /a\n")
        #expect(file.notes.map(\.line) == [1, 3, 4, 5])
        #expect(file.notes.map(\.description) == [
            "line 1: disallow before any user-agent line; ignored",
            "line 3: 'Crawl-delay' is not part of RFC 9309; ignored",
            "line 4: unknown field 'Noindexing'; ignored",
            "line 5: not a `name: value` line; ignored",
        ])
        #expect(file.groups.map(\.rules.count) == [1])
    }

    @Test func aMissingColonIsToleratedBetweenTwoWords() {
        #expect(!allowed("User-agent FooBot\nDisallow /a\n", "FooBot", "/a"))
    }

    @Test func sitemapLinesAreCollectedWherever() {
        let file = RobotsFile("Sitemap: https://x/a.xml\nUser-agent: *\nSitemap: https://x/b.xml\nDisallow: /\n\nsitemap: https://y/c.xml\n")
        #expect(file.sitemaps == [.init(url: "https://x/a.xml", line: 1), .init(url: "https://x/b.xml", line: 3),
                                  .init(url: "https://y/c.xml", line: 6)])
        #expect(file.groups.count == 1)
    }

    @Test func aByteOrderMarkIsSkipped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("User-agent: *\nDisallow: /\n".utf8)
        let file = RobotsFile(bytes: bytes)
        #expect(file.notes.isEmpty)
        #expect(!RobotsMatcher(file).isAllowed(agent: "FooBot", url: "/a"))
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineNumbersCountEveryLineEnd(_ end: String) {
        let file = RobotsFile(["User-agent: *", "", "Disallow: /a", "Unknown: 1"].joined(separator: end) + end)
        #expect(file.groups[0].rules.map(\.line) == [3])
        #expect(file.notes.map(\.line) == [4])
    }

    @Test func contentBeyond500KiBIsIgnoredAndReported() {
        // Comment lines up to 10 bytes before the limit, then a rule the limit cuts and one beyond it.
        var text = "User-agent: *\nDisallow: /a\n"
        while text.utf8.count < RobotsLines.sizeLimit - 10 {
            text += "#" + String(repeating: "x", count: min(98, RobotsLines.sizeLimit - 12 - text.utf8.count)) + "\n"
        }
        #expect(text.utf8.count == RobotsLines.sizeLimit - 10)
        text += "Disallow: /cut-by-the-limit\nDisallow: /beyond\n"
        let file = RobotsFile(text)
        #expect(file.groups[0].rules.map { String(decoding: $0.pattern, as: UTF8.self) } == ["/a"])
        #expect(file.notes.count == 1)
        #expect(file.notes[0].message.contains("only the first"))
        #expect(RobotsMatcher(file).isAllowed(agent: "FooBot", url: "/cut"))
    }

    @Test func overLongLinesAreCutAndReported() {
        let long = "/x/" + String(repeating: "a", count: 20_000)
        let file = RobotsFile("User-agent: *\nDisallow: \(long)\n")
        #expect(file.groups[0].rules[0].pattern.count == RobotsLines.lineLimit - "Disallow: ".utf8.count)
        #expect(file.notes.map(\.line) == [2])
    }

    @Test(arguments: [("/a/", true), ("/a/index.html", true), ("/a/index.htm", false), ("/a/other", false)])
    func anIndexPageAllowAlsoAllowsItsDirectory(_ path: String, _ expected: Bool) {
        #expect(allowed("User-agent: *\nAllow: /a/index.html\nDisallow: /\n", "FooBot", path) == expected)
    }
}

/// What `herald robots check` prints.
struct RobotsCheckTests {
    @Test func printsOneLinePerURLWithTheDecidingRule() {
        let robots = Array("User-agent: *\nDisallow: /a\nHost: x\n".utf8)
        let report = RobotsCheck.run(robots: robots, file: "robots.txt", agent: "FooBot", urls: ["https://x/a", "https://x/b"])
        #expect(report.lines == ["disallowed  https://x/a  (line 2: Disallow: /a)", "allowed     https://x/b  (no rule matches)"])
        #expect(report.notes.map(\.description) == ["robots.txt:3: info: 'Host' is not part of RFC 9309; ignored"])
    }

    @Test(arguments: ["Googlebot/2.1", "Mozilla 5", "", "/2.1"])
    func anAgentThatIsNotAProductTokenIsNoted(_ agent: String) {
        let report = RobotsCheck.run(robots: [], file: "robots.txt", agent: agent, urls: ["/"])
        #expect(report.notes.count == 1)
        #expect(report.lines == ["allowed     /  (no group for this user agent and no * group)"])
    }

    @Test("a full user-agent string is judged by its product token, like the file's user-agent lines",
          arguments: ["Googlebot/2.1", "Googlebot/2.1 (+http://www.google.com/bot.html)", "googlebot"])
    func fullUserAgentString(_ agent: String) {
        let robots = Array("User-agent: *\nAllow: /\n\nUser-agent: Googlebot\nDisallow: /a\n".utf8)
        let report = RobotsCheck.run(robots: robots, file: "robots.txt", agent: agent, urls: ["/a"])
        #expect(report.lines.first?.hasPrefix("disallowed") == true, "\(report.lines)")
    }
}
