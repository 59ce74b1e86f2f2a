import Foundation

/// Moves `<style>` rules into `style` attributes, as email clients need.
///
/// The cascade per element and property, from weakest to strongest: stylesheet rules (by specificity, then
/// source order), the existing inline style, stylesheet `!important`, inline `!important`. `!important` is kept
/// in the output, and declarations are written in cascade order so that a shorthand precedes the longhands that
/// override it. What cannot be inlined stays in `<style>`: `@media` (its declarations gain `!important` so they
/// can beat the inline styles), `@supports`, `@font-face` and other at-rules, and rules whose selector is
/// unsupported (`:hover`, `::before`). A `<style>` left empty is removed.
///
/// The rewrite is byte-level: everything except `style` attributes and `<style>` contents is copied verbatim,
/// so entities, template tags in attributes and conditional comments come through unchanged; a `style` attribute
/// holding template tags is kept verbatim after the stylesheet's declarations.
/// Opt-outs: `<style data-herald-keep>` (or `data-css-inline="keep"`, `data-embed`) is left alone;
/// elements with `data-herald-ignore` receive no styles.
public struct CSSInliner: Sendable {
    /// Add `!important` to the declarations kept inside `@media` blocks.
    public var importantInMedia: Bool
    /// Remove `class` attributes once the styles are inlined (premailer's `remove_classes`).
    public var removeClasses: Bool
    /// Leave every `<style>` element as it was, after inlining it (premailer's `keep_style_tags`).
    public var keepStyleElements: Bool
    /// Also write an inlined `background-color` as a `bgcolor` attribute on `table`, `tr`, `td` and `th` (when the
    /// value is a plain colour and the element has none), for Outlook and Lotus Notes; `#abc` becomes `#aabbcc`.
    public var tableBackgroundAttributes: Bool

    public init(importantInMedia: Bool = true, removeClasses: Bool = false, keepStyleElements: Bool = false,
                tableBackgroundAttributes: Bool = false) {
        self.importantInMedia = importantInMedia
        self.removeClasses = removeClasses
        self.keepStyleElements = keepStyleElements
        self.tableBackgroundAttributes = tableBackgroundAttributes
    }

    /// A declaration that may apply to an element. It refers to the declaration and its interned property name by
    /// index, so candidates (one per matched element and declaration) are copied without reference counting.
    struct Candidate {
        /// Index into the call's declaration table.
        var declaration: Int32
        /// The interned property name.
        var property: Int32
        /// 0 sheet, 1 inline, 2 sheet !important, 3 inline !important.
        var tier: Int
        var specificity: Int
        var order: Int
        /// The rule (one selector of it) the declaration came from; -1 for the inline style.
        var rule: Int

        static func < (a: Candidate, b: Candidate) -> Bool {
            if a.tier != b.tier { return a.tier < b.tier }
            if a.specificity != b.specificity { return a.specificity < b.specificity }
            return a.order < b.order
        }
    }

    /// Elements that never receive styles (a switch: no hashing per element).
    static func isUnstyled(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .head, .title, .meta, .link, .style, .script, .base, .noscript, .template: return true
        default: return false
        }
    }

    /// Below this many styleable elements, selectors are tried on every element: hashing each element's tag, id
    /// and classes into buckets costs more than the comparisons it saves.
    static let bucketThreshold = 48

    public func inline(_ html: String) -> String {
        String(decoding: inline(Array(html.utf8)), as: UTF8.self)
    }

    /// Inlines `css` (an external stylesheet, applied after the document's own) as well as the `<style>` elements.
    /// Rules of `css` that cannot be inlined are not inserted anywhere.
    public func inline(_ html: String, css: String) -> String {
        String(decoding: inline(Array(html.utf8), extraCSS: css), as: UTF8.self)
    }

    public func inline(_ bytes: [UInt8], extraCSS: String? = nil) -> [UInt8] {
        let tree = HTMLTree(bytes)
        // 1. Collect the stylesheets (-1: the external one).
        var sheets: [(element: Int, source: [UInt8], items: [CSSParser.RawItem])] = []
        for (index, element) in tree.elements.enumerated() where element.tag == .style {
            let start = tree.tokens[element.token]
            if start.attribute("data-herald-keep") != nil || start.attribute("data-embed") != nil
                || start.attribute("data-css-inline")?.value == "keep" { continue }
            if let media = start.attribute("media")?.value.lowercased().trimmingASCIISpace(),
               !(media.isEmpty || media == "all" || media == "screen") { continue }
            // Parsed in place: no copy of the stylesheet.
            let next = element.token + 1
            let css = next < tree.tokens.count && tree.tokens[next].kind == .rawText ? tree.tokens[next].range : 0..<0
            sheets.append((index, bytes, CSSParser.parseRawItems(bytes, css)))
        }
        if let extraCSS {
            let source = Array(extraCSS.utf8)
            sheets.append((-1, source, CSSParser.parseRawItems(source, source.indices)))
        }
        if sheets.isEmpty { return bytes }

        // 2. Styleable elements, bucketed by id, class and tag for quick candidate lookup.
        var styleable = [Bool](repeating: true, count: tree.elements.count)
        for (index, element) in tree.elements.enumerated() {
            let parentStyleable = element.parent < 0 || styleable[element.parent] || tree.elements[element.parent].tag == .html
            styleable[index] = parentStyleable && !CSSInliner.isUnstyled(element.tag)
                && tree.tokens[element.token].attribute("data-herald-ignore") == nil
            if element.tag == .head { styleable[index] = false }
        }
        var byID: [String: [Int]] = [:], byClass: [String: [Int]] = [:], byTag: [String: [Int]] = [:]
        var all: [Int] = []
        all.reserveCapacity(tree.elements.count)
        for index in tree.elements.indices where styleable[index] { all.append(index) }
        let bucketed = all.count >= CSSInliner.bucketThreshold
        if bucketed {
            for index in all {
                let element = tree.elements[index]
                if let id = element.id { byID[id, default: []].append(index) }
                for (k, c) in element.classes.enumerated() where !element.classes[..<k].contains(c) { byClass[c, default: []].append(index) }
                byTag[element.name, default: []].append(index)
            }
        }

        // 3. Match every rule; keep what cannot be inlined.
        var matcher = SelectorMatcher(tree: tree, eagerAncestors: false)
        var table = DeclarationTable()
        // Every (element, candidate) match in rule order, grouped per element after matching (one list, not one per element).
        var matches: [(element: Int32, candidate: Candidate)] = []
        matches.reserveCapacity(64)
        var order = 0
        var ruleID = 0
        // Per sheet, what stays in `<style>`: each kept item preceded by a newline.
        var leftovers: [[UInt8]] = []  // same order as `sheets`
        var matched: [Int] = []
        var byAttribute: [String: [Int]]? = nil  // built when a selector first needs it
        for sheet in sheets {
            var kept: [UInt8] = []
            for item in sheet.items {
                switch item {
                case let .rule(selectorText, block):
                    // Declarations are parsed (and interned) when a selector first matches, or when the rule is kept.
                    var declared: Range<Int>? = nil
                    var unsupported: [String] = []
                    for part in CSSSelector.splitList(selectorText) {
                        guard let selector = CSSSelector.parse(part) else { unsupported.append(part); continue }
                        let pool: [Int]
                        switch bucketed ? selector.key : nil {
                        case let (0, v)?: pool = byID[v] ?? []
                        case let (1, v)?: pool = byClass[v] ?? []
                        case let (2, v)?: pool = byTag[v] ?? []
                        case let (3, v)?:
                            if byAttribute == nil { byAttribute = CSSInliner.attributeBuckets(tree, all) }
                            pool = byAttribute?[v] ?? []
                        default: pool = all
                        }
                        matched.removeAll(keepingCapacity: true)
                        if let required = SelectorMatcher.requiredAncestors(selector) {
                            matcher.computeAncestors()
                            for element in pool where matcher.mayMatch(required, element) && matcher.matches(selector, element) { matched.append(element) }
                        } else {
                            for element in pool where matcher.matches(selector, element) { matched.append(element) }
                        }
                        ruleID += 1
                        if matched.isEmpty { continue }
                        if declared == nil { declared = table.add(sheet.source, block) }
                        let specificity = selector.specificity
                        for index in declared! {
                            order += 1
                            let candidate = Candidate(declaration: Int32(index), property: table.properties[index],
                                                      tier: table.declarations[index].important ? 2 : 0, specificity: specificity, order: order, rule: ruleID)
                            for element in matched { matches.append((Int32(element), candidate)) }
                        }
                    }
                    if !unsupported.isEmpty {
                        let start = kept.count
                        kept.append(0x0A)
                        kept.append(contentsOf: unsupported.joined(separator: ", ").utf8)
                        if !CSSInliner.appendBlock(sheet.source, block, important: false, to: &kept) { kept.removeSubrange(start...) }
                    }
                case .group, .raw:
                    kept.append(0x0A)
                    append(item, sheet.source, important: false, to: &kept)
                }
            }
            leftovers.append(kept)
        }

        // 4. Resolve the cascade per element and plan the edits. The candidate lists are reused and the edits'
        // bytes share one buffer: a styled element allocates nothing of its own.
        var edits = HTMLRewriter()
        var cascade: [Candidate] = [], winners: [Candidate] = [], emitted: [Candidate] = []
        cascade.reserveCapacity(32); winners.reserveCapacity(32); emitted.reserveCapacity(32)
        edits.buffer.reserveCapacity(512)
        let (starts, grouped) = CSSInliner.groupByElement(matches, elements: tree.elements.count)
        for element in tree.elements.indices where starts[element + 1] > starts[element] {
            let list = grouped[starts[element]..<starts[element + 1]]
            let token = tree.tokens[tree.elements[element].token]
            cascade.removeAll(keepingCapacity: true)
            cascade.append(contentsOf: list)
            let existing = token.attribute("style")
            if let existing {
                // Without character references, the value is the source bytes: parsed in place.
                let inline: Range<Int>
                if let range = existing.valueRange, !bytes[range].contains(0x26) {
                    inline = table.add(bytes, range)
                } else {
                    let value = Array(existing.value.utf8)
                    inline = table.add(value, value.indices)
                }
                for index in inline {
                    cascade.append(Candidate(declaration: Int32(index), property: table.properties[index], tier: table.declarations[index].important ? 3 : 1,
                                             specificity: Int.max, order: index - inline.lowerBound, rule: -1))
                }
            }
            // A style attribute holding template or merge tags is kept byte for byte after the stylesheet's
            // declarations (which it overrides as an inline style would, unless they are !important).
            if let existing, let valueRange = existing.valueRange, CSSInliner.hasTemplateTag(bytes[valueRange]) {
                var winners: [Int32: Candidate] = [:]
                for candidate in list where winners[candidate.property].map({ !(candidate < $0) }) ?? true {
                    winners[candidate.property] = candidate
                }
                let sheet = winners.values.sorted(by: <).map { table.declarations[Int($0.declaration)].text }.joined(separator: "; ")
                let escaped = HTMLEntities.escapeAttribute(sheet).replacingOccurrences(of: "'", with: "&#39;")
                edits.replace(valueRange.lowerBound..<valueRange.lowerBound, with: (escaped + "; ").utf8)
                continue
            }
            // The winner per property (a linear search: an element has few properties, and hashing cost more).
            winners.removeAll(keepingCapacity: true)
            nextCandidate: for candidate in cascade {
                for k in winners.indices where winners[k].property == candidate.property {
                    if !(candidate < winners[k]) { winners[k] = candidate }
                    continue nextCandidate
                }
                winners.append(candidate)
            }
            func winner(_ property: Int32) -> Candidate? { winners.first { $0.property == property } }
            // A rule that declares the winning property more than once (`color: red; color: rgba(…)`) keeps its
            // earlier values too: they are fallbacks for clients that reject the later one.
            emitted.removeAll(keepingCapacity: true)
            emitted.append(contentsOf: winners)
            for candidate in cascade where candidate.rule >= 0 {
                guard let winner = winner(candidate.property), winner.rule == candidate.rule,
                      winner.tier == candidate.tier, candidate.order < winner.order else { continue }
                emitted.append(candidate)
            }
            emitted.sort(by: <)
            // `style="…"` replaces the existing attribute, or is inserted (with a space) before the tag's end.
            let start = edits.buffer.count
            if existing == nil { edits.buffer.append(0x20) }
            edits.buffer.append(contentsOf: "style=\"".utf8)
            CSSInliner.appendStyle(emitted.lazy.map { table.declarations[Int($0.declaration)] }, to: &edits.buffer)
            edits.buffer.append(0x22)
            if let existing {
                edits.replace(existing.range, withBufferFrom: start)
            }
            let insertion = existing == nil ? start : edits.buffer.count
            if tableBackgroundAttributes, CSSInliner.tableElements.contains(tree.elements[element].name), token.attribute("bgcolor") == nil,
               let property = table.id(of: "background-color"), let background = winner(property),
               let color = CSSInliner.plainColor(table.declarations[Int(background.declaration)].value) {
                edits.buffer.append(contentsOf: " bgcolor=\"\(color)\"".utf8)
            }
            if edits.buffer.count > insertion { edits.replace(token.insertionPoint..<token.insertionPoint, withBufferFrom: insertion) }
        }
        if removeClasses {
            for element in tree.elements {
                guard let attribute = tree.tokens[element.token].attribute("class") else { continue }
                var start = attribute.range.lowerBound
                while start > 0, HTMLTokenizer.isSpace(bytes[start - 1]) { start -= 1 }
                edits.replace(start..<attribute.range.upperBound, with: [])
            }
        }
        for (sheet, var kept) in zip(sheets, leftovers) where sheet.element >= 0 && !keepStyleElements {
            let element = tree.elements[sheet.element]
            if kept.isEmpty {
                // Drop the whole element (and one trailing newline).
                let start = tree.tokens[element.token].range.lowerBound
                var end = element.endToken < tree.tokens.count ? tree.tokens[element.endToken].range.upperBound : bytes.count
                if end < bytes.count, bytes[end] == 0x0A { end += 1 }
                edits.replace(start..<end, with: [])
            } else {
                let startToken = tree.tokens[element.token]
                let contentStart = startToken.range.upperBound
                let contentEnd = element.token + 1 < tree.tokens.count && tree.tokens[element.token + 1].kind == .rawText
                    ? tree.tokens[element.token + 1].range.upperBound : contentStart
                kept.append(0x0A)
                edits.replace(contentStart..<contentEnd, with: kept)
            }
        }
        return edits.apply(to: bytes)
    }

    /// `matches` grouped by element, in their order (a counting sort): element `e`'s candidates are
    /// `candidates[starts[e]..<starts[e + 1]]`.
    static func groupByElement(_ matches: [(element: Int32, candidate: Candidate)], elements: Int) -> (starts: [Int], candidates: [Candidate]) {
        var starts = [Int](repeating: 0, count: elements + 1)
        for match in matches { starts[Int(match.element) + 1] += 1 }
        for k in 0..<elements { starts[k + 1] += starts[k] }
        guard let placeholder = matches.first?.candidate else { return (starts, []) }
        var next = starts
        var candidates = [Candidate](repeating: placeholder, count: matches.count)
        for match in matches {
            candidates[next[Int(match.element)]] = match.candidate
            next[Int(match.element)] += 1
        }
        return (starts, candidates)
    }

    /// The elements of `pool` by attribute name.
    static func attributeBuckets(_ tree: HTMLTree, _ pool: [Int]) -> [String: [Int]] {
        var buckets: [String: [Int]] = [:]
        for index in pool {
            let attributes = tree.tokens[tree.elements[index].token].attributes
            for (k, attribute) in attributes.enumerated() where !attributes[..<k].contains(where: { $0.name == attribute.name }) {
                buckets[attribute.name, default: []].append(index)
            }
        }
        return buckets
    }

    static let tableElements: Set<String> = ["table", "tr", "td", "th"]

    /// `{{ … }}`, `{% … %}`, `*|…|*` or `%%…%%`: Liquid, Mailchimp and Ghost-style merge tags.
    static func hasTemplateTag(_ text: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for b in text {
            if (previous == 0x7B && (b == 0x7B || b == 0x25)) || (previous == 0x2A && b == 0x7C) || (previous == 0x25 && b == 0x25) { return true }
            previous = b
        }
        return false
    }

    /// `#abc` → `#aabbcc`; `#aabbcc` and colour names as they are; nil for anything else (functions, keywords with spaces).
    static func plainColor(_ value: String) -> String? {
        let v = value.trimmingASCIISpace()
        if v.hasPrefix("#") {
            let hex = v.dropFirst()
            guard hex.allSatisfy(\.isHexDigit) else { return nil }
            if hex.count == 3 { return "#" + hex.map { "\($0)\($0)" }.joined() }
            return hex.count == 6 ? v : nil
        }
        return !v.isEmpty && v.allSatisfy({ $0.isASCII && $0.isLetter }) && !["inherit", "initial", "unset", "transparent", "currentcolor"].contains(v.lowercased()) ? v : nil
    }

    /// Appends `prop: value [!important]; …` escaped for a double-quoted attribute, each value single-quoted as
    /// `singleQuoted` does: the same bytes as `escapeAttribute(declarations.map(singleQuoted).text joined by "; ")`,
    /// in one pass over each value's UTF-8.
    static func appendStyle(_ declarations: some Sequence<CSSDeclaration>, to out: inout [UInt8]) {
        // Runs of bytes that need no escaping are appended as one slice (per-byte appends dominated long values).
        func append(_ text: String, swapQuotes: Bool, _ out: inout [UInt8]) {
            var text = text
            text.withUTF8 { bytes in
                var run = 0
                for k in 0..<bytes.count {
                    let b = bytes[k]
                    guard b == 0x26 || b == 0x22 || b == 0x3C || b == 0x3E else { continue }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<k]))
                    run = k + 1
                    switch b {
                    case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                    case 0x22: if swapQuotes { out.append(0x27) } else { out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) }  // ' or &quot;
                    case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                    default: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                    }
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            }
        }
        for (k, declaration) in declarations.enumerated() {
            if k > 0 { out.append(0x3B); out.append(0x20) }
            append(declaration.property, swapQuotes: false, &out)
            out.append(0x3A); out.append(0x20)
            var hasSingle = false, hasDouble = false
            var value = declaration.value
            value.withUTF8 { bytes in
                for b in bytes {
                    if b == 0x27 { hasSingle = true } else if b == 0x22 { hasDouble = true }
                }
            }
            append(value, swapQuotes: hasDouble && !hasSingle, &out)
            if declaration.important { out.append(contentsOf: " !important".utf8) }
        }
    }

    /// `font-family: "A B"` → `font-family: 'A B'`, so the attribute needs no `&quot;` (when the value has no `'`).
    static func singleQuoted(_ declaration: CSSDeclaration) -> CSSDeclaration {
        var hasDouble = false
        for b in declaration.value.utf8 {
            if b == 0x27 { return declaration }
            if b == 0x22 { hasDouble = true }
        }
        guard hasDouble else { return declaration }
        var d = declaration
        d.value = String(decoding: declaration.value.utf8.map { $0 == 0x22 ? 0x27 : $0 }, as: UTF8.self)
        return d
    }

    /// Appends `item` as CSS text (what stays in `<style>`), on bytes: `selector { prop: value; … }`, or
    /// `@name prelude {` and the items one per line, then `}`.
    func append(_ item: CSSParser.RawItem, _ source: [UInt8], important: Bool, to out: inout [UInt8]) {
        switch item {
        case let .rule(selectorText, block):
            out.append(contentsOf: selectorText.utf8)
            CSSInliner.appendBlock(source, block, important: important, to: &out)
        case let .group(name, prelude, items):
            out.append(0x40)
            out.append(contentsOf: name.utf8)
            out.append(0x20)
            out.append(contentsOf: prelude.utf8)
            out.append(contentsOf: " {\n".utf8)
            for (k, inner) in items.enumerated() {
                if k > 0 { out.append(0x0A) }
                append(inner, source, important: important || (name == "media" && importantInMedia), to: &out)
            }
            out.append(contentsOf: "\n}".utf8)
        case let .raw(text):
            out.append(contentsOf: text.utf8)
        }
    }

    /// Appends ` { prop: value; … }` for the declarations of `source[block]` (all `!important` if `important`);
    /// whether there were any.
    @discardableResult
    static func appendBlock(_ source: [UInt8], _ block: Range<Int>, important: Bool, to out: inout [UInt8]) -> Bool {
        out.append(contentsOf: " { ".utf8)
        var any = false
        CSSParser.forEachDeclaration(source, block) { part, property, value, isImportant in
            if any { out.append(0x20) }
            any = true
            if CSSParser.isCustomProperty(part[property]) {
                out.append(contentsOf: part[property])
            } else {
                for b in part[property] { out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
            }
            out.append(0x3A); out.append(0x20)
            out.append(contentsOf: part[value])
            if important || isImportant { out.append(contentsOf: " !important".utf8) }
            out.append(0x3B)
        }
        out.append(contentsOf: " }".utf8)
        return any
    }
}
