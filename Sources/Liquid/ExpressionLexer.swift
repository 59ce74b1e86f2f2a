/// Tokens of tag and output markup (Ruby Liquid's strict lexer).
struct ExprToken {
    enum Kind: UInt8 {
        case identifier, string, integer, float, comparison, dotdot
        case pipe, dot, colon, comma, openSquare, closeSquare, openRound, closeRound, question, dash, end
    }
    var kind: Kind
    var start: Int
    var end: Int
}

enum ExpressionLexer {
    /// Tokenizes `bytes[start..<end]`; an unexpected character is a syntax error at its offset.
    static func tokenize(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (tokens: [ExprToken], errorAt: Int?) {
        var tokens: [ExprToken] = []
        tokens.reserveCapacity(8)
        var i = start
        while i < end {
            let c = b[i]
            if isRubySpace(c) { i += 1; continue }
            let s = i
            switch c {
            case 61 where i + 1 < end && b[i + 1] == 61, 33 where i + 1 < end && b[i + 1] == 61:
                i += 2; tokens.append(ExprToken(kind: .comparison, start: s, end: i))
            case 60:
                i += 1
                if i < end, b[i] == 61 || b[i] == 62 { i += 1 }
                tokens.append(ExprToken(kind: .comparison, start: s, end: i))
            case 62:
                i += 1
                if i < end, b[i] == 61 { i += 1 }
                tokens.append(ExprToken(kind: .comparison, start: s, end: i))
            case 39, 34:
                var j = i + 1
                while j < end, b[j] != c { j += 1 }
                if j >= end { return (tokens, i) }
                i = j + 1
                tokens.append(ExprToken(kind: .string, start: s + 1, end: j))
            case 48...57,
                 45 where i + 1 < end && b[i + 1] >= 48 && b[i + 1] <= 57:
                var j = i + 1
                while j < end, b[j] >= 48 && b[j] <= 57 { j += 1 }
                if j + 1 < end, b[j] == 46, b[j + 1] >= 48 && b[j + 1] <= 57 {
                    j += 1
                    while j < end, b[j] >= 48 && b[j] <= 57 { j += 1 }
                    i = j
                    tokens.append(ExprToken(kind: .float, start: s, end: j))
                } else {
                    i = j
                    tokens.append(ExprToken(kind: .integer, start: s, end: j))
                }
            case 97...122, 65...90, 95:
                var j = i + 1
                while j < end, isWordByte(b[j]) || b[j] == 45 { j += 1 }
                if j < end, b[j] == 63 { j += 1 }
                // `contains` followed by whitespace is an operator.
                if j - s == 8, j < end, isRubySpace(b[j]), matches(b, s, "contains") {
                    tokens.append(ExprToken(kind: .comparison, start: s, end: j))
                } else {
                    tokens.append(ExprToken(kind: .identifier, start: s, end: j))
                }
                i = j
            case 46:
                if i + 1 < end, b[i + 1] == 46 {
                    i += 2; tokens.append(ExprToken(kind: .dotdot, start: s, end: i))
                } else {
                    i += 1; tokens.append(ExprToken(kind: .dot, start: s, end: i))
                }
            case 124: i += 1; tokens.append(ExprToken(kind: .pipe, start: s, end: i))
            case 58: i += 1; tokens.append(ExprToken(kind: .colon, start: s, end: i))
            case 44: i += 1; tokens.append(ExprToken(kind: .comma, start: s, end: i))
            case 91: i += 1; tokens.append(ExprToken(kind: .openSquare, start: s, end: i))
            case 93: i += 1; tokens.append(ExprToken(kind: .closeSquare, start: s, end: i))
            case 40: i += 1; tokens.append(ExprToken(kind: .openRound, start: s, end: i))
            case 41: i += 1; tokens.append(ExprToken(kind: .closeRound, start: s, end: i))
            case 63: i += 1; tokens.append(ExprToken(kind: .question, start: s, end: i))
            case 45: i += 1; tokens.append(ExprToken(kind: .dash, start: s, end: i))
            default:
                return (tokens, i)
            }
        }
        tokens.append(ExprToken(kind: .end, start: end, end: end))
        return (tokens, nil)
    }

    @inline(__always) static func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= b.count else { return false }
        let p = word.utf8Start
        for k in 0..<count where b[at + k] != p[k] { return false }
        return true
    }
}
