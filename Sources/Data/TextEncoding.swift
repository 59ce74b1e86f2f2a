/// Text problems every loader reports the same way: files that are not UTF-8 at all, and control characters that
/// no output can carry (HTML turns them into errors, XML 1.0 forbids them, a NUL cuts C strings short).
enum TextEncoding {
    /// A diagnostic when `bytes` start with a UTF-16 or UTF-32 byte order mark (a spreadsheet's "Unicode text"
    /// export): every field would otherwise be reported as garbage, one by one.
    static func byteOrderMarkProblem(_ bytes: [UInt8], file: String) -> Diagnostic? {
        let name: String
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            name = "UTF-32"
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            name = "UTF-16"
        } else {
            return nil
        }
        return Diagnostic("the file is \(name) (it starts with a \(name) byte order mark); save it as UTF-8",
                          at: SourceLocation(file: file, line: 1, column: 1))
    }

    /// C0 controls other than tab, line feed and carriage return, and DEL.
    @inline(__always)
    static func isForbiddenControl(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0x7F
    }

    /// "control character U+0000 (NUL)…" for a message.
    static func describeControl(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return "control character \(code)\(value == 0 ? " (NUL; is the file UTF-16 or binary?)" : "")"
    }
}
