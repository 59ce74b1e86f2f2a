#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Liquid

/// `herald liquid bench FIXTURES_DIR`: times parse and render over golden-liquid benchmark fixtures with the
/// method of ../shared/bench/liquid/{ruby_bench.rb,python_bench.py}, so the three outputs read side by side.
/// Each sample is read on two clocks: wall-clock (as the peers' scripts) and the thread's CPU time, which
/// does not count time the scheduler gave to other processes (bench/liquid/*_cpu_bench.* do the same for
/// the peers); the CPU medians are extra columns after `check`.
struct LiquidBench {
    var directory: String
    var samples = 7
    var minTime = 0.25
    var only: [String]? = nil

    static let usage = "usage: herald liquid bench FIXTURES_DIR [--samples K] [--min-time SECONDS] [--only NAME[,NAME]]"

    static func run(_ arguments: [String]) -> Int32 {
        var bench = LiquidBench(directory: "")
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            let value = i + 1 < arguments.count ? arguments[i + 1] : nil
            switch argument {
            case "--samples":
                guard let v = value.flatMap(Int.init), v >= 1 else { return LiquidCommand.fail(usage, 2) }
                bench.samples = v; i += 1
            case "--min-time":
                guard let v = value.flatMap(Double.init), v > 0 else { return LiquidCommand.fail(usage, 2) }
                bench.minTime = v; i += 1
            case "--only":
                guard let v = value else { return LiquidCommand.fail(usage, 2) }
                bench.only = v.split(separator: ",").map(String.init); i += 1
            case "--help", "-h":
                print(usage)
                return 0
            default:
                if argument.hasPrefix("-") || !bench.directory.isEmpty {
                    return LiquidCommand.fail("unexpected argument '\(argument)'\n" + usage, 2)
                }
                bench.directory = argument
            }
            i += 1
        }
        guard !bench.directory.isEmpty else { return LiquidCommand.fail("bench needs FIXTURES_DIR\n" + usage, 2) }
        return bench.runAll()
    }

    /// One fixture read into memory before timing (no disk I/O is timed).
    struct Fixture {
        var name: String
        var partials: [String: String]
        var index: String
        var data: LiquidObject
        var expected: String
    }

    func fixtures() throws -> [Fixture] {
        let fm = FileManager.default
        var names = (try fm.contentsOfDirectory(atPath: directory)).sorted().filter {
            fm.fileExists(atPath: "\(directory)/\($0)/templates/index.liquid")
        }
        if let only { names = names.filter { only.contains($0) } }
        return try names.map { name in
            let root = "\(directory)/\(name)"
            var partials: [String: String] = [:]
            for entry in try fm.contentsOfDirectory(atPath: root + "/templates") {
                partials[entry] = FileSystemLoader.read("\(root)/templates/\(entry)")
            }
            guard case .object(let data) = try JSONReader.parse(FileSystemLoader.read(root + "/data.json") ?? "") else {
                throw LiquidError(.argument, "\(root)/data.json is not a JSON object")
            }
            return Fixture(name: name, partials: partials, index: partials["index.liquid"] ?? "", data: data,
                           expected: Self.currentYear(in: FileSystemLoader.read(root + "/expected_result.txt") ?? ""))
        }
    }

    func runAll() -> Int32 {
        setenv("TZ", "UTC", 0)
        tzset()
        let list: [Fixture]
        do { list = try fixtures() } catch { return LiquidCommand.fail("\(error)", 1) }
        guard !list.isEmpty else { return LiquidCommand.fail("no fixtures found under \(directory)", 1) }
        print("# engine=herald-liquid \(heraldVersion) samples=\(samples) min_time=\(minTime)s clocks=wall,thread_cpu")
        print(Self.row("fixture", "parse_us", "render_us", "both_us", "iters", "check parse_cpu_us render_cpu_us both_cpu_us"))
        var totals = (parse: 0.0, render: 0.0, both: 0.0)
        var ok = 0
        var mismatches: [String] = []
        for fixture in list {
            do {
                let loader = InMemoryLoader(fixture.partials)
                let first = try LiquidEngine(loader: loader).parse(fixture.index, name: "index.liquid").render(fixture.data)
                var status = Self.check(first, fixture.expected)
                let engine = LiquidEngine(loader: loader)
                let template = try engine.parse(fixture.index, name: "index.liquid")
                let (parse, parseCPU, nParse) = try measure { _ = try engine.parse(fixture.index, name: "index.liquid") }
                let (render, renderCPU, nRender) = try measure { _ = try template.renderBytes(fixture.data) }
                let (both, bothCPU, nBoth) = try measure {
                    _ = try LiquidEngine(loader: loader).parse(fixture.index, name: "index.liquid").renderBytes(fixture.data)
                }
                let again = try LiquidEngine(loader: loader).parse(fixture.index, name: "index.liquid").render(fixture.data)
                if Self.check(again, fixture.expected) != status { status += "(drift)" }
                if status.hasPrefix("MISMATCH") {
                    mismatches.append(fixture.name)
                    Self.reportMismatch(fixture.name, first, fixture.expected)
                } else {
                    ok += 1
                }
                totals.parse += parse; totals.render += render; totals.both += both
                print(Self.row(fixture.name, Self.fmt(parse), Self.fmt(render), Self.fmt(both),
                               "\(nParse)/\(nRender)/\(nBoth)",
                               "\(status) \(Self.fmt(parseCPU)) \(Self.fmt(renderCPU)) \(Self.fmt(bothCPU))"))
            } catch {
                mismatches.append(fixture.name)
                _ = LiquidCommand.fail("\(fixture.name): \(error)", 1)
            }
        }
        let failed = mismatches.isEmpty ? "" : "(\(mismatches.joined(separator: ",")))"
        print("summary: engine=herald-liquid fixtures=\(list.count) output_ok=\(ok) mismatch=\(mismatches.count)\(failed) "
              + "total_parse_us=\(Self.fmt(totals.parse)) total_render_us=\(Self.fmt(totals.render)) "
              + "total_both_us=\(Self.fmt(totals.both))")
        return 0
    }

    // MARK: Timing (same method as the peers' scripts)

    func timeN(_ n: Int, _ body: () throws -> Void) rethrows -> Double {
        try timeBoth(n, body).wall
    }

    /// Wall-clock and thread CPU seconds for `n` calls.
    func timeBoth(_ n: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let w0 = clock(CLOCK_MONOTONIC), c0 = clock(CLOCK_THREAD_CPUTIME_ID)
        for _ in 0..<n { try body() }
        let c1 = clock(CLOCK_THREAD_CPUTIME_ID)
        return (clock(CLOCK_MONOTONIC) - w0, c1 - c0)
    }

    /// Iterations so that one sample lasts about `minTime`.
    func calibrate(_ body: () throws -> Void) rethrows -> Int {
        var n = 1
        while true {
            let t = try timeN(n, body)
            if t >= minTime / 10 || n >= 1 << 24 { return max(Int((Double(n) * minTime / t).rounded(.up)), 1) }
            n *= 4
        }
    }

    /// Median wall-clock and CPU microseconds per call over `samples` samples, after one discarded warm-up
    /// sample, and the calls per sample.
    func measure(_ body: () throws -> Void) rethrows -> (Double, Double, Int) {
        let n = try calibrate(body)
        _ = try timeN(n, body)
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<samples {
            let t = try timeBoth(n, body)
            wall.append(t.wall / Double(n) * 1e6)
            cpu.append(t.cpu / Double(n) * 1e6)
        }
        return (Self.median(wall), Self.median(cpu), n)
    }

    func clock(_ id: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(id, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }

    // MARK: Output check

    /// Expected files hold the year they were made in after `&copy; `; expect the current one instead.
    static func currentYear(in text: String) -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        let year = String(parts.tm_year + 1900)
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "&copy; ") {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let digits = rest.prefix(4)
            if digits.count == 4, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) {
                result += year
                rest = rest.dropFirst(4)
            }
        }
        return result + rest
    }

    static func rstrip(_ s: Substring) -> Substring {
        var end = s.endIndex
        while end > s.startIndex, let c = s[s.index(before: end)].unicodeScalars.first,
              c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" || c == "\0" {
            end = s.index(before: end)
        }
        return s[..<end]
    }

    static func normalize(_ s: String) -> String {
        String(rstrip(Substring(s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { rstrip($0) }.joined(separator: "\n"))))
    }

    static func check(_ actual: String, _ expected: String) -> String {
        if actual == expected { return "exact" }
        if normalize(actual) == normalize(expected) { return "trimmed" }
        let squeeze = { (s: String) in String(s.unicodeScalars.filter { !$0.properties.isWhitespace }) }
        return squeeze(actual) == squeeze(expected) ? "MISMATCH(ws-only)" : "MISMATCH"
    }

    static func reportMismatch(_ name: String, _ actual: String, _ expected: String) {
        let a: [String] = normalize(actual).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let e: [String] = normalize(expected).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(_ lines: [String], _ i: Int) -> String? { i < lines.count ? lines[i] : nil }
        var index = 0
        while index < max(a.count, e.count), line(a, index) == line(e, index) { index += 1 }
        let expectedLine = line(e, index) ?? "nil", actualLine = line(a, index) ?? "nil"
        _ = LiquidCommand.fail("\(name): output differs from expected_result.txt at line \(index + 1)\n"
                               + "  expected: \(expectedLine.debugDescription)\n  actual:   \(actualLine.debugDescription)", 0)
    }

    static func fmt(_ x: Double) -> String { String(format: "%.1f", x) }

    static func row(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String, _ f: String) -> String {
        func pad(_ s: String, _ w: Int, left: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, w - s.count))
            return left ? s + fill : fill + s
        }
        let columns: [String] = [pad(a, 8, left: true), pad(b, 12, left: false), pad(c, 12, left: false),
                                 pad(d, 12, left: false), pad(e, 9, left: false), f]
        return columns.joined(separator: " ")
    }
}
