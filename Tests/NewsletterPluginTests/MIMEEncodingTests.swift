import Foundation
import Mail
import Testing
@testable import NewsletterPlugin

@Suite struct MIMEEncodingTests {
    @Test(arguments: [
        ("plain ascii\n", "plain ascii\r\n"),
        ("a=b\n", "a=3Db\r\n"),
        ("trailing space \nx\t\n", "trailing space=20\r\nx=09\r\n"),
        (".starts with a dot\n", "=2Estarts with a dot\r\n"),
        ("From the start\n", "=46rom the start\r\n"),
        ("Zoë\n", "Zo=C3=AB\r\n"),
        ("crlf\r\nkept\r\n", "crlf\r\nkept\r\n"),
    ])
    func quotedPrintable(_ input: String, _ expected: String) {
        #expect(String(decoding: QuotedPrintable.encode(input), as: UTF8.self) == expected)
    }

    @Test(arguments: [
        String(repeating: "x", count: 300),
        String(repeating: "é", count: 100),
        String(repeating: "a", count: 75) + ".dot after the soft break " + String(repeating: "🚀", count: 30),
        String(repeating: "a ", count: 80) + "\n" + String(repeating: "=", count: 60),
        "<a href=\"https://example.com/" + String(repeating: "p", count: 200) + "\">x</a>",
    ])
    func quotedPrintableLinesAndRoundTrip(_ input: String) {
        let encoded = QuotedPrintable.encode(input)
        let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
        for line in lines {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(!line.hasPrefix("."))
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
        }
        // No bare LF or CR.
        #expect(!String(decoding: encoded, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "").contains(where: { $0 == "\n" || $0 == "\r" }))
        let decoded = String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self)
        #expect(decoded == input + "\n")
    }

    @Test(arguments: [
        ["Hello ", "Zoë", ", welcome.\n", ".dot", "\n"],
        [String(repeating: "a", count: 200), " ", "=", "trailing \n", String(repeating: "é", count: 50)],
        ["", "x", ""],
    ])
    func piecesConcatenate(_ pieces: [String]) {
        let encoded = pieces.flatMap { QuotedPrintable.encodePiece(Array($0.utf8)) }
        #expect(String(decoding: QuotedPrintable.decode(encoded), as: UTF8.self) == pieces.joined())
        for line in String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
            #expect(!line.hasPrefix("."))
            #expect(!line.hasSuffix(" "))
        }
    }

    @Test(arguments: [
        String(repeating: "😀", count: 40),
        "한국어 제목 테스트: 띄어쓰기가 있는 긴 제목입니다 그리고 더 길어집니다",
        "Ünïcödé mixed with ASCII and a long tail that needs folding across lines",
    ])
    func encodedWordsAreShortAndWhole(_ text: String) {
        let header = HeaderEncoding.unstructured("Subject", text)
        let lines = header.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        for line in lines { #expect(line.utf8.count <= 76, "\(line)") }
        for word in HeaderEncoding.encodedWords(text) {
            #expect(word.utf8.count <= 75)
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            let bytes = Data(base64Encoded: String(payload))
            #expect(bytes.flatMap { String(data: $0, encoding: .utf8) } != nil, "word \(word) does not decode to whole characters")
        }
    }

    @Test func asciiSubjectFoldsAtSpaces() {
        let subject = (0..<30).map { "word\($0)" }.joined(separator: " ")
        let header = HeaderEncoding.unstructured("Subject", subject)
        #expect(header.replacingOccurrences(of: "\r\n", with: "") == "Subject: " + subject)
        for line in header.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78) }
    }

    @Test(arguments: [
        ("Zoë O'Neil", "=?UTF-8?B?Wm/DqyBPJ05laWw=?= <z@x.example>"),
        ("Smith, John", "\"Smith, John\" <z@x.example>"),
        ("Say \"hi\"", "\"Say \\\"hi\\\"\" <z@x.example>"),
        ("Plain Name", "Plain Name <z@x.example>"),
    ])
    func displayNames(_ name: String, _ expected: String) {
        #expect(HeaderEncoding.address("To", displayName: name, email: "z@x.example") == "To: " + expected)
    }

    @Test func headerInjectionIsNeutralised() {
        let header = HeaderEncoding.unstructured("Subject", "Hi\r\nBcc: victim@example.com")
        #expect(!header.contains("\r\nBcc"))
    }

    @Test func rfc5322Date() {
        // 2025-08-07T00:00:00+02:00
        #expect(HeaderEncoding.date(millisecondsSinceEpoch: 1_754_517_600_000, offsetSeconds: 7200) == "Thu, 07 Aug 2025 00:00:00 +0200")
        #expect(HeaderEncoding.date(millisecondsSinceEpoch: 0, offsetSeconds: -18000) == "Wed, 31 Dec 1969 19:00:00 -0500")
    }

    @Test func hmacMatchesRFC4231TestCase2() {
        let mac = Crypto.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Crypto.hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func unsubscribeTokens() {
        let tokens = UnsubscribeToken(secret: Array("k".utf8))
        let token = tokens.token(tenant: "acme", issue: "i1", subscriber: "s1")
        #expect(token.count == 22)
        #expect(token.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x5F })
        #expect(tokens.verify(token, tenant: "acme", issue: "i1", subscriber: "s1"))
        #expect(!tokens.verify(token, tenant: "acme", issue: "i1", subscriber: "s2"))
        #expect(token != UnsubscribeToken(secret: Array("other".utf8)).token(tenant: "acme", issue: "i1", subscriber: "s1"))
        let expected = Base64.encode(Crypto.hmacSHA256(key: Array("k".utf8), message: Array("acme|i1|s1".utf8)).prefix(16), urlSafe: true, padding: false)
        #expect(token == expected)
    }

    struct MessageCase: Sendable, CustomTestStringConvertible {
        var name: String
        var subject: String
        var toName: String?
        var unsubscribe: String
        var text: String
        var html: String
        var testDescription: String { name }
    }

    static let messages: [MessageCase] = [
        MessageCase(name: "40 emoji subject", subject: String(repeating: "🎉", count: 40), toName: "Zoë", unsubscribe: "https://acme.example/unsubscribe?t=abc",
                    text: "Hello 🎉\n.leading dot\nFrom here\n", html: "<p>Hello 🎉</p>\n"),
        MessageCase(name: "Korean with spaces", subject: "안녕하세요 여러분 이번 주 뉴스레터 소식을 전해 드립니다 많이 읽어 주세요", toName: "김 민준",
                    unsubscribe: "https://acme.example/unsubscribe?t=abc", text: "한국어 본문 테스트\n", html: "<p>한국어 본문</p>\n"),
        MessageCase(name: "200-character unsubscribe URL", subject: "Plain ASCII subject that is long enough to need folding when the header is written out",
                    toName: "Smith, John \"JJ\"",
                    unsubscribe: "https://unsubscribe.acme.example/very/long/path/" + String(repeating: "segment-", count: 18) + "?t=" + String(repeating: "T", count: 22),
                    text: String(repeating: "long line without breaks ", count: 20) + "\n", html: "<p>" + String(repeating: "x", count: 500) + "</p>\n"),
        MessageCase(name: "no display name, trailing spaces", subject: "Re: =?not-an-encoded-word?=  double  spaces", toName: nil,
                    unsubscribe: "https://acme.example/u", text: "line with trailing spaces   \n\ttab\n", html: "<p>a = b</p>   \n"),
    ]

    @Test(arguments: messages)
    func messagesParseBackWithPython(_ c: MessageCase) throws {
        let message = EmailMessage(from: .init(name: "Acme & Söhne", address: "news@acme.example"),
                                   to: .init(name: c.toName, address: "reader@example.org"), replyTo: nil,
                                   subject: c.subject, date: "Thu, 07 Aug 2025 00:00:00 +0200",
                                   messageID: "abc123@acme.example", listID: "Acme <newsletter.acme.example>",
                                   unsubscribeHTTPS: c.unsubscribe, unsubscribeMailto: "mailto:u@acme.example?subject=unsubscribe",
                                   text: Array(c.text.utf8), html: Array(c.html.utf8))
        let bytes = message.serialize()
        guard let parsed = try Python.parse([bytes])?.first else {
            print("python3 is not installed: skipping the round trip through Python's email package")
            return
        }
        #expect(parsed.subject == c.subject)
        #expect(parsed.to_name == (c.toName ?? ""))
        #expect(parsed.to_addr == "reader@example.org")
        #expect(parsed.from_name == "Acme & Söhne")
        #expect(parsed.from_addr == "news@acme.example")
        #expect(parsed.text == c.text)
        #expect(parsed.html == c.html)
        #expect(parsed.content_types == ["multipart/alternative", "text/plain", "text/html"])
        #expect(parsed.list_unsubscribe.replacingOccurrences(of: " ", with: "") == "<\(c.unsubscribe)>,<mailto:u@acme.example?subject=unsubscribe>")
        #expect(parsed.list_unsubscribe_post == "List-Unsubscribe=One-Click")
        #expect(parsed.message_id == "<abc123@acme.example>")
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(parsed.max_line <= 998)
        #expect(!parsed.bare_newlines)
        #expect(!parsed.dot_lines)
        #expect(parsed.qp_max_line <= 76)
        #expect(parsed.mime_version == "1.0")
        #expect(parsed.date == "Thu, 07 Aug 2025 00:00:00 +0200")
        #expect(parsed.list_id == "Acme <newsletter.acme.example>")
        for word in parsed.encoded_words {
            #expect(word.length <= 75, "\(word.word)")
            #expect(word.whole, "\(word.word) splits a UTF-8 character")
        }
        // The unsubscribe URL is whole on one line, never encoded or folded inside <…>.
        let raw = String(decoding: bytes, as: UTF8.self)
        #expect(raw.contains("List-Unsubscribe: <\(c.unsubscribe)>"))
        for line in raw.components(separatedBy: "\r\n") where !line.contains(c.unsubscribe) {
            #expect(line.utf8.count <= 78, "\(line)")
        }
    }
}
