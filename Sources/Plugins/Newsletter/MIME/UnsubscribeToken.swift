import Mail
import Foundation

/// The per-subscriber unsubscribe token: base64url(HMAC-SHA256(secret, "tenant|issue|subscriber-id")),
/// truncated to 16 bytes (128 bits, 22 characters), as RFC 8058 asks for an opaque, hard-to-forge token.
///
/// The unsubscribe URL carries the token with the issue slug and subscriber id (`?t=…&i=…&s=…`) so the
/// endpoint can recompute and compare it (`verify`) without storing tokens.
public struct UnsubscribeToken: Sendable {
    public static let byteCount = 16
    private let secret: [UInt8]

    public init(secret: [UInt8]) { self.secret = secret }

    public func token(tenant: String, issue: String, subscriber: String) -> String {
        let message = Array("\(tenant)|\(issue)|\(subscriber)".utf8)
        return Base64.encode(Crypto.hmacSHA256(key: secret, message: message).prefix(UnsubscribeToken.byteCount), urlSafe: true, padding: false)
    }

    public func verify(_ token: String, tenant: String, issue: String, subscriber: String) -> Bool {
        Crypto.constantTimeEqual(Array(token.utf8), Array(self.token(tenant: tenant, issue: issue, subscriber: subscriber).utf8))
    }

    /// `base?t=TOKEN&i=ISSUE&s=SUBSCRIBER` (or `&t=` when `base` already has a query).
    public static func url(base: String, token: String, issue: String, subscriber: String) -> String {
        let separator = base.contains("?") ? "&" : "?"
        return base + separator + "t=" + token + "&i=" + percentEncode(issue) + "&s=" + percentEncode(subscriber)
    }

    /// The token, issue and subscriber of an unsubscribe URL made by `url(base:…)`; nil when one is missing.
    public static func parts(of url: String) -> (token: String, issue: String, subscriber: String)? {
        guard let question = url.firstIndex(of: "?") else { return nil }
        var fields: [String: String] = [:]
        for pair in url[url.index(after: question)...].prefix(while: { $0 != "#" }).split(separator: "&") {
            let key = String(pair.prefix { $0 != "=" })
            let value = pair.drop { $0 != "=" }.dropFirst()
            fields[key] = String(value).removingPercentEncoding ?? String(value)
        }
        guard let t = fields["t"], let i = fields["i"], let s = fields["s"], !t.isEmpty else { return nil }
        return (t, i, s)
    }

    /// RFC 3986 unreserved characters stay; everything else is %XX.
    public static func percentEncode(_ text: String) -> String {
        var out: [UInt8] = []
        let hex = Array("0123456789ABCDEF".utf8)
        for b in text.utf8 {
            if (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E {
                out.append(b)
            } else {
                out.append(0x25); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
