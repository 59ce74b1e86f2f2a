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
            if EmailAddress.isValid(s.email) { chosen.append(s) } else { invalid.append(s) }
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

enum EmailAddress {
    /// A conservative `local@domain` check: ASCII, no whitespace, no characters that would break a header.
    static func isValid(_ address: String) -> Bool {
        let b = Array(address.utf8)
        guard b.count <= 254, let at = b.lastIndex(of: 0x40), at > 0, at < b.count - 1 else { return false }
        let forbidden: Set<UInt8> = Set("<>()[]\\,;:\" ".utf8)
        for (i, c) in b.enumerated() {
            if c <= 0x20 || c >= 0x7F || forbidden.contains(c) { return false }
            if c == 0x40, i != at { return false }
        }
        let domain = b[(at + 1)...]
        return domain.first != 0x2E && domain.last != 0x2E
    }

    /// `Name <address>` or `address`.
    static func parseMailbox(_ text: String) -> EmailMessage.Mailbox? {
        let trimmed = text.trimmingASCIISpace()
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]).trimmingASCIISpace()
            var name = String(trimmed[..<open]).trimmingASCIISpace()
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            guard isValid(address) else { return nil }
            return .init(name: name.isEmpty ? nil : name, address: address)
        }
        return isValid(trimmed) ? .init(name: nil, address: trimmed) : nil
    }
}

/// Output file names from subscriber ids: `[A-Za-z0-9-]` stay, every other byte becomes `_XX`, so
/// distinct ids never collide and no id can form `..` or a path separator.
enum SubscriberFileName {
    static func make(_ id: String) -> String {
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
