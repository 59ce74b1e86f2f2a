/// RFC 2045 §6.7 quoted-printable, on bytes.
///
/// Output lines (CRLF) are at most 76 characters including the soft-break `=`; `=` and non-ASCII bytes are
/// encoded, as is whitespace before a line end; a `.` at the start of a line becomes `=2E` (so SMTP
/// dot-stuffing cannot alter it) and the `F` of a line-initial `From ` becomes `=46` (mbox). A multi-byte
/// UTF-8 character is never split across a soft line break.
public enum QuotedPrintable {
    static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    public static func encode(_ text: String) -> [UInt8] { encode(Array(text.utf8)) }

    public static func encode(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 8 + 16)
        var lineStart = 0
        let n = input.count
        while lineStart <= n {
            var lineEnd = lineStart
            while lineEnd < n, input[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart, input[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            encodeLine(input, lineStart, contentEnd, into: &out)
            if lineEnd >= n {
                if contentEnd > lineStart || lineEnd > lineStart { out.append(0x0D); out.append(0x0A) }
                break
            }
            out.append(0x0D); out.append(0x0A)
            lineStart = lineEnd + 1
            if lineStart == n { break }
        }
        return out
    }

    /// Encodes a piece of a body so that pieces can be concatenated: the output always ends at the start of a
    /// line, with a CRLF when the input ended with a line break and with a soft break (`=` CRLF) otherwise.
    /// Decoding the concatenation gives the concatenated input. Used to encode a layout once and fill in
    /// per-subscriber values between its pieces.
    public static func encodePiece(_ input: [UInt8]) -> [UInt8] {
        guard !input.isEmpty else { return [] }
        var out = encode(input)
        if input.last != 0x0A {
            // `encode` ended the last line with CRLF: make it a soft break.
            out.removeLast(2)
            out.append(0x3D); out.append(0x0D); out.append(0x0A)
        }
        return out
    }

    private static func encodeLine(_ s: [UInt8], _ start: Int, _ end: Int, into out: inout [UInt8]) {
        var column = 0
        var i = start
        while i < end {
            // One character: a whole UTF-8 sequence, so soft breaks never split it.
            let b = s[i]
            var length = 1
            if b >= 0xF0 { length = 4 } else if b >= 0xE0 { length = 3 } else if b >= 0xC0 { length = 2 }
            length = min(length, end - i)
            let isLast = i + length == end
            var encoded: Bool
            if length > 1 || b >= 0x7F || b == 0x3D || (b < 0x20 && b != 0x09) {
                encoded = true
            } else if b == 0x20 || b == 0x09 {
                encoded = isLast
            } else {
                encoded = false
            }
            var width = encoded ? 3 * length : 1
            let limit = isLast ? 76 : 75
            if column + width > limit {
                out.append(0x3D); out.append(0x0D); out.append(0x0A)
                column = 0
            }
            if !encoded, column == 0 {
                // Line-initial '.' and 'From '.
                if b == 0x2E || (b == 0x46 && i + 4 < end && s[i + 1] == 0x72 && s[i + 2] == 0x6F && s[i + 3] == 0x6D && s[i + 4] == 0x20) {
                    encoded = true
                    width = 3
                }
            }
            if encoded {
                for k in 0..<length {
                    let v = s[i + k]
                    out.append(0x3D); out.append(hex[Int(v >> 4)]); out.append(hex[Int(v & 0x0F)])
                }
            } else {
                out.append(b)
            }
            column += width
            i += length
        }
    }

    /// Decoding, for tests and verification.
    public static func decode(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x41...0x46: c - 0x41 + 10
            case 0x61...0x66: c - 0x61 + 10
            default: nil
            }
        }
        while i < input.count {
            let b = input[i]
            if b == 0x3D {
                if i + 2 < input.count, input[i + 1] == 0x0D, input[i + 2] == 0x0A { i += 3; continue }
                if i + 1 < input.count, input[i + 1] == 0x0A { i += 2; continue }
                if i + 2 < input.count, let h = value(input[i + 1]), let l = value(input[i + 2]) {
                    out.append(h << 4 | l); i += 3; continue
                }
            }
            if b == 0x0D, i + 1 < input.count, input[i + 1] == 0x0A { out.append(0x0A); i += 2; continue }
            out.append(b); i += 1
        }
        return out
    }
}
