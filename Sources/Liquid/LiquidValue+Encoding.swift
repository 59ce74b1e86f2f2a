import Foundation

extension LiquidValue {
    /// Converts an `Encodable` model: objects keep the encoder's key order, `Date` becomes an ISO 8601
    /// string, `URL` its absolute string, `Data` base64, optionals nil.
    public init(encoding value: some Encodable) throws {
        let encoder = ValueEncoder(codingPath: [])
        try encoder.encodeValue(value)
        self = encoder.result
    }
}

/// A reference cell so nested containers can write into their parent.
private final class Box {
    var value: LiquidValue
    init(_ value: LiquidValue) { self.value = value }
}

private final class ValueEncoder: Encoder {
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private var storage: Box? = nil
    private var single: LiquidValue = .null

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    var result: LiquidValue { storage?.value.resolved ?? single }

    func encodeValue<T: Encodable>(_ value: T) throws {
        if let special = ValueEncoder.special(value) {
            single = special
            return
        }
        try value.encode(to: self)
    }

    static func special<T: Encodable>(_ value: T) -> LiquidValue? {
        switch value {
        case let date as Date: return .string(ISO8601DateFormatter().string(from: date))
        case let url as URL: return .string(url.absoluteString)
        case let data as Data: return .string(data.base64EncodedString())
        case let decimal as Decimal: return .double(NSDecimalNumber(decimal: decimal).doubleValue)
        case let value as LiquidValue: return value
        default: return nil
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = storage ?? Box(.object(LiquidObject()))
        if storage == nil { storage = box }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box = storage ?? Box(.array([]))
        if storage == nil { storage = box }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    fileprivate func setSingle(_ value: LiquidValue) { single = value }

    static func encodeNested<T: Encodable>(_ value: T, path: [any CodingKey]) throws -> LiquidValue {
        if let special = special(value) { return special }
        let encoder = ValueEncoder(codingPath: path)
        try value.encode(to: encoder)
        return encoder.result
    }
}

private extension LiquidValue {
    /// Placeholder boxes for nested containers are stored as `.drop(BoxDrop)`; resolve them.
    var resolved: LiquidValue {
        switch self {
        case .drop(let drop as BoxDrop): return drop.box.value.resolved
        case .array(let items): return .array(items.map(\.resolved))
        case .object(let object):
            var out = LiquidObject()
            for key in object.keys { out[key] = object[key]!.resolved }
            return .object(out)
        default: return self
        }
    }
}

private final class BoxDrop: LiquidDrop, @unchecked Sendable {
    let box: Box
    init(box: Box) { self.box = box }
    func value(forKey key: String) -> LiquidValue? { nil }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: Box
    var codingPath: [any CodingKey]

    private func set(_ value: LiquidValue, _ key: Key) {
        guard case .object(var object) = box.value else { return }
        box.value = .null
        object[key.stringValue] = value
        box.value = .object(object)
    }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(.double(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let i = value as? any BinaryInteger { set(.int(Int(truncatingIfNeeded: i)), key); return }
        set(try ValueEncoder.encodeNested(value, path: codingPath + [key]), key)
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { set(.null, key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = Box(.object(LiquidObject()))
        set(.drop(BoxDrop(box: nested)), key)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = Box(.array([]))
        set(.drop(BoxDrop(box: nested)), key)
        return UnkeyedContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(codingPath: codingPath + [key]) }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ i: Int) { stringValue = String(i); intValue = i }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.init(intValue) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: Box
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = box.value { return items.count }
        return 0
    }

    private func append(_ value: LiquidValue) {
        guard case .array(var items) = box.value else { return }
        box.value = .null
        items.append(value)
        box.value = .array(items)
    }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(.double(value)) }
    mutating func encode(_ value: Int) throws { append(.int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let i = value as? any BinaryInteger { append(.int(Int(truncatingIfNeeded: i))); return }
        append(try ValueEncoder.encodeNested(value, path: codingPath + [IndexKey(count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = Box(.object(LiquidObject()))
        append(.drop(BoxDrop(box: nested)))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = Box(.array([]))
        append(.drop(BoxDrop(box: nested)))
        return UnkeyedContainer(box: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.setSingle(.null) }
    mutating func encode(_ value: Bool) throws { encoder.setSingle(.bool(value)) }
    mutating func encode(_ value: String) throws { encoder.setSingle(.string(value)) }
    mutating func encode(_ value: Double) throws { encoder.setSingle(.double(value)) }
    mutating func encode(_ value: Float) throws { encoder.setSingle(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { encoder.setSingle(.int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let i = value as? any BinaryInteger { encoder.setSingle(.int(Int(truncatingIfNeeded: i))); return }
        encoder.setSingle(try ValueEncoder.encodeNested(value, path: codingPath))
    }
}

extension LiquidValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .string(let s), .safe(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .range(let r): try container.encode(Array(r))
        case .object(let o):
            var dict: [String: LiquidValue] = [:]
            for key in o.keys { dict[key] = o[key] }
            try container.encode(dict)
        case .drop(let d):
            var dict: [String: LiquidValue] = [:]
            for key in d.keys { dict[key] = d.value(forKey: key) }
            try container.encode(dict)
        }
    }
}
