import HeraldData

/// Sizes the article's images for the email's content column.
///
/// Outlook desktop ignores CSS widths and shows an image at its natural size, so a wide screenshot would push the
/// 600 px layout wider than the screen; other clients need the attribute too for a stable layout before images load.
/// Every `<img>` gets a `width` attribute: the column width when it has none, the column width when its own is wider
/// (its `height` is then dropped, so the layout's `height: auto` keeps the proportions), unchanged otherwise. The
/// layout's `max-width: 100%` scales them down on narrow screens. Every other byte is copied unchanged.
enum EmailImages {
    /// The default layout's text column: the 600 px body minus 32 px padding on each side.
    static let columnWidth = 536

    static func sized(_ html: String, columnWidth: Int = columnWidth) -> String {
        let bytes = Array(html.utf8)
        var edits: [(range: Range<Int>, replacement: String)] = []
        for token in HTMLTokenizer.tokenize(bytes) where token.kind == .startTag && token.name == "img" {
            guard let width = token.attribute("width") else {
                // After the space before `/>` when there is one, so the tag keeps single spaces.
                let point = token.insertionPoint
                let attribute = "width=\"\(columnWidth)\""
                let spaced = point > 0 && HTMLTokenizer.isSpace(bytes[point - 1])
                edits.append((point..<point, spaced ? attribute + " " : " " + attribute))
                continue
            }
            guard let pixels = pixels(width.rawValue), pixels > columnWidth else { continue }
            var changes = [(range: width.range, replacement: "width=\"\(columnWidth)\"")]
            if let height = token.attribute("height") {
                var start = height.range.lowerBound
                while start > token.range.lowerBound, HTMLTokenizer.isSpace(bytes[start - 1]) { start -= 1 }
                changes.append((start..<height.range.upperBound, ""))
            }
            edits += changes.sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        if edits.isEmpty { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16 * edits.count)
        var copied = 0
        for edit in edits {
            out += bytes[copied..<edit.range.lowerBound]
            out += Array(edit.replacement.utf8)
            copied = edit.range.upperBound
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// A width in CSS pixels: digits, optionally followed by `px`, with surrounding spaces.
    static func pixels(_ value: String) -> Int? {
        var text = Substring(value.trimmingASCIISpace())
        if text.lowercased().hasSuffix("px") { text = text.dropLast(2) }
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}
