#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rendering a layout around markup that is already bytes (a page body rendered a moment before).
///
/// Passing the body as `.safe(String(decoding: body, as: UTF8.self))` validates every byte again to make the
/// string, only for the layout to copy it back out: on a report of thousands of pages, a tenth of the time. When the
/// layout only ever prints the variable bare (`{{ content }}`), its output is the same whatever the text, so the
/// layout is rendered with a marker in its place and the bytes are put where the marker landed.
extension LiquidTemplate {
    /// `renderBytes(variables)` with `name` set to `.safe` markup whose UTF-8 is `bytes` (valid UTF-8, such as a
    /// render's output), or nil when the template reads `name` in any other way than a bare `{{ name }}` output
    /// outside `capture` and `ifchanged`, binds it, or renders partials (the caller then renders with the string).
    public func renderBytes(_ variables: LiquidObject, splicing name: String, _ bytes: [UInt8]) throws -> [UInt8]? {
        let bare = barePrints.withLock { known in
            if let bare = known[name] { return bare }
            let bare = Self.printsOnlyBare(name, nodes)
            known[name] = bare
            return bare
        }
        guard bare else { return nil }
        var scope = variables
        scope[name] = .safe(Self.marker)
        let rendered = try renderBytes(scope)
        let markerBytes = Self.markerBytes
        var out: [UInt8] = []
        var start = 0
        var found = 0
        rendered.withUnsafeBufferPointer { text in
            markerBytes.withUnsafeBufferPointer { needle in
                var index = 0
                while let at = Self.find(needle, in: text, from: index) {
                    if found == 0 { out.reserveCapacity(rendered.count - needle.count + bytes.count) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<at]))
                    out.append(contentsOf: bytes)
                    found += 1
                    index = at + needle.count
                    start = index
                }
            }
        }
        if found == 0 { return rendered }
        out.append(contentsOf: rendered[start...])
        // Past the output limit the string render fails with the limit's own error.
        return out.count > engine.options.limits.maxOutputBytes ? nil : out
    }

    /// Random per process, so no value in a render can hold it by design or chance.
    private static let marker = "\u{1}splice-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        + String(UInt64.random(in: 0...UInt64.max), radix: 36) + "\u{1}"
    private static let markerBytes = Array(marker.utf8)

    /// The first position of `needle` (not empty) in `text` from `start` on.
    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start + needle.count <= text.count, let first = needle.first else { return nil }
        var at = start
        while at + needle.count <= text.count {
            guard let hit = memchr(text.baseAddress! + at, Int32(first), text.count - needle.count + 1 - at) else { return nil }
            at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - text.baseAddress!
            if memcmp(text.baseAddress! + at, needle.baseAddress!, needle.count) == 0 { return at }
            at += 1
        }
        return nil
    }

    /// Whether every use of the variable `name` in `nodes` is a bare `{{ name }}` output, none inside a `capture`
    /// or `ifchanged` body (`printing` false), and nothing binds `name` or could read it by a computed name or
    /// from a partial.
    static func printsOnlyBare(_ name: String, _ nodes: [Node], printing: Bool = true) -> Bool {
        func mentions(_ expr: Expr?) -> Bool {
            switch expr {
            case .variable(let path)?: return path.name == name || path.path.contains(where: mentions)
            case .dynamicVariable?: return true
            case .range(let range)?: return mentions(range.low) || mentions(range.high)
            case .literal?, .empty?, .blank?, nil: return false
            }
        }
        func mentions(_ step: PathStep) -> Bool {
            if case .dynamic(let expr) = step { return mentions(expr) }
            return false
        }
        func mentions(_ filtered: FilteredExpr) -> Bool {
            mentions(filtered.expr) || filtered.filters.contains { call in
                call.arguments.contains(where: mentions) || call.keywords.contains { mentions($0.1) }
            }
        }
        func mentions(_ condition: Condition?) -> Bool {
            condition?.comparisons.contains { mentions($0.left) || mentions($0.right) } ?? false
        }
        for node in nodes {
            switch node {
            case .text, .breakLoop, .continueLoop:
                continue
            case .output(let filtered):
                if case .variable(let path) = filtered.expr, path.name == name, path.path.isEmpty, filtered.filters.isEmpty {
                    if !printing { return false }
                } else if mentions(filtered) {
                    return false
                }
            case .assign(let node):
                if node.name == name || mentions(node.value) { return false }
            case .capture(let node):
                if node.name == name || !printsOnlyBare(name, node.body, printing: false) { return false }
            case .conditional(let node):
                if node.conditions.contains(where: mentions) { return false }
                if !node.bodies.allSatisfy({ printsOnlyBare(name, $0, printing: printing) }) { return false }
            case .caseTag(let node):
                if mentions(node.subject) { return false }
                for branch in node.branches {
                    if branch.values?.contains(where: mentions) ?? false { return false }
                    if !printsOnlyBare(name, branch.body, printing: printing) { return false }
                }
            case .forLoop(let node):
                if node.variable == name || mentions(node.collection) || mentions(node.limit) || mentions(node.offset) { return false }
                if !printsOnlyBare(name, node.body, printing: printing) { return false }
                if let elseBody = node.elseBody, !printsOnlyBare(name, elseBody, printing: printing) { return false }
            case .tablerow(let node):
                if node.variable == name || mentions(node.collection) || mentions(node.cols) || mentions(node.limit)
                    || mentions(node.offset) || !printsOnlyBare(name, node.body, printing: printing) {
                    return false
                }
            case .cycle(let node):
                if mentions(node.group) || node.values.contains(where: mentions) { return false }
            case .counter(let node):
                if node.name == name { return false }
            case .partial:
                return false
            case .ifchanged(let body):
                if !printsOnlyBare(name, body, printing: false) { return false }
            }
        }
        return true
    }
}
