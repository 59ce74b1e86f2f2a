/// An RFC 5322 message whose body is multipart/alternative (RFC 2046): a text/plain part first, a text/html part
/// last, both UTF-8 in quoted-printable, CRLF line ends throughout. Callers supply the header lines already encoded
/// (`HeaderEncoding`); this type owns the MIME structure, so every message Herald writes has the same one.
public struct AlternativeMessage: Sendable {
    /// A body, raw or already quoted-printable encoded (a personalised body is encoded piecewise once per issue).
    public enum Body: Sendable {
        case raw([UInt8])
        /// Quoted-printable, lines ending in CRLF (or a soft break).
        case quotedPrintable([UInt8])

        public var encoded: [UInt8] {
            switch self {
            case let .raw(bytes): QuotedPrintable.encode(bytes)
            case let .quotedPrintable(bytes): bytes
            }
        }
    }

    /// Complete header lines without their final CRLF (folded lines contain CRLF + space), in output order;
    /// `MIME-Version` and `Content-Type` are added after them.
    public var headers: [String]
    public var text: Body
    public var html: Body
    /// The part boundary. Quoted-printable output never contains `=_`, so a boundary starting with it cannot
    /// occur in a body.
    public var boundary: String

    public init(headers: [String], text: Body, html: Body, boundary: String) {
        self.headers = headers
        self.text = text
        self.html = html
        self.boundary = boundary
    }

    public func serialize() -> [UInt8] {
        var out: [UInt8] = []
        let textBody = text.encoded, htmlBody = html.encoded
        out.reserveCapacity(htmlBody.count + textBody.count + 2048)
        func line(_ text: String) {
            out.append(contentsOf: text.utf8)
            out.append(0x0D); out.append(0x0A)
        }
        for header in headers { line(header) }
        line("MIME-Version: 1.0")
        line("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
        line("")
        line("This is a multi-part message in MIME format.")
        line("")
        for (type, body) in [("text/plain", textBody), ("text/html", htmlBody)] {
            line("--\(boundary)")
            line("Content-Type: \(type); charset=utf-8")
            line("Content-Transfer-Encoding: quoted-printable")
            line("")
            out.append(contentsOf: body)
            // The CRLF before a boundary belongs to the delimiter (RFC 2046 §5.1.1): without this one, the body's
            // own final line break would be lost.
            out.append(0x0D); out.append(0x0A)
        }
        line("--\(boundary)--")
        return out
    }
}
