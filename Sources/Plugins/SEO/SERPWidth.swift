/// How wide a title or snippet is in Google's results: Arial, titles at 20 px and descriptions at 14 px. The advances
/// are Liberation Sans Regular's (`SERPFontTable`), which has Arial's metrics glyph for glyph. Kerning is ignored.
public enum SERPWidth {
    public static let titleFontSize = 20.0
    public static let descriptionFontSize = 14.0

    /// The advance of one character in font units: the table's, 1 em for East Asian wide characters, else the table's
    /// fallback (the mean width of a–z).
    static func advance(_ scalar: Unicode.Scalar) -> UInt16 {
        let value = scalar.value
        for range in SERPFontTable.ranges where value >= range.first && value < range.first + UInt32(range.advances.count) {
            let advance = range.advances[Int(value - range.first)]
            return advance == SERPFontTable.missing ? SERPFontTable.fallbackAdvance : advance
        }
        return isWide(value) ? SERPFontTable.wideAdvance : SERPFontTable.fallbackAdvance
    }

    /// Hangul Jamo, CJK radicals to Yi, Hangul syllables, compatibility ideographs, vertical and full-width forms,
    /// and the supplementary ideographic planes (Unicode's East Asian Width W and F, by block).
    static func isWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
    }

    /// The width of `text` in pixels at `size` px.
    public static func pixels(_ text: String, size: Double) -> Double {
        var units = 0
        for scalar in text.unicodeScalars { units += Int(advance(scalar)) }
        return Double(units) * size / Double(SERPFontTable.unitsPerEm)
    }
}
