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
            return .int(leadingInteger(t) ?? 0)
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

    static func decimal(_ n: Number) -> Decimal {
        switch n {
        case .int(let i): return Decimal(i)
        case .float(let d): return Decimal(string: "\(d)") ?? Decimal(d)
        }
    }

    static func double(_ d: Decimal) -> Double {
        Double("\(d)") ?? 0
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
        let dx = decimal(x)
        let dy = decimal(y)
        switch op {
        case .add: return .double(double(dx + dy))
        case .subtract: return .double(double(dx - dy))
        case .multiply: return .double(double(dx * dy))
        case .divide:
            if dy == 0 { throw RenderFailure(.argument, "Liquid error: divided by 0") }
            return .double(double(dx / dy))
        case .modulo:
            if dy == 0 { throw RenderFailure(.argument, "Liquid error: divided by 0") }
            let fx = double(dx)
            let fy = double(dy)
            let q = (fx / fy).rounded(.down)
            let r = dx - dy * Decimal(string: "\(q)")!
            return .double(double(r))
        }
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
            var p = 1
            for _ in 0..<(-Swift.max(n, -18)) { p *= 10 }
            let q = Double(i) / Double(p)
            let (r, overflow) = Int(saturating: q.rounded(.toNearestOrAwayFromZero)).multipliedReportingOverflow(by: p)
            return overflow ? .double(q.rounded(.toNearestOrAwayFromZero) * Double(p)) : .int(r)
        case .float(let d):
            guard d.isFinite else { return .double(d) }
            var dec = Decimal(string: "\(d)") ?? Decimal(d)
            var result = Decimal()
            NSDecimalRound(&result, &dec, n, d < 0 ? .plain : .plain)
            let r = double(result)
            if n <= 0 {
                guard Swift.abs(r) < 9.2e18 else { return .double(r) }
                return .int(Int(r))
            }
            return .double(r)
        }
    }

    static func clamp(_ value: LiquidValue, _ bound: LiquidValue, max useMax: Bool) -> LiquidValue {
        let a = number(value)
        let b = number(bound)
        func asDouble(_ n: Number) -> Double {
            switch n {
            case .int(let i): return Double(i)
            case .float(let d): return d
            }
        }
        let pick = useMax ? (asDouble(a) >= asDouble(b) ? a : b) : (asDouble(a) <= asDouble(b) ? a : b)
        switch pick {
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        }
    }
}
