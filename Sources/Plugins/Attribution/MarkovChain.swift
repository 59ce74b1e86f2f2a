/// The first-order absorbing Markov chain of a set of journeys, and its removal effects.
///
/// States: `start`, one per channel, and the absorbing `conversion` and `null`. Each journey adds its weight
/// (conversions + nulls) to start → c₁ → … → cₖ, then `conversions` to cₖ → conversion and `nulls` to
/// cₖ → null. Repeated channels (c → c) stay in as self-loops; they change how long a walk stays in a state,
/// never where it is absorbed.
///
/// P(conversion) is solved exactly from (I − Q) x = r, with Q the transient-to-transient probabilities and r the
/// transient-to-conversion probabilities (no simulation). Removing a channel turns its state into a dead end
/// (every walk reaching it is absorbed in null); the removal effect is 1 − P_without / P.
public struct MarkovChain: Sendable {
    /// Number of channels; transient states are 0 = start and 1...channelCount.
    public let channelCount: Int
    /// Transition weights out of each transient state, row-major: (channelCount + 1) rows of
    /// (channelCount + 3) columns: the transient states, then conversion, then null.
    private var counts: [Double]
    private var width: Int { channelCount + 3 }

    public init(channelCount: Int, journeys: [Journey]) {
        self.channelCount = channelCount
        counts = [Double](repeating: 0, count: (channelCount + 1) * (channelCount + 3))
        let conversion = channelCount + 1
        let null = channelCount + 2
        for journey in journeys {
            let weight = journey.conversions + journey.nulls
            guard weight > 0, let last = journey.touches.last else { continue }
            var from = 0
            for channel in journey.touches {
                counts[from * width + channel + 1] += weight
                from = channel + 1
            }
            counts[(last + 1) * width + conversion] += journey.conversions
            counts[(last + 1) * width + null] += journey.nulls
        }
    }

    /// The probability of transition `from` → `to` (state indices as in `counts`).
    public func probability(from: Int, to: Int) -> Double {
        let total = rowTotal(from)
        return total > 0 ? counts[from * width + to] / total : 0
    }

    private func rowTotal(_ row: Int) -> Double {
        var total = 0.0
        for k in 0..<width { total += counts[row * width + k] }
        return total
    }

    /// P(start ⇝ conversion), optionally with one channel (0-based) removed.
    public func conversionProbability(removing removed: Int? = nil) throws(LinearSystem.SingularMatrix) -> Double {
        let n = channelCount + 1
        var a = [Double](repeating: 0, count: n * n)
        var b = [Double](repeating: 0, count: n)
        for row in 0..<n {
            a[row * n + row] = 1
            if let removed, row == removed + 1 { continue }
            let total = rowTotal(row)
            guard total > 0 else { continue }
            for column in 0..<n { a[row * n + column] -= counts[row * width + column] / total }
            b[row] = counts[row * width + channelCount + 1] / total
        }
        return try LinearSystem.solve(a, b, size: n)[0]
    }

    /// The removal effect of every channel: 1 − P(conversion without it) / P(conversion); 0 when P is 0.
    ///
    /// Exact, in O(n³) for all channels together: with x the absorption probabilities, N = (I − Q)⁻¹ the
    /// fundamental matrix and h = N[start][c] / N[c][c] the probability of ever visiting c, a walk converts without
    /// c with probability x[start] − h · x[c] (strong Markov property at the first visit to c). This equals
    /// solving the chain again with c turned into a dead end (`conversionProbability(removing:)`), which the
    /// tests check, without one O(n³) solve per channel.
    public func removalEffects() throws(LinearSystem.SingularMatrix) -> [Double] {
        let n = channelCount + 1
        var a = [Double](repeating: 0, count: n * n)
        var b = [Double](repeating: 0, count: n)
        for row in 0..<n {
            a[row * n + row] = 1
            let total = rowTotal(row)
            guard total > 0 else { continue }
            for column in 0..<n { a[row * n + column] -= counts[row * width + column] / total }
            b[row] = counts[row * width + channelCount + 1] / total
        }
        let lu = try LUDecomposition(a, size: n)
        let x = lu.solve(b)
        let base = x[0]
        guard base > 0 else { return [Double](repeating: 0, count: channelCount) }
        var unit = [Double](repeating: 0, count: n)
        unit[0] = 1
        let fromStart = lu.solveTransposed(unit)  // row `start` of N
        var effects: [Double] = []
        effects.reserveCapacity(channelCount)
        for channel in 0..<channelCount {
            let state = channel + 1
            guard fromStart[state] > 0, x[state] > 0 else {
                effects.append(0)
                continue
            }
            unit = [Double](repeating: 0, count: n)
            unit[state] = 1
            let diagonal = lu.solve(unit)[state]  // N[c][c] ≥ 1
            let without = base - fromStart[state] / diagonal * x[state]
            effects.append(min(1, max(0, 1 - without / base)))
        }
        return effects
    }
}
