import Mail
import HeraldData

/// Phase 2, per subscriber: fill the merges and build the MIME message.
struct MessageFactory: Sendable {
    var tenantID: String
    var host: String
    var from: EmailMessage.Mailbox
    var replyTo: String?
    var listID: String
    var unsubscribeBase: String
    var unsubscribeMailto: String?
    var tokens: UnsubscribeToken?

    func unsubscribeURL(issue: String, subscriber: String) -> String {
        guard let tokens else { return unsubscribeBase }
        let token = tokens.token(tenant: tenantID, issue: issue, subscriber: subscriber)
        return UnsubscribeToken.url(base: unsubscribeBase, token: token, issue: issue, subscriber: subscriber)
    }

    /// Merge values for the public copies (web version, preview): fallbacks apply, no token.
    func publicValues(_ rendered: RenderedIssue, web: Bool = false) -> [String] {
        let recipient = MergeRecipient(subscriber: nil, unsubscribeURL: unsubscribeBase, webURL: rendered.webURL)
        return (web ? rendered.webMerges : rendered.merges).map { $0.evaluate(recipient) }
    }

    func message(_ rendered: RenderedIssue, for subscriber: Subscriber, variant: SubjectVariant? = nil) -> EmailMessage {
        let issue = rendered.issue
        let unsubscribe = unsubscribeURL(issue: issue.slug, subscriber: subscriber.id)
        let recipient = MergeRecipient(subscriber: subscriber, unsubscribeURL: unsubscribe, webURL: rendered.webURL)
        let values = rendered.merges.map { $0.evaluate(recipient) }
        let variantKey = variant.map { $0.letter.isEmpty ? "" : "|" + $0.letter } ?? ""
        let digest = Crypto.sha256(Array("\(tenantID)|\(issue.slug)|\(subscriber.id)\(variantKey)".utf8))
        var mailto: String? = nil
        if let address = unsubscribeMailto {
            let token = tokens?.token(tenant: tenantID, issue: issue.slug, subscriber: subscriber.id) ?? ""
            mailto = "mailto:\(address)?subject=unsubscribe%20\(token)"
        }
        let name = [subscriber.firstName, subscriber.lastName].compactMap { $0?.trimmingASCIISpace() }.filter { !$0.isEmpty }.joined(separator: " ")
        return EmailMessage(
            from: from,
            to: .init(name: name.isEmpty ? nil : name, address: subscriber.email),
            replyTo: replyTo,
            subject: variant?.subject ?? issue.subject,
            date: HeaderEncoding.date(millisecondsSinceEpoch: issue.date.millisecondsSinceEpoch, offsetSeconds: issue.date.offsetSeconds),
            messageID: Crypto.hex(digest.prefix(16)) + "@" + host,
            listID: listID,
            unsubscribeHTTPS: unsubscribe,
            unsubscribeMailto: mailto,
            text: .quotedPrintable(rendered.encodedText.render(values, escapeHTML: false)),
            html: .quotedPrintable(rendered.encodedHTML.render(values, escapeHTML: true)))
    }
}

/// One subject line of an issue: the only one (no letter, messages in the issue's folder), or an A/B variant
/// (`a`, `b`, … in that order, messages in a subfolder named by the letter; its Message-IDs differ).
struct SubjectVariant: Sendable, Hashable {
    var letter: String
    var subject: String

    var folder: String { letter.isEmpty ? "" : letter + "/" }

    static func all(_ issue: NewsletterIssue) -> [SubjectVariant] {
        if issue.subjectVariants.isEmpty { return [SubjectVariant(letter: "", subject: issue.subject)] }
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return issue.subjectVariants.enumerated().map { k, subject in
            SubjectVariant(letter: k < letters.count ? String(letters[k]) : "v\(k + 1)", subject: subject)
        }
    }
}
