/// One field of a CSV file Herald writes (RFC 4180), for every plugin's CSV reports.
///
/// Reports are opened in spreadsheets, so a field holding input text (a crawled title, a channel name, a subscriber
/// id) that starts with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`: the spreadsheet shows text instead of
/// running a formula (CSV injection). Values Herald computes (numbers, dates, ids of rules) pass unchanged.
public enum CSVText {
    public static func field(_ value: String, untrusted: Bool = true) -> String {
        var text = value
        if untrusted, let first = text.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) {
            text = "'" + text
        }
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
