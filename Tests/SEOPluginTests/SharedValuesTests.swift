import Testing
@testable import SEOPlugin

/// The shared count of two sorted sets, four values at a time, and the near-duplicate similarity that stops early.
struct SharedValuesTests {
    /// Two sorted sets of spread values with `shared` of them in common, `onlyA` and `onlyB` more on each side.
    static func sets(shared: Int, onlyA: Int, onlyB: Int, seed: UInt64) -> (a: [UInt64], b: [UInt64]) {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return ContentDuplicates.mix(state)
        }
        let common = (0..<shared).map { _ in next() }
        let a = common + (0..<onlyA).map { _ in next() }, b = common + (0..<onlyB).map { _ in next() }
        return (a.sorted(), b.sorted())
    }

    @Test("the count is the size of the intersection, whatever the sizes and how the blocks of four fall", arguments: [
        (0, 0, 0), (0, 3, 0), (1, 0, 0), (3, 2, 1), (4, 0, 0), (5, 0, 3), (7, 9, 2), (100, 0, 0), (100, 3, 50),
        (0, 40, 40), (250, 17, 0), (999, 1, 2),
    ])
    func countsTheIntersection(shared: Int, onlyA: Int, onlyB: Int) {
        for seed in UInt64(1)...4 {
            let (a, b) = Self.sets(shared: shared, onlyA: onlyA, onlyB: onlyB, seed: seed)
            let count = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in SharedValues.count(a, b) } }
            #expect(count == shared)
            let swapped = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in SharedValues.count(b, a) } }
            #expect(swapped == shared)
            // Nil exactly when the count is under what is needed.
            for needed in [shared - 1, shared, shared + 1] {
                let bounded = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in SharedValues.count(a, b, atLeast: needed) } }
                #expect(bounded == (shared >= needed ? shared : nil))
            }
        }
    }

    @Test("the similarity with a threshold is the exact similarity, or nil when that is under the threshold",
          arguments: [0.5, 0.8, 0.9, 0.95])
    func similarityAtLeast(threshold: Double) {
        for onlyA in [0, 5, 20, 60, 200] {
            for onlyB in [0, 10, 40] {
                let (a, b) = Self.sets(shared: 300, onlyA: onlyA, onlyB: onlyB, seed: UInt64(onlyA * 100 + onlyB))
                let exact = MainText.similarity(a, b)
                #expect(exact == 300.0 / Double(300 + onlyA + onlyB))
                #expect(ContentDuplicates.similarity(a, b, atLeast: threshold) == (exact >= threshold ? exact : nil))
            }
        }
        // At the threshold exactly: 9 shared of 10 distinct.
        let (a, b) = Self.sets(shared: 9, onlyA: 1, onlyB: 0, seed: 7)
        #expect(ContentDuplicates.similarity(a, b, atLeast: 0.9) == 0.9)
    }
}
