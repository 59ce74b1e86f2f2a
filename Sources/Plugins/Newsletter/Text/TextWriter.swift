/// Accumulates inline text (whitespace collapsed) and emits wrapped, prefixed lines.
struct TextWriter {
    let width: Int
    let preformattedMode: Bool
    private(set) var lines: [String] = []
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    var quote: [String] = []
    var indent: [String] = []
    private var marker: (first: String, continuation: String)? = nil
    private var markerUsed = false

    init(width: Int, preformatted: Bool = false) {
        self.width = width
        self.preformattedMode = preformatted
    }

    var prefixWidth: Int { quote.joined().count + (marker?.continuation.count ?? 0) }

    mutating func text(_ bytes: [UInt8]) {
        if preformattedMode { buffer.append(contentsOf: bytes); return }
        for b in bytes {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                if !buffer.isEmpty, buffer.last != 0x0A { pendingSpace = true }
                continue
            }
            if pendingSpace { buffer.append(0x20); pendingSpace = false }
            buffer.append(b)
        }
    }

    mutating func text(_ string: String) { text(Array(string.utf8)) }

    mutating func lineBreak() {
        if preformattedMode { buffer.append(0x0A); return }
        buffer.append(0x0A)
        pendingSpace = false
    }

    /// The raw buffer (preformatted mode).
    func rawBuffer() -> String { String(decoding: buffer, as: UTF8.self) }

    mutating func setListMarker(_ first: String, continuation: String) {
        marker = (first, continuation)
        markerUsed = false
    }

    mutating func clearListMarker() {
        marker = nil
        markerUsed = false
    }

    private mutating func nextPrefix() -> String {
        var prefix = quote.joined()
        if let marker {
            prefix += markerUsed ? marker.continuation : marker.first
            markerUsed = true
        }
        return prefix
    }

    private mutating func emit(_ line: String) {
        let prefix = nextPrefix()
        var text = prefix + line
        while text.hasSuffix(" ") { text.removeLast() }
        lines.append(text)
    }

    mutating func endLine() {
        pendingSpace = false
        guard !buffer.isEmpty else { return }
        let content = buffer
        buffer.removeAll(keepingCapacity: true)
        for segment in content.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let available = max(20, width == Int.max ? Int.max : width - prefixWidth)
            var line: [UInt8] = []
            var lineWidth = 0
            for word in segment.split(separator: 0x20) {
                let w = TextWriter.displayWidth(word)
                if !line.isEmpty, available != Int.max, lineWidth + 1 + w > available {
                    emit(TextWriter.finishLine(line))
                    line.removeAll(keepingCapacity: true)
                    lineWidth = 0
                }
                if !line.isEmpty { line.append(0x20); lineWidth += 1 }
                line.append(contentsOf: word)
                lineWidth += w
            }
            emit(TextWriter.finishLine(line))
        }
    }

    /// Non-breaking spaces become plain spaces once wrapping is decided.
    static func finishLine(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { out.append(0x20); i += 2; continue }
            out.append(bytes[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func blankLine() {
        endLine()
        guard let last = lines.last else { return }
        let blank = quote.joined().trimmingASCIISpace()
        if last.trimmingASCIISpace() == blank || last.isEmpty { return }
        lines.append(blank)
    }

    /// Drops a trailing blank line (inside a block quote before it closes).
    mutating func trimTrailingBlank() {
        endLine()
        let blank = quote.joined().trimmingASCIISpace()
        if let last = lines.last, last == blank { lines.removeLast() }
    }

    mutating func rawLine(_ text: String) {
        endLine()
        emit(text)
    }

    mutating func preformatted(_ text: String) {
        endLine()
        var body = text
        while body.hasSuffix("\n") { body.removeLast() }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = String(line)
            if l.hasSuffix("\r") { l.removeLast() }
            lines.append(quote.joined() + (marker?.continuation ?? "") + l)
        }
    }

    mutating func finish() -> String {
        endLine()
        var out: [String] = []
        for line in lines {
            let isBlank = line.trimmingASCIISpace().isEmpty || line.trimmingASCIISpace() == ">"
            if isBlank, out.isEmpty { continue }
            if isBlank, let last = out.last, last.trimmingASCIISpace().isEmpty || last.trimmingASCIISpace() == ">" { continue }
            out.append(line)
        }
        while let last = out.last, last.trimmingASCIISpace().isEmpty { out.removeLast() }
        return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
    }

    /// Terminal columns: wide for CJK, Hangul and emoji; zero for combining marks, joiners and selectors.
    static func displayWidth<S: Sequence>(_ bytes: S) -> Int where S.Element == UInt8 {
        displayWidth(String(decoding: Array(bytes), as: UTF8.self))
    }

    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x20E3: continue
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
                 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
                width += 2
            default:
                width += 1
            }
        }
        return width
    }
}
