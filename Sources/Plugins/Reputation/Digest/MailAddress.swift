/// A deliberately strict check of a bare address (`local@domain`), enough to keep header injection out.
enum MailAddress {
    static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: 0x40), at > 0, at < bytes.count - 3 else { return false }
        let domain = bytes[(at + 1)...]
        guard domain.contains(0x2E), domain.first != 0x2E, domain.last != 0x2E else { return false }
        for (i, b) in bytes.enumerated() {
            let alnum = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            if alnum || b == 0x2E || b == 0x2D { continue }
            if i < at, "!#$%&'*+/=?^_`{|}~".utf8.contains(b) { continue }
            if i == at { continue }
            return false
        }
        return true
    }
}
