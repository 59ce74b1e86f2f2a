import Foundation
import Testing
import Mail

/// Properties every encoded body and header line must have, whatever the input.
@Suite struct MailEncodingTests {
    @Test(arguments: [
        "plain ascii line",
        "trailing space \nand tab\t\nend",
        "équipe — très bien ★★★★☆ 日本語",
        String(repeating: "x", count: 300),
        String(repeating: "é", count: 100),
        String(repeating: "a=b ", count: 60),
        ".leading dot\n.another",
        "line one\r\nline two\r\n",
        String(repeating: "ab ", count: 25) + "\n" + String(repeating: "🙂", count: 30),
    ])
    func quotedPrintable(_ text: String) {
        let encoded = String(decoding: QuotedPrintable.encode(text), as: UTF8.self)
        let lines = encoded.components(separatedBy: "\r\n")
        for line in lines {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
            #expect(!line.hasPrefix("."))
            #expect(line.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F || $0 == 0x09 })
        }
        // Bare LF never appears: every LF is part of CRLF.
        let bytes = Array(encoded.utf8)
        for (i, b) in bytes.enumerated() where b == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        // Decoding gives the text back with LF line ends, ending in a line break (a body always does).
        var normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        if !normalised.hasSuffix("\n") { normalised += "\n" }
        #expect(QuotedPrintable.decode(Array(encoded.utf8)) == Array(normalised.utf8))
    }

    @Test(arguments: [
        ("Reputation digest for Acme: 4.3 ★ (+0.2)", true),
        ("Plain subject", false),
        (String(repeating: "Müller ", count: 20), true),
    ])
    func subjectEncoding(_ subject: String, _ encoded: Bool) throws {
        let header = HeaderEncoding.unstructured("Subject", subject)
        #expect(header.contains("=?UTF-8?B?") == encoded)
        for line in header.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78)
            #expect(line.utf8.allSatisfy { $0 < 0x80 })
        }
        if encoded {
            let decoded = try header.dropFirst("Subject: ".count).components(separatedBy: "\r\n ").map { word in
                #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
                let payload = word.dropFirst(10).dropLast(2)
                return try #require(Data(base64Encoded: String(payload)))
            }.reduce(Data(), +)
            #expect(String(decoding: decoded, as: UTF8.self) == subject)
        }
    }

    @Test func headerInjectionIsImpossible() {
        let header = HeaderEncoding.unstructured("Subject", "Hi\r\nBcc: victim@example.com")
        #expect(!header.contains("\r\nBcc"))
        #expect(!header.contains("\n"))
    }

    @Test(arguments: [
        ("owner@example.com", true), ("a.b+tag@shop.example.co.uk", true), ("no-at-sign", false),
        ("two@@example.com", false), ("x@example.com\r\nBcc: y@z.com", false), ("Name <a@b.com>", false),
        ("a@b", false), ("a@.example.com", false),
    ])
    func addresses(_ address: String, _ valid: Bool) {
        #expect(MailAddress.isValid(address) == valid)
    }
}
