/// How much a finding matters.
public enum SEOSeverity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    /// Hurts indexing or is plainly wrong (broken links, invalid canonicals, no title).
    case error
    /// Likely to cost rankings or snippets.
    case warning
    /// Worth knowing; often intentional.
    case notice

    /// error < warning < notice, so sorting puts the worst first.
    public static func < (a: SEOSeverity, b: SEOSeverity) -> Bool { a.rank < b.rank }
    var rank: Int { switch self { case .error: 0; case .warning: 1; case .notice: 2 } }
}

/// Every check the audit runs. The raw value is the stable rule id used in reports, CSV/JSON and settings.
public enum SEORule: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case titleMissing = "title-missing"
    case titleEmpty = "title-empty"
    case titleTooLong = "title-too-long"
    case titleMultiple = "title-multiple"
    case titleDuplicate = "title-duplicate"
    case descriptionMissing = "description-missing"
    case descriptionTooLong = "description-too-long"
    case descriptionDuplicate = "description-duplicate"
    case h1Missing = "h1-missing"
    case h1Multiple = "h1-multiple"
    case imageAltMissing = "image-alt-missing"
    case imageAltEmpty = "image-alt-empty"
    case canonicalMissing = "canonical-missing"
    case canonicalRelative = "canonical-relative"
    case canonicalInvalidScheme = "canonical-invalid-scheme"
    case canonicalConflicting = "canonical-conflicting"
    case htmlLangMissing = "html-lang-missing"
    case viewportMissing = "viewport-missing"
    case viewportDuplicate = "viewport-duplicate"
    case robotsNoindex = "robots-noindex"
    case robotsTxtBlocked = "robots-txt-blocked"
    case robotsBlockedAll = "robots-blocked-all"
    case robotsBlockedSome = "robots-blocked-some"
    case robotsDirective = "robots-directive"
    case linkText = "link-text"
    case crawlableAnchors = "crawlable-anchors"
    case hreflangInvalid = "hreflang-invalid"
    case hreflangReturnMissing = "hreflang-return-missing"
    case hreflangSelfMissing = "hreflang-self-missing"
    case hreflangTargetInvalid = "hreflang-target-invalid"
    case redirectChain = "redirect-chain"
    case redirectLoop = "redirect-loop"
    case linkRedirect = "link-redirect"
    case canonicalTargetInvalid = "canonical-target-invalid"
    case canonicalHeaderConflict = "canonical-header-conflict"
    case crawlDepth = "crawl-depth"
    case orphanPage = "orphan-page"
    case contentDuplicate = "content-duplicate"
    case nearDuplicate = "near-duplicate"
    case mixedContent = "mixed-content"
    case formInsecure = "form-insecure"
    case structuredDataInvalid = "structured-data-invalid"
    case linkBroken = "link-broken"
    case linkNotCrawled = "link-not-crawled"
    case encodingInvalid = "encoding-invalid"
    case titleTooShort = "title-too-short"
    case titleTooWide = "title-too-wide"
    case titleTooNarrow = "title-too-narrow"
    case descriptionTooShort = "description-too-short"
    case descriptionTooWide = "description-too-wide"
    case descriptionTooNarrow = "description-too-narrow"
    case h1TooLong = "h1-too-long"
    case h2TooLong = "h2-too-long"
    case h1NotFirst = "h1-not-first"
    case headingEmpty = "heading-empty"
    case headingDuplicate = "heading-duplicate"
    case urlTooLong = "url-too-long"
    case imageAltTooLong = "image-alt-too-long"
    case contentLow = "content-low"
    case htmlLangInvalid = "html-lang-invalid"
    case viewportInvalid = "viewport-invalid"
    case headInvalidElement = "head-invalid-element"
    case charsetMissing = "charset-missing"
    case charsetLate = "charset-late"
    case charsetNotUTF8 = "charset-not-utf8"
    case ogMissing = "og-missing"
    case ogIncomplete = "og-incomplete"
    case ogInvalid = "og-invalid"
    case twitterCardMissing = "twitter-card-missing"
    case twitterCardInvalid = "twitter-card-invalid"
    case hreflangMissing = "hreflang-missing"

    public var id: String { rawValue }

    /// Rule ids in alphabetical order: compared through a table, since sorting findings compares rules a million
    /// times and comparing the ids as strings showed in profiles.
    public static func < (a: SEORule, b: SEORule) -> Bool { idOrder[a.ordinal] < idOrder[b.ordinal] }

    /// Hashes the case, not the id string (`RawRepresentable`'s default): every per-page rule asks whether it is
    /// enabled.
    public func hash(into hasher: inout Hasher) { hasher.combine(UInt8(truncatingIfNeeded: ordinal)) }

    /// The position of the case in `allCases`: a case-only enum is stored as that index (one byte below 256 cases).
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    /// Per ordinal, the rank of the rule's id among all ids sorted.
    static let idOrder: [Int] = {
        var order = [Int](repeating: 0, count: allCases.count)
        for (rank, rule) in allCases.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() { order[rule.ordinal] = rank }
        return order
    }()

    public var severity: SEOSeverity {
        switch self {
        case .titleMissing, .titleEmpty, .canonicalInvalidScheme, .canonicalConflicting, .linkBroken, .robotsBlockedAll, .hreflangInvalid,
             .redirectLoop, .canonicalHeaderConflict, .mixedContent, .formInsecure, .structuredDataInvalid: .error
        case .titleTooLong, .titleMultiple, .titleDuplicate, .descriptionMissing, .descriptionDuplicate, .h1Missing,
             .imageAltMissing, .canonicalRelative, .htmlLangMissing, .viewportMissing, .viewportDuplicate,
             .robotsNoindex, .robotsTxtBlocked, .linkNotCrawled, .encodingInvalid, .robotsBlockedSome, .linkText,
             .crawlableAnchors, .hreflangReturnMissing, .hreflangTargetInvalid,
             .redirectChain, .canonicalTargetInvalid, .orphanPage, .contentDuplicate, .nearDuplicate,
             .titleTooWide, .headingEmpty, .htmlLangInvalid, .viewportInvalid, .headInvalidElement, .charsetMissing, .charsetLate, .ogIncomplete, .ogInvalid, .twitterCardInvalid, .hreflangMissing: .warning
        case .descriptionTooLong, .h1Multiple, .imageAltEmpty, .canonicalMissing, .robotsDirective, .hreflangSelfMissing,
             .linkRedirect, .crawlDepth,
             .titleTooShort, .titleTooNarrow, .descriptionTooShort, .descriptionTooWide, .descriptionTooNarrow, .h1TooLong, .h2TooLong, .h1NotFirst, .headingDuplicate, .urlTooLong, .imageAltTooLong, .contentLow, .charsetNotUTF8, .ogMissing, .twitterCardMissing: .notice
        }
    }

    /// Short name for tables.
    public var title: String {
        switch self {
        case .titleMissing: "Title missing"
        case .titleEmpty: "Title empty"
        case .titleTooLong: "Title too long"
        case .titleMultiple: "Several titles"
        case .titleDuplicate: "Duplicate title"
        case .descriptionMissing: "Meta description missing"
        case .descriptionTooLong: "Meta description too long"
        case .descriptionDuplicate: "Duplicate meta description"
        case .h1Missing: "No h1 heading"
        case .h1Multiple: "Several h1 headings"
        case .imageAltMissing: "Image without alt attribute"
        case .imageAltEmpty: "Image with empty alt text"
        case .canonicalMissing: "Canonical missing"
        case .canonicalRelative: "Relative canonical URL"
        case .canonicalInvalidScheme: "Canonical is not http(s)"
        case .canonicalConflicting: "Conflicting canonicals"
        case .htmlLangMissing: "html lang missing"
        case .viewportMissing: "Viewport missing"
        case .viewportDuplicate: "Viewport declared more than once"
        case .robotsNoindex: "Page is noindex"
        case .robotsTxtBlocked: "Blocked by robots.txt"
        case .robotsBlockedAll: "Page is not crawlable"
        case .robotsBlockedSome: "Page blocked for some crawlers"
        case .robotsDirective: "Robots directives"
        case .linkText: "Non-descriptive link text"
        case .crawlableAnchors: "Link that crawlers cannot follow"
        case .hreflangInvalid: "Invalid hreflang annotation"
        case .hreflangReturnMissing: "hreflang without a return link"
        case .hreflangSelfMissing: "hreflang without a self reference"
        case .hreflangTargetInvalid: "hreflang to a non-200 or non-canonical URL"
        case .redirectChain: "Redirect chain"
        case .redirectLoop: "Redirect loop"
        case .linkRedirect: "Internal link to a redirect"
        case .canonicalTargetInvalid: "Canonical points to a redirect or non-indexable URL"
        case .canonicalHeaderConflict: "Link header canonical conflicts with the HTML"
        case .crawlDepth: "Deep page"
        case .orphanPage: "Orphan page (in a sitemap, not linked)"
        case .contentDuplicate: "Exact duplicate content"
        case .nearDuplicate: "Near-duplicate content"
        case .mixedContent: "Mixed content"
        case .formInsecure: "Form posts over HTTP"
        case .structuredDataInvalid: "JSON-LD that does not parse"
        case .linkBroken: "Broken internal link"
        case .linkNotCrawled: "Internal link to a URL not in the crawl"
        case .encodingInvalid: "Body not readable in its charset"
        case .titleTooShort: "Title too short"
        case .titleTooWide: "Title too wide"
        case .titleTooNarrow: "Title too narrow"
        case .descriptionTooShort: "Meta description too short"
        case .descriptionTooWide: "Meta description too wide"
        case .descriptionTooNarrow: "Meta description too narrow"
        case .h1TooLong: "h1 too long"
        case .h2TooLong: "h2 too long"
        case .h1NotFirst: "h1 is not the first heading"
        case .headingEmpty: "Empty heading"
        case .headingDuplicate: "Repeated heading"
        case .urlTooLong: "URL too long"
        case .imageAltTooLong: "alt text too long"
        case .contentLow: "Low content"
        case .htmlLangInvalid: "Invalid html lang"
        case .viewportInvalid: "Invalid viewport"
        case .headInvalidElement: "Invalid element in <head>"
        case .charsetMissing: "Charset not declared"
        case .charsetLate: "Charset declared too late"
        case .charsetNotUTF8: "Charset is not UTF-8"
        case .ogMissing: "No Open Graph tags"
        case .ogIncomplete: "Open Graph tags incomplete"
        case .ogInvalid: "Invalid Open Graph tag"
        case .twitterCardMissing: "No twitter:card"
        case .twitterCardInvalid: "Invalid Twitter card"
        case .hreflangMissing: "Language versions without hreflang"
        }
    }

    /// What the rule checks and what to do about it.
    public var explanation: String {
        switch self {
        case .titleMissing: "The page has no <title> element. Search engines then make one up from the content."
        case .titleEmpty: "The <title> element is present but holds no text (after collapsing whitespace)."
        case .titleTooLong: "The title (entities decoded, whitespace collapsed) is longer than the configured maximum (title_max_length); search results cut it off."
        case .titleMultiple: "The document has more than one <title>; browsers and search engines use the first."
        case .titleDuplicate: "Several audited pages share the same title, so they compete for the same queries. Give each page its own title."
        case .descriptionMissing: "No <meta name=\"description\"> with content. Search engines then pick a snippet from the page text."
        case .descriptionTooLong: "The meta description is longer than the configured maximum (description_max_length); snippets are cut off."
        case .descriptionDuplicate: "Several audited pages share the same meta description."
        case .h1Missing: "The page has no <h1> heading."
        case .h1Multiple: "The page has more than one <h1>; a single main heading states the topic more clearly."
        case .imageAltMissing: "An <img> has no alt attribute at all: screen readers announce the file name and search engines learn nothing about it."
        case .imageAltEmpty: "An <img> has alt=\"\", which marks it as decorative. Correct for decoration, wrong for content images."
        case .canonicalMissing: "No <link rel=\"canonical\">. Not an error, but a self-referencing canonical protects against duplicates created by URL parameters."
        case .canonicalRelative: "The canonical URL is relative. Use an absolute http(s) URL."
        case .canonicalInvalidScheme: "The canonical URL uses a scheme other than http or https (for example file://), so search engines cannot use it."
        case .canonicalConflicting: "The page declares several different canonical URLs; search engines ignore them all."
        case .htmlLangMissing: "The <html> element has no lang attribute, so the language has to be guessed."
        case .viewportMissing: "No <meta name=\"viewport\">: mobile browsers render the page at desktop width."
        case .viewportDuplicate: "<meta name=\"viewport\"> appears more than once; browsers apply them in order and the later one wins, which hides mistakes."
        case .robotsNoindex: "A meta robots tag or X-Robots-Tag header tells search engines not to index the page."
        case .robotsTxtBlocked: "The site's robots.txt (in the crawl) disallows the page for the crawler named in robots_agent (Googlebot by default), so search engines do not fetch it: its content cannot rank, and the URL may still be listed from links, without a snippet. To keep a page out of search results, allow it and use noindex instead."
        case .robotsBlockedAll: "Lighthouse's is-crawlable fails: every crawler it checks (any crawler, Googlebot, bingbot, DuckDuckBot, archive.org_bot) is kept from indexing the page by noindex or none in a <meta> robots tag in <head> or an X-Robots-Tag header, by an unavailable_after date before the build, or by the crawl's robots.txt. A directive addressed to a crawler by name (<meta name=\"googlebot\">, X-Robots-Tag: googlebot: …) replaces the generic one for that crawler. If the page should rank, remove the directive or the Disallow rule."
        case .robotsBlockedSome: "Some of the crawlers Lighthouse checks may not index the page (noindex, none, a passed unavailable_after, or robots.txt) while others may. Often intended (one engine kept out); check that the list of blocked crawlers is the one you want."
        case .robotsDirective: "A <meta> robots tag or X-Robots-Tag header restricts how the page is followed or shown without keeping it out of the index: nofollow, noarchive, nosnippet, max-snippet, max-image-preview, noimageindex, notranslate, a future unavailable_after… For information; check that it is intended."
        case .linkText: "A link's text says nothing about its target (\"click here\", \"read more\", \"hier\"…), so search engines and screen reader users cannot tell where it leads. The phrases are Lighthouse's link-text lists (English, Japanese, Spanish, Portuguese, Korean, Swedish, German, Tamil, Persian; the list of the page's <html lang>, all lists when it has none) plus link_text_phrases. Links with rel=nofollow, javascript: and mailto: links and links to the same page (#…) are not judged."
        case .crawlableAnchors: "Search engines follow only <a> elements whose href is a URL they can resolve. Reported, as Lighthouse's crawlable-anchors does: href=\"\", javascript:void(0), a file: href, an href that is not a valid URL, and an <a> without href that relies on an onclick handler. Anchors with a role, mailto: links and <a id>/<a name> bookmarks are not judged."
        case .hreflangInvalid: "A <link rel=\"alternate\" hreflang> in <head> or a Link: header with rel=alternate and hreflang is unusable: the hreflang is neither x-default nor a valid BCP 47 tag with a real ISO 639-1 language (and ISO 3166-1 region), or the href is missing, relative or not http(s). Search engines ignore it."
        case .hreflangReturnMissing: "Page A lists page B as an alternate, B is in the crawl, but B does not list A. Search engines only trust annotations confirmed from both sides: each version must list every other."
        case .hreflangSelfMissing: "The page lists alternates but not itself. Each version should list itself and all the others."
        case .hreflangTargetInvalid: "An hreflang alternate answered with a status other than 200 (a redirect or an error) in the crawl, or declares a canonical other than itself. Alternates must be the canonical, indexable URLs."
        case .redirectChain: "A crawled URL redirects (3xx with Location) to a URL that redirects again: two hops or more before the final URL. Each hop costs a round trip and crawlers give up after a few; point the first URL (and links to it) straight at the final one."
        case .redirectLoop: "Following the crawled redirects from this URL comes back to a URL already visited, so it never reaches a page."
        case .linkRedirect: "A link to a URL on the same site that the crawl saw redirecting (3xx). Linking to the final URL saves a hop for visitors and crawlers."
        case .canonicalTargetInvalid: "The canonical (HTML or Link header) names a crawled URL that redirects, answers an error, is noindex, or names another canonical itself. Search engines then ignore the hint; point it at the final, indexable URL."
        case .canonicalHeaderConflict: "The HTTP Link: <…>; rel=\"canonical\" header and the <link rel=\"canonical\"> in the HTML name different URLs; search engines may ignore both."
        case .crawlDepth: "The page is more clicks from the home page (the tenant's base URL), by the shortest chain of internal links among the audited pages, than max_crawl_depth (4 by default). Deep pages are crawled less often and get less link weight; link them from higher up. The report's summary gives the distribution of depths and the pages no link chain reaches."
        case .orphanPage: "A sitemap in the crawl lists this URL, but no audited page links to it. Search engines may still find it through the sitemap, but it gets no link weight and visitors cannot reach it; link it from a related page, or drop it from the sitemap if it is obsolete."
        case .contentDuplicate: "Several audited pages have the same main text, word for word (navigation, header, footer, aside, scripts and <head> left out; only <main> or role=\"main\" when the page has one). Search engines index one of them and may pick the wrong one. Make one canonical and redirect or canonicalise the others. Pages with fewer words than duplicate_min_words are not compared."
        case .nearDuplicate: "The main text of these pages is nearly the same: at least near_duplicate_threshold (90 % by default) of their 3-word sequences (shingles) are shared (Jaccard similarity). Search engines treat them as duplicates and show one. Merge them, make their content distinct, or point their canonicals at one. Exact copies are reported as content-duplicate; pages with fewer words than duplicate_min_words are not compared."
        case .mixedContent: "An HTTPS page loads a subresource (image, script, stylesheet, icon or preload link, iframe, video, audio, source, embed) from an http: URL. Browsers block or warn about it, and the page is no longer fully secure. Serve the resource over HTTPS."
        case .formInsecure: "A form on an HTTPS page submits to an http: URL, so what the visitor types travels unencrypted and browsers warn before sending it. Point the action at HTTPS."
        case .structuredDataInvalid: "A <script type=\"application/ld+json\"> block is not valid JSON (or is not a JSON object or array), so search engines ignore the structured data in it."
        case .linkBroken: "A link to a URL on the same site that answered with status 400 or above."
        case .linkNotCrawled: "A link to a URL on the same site, inside the crawled scope, that the crawl has no response for (for a folder import: the file does not exist)."
        case .encodingInvalid: "The page's bytes are not valid in the charset it declares (Content-Type header, byte order mark or <meta charset>; UTF-8 when none), or the charset is one Herald cannot read. Browsers show replacement characters (�) and search engines may index garbled text. The audit reads the page with the bad bytes replaced."
        case .titleTooShort: "The title is shorter than title_min_length characters (30 by default, as Screaming Frog): it uses little of the room search results give it."
        case .titleTooWide: "The title is wider than title_max_pixels (561 px by default, as Screaming Frog) when set in Arial at 20 px, the font and size of Google's result titles, so results cut it off. Widths come from Herald's bundled advance-width table of Liberation Sans, metric-compatible with Arial."
        case .titleTooNarrow: "The title is narrower than title_min_pixels (200 px by default) in Arial at 20 px: a short title leaves room in search results unused."
        case .descriptionTooShort: "The meta description is shorter than description_min_length characters (70 by default, as Screaming Frog)."
        case .descriptionTooWide: "The meta description is wider than description_max_pixels (985 px by default, as Screaming Frog) in Arial at 14 px, the font and size of Google's snippets, so snippets cut it off."
        case .descriptionTooNarrow: "The meta description is narrower than description_min_pixels (400 px by default) in Arial at 14 px."
        case .h1TooLong: "An <h1> is longer than h1_max_length characters (70 by default, as Screaming Frog)."
        case .h2TooLong: "An <h2> is longer than h2_max_length characters (70 by default, as Screaming Frog)."
        case .h1NotFirst: "The page has an <h1>, but another heading comes before it, so the outline does not start with the main topic."
        case .headingEmpty: "An <h1>…<h6> has neither text nor an image with alt text: screen readers announce an empty heading and search engines learn nothing from it."
        case .headingDuplicate: "The same <h1> or <h2> text appears more than once on the page, so the headings do not tell its sections apart."
        case .urlTooLong: "The page's URL is longer than url_max_length characters (115 by default, as Screaming Frog). Long URLs are cut in search results and hard to share."
        case .imageAltTooLong: "An <img> has alt text longer than alt_max_length characters (100 by default, as Screaming Frog); screen readers read it all, and a caption may suit it better."
        case .contentLow: "The <body> has fewer than min_word_count words (200 by default, as Screaming Frog), counting each CJK character as a word and leaving out scripts, styles and SVG. Thin pages rarely rank."
        case .htmlLangInvalid: "<html lang> is not a valid BCP 47 language tag with a real ISO 639-1 language (and ISO 3166-1 region), so browsers, screen readers and search engines cannot use it."
        case .viewportInvalid: "The <meta name=\"viewport\"> content has neither width nor initial-scale (Lighthouse's viewport audit), has a width or initial-scale that is not valid, or disables zooming (user-scalable=no, maximum-scale below 5), which keeps visitors with low vision from enlarging text."
        case .headInvalidElement: "An element that does not belong in <head> (anything but title, meta, link, style, script, noscript, base and template), or stray text, ends the head early: browsers and Google read it, and everything after it, as body content, so a canonical, hreflang or meta robots tag further down is ignored. Found in the source bytes, since the parser moves such elements."
        case .charsetMissing: "Neither a byte order mark, the Content-Type header nor a <meta charset> declares the character encoding (Lighthouse's charset audit): browsers then guess it, and may show garbled text."
        case .charsetLate: "The only charset declaration is a <meta charset> that starts after the first 1,024 bytes, where browsers stop looking for it (Lighthouse's charset audit). Move it to the top of <head>."
        case .charsetNotUTF8: "The page declares a character encoding other than UTF-8, which the HTML standard requires for new documents."
        case .ogMissing: "The page has no Open Graph properties (og:title, og:type, og:image, og:url…), so social networks and chat apps build link previews by guessing."
        case .ogIncomplete: "The page has Open Graph properties but lacks one of og:title, og:type, og:image and og:url (the four ogp.me requires) or og:description, which every preview shows."
        case .ogInvalid: "An Open Graph property is empty, og:url or og:image is not an absolute http(s) URL, og:url differs from the page's canonical, or a single-valued property (og:title, og:description, og:url, og:type) is given twice with different values."
        case .twitterCardMissing: "The page has Open Graph tags but no <meta name=\"twitter:card\">; X (Twitter) shows a card only when twitter:card is set (it takes title, description and image from og: tags)."
        case .twitterCardInvalid: "twitter:card is not summary, summary_large_image, app or player; a summary card has no title (twitter:title or og:title); a player card lacks twitter:player, its width, height or image; or twitter:image is not an absolute http(s) URL."
        case .hreflangMissing: "The crawl holds this page in other languages (the same URL but for a folder that is a language tag, such as /en-US/ and /fr-FR/), yet it declares no hreflang alternates in <head> or a Link header. Search engines then cannot tell the versions are translations and may show searchers the wrong language. List every version, the page itself included, with <link rel=\"alternate\" hreflang>."
        }
    }
}
