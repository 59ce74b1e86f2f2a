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
public struct LiquidObject: Sendable {
    public private(set) var keys: [String] = []
    public private(set) var storage: [String: LiquidValue] = [:]

    public init() {}
    public init(_ pairs: [(String, LiquidValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public subscript(key: String) -> LiquidValue? {
        get { storage[key] }
        set {
            if storage[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil, storage[key] != nil { keys.removeAll { $0 == key } }
            storage[key] = newValue
        }
    }

    public var count: Int { keys.count }
}

/// A lazily evaluated object: fields are produced on demand.
public protocol LiquidDrop: Sendable {
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
