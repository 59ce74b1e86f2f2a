/// mixed-content, form-insecure and structured-data-invalid: per page, from the facts' `http:` subresources, forms
/// and JSON-LD blocks.
enum SecurityAudit {
    static func findings(url: String, facts: PageFacts, enabled: Set<SEORule>) -> [SEOFinding] {
        var out: [SEOFinding] = []
        if WebURL(url).scheme == "https" {
            if enabled.contains(.mixedContent) {
                for item in facts.httpSubresources {
                    out.append(SEOFinding(rule: .mixedContent, url: url, line: item.line, evidence: item.tag,
                                          message: "<\(item.name)> loads \(item.value ?? "") over plain HTTP on an HTTPS page"))
                }
            }
            if enabled.contains(.formInsecure) {
                for form in facts.httpForms {
                    out.append(SEOFinding(rule: .formInsecure, url: url, line: form.line, evidence: form.tag,
                                          message: "the form submits to \(form.value ?? "") over plain HTTP from an HTTPS page"))
                }
            }
        }
        if enabled.contains(.structuredDataInvalid) {
            for block in facts.jsonLD {
                if let problem = jsonProblem(block.value ?? "") {
                    out.append(SEOFinding(rule: .structuredDataInvalid, url: url, line: block.line, evidence: block.tag,
                                          message: "JSON-LD block " + problem))
                }
            }
        }
        return out
    }

    /// Why `text` is not a JSON-LD document (a JSON object or array, RFC 8259, strict: no trailing commas, comments
    /// or single quotes), nil when it is.
    static func jsonProblem(_ text: String) -> String? {
        var parser = StrictJSON(Array(text.utf8))
        return parser.problem()
    }
}

/// A strict RFC 8259 syntax check on bytes, with the line and column of the first error. (Foundation's parser
/// accepts trailing commas, which Google's structured data parser rejects.)
struct StrictJSON {
    let bytes: [UInt8]
    var i = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    struct Failure: Error { var message: String; var offset: Int }

    mutating func problem() -> String? {
        skipSpace()
        if i == bytes.count { return "is empty" }
        let first = bytes[i]
        do {
            try value(depth: 0)
            skipSpace()
            if i < bytes.count { throw Failure(message: "unexpected text after the JSON value", offset: i) }
        } catch let failure as Failure {
            let before = bytes[..<min(failure.offset, bytes.count)]
            let line = before.lazy.filter { $0 == 0x0A }.count + 1
            let column = before.count - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            return "is not valid JSON: \(failure.message) at line \(line), column \(column) of the block"
        } catch {
            return "is not valid JSON"
        }
        return first == 0x7B || first == 0x5B ? nil : "is JSON but not an object or an array"
    }

    mutating func skipSpace() { while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 } }

    func fail(_ message: String) -> Failure { Failure(message: message, offset: i) }

    mutating func expect(_ literal: String) throws {
        for byte in literal.utf8 {
            guard i < bytes.count, bytes[i] == byte else { throw fail("expected \(literal)") }
            i += 1
        }
    }

    mutating func value(depth: Int) throws {
        guard depth < 512 else { throw fail("nested too deeply") }
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end") }
        switch bytes[i] {
        case 0x7B:  // {
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == 0x7D { i += 1; return }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x22 else { throw fail("expected a \"quoted\" member name") }
                try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3A else { throw fail("expected ':'") }
                i += 1
                try value(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end; expected ',' or '}'") }
                if bytes[i] == 0x2C { i += 1; continue }
                if bytes[i] == 0x7D { i += 1; return }
                throw fail("expected ',' or '}'")
            }
        case 0x5B:  // [
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == 0x5D { i += 1; return }
            while true {
                try value(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end; expected ',' or ']'") }
                if bytes[i] == 0x2C { i += 1; continue }
                if bytes[i] == 0x5D { i += 1; return }
                throw fail("expected ',' or ']'")
            }
        case 0x22: try string()
        case 0x74: try expect("true")
        case 0x66: try expect("false")
        case 0x6E: try expect("null")
        case 0x2D, 0x30...0x39: try number()
        default: throw fail("expected a value")
        }
    }

    mutating func string() throws {
        i += 1  // opening quote
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 { i += 1; return }
            if b < 0x20 { throw fail("control character in a string") }
            if b == 0x5C {
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: i += 1
                case 0x75:
                    i += 1
                    for _ in 0..<4 {
                        guard i < bytes.count, (bytes[i] >= 0x30 && bytes[i] <= 0x39) || ((bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x66) else {
                            throw fail("bad \\u escape")
                        }
                        i += 1
                    }
                default: throw fail("bad escape")
                }
                continue
            }
            i += 1
        }
        throw fail("unterminated string")
    }

    mutating func number() throws {
        func digits() -> Int { let start = i; while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }; return i - start }
        if bytes[i] == 0x2D { i += 1 }
        guard i < bytes.count else { throw fail("bad number") }
        if bytes[i] == 0x30 { i += 1 } else if digits() == 0 { throw fail("bad number") }
        if i < bytes.count, bytes[i] == 0x2E { i += 1; if digits() == 0 { throw fail("bad number") } }
        if i < bytes.count, bytes[i] | 0x20 == 0x65 {
            i += 1
            if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
            if digits() == 0 { throw fail("bad number") }
        }
    }
}

extension StrictJSON {
    /// Why `text` is not a JSON object or array, nil when it is.
    static func problem(_ text: String) -> String? {
        var parser = StrictJSON(Array(text.utf8))
        return parser.problem()
    }
}
