import HeraldData

/// The link-text and crawlable-anchors rules (Lighthouse core/audits/seo/link-text.js and crawlable-anchors.js).
enum AnchorAudit {
    /// Lighthouse's non-descriptive link texts per language (lower-case, trimmed).
    static let nonDescriptive: [String: Set<String>] = [
        "en": ["click here", "click this", "go", "here", "information", "learn more", "more", "more info",
               "more information", "right here", "read more", "see more", "start", "this"],
        "ja": ["ここをクリック", "こちらをクリック", "リンク", "続きを読む", "続く", "全文表示"],
        "es": ["click aquí", "click aqui", "clicka aquí", "clicka aqui", "pincha aquí", "pincha aqui", "aquí", "aqui",
               "más", "mas", "más información", "más informacion", "mas información", "mas informacion", "este",
               "enlace", "este enlace", "empezar"],
        "pt": ["clique aqui", "inicio", "início", "ir", "mais informação", "mais informações", "mais", "veja mais"],
        "ko": ["여기", "여기를 클릭", "클릭", "링크", "자세히", "자세히 보기", "계속", "이동", "전체 보기"],
        "sv": ["här", "klicka här", "läs mer", "mer", "mer info", "mer information"],
        "de": ["hier klicken", "klicke hier", "klicken sie hier", "hier", "mehr", "mehr erfahren", "mehr infos",
               "mehr informationen", "weiterlesen", "weiter", "dieser link", "link"],
        // Tamil and Persian: Lighthouse translates its English list (click here, learn more, more, here, this,
        // start, go, information); the entries recalled from its source are merged with the ones Herald had.
        "ta": ["அடுத்த பக்கம்", "மேலும்", "இங்கே கிளிக் செய்யவும்", "மேலும் படிக்க", "இங்கே", "மேலும் அறிய", "இது", "தொடங்கு",
               "போ"],
        "fa": ["اطلاعات بیشتر", "اینجا", "بیشتر بخوانید", "کلیک کنید", "اینجا کلیک کنید", "بیشتر", "اطلاعات", "این",
               "اینجا بزنید", "برو", "بیشتر بدانید", "شروع"],
    ]

    static func findings(url: String, facts: PageFacts, settings: SEOSettings) -> [SEOFinding] {
        let enabled = settings.enabledRules
        var out: [SEOFinding] = []
        if enabled.contains(.linkText) { out += linkText(url: url, facts: facts, extra: settings.linkTextPhrases) }
        if enabled.contains(.crawlableAnchors) { out += crawlableAnchors(url: url, facts: facts) }
        return out
    }

    /// The primary language subtag, lower-cased (`pt` for `pt-BR`), nil when empty.
    static func primaryLanguage(_ lang: String?) -> String? {
        guard let lang else { return nil }
        let primary = lang.trimmingASCIISpace.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() }
        return primary?.isEmpty == false ? primary : nil
    }

    static func attribute(_ item: PageFacts.Item, _ name: String) -> String? {
        item.attribute(name)
    }

    /// Every language's list, for links whose language is unknown (built once, not per page).
    static let allNonDescriptive: Set<String> = nonDescriptive.values.reduce(into: Set<String>()) { $0.formUnion($1) }

    /// What every language's list allows of a link text before it is lower-cased.
    static let allNonDescriptiveShape = PhraseShape.bounds(PhraseShape.Bounds(), allNonDescriptive)

    static func linkText(url: String, facts: PageFacts, extra: [String]) -> [SEOFinding] {
        let documentLanguage = primaryLanguage(facts.htmlTag.value)
        let extraPhrases = Set(extra.map { TextNormalization.collapse($0).lowercased() })
        let shapes = PhraseShape.bounds(allNonDescriptiveShape, extraPhrases)
        // The page's URL and link base only when a link is reported: most pages have none.
        var pageAndBase: (page: WebURL, base: WebURL)?
        var out: [SEOFinding] = []
        for link in facts.links {
            guard let href = link.value, let text = link.text, !text.isEmpty, text.utf8.count <= 160 else { continue }
            let shape = PhraseShape(text)
            if !shape.mayMatch(shapes) { continue }
            // The phrase lookup first: it rules out almost every link before any URL work.
            let phrase = shape.isASCII ? PhraseShape.lowercasedASCII(text) : text.lowercased()
            let language = primaryLanguage(attribute(link, "lang")) ?? documentLanguage
            let listed: Bool
            if let language {
                listed = nonDescriptive[language]?.contains(phrase) ?? false
            } else {
                listed = allNonDescriptive.contains(phrase)
            }
            guard listed || extraPhrases.contains(phrase), text.count <= 40 else { continue }
            if let rel = attribute(link, "rel"), PageFacts.relContains(rel, "nofollow") { continue }
            let reference = WebURL(href)
            if reference.scheme == "javascript" || reference.scheme == "mailto" { continue }
            if pageAndBase == nil {
                let pageURL = WebURL(url).normalized
                pageAndBase = (pageURL, facts.linkBase(pageURL: pageURL))
            }
            if reference.resolved(against: pageAndBase!.base).normalized == pageAndBase!.page { continue }  // same page, fragment aside
            let which = listed ? (language.map { "the \($0) list" } ?? "Lighthouse's lists") : "link_text_phrases"
            out.append(SEOFinding(rule: .linkText, url: url, line: link.line, evidence: link.name == "a" ? link.tag + text + "</a>" : link.tag,
                                  message: "link text \"\(text)\" does not describe the target (\(which))"))
        }
        return out
    }

    static func crawlableAnchors(url: String, facts: PageFacts) -> [SEOFinding] {
        var out: [SEOFinding] = []
        func add(_ item: PageFacts.Item, _ message: String) {
            out.append(SEOFinding(rule: .crawlableAnchors, url: url, line: item.line, evidence: item.tag, message: message))
        }
        func isBookmark(_ item: PageFacts.Item) -> Bool {
            !(attribute(item, "name") ?? "").trimmingASCIISpace.isEmpty || !(attribute(item, "id") ?? "").trimmingASCIISpace.isEmpty
        }
        for link in facts.links where link.name == "a" {
            guard let href = link.value else { continue }
            if !(attribute(link, "role") ?? "").trimmingASCIISpace.isEmpty { continue }
            // The href without white space and ASCII-lower-cased, as bytes: this runs for every link of every page.
            var compact: [UInt8] = []
            compact.reserveCapacity(href.utf8.count)
            for b in href.utf8 where b > 0x20 { compact.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
            if compact.starts(with: "mailto:".utf8) { continue }
            if compact.starts(with: "file:".utf8) { add(link, "a file: URL is on the author's disk, not on the web"); continue }
            if compact.isEmpty {
                if isBookmark(link) { continue }
                add(link, "href is empty")
                continue
            }
            if isJavaScriptVoid(compact) { add(link, "javascript:void(0) is no URL to follow"); continue }
            if let problem = WebURL.parseProblem(href) { add(link, "href is not a valid URL: " + problem) }
        }
        for anchor in facts.clickAnchors {
            if !(attribute(anchor, "role") ?? "").trimmingASCIISpace.isEmpty || isBookmark(anchor) { continue }
            add(anchor, "<a> without href: crawlers do not run its onclick handler")
        }
        return out
    }

    /// Lighthouse's `/javascript:void(\(|)0(\)|)/` on the href with whitespace removed and lower-cased.
    static func isJavaScriptVoid(_ compact: [UInt8]) -> Bool {
        let needle = Array("javascript:void".utf8)
        guard compact.count >= needle.count else { return false }
        for start in 0...(compact.count - needle.count) where compact[start] == 0x6A
            && compact[start..<(start + needle.count)].elementsEqual(needle) {
            var i = start + needle.count
            if i < compact.count, compact[i] == 0x28 { i += 1 }  // (
            if i < compact.count, compact[i] == 0x30 { return true }  // 0
        }
        return false
    }
}

extension WebURL {
    /// Why `text` is not a URL a browser can parse (WHATWG URL host and port rules, for the hierarchical schemes),
    /// nil when it parses.
    static func parseProblem(_ text: String) -> String? {
        // Most links are relative paths: no scheme (which needs a ":") and no authority (a leading "//") parse.
        if !mayHaveSchemeOrAuthority(text) { return nil }
        let url = WebURL(text)
        let special = specialSchemes
        if let scheme = url.scheme, special.contains(scheme), url.authority == nil {
            // "http:foo" is relative to the base in browsers when the base has the same scheme; "https:" alone is not.
            if url.path.isEmpty && url.query == nil && url.fragment == nil { return "no host" }
            return nil
        }
        guard let authority = url.authority else { return nil }
        guard url.scheme == nil || special.contains(url.scheme!) else { return nil }
        if hostAndPortParse(authority) { return nil }
        return URLText.hostAndPortProblem(Substring(authority), isForbidden: { forbiddenHostCharacters.contains($0) })
    }

    /// True when an ASCII authority's host and port certainly parse: a host without forbidden bytes and a port of
    /// digits up to 65535 (the first six read, as below). False sends the authority to the character-wise checks
    /// above, which name the problem; most links are fine, and those checks cost a hash per host character.
    static func hostAndPortParse(_ authority: String) -> Bool {
        authority.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var start = 0
            var colon = -1
            for (i, b) in bytes.enumerated() {
                if b >= 0x80 { return false }
                if b == 0x40 { start = i + 1; colon = -1 } else if b == 0x3A { colon = i }
            }
            guard start < bytes.count, bytes[start] != 0x5B else { return false }  // empty, or an IPv6 literal
            let hostEnd = colon >= 0 ? colon : bytes.count
            guard hostEnd > start else { return false }
            for i in start..<hostEnd where forbiddenHostBytes[Int(bytes[i])] { return false }
            guard colon >= 0 else { return true }
            var port = 0
            for (k, i) in ((colon + 1)..<bytes.count).enumerated() {
                let b = bytes[i]
                guard b >= 0x30, b <= 0x39 else { return false }
                if k < 6 { port = port * 10 + Int(b - 0x30) }
            }
            return port <= 65535
        } ?? false
    }

    /// `forbiddenHostCharacters` as a table of ASCII bytes.
    static let forbiddenHostBytes: [Bool] = (0..<128).map { forbiddenHostCharacters.contains(Character(Unicode.Scalar(UInt8($0)))) }

    static let specialSchemes: Set<String> = ["http", "https", "ftp", "ws", "wss"]
    static let forbiddenHostCharacters: Set<Character> = [" ", "\u{0}", "#", "/", ":", "<", ">", "?", "@", "[", "\\", "]", "^", "|", "\""]

    /// False when `WebURL(text)` certainly has neither a scheme nor an authority: no ":" anywhere, and the text
    /// (leading white space and control bytes skipped, tabs and newlines inside ignored, as `init` does) does not
    /// start with "//". Read from the bytes without building the URL.
    static func mayHaveSchemeOrAuthority(_ text: String) -> Bool {
        // On the contiguous bytes (the UTF-8 view's iterator costs several times more): this runs for every link.
        text.utf8.withContiguousStorageIfAvailable { mayHaveSchemeOrAuthority(bytes: $0) } ?? mayHaveSchemeOrAuthority(bytes: text.utf8)
    }

    private static func mayHaveSchemeOrAuthority(bytes text: some Sequence<UInt8>) -> Bool {
        var slashes = 0
        var leading = true
        for byte in text {
            if byte == 0x3A { return true }
            if leading {
                if byte <= 0x20 { continue }
                leading = false
            } else if byte == 0x09 || byte == 0x0A || byte == 0x0D {
                continue
            }
            if slashes >= 0 {
                if byte == 0x2F {
                    slashes += 1
                    if slashes == 2 { return true }
                } else {
                    slashes = -1  // the text does not start with "//"
                }
            }
        }
        return false
    }
}
