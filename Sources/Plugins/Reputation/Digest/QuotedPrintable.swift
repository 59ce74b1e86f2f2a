/// Quoted-printable body encoding (RFC 2045 §6.7) on UTF-8 bytes.
///
/// Line breaks in the input (LF or CRLF) become CRLF hard breaks; output lines are at most 76 characters
/// (soft breaks end in `=`); an escape is never split; trailing spaces and tabs, `=`, control bytes, non-ASCII
/// bytes and a `.` at the start of a line are escaped.
/// (The newsletter plugin has a fuller MIME encoder; this one is kept small and local to the digest.)
enum QuotedPrintable {
    static let maxLine = 76

    static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var lineLength = 0
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1; continue }
            if b == 0x0A {
                out.append(contentsOf: [0x0D, 0x0A])
                lineLength = 0
                i += 1
                continue
            }
            let next: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
            let atLineEnd = next == nil || next == 0x0A || next == 0x0D
            var needsEscape: Bool
            switch b {
            case 0x20, 0x09: needsEscape = atLineEnd
            case 0x3D: needsEscape = true
            case 0x21...0x7E: needsEscape = false
            default: needsEscape = true
            }
            // Leave room for the soft break's `=` (so lines never exceed 76 characters).
            if lineLength + (needsEscape ? 3 : 1) > maxLine - 1 {
                out.append(contentsOf: [0x3D, 0x0D, 0x0A])
                lineLength = 0
            }
            if b == 0x2E, lineLength == 0 { needsEscape = true }
            if needsEscape {
                out.append(contentsOf: escape(b))
                lineLength += 3
            } else {
                out.append(b)
                lineLength += 1
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func escape(_ b: UInt8) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        return [0x3D, hex[Int(b >> 4)], hex[Int(b & 0x0F)]]
    }

    /// Decodes quoted-printable (for tests and round trips).
    static func decode(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        func hexValue(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x41...0x46: c - 0x41 + 10
            case 0x61...0x66: c - 0x61 + 10
            default: nil
            }
        }
        while i < bytes.count {
            if bytes[i] == 0x3D {
                if i + 2 < bytes.count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < bytes.count, let h = hexValue(bytes[i + 1]), let l = hexValue(bytes[i + 2]) {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }
}
