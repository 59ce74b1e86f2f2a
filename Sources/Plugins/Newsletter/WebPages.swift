import Generator
import HeraldData
import Liquid

struct IssueReportRow {
    var issue: NewsletterIssue
    var recipients: Int
    var overLimit: Int
    var invalid: Int
    var htmlBytes: Int
    var unrecognised: [String]
    var emptyMerges: Int
    var lint: IssueLint
}

/// The public web version of each issue, the archive, and the report; all through the site layout.
struct WebPages {
    var tenant: TenantConfig
    var templates: ThemeRenderer

    func issuePage(_ issue: NewsletterIssue, body: String, showTitle: Bool) throws -> String {
        var variables = LiquidObject()
        variables["show_title"] = .bool(showTitle)
        variables["issue"] = issueValue(issue, url: "")
        variables["content_html"] = .safe(body)
        variables["medium"] = "web"
        return try templates.renderPage("newsletter/web.html", variables,
                                        page: PageMeta(title: issue.title, description: issue.description ?? issue.preheader,
                                                       canonical: tenant.baseURL + "newsletter/\(issue.slug)/", openGraphType: "article"),
                                        tenant: tenant, outputPath: "site/newsletter/\(issue.slug)/index.html")
    }

    func archive(_ issues: [NewsletterIssue]) throws -> String {
        var variables = LiquidObject()
        variables["issues"] = .array(issues.map { issueValue($0, url: "\($0.slug)/index.html") })
        return try templates.renderPage("newsletter/archive.html", variables,
                                        page: PageMeta(title: "\(tenant.name) newsletter", description: "All issues of the \(tenant.name) newsletter",
                                                       canonical: tenant.baseURL + "newsletter/", openGraphType: "website"),
                                        tenant: tenant, outputPath: "site/newsletter/index.html")
    }

    func report(_ rows: [IssueReportRow], messages: Int) throws -> String {
        var variables = LiquidObject()
        variables["messages"] = .int(messages)
        variables["issues"] = .array(rows.map { row in
            var o = LiquidObject()
            o["slug"] = .string(row.issue.slug)
            o["subject"] = .string(row.issue.subject)
            o["date"] = .string(row.issue.day)
            o["segment"] = row.issue.segment.map(LiquidValue.string) ?? .null
            o["recipients"] = .int(row.recipients)
            o["over_limit"] = .int(row.overLimit)
            o["invalid"] = .int(row.invalid)
            o["html_kb"] = .string(String(format1: Double(row.htmlBytes) / 1024))
            o["clipped"] = .bool(row.htmlBytes > 102 * 1024)
            o["unrecognised"] = .array(row.unrecognised.map(LiquidValue.string))
            o["empty_merges"] = .int(row.emptyMerges)
            o["links"] = .int(row.lint.links)
            o["images"] = .int(row.lint.images)
            o["findings"] = .array(row.lint.findings.map { finding in
                .object(LiquidObject([("level", .string(finding.level.rawValue)), ("message", .string(finding.message))]))
            })
            o["web_url"] = .string("../../site/newsletter/\(row.issue.slug)/index.html")
            o["preview_url"] = .string("../../email/newsletter/\(row.issue.slug)/preview.html")
            return .object(o)
        })
        return try templates.renderPage("newsletter/report.html", variables,
                                        page: PageMeta(title: "Newsletter: \(tenant.name)"),
                                        tenant: tenant, outputPath: "reports/newsletter/index.html")
    }

    func issueValue(_ issue: NewsletterIssue, url: String) -> LiquidValue {
        var o = LiquidObject()
        o["slug"] = .string(issue.slug)
        o["title"] = .string(issue.title)
        o["subject"] = .string(issue.subject)
        o["preheader"] = issue.preheader.map(LiquidValue.string) ?? .null
        o["description"] = issue.description.map(LiquidValue.string) ?? .null
        o["date"] = .string(issue.day)
        o["authors"] = .array(issue.authors.map(LiquidValue.string))
        o["url"] = .string(url)
        return .object(o)
    }
}

extension String {
    /// One decimal place, without Foundation's locale-dependent formatting.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
