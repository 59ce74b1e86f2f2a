import Foundation

/// Numeric filters. Integers stay integers; floats follow Ruby Liquid's BigDecimal arithmetic
/// (so `0.1 | plus: 0.2` is `0.3`).
enum MathFilters {
    enum Operation { case add, subtract, multiply, divide, modulo }

    enum Number {
        case int(Int)
        case float(Double)
    }

    /// Ruby Liquid's `Utils.to_number`.
    static func number(_ value: LiquidValue) -> Number {
        switch value {
        case .int(let i): return .int(i)
        case .double(let d): return .float(d)
        case .string(let s), .safe(let s):
            let t = s.trimmingRubySpace()
            if isDecimalLiteral(t), let d = Double(t) { return .float(d) }
            guard let i = leadingInteger(t) else { return .int(0) }
            // Ruby reads a digit run beyond 64 bits as a big integer; Herald reads it as a float.
            if i == .max || i == -.max, let d = beyondInt(t) { return .float(d) }
            return .int(i)
        default: return .int(0)
        }
    }

    static func isDecimalLiteral(_ t: String) -> Bool {
        var seenDot = false
        var digitsBefore = 0
        var digitsAfter = 0
        for (i, c) in t.utf8.enumerated() {
            if c == 45 && i == 0 { continue }
            if c == 46 && !seenDot { seenDot = true; continue }
            guard c >= 48 && c <= 57 else { return false }
            if seenDot { digitsAfter += 1 } else { digitsBefore += 1 }
        }
        return seenDot && digitsBefore > 0 && digitsAfter > 0
    }

    /// The leading digit run of `t` (sign and `_` separators as `leadingInteger` reads them) as a float,
    /// when it does not fit in `Int`.
    static func beyondInt(_ t: String) -> Double? {
        var digits: [UInt8] = []
        for (k, c) in t.utf8.enumerated() {
            if (c == 45 || c == 43) && k == 0 { digits.append(c); continue }
            if c >= 48 && c <= 57 { digits.append(c); continue }
            if c == 95 && !digits.isEmpty { continue }
            break
        }
        let text = String(decoding: digits, as: UTF8.self)
        return Int(text) == nil ? Double(text) : nil
    }

    /// Magnitudes that take the exact (`Decimal`) path. `Decimal` holds exponents only up to about ±128 and
    /// traps on underflow and on non-finite input, so operands outside this range, and results these
    /// operands can still push out of it, use `Double` arithmetic instead (Ruby's BigDecimal result is
    /// converted with `to_f` anyway, so the float is what Ruby prints).
    static let exactMagnitudes: ClosedRange<Double> = 1e-30...1e30

    /// `n` as a `Decimal` when it is within `exactMagnitudes` (or zero); nil otherwise.
    static func decimal(_ n: Number) -> Decimal? {
        switch n {
        case .int(let i): return Decimal(i)
        case .float(let d):
            guard d == 0 || exactMagnitudes.contains(d.magnitude) else { return nil }
            return Decimal(string: "\(d)") ?? Decimal(d)
        }
    }

    static func double(_ n: Number) -> Double {
        switch n {
        case .int(let i): return Double(i)
        case .float(let d): return d
        }
    }

    static func double(_ d: Decimal) -> Double {
        Double("\(d)") ?? .nan
    }

    static func isZero(_ n: Number) -> Bool {
        switch n {
        case .int(let i): return i == 0
        case .float(let d): return d == 0
        }
    }

    static func arithmetic(_ a: LiquidValue, _ b: LiquidValue, _ op: Operation) throws -> LiquidValue {
        let x = number(a)
        let y = number(b)
        if case .int(let i) = x, case .int(let j) = y {
            switch op {
            case .add:
                let (r, o) = i.addingReportingOverflow(j)
                return o ? .double(Double(i) + Double(j)) : .int(r)
            case .subtract:
                let (r, o) = i.subtractingReportingOverflow(j)
                return o ? .double(Double(i) - Double(j)) : .int(r)
            case .multiply:
                let (r, o) = i.multipliedReportingOverflow(by: j)
                return o ? .double(Double(i) * Double(j)) : .int(r)
            case .divide:
                guard j != 0 else { throw RenderFailure(.argument, "Liquid error: divided by 0") }
                if i == Int.min && j == -1 { return .double(-Double(i)) }
                var q = i / j
                if (i % j != 0) && ((i < 0) != (j < 0)) { q -= 1 }
                return .int(q)
            case .modulo:
                guard j != 0 else { throw RenderFailure(.argument, "Liquid error: divided by 0") }
                if j == -1 { return .int(0) }
                var r = i % j
                if r != 0 && ((r < 0) != (j < 0)) { r += j }
                return .int(r)
            }
        }
        if (op == .divide || op == .modulo) && isZero(y) { throw RenderFailure(.argument, "Liquid error: divided by 0") }
        if let dx = decimal(x), let dy = decimal(y), let r = exact(dx, dy, op) { return .double(r) }
        let fx = double(x)
        let fy = double(y)
        switch op {
        case .add: return .double(fx + fy)
        case .subtract: return .double(fx - fy)
        case .multiply: return .double(fx * fy)
        case .divide: return .double(fx / fy)
        case .modulo:
            // Ruby's Float#modulo: the remainder takes the sign of the divisor.
            var r = fx.truncatingRemainder(dividingBy: fy)
            if r != 0 && (r < 0) != (fy < 0) { r += fy }
            return .double(r)
        }
    }

    /// `x op y` in `Decimal` (operands within `exactMagnitudes`, `y` not zero for division); nil when the
    /// result is not a finite number.
    static func exact(_ x: Decimal, _ y: Decimal, _ op: Operation) -> Double? {
        let r: Decimal
        switch op {
        case .add: r = x + y
        case .subtract: r = x - y
        case .multiply: r = x * y
        case .divide: r = x / y
        case .modulo:
            var quotient = x / y
            var q = Decimal()
            NSDecimalRound(&q, &quotient, 0, .down)
            // `.down` truncates toward zero; Ruby floors (the remainder takes the divisor's sign).
            if q > quotient { q -= 1 }
            r = x - y * q
        }
        guard !r.isNaN else { return nil }
        let d = double(r)
        return d.isFinite ? d : nil
    }

    static func abs(_ value: LiquidValue) -> LiquidValue {
        switch number(value) {
        case .int(let i): return .int(i == Int.min ? i : Swift.abs(i))
        case .float(let d): return .double(Swift.abs(d))
        }
    }

    static func ceilFloor(_ value: LiquidValue, up: Bool) throws -> LiquidValue {
        switch number(value) {
        case .int(let i): return .int(i)
        case .float(let d):
            let r = up ? d.rounded(.up) : d.rounded(.down)
            guard r.isFinite, Swift.abs(r) < 9.2e18 else { return .double(r) }
            return .int(Int(r))
        }
    }

    static func round(_ value: LiquidValue, _ places: LiquidValue) throws -> LiquidValue {
        let n: Int
        switch number(places) {
        case .int(let i): n = i
        case .float(let d): n = Int(saturating: d)
        }
        switch number(value) {
        case .int(let i):
            if n >= 0 { return .int(i) }
            // |i| < 10^19: rounding to 10^20 or coarser is 0, to 10^19 is 0 or ±10^19 (a float, beyond Int).
            if n < -19 { return .int(0) }
            if n == -19 { return i.magnitude >= 5_000_000_000_000_000_000 ? .double(i < 0 ? -1e19 : 1e19) : .int(0) }
            // Exact on integers, half away from zero as Ruby's Integer#round.
            var p = 1
            for _ in 0..<(-n) { p *= 10 }
            var q = i / p
            let rest = (i % p).magnitude
            if rest >= p.magnitude - rest { q += i < 0 ? -1 : 1 }
            let (r, overflow) = q.multipliedReportingOverflow(by: p)
            return overflow ? .double(Double(q) * Double(p)) : .int(r)
        case .float(let d):
            guard d.isFinite else { return .double(d) }
            let r: Double
            if var dec = decimal(.float(d)) {
                var result = Decimal()
                // Beyond ±60 places a number within `exactMagnitudes` is either unchanged or zero.
                NSDecimalRound(&result, &dec, Swift.min(Swift.max(n, -60), 60), .plain)
                r = double(result)
            } else {
                r = roundDouble(d, places: n)
            }
            if n <= 0 {
                guard Swift.abs(r) < 9.2e18 else { return .double(r) }
                return .int(Int(r))
            }
            return .double(r)
        }
    }

    /// `d` rounded half away from zero to `places` decimal places, for floats outside `exactMagnitudes`.
    static func roundDouble(_ d: Double, places: Int) -> Double {
        if places >= 0 {
            let p = Foundation.pow(10.0, Double(Swift.min(places, 400)))
            let scaled = d * p
            // Past 2^53 every float is an integer, so there is nothing to round at that scale.
            guard scaled.isFinite, scaled.magnitude < 9.007199254740992e15 else { return d }
            return scaled.rounded(.toNearestOrAwayFromZero) / p
        }
        let p = Foundation.pow(10.0, Double(Swift.min(-places, 400)))
        guard p.isFinite else { return 0 }
        return (d / p).rounded(.toNearestOrAwayFromZero) * p
    }

    static func clamp(_ value: LiquidValue, _ bound: LiquidValue, max useMax: Bool) -> LiquidValue {
        let a = number(value)
        let b = number(bound)
        let pick = useMax ? (double(a) >= double(b) ? a : b) : (double(a) <= double(b) ? a : b)
        switch pick {
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        }
    }
}
