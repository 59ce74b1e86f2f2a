/// The standard filters of Shopify Liquid 5, plus `safe` (and `json`).
enum StandardFilter: String, CaseIterable {
    case abs, append, at_least, at_most, base64_decode, base64_encode, base64_url_safe_decode, base64_url_safe_encode
    case capitalize, ceil, compact, concat, date, `default`, divided_by, downcase, escape, escape_once
    case find, find_index, first, floor, has, h, join, json, last, lstrip, map, minus, modulo, newline_to_br
    case plus, prepend, reject, remove, remove_first, remove_last, replace, replace_first, replace_last
    case reverse, round, rstrip, safe, size, slice, sort, sort_natural, split, strip, strip_html, strip_newlines
    case sum, times, truncate, truncatewords, uniq, upcase, url_decode, url_encode, `where`

    /// Allowed positional argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .abs, .base64_decode, .base64_encode, .base64_url_safe_decode, .base64_url_safe_encode, .capitalize,
             .ceil, .downcase, .escape, .escape_once, .first, .floor, .h, .json, .last, .lstrip, .newline_to_br,
             .reverse, .rstrip, .safe, .size, .strip, .strip_html, .strip_newlines, .upcase, .url_decode, .url_encode:
            return 0...0
        case .append, .at_least, .at_most, .concat, .date, .divided_by, .minus, .modulo, .plus, .prepend, .remove,
             .remove_first, .remove_last, .split, .times:
            return 1...1
        case .compact, .join, .round, .sort, .sort_natural, .sum, .uniq, .default:
            return 0...1
        case .map:
            return 1...1
        case .replace, .replace_first, .replace_last:
            return 1...2
        case .slice:
            return 1...2
        case .truncate, .truncatewords:
            return 0...2
        case .where, .reject, .find, .find_index, .has:
            return 1...2
        }
    }

    func apply(_ input: LiquidValue, _ args: [LiquidValue], _ keywords: [(String, LiquidValue)],
               _ context: RenderContext) throws -> LiquidValue {
        guard arity.contains(args.count) else {
            let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound + 1)"
                : "\(arity.lowerBound + 1)..\(arity.upperBound + 1)"
            throw RenderFailure(.argument, "Liquid error: wrong number of arguments (given \(args.count + 1), expected \(expected))")
        }
        @inline(__always) func arg(_ i: Int) -> LiquidValue { i < args.count ? args[i] : .null }
        switch self {
        // Strings
        case .append: return .string(input.liquidString + arg(0).liquidString)
        case .prepend: return .string(arg(0).liquidString + input.liquidString)
        case .capitalize: return .string(StringFilters.capitalize(input.liquidString))
        case .downcase: return .string(StringFilters.changeCase(input.liquidString, upper: false))
        case .upcase: return .string(StringFilters.changeCase(input.liquidString, upper: true))
        case .escape, .h:
            if input.isNil { return .null }
            let text = input.liquidString
            var out = OutputBuffer(capacity: text.utf8.count + 16)
            appendEscaped(text, to: &out)
            return .safe(out.string())
        case .escape_once: return .safe(StringFilters.escapeOnce(input.liquidString))
        case .safe: return .safe(input.liquidString)
        case .json: return .safe(JSONText.encode(input))
        case .lstrip: return .string(StringFilters.strip(input.liquidString, leading: true, trailing: false))
        case .rstrip: return .string(StringFilters.strip(input.liquidString, leading: false, trailing: true))
        case .strip: return .string(StringFilters.strip(input.liquidString, leading: true, trailing: true))
        case .newline_to_br: return .string(StringFilters.newlineToBr(input.liquidString))
        case .strip_newlines: return .string(StringFilters.stripNewlines(input.liquidString))
        case .strip_html: return .string(StringFilters.stripHTML(input.liquidString))
        case .remove: return .string(StringFilters.replace(input.liquidString, arg(0).liquidString, "", mode: .all))
        case .remove_first: return .string(StringFilters.replace(input.liquidString, arg(0).liquidString, "", mode: .first))
        case .remove_last: return .string(StringFilters.replace(input.liquidString, arg(0).liquidString, "", mode: .last))
        case .replace:
            return .string(StringFilters.replace(input.liquidString, arg(0).liquidString, arg(1).liquidString, mode: .all))
        case .replace_first:
            return .string(StringFilters.replace(input.liquidString, arg(0).liquidString, arg(1).liquidString, mode: .first))
        case .replace_last:
            return .string(StringFilters.replace(input.liquidString, arg(0).liquidString, arg(1).liquidString, mode: .last))
        case .split: return StringFilters.split(input.liquidString, arg(0).liquidString)
        case .truncate:
            let length = args.count > 0 ? try toInteger(arg(0)) : 50
            let ellipsis = args.count > 1 ? arg(1).liquidString : "..."
            return .string(StringFilters.truncate(input.liquidString, length, ellipsis))
        case .truncatewords:
            let words = args.count > 0 ? try toInteger(arg(0)) : 15
            let ellipsis = args.count > 1 ? arg(1).liquidString : "..."
            return .string(StringFilters.truncateWords(input.liquidString, words, ellipsis))
        case .url_encode:
            if input.isNil { return .null }
            return .string(StringFilters.urlEncode(input.liquidString))
        case .url_decode:
            if input.isNil { return .null }
            return .string(StringFilters.urlDecode(input.liquidString))
        case .base64_encode: return .string(Base64.encode(Array(input.liquidString.utf8), urlSafe: false))
        case .base64_url_safe_encode: return .string(Base64.encode(Array(input.liquidString.utf8), urlSafe: true))
        case .base64_decode:
            guard let bytes = Base64.decode(input.liquidString, urlSafe: false) else {
                throw RenderFailure(.argument, "Liquid error: invalid base64 provided to base64_decode")
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        case .base64_url_safe_decode:
            guard let bytes = Base64.decode(input.liquidString, urlSafe: true) else {
                throw RenderFailure(.argument, "Liquid error: invalid base64 provided to base64_url_safe_decode")
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        case .slice: return try StringFilters.slice(input, arg(0), args.count > 1 ? arg(1) : Optional<LiquidValue>.none)
        case .size: return ArrayFilters.size(input)
        case .date: return try DateFilter.apply(input, arg(0))
        case .default:
            // The last `allow_false:` wins, as with a hash.
            let allowFalse = keywords.last { $0.0 == "allow_false" }?.1.isTruthy ?? false
            let fallback = args.count > 0 ? arg(0) : .string("")
            let missing = allowFalse ? input.isNil : !input.isTruthy
            if missing || input.isEmptyLiquid { return fallback }
            return input
        // Math
        case .plus: return try MathFilters.arithmetic(input, arg(0), .add)
        case .minus: return try MathFilters.arithmetic(input, arg(0), .subtract)
        case .times: return try MathFilters.arithmetic(input, arg(0), .multiply)
        case .divided_by: return try MathFilters.arithmetic(input, arg(0), .divide)
        case .modulo: return try MathFilters.arithmetic(input, arg(0), .modulo)
        case .abs: return MathFilters.abs(input)
        case .ceil: return try MathFilters.ceilFloor(input, up: true)
        case .floor: return try MathFilters.ceilFloor(input, up: false)
        case .round: return try MathFilters.round(input, args.count > 0 ? arg(0) : .int(0))
        case .at_least: return MathFilters.clamp(input, arg(0), max: true)
        case .at_most: return MathFilters.clamp(input, arg(0), max: false)
        // Arrays
        case .join: return .string(ArrayFilters.join(input, args.count > 0 ? arg(0).liquidString : " "))
        case .first: return ArrayFilters.first(input)
        case .last: return ArrayFilters.last(input)
        case .reverse: return .array(ArrayFilters.iterate(input).reversed())
        case .concat: return try ArrayFilters.concat(input, arg(0))
        case .compact: return try ArrayFilters.compact(input, args.count > 0 ? arg(0) : Optional<LiquidValue>.none)
        case .uniq: return try ArrayFilters.uniq(input, args.count > 0 ? arg(0) : Optional<LiquidValue>.none)
        case .map: return try ArrayFilters.map(input, arg(0))
        case .sort: return try ArrayFilters.sort(input, args.count > 0 ? arg(0) : nil, natural: false)
        case .sort_natural: return try ArrayFilters.sort(input, args.count > 0 ? arg(0) : nil, natural: true)
        case .sum: return try ArrayFilters.sum(input, args.count > 0 ? arg(0) : Optional<LiquidValue>.none)
        case .where: return try ArrayFilters.select(input, arg(0), args.count > 1 ? arg(1) : nil, mode: .where)
        case .reject: return try ArrayFilters.select(input, arg(0), args.count > 1 ? arg(1) : nil, mode: .reject)
        case .find: return try ArrayFilters.select(input, arg(0), args.count > 1 ? arg(1) : nil, mode: .find)
        case .find_index: return try ArrayFilters.select(input, arg(0), args.count > 1 ? arg(1) : nil, mode: .findIndex)
        case .has: return try ArrayFilters.select(input, arg(0), args.count > 1 ? arg(1) : nil, mode: .has)
        }
    }
}

/// Ruby Liquid's `Utils.to_integer`: integers, or strings holding an integer.
func toInteger(_ value: LiquidValue) throws -> Int {
    switch value {
    case .int(let i): return i
    case .string(let s), .safe(let s):
        var t = s.trimmingRubySpace()
        if t.contains("_") { t = t.replacingUnderscores() }
        if let i = Int(t) { return i }
        throw RenderFailure(.argument, "Liquid error: invalid integer")
    default:
        throw RenderFailure(.argument, "Liquid error: invalid integer")
    }
}

extension String {
    func replacingUnderscores() -> String { String(unicodeScalars.filter { $0 != "_" }.map(Character.init)) }
}
