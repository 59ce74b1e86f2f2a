/// Addresses Herald is willing to put in a header: a conservative `local@domain` check.
public enum MailAddress {
    /// ASCII without white space or header delimiters, one `@` with text on both sides, a dot inside the domain.
    /// Anything else could break or inject a header line (`\r\nBcc:`), or is not deliverable without SMTPUTF8.
    public static func isValid(_ address: String) -> Bool {
        let b = Array(address.utf8)
        guard b.count <= 254, let at = b.lastIndex(of: 0x40), at > 0, at < b.count - 1 else { return false }
        let forbidden: Set<UInt8> = Set("<>()[]\\,;:\" ".utf8)
        for (i, c) in b.enumerated() {
            if c <= 0x20 || c >= 0x7F || forbidden.contains(c) { return false }
            if c == 0x40, i != at { return false }
        }
        let domain = b[(at + 1)...]
        return domain.contains(0x2E) && domain.first != 0x2E && domain.last != 0x2E
    }

    /// `Name <address>` or a bare address: the display name (nil when absent) and the address, or nil when the
    /// address is not valid.
    public static func parseMailbox(_ text: String) -> (name: String?, address: String)? {
        let trimmed = text.trimmingASCIISpace()
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]).trimmingASCIISpace()
            var name = String(trimmed[..<open]).trimmingASCIISpace()
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            guard isValid(address) else { return nil }
            return (name.isEmpty ? nil : name, address)
        }
        return isValid(trimmed) ? (nil, trimmed) : nil
    }
}
