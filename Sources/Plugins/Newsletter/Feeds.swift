import Mail
import HeraldData

/// RSS 2.0 (`site/newsletter/feed.xml`) and Atom (`site/newsletter/atom.xml`) feeds of the web versions, newest first.
/// No personal data: titles, dates, preheaders and links only.
struct Feeds {
    var tenant: TenantConfig
    /// Newest first.
    var issues: [NewsletterIssue]
    var limit = 50

    var archiveURL: String { tenant.baseURL + "newsletter/" }

    func rss() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
        out += "<title>\(xml(tenant.name)) newsletter</title>\n<link>\(xml(archiveURL))</link>\n"
        out += "<description>\(xml("All issues of the \(tenant.name) newsletter"))</description>\n"
        out += "<language>\(xml(tenant.locale))</language>\n"
        out += "<atom:link href=\"\(xml(archiveURL + "feed.xml"))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        if let newest = issues.first {
            out += "<lastBuildDate>\(HeaderEncoding.date(millisecondsSinceEpoch: newest.date.millisecondsSinceEpoch, offsetSeconds: newest.date.offsetSeconds))</lastBuildDate>\n"
        }
        for issue in issues.prefix(limit) {
            let url = archiveURL + issue.slug + "/"
            out += "<item>\n<title>\(xml(issue.title))</title>\n<link>\(xml(url))</link>\n<guid isPermaLink=\"true\">\(xml(url))</guid>\n"
            out += "<pubDate>\(HeaderEncoding.date(millisecondsSinceEpoch: issue.date.millisecondsSinceEpoch, offsetSeconds: issue.date.offsetSeconds))</pubDate>\n"
            if let summary = issue.description ?? issue.preheader { out += "<description>\(xml(summary))</description>\n" }
            out += "</item>\n"
        }
        return out + "</channel>\n</rss>\n"
    }

    func atom() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "<title>\(xml(tenant.name)) newsletter</title>\n<id>\(xml(archiveURL))</id>\n"
        out += "<link href=\"\(xml(archiveURL))\"/>\n<link rel=\"self\" href=\"\(xml(archiveURL + "atom.xml"))\"/>\n"
        out += "<updated>\(issues.first?.date.description ?? "1970-01-01T00:00:00Z")</updated>\n"
        out += "<author><name>\(xml(tenant.name))</name></author>\n"
        for issue in issues.prefix(limit) {
            let url = archiveURL + issue.slug + "/"
            out += "<entry>\n<title>\(xml(issue.title))</title>\n<id>\(xml(url))</id>\n<link href=\"\(xml(url))\"/>\n"
            out += "<updated>\(issue.date.description)</updated>\n"
            for author in issue.authors { out += "<author><name>\(xml(author))</name></author>\n" }
            if let summary = issue.description ?? issue.preheader { out += "<summary>\(xml(summary))</summary>\n" }
            out += "</entry>\n"
        }
        return out + "</feed>\n"
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids are dropped.
    func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { continue }
                if v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
