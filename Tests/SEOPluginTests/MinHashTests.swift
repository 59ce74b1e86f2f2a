import Testing
@testable import SEOPlugin

/// The MinHash signature of a text's shingles and the band keys that pick candidate pairs.
struct MinHashTests {
    static func shingles(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test("a bin holds the smallest mixed shingle that falls in it; an empty bin borrows the next filled one's, offset by the distance",
          arguments: [0, 1, 5, 60, 2000])
    func signatureBins(count: Int) {
        let shingles = Self.shingles(count, seed: UInt64(count))
        var bins = [UInt64?](repeating: nil, count: ContentDuplicates.signatureSize)
        for shingle in shingles {
            let mixed = ContentDuplicates.mix(shingle), bin = Int(mixed >> 57), value = mixed & 0x01FF_FFFF_FFFF_FFFF
            bins[bin] = min(bins[bin] ?? .max, value)
        }
        let expected = bins.indices.map { bin -> UInt64 in
            guard count > 0 else { return .max }
            var distance = 0
            while bins[(bin + distance) % bins.count] == nil { distance += 1 }
            return bins[(bin + distance) % bins.count]! &+ UInt64(distance) << 57
        }
        #expect(ContentDuplicates.signature(shingles) == expected)
        // Repeats and order do not change minima.
        #expect(ContentDuplicates.signature((shingles + shingles.prefix(count / 2)).reversed()) == expected)
    }

    @Test("a band's key is the FNV-1a of its first value's index and its values, for every text and band", arguments: [1, 4, 8])
    func bandKeys(rows: Int) {
        let signatures = (0..<5).map { ContentDuplicates.signature(Self.shingles(100, seed: UInt64($0 % 3))) }
        let keys = ContentDuplicates.bandKeys(signatures, rows: rows)
        let bands = ContentDuplicates.signatureSize / rows
        #expect(keys.count == signatures.count * bands)
        for (text, signature) in signatures.enumerated() {
            for band in 0..<bands {
                var key = FNV1a()
                key.add(UInt64(band * rows))
                for value in signature[(band * rows)..<((band + 1) * rows)] { key.add(value) }
                #expect(keys[text * bands + band] == key.value)
            }
        }
        // Texts 0 and 3 have the same shingles, so the same keys; text 1's differ in every band.
        #expect(keys[0..<bands] == keys[(3 * bands)..<(4 * bands)])
        #expect(zip(keys[0..<bands], keys[bands..<(2 * bands)]).allSatisfy { $0 != $1 })
    }

    @Test("candidates are the pairs of texts with an equal key in some band, each once, in order", arguments: [2, 8])
    func candidatePairs(rows: Int) {
        // Families of texts sharing most shingles, so that some bands match and others do not.
        let signatures = (0..<12).map { text in
            ContentDuplicates.signature(Self.shingles(300, seed: UInt64(text % 4)) + Self.shingles(text % 3 * 20, seed: UInt64(100 + text)))
        }
        let keys = ContentDuplicates.bandKeys(signatures, rows: rows), bands = ContentDuplicates.signatureSize / rows
        var expected: [UInt64] = []
        for a in signatures.indices {
            for b in signatures.indices where a < b && (0..<bands).contains(where: { keys[a * bands + $0] == keys[b * bands + $0] }) {
                expected.append(UInt64(a) << 32 | UInt64(b))
            }
        }
        // Some pairs, all within a family (texts of different families share no shingle).
        #expect(!expected.isEmpty && expected.allSatisfy { ($0 >> 32) % 4 == ($0 & 0xFFFF_FFFF) % 4 })
        #expect(ContentDuplicates.candidates(signatures, rows: rows) == expected)
    }
}
