import Generator
import HeraldData

/// `plugins.attribution` settings. Every key is optional; unknown keys are errors.
///
/// ```yaml
/// attribution:
///   lookback_days: 30        # window before each conversion, N × 86,400 s on instants
///   half_life_days: 7        # time decay half-life
///   direct_channel: Direct   # the channel last non-direct skips
///   models: [first_touch, last_touch, last_non_direct, linear, position_based, time_decay, markov]
/// ```
public struct AttributionSettings: Sendable, Decodable {
    public var lookbackDays: Int = 30
    public var halfLifeDays: Double = 7
    public var directChannel: String = "Direct"
    public var models: [AttributionModel] = AttributionModel.allCases

    enum CodingKeys: String, CodingKey, CaseIterable {
        case lookbackDays, halfLifeDays, directChannel, models
    }

    public init(lookbackDays: Int = 30, halfLifeDays: Double = 7, directChannel: String = "Direct",
                models: [AttributionModel] = AttributionModel.allCases) {
        self.lookbackDays = lookbackDays
        self.halfLifeDays = halfLifeDays
        self.directChannel = directChannel
        self.models = models
    }

    /// Decodes the types strictly; `load(_:)` then checks the values with their locations.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lookbackDays = try container.decodeIfPresent(Int.self, forKey: .lookbackDays) ?? 30
        halfLifeDays = try container.decodeIfPresent(Double.self, forKey: .halfLifeDays) ?? 7
        directChannel = try container.decodeIfPresent(String.self, forKey: .directChannel) ?? "Direct"
        let names = try container.decodeIfPresent([String].self, forKey: .models)
        models = names.map { $0.compactMap(AttributionModel.init(rawValue:)) } ?? AttributionModel.allCases
        modelNames = names
    }

    /// The model names as written, for validation.
    private var modelNames: [String]?

    /// Decodes and validates the settings; every problem is a `Diagnostic` at the offending key.
    public static func load(_ settings: PluginSettings) throws -> AttributionSettings {
        var decoded = try settings.decode(AttributionSettings.self)
        func location(_ key: String, index: Int? = nil) -> SourceLocation { settings.location(of: key, index: index) }
        if decoded.lookbackDays < 1 {
            throw Diagnostic("lookback_days must be at least 1, found \(decoded.lookbackDays)", at: location("lookback_days"))
        }
        if !(decoded.halfLifeDays > 0) || !decoded.halfLifeDays.isFinite {
            throw Diagnostic("half_life_days must be a positive number, found \(decoded.halfLifeDays)", at: location("half_life_days"))
        }
        if decoded.directChannel.isEmpty {
            throw Diagnostic("direct_channel must not be empty", at: location("direct_channel"))
        }
        if let names = decoded.modelNames {
            let known = AttributionModel.allCases.map(\.rawValue).joined(separator: ", ")
            for (index, name) in names.enumerated() where AttributionModel(rawValue: name) == nil {
                throw Diagnostic("unknown attribution model '\(name)'; expected one of: \(known)", at: location("models", index: index))
            }
            if names.isEmpty {
                throw Diagnostic("models must list at least one model (\(known))", at: location("models"))
            }
            decoded.models = Array(Set(decoded.models)).sorted()
        }
        return decoded
    }
}
