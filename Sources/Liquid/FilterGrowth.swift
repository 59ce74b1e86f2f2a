/// Bounds on what filters may build. A filter result counts against `maxOutputBytes` like output does
/// (string bytes, array elements), and the filters whose result can be a multiple of their input
/// (`join`, `replace`) are checked before they run, so a chain like `split: '' | join: long_text`
/// cannot allocate gigabytes before any limit sees it.
extension RenderContext {
    @inline(__always) func checkResultSize(_ value: LiquidValue) throws {
        let limit = options.limits.maxOutputBytes
        switch value {
        case .string(let s), .safe(let s):
            if s.utf8.count > limit { throw growthFailure() }
        case .array(let items):
            if items.count > limit { throw growthFailure() }
        default:
            break
        }
    }

    func checkGrowth(_ filter: StandardFilter, _ input: LiquidValue, _ args: [LiquidValue]) throws {
        let limit = options.limits.maxOutputBytes
        switch filter {
        case .join:
            guard case .array(let items) = input else { return }
            let glue = args.first.map { $0.liquidString.utf8.count } ?? 1
            if items.count.multipliedReportingOverflow(by: glue).partialValue > limit || items.count > limit {
                throw growthFailure()
            }
        case .replace:
            guard args.count > 1 else { return }
            let text = input.liquidString.utf8, search = args[0].liquidString.utf8, replacement = args[1].liquidString.utf8
            guard replacement.count > search.count else { return }
            // Cheap upper bound first; count the actual matches only when the bound is over the limit.
            let bound = (text.count / max(search.count, 1) + 1).multipliedReportingOverflow(by: replacement.count)
            guard bound.overflow || bound.partialValue + text.count > limit else { return }
            let matches = search.isEmpty ? text.count + 1 : StringFilters.occurrences(of: Array(search), in: Array(text))
            let size = matches.multipliedReportingOverflow(by: replacement.count - search.count)
            if size.overflow || size.partialValue + text.count > limit { throw growthFailure() }
        default:
            break
        }
    }

    private func growthFailure() -> RenderFailure {
        RenderFailure(.limit, "Memory limits exceeded: a filter result is larger than \(options.limits.maxOutputBytes) bytes")
    }
}

extension StringFilters {
    /// Non-overlapping occurrences of a non-empty `needle`.
    static func occurrences(of needle: [UInt8], in hay: [UInt8]) -> Int {
        var count = 0
        var from = 0
        while let i = find(hay, needle, from: from) {
            count += 1
            from = i + needle.count
        }
        return count
    }
}
