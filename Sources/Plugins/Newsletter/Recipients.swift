import Mail
import HeraldData

/// Who gets an issue: subscribed, in the segment, with a usable address; sorted by id.
struct RecipientSelection {
    var recipients: [Subscriber]
    /// Subscribers over the edition limit (not emailed), in id order.
    var overLimit: [Subscriber]
    /// Subscribers skipped because their address cannot go into a header.
    var invalid: [Subscriber]

    init(subscribers: [Subscriber], audience: Audience, limit: Int?) {
        var chosen: [Subscriber] = []
        var invalid: [Subscriber] = []
        for s in subscribers where s.subscribed {
            if !audience.includes(s) { continue }
            if MailAddress.isValid(s.email) { chosen.append(s) } else { invalid.append(s) }
        }
        chosen.sort { $0.id < $1.id }
        if let limit, chosen.count > limit {
            overLimit = Array(chosen[limit...])
            chosen = Array(chosen[..<limit])
        } else {
            overLimit = []
        }
        recipients = chosen
        self.invalid = invalid.sorted { $0.id < $1.id }
    }
}

/// Output file names from subscriber ids: `[A-Za-z0-9-]` stay, every other byte becomes `_XX`, so
/// distinct ids never collide and no id can form `..` or a path separator. A name that would pass `maxBytes` (file
/// systems allow 255 bytes, and `_XX` triples a non-ASCII id) keeps its first bytes and ends in `_h` and the id's SHA-256, so it
/// stays unique and readable.
enum SubscriberFileName {
    static let maxBytes = 200

    static func make(_ id: String) -> String {
        let name = encoded(id)
        guard name.utf8.count > maxBytes else { return name }
        let digest = Crypto.sha256(Array(id.utf8)).map { byte in
            String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
        // `_h` never occurs in an encoded name (`_` is always followed by an upper-case hex digit), so a shortened
        // name cannot equal another id's name.
        return String(name.utf8.prefix(maxBytes - 2 - digest.count))! + "_h" + digest
    }

    private static func encoded(_ id: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in id.utf8 {
            let lower = b | 0x20
            if (b >= 0x30 && b <= 0x39) || (lower >= 0x61 && lower <= 0x7A) || b == 0x2D {
                out.append(b)
            } else {
                out.append(0x5F); out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 15)])
            }
        }
        return out.isEmpty ? "_" : String(decoding: out, as: UTF8.self)
    }
}
