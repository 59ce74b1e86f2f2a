import Foundation

/// Header values: printable ASCII as is (folded at spaces), anything else as RFC 2047 `=?UTF-8?B?…?=` words.
enum EncodedWord {
    /// A complete header line (`Name: value`) without the final CRLF; continuation lines start with a space.
    /// Control characters in `value` are dropped so that data can never start a new header.
    static func header(_ name: String, _ value: String) -> String {
        let clean = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        let asciiOnly = clean.utf8.allSatisfy { $0 < 0x80 }
        if asciiOnly { return fold(name + ": " + clean) }
        return name + ": " + encodedWords(clean, firstLineUsed: name.utf8.count + 2).joined(separator: "\r\n ")
    }

    /// Splits UTF-8 on scalar boundaries into base64 encoded words whose lines stay within 76 characters.
    static func encodedWords(_ text: String, firstLineUsed: Int) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        var budget = bytesFor(76 - firstLineUsed - 12)
        for scalar in text.unicodeScalars {
            let encoded = Array(String(scalar).utf8)
            if chunk.count + encoded.count > budget, !chunk.isEmpty {
                words.append(word(chunk))
                chunk.removeAll()
                budget = bytesFor(76 - 1 - 12)
            }
            chunk.append(contentsOf: encoded)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    /// The number of input bytes whose base64 fits in `characters`.
    static func bytesFor(_ characters: Int) -> Int { max(4, characters / 4 * 3) }

    static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=" }

    /// Folds an ASCII header line at spaces so that lines stay within 78 characters where possible.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 78 else { return line }
        var lines: [String] = []
        var current = ""
        for (index, part) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index == 0 { current = String(part); continue }
            if current.utf8.count + 1 + part.utf8.count > 78, !current.isEmpty, current != " " {
                lines.append(current)
                current = " " + part
            } else {
                current += " " + part
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}
