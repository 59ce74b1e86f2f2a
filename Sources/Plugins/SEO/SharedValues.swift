/// How many values two sorted sets of 64-bit integers (each value once) share: the numerator of their Jaccard
/// similarity, which the near-duplicate search computes for every candidate pair.
enum SharedValues {
    /// The count, or nil as soon as it can no longer reach `needed`.
    ///
    /// Compares four values of each set at a time (all sixteen pairs, without branches), then moves past the block
    /// with the smaller last value, or both: a plain merge advances by one comparison whose outcome the next load
    /// waits on, four times the steps. A value in a block left behind is at most the other block's last value, so
    /// its partner, if any, was in a block it met: every shared value is counted once, when both its blocks meet.
    static func count(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>, atLeast needed: Int = 0) -> Int? {
        let na = a.count, nb = b.count
        guard let a = a.baseAddress, let b = b.baseAddress else { return needed > 0 ? nil : 0 }
        var i = 0, j = 0, shared = 0
        while i + 4 <= na, j + 4 <= nb {
            // Each value is at most once in each block, so a value of a's block is shared when it equals any of
            // b's, in one of the four rotations.
            let x = SIMD4(a[i], a[i + 1], a[i + 2], a[i + 3]), y = SIMD4(b[j], b[j + 1], b[j + 2], b[j + 3])
            let a3 = x[3], b3 = y[3]
            let equal = (x .== y) .| (x .== SIMD4(y[1], y[2], y[3], y[0])) .| (x .== SIMD4(y[2], y[3], y[0], y[1]))
                .| (x .== SIMD4(y[3], y[0], y[1], y[2]))
            // A true lane is all ones, -1 as an integer.
            shared &-= Int(unsafeBitCast(equal, to: SIMD4<Int64>.self).wrappedSum())
            i &+= a3 <= b3 ? 4 : 0
            j &+= b3 <= a3 ? 4 : 0
            // Values behind i and j have met all their possible partners, so at most min(na - i, nb - j) more are
            // shared.
            if shared &+ min(na &- i, nb &- j) < needed { return nil }
        }
        // The rest, one value at a time (no pair counted above has both values at or after i and j).
        while i < na, j < nb {
            let x = a[i], y = b[j]
            shared &+= x == y ? 1 : 0
            i &+= x <= y ? 1 : 0
            j &+= y <= x ? 1 : 0
        }
        return shared < needed ? nil : shared
    }
}
