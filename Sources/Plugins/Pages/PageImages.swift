import Foundation

/// The `src` of every `<img>` in a page's sanitised body, in order, for the sitemap's image extension. The sanitiser
/// writes attributes double-quoted, so a byte scan suffices; character references in the value are decoded.
enum PageImages {
    static func sources(_ html: [UInt8]) -> [String] {
        var sources: [String] = []
        let n = html.count
        var i = 0
        while i + 4 < n {
            guard html[i] == 0x3C, html[i + 1] | 0x20 == 0x69, html[i + 2] | 0x20 == 0x6D, html[i + 3] | 0x20 == 0x67,
                  html[i + 4] == 0x20 || html[i + 4] == 0x0A else { i += 1; continue }
            var j = i + 4
            while j < n, html[j] != 0x3E {
                // ` src="`, case-insensitive name
                if j + 5 < n, html[j] == 0x20 || html[j] == 0x0A, html[j + 1] | 0x20 == 0x73, html[j + 2] | 0x20 == 0x72,
                   html[j + 3] | 0x20 == 0x63, html[j + 4] == 0x3D, html[j + 5] == 0x22 {
                    let start = j + 6
                    var end = start
                    while end < n, html[end] != 0x22 { end += 1 }
                    let value = decoded(String(decoding: html[start..<end], as: UTF8.self))
                    if !value.isEmpty { sources.append(value) }
                    j = end
                    break
                }
                j += 1
            }
            i = j + 1
        }
        return sources
    }

    static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
