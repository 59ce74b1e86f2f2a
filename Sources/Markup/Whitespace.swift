extension String {
    /// The text with every run of Unicode white space (`Character.isWhitespace`) replaced by one space and the ends
    /// trimmed. Works on the UTF-8 bytes: this runs over every page's text, and per-Character property lookups
    /// dominated the pages build.
    public var collapsingWhitespace: String {
        let bytes = Array(utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let width = Self.whitespaceWidth(bytes, at: i)
            if width > 0 {
                pendingSpace = !output.isEmpty
                i += width
                continue
            }
            if pendingSpace { output.append(0x20); pendingSpace = false }
            output.append(bytes[i])
            i += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The byte length of the white-space scalar at the start of `bytes`, or 0. The set is Unicode's White_Space.
    static func whitespaceWidth(_ bytes: [UInt8], at i: Int) -> Int {
        let b0 = bytes[i]
        if b0 == 0x20 || (b0 >= 0x09 && b0 <= 0x0D) { return 1 }
        if b0 < 0xC2 { return 0 }
        guard i + 1 < bytes.count else { return 0 }
        let b1 = bytes[i + 1]
        if b0 == 0xC2 { return b1 == 0x85 || b1 == 0xA0 ? 2 : 0 }  // NEL, NO-BREAK SPACE
        guard i + 2 < bytes.count, b0 == 0xE1 || b0 == 0xE2 || b0 == 0xE3 else { return 0 }
        let b2 = bytes[i + 2]
        switch (b0, b1) {
        case (0xE1, 0x9A): return b2 == 0x80 ? 3 : 0  // OGHAM SPACE MARK
        case (0xE2, 0x80): return (b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0
        case (0xE2, 0x81): return b2 == 0x9F ? 3 : 0  // MEDIUM MATHEMATICAL SPACE
        case (0xE3, 0x80): return b2 == 0x80 ? 3 : 0  // IDEOGRAPHIC SPACE
        default: return 0
        }
    }
}
