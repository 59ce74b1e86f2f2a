/// Non-overlapping byte edits of a document, applied in one pass. The replacement bytes of all edits share one
/// buffer, so planning an edit allocates nothing of its own.
struct HTMLRewriter {
    /// The replacements, back to back.
    var buffer: [UInt8] = []
    /// The replaced source range and its replacement's range in `buffer`.
    private var edits: [(range: Range<Int>, replacement: Range<Int>)] = []

    var isEmpty: Bool { edits.isEmpty }

    /// Replaces `range` with the bytes appended to `buffer` since `start` (a `buffer.count` read before appending).
    mutating func replace(_ range: Range<Int>, withBufferFrom start: Int) {
        edits.append((range, start..<buffer.count))
    }

    mutating func replace(_ range: Range<Int>, with bytes: some Sequence<UInt8>) {
        let start = buffer.count
        buffer.append(contentsOf: bytes)
        replace(range, withBufferFrom: start)
    }

    /// The edited document. Of overlapping edits, the one that starts first (then ends first) wins.
    func apply(to bytes: [UInt8]) -> [UInt8] {
        if edits.isEmpty { return bytes }
        func before(_ a: (range: Range<Int>, replacement: Range<Int>), _ b: (range: Range<Int>, replacement: Range<Int>)) -> Bool {
            a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound : a.range.upperBound < b.range.upperBound
        }
        // Edits are usually planned in document order: then no sorted copy.
        let inOrder = zip(edits, edits.dropFirst()).allSatisfy { !before($1, $0) }
        let sorted = inOrder ? edits : edits.sorted(by: before)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + buffer.count)
        var position = 0
        for edit in sorted {
            if edit.range.lowerBound < position { continue }  // overlapping: the first edit wins
            out.append(contentsOf: bytes[position..<edit.range.lowerBound])
            out.append(contentsOf: buffer[edit.replacement])
            position = edit.range.upperBound
        }
        out.append(contentsOf: bytes[position...])
        return out
    }

    static func apply(_ edits: [(range: Range<Int>, replacement: [UInt8])], to bytes: [UInt8]) -> [UInt8] {
        var rewriter = HTMLRewriter()
        for edit in edits { rewriter.replace(edit.range, with: edit.replacement) }
        return rewriter.apply(to: bytes)
    }
}
