import Foundation
import Generator
import HeraldData
import Liquid
import Mail

/// `newsletter`: Markdown issues under `content/<tenant>/newsletter/` → one `.eml` per subscriber
/// (`email/newsletter/<issue>/<subscriber>.eml`), a web version per issue (`site/newsletter/<issue>/`), an
/// archive (`site/newsletter/`) and a report (`reports/newsletter/index.html`).
///
/// Rendering is two-phase: layout, CSS inlining and text conversion run once per issue (`IssueRenderer`);
/// per subscriber only the merges (`{{ subscriber.first_name | default: "there" }}`, the unsubscribe URL)
/// are filled and the MIME message is encoded (`MessageFactory`). Messages go to the build through `input.emitter` in
/// batches of `messageBatch` while the plugin runs (`MessageStream`), so memory holds a batch, not every message; the
/// small artifacts (previews, web versions, feeds, report) are returned.
///
/// Edition limit `newsletter.subscribers` (recipients per issue): when an issue's audience is larger, the
/// first N subscribers in id order get messages, a warning says so, and the others are listed in
/// `reports/newsletter/<issue>-unsent.csv` and the report, so that nobody is dropped silently.
///
/// The unsubscribe HMAC key comes from `input.secrets` (`unsubscribe_key`: `HERALD_UNSUBSCRIBE_KEY` or
/// `HERALD_UNSUBSCRIBE_KEY_FILE`); when messages are due and it is absent, the plugin fails.
public struct NewsletterPlugin: Plugin {
    public let id = "newsletter"
    /// Messages rendered and handed to the build at a time: peak memory is about this many messages.
    public let messageBatch: Int

    public init(messageBatch: Int = 2048) { self.messageBatch = max(1, messageBatch) }

    public static let limitKey = "newsletter.subscribers"
    public static let secretName = "unsubscribe_key"

    public func check(_ input: PluginCheckInput) -> [Diagnostic] {
        var settings: NewsletterSettings?
        var found = Generator.diagnostics(at: input.settings.node.location) {
            settings = try input.settings.decode(NewsletterSettings.self)
        }
        if let settings { found += EmailBranding.problems(settings, node: input.settings.node) }
        found += Generator.diagnostics(at: input.tenant.location) {
            let issues = try Self.issues(input.content, tenant: input.tenant, now: input.now)
            if let settings { _ = try Self.audiences(issues, settings: settings) }
        }
        return found
    }

    /// Each issue's audience (segments resolved against the settings); throws every issue's problem at once.
    static func audiences(_ issues: [NewsletterIssue], settings: NewsletterSettings) throws -> [Audience] {
        var audiences: [Audience] = []
        var problems: [Diagnostic] = []
        for issue in issues {
            do { audiences.append(try Audience.resolve(issue, segments: settings.segments)) } catch {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return audiences
    }

    /// Every issue under `newsletter/`, unsorted; throws every issue's problem at once.
    static func issues(_ content: [ContentDocument], tenant: TenantConfig, now: Date) throws -> [NewsletterIssue] {
        let zone = TimeZone(identifier: tenant.timeZone) ?? TimeZone(identifier: "UTC")!
        let offset: (Int64) -> Int = { ms in zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(ms) / 1000)) }
        var issues: [NewsletterIssue] = []
        var problems: [Diagnostic] = []
        for document in content where document.path.hasPrefix("newsletter/")
            && (document.path.hasSuffix(".md") || document.path.hasSuffix(".markdown")) {
            do {
                issues.append(try NewsletterIssue.load(document, tenant: tenant, now: now, offsetSeconds: offset))
            } catch {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        var seen: [String: NewsletterIssue] = [:]
        for issue in issues {
            if let other = seen[issue.slug] {
                problems.append(Diagnostic("issue slug '\(issue.slug)' is also used by \(other.location.file)", at: issue.location))
            }
            seen[issue.slug] = issue
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return issues
    }

    public func run(_ input: PluginInput) throws -> PluginOutput {
        let settings = try input.settings.decode(NewsletterSettings.self)
        let brandingProblems = EmailBranding.problems(settings, node: input.settings.node)
        if !brandingProblems.isEmpty { throw DiagnosticList(brandingProblems) }
        let tenant = input.tenant
        var notices: [Diagnostic] = []

        // Issues.
        var issues = try Self.issues(input.content, tenant: tenant, now: input.now)
        // Newest first; ties by slug.
        issues.sort { $0.date != $1.date ? $0.date > $1.date : $0.slug < $1.slug }

        let host = NewsletterPlugin.host(of: tenant.baseURL)
        let subscribers = input.snapshot.subscribers
        if !issues.isEmpty, subscribers == nil {
            notices.append(Diagnostic("no subscribers.csv in snapshot \(input.snapshot.date): only web versions are built",
                                      at: tenant.location, severity: .warning))
        }
        let limit = input.limits[NewsletterPlugin.limitKey]
        let audiences = try Self.audiences(issues, settings: settings)
        let selections = audiences.map { RecipientSelection(subscribers: subscribers ?? [], audience: $0, limit: limit) }
        let messagesDue = selections.contains { !$0.recipients.isEmpty }
        var tokens: UnsubscribeToken? = nil
        if messagesDue {
            guard let secret = input.secrets.secret(NewsletterPlugin.secretName), !secret.isEmpty else {
                throw Diagnostic("the newsletter needs an unsubscribe key to sign unsubscribe links: set HERALD_UNSUBSCRIBE_KEY, "
                                 + "or HERALD_UNSUBSCRIBE_KEY_FILE to a file holding it (never put it in the project)",
                                 at: tenant.location)
            }
            tokens = UnsubscribeToken(secret: secret)
        }

        // Sender identity.
        var from = EmailMessage.Mailbox(name: tenant.name, address: "newsletter@\(host)")
        if let text = settings.from {
            guard let parsed = MailAddress.parseMailbox(text).map({ EmailMessage.Mailbox(name: $0.name, address: $0.address) }) else {
                throw Diagnostic("setting 'from' is not an address or 'Name <address>': \(Diagnostic.visible(text))",
                                 at: input.settings.location(of: "from"))
            }
            from = parsed
        }
        let unsubscribeBase = settings.unsubscribeURL ?? tenant.baseURL + "unsubscribe"
        guard unsubscribeBase.hasPrefix("https://") || unsubscribeBase.hasPrefix("http://") else {
            throw Diagnostic("setting 'unsubscribe_url' must be an http(s) URL: \(unsubscribeBase)", at: tenant.location)
        }
        let mailto = settings.unsubscribeMailto ?? "unsubscribe@\(host)"
        let factory = MessageFactory(tenantID: tenant.id, host: host, from: from, replyTo: settings.replyTo,
                                     listID: "\(settings.listName ?? tenant.name) <\(settings.listID ?? "newsletter.\(host)")>",
                                     unsubscribeBase: unsubscribeBase,
                                     unsubscribeMailto: mailto.isEmpty ? nil : mailto, tokens: tokens)

        let renderer = IssueRenderer(tenant: tenant, templates: input.templates, emailTemplate: settings.emailTemplate,
                                     textWidth: settings.textWidth, greeting: settings.greeting, utm: settings.utm,
                                     unsubscribeBase: unsubscribeBase,
                                     branding: EmailBranding(tenant: tenant, settings: settings))
        var artifacts: [Artifact] = []
        var pages: [PublishedPage] = []
        var rows: [IssueReportRow] = []
        var messageCount = 0
        for (issue, selection) in zip(issues, selections) {
            let rendered = try renderer.render(issue)
            for merge in rendered.unrecognisedMerges {
                notices.append(Diagnostic("'{{ \(merge) }}' is not a supported merge; it is left as text", at: issue.location, severity: .warning))
            }
            for finding in rendered.lint.findings where finding.level == .warning {
                notices.append(Diagnostic("issue '\(issue.slug)': \(finding.message)", at: issue.location, severity: .warning))
            }
            // Messages stream to the build in batches (A/B subjects: one complete set per variant).
            let stream = MessageStream(factory: factory, rendered: rendered, variants: SubjectVariant.all(issue), batchSize: messageBatch)
            let sent = try stream.emit(selection.recipients, to: input.emitter)
            var lint = rendered.lint
            if let first = sent.first {
                lint.checkHeaders(first)
                for finding in lint.findings where finding.level == .warning && finding.message.contains("List-Unsubscribe") {
                    notices.append(Diagnostic("issue '\(issue.slug)': \(finding.message)", at: issue.location, severity: .warning))
                }
            }
            let emptyMerges = sent.emptyMerges
            messageCount += sent.messages
            if emptyMerges > 0 {
                let names = stream.bareMerges.map { "{{ \(rendered.merges[$0].source) }}" }.joined(separator: ", ")
                notices.append(Diagnostic("issue '\(issue.slug)': \(emptyMerges) message(s) have an empty merge (\(names)); add a fallback with | default: \"…\"",
                                          at: issue.location, severity: .warning))
            }
            // A preview of the email with fallbacks applied (no personal data), for checking and linting.
            let preview = factory.publicValues(rendered)
            artifacts.append(try Artifact("email/newsletter/\(issue.slug)/preview.html", bytes: rendered.html.render(preview, escapeHTML: true)))
            artifacts.append(try Artifact("email/newsletter/\(issue.slug)/preview.txt", bytes: rendered.text.render(preview, escapeHTML: false)))
            if !selection.overLimit.isEmpty {
                notices.append(Diagnostic("issue '\(issue.slug)' has \(selection.recipients.count + selection.overLimit.count) recipients, over the "
                                          + "edition limit of \(limit ?? 0) (\(NewsletterPlugin.limitKey)): \(selection.overLimit.count) not emailed "
                                          + "(first: \(selection.overLimit.prefix(5).map(\.id).joined(separator: ", "))); "
                                          + "see reports/newsletter/\(issue.slug)-unsent.csv",
                                          at: issue.location, severity: .warning))
                artifacts.append(try Artifact("reports/newsletter/\(issue.slug)-unsent.csv",
                                              text: "subscriber_id,reason\n" + selection.overLimit.map { CSVText.field($0.id) + ",edition limit\n" }.joined()))
            }
            for subscriber in selection.invalid {
                notices.append(Diagnostic("subscriber '\(subscriber.id)' has an unusable email address; not emailed",
                                          at: SourceLocation(file: "subscribers.csv", line: subscriber.line), severity: .warning))
            }
            // Web version.
            let web = WebPages(tenant: tenant, templates: input.templates)
            let body = MergeTemplate(Array(rendered.bodyHTML.utf8)).render(factory.publicValues(rendered, web: true), escapeHTML: true)
            artifacts.append(try Artifact("site/newsletter/\(issue.slug)/index.html", text: try web.issuePage(issue, body: String(decoding: body, as: UTF8.self), showTitle: rendered.showTitle)))
            pages.append(PublishedPage(path: "newsletter/\(issue.slug)/", lastModified: issue.date))
            rows.append(IssueReportRow(issue: issue, recipients: selection.recipients.count, overLimit: selection.overLimit.count,
                                       invalid: selection.invalid.count, htmlBytes: rendered.htmlBytes,
                                       unrecognised: rendered.unrecognisedMerges, emptyMerges: emptyMerges, lint: lint))
        }
        if !issues.isEmpty {
            let web = WebPages(tenant: tenant, templates: input.templates)
            artifacts.append(try Artifact("site/newsletter/index.html", text: try web.archive(issues)))
            let feeds = Feeds(tenant: tenant, issues: issues)
            artifacts.append(try Artifact("site/newsletter/feed.xml", text: feeds.rss()))
            artifacts.append(try Artifact("site/newsletter/atom.xml", text: feeds.atom()))
            // The archive and both feeds go into the tenant's sitemap (the sitemap plugin lists published pages).
            for path in ["newsletter/", "newsletter/feed.xml", "newsletter/atom.xml"] {
                pages.append(PublishedPage(path: path, lastModified: issues.first?.date))
            }
        }
        artifacts.append(try Artifact("reports/newsletter/index.html",
                                      text: try WebPages(tenant: tenant, templates: input.templates).report(rows, messages: messageCount)))
        artifacts.sort { $0.path < $1.path }
        pages.sort { $0.path < $1.path }
        let summary = ReportSummary(title: "Newsletter", headline: counted(issues.count, "issue") + ", " + counted(messageCount, "message"),
                                    detail: issues.first.map { "Newest: \($0.subject) (\($0.day))" } ?? "No issues in content/newsletter/",
                                    link: "reports/newsletter/index.html")
        return PluginOutput(artifacts: artifacts, summary: summary, pages: pages, notices: notices)
    }

    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") { rest = rest[..<colon] }
        let host = rest.lowercased()
        return host.isEmpty ? "localhost" : host
    }
}

extension Error {
    var diagnostics: [Diagnostic] {
        if let list = self as? DiagnosticList { return list.diagnostics }
        if let one = self as? Diagnostic { return [one] }
        return [Diagnostic("\(self)", at: SourceLocation(file: "newsletter"))]
    }
}

