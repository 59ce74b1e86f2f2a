import Foundation
import HeraldData

/// Lighthouse's is-crawlable semantics: whether each of five crawlers (any crawler, Googlebot, bingbot, DuckDuckBot,
/// archive.org_bot) may index a page, from meta robots in `<head>`, `X-Robots-Tag` headers and robots.txt.
///
/// For each crawler the directives are those addressed to it by name (`<meta name="googlebot">`,
/// `X-Robots-Tag: googlebot: noindex`) when there are any, else the generic ones (`<meta name="robots">`,
/// `X-Robots-Tag: noindex`). Blocking: `noindex`, `none`, an `unavailable_after:` date before the build's `now`, and a
/// robots.txt `Disallow` for that crawler's product token (`*` for the generic crawler).
public enum Crawlability {
    /// The bot-specific names, lower-cased, in Lighthouse's order. The generic crawler is nil.
    public static let agents = ["googlebot", "bingbot", "duckduckbot", "archive.org_bot"]
    /// robots.txt product tokens of the agents above, generic first.
    static let productTokens: [String?: String] = [nil: "*", "googlebot": "Googlebot", "bingbot": "bingbot",
                                                   "duckduckbot": "DuckDuckBot", "archive.org_bot": "archive.org_bot"]

    /// Directives that only restrict how a page is shown or followed: reported as information.
    static let informational: Set<String> = ["nofollow", "noarchive", "nocache", "nosnippet", "noimageindex", "notranslate",
                                             "max-snippet", "max-image-preview", "max-video-preview", "indexifembedded",
                                             "unavailable_after"]

    /// One meta robots element or `X-Robots-Tag` header.
    public struct Source: Sendable, Hashable {
        /// nil = every crawler; else the lower-cased bot name.
        public var agent: String?
        public var evidence: String
        public var line: Int?
        /// Directive tokens as written (trimmed), e.g. `noindex`, `max-snippet: 20`, `unavailable_after: 2020-01-01`.
        public var directives: [String]
    }

    /// Why one crawler may not index the page.
    public struct Block: Sendable, Hashable {
        public var evidence: String
        public var line: Int?
        /// `noindex`, `none`, `unavailable_after: … (passed)`, or `robots.txt line 3`.
        public var reason: String
    }

    public struct Verdict: Sendable {
        /// Per crawler (nil = generic), in `agents` order, the reasons it is blocked; empty when it may index.
        public var blocks: [(agent: String?, reasons: [Block])]
        public var blockedAgents: [String?] { blocks.filter { !$0.reasons.isEmpty }.map(\.agent) }
        public var allBlocked: Bool { blocks.allSatisfy { !$0.reasons.isEmpty } }
    }

    /// The meta robots (head only) and `X-Robots-Tag` sources of a page.
    public static func sources(_ facts: PageFacts, headers: [(name: String, value: String)]) -> [Source] {
        var out: [Source] = []
        for meta in facts.robotsMeta {
            let name = (meta.attribute("name") ?? "robots").lowercased()
            out.append(Source(agent: name == "robots" ? nil : name, evidence: meta.tag, line: meta.line,
                              directives: tokens(meta.value ?? "")))
        }
        for header in headers where header.name == "x-robots-tag" {
            var agent: String?
            var directives = Substring(header.value)
            if Indexability.genericDirectives(header.value) == nil, let colon = header.value.firstIndex(of: ":") {
                agent = header.value[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                directives = header.value[header.value.index(after: colon)...]
            }
            out.append(Source(agent: agent, evidence: "X-Robots-Tag: " + header.value, line: nil, directives: tokens(String(directives))))
        }
        return out
    }

    /// Comma-separated directives, trimmed. A comma inside an `unavailable_after` date (`Friday, 25-Jun-2010 …`)
    /// does not end it.
    static func tokens(_ content: String) -> [String] {
        var out: [String] = []
        for part in content.split(separator: ",", omittingEmptySubsequences: true) {
            let token = part.trimmingCharacters(in: .whitespacesAndNewlines)
            if token.isEmpty { continue }
            if let last = out.last, name(last) == "unavailable_after", date(value(last)) == nil,
               !informational.contains(name(token)), name(token) != "noindex", name(token) != "none",
               name(token) != "all", name(token) != "index", name(token) != "follow" {
                out[out.count - 1] = last + ", " + token
                continue
            }
            out.append(token)
        }
        return out
    }

    /// The directive name, lower-cased (`max-snippet` for `max-snippet: 20`).
    static func name(_ token: String) -> String {
        guard let colon = token.firstIndex(of: ":") else { return token.lowercased() }
        return token[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func value(_ token: String) -> String {
        guard let colon = token.firstIndex(of: ":") else { return "" }
        return token[token.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    /// An `unavailable_after` date: ISO 8601 (`2020-01-01`, `2020-01-01T10:00:00Z`, without a zone read as UTC),
    /// RFC 822/1123 (`Mon, 25 Jun 2010 15:00:00 GMT`, `25 Jun 2010 15:00:00 PST`) or RFC 850
    /// (`Friday, 25-Jun-10 15:00:00 EST`). Nil when it is none of these.
    public static func date(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        if case let .success(timestamp) = TimestampFormat.parse(text) { return timestamp.date }
        let formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss",
                       "EEE, dd MMM yyyy HH:mm:ss zzz", "dd MMM yyyy HH:mm:ss zzz", "EEE, dd MMM yyyy HH:mm zzz",
                       "dd MMM yyyy HH:mm zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEEE, dd-MMM-yyyy HH:mm:ss zzz",
                       "dd-MMM-yyyy HH:mm:ss zzz", "dd MMM yyyy", "EEE, dd MMM yyyy"]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.isLenient = false
        // Two-digit years (RFC 850) read as 1970–2069, whatever the clock says: the audit stays deterministic.
        formatter.twoDigitStartDate = Date(timeIntervalSince1970: 0)
        for format in formats {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// Why the directives of `source` block indexing (`noindex`, `none`, an expired `unavailable_after`).
    static func blockingReasons(_ source: Source, now: Date?) -> [String] {
        var out: [String] = []
        for token in source.directives {
            switch name(token) {
            case "noindex", "none": out.append(name(token))
            case "unavailable_after":
                if let now, let date = date(value(token)), date < now { out.append(token + " (passed)") }
            default: break
            }
        }
        return out
    }

    /// The verdict for every crawler. `robots` is the site's robots.txt when the page is on its origin.
    /// `agents` limits the crawlers judged (all five by default; `[nil]` is the generic crawler alone).
    public static func verdict(_ sources: [Source], url: String, now: Date?, robots: RobotsMatcher?,
                               agents: [String?] = [nil] + Crawlability.agents.map(Optional.some)) -> Verdict {
        var blocks: [(agent: String?, reasons: [Block])] = []
        for agent in agents {
            let specific = agent.map { name in sources.filter { $0.agent == name } } ?? []
            let applying = specific.isEmpty ? sources.filter { $0.agent == nil } : specific
            var reasons: [Block] = []
            for source in applying {
                for reason in blockingReasons(source, now: now) {
                    reasons.append(Block(evidence: source.evidence, line: source.line, reason: reason))
                }
            }
            if let robots, let token = productTokens[agent], let rule = robots.decision(agent: token, url: url).rule,
               rule.kind == .disallow {
                reasons.append(Block(evidence: rule.text, line: nil, reason: "robots.txt line \(rule.line)"))
            }
            blocks.append((agent, reasons))
        }
        return Verdict(blocks: blocks)
    }

    /// Display name of a crawler.
    static func display(_ agent: String?) -> String { agent.map { productTokens[$0] ?? $0 } ?? "every crawler (robots)" }

    /// The robots-blocked-all / robots-blocked-some / robots-directive findings of one page.
    static func findings(url: String, facts: PageFacts, headers: [(name: String, value: String)], now: Date?,
                         robots: RobotsMatcher?, enabled: Set<SEORule>) -> [SEOFinding] {
        var out: [SEOFinding] = []
        let sources = sources(facts, headers: headers)
        if enabled.contains(.robotsBlockedAll) || enabled.contains(.robotsBlockedSome) {
            let verdict = verdict(sources, url: url, now: now, robots: robots)
            let blocked = verdict.blockedAgents
            if !blocked.isEmpty {
                // One finding per distinct piece of evidence, naming the crawlers it blocks.
                var order: [Block] = []
                var agentsPerBlock: [Block: [String?]] = [:]
                for (agent, reasons) in verdict.blocks {
                    for reason in reasons {
                        if agentsPerBlock[reason] == nil { order.append(reason) }
                        agentsPerBlock[reason, default: []].append(agent)
                    }
                }
                let rule: SEORule = verdict.allBlocked ? .robotsBlockedAll : .robotsBlockedSome
                if enabled.contains(rule) {
                    let names = blocked.map(display).joined(separator: ", ")
                    for block in order {
                        let who = (agentsPerBlock[block] ?? []).map(display).joined(separator: ", ")
                        let message = verdict.allBlocked
                            ? "no crawler may index this page; \(block.reason) applies to \(who)"
                            : "blocked for \(names) only; \(block.reason) applies to \(who)"
                        out.append(SEOFinding(rule: rule, url: url, line: block.line, evidence: block.evidence, message: message))
                    }
                }
            }
        }
        if enabled.contains(.robotsDirective) {
            for source in sources {
                var notes: [String] = []
                for token in source.directives {
                    let directive = name(token)
                    guard informational.contains(directive) else { continue }
                    if directive == "unavailable_after" {
                        guard let date = date(value(token)) else {
                            notes.append(token + " (date not understood; ignored)")
                            continue
                        }
                        if let now, date < now { continue }  // reported as blocking
                        notes.append(token)
                    } else {
                        notes.append(token)
                    }
                }
                if !notes.isEmpty {
                    out.append(SEOFinding(rule: .robotsDirective, url: url, line: source.line, evidence: source.evidence,
                                          message: "for \(display(source.agent)): " + notes.joined(separator: "; ")))
                }
            }
        }
        return out
    }
}
