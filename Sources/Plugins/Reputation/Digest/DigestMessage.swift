import Foundation
import Mail

/// The digest email (`AlternativeMessage`: text first, then HTML, quoted-printable, CRLF), with a Date and
/// Message-ID derived from the build instant so that the file is deterministic.
struct DigestMessage: Sendable {
    var from: String
    /// Bare addresses; empty → `undisclosed-recipients:;`.
    var to: [String]
    var subject: String
    var date: String
    var messageID: String
    var text: String
    var html: String

    func render() -> [UInt8] {
        let headers = [
            HeaderEncoding.fold("From: " + from),
            HeaderEncoding.fold("To: " + (to.isEmpty ? "undisclosed-recipients:;" : to.joined(separator: ", "))),
            HeaderEncoding.unstructured("Subject", subject),
            "Date: " + date,
            "Message-ID: " + messageID,
            "Auto-Submitted: auto-generated",
        ]
        // "=_" never occurs in quoted-printable output, so the boundary cannot collide with a body.
        let boundary = "=_herald-reputation-" + Self.hex(Self.fnv1a(Array(messageID.utf8)))
        return AlternativeMessage(headers: headers, text: .raw(Array(text.utf8)), html: .raw(Array(html.utf8)),
                                  boundary: boundary).serialize()
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
