/// The variables of one scope (the template's assigns, a loop's variable and `forloop`, a partial's
/// parameters). Scopes are small, and Swift compares short strings as two machine words, so a linear
/// search beats hashing the name on every lookup; past `indexThreshold` entries a dictionary index takes
/// over so that templates with many assigns stay linear.
///
/// The variables are the first `count` entries: emptying a scope for reuse (loops and partials reuse the
/// scopes of the render context) only resets `count`, and later entries are overwritten in place. Names
/// and values share one array, so a scope is one allocation.
struct VariableScope {
    private struct Entry {
        var name: String
        var print: UInt64
        var value: LiquidValue
    }
    private var entries: [Entry] = []
    private var count = 0
    private var index: [String: Int]? = nil
    static let indexThreshold = 24

    init() {}

    /// Room for `capacity` names before the storage grows (a loop scope holds two, the template's own a few).
    init(capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    /// Empties the scope, keeping its storage.
    @inline(__always) mutating func removeAll() {
        count = 0
        index = nil
    }

    /// Comparing fingerprints first skips mismatches without reading the names.
    @inline(__always) private func slot(_ name: String, print: UInt64) -> Int? {
        if let index { return index[name] }
        var i = 0
        while i < count {
            if entries[i].print == print, entries[i].name == name { return i }
            i += 1
        }
        return nil
    }

    @inline(__always) subscript(name: String) -> LiquidValue? {
        value(name, print: fingerprint(name))
    }

    /// The value of `name`, whose `fingerprint` is `print`.
    @inline(__always) func value(_ name: String, print: UInt64) -> LiquidValue? {
        guard let i = slot(name, print: print) else { return nil }
        return entries[i].value
    }

    @inline(__always) mutating func set(_ name: String, _ value: LiquidValue) {
        set(name, print: fingerprint(name), value)
    }

    @inline(__always) mutating func set(_ name: String, print: UInt64, _ value: LiquidValue) {
        if let i = slot(name, print: print) {
            entries[i].value = value
        } else {
            add(name, print, value)
        }
    }

    @inline(never) private mutating func add(_ name: String, _ print: UInt64, _ value: LiquidValue) {
        let entry = Entry(name: name, print: print, value: value)
        if count < entries.count {
            entries[count] = entry
        } else {
            // Room for a few up front: growing one entry at a time reallocated twice for a scope of three.
            if entries.isEmpty { entries.reserveCapacity(4) }
            entries.append(entry)
        }
        count += 1
        if index != nil {
            index![name] = count - 1
        } else if count > Self.indexThreshold {
            var built: [String: Int] = [:]
            for i in 0..<count { built[entries[i].name] = i }
            index = built
        }
    }
}
