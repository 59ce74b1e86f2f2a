/// A value visible to templates.
///
/// Plugins build these directly, or wrap large datasets in a `LiquidDrop`
/// so that a template touching one field does not materialise the rest.
public enum LiquidValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// Markup that is already trusted: never escaped by autoescape.
    case safe(String)
    case array([LiquidValue])
    /// Keys keep their insertion order (templates iterate objects in order).
    case object(LiquidObject)
    case range(ClosedRange<Int>)
    case drop(any LiquidDrop)
}

/// An ordered string-keyed map.
///
/// Keys and values live in two parallel arrays in insertion order, behind one reference (copy-on-write),
/// so a `LiquidValue` holding an object is one pointer to copy. Template data objects are small (a
/// handful of fields): a scan comparing byte counts first and then the strings (two machine words for
/// short keys) is several times cheaper than hashing the key. Past `indexThreshold` keys a dictionary
/// index from key to position takes over.
public struct LiquidObject: Sendable {
    /// Only ever mutated when uniquely referenced (copy-on-write), so the fields skip dynamic exclusivity
    /// checks, which were a tenth of render time on property lookups.
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var keys: [String]
        @exclusivity(unchecked) var values: [LiquidValue]
        /// `fingerprint` of each key: the scan compares these first.
        @exclusivity(unchecked) var prints: [UInt64]
        @exclusivity(unchecked) var index: [String: Int]?
        init(keys: [String] = [], values: [LiquidValue] = [], prints: [UInt64] = [], index: [String: Int]? = nil) {
            self.keys = keys; self.values = values; self.prints = prints; self.index = index
        }
        static let empty = Storage()
    }

    private var box: Storage
    static let indexThreshold = 12

    public init() { box = Storage.empty }
    public init(_ pairs: [(String, LiquidValue)]) {
        box = Storage.empty
        for (key, value) in pairs { self[key] = value }
    }

    /// Keys shared by many objects built with `init(layout:values:)`, their fingerprints computed once.
    public struct Layout: Sendable {
        let keys: [String]
        let prints: [UInt64]
        /// `keys` must be distinct; their order is the objects' key order.
        public init(_ keys: [String]) {
            precondition(Set(keys).count == keys.count, "LiquidObject.Layout needs distinct keys")
            self.keys = keys
            prints = keys.map(fingerprint)
        }
    }

    /// An object with `layout`'s keys holding `values`, built in one go: for objects made by the thousand (a
    /// report's rows), which share one key array instead of growing their own key by key.
    public init(layout: Layout, values: [LiquidValue]) {
        precondition(layout.keys.count == values.count, "LiquidObject(layout:values:) needs one value per key")
        box = Storage(keys: layout.keys, values: values, prints: layout.prints)
        if layout.keys.count > Self.indexThreshold { rebuildIndex() }
    }

    /// An object with `keys` (distinct, in this order) holding `values`.
    public init(keys: [String], values: [LiquidValue]) {
        self.init(layout: Layout(keys), values: values)
    }

    /// Keys in insertion order.
    public var keys: [String] { box.keys }

    /// The position of `key`, or nil.
    @inline(__always) func position(of key: String) -> Int? {
        if let index = box.index { return index[key] }
        return position(of: key, print: fingerprint(key))
    }

    /// The position of `key` whose `fingerprint` is `print`, or nil.
    @inline(__always) func position(of key: String, print: UInt64) -> Int? {
        let box = self.box
        if let index = box.index { return index[key] }
        return box.prints.withUnsafeBufferPointer { prints in
            var i = 0
            while i < prints.count {
                if prints[i] == print, box.keys[i] == key { return i }
                i &+= 1
            }
            return nil
        }
    }

    /// The value of `key` whose `fingerprint` is `print`.
    @inline(__always) func value(_ key: String, print: UInt64) -> LiquidValue? {
        guard let i = position(of: key, print: print) else { return nil }
        return box.values[i]
    }

    public subscript(key: String) -> LiquidValue? {
        get {
            guard let i = position(of: key) else { return nil }
            return box.values[i]
        }
        set {
            let found = position(of: key)
            if found == nil && newValue == nil { return }
            if !isKnownUniquelyReferenced(&box) {
                box = Storage(keys: box.keys, values: box.values, prints: box.prints, index: box.index)
            }
            if let i = found {
                if let newValue {
                    box.values[i] = newValue
                } else {
                    box.keys.remove(at: i)
                    box.values.remove(at: i)
                    box.prints.remove(at: i)
                    if box.index != nil { rebuildIndex() }
                }
            } else if let newValue {
                box.keys.append(key)
                box.values.append(newValue)
                box.prints.append(fingerprint(key))
                if box.index != nil {
                    box.index![key] = box.keys.count - 1
                } else if box.keys.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    private func rebuildIndex() {
        guard box.keys.count > Self.indexThreshold else { box.index = nil; return }
        var built: [String: Int] = [:]
        built.reserveCapacity(box.keys.count)
        for (i, key) in box.keys.enumerated() { built[key] = i }
        box.index = built
    }

    /// The entries as a dictionary (order lost).
    public var storage: [String: LiquidValue] {
        Dictionary(uniqueKeysWithValues: zip(box.keys, box.values))
    }

    public var count: Int { box.keys.count }
}

/// A lazily evaluated object: fields are produced on demand.
///
/// Drops are classes (`AnyObject`): a `LiquidValue` holding one is then a single reference to copy, which
/// keeps every value the renderer passes around small.
public protocol LiquidDrop: AnyObject, Sendable {
    /// The value of `key`, or nil when the drop has no such field.
    func value(forKey key: String) -> LiquidValue?
    /// Keys for iteration and `size`; may be empty.
    var keys: [String] { get }
}

extension LiquidDrop {
    public var keys: [String] { [] }
}

extension LiquidValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: LiquidValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, LiquidValue)...) { self = .object(LiquidObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
}

extension LiquidObject: ExpressibleByDictionaryLiteral {
    /// `["title": "Report", "rows": [1, 2]]`, keys in the order written.
    public init(dictionaryLiteral elements: (String, LiquidValue)...) { self.init(elements) }
}
