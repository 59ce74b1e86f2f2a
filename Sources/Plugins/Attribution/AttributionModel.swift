/// The attribution models the plugin computes, in report order.
public enum AttributionModel: String, Sendable, Hashable, CaseIterable, Comparable {
    case firstTouch = "first_touch"
    case lastTouch = "last_touch"
    case lastNonDirect = "last_non_direct"
    case linear
    case positionBased = "position_based"
    case timeDecay = "time_decay"
    case markov

    /// The column heading in reports.
    public var title: String {
        switch self {
        case .firstTouch: "First touch"
        case .lastTouch: "Last touch"
        case .lastNonDirect: "Last non-direct"
        case .linear: "Linear"
        case .positionBased: "Position-based"
        case .timeDecay: "Time decay"
        case .markov: "Markov"
        }
    }

    /// Position in `allCases`: the report order.
    public var order: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: AttributionModel, b: AttributionModel) -> Bool { a.order < b.order }
}
