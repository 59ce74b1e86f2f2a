import Mail

/// One RFC 5322 message: multipart/alternative with a text/plain part first and a text/html part last,
/// both UTF-8 quoted-printable; CRLF line ends throughout.
public struct EmailMessage: Sendable {
    public struct Mailbox: Sendable, Hashable {
        public var name: String?
        public var address: String
        public init(name: String?, address: String) {
            self.name = name
            self.address = address
        }
    }

    public var from: Mailbox
    public var to: Mailbox
    public var replyTo: String?
    public var subject: String
    /// RFC 5322 date-time text.
    public var date: String
    /// Without angle brackets.
    public var messageID: String
    /// `Name <list.example.com>`.
    public var listID: String
    /// Full header values: `<https://…>` and optionally `<mailto:…>`.
    public var unsubscribeHTTPS: String
    public var unsubscribeMailto: String?
    /// The bodies, raw or already quoted-printable encoded.
    public var text: Body
    public var html: Body

    public typealias Body = AlternativeMessage.Body

    public init(from: Mailbox, to: Mailbox, replyTo: String?, subject: String, date: String, messageID: String, listID: String,
                unsubscribeHTTPS: String, unsubscribeMailto: String?, text: Body, html: Body) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.listID = listID
        self.unsubscribeHTTPS = unsubscribeHTTPS
        self.unsubscribeMailto = unsubscribeMailto
        self.text = text
        self.html = html
    }

    public init(from: Mailbox, to: Mailbox, replyTo: String?, subject: String, date: String, messageID: String, listID: String,
                unsubscribeHTTPS: String, unsubscribeMailto: String?, text: [UInt8], html: [UInt8]) {
        self.init(from: from, to: to, replyTo: replyTo, subject: subject, date: date, messageID: messageID, listID: listID,
                  unsubscribeHTTPS: unsubscribeHTTPS, unsubscribeMailto: unsubscribeMailto, text: .raw(text), html: .raw(html))
    }

    /// The boundary: derived from the message id, and safe because quoted-printable output never contains `=_`.
    public var boundary: String {
        "=_herald_" + Crypto.hex(Crypto.sha256(Array(messageID.utf8)).prefix(12))
    }

    public func serialize() -> [UInt8] {
        var headers = [
            HeaderEncoding.fold("Date: \(date)"),
            HeaderEncoding.address("From", displayName: from.name, email: from.address),
            HeaderEncoding.address("To", displayName: to.name, email: to.address),
        ]
        if let replyTo { headers.append(HeaderEncoding.fold("Reply-To: \(replyTo)")) }
        headers += [
            HeaderEncoding.unstructured("Subject", subject),
            "Message-ID: <\(messageID)>",
            HeaderEncoding.listID(listID),
            // Never encoded or folded inside <…>: one URL per line.
            "List-Unsubscribe: <\(unsubscribeHTTPS)>" + (unsubscribeMailto.map { ",\r\n <\($0)>" } ?? ""),
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
        ]
        return AlternativeMessage(headers: headers, text: text, html: html, boundary: boundary).serialize()
    }
}

extension HeaderEncoding {
    /// `List-Id: phrase <id>`, the phrase encoded when needed.
    static func listID(_ value: String) -> String {
        guard let open = value.lastIndex(of: "<") else { return fold("List-Id: <\(value)>") }
        let name = String(value[..<open]).trimmingASCIISpace()
        let id = String(value[open...])
        let phrase = name.isEmpty ? "" : self.phrase(name, headerLength: 9) + " "
        return fold("List-Id: \(phrase)\(id)")
    }
}
