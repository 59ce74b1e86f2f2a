/// One field of a CSV file Herald writes (RFC 4180), for every plugin's CSV reports.
///
/// Reports are opened in spreadsheets, so a field holding input text (a crawled title, a channel name, a subscriber
/// id) that starts with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`: the spreadsheet shows text instead of
/// running a formula (CSV injection). Values Herald computes (numbers, dates, ids of rules) pass unchanged.
public enum CSVText {
    public static func field(_ value: String, untrusted: Bool = true) -> String {
        var bytes: [UInt8] = []
        append(value, untrusted: untrusted, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func startsFormula(_ byte: UInt8?) -> Bool {
        switch byte {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: true
        default: false
        }
    }

    /// Appends the field's bytes to `out`: large exports build one byte array instead of a string per field.
    public static func append(_ value: String, untrusted: Bool = true, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { text in
            let defused = untrusted && startsFormula(text.first)
            guard needsQuotes(text) else {
                if defused { out.append(0x27) }
                out.append(contentsOf: text)
                return
            }
            out.append(0x22)
            if defused { out.append(0x27) }
            var start = 0
            for index in 0..<text.count where text[index] == 0x22 {
                // Up to and including the quote, then the quote again.
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...index]))
                out.append(0x22)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
            out.append(0x22)
        }
    }

    /// Whether `text` holds `,` `"` LF or CR: eight bytes at a time (a byte test that can over-report, confirmed
    /// byte by byte), as reports write megabytes of fields that mostly hold none.
    static func needsQuotes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        func special(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D }
        let ones: UInt64 = 0x0101_0101_0101_0101
        func zero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & 0x8080_8080_8080_8080 }
        var index = 0
        while index + 8 <= text.count {
            let word = UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)
            if zero(word ^ (ones &* 0x2C)) | zero(word ^ (ones &* 0x22)) | zero(word ^ (ones &* 0x0A)) | zero(word ^ (ones &* 0x0D)) != 0,
               text[index..<(index + 8)].contains(where: special) {
                return true
            }
            index += 8
        }
        return text[index...].contains(where: special)
    }
}
