/// The variables of one scope (the template's assigns, a loop's variable and `forloop`, a partial's
/// parameters). Scopes are small, and Swift compares short strings as two machine words, so a linear
/// search beats hashing the name on every lookup; past `indexThreshold` entries a dictionary index takes
/// over so that templates with many assigns stay linear.
struct VariableScope {
    private var names: [String] = []
    private var values: [LiquidValue] = []
    private var index: [String: Int]? = nil
    static let indexThreshold = 24

    init() {}

    /// Room for `capacity` names before the arrays grow (a loop scope holds two, the template's own a few).
    init(capacity: Int) {
        names.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Empties the scope, keeping its storage.
    mutating func removeAll() {
        names.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        index = nil
    }

    @inline(__always) private func slot(_ name: String) -> Int? {
        if let index { return index[name] }
        // Comparing byte counts first (O(1) for native strings) skips most mismatches without a string compare.
        let length = name.utf8.count
        var i = 0
        while i < names.count {
            if names[i].utf8.count == length, names[i] == name { return i }
            i += 1
        }
        return nil
    }

    @inline(__always) subscript(name: String) -> LiquidValue? {
        guard let i = slot(name) else { return nil }
        return values[i]
    }

    @inline(__always) mutating func set(_ name: String, _ value: LiquidValue) {
        if let i = slot(name) {
            values[i] = value
            return
        }
        names.append(name)
        values.append(value)
        if index != nil {
            index![name] = names.count - 1
        } else if names.count > Self.indexThreshold {
            var built: [String: Int] = [:]
            for (i, n) in names.enumerated() { built[n] = i }
            index = built
        }
    }
}
