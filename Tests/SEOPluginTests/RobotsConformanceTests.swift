#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import SEOPlugin

/// One allow/disallow decision from Google's robotstxt tests (`../shared/conformance/robots/`).
struct RobotsConformanceCase: Sendable, Decodable, CustomTestStringConvertible {
    var group: String
    var robots_txt: String
    var user_agent: String
    var url: String
    var expected_allowed: Bool
    var source_line: Int

    var testDescription: String { "\(group) (robots_test.cc:\(source_line)) \(user_agent) \(url.prefix(60))" }

    func decision(_ normalization: RobotsPattern.Normalization) -> RobotsDecision {
        RobotsMatcher(RobotsFile(bytes: Array(robots_txt.utf8)), normalization: normalization).decision(agent: user_agent, url: url)
    }
}

/// Every visible case of the google/robotstxt conformance file; skipped with a message when `../shared` is absent.
@Suite struct RobotsConformanceTests {
    struct Suite: Decodable { var count: Int; var cases: [RobotsConformanceCase] }

    static let path: String? = {
        var dir = #filePath
        for _ in 0..<6 {
            dir = String(dir[..<(dir.lastIndex(of: "/") ?? dir.startIndex)])
            for candidate in [dir + "/../shared/conformance/robots/google_robotstxt_cases.json",
                              dir + "/shared/conformance/robots/google_robotstxt_cases.json"] where access(candidate, R_OK) == 0 {
                return candidate
            }
        }
        return nil
    }()

    static let suite: Suite? = path.flatMap { FileManager.default.contents(atPath: $0) }.flatMap { try? JSONDecoder().decode(Suite.self, from: $0) }

    /// The three ID_Encoding cases where RFC 3986 normalisation of the URL gives a different answer from Google's
    /// library, which compares the URL as given: `%62%61%7A` is `baz` under RFC 3986, and a raw `ツ` in a URL is
    /// `%E3%83%84` once encoded.
    static let rfc3986Differences: Set<String> = [
        "http://foo.bar/foo/bar/ツ", "http://foo.bar/foo/bar/baz",
    ]

    @Test func theSuiteIsPresent() {
        guard let suite = Self.suite else {
            print("skipping robots.txt conformance: ../shared/conformance/robots/google_robotstxt_cases.json not found")
            return
        }
        #expect(suite.cases.count == suite.count)
        #expect(suite.cases.count == 110)
    }

    @Test(arguments: suite?.cases ?? [])
    func decidesLikeGooglesLibrary(_ test: RobotsConformanceCase) {
        let decision = test.decision(.patternsOnly)
        #expect(decision.isAllowed == test.expected_allowed, "\(decision)")
    }

    @Test(arguments: suite?.cases ?? [])
    func rfc3986NormalisationDiffersOnlyInTheDocumentedEncodingCases(_ test: RobotsConformanceCase) {
        let decision = test.decision(.rfc3986)
        if test.group == "ID_Encoding" && Self.rfc3986Differences.contains(test.url) {
            #expect(decision.isAllowed == true, "\(decision)")
        } else {
            #expect(decision.isAllowed == test.expected_allowed, "\(decision)")
        }
    }
}
