/// Credit given to one channel by one model.
public struct Credit: Sendable, Hashable {
    public var conversions: Double
    public var value: Double

    public init(conversions: Double = 0, value: Double = 0) {
        self.conversions = conversions
        self.value = value
    }
}

/// Every model's credit per channel.
public struct AttributionResult: Sendable {
    /// The row for conversions without any touch in their window.
    public static let unattributedChannel = "(none)"

    /// Channel names sorted, then "(none)" when some conversions have no touches.
    public var channels: [String]
    public var models: [AttributionModel]
    /// Model → credit per channel, aligned with `channels`.
    public var credits: [AttributionModel: [Credit]]
    /// Markov removal effect per channel (aligned with `channels`; 0 for "(none)"), when Markov ran.
    public var removalEffects: [Double]?
    public var totalConversions: Double
    public var totalValue: Double

    public func credit(_ model: AttributionModel, _ channel: String) -> Credit? {
        guard let index = channels.firstIndex(of: channel) else { return nil }
        return credits[model]?[index]
    }

    /// The sum of a model's credit over all channels.
    public func total(_ model: AttributionModel) -> Credit {
        (credits[model] ?? []).reduce(into: Credit()) {
            $0.conversions += $1.conversions
            $0.value += $1.value
        }
    }
}

/// Runs the models over a journey set.
public enum Attribution {
    public static func compute(_ set: JourneySet, models: [AttributionModel], directChannel: String,
                               halfLifeDays: Double) throws(LinearSystem.SingularMatrix) -> AttributionResult {
        let n = set.channels.count
        let direct = set.channels.firstIndex(of: directChannel)
        // Sorted output order; `position[i]` is where input channel i lands.
        let order = set.channels.indices.sorted { set.channels[$0] < set.channels[$1] }
        var names = order.map { set.channels[$0] }
        var position = [Int](repeating: 0, count: n)
        for (slot, index) in order.enumerated() { position[index] = slot }
        let hasNone = set.unattributedConversions != 0 || set.unattributedValue != 0
        if hasNone { names.append(AttributionResult.unattributedChannel) }

        var credits: [AttributionModel: [Credit]] = [:]
        var removal: [Double]?
        for model in models.sorted() {
            var row = [Credit](repeating: Credit(), count: names.count)
            if model == .markov {
                let chain = MarkovChain(channelCount: n, journeys: set.journeys)
                let effects = try chain.removalEffects()
                let sum = effects.reduce(0, +)
                var converted = Credit()
                for journey in set.journeys {
                    converted.conversions += journey.conversions
                    converted.value += journey.value
                }
                var aligned = [Double](repeating: 0, count: names.count)
                for channel in 0..<n {
                    aligned[position[channel]] = effects[channel]
                    guard sum > 0 else { continue }
                    let share = effects[channel] / sum
                    row[position[channel]] = Credit(conversions: share * converted.conversions, value: share * converted.value)
                }
                removal = aligned
            } else {
                for journey in set.journeys where journey.conversions != 0 || journey.value != 0 {
                    let weights = RuleBasedModels.weights(model, for: journey, directChannel: direct, halfLifeDays: halfLifeDays)
                    for (touch, weight) in zip(journey.touches, weights) where weight != 0 {
                        row[position[touch]].conversions += weight * journey.conversions
                        row[position[touch]].value += weight * journey.value
                    }
                }
            }
            if hasNone {
                row[names.count - 1] = Credit(conversions: set.unattributedConversions, value: set.unattributedValue)
            }
            credits[model] = row
        }
        return AttributionResult(channels: names, models: models.sorted(), credits: credits, removalEffects: removal,
                                 totalConversions: set.totalConversions, totalValue: set.totalValue)
    }
}
