/// A byte-level HTML tokenizer that keeps source ranges, so rewriters can copy everything they do not change
/// byte for byte (entities, template tags such as `{{ x }}` in attributes, conditional comments).
///
/// It is tolerant: malformed markup becomes text rather than an error. Raw-text elements (`script`, `style`,
/// `textarea`, `title`, `xmp`) yield one `.rawText` token for their content.
public struct HTMLToken: Sendable {
    public enum Kind: Sendable, Equatable {
        case text, comment, doctype, startTag, endTag, rawText
    }

    public var kind: Kind
    /// The whole token in the source.
    public var range: Range<Int>
    /// Lower-case tag name (tags only).
    public var name: String
    /// The name as a small integer (`.other` for names `HTMLTag` does not list, and for non-tags).
    public var tag: HTMLTag = .other
    public var attributes: [HTMLTokenAttribute]
    /// `<br/>`-style self-closing syntax.
    public var selfClosing: Bool
    /// Where a new attribute can be inserted: just before `>` or `/>` of a start tag.
    public var insertionPoint: Int

    public func attribute(_ name: String) -> HTMLTokenAttribute? { attributes.first { $0.name == name } }
}

public struct HTMLTokenAttribute: Sendable {
    /// Lower-case name.
    public var name: String
    /// The whole attribute (`name="value"`), for removal.
    public var range: Range<Int>
    /// The value without quotes (nil for a bare attribute).
    public var valueRange: Range<Int>?
    /// The raw (still entity-encoded) value.
    public var rawValue: String
    /// The value with character references decoded.
    public var value: String { HTMLEntities.decode(rawValue) }
}

public enum HTMLTokenizer {
    public static func tokenize(_ s: [UInt8]) -> [HTMLToken] {
        var tokens: [HTMLToken] = []
        tokens.reserveCapacity(s.count / 8 + 8)
        let n = s.count
        var i = 0
        var textStart = 0

        func flushText(_ end: Int) {
            if end > textStart {
                tokens.append(HTMLToken(kind: .text, range: textStart..<end, name: "", attributes: [], selfClosing: false, insertionPoint: end))
            }
        }

        while i < n {
            guard s[i] == 0x3C, i + 1 < n else { i += 1; continue }  // '<'
            let next = s[i + 1]
            if next == 0x21 {  // '!'
                if i + 3 < n, s[i + 2] == 0x2D, s[i + 3] == 0x2D {  // <!--
                    flushText(i)
                    let end = find(s, "-->", from: i + 4).map { $0 + 3 } ?? n
                    tokens.append(HTMLToken(kind: .comment, range: i..<end, name: "", attributes: [], selfClosing: false, insertionPoint: end))
                    i = end; textStart = i
                    continue
                }
                flushText(i)
                let end = (indexOf(s, 0x3E, from: i + 2) ?? (n - 1)) + 1
                tokens.append(HTMLToken(kind: .doctype, range: i..<end, name: "", attributes: [], selfClosing: false, insertionPoint: end))
                i = end; textStart = i
                continue
            }
            if next == 0x3F {  // <? processing instruction: treat as comment
                flushText(i)
                let end = (indexOf(s, 0x3E, from: i + 2) ?? (n - 1)) + 1
                tokens.append(HTMLToken(kind: .comment, range: i..<end, name: "", attributes: [], selfClosing: false, insertionPoint: end))
                i = end; textStart = i
                continue
            }
            let isEnd = next == 0x2F
            let nameStart = isEnd ? i + 2 : i + 1
            guard nameStart < n, isAlpha(s[nameStart]) else { i += 1; continue }
            var j = nameStart
            while j < n, !isSpace(s[j]), s[j] != 0x2F, s[j] != 0x3E { j += 1 }
            let name = lowerString(s[nameStart..<j])
            let tag = HTMLTag.of(s[nameStart..<j])
            flushText(i)
            var attributes: [HTMLTokenAttribute] = []
            var selfClosing = false
            // Attributes.
            while true {
                while j < n, isSpace(s[j]) || (s[j] == 0x2F && !(j + 1 < n && s[j + 1] == 0x3E)) { j += 1 }
                if j >= n { break }
                if s[j] == 0x3E { break }
                if s[j] == 0x2F, j + 1 < n, s[j + 1] == 0x3E { selfClosing = true; break }
                let attrStart = j
                j += 1  // an attribute name may start with '=' per spec; consume at least one byte
                while j < n, !isSpace(s[j]), s[j] != 0x2F, s[j] != 0x3E, s[j] != 0x3D { j += 1 }
                let attrName = lowerString(s[attrStart..<j])
                var k = j
                while k < n, isSpace(s[k]) { k += 1 }
                var valueRange: Range<Int>? = nil
                var attrEnd = j
                if k < n, s[k] == 0x3D {
                    k += 1
                    while k < n, isSpace(s[k]) { k += 1 }
                    if k < n, s[k] == 0x22 || s[k] == 0x27 {
                        let quote = s[k]
                        let vEnd = indexOf(s, quote, from: k + 1) ?? n
                        valueRange = (k + 1)..<vEnd
                        attrEnd = min(vEnd + 1, n)
                    } else {
                        var v = k
                        while v < n, !isSpace(s[v]), s[v] != 0x3E { v += 1 }
                        valueRange = k..<v
                        attrEnd = v
                    }
                    j = attrEnd
                }
                let raw = valueRange.map { String(decoding: s[$0], as: UTF8.self) } ?? ""
                if !isEnd {
                    attributes.append(HTMLTokenAttribute(name: attrName, range: attrStart..<attrEnd, valueRange: valueRange, rawValue: raw))
                }
            }
            let insertion = j
            let end = j >= n ? n : (selfClosing ? j + 2 : j + 1)
            tokens.append(HTMLToken(kind: isEnd ? .endTag : .startTag, range: i..<end, name: name, tag: tag, attributes: attributes,
                                    selfClosing: selfClosing, insertionPoint: min(insertion, n)))
            i = end; textStart = i
            if !isEnd, isRawText(tag) {
                // Raw text up to the matching end tag.
                var p = i
                var close = n
                while let lt = indexOf(s, 0x3C, from: p) {
                    if lt + 1 < n, s[lt + 1] == 0x2F, matchesName(s, at: lt + 2, name) {
                        close = lt
                        break
                    }
                    p = lt + 1
                }
                if close > i {
                    tokens.append(HTMLToken(kind: .rawText, range: i..<close, name: name, tag: tag, attributes: [], selfClosing: false, insertionPoint: close))
                }
                i = close; textStart = i
            }
        }
        flushText(n)
        return tokens
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Elements whose content is raw text up to the end tag (a switch: no hashing per start tag).
    static func isRawText(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .script, .style, .textarea, .title, .xmp, .iframe, .noembed, .noframes, .plaintext: return true
        default: return false
        }
    }

    /// Elements without content or end tag (a switch: no hashing per start tag).
    public static func isVoid(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .area, .base, .br, .col, .embed, .hr, .img, .input, .link, .meta, .param, .source, .track, .wbr,
             .basefont, .bgsound, .frame, .keygen: return true
        default: return false
        }
    }

    /// Lower-cased. Names are almost always lower case already: then the bytes are decoded as they are (a short
    /// name becomes a small string, without allocation).
    static func lowerString(_ bytes: ArraySlice<UInt8>) -> String {
        if !bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    static func indexOf(_ s: [UInt8], _ byte: UInt8, from: Int) -> Int? {
        var i = from
        while i < s.count { if s[i] == byte { return i }; i += 1 }
        return nil
    }

    static func find(_ s: [UInt8], _ needle: StaticString, from: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        return needle.withUTF8Buffer { pattern -> Int? in
            var i = from
            while i + count <= s.count {
                if s[i] == pattern[0] {
                    var ok = true
                    for k in 1..<count where s[i + k] != pattern[k] { ok = false; break }
                    if ok { return i }
                }
                i += 1
            }
            return nil
        }
    }

    static func matchesName(_ s: [UInt8], at start: Int, _ name: String) -> Bool {
        var i = start
        for b in name.utf8 {
            guard i < s.count, s[i] | 0x20 == b else { return false }
            i += 1
        }
        return i >= s.count || isSpace(s[i]) || s[i] == 0x3E || s[i] == 0x2F
    }
}
