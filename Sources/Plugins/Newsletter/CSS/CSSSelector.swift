/// A parsed complex selector (`div.note > p a[href^="https"]`) with its specificity.
///
/// Supported: type, universal, class, id, attribute selectors (`[a]`, `=`, `~=`, `|=`, `^=`, `$=`, `*=`, ` i`),
/// descendant, child (`>`), adjacent (`+`) and general sibling (`~`) combinators, and the structural
/// pseudo-classes `:first-child`, `:last-child`, `:only-child`, `:first-of-type`, `:last-of-type`, `:root`,
/// `:nth-child(An+B)`, `:nth-last-child`, `:nth-of-type`, `:nth-last-of-type`, and `:not(…)` with one compound selector.
/// Anything else (`:hover`, `::before`, `:not(…)`) makes `parse` return nil: such rules stay in `<style>`.
public struct CSSSelector: Sendable, Hashable {
    public enum Combinator: Sendable, Hashable { case descendant, child, adjacent, sibling }

    public struct AttributeTest: Sendable, Hashable {
        public enum Operator: Sendable, Hashable { case exists, equals, includes, dashMatch, prefix, suffix, substring }
        public var name: String
        public var op: Operator
        public var value: String
        public var caseInsensitive: Bool
    }

    public enum Pseudo: String, Sendable, Hashable {
        case firstChild = "first-child", lastChild = "last-child", onlyChild = "only-child"
        case firstOfType = "first-of-type", lastOfType = "last-of-type", root
    }

    /// `:nth-child(An+B)`, `:nth-last-child`, `:nth-of-type`, `:nth-last-of-type`: matches the positions
    /// (1-based, counted from the end for `last`, among same-name siblings for `ofType`) equal to A·n+B for some n ≥ 0.
    public struct Nth: Sendable, Hashable {
        public var a: Int
        public var b: Int
        public var fromEnd: Bool
        public var ofType: Bool

        public func matches(position: Int) -> Bool {
            if a == 0 { return position == b }
            let delta = position - b
            return delta % a == 0 && delta / a >= 0
        }

        /// `odd`, `even`, `3`, `2n+1`, `-n + 3`, `n`; nil for anything else (`of S` is not supported).
        static func parse(_ text: String) -> (a: Int, b: Int)? {
            let t = text.lowercased().filter { $0 != " " && $0 != "\t" }
            if t == "odd" { return (2, 1) }
            if t == "even" { return (2, 0) }
            guard let nIndex = t.firstIndex(of: "n") else { return Int(t).map { (0, $0) } }
            let aText = t[..<nIndex], rest = t[t.index(after: nIndex)...]
            let a: Int
            switch aText {
            case "", "+": a = 1
            case "-": a = -1
            default: guard let v = Int(aText) else { return nil }; a = v
            }
            if rest.isEmpty { return (a, 0) }
            guard rest.first == "+" || rest.first == "-", let b = Int(rest.first == "+" ? rest.dropFirst() : rest[...]) else { return nil }
            return (a, b)
        }
    }

    public struct Compound: Sendable, Hashable {
        public var tag: String? { didSet { tagID = tag.map { HTMLTag.of($0) } ?? .other } }
        /// `tag` as a small integer, for matching (`.other` when there is no tag or `HTMLTag` does not list it).
        var tagID: HTMLTag = .other
        public var ids: [String] = []
        public var classes: [String] = []
        public var attributes: [AttributeTest] = []
        public var pseudos: [Pseudo] = []
        /// `:not(…)` arguments (one compound selector each).
        public var negations: [Compound] = []
        /// `:nth-child(An+B)` and its relatives.
        public var nths: [Nth] = []

        var specificity: (Int, Int, Int) {
            var a = ids.count, b = classes.count + attributes.count + pseudos.count + nths.count, c = tag != nil ? 1 : 0
            for n in negations {
                let (x, y, z) = n.specificity
                a += x; b += y; c += z
            }
            return (a, b, c)
        }
    }

    /// Left to right; `combinators[i]` joins `compounds[i]` and `compounds[i + 1]`.
    public var compounds: [Compound]
    public var combinators: [Combinator]

    /// (ids, classes + attributes + pseudo-classes, types) packed so that larger means more specific.
    public var specificity: Int {
        var a = 0, b = 0, c = 0
        for compound in compounds {
            let (x, y, z) = compound.specificity
            a += x; b += y; c += z
        }
        return a * 1_000_000 + b * 1_000 + c
    }

    /// Splits a selector list at top-level commas.
    public static func splitList(_ text: String) -> [String] {
        // Most selectors have no comma and are trimmed already (the parser collapses their space): no copy.
        if !text.utf8.contains(0x2C) {
            if let first = text.utf8.first, let last = text.utf8.last, !HTMLTokenizer.isSpace(first), !HTMLTokenizer.isSpace(last) { return [text] }
            let trimmed = text.trimmingASCIISpace()
            return trimmed.isEmpty ? [] : [trimmed]
        }
        let s = Array(text.utf8)
        var parts: [String] = []
        var start = 0
        while start <= s.count {
            let comma = CSSParser.scan(s, start, s.count, stopAt: 0x2C)
            parts.append(String(decoding: s[start..<comma], as: UTF8.self).trimmingASCIISpace())
            start = comma + 1
        }
        return parts.filter { !$0.isEmpty }
    }

    /// Parses one complex selector; nil when it uses anything unsupported.
    public static func parse(_ text: String) -> CSSSelector? {
        let s = Array(text.utf8)
        var i = 0
        let n = s.count
        var compounds: [Compound] = []
        var combinators: [Combinator] = []
        var current = Compound()
        var currentEmpty = true
        var pendingCombinator: Combinator? = nil

        func ident(lowered: Bool = false) -> String? {
            let start = i
            var escaped = false
            while i < n {
                let b = s[i]
                if CSSParser.isIdent(b) { i += 1; continue }
                if b == 0x5C, i + 1 < n { escaped = true; i += 2; continue }
                break
            }
            if i == start { return nil }
            // Without escapes the identifier is the source bytes: no intermediate array.
            let bytes = escaped ? unescapedBytes(s[start..<i]) : s[start..<i]
            return lowered ? HTMLTokenizer.lowerString(bytes) : String(decoding: bytes, as: UTF8.self)
        }

        func finishCompound() -> Bool {
            if currentEmpty { return false }
            if !compounds.isEmpty { combinators.append(pendingCombinator ?? .descendant) }
            compounds.append(current)
            current = Compound()
            currentEmpty = true
            pendingCombinator = nil
            return true
        }

        while i < n {
            let b = s[i]
            if HTMLTokenizer.isSpace(b) || b == 0x3E || b == 0x2B || b == 0x7E {
                // A combinator (whitespace alone means descendant).
                if !currentEmpty { _ = finishCompound() } else if compounds.isEmpty { return nil }
                var combinator: Combinator = .descendant
                while i < n, HTMLTokenizer.isSpace(s[i]) || s[i] == 0x3E || s[i] == 0x2B || s[i] == 0x7E {
                    switch s[i] {
                    case 0x3E: combinator = .child
                    case 0x2B: combinator = .adjacent
                    case 0x7E: combinator = .sibling
                    default: break
                    }
                    i += 1
                }
                pendingCombinator = combinator
                continue
            }
            switch b {
            case 0x2A:  // '*'
                i += 1
                currentEmpty = false
            case 0x23:  // '#'
                i += 1
                guard let name = ident() else { return nil }
                current.ids.append(name)
                currentEmpty = false
            case 0x2E:  // '.'
                i += 1
                guard let name = ident() else { return nil }
                current.classes.append(name)
                currentEmpty = false
            case 0x5B:  // '['
                i += 1
                while i < n, HTMLTokenizer.isSpace(s[i]) { i += 1 }
                guard let name = ident() else { return nil }
                while i < n, HTMLTokenizer.isSpace(s[i]) { i += 1 }
                var test = AttributeTest(name: name.lowercased(), op: .exists, value: "", caseInsensitive: false)
                if i < n, s[i] != 0x5D {
                    switch s[i] {
                    case 0x3D: test.op = .equals; i += 1
                    case 0x7E: test.op = .includes; i += 2
                    case 0x7C: test.op = .dashMatch; i += 2
                    case 0x5E: test.op = .prefix; i += 2
                    case 0x24: test.op = .suffix; i += 2
                    case 0x2A: test.op = .substring; i += 2
                    default: return nil
                    }
                    if test.op != .equals, i - 1 >= n || s[i - 1] != 0x3D { return nil }
                    while i < n, HTMLTokenizer.isSpace(s[i]) { i += 1 }
                    guard i < n else { return nil }
                    if s[i] == 0x22 || s[i] == 0x27 {
                        let e = CSSParser.stringEnd(s, i, n)
                        guard e <= n, e - 1 > i else { return nil }
                        test.value = unescape(s[(i + 1)..<(e - 1)])
                        i = e
                    } else {
                        guard let v = ident() else { return nil }
                        test.value = v
                    }
                    while i < n, HTMLTokenizer.isSpace(s[i]) { i += 1 }
                    if i < n, s[i] | 0x20 == 0x69 { test.caseInsensitive = true; i += 1 }
                    while i < n, HTMLTokenizer.isSpace(s[i]) { i += 1 }
                }
                guard i < n, s[i] == 0x5D else { return nil }
                i += 1
                current.attributes.append(test)
                currentEmpty = false
            case 0x3A:  // ':'
                i += 1
                if i < n, s[i] == 0x3A { return nil }  // pseudo-element
                guard let name = ident() else { return nil }
                if name.lowercased() == "not", i < n, s[i] == 0x28 {
                    var close = i + 1, depth = 0
                    while close < n {
                        if s[close] == 0x28 { depth += 1 } else if s[close] == 0x29 { if depth == 0 { break }; depth -= 1 }
                        close += 1
                    }
                    guard close < n, let inner = CSSSelector.parse(String(decoding: s[(i + 1)..<close], as: UTF8.self)),
                          inner.compounds.count == 1 else { return nil }
                    current.negations.append(inner.compounds[0])
                    i = close + 1
                    currentEmpty = false
                    continue
                }
                let lowered = name.lowercased()
                if ["nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type"].contains(lowered), i < n, s[i] == 0x28 {
                    guard let close = s[i...].firstIndex(of: 0x29),
                          let (a, b) = Nth.parse(String(decoding: s[(i + 1)..<close], as: UTF8.self)) else { return nil }
                    current.nths.append(Nth(a: a, b: b, fromEnd: lowered.contains("last"), ofType: lowered.hasSuffix("of-type")))
                    i = close + 1
                    currentEmpty = false
                    continue
                }
                guard let pseudo = Pseudo(rawValue: lowered) else { return nil }
                if i < n, s[i] == 0x28 { return nil }
                current.pseudos.append(pseudo)
                currentEmpty = false
            default:
                guard CSSParser.isIdent(b) || b == 0x5C, currentEmpty, current.tag == nil, let name = ident(lowered: true) else { return nil }
                current.tag = name
                currentEmpty = false
            }
        }
        if !currentEmpty { _ = finishCompound() } else if pendingCombinator != nil && pendingCombinator != .descendant { return nil }
        guard !compounds.isEmpty else { return nil }
        return CSSSelector(compounds: compounds, combinators: combinators)
    }

    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: unescapedBytes(bytes), as: UTF8.self)
    }

    /// `\x` → `x`.
    static func unescapedBytes(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var out: [UInt8] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == 0x5C, i + 1 < bytes.endIndex { out.append(bytes[i + 1]); i += 2; continue }
            out.append(bytes[i]); i += 1
        }
        return out[...]
    }

    /// The rightmost compound's most selective key, for bucketing: `#id`, `.class`, the tag name (`html` for
    /// `:root`) or an attribute name.
    var key: (kind: Int, value: String)? {
        guard !compounds.isEmpty else { return nil }
        let last = compounds.count - 1
        if let id = compounds[last].ids.first { return (0, id) }
        if let c = compounds[last].classes.first { return (1, c) }
        if let t = compounds[last].tag { return (2, t) }
        if compounds[last].pseudos.contains(.root) { return (2, "html") }
        if let a = compounds[last].attributes.first { return (3, a.name) }
        return nil
    }
}
