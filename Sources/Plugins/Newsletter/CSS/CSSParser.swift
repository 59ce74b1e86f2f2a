/// One `property: value [!important]` pair.
public struct CSSDeclaration: Sendable, Hashable {
    /// Lower-case property name (custom properties keep their case).
    public var property: String
    /// The value, trimmed, without `!important`.
    public var value: String
    public var important: Bool

    public init(property: String, value: String, important: Bool = false) {
        self.property = property
        self.value = value
        self.important = important
    }

    public var text: String { important ? "\(property): \(value) !important" : "\(property): \(value)" }
}

/// A top-level item of a stylesheet.
public enum CSSItem: Sendable {
    /// `selectors { declarations }`; `selectorText` is the trimmed prelude.
    case rule(selectorText: String, declarations: [CSSDeclaration])
    /// `@name prelude { items }` for conditional group rules (`@media`, `@supports`) whose content are rules.
    case group(name: String, prelude: String, items: [CSSItem])
    /// Any other at-rule (`@font-face`, `@import`, `@keyframes` …), kept verbatim.
    case raw(String)
}

/// A tolerant CSS parser on UTF-8 bytes: comments, strings, nested blocks, `!important`.
public enum CSSParser {
    static let groupRules: Set<String> = ["media", "supports", "document", "-moz-document", "container", "layer"]

    public static func parse(_ css: String) -> [CSSItem] {
        let bytes = Array(css.utf8)
        return parseItems(bytes, bytes.startIndex..<bytes.endIndex)
    }

    static func parseItems(_ s: [UInt8], _ range: Range<Int>) -> [CSSItem] {
        parseRawItems(s, range).map { resolve($0, s) }
    }

    /// A stylesheet item whose rules' declarations are not parsed yet: the inliner parses a rule's block only when
    /// one of its selectors matches an element or the rule is kept (most rules of a site's stylesheet match nothing).
    enum RawItem {
        case rule(selectorText: String, block: Range<Int>)
        case group(name: String, prelude: String, items: [RawItem])
        case raw(String)
    }

    /// `item` with its declarations parsed from `s`.
    static func resolve(_ item: RawItem, _ s: [UInt8]) -> CSSItem {
        switch item {
        case let .rule(selectorText, block): return .rule(selectorText: selectorText, declarations: parseDeclarations(s, block))
        case let .group(name, prelude, items): return .group(name: name, prelude: prelude, items: items.map { resolve($0, s) })
        case let .raw(text): return .raw(text)
        }
    }

    static func parseRawItems(_ s: [UInt8], _ range: Range<Int>) -> [RawItem] {
        var items: [RawItem] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            i = skipSpaceAndComments(s, i, end)
            if i >= end { break }
            if s[i] == 0x7D || s[i] == 0x3B { i += 1; continue }  // stray '}' or ';'
            if s[i] == 0x3C, i + 3 < end, s[i + 1] == 0x21, s[i + 2] == 0x2D, s[i + 3] == 0x2D { i += 4; continue }  // <!--
            if s[i] == 0x2D, i + 2 < end, s[i + 1] == 0x2D, s[i + 2] == 0x3E { i += 3; continue }  // -->
            let preludeStart = i
            let stop = scan(s, i, end, stopAt: 0x7B, or: 0x3B)  // '{' or ';'
            if s[preludeStart] == 0x40 {  // '@'
                var nameEnd = preludeStart + 1
                while nameEnd < stop, isIdent(s[nameEnd]) { nameEnd += 1 }
                let name = String(decoding: s[(preludeStart + 1)..<nameEnd], as: UTF8.self).lowercased()
                if stop >= end || s[stop] == 0x3B {
                    let stmtEnd = min(stop + 1, end)
                    items.append(.raw(trimmed(s, preludeStart..<min(stop, end)) + ";"))
                    i = stmtEnd
                    continue
                }
                let blockEnd = matchingBrace(s, stop, end)
                if groupRules.contains(name) {
                    let prelude = trimmed(s, nameEnd..<stop)
                    items.append(.group(name: name, prelude: prelude, items: parseRawItems(s, (stop + 1)..<min(blockEnd, end))))
                } else {
                    items.append(.raw(String(decoding: stripComments(s, preludeStart..<min(blockEnd + 1, end)), as: UTF8.self)))
                }
                i = blockEnd + 1
                continue
            }
            if stop >= end { break }
            if s[stop] == 0x3B { i = stop + 1; continue }  // a declaration outside a block: ignore
            let blockEnd = matchingBrace(s, stop, end)
            let selector = String(decoding: stripComments(s, preludeStart..<stop), as: UTF8.self)
            items.append(.rule(selectorText: collapseSpace(selector), block: (stop + 1)..<min(blockEnd, end)))
            i = blockEnd + 1
        }
        return items
    }

    /// Parses a declaration list such as the content of a `style` attribute.
    public static func parseDeclarations(_ text: String) -> [CSSDeclaration] {
        let bytes = Array(text.utf8)
        return parseDeclarations(bytes, 0..<bytes.count)
    }

    static func parseDeclarations(_ s: [UInt8], _ range: Range<Int>) -> [CSSDeclaration] {
        var out: [CSSDeclaration] = []
        forEachDeclaration(s, range) { part, property, value, important in
            out.append(CSSDeclaration(property: propertyName(part[property]), value: String(decoding: part[value], as: UTF8.self), important: important))
        }
        return out
    }

    /// Lower case, except custom properties (`--x`).
    static func propertyName(_ bytes: ArraySlice<UInt8>) -> String {
        isCustomProperty(bytes) ? String(decoding: bytes, as: UTF8.self) : HTMLTokenizer.lowerString(bytes)
    }

    static func isCustomProperty(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.count >= 2 && bytes[bytes.startIndex] == 0x2D && bytes[bytes.startIndex + 1] == 0x2D
    }

    /// Calls `body` with each valid declaration of `s[range]`, as byte ranges: the bytes it lies in (`s`, or a copy
    /// without comments), its trimmed property and value (without `!important`), and whether it is `!important`.
    static func forEachDeclaration(_ s: [UInt8], _ range: Range<Int>, _ body: (ArraySlice<UInt8>, Range<Int>, Range<Int>, Bool) -> Void) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let stop = scan(s, i, end, stopAt: 0x3B)
            let part = stripComments(s, i..<min(stop, end))
            i = stop + 1
            guard let colon = part.firstIndex(of: 0x3A) else { continue }
            let property = trim(part, part.startIndex..<colon)
            guard !property.isEmpty, part[property].allSatisfy(isIdent) else { continue }
            var value = trim(part, (colon + 1)..<part.endIndex)
            var important = false
            if let bang = part[value].lastIndex(of: 0x21), isImportant(part[trim(part, (bang + 1)..<value.upperBound)]) {
                important = true
                value = trim(part, value.lowerBound..<bang)
            }
            if value.isEmpty { continue }
            body(part, property, value, important)
        }
    }

    /// `range` without leading and trailing ASCII space.
    static func trim(_ s: ArraySlice<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, HTMLTokenizer.isSpace(s[lower]) { lower += 1 }
        while upper > lower, HTMLTokenizer.isSpace(s[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// `important`, in any ASCII case.
    static func isImportant(_ s: ArraySlice<UInt8>) -> Bool {
        guard s.count == 9 else { return false }
        var k = s.startIndex
        for b in "important".utf8 {
            if s[k] | 0x20 != b { return false }
            k += 1
        }
        return true
    }

    // MARK: byte helpers

    @inline(__always) static func isIdent(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b >= 0x80
    }

    static func skipSpaceAndComments(_ s: [UInt8], _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end {
            if HTMLTokenizer.isSpace(s[i]) { i += 1; continue }
            if s[i] == 0x2F, i + 1 < end, s[i + 1] == 0x2A {
                i = commentEnd(s, i, end)
                continue
            }
            break
        }
        return i
    }

    static func commentEnd(_ s: [UInt8], _ start: Int, _ end: Int) -> Int {
        var j = start + 2
        while j + 1 < end, !(s[j] == 0x2A && s[j + 1] == 0x2F) { j += 1 }
        return min(j + 2, end)
    }

    /// The first index of one of `stops` at nesting depth 0, outside strings and comments (or `end`).
    /// The index of the first `stop` or `orStop` byte outside strings, comments, brackets and escapes (or `end`).
    static func scan(_ s: [UInt8], _ start: Int, _ end: Int, stopAt stop: UInt8, or orStop: UInt8? = nil) -> Int {
        let other = orStop ?? stop
        var i = start
        var depth = 0
        while i < end {
            let b = s[i]
            switch b {
            case 0x22, 0x27: i = stringEnd(s, i, end); continue
            case 0x5C: i += 2; continue
            case 0x2F where i + 1 < end && s[i + 1] == 0x2A: i = commentEnd(s, i, end); continue
            case 0x28, 0x5B: depth += 1
            case 0x29, 0x5D: depth = max(0, depth - 1)
            default:
                if depth == 0, b == stop || b == other { return i }
            }
            i += 1
        }
        return end
    }

    static func stringEnd(_ s: [UInt8], _ start: Int, _ end: Int) -> Int {
        let quote = s[start]
        var i = start + 1
        while i < end {
            if s[i] == 0x5C { i += 2; continue }
            if s[i] == quote { return i + 1 }
            if s[i] == 0x0A { return i }
            i += 1
        }
        return end
    }

    /// Index of the `}` matching the `{` at `open` (or `end`).
    static func matchingBrace(_ s: [UInt8], _ open: Int, _ end: Int) -> Int {
        var depth = 0
        var i = open
        while i < end {
            let b = s[i]
            switch b {
            case 0x22, 0x27: i = stringEnd(s, i, end); continue
            case 0x5C: i += 2; continue
            case 0x2F where i + 1 < end && s[i + 1] == 0x2A: i = commentEnd(s, i, end); continue
            case 0x7B: depth += 1
            case 0x7D:
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return end
    }

    static func stripComments(_ s: [UInt8], _ range: Range<Int>) -> ArraySlice<UInt8> {
        var hasComment = false
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            if s[i] == 0x2F, s[i + 1] == 0x2A { hasComment = true; break }
            i += 1
        }
        if !hasComment { return s[range] }
        var out: [UInt8] = []
        i = range.lowerBound
        while i < range.upperBound {
            let b = s[i]
            if b == 0x22 || b == 0x27 {
                let e = min(stringEnd(s, i, range.upperBound), range.upperBound)
                out.append(contentsOf: s[i..<e])
                i = e
                continue
            }
            if b == 0x2F, i + 1 < range.upperBound, s[i + 1] == 0x2A {
                i = commentEnd(s, i, range.upperBound)
                out.append(0x20)
                continue
            }
            out.append(b)
            i += 1
        }
        return out[...]
    }

    static func trimmed(_ s: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: stripComments(s, range), as: UTF8.self).trimmingASCIISpace()
    }

    static func collapseSpace(_ text: String) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        for b in text.utf8 {
            if HTMLTokenizer.isSpace(b) { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
