import AttributionPlugin
import HeraldData
import Testing

struct SettingsTests {
    @Test func defaults() throws {
        let decoded = try AttributionSettings.load(settings())
        #expect(decoded.lookbackDays == 30)
        #expect(decoded.halfLifeDays == 7)
        #expect(decoded.directChannel == "Direct")
        #expect(decoded.models == AttributionModel.allCases)
    }

    @Test func valuesAndModelListAreRead() throws {
        let location = SourceLocation(file: "tenant.yml", line: 9)
        let decoded = try AttributionSettings.load(settings([
            ("lookback_days", .int(14)), ("half_life_days", .double(3.5)), ("direct_channel", .string("(direct)")),
            ("models", .array([ConfigNode(.string("markov"), at: location), ConfigNode(.string("first_touch"), at: location),
                               ConfigNode(.string("markov"), at: location)])),
        ]))
        #expect(decoded.lookbackDays == 14)
        #expect(decoded.halfLifeDays == 3.5)
        #expect(decoded.directChannel == "(direct)")
        #expect(decoded.models == [.firstTouch, .markov])
    }

    static let invalid: [(String, ConfigValue, String)] = [
        ("lookbak_days", ConfigValue.int(3), "unknown key 'lookbak_days'"),
        ("lookback_days", .string("thirty"), "expected an integer"),
        ("lookback_days", .int(0), "lookback_days must be at least 1"),
        ("half_life_days", .int(0), "half_life_days must be a positive number"),
        ("direct_channel", .string(""), "direct_channel must not be empty"),
        ("models", .array([]), "models must list at least one model"),
    ]

    @Test(arguments: invalid)
    func invalidSettingsAreErrorsWithALocation(key: String, value: ConfigValue, message: String) {
        let error = #expect(throws: Diagnostic.self) { try AttributionSettings.load(settings([(key, value)])) }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(error?.location.file == "herald.yml")
    }

    @Test func anUnknownModelNamesItsListEntry() {
        let first = SourceLocation(file: "tenant.yml", line: 12, column: 7)
        let second = SourceLocation(file: "tenant.yml", line: 13, column: 7)
        let error = #expect(throws: Diagnostic.self) {
            try AttributionSettings.load(settings([("models", .array([ConfigNode(.string("linear"), at: first),
                                                                      ConfigNode(.string("shapley"), at: second)]))]))
        }
        #expect(error?.message.contains("unknown attribution model 'shapley'") == true)
        #expect(error?.location.line == 13)
        #expect(error?.location.keyPath == "models[1]")
    }
}
