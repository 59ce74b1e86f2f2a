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

    public enum Body: Sendable {
        case raw([UInt8])
        /// Quoted-printable, lines ending in CRLF (or a soft break).
        case quotedPrintable([UInt8])

        var encoded: [UInt8] {
            switch self {
            case let .raw(bytes): QuotedPrintable.encode(bytes)
            case let .quotedPrintable(bytes): bytes
            }
        }
    }

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
        var out: [UInt8] = []
        let textBody = text.encoded, htmlBody = html.encoded
        out.reserveCapacity(htmlBody.count + textBody.count + 2048)
        func header(_ line: String) {
            out.append(contentsOf: line.utf8)
            out.append(0x0D); out.append(0x0A)
        }
        header(HeaderEncoding.fold("Date: \(date)"))
        header(HeaderEncoding.address("From", displayName: from.name, email: from.address))
        header(HeaderEncoding.address("To", displayName: to.name, email: to.address))
        if let replyTo { header(HeaderEncoding.fold("Reply-To: \(replyTo)")) }
        header(HeaderEncoding.unstructured("Subject", subject))
        header("Message-ID: <\(messageID)>")
        header("MIME-Version: 1.0")
        header(HeaderEncoding.listID(listID))
        var unsubscribe = "List-Unsubscribe: <\(unsubscribeHTTPS)>"
        if let mailto = unsubscribeMailto { unsubscribe += ",\r\n <\(mailto)>" }
        header(unsubscribe)
        header("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        let boundary = self.boundary
        header("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
        header("")
        header("This is a multi-part message in MIME format.")
        header("")
        for (type, body) in [("text/plain", textBody), ("text/html", htmlBody)] {
            header("--\(boundary)")
            header("Content-Type: \(type); charset=utf-8")
            header("Content-Transfer-Encoding: quoted-printable")
            header("")
            out.append(contentsOf: body)
            // The CRLF before a boundary belongs to the delimiter (RFC 2046 §5.1.1): without this one,
            // the body's own final line break would be lost.
            out.append(0x0D); out.append(0x0A)
        }
        header("--\(boundary)--")
        return out
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
