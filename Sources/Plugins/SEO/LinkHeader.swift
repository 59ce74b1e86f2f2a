/// HTTP `Link:` header values (RFC 8288): `<https://example.com/de/>; rel="alternate"; hreflang="de", <…>; rel=canonical`.
public enum LinkHeader {
    public struct Value: Sendable, Hashable {
        /// The URI reference between `<` and `>`.
        public var target: String
        /// Parameters, names lower-cased, values unquoted; the first of a repeated name is kept.
        public var parameters: [String: String]
        /// The link-value as written, for evidence.
        public var text: String

        /// True when the space-separated `rel` holds `token` (case-insensitive).
        public func rel(_ token: String) -> Bool { parameters["rel"].map { PageFacts.relContains($0, token) } ?? false }
    }

    /// Every link-value of a header; malformed parts (no `<…>`) are skipped.
    public static func parse(_ header: String) -> [Value] {
        let chars = Array(header.unicodeScalars)
        var out: [Value] = []
        var i = 0
        func skipSpace() { while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 } }
        while i < chars.count {
            while i < chars.count, chars[i] == " " || chars[i] == "\t" || chars[i] == "," { i += 1 }
            guard i < chars.count else { break }
            let start = i
            guard chars[i] == "<", let close = chars[i...].firstIndex(of: ">") else {
                // Skip to the next top-level comma.
                while i < chars.count, chars[i] != "," { i += 1 }
                continue
            }
            let target = String(String.UnicodeScalarView(chars[(i + 1)..<close]))
            i = close + 1
            var parameters: [String: String] = [:]
            while true {
                skipSpace()
                guard i < chars.count, chars[i] == ";" else { break }
                i += 1
                skipSpace()
                let nameStart = i
                while i < chars.count, chars[i] != "=", chars[i] != ";", chars[i] != ",", chars[i] != " " { i += 1 }
                let name = String(String.UnicodeScalarView(chars[nameStart..<i])).lowercased()
                skipSpace()
                var value = ""
                if i < chars.count, chars[i] == "=" {
                    i += 1
                    skipSpace()
                    if i < chars.count, chars[i] == "\"" {
                        i += 1
                        var scalars = String.UnicodeScalarView()
                        while i < chars.count, chars[i] != "\"" {
                            if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                            scalars.append(chars[i])
                            i += 1
                        }
                        i = min(i + 1, chars.count)
                        value = String(scalars)
                    } else {
                        let valueStart = i
                        while i < chars.count, chars[i] != ";", chars[i] != ",", chars[i] != " " { i += 1 }
                        value = String(String.UnicodeScalarView(chars[valueStart..<i]))
                    }
                }
                if !name.isEmpty, parameters[name] == nil { parameters[name] = value }
            }
            let text = String(String.UnicodeScalarView(chars[start..<i])).trimmingASCIISpace
            out.append(Value(target: target, parameters: parameters, text: String(text)))
            while i < chars.count, chars[i] != "," { i += 1 }
        }
        return out
    }
}
