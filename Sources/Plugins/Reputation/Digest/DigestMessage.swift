import Foundation

/// The digest email: RFC 5322 with CRLF line endings, multipart/alternative (text first, then HTML),
/// UTF-8 bodies in quoted-printable, an RFC 2047 subject when it is not ASCII, and a Date and Message-ID
/// derived from the build instant so that the file is deterministic.
struct DigestMessage: Sendable {
    var from: String
    /// Bare addresses; empty → `undisclosed-recipients:;`.
    var to: [String]
    var subject: String
    var date: String
    var messageID: String
    var text: String
    var html: String

    func render() -> String {
        let textPart = QuotedPrintable.encode(text)
        let htmlPart = QuotedPrintable.encode(html)
        // "=_" never occurs in quoted-printable output, so the boundary cannot collide with a body.
        let boundary = "=_herald-reputation-" + Self.hex(Self.fnv1a(Array((textPart + htmlPart).utf8)))
        var lines: [String] = [
            EncodedWord.header("From", from),
            EncodedWord.header("To", to.isEmpty ? "undisclosed-recipients:;" : to.joined(separator: ", ")),
            EncodedWord.header("Subject", subject),
            "Date: " + date,
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"",
            "",
            "This is a multi-part message in MIME format.",
            "",
        ]
        for (type, body) in [("text/plain", textPart), ("text/html", htmlPart)] {
            lines.append("--" + boundary)
            lines.append("Content-Type: " + type + "; charset=UTF-8")
            lines.append("Content-Transfer-Encoding: quoted-printable")
            lines.append("")
            lines.append(body)
        }
        lines.append("--" + boundary + "--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.utf8.count) + digits
    }

    /// The host of a base URL (`https://shop.example/` → `shop.example`), or `herald.invalid`.
    static func host(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return "herald.invalid" }
        let rest = baseURL[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }.lowercased()
        let valid = !host.isEmpty && host.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2E || $0 == 0x2D
        }
        return valid ? host : "herald.invalid"
    }

    /// Letters, digits, `.`, `-` and `_` of `text` (for Message-ID local parts).
    static func token(_ text: String) -> String {
        let kept = text.utf8.filter {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
                || $0 == 0x2E || $0 == 0x2D || $0 == 0x5F
        }
        return kept.isEmpty ? "tenant" : String(decoding: kept, as: UTF8.self)
    }
}
