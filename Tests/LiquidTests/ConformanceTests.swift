#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Liquid

/// Runs the golden-liquid suite from `../shared` (skipped with a message when absent).
@Suite struct ConformanceTests {
    static func suitePath() -> String? {
        var dir = #filePath
        for _ in 0..<6 {
            dir = String(dir[..<(dir.lastIndex(of: "/") ?? dir.startIndex)])
            for candidate in [dir + "/../shared/conformance/liquid/golden_liquid.json",
                              dir + "/shared/conformance/liquid/golden_liquid.json"] where access(candidate, R_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    @Test func goldenLiquidSuite() throws {
        guard let path = Self.suitePath(), let text = FileSystemLoader.read(path) else {
            print("skipping golden-liquid conformance: ../shared/conformance/liquid/golden_liquid.json not found")
            return
        }
        setenv("TZ", "UTC", 1)
        tzset()
        let report = try LiquidConformance.run(json: text)
        for failure in report.failures {
            print("FAIL \(failure.name)\n  template: \(failure.template.debugDescription)\n  expected: \(failure.expected.debugDescription)\n  actual:   \(failure.actual.debugDescription)")
        }
        let total = report.passed + report.failures.count
        print("golden-liquid: \(report.passed) passed, \(report.failures.count) failed")
        #expect(total > 700)
        #expect(Double(report.passed) >= Double(total) * 0.995)
    }
}
