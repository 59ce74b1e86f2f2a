#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A token of template source: text, `{{ output }}`, `{% tag %}` or the verbatim body of `raw`/`doc`.
struct TemplateToken {
    enum Kind: UInt8 { case text, output, tag, rawBody }
    var kind: Kind
    /// Content range in the source bytes (text after whitespace control; markup for output and tags).
    var start: Int
    var end: Int
    /// Tag name (`#` for inline comments); empty otherwise.
    var name: String
    /// Offset of the token's first byte, for error locations.
    var offset: Int
}

/// Splits template source into tokens, applying `{%-`/`-%}` whitespace control to neighbouring text.
/// `raw` and `doc` bodies are captured verbatim.
struct TemplateLexer {
    let source: SourceText

    init(_ source: SourceText) { self.source = source }

    func tokenize() throws -> [TemplateToken] {
        try source.bytes.withUnsafeBufferPointer { try tokenize($0) }
    }

    private func tokenize(_ b: UnsafeBufferPointer<UInt8>) throws -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        tokens.reserveCapacity(b.count / 24 + 4)
        let n = b.count
        var pos = 0
        var trimNext = false
        while pos < n {
            // Find the next `{{` or `{%`.
            var i = pos
            var found = -1
            while i + 1 < n {
                // memchr skips text to the next `{` with SIMD; most template bytes are text.
                guard let hit = memchr(b.baseAddress! + i, 123, n - 1 - i) else { break }
                i = b.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let c = b[i + 1]
                if c == 123 || c == 37 { found = i; break }
                i += 1
            }
            let textEnd = found < 0 ? n : found
            var ts = pos
            var te = textEnd
            if trimNext { while ts < te, isRubySpace(b[ts]) { ts += 1 } }
            if found >= 0, found + 2 < n, b[found + 2] == 45 {
                while te > ts, isRubySpace(b[te - 1]) || b[te - 1] == 0 { te -= 1 }
            }
            trimNext = false
            if te > ts { tokens.append(TemplateToken(kind: .text, start: ts, end: te, name: "", offset: ts)) }
            if found < 0 { break }
            if b[found + 1] == 123 {
                // Output: ends at the first `}`, which must be followed by another `}`.
                var j = found + 2
                while j < n, b[j] != 125 { j += 1 }
                guard j + 1 < n, b[j + 1] == 125 else {
                    let snippet = String(decoding: b[found..<min(n, j + 1)], as: UTF8.self)
                    throw source.error(.syntax, "Variable '\(snippet)' was not properly terminated with regexp: /\\}\\}/",
                                       at: found)
                }
                var ms = found + 2
                var me = j
                if ms < me, b[ms] == 45 { ms += 1 }
                if me > ms, b[me - 1] == 45 { me -= 1; trimNext = true }
                tokens.append(TemplateToken(kind: .output, start: ms, end: me, name: "", offset: found))
                pos = j + 2
            } else {
                var j = found + 2
                var close = -1
                while j + 1 < n {
                    if b[j] == 37 && b[j + 1] == 125 { close = j; break }
                    j += 1
                }
                guard close >= 0 else {
                    throw source.error(.syntax, "Tag '{%' was not properly terminated with regexp: /\\%\\}/", at: found)
                }
                var ms = found + 2
                var me = close
                if ms < me, b[ms] == 45 { ms += 1 }
                if me > ms, b[me - 1] == 45 { me -= 1; trimNext = true }
                while ms < me, isRubySpace(b[ms]) { ms += 1 }
                var name = ""
                if ms < me, b[ms] == 35 {
                    name = "#"
                    ms += 1
                } else {
                    let nameStart = ms
                    while ms < me, isWordByte(b[ms]) { ms += 1 }
                    guard ms > nameStart else {
                        let snippet = String(decoding: b[found..<(close + 2)], as: UTF8.self)
                        throw source.error(.syntax, "Tag '\(snippet)' was not properly terminated with regexp: /\\%\\}/",
                                           at: found)
                    }
                    name = String(decoding: b[nameStart..<ms], as: UTF8.self)
                }
                while ms < me, isRubySpace(b[ms]) { ms += 1 }
                while me > ms, isRubySpace(b[me - 1]) { me -= 1 }
                tokens.append(TemplateToken(kind: .tag, start: ms, end: me, name: name, offset: found))
                pos = close + 2
                if name == "raw" || name == "doc" {
                    let endName = Array(("end" + name).utf8)
                    guard let (bodyEnd, tagEnd, trims) = findEndTag(b, from: pos, name: endName) else {
                        throw source.error(.syntax, "'\(name)' tag was never closed", at: found)
                    }
                    tokens.append(TemplateToken(kind: .rawBody, start: pos, end: bodyEnd, name: name, offset: pos))
                    pos = tagEnd
                    trimNext = trims
                }
            }
        }
        return tokens
    }

    /// Finds `{%-? endNAME ... -?%}`; returns body end, position after the tag, and whether it trims right.
    private func findEndTag(_ b: UnsafeBufferPointer<UInt8>, from start: Int, name: [UInt8]) -> (Int, Int, Bool)? {
        let n = b.count
        var i = start
        while i + 1 < n {
            if b[i] == 123 && b[i + 1] == 37 {
                var j = i + 2
                if j < n, b[j] == 45 { j += 1 }
                while j < n, isRubySpace(b[j]) { j += 1 }
                var k = 0
                while k < name.count, j + k < n, b[j + k] == name[k] { k += 1 }
                if k == name.count, j + k <= n, !(j + k < n && isWordByte(b[j + k])) {
                    var m = j + k
                    while m + 1 < n, !(b[m] == 37 && b[m + 1] == 125) { m += 1 }
                    if m + 1 < n {
                        return (i, m + 2, m > 0 && b[m - 1] == 45)
                    }
                    return nil
                }
            }
            i += 1
        }
        return nil
    }
}

@inline(__always) func isWordByte(_ c: UInt8) -> Bool {
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95
}
