import Foundation
import HeraldData

/// One newsletter issue: a Markdown document under `content/<tenant>/newsletter/`.
///
/// Front matter (YAML `---` or TOML `+++`): `subject` (required; `title` stands in for it, as in Zola/Hugo
/// posts), `preheader`, `date` (`YYYY-MM-DD` or RFC 3339; else the `YYYY/MM/DD` in a Zola `path`, else a
/// `YYYY-MM-DD` file-name prefix, else the build instant), `segment` (a subscriber tag), `title` (web page
/// title), `slug`, `description`, `utm_campaign`, `segments` (a list of segment names; `segment` for one),
/// `subject_variants` (A/B subject lines). Zola's `path`, `authors`, `aliases`, `extra`, `draft`, `template`, `weight`,
/// `updated` and `taxonomies` are accepted; any other key is an error.
public struct NewsletterIssue: Sendable {
    public var slug: String
    public var subject: String
    public var title: String
    public var preheader: String?
    public var description: String?
    /// The send instant, with the offset it is shown in.
    public var date: Timestamp
    /// `YYYY-MM-DD` in that offset.
    public var day: String
    /// The segments it targets (front matter `segment: name` or `segments: [a, b]`); empty: every subscriber.
    public var segments: [String] = []
    /// The segments as one label (`a, b`), for templates and reports.
    public var segment: String? { segments.isEmpty ? nil : segments.joined(separator: ", ") }
    /// A/B subject lines (front matter `subject_variants`, at least two): one message set per variant.
    public var subjectVariants: [String] = []
    /// `utm_campaign` for this issue's links (front matter `utm_campaign`; default the slug).
    public var utmCampaign: String? = nil
    public var authors: [String]
    public var markdown: String
    /// Where relative links and images resolve (the original post URL for Zola content, else the web version).
    public var baseURL: String
    public var location: SourceLocation

    static let knownKeys: Set<String> = ["subject", "title", "preheader", "date", "segment", "slug", "description",
                                         "path", "authors", "aliases", "extra", "draft", "template", "weight", "updated",
                                         "taxonomies", "tags", "categories", "utm_campaign", "segments", "subject_variants"]

    /// Reads an issue; `offsetSeconds` places a date without a time at midnight in the tenant's zone.
    public static func load(_ document: ContentDocument, tenant: TenantConfig, now: Date,
                            offsetSeconds: (Int64) -> Int) throws(DiagnosticList) -> NewsletterIssue {
        var problems: [Diagnostic] = []
        var fields: [String: ConfigNode] = [:]
        switch document.frontMatter.value {
        case let .map(pairs):
            for (key, node) in pairs {
                if !knownKeys.contains(key) {
                    problems.append(Diagnostic("unknown front matter key '\(key)' (expected one of \(knownKeys.sorted().joined(separator: ", ")))",
                                               at: node.keyReportLocation))
                }
                fields[key] = node
            }
        case .null:
            break
        default:
            problems.append(Diagnostic("front matter must be a map", at: document.frontMatter.location))
        }
        func string(_ key: String) -> String? {
            guard let node = fields[key] else { return nil }
            switch node.value {
            case let .string(s): return s
            case let .int(i): return String(i)
            case let .double(d): return String(d)
            case .null: return nil
            default:
                problems.append(Diagnostic("front matter key '\(key)' must be a string", at: node.location))
                return nil
            }
        }
        let subject = (string("subject") ?? string("title"))?.trimmingCharacters(in: .whitespacesAndNewlines)
        if subject?.isEmpty ?? true {
            problems.append(Diagnostic("newsletter issue has no subject (front matter 'subject', or 'title')", at: document.location))
        }
        let title = string("title") ?? subject ?? ""
        let zolaPath = string("path")
        var authors: [String] = []
        if let node = fields["authors"], case let .array(items) = node.value {
            for item in items { if case let .string(s) = item.value { authors.append(s) } }
        }

        // The date.
        var date: Timestamp? = nil
        let fileName = document.path.split(separator: "/").last.map(String.init) ?? document.path
        if let node = fields["date"] {
            let text = string("date") ?? ""
            if let parsed = IssueDate.parse(text, offsetSeconds: offsetSeconds) { date = parsed } else {
                problems.append(Diagnostic("date '\(text)' is not YYYY-MM-DD or an RFC 3339 timestamp", at: node.location))
            }
        } else if let zolaPath, let parsed = IssueDate.fromPath(zolaPath, offsetSeconds: offsetSeconds) {
            date = parsed
        } else if let parsed = IssueDate.parse(String(fileName.prefix(10)), offsetSeconds: offsetSeconds) {
            date = parsed
        }
        let when = date ?? Timestamp(date: now, offsetSeconds: offsetSeconds(Int64((now.timeIntervalSince1970 * 1000).rounded())))

        // The slug.
        var slug = string("slug") ?? IssueSlug.fromPath(document.path)
        slug = IssueSlug.sanitize(slug)
        if slug.isEmpty { problems.append(Diagnostic("cannot derive a slug from '\(document.path)'", at: document.location)) }

        let webURL = tenant.baseURL + "newsletter/\(slug)/"
        var baseURL = webURL
        if let zolaPath, !zolaPath.isEmpty {
            let trimmed = zolaPath.hasPrefix("/") ? String(zolaPath.dropFirst()) : zolaPath
            baseURL = URLResolver.resolve(trimmed.hasSuffix("/") ? trimmed : trimmed + "/", against: tenant.baseURL)
        }
        func strings(_ key: String) -> [String] {
            guard let node = fields[key] else { return [] }
            guard case let .array(items) = node.value else {
                problems.append(Diagnostic("front matter key '\(key)' must be a list of strings", at: node.location))
                return []
            }
            var out: [String] = []
            for item in items {
                guard case let .string(text) = item.value, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    problems.append(Diagnostic("front matter key '\(key)' must hold non-empty strings", at: item.location))
                    continue
                }
                out.append(text.trimmingCharacters(in: .whitespaces))
            }
            return out
        }
        var segments = strings("segments")
        if let one = string("segment")?.trimmingCharacters(in: .whitespaces), !one.isEmpty {
            if fields["segments"] != nil {
                problems.append(Diagnostic("use either 'segment' or 'segments', not both", at: fields["segment"]!.location))
            }
            segments = [one]
        }
        let variants = strings("subject_variants")
        if let node = fields["subject_variants"] {
            if variants.count < 2 {
                problems.append(Diagnostic("'subject_variants' needs at least two subject lines", at: node.location))
            } else if Set(variants).count != variants.count {
                problems.append(Diagnostic("'subject_variants' has the same subject line twice", at: node.location))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        var issue = NewsletterIssue(slug: slug, subject: subject ?? "", title: title, preheader: string("preheader"),
                                    description: string("description"), date: when, day: IssueDate.day(when),
                                    authors: authors, markdown: document.body, baseURL: baseURL, location: document.location)
        issue.utmCampaign = string("utm_campaign")
        issue.segments = segments
        issue.subjectVariants = variants
        return issue
    }
}

enum IssueSlug {
    /// `newsletter/inside-rust/post/index.md` → `inside-rust/post`.
    static func fromPath(_ path: String) -> String {
        var p = path
        if p.hasPrefix("newsletter/") { p = String(p.dropFirst("newsletter/".count)) }
        for ext in [".markdown", ".md"] where p.hasSuffix(ext) { p = String(p.dropLast(ext.count)); break }
        if p.hasSuffix("/index") { p = String(p.dropLast("/index".count)) }
        return p
    }

    /// Lower-case ASCII letters, digits and single dashes; `/` and anything else become `-`.
    static func sanitize(_ text: String) -> String {
        var out: [UInt8] = []
        for b in text.utf8 {
            let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == 0x2E || lower == 0x5F {
                out.append(lower == 0x2E || lower == 0x5F ? 0x2D : lower)
            } else if out.last != 0x2D {
                out.append(0x2D)
            }
        }
        while out.last == 0x2D { out.removeLast() }
        while out.first == 0x2D { out.removeFirst() }
        var collapsed: [UInt8] = []
        for b in out where !(b == 0x2D && collapsed.last == 0x2D) { collapsed.append(b) }
        return String(decoding: collapsed, as: UTF8.self)
    }
}

enum IssueDate {
    /// `YYYY-MM-DD` (midnight in the zone given by `offsetSeconds`) or RFC 3339.
    static func parse(_ text: String, offsetSeconds: (Int64) -> Int) -> Timestamp? {
        let b = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count else { return nil }
            var v = 0
            for i in range { guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }; v = v * 10 + Int(b[i] - 0x30) }
            return v
        }
        guard b.count >= 10, let y = number(0..<4), b[4] == 0x2D, let m = number(5..<7), b[7] == 0x2D, let d = number(8..<10),
              (1...12).contains(m), (1...CivilCalendar.daysInMonth(y, m)).contains(d) else { return nil }
        let days = Int64(CivilCalendar.daysFromCivil(y, m, d))
        if b.count == 10 {
            // Midnight local: find the offset in force then (two passes handle a DST change nearby).
            let utcMidnight = days * 86_400_000
            var offset = offsetSeconds(utcMidnight)
            offset = offsetSeconds(utcMidnight - Int64(offset) * 1000)
            return Timestamp(millisecondsSinceEpoch: utcMidnight - Int64(offset) * 1000, offsetSeconds: offset)
        }
        guard b.count >= 20, b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20, let hh = number(11..<13), b[13] == 0x3A,
              let mm = number(14..<16), b[16] == 0x3A, let ss = number(17..<19), hh < 24, mm < 60, ss < 61 else { return nil }
        var i = 19
        var millis = 0
        if i < b.count, b[i] == 0x2E {
            i += 1
            var digits = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                if digits < 3 { millis = millis * 10 + Int(b[i] - 0x30) }
                digits += 1; i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<3 where digits < 3 { millis *= 10 }
        }
        var offset = 0
        guard i < b.count else { return nil }
        if b[i] == 0x5A || b[i] == 0x7A {
            i += 1
        } else if b[i] == 0x2B || b[i] == 0x2D {
            guard let oh = number((i + 1)..<(i + 3)), i + 3 < b.count, b[i + 3] == 0x3A, let om = number((i + 4)..<(i + 6)) else { return nil }
            offset = (oh * 3600 + om * 60) * (b[i] == 0x2D ? -1 : 1)
            i += 6
        } else { return nil }
        guard i == b.count else { return nil }
        let local = days * 86400 + Int64(hh * 3600 + mm * 60 + min(ss, 59))
        return Timestamp(millisecondsSinceEpoch: (local - Int64(offset)) * 1000 + Int64(millis), offsetSeconds: offset)
    }

    /// The first `YYYY/MM/DD` in a Zola `path`.
    static func fromPath(_ path: String, offsetSeconds: (Int64) -> Int) -> Timestamp? {
        let parts = path.split(separator: "/").map(String.init)
        for k in 0..<max(0, parts.count - 2) {
            let candidate = "\(parts[k])-\(parts[k + 1])-\(parts[k + 2])"
            if parts[k].count == 4, parts[k + 1].count == 2, parts[k + 2].count == 2,
               let t = parse(candidate, offsetSeconds: offsetSeconds) { return t }
        }
        return nil
    }

    static func day(_ t: Timestamp) -> String {
        let seconds = Int64((Double(t.millisecondsSinceEpoch) / 1000).rounded(.down)) + Int64(t.offsetSeconds)
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let (y, m, d) = CivilCalendar.civilFromDays(days)
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}
