#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The heuristic models: each splits one conversion over the touches of its journey with weights summing to 1.
public enum RuleBasedModels {
    /// Per-touch weights of `model` for `journey` (same order as `journey.touches`; they sum to 1).
    ///
    /// - `directChannel`: the index of the direct channel, for last non-direct (nil when no touch is direct).
    /// - `halfLifeDays`: for time decay, weight 2^(−age/half-life) where age is the time from the touch to the
    ///   conversion; journeys without times count positions back from the last touch as one-day steps.
    public static func weights(_ model: AttributionModel, for journey: Journey, directChannel: Int?,
                               halfLifeDays: Double) -> [Double] {
        let count = journey.touches.count
        guard count > 0 else { return [] }
        var weights = [Double](repeating: 0, count: count)
        switch model {
        case .firstTouch:
            weights[0] = 1
        case .lastTouch:
            weights[count - 1] = 1
        case .lastNonDirect:
            let index = journey.touches.lastIndex { $0 != directChannel } ?? (count - 1)
            weights[index] = 1
        case .linear:
            let share = 1 / Double(count)
            for i in 0..<count { weights[i] = share }
        case .positionBased:
            weights = positionBased(count)
        case .timeDecay:
            weights = timeDecay(ages: journey.ageDays ?? (0..<count).map { Double(count - 1 - $0) }, halfLifeDays: halfLifeDays)
        case .markov:
            preconditionFailure("the Markov model is not a per-journey rule")
        }
        return weights
    }

    /// 100 % for one touch, 50/50 for two, else 40 % first, 40 % last and 20 % spread over the middle touches.
    public static func positionBased(_ count: Int) -> [Double] {
        switch count {
        case 0: return []
        case 1: return [1]
        case 2: return [0.5, 0.5]
        default:
            var weights = [Double](repeating: 0.2 / Double(count - 2), count: count)
            weights[0] = 0.4
            weights[count - 1] = 0.4
            return weights
        }
    }

    /// 2^(−age/half-life), normalised. Computed relative to the youngest touch so that very old journeys or very
    /// short half-lives cannot underflow to all zeros.
    public static func timeDecay(ages: [Double], halfLifeDays: Double) -> [Double] {
        guard let youngest = ages.min() else { return [] }
        var weights = ages.map { exp2(-($0 - youngest) / halfLifeDays) }
        let total = weights.reduce(0, +)
        for i in weights.indices { weights[i] /= total }
        return weights
    }
}
