/// Array filters. Inputs go through Ruby Liquid's `InputIterator`: arrays are flattened, a hash is a
/// one-element list, nil is empty and any other value a one-element list.
enum ArrayFilters {
    static func iterate(_ value: LiquidValue) -> [LiquidValue] {
        switch value {
        case .array(let items):
            if items.contains(where: { if case .array = $0 { return true } else { return false } }) {
                var flat: [LiquidValue] = []
                flatten(items, into: &flat)
                return flat
            }
            return items
        case .range(let r): return r.map { .int($0) }
        case .null: return []
        default: return [value]
        }
    }

    static func flatten(_ items: [LiquidValue], into out: inout [LiquidValue]) {
        for item in items {
            if case .array(let inner) = item { flatten(inner, into: &out) } else { out.append(item) }
        }
    }

    static func join(_ input: LiquidValue, _ glue: String) -> String {
        let items = iterate(input)
        var out = OutputBuffer()
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(glue) }
            item.write(to: &out)
        }
        return out.string()
    }

    static func size(_ input: LiquidValue) -> LiquidValue {
        switch input {
        case .string(let s), .safe(let s): return .int(ScalarOffsets.count(s))
        case .array(let a): return .int(a.count)
        case .object(let o): return .int(o.count)
        case .range(let r): return .int(r.count)
        case .int: return .int(8)
        case .drop(let d):
            if let sequence = d as? any LiquidSequenceDrop { return .int(sequence.elements.count) }
            if let v = d.value(forKey: "size") { return v }
            return .int(d.keys.count)
        default: return .int(0)
        }
    }

    static func first(_ input: LiquidValue) -> LiquidValue {
        switch input {
        case .array(let a): return a.first ?? .null
        case .range(let r): return .int(r.lowerBound)
        case .object(let o):
            guard let key = o.keys.first else { return .null }
            return .array([.string(key), o[key] ?? .null])
        default: return .null
        }
    }

    static func last(_ input: LiquidValue) -> LiquidValue {
        switch input {
        case .array(let a): return a.last ?? .null
        case .range(let r): return .int(r.upperBound)
        default: return .null
        }
    }

    static func concat(_ input: LiquidValue, _ other: LiquidValue) throws -> LiquidValue {
        guard case .array(let extra) = other else {
            throw RenderFailure(.argument, "Liquid error: concat filter requires an array argument")
        }
        return .array(iterate(input) + extra)
    }

    /// `item[property]` as Ruby would evaluate it; throws for values that cannot be indexed by a string.
    static func fetch(_ item: LiquidValue, _ property: LiquidValue) throws -> LiquidValue {
        switch item {
        case .object, .drop:
            if let key = property.stringPayload { return item.property(key, command: false) ?? .null }
            if case .int(let i) = property { return item.property(String(i), command: false) ?? .null }
            return .null
        case .string(let s), .safe(let s):
            // Ruby's String#[](String): the substring when present.
            if let key = property.stringPayload { return s.contains(key) ? .string(key) : .null }
            if case .int(let i) = property {
                let scalars = Array(s.unicodeScalars)
                let j = i < 0 ? scalars.count + i : i
                return j >= 0 && j < scalars.count ? .string(String(scalars[j])) : .null
            }
            throw RenderFailure(.argument, "Liquid error: cannot select the property '\(property.liquidString)'")
        case .null:
            return .null
        case .array(let items):
            if case .int(let i) = property { return item.element(at: i) ?? .null }
            _ = items
            throw RenderFailure(.argument, "Liquid error: cannot select the property '\(property.liquidString)'")
        case .int:
            if case .int = property { return .int(0) }
            throw RenderFailure(.argument, "Liquid error: cannot select the property '\(property.liquidString)'")
        default:
            throw RenderFailure(.argument, "Liquid error: cannot select the property '\(property.liquidString)'")
        }
    }

    static func map(_ input: LiquidValue, _ property: LiquidValue) throws -> LiquidValue {
        .array(try iterate(input).map { item in
            if property.stringPayload == "to_liquid" { return item }
            return try fetch(item, property)
        })
    }

    static func compact(_ input: LiquidValue, _ property: LiquidValue?) throws -> LiquidValue {
        let items = iterate(input)
        guard let property, !property.isNil else { return .array(items.filter { !$0.isNil }) }
        return .array(try items.filter { !(try fetch($0, property)).isNil })
    }

    static func uniq(_ input: LiquidValue, _ property: LiquidValue?) throws -> LiquidValue {
        let items = iterate(input)
        var seen: [LiquidValue] = []
        var out: [LiquidValue] = []
        for item in items {
            let key = (property == nil || property!.isNil) ? item : try fetch(item, property!)
            if seen.contains(where: { strictEqual($0, key) }) { continue }
            seen.append(key)
            out.append(item)
        }
        return .array(out)
    }

    /// Ruby `eql?`: like `==` but integers and floats differ.
    static func strictEqual(_ a: LiquidValue, _ b: LiquidValue) -> Bool {
        switch (a, b) {
        case (.int, .double), (.double, .int): return false
        default: return a.liquidEquals(b)
        }
    }

    static func sort(_ input: LiquidValue, _ property: LiquidValue?, natural: Bool) throws -> LiquidValue {
        let items = iterate(input)
        if items.isEmpty { return .array([]) }
        var keyed: [(LiquidValue, LiquidValue)] = []
        keyed.reserveCapacity(items.count)
        for item in items {
            if let property, !property.isNil {
                keyed.append((try fetch(item, property), item))
            } else {
                keyed.append((item, item))
            }
        }
        var failure: RenderFailure? = nil
        let sorted = try mergeSort(keyed) { a, b in
            if natural {
                if a.0.isNil || b.0.isNil { return a.0.isNil ? (b.0.isNil ? 0 : 1) : -1 }
                return compareCaseInsensitive(a.0.liquidString, b.0.liquidString)
            }
            if let order = a.0.liquidCompare(b.0) { return order }
            if a.0.isNil && b.0.isNil { return 0 }
            if a.0.isNil { return 1 }
            if b.0.isNil { return -1 }
            failure = RenderFailure(.argument, "Liquid error: cannot sort values of incompatible types")
            throw failure!
        }
        return .array(sorted.map(\.1))
    }

    /// A stable sort with a throwing three-way comparator.
    static func mergeSort<T>(_ items: [T], _ compare: (T, T) throws -> Int) throws -> [T] {
        if items.count < 2 { return items }
        var a = items
        var b = items
        var width = 1
        let n = items.count
        while width < n {
            var i = 0
            while i < n {
                let mid = min(i + width, n)
                let hi = min(i + 2 * width, n)
                var l = i, r = mid, k = i
                while l < mid && r < hi {
                    if try compare(a[r], a[l]) < 0 { b[k] = a[r]; r += 1 } else { b[k] = a[l]; l += 1 }
                    k += 1
                }
                while l < mid { b[k] = a[l]; l += 1; k += 1 }
                while r < hi { b[k] = a[r]; r += 1; k += 1 }
                i += 2 * width
            }
            swap(&a, &b)
            width *= 2
        }
        return a
    }

    static func compareCaseInsensitive(_ a: String, _ b: String) -> Int {
        var ia = a.utf8.makeIterator()
        var ib = b.utf8.makeIterator()
        while true {
            switch (ia.next(), ib.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (var x?, var y?):
                if x >= 65 && x <= 90 { x += 32 }
                if y >= 65 && y <= 90 { y += 32 }
                if x != y { return x < y ? -1 : 1 }
            }
        }
    }

    static func sum(_ input: LiquidValue, _ property: LiquidValue?) throws -> LiquidValue {
        let items = iterate(input)
        var total: LiquidValue = .int(0)
        for item in items {
            var value = item
            if let property, !property.isNil {
                switch item {
                case .null, .bool, .double: value = .int(0)
                default: value = try fetch(item, property)
                }
            }
            switch value {
            case .int, .double: break
            case .string, .safe: break
            default: value = .int(0)
            }
            total = try MathFilters.arithmetic(total, value, .add)
        }
        return total
    }

    enum SelectMode { case `where`, reject, find, findIndex, has }

    static func select(_ input: LiquidValue, _ property: LiquidValue, _ target: LiquidValue?,
                       mode: SelectMode) throws -> LiquidValue {
        let items = iterate(input)
        if items.isEmpty {
            switch mode {
            case .where, .reject: return .array([])
            case .has: return .bool(false)
            case .find, .findIndex: return .null
            }
        }
        // A nil property matches nothing: `has` answers false, the others nil (as golden-liquid expects).
        if property.isNil { return mode == .has ? .bool(false) : .null }
        // Ruby returns nil from the whole filter when an item cannot be indexed (nil, booleans, floats).
        for item in items {
            switch item {
            case .null, .bool, .double: return .null
            default: break
            }
        }
        func matches(_ item: LiquidValue) throws -> Bool {
            let value = try fetch(item, property)
            if let target, !target.isNil { return value.liquidEquals(target) }
            return value.isTruthy
        }
        switch mode {
        case .where: return .array(try items.filter(matches))
        case .reject: return .array(try items.filter { !(try matches($0)) })
        case .has: return .bool(try items.contains(where: matches))
        case .find: return try items.first(where: matches) ?? .null
        case .findIndex:
            for (i, item) in items.enumerated() where try matches(item) { return .int(i) }
            return .null
        }
    }
}
