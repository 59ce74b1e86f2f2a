// Liquid's (Ruby's) rules for truthiness, stringification, equality and ordering.

extension LiquidValue {
    /// Only `nil` and `false` are falsy.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .drop(let drop): return !(drop is NilDrop)
        default: return true
        }
    }

    var isNil: Bool {
        if case .null = self { return true }
        return false
    }

    /// The text `{{ value }}` produces (Ruby's `to_s`, arrays joined without separator).
    public var liquidString: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return formatRubyFloat(d)
        case .string(let s), .safe(let s): return s
        case .array:
            var bytes = OutputBuffer()
            write(to: &bytes)
            return bytes.string()
        case .object(let object): return inspectObject(object)
        case .range(let r): return "\(r.lowerBound)..\(r.upperBound)"
        case .drop(let drop):
            if let custom = drop as? any CustomLiquidString { return custom.liquidString }
            return ""
        }
    }

    /// Appends the `to_s` form of the value to `out`.
    func write(to out: inout OutputBuffer) {
        switch self {
        case .null: return
        case .string(let s), .safe(let s): out.append(s)
        case .int(let i): appendInt(i, to: &out)
        case .array(let items): for item in items { item.write(to: &out) }
        default: out.append(liquidString)
        }
    }

    /// Ruby's `inspect`, used for nested values of a hash.
    var inspectString: String {
        switch self {
        case .null: return "nil"
        case .string(let s), .safe(let s): return rubyInspect(s)
        case .array(let items): return "[" + items.map(\.inspectString).joined(separator: ", ") + "]"
        default: return liquidString
        }
    }

    var isString: Bool {
        switch self {
        case .string, .safe: return true
        default: return false
        }
    }

    /// The string when the value is a string, else nil.
    var stringPayload: String? {
        switch self {
        case .string(let s), .safe(let s): return s
        default: return nil
        }
    }

    var isNumber: Bool {
        switch self {
        case .int, .double: return true
        default: return false
        }
    }

    /// Liquid `empty`: empty string, array or hash.
    var isEmptyLiquid: Bool {
        switch self {
        case .string(let s), .safe(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .object(let o): return o.count == 0
        case .range(let r): return r.isEmpty
        default: return false
        }
    }

    /// Liquid `blank`: nil, false, whitespace-only string, empty collection.
    var isBlankLiquid: Bool {
        switch self {
        case .null: return true
        case .bool(let b): return !b
        case .string(let s), .safe(let s): return s.utf8.allSatisfy { isRubySpace($0) }
        case .array(let a): return a.isEmpty
        case .object(let o): return o.count == 0
        case .drop(let d): return d is NilDrop
        default: return false
        }
    }

    /// Ruby `==` as used by Liquid conditions.
    func liquidEquals(_ other: LiquidValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int(let a), .double(let b)): return Double(a) == b
        case (.double(let a), .int(let b)): return a == Double(b)
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)), (.safe(let a), .safe(let b)),
             (.string(let a), .safe(let b)), (.safe(let a), .string(let b)):
            return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.liquidEquals($1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for key in a.keys {
                guard let x = a[key], let y = b[key], x.liquidEquals(y) else { return false }
            }
            return true
        case (.range(let a), .range(let b)): return a == b
        case (.drop(let a), .drop(let b)):
            return (a is NilDrop && b is NilDrop)
        case (.drop(let a), .null), (.null, .drop(let a)): return a is NilDrop
        default: return false
        }
    }

    /// Ruby `<=>` for numbers and strings; nil when the values are not comparable.
    func liquidCompare(_ other: LiquidValue) -> Int? {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.int(let a), .double(let b)): return cmp(Double(a), b)
        case (.double(let a), .int(let b)): return cmp(a, Double(b))
        case (.double(let a), .double(let b)): return cmp(a, b)
        default:
            if let a = stringPayload, let b = other.stringPayload {
                return compareBytes(a, b)
            }
            return nil
        }
    }

    /// Ruby class name, for error messages.
    var rubyClassName: String {
        switch self {
        case .null: return "NilClass"
        case .bool(let b): return b ? "TrueClass" : "FalseClass"
        case .int: return "Integer"
        case .double: return "Float"
        case .string, .safe: return "String"
        case .array: return "Array"
        case .object: return "Hash"
        case .range: return "Range"
        case .drop: return "Drop"
        }
    }

    /// Elements of an array-like value (ranges expanded), nil for other values.
    var arrayElements: [LiquidValue]? {
        switch self {
        case .array(let a): return a
        case .range(let r): return r.map { .int($0) }
        default: return nil
        }
    }

    /// `property` lookup: hash keys, drop fields, and the `size`/`first`/`last` commands.
    func property(_ key: String, command: Bool, print: UInt64? = nil) -> LiquidValue? {
        switch self {
        case .object(let object):
            if let value = object.value(key, print: print ?? fingerprint(key)) { return value }
            if command, key == "size" { return .int(object.count) }
            return nil
        case .drop(let drop):
            if let value = drop.value(forKey: key) { return value }
            if command, key == "size" { return .int(drop.keys.count) }
            return nil
        case .array(let items):
            guard command else { return nil }
            switch key {
            case "size": return .int(items.count)
            case "first": return items.first
            case "last": return items.last
            default: return nil
            }
        case .range(let r):
            guard command else { return nil }
            switch key {
            case "size": return .int(r.count)
            case "first": return .int(r.lowerBound)
            case "last": return .int(r.upperBound)
            default: return nil
            }
        case .string(let s), .safe(let s):
            if command, key == "size" { return .int(ScalarOffsets.count(s)) }
            return nil
        default:
            return nil
        }
    }

    /// Integer index into arrays (negative counts from the end).
    func element(at index: Int) -> LiquidValue? {
        switch self {
        case .array(let items):
            let i = index < 0 ? items.count + index : index
            return i >= 0 && i < items.count ? items[i] : nil
        case .range(let r):
            let count = r.count
            let i = index < 0 ? count + index : index
            return i >= 0 && i < count ? .int(r.lowerBound + i) : nil
        default:
            return nil
        }
    }
}

/// A drop standing for an explicit nil (used internally).
final class NilDrop: LiquidDrop {
    func value(forKey key: String) -> LiquidValue? { nil }
}

/// Drops that render as text when output directly.
public protocol CustomLiquidString {
    var liquidString: String { get }
}

@inline(__always) func isRubySpace(_ b: UInt8) -> Bool {
    b == 32 || (b >= 9 && b <= 13)
}

@inline(__always) private func cmp(_ a: Double, _ b: Double) -> Int? {
    if a < b { return -1 }
    if a > b { return 1 }
    if a == b { return 0 }
    return nil
}

func compareBytes(_ a: String, _ b: String) -> Int {
    var ia = a.utf8.makeIterator()
    var ib = b.utf8.makeIterator()
    while true {
        switch (ia.next(), ib.next()) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let x?, let y?): if x != y { return x < y ? -1 : 1 }
        }
    }
}

func appendInt(_ value: Int, to out: inout OutputBuffer) {
    if value >= 0 && value < 10 { out.append(UInt8(48 + value)); return }
    var v = value.magnitude
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
        while v > 0 {
            buffer[count] = UInt8(48 + v % 10)
            v /= 10
            count += 1
        }
        if value < 0 { out.append(45) }
        var i = count - 1
        while i >= 0 { out.append(buffer[i]); i -= 1 }
    }
}

/// Ruby's `Float#to_s`.
func formatRubyFloat(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    // Shortest round-trip digits from Swift, then Ruby's layout.
    var text = "\(d.magnitude)"
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exponent = Int(text[text.index(after: e)...]) ?? 0
        text = String(text[..<e])
    }
    var digits = ""
    var pointPosition = 0
    if let dot = text.firstIndex(of: ".") {
        let intPart = text[..<dot]
        let fracPart = text[text.index(after: dot)...]
        digits = String(intPart) + String(fracPart)
        pointPosition = intPart.count
    } else {
        digits = text
        pointPosition = text.count
    }
    // Normalise: strip leading zeros.
    while digits.hasPrefix("0") && digits.count > 1 {
        digits.removeFirst()
        pointPosition -= 1
    }
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    let decpt = pointPosition + exponent
    let sign = d < 0 ? "-" : ""
    if decpt > 0 && decpt <= 16 {
        if digits.count <= decpt {
            return sign + digits + String(repeating: "0", count: decpt - digits.count) + ".0"
        }
        let i = digits.index(digits.startIndex, offsetBy: decpt)
        return sign + digits[..<i] + "." + digits[i...]
    }
    if decpt <= 0 && decpt > -4 {
        return sign + "0." + String(repeating: "0", count: -decpt) + digits
    }
    let e = decpt - 1
    let mantissa = digits.count == 1 ? digits + ".0" : String(digits.first!) + "." + digits.dropFirst()
    let expText = abs(e) < 10 ? "0\(abs(e))" : "\(abs(e))"
    return sign + mantissa + "e" + (e < 0 ? "-" : "+") + expText
}

func rubyInspect(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

func inspectObject(_ object: LiquidObject) -> String {
    var parts: [String] = []
    for key in object.keys {
        parts.append(rubyInspect(key) + "=>" + (object[key] ?? .null).inspectString)
    }
    return "{" + parts.joined(separator: ", ") + "}"
}
