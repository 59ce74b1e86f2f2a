import Testing
import Markup

@Suite struct HTMLCharsetTests {
    @Test(arguments: [
        // (Content-Type, body start, label, source)
        ("text/html; charset=ISO-8859-1", "<meta charset=\"utf-8\">", "iso-8859-1", HTMLCharset.Source.header),
        ("text/html; charset=\"utf-8\"", "", "utf-8", .header),
        ("text/html", "<meta charset=\"windows-1252\" />", "windows-1252", .meta),
        ("text/html", "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">", "shift_jis", .meta),
        ("text/html", "<meta name=\"viewport\" content=\"width=device-width\"><p>charset=koi8-r</p>", "utf-8", .assumed),
        (nil, "<!doctype html><title>x</title>", "utf-8", .assumed),
    ] as [(String?, String, String, HTMLCharset.Source)])
    func detects(contentType: String?, body: String, label: String, source: HTMLCharset.Source) {
        let detected = HTMLCharset.detect(contentType: contentType, body: Array(body.utf8))
        #expect(detected.label == label && detected.source == source)
    }

    @Test func byteOrderMarkWinsOverTheHeader() {
        let detected = HTMLCharset.detect(contentType: "text/html; charset=iso-8859-1", body: [0xEF, 0xBB, 0xBF, 0x41])
        #expect(detected == HTMLCharset.Detected(label: "utf-8", source: .byteOrderMark))
        #expect(HTMLCharset.decode(contentType: nil, body: [0xEF, 0xBB, 0xBF, 0x41]).utf8 == [0x41])
    }

    @Test func latin1AndWindows1252AreConverted() {
        let body: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x80, 0x20, 0x93, 0x71, 0x94]
        let decoded = HTMLCharset.decode(contentType: "text/html; charset=iso-8859-1", body: body)
        #expect(decoded.problem == nil)
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "Café € “q”")
    }

    @Test func invalidUTF8IsAProblemWithTheFirstBadOffset() {
        let body: [UInt8] = Array("<title>Caf".utf8) + [0xE9] + Array("</title>".utf8)
        let decoded = HTMLCharset.decode(contentType: "text/html; charset=utf-8", body: body)
        #expect(decoded.problem == "the body is not valid UTF-8 (charset from the Content-Type header): first bad byte at offset 10")
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "<title>Caf\u{FFFD}</title>")
    }

    @Test(arguments: [
        ([0x41, 0xC3, 0xA9], nil), ([0xC0, 0x80], 0), ([0xED, 0xA0, 0x80], 0), ([0x41, 0xF4, 0x90, 0x80, 0x80], 1),
        ([0xE2, 0x82], 0), ([0xF0, 0x9F, 0x98, 0x80, 0x41], nil), ([0x41, 0x80], 1),
        // Past runs of ASCII read eight bytes at a time, at and around the word boundaries.
        (Array(repeating: 0x61, count: 8) + [0x80], 8), (Array(repeating: 0x61, count: 15) + [0xFF, 0x61], 15),
        (Array(repeating: 0x61, count: 16) + [0xC3, 0xA9] + Array(repeating: 0x62, count: 9) + [0xE2, 0x82], 27),
        (Array(repeating: 0x61, count: 7) + [0xC3, 0xA9] + Array(repeating: 0x62, count: 20), nil),
    ] as [([UInt8], Int?)])
    func utf8Validation(bytes: [UInt8], firstBad: Int?) {
        #expect(HTMLCharset.firstInvalidUTF8(bytes) == firstBad)
    }

    @Test func utf16WithByteOrderMark() {
        let body: [UInt8] = [0xFF, 0xFE] + Array("<p>é</p>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = HTMLCharset.decode(contentType: "text/html", body: body)
        #expect(decoded.problem == nil && String(decoding: decoded.utf8, as: UTF8.self) == "<p>é</p>")
    }

    @Test func unknownCharsetIsReadAsUTF8AndReported() {
        let decoded = HTMLCharset.decode(contentType: "text/html; charset=x-klingon", body: Array("<p>ok</p>".utf8))
        #expect(decoded.problem == "the charset 'x-klingon' (from the Content-Type header) is not supported; the body was read as UTF-8")
        #expect(decoded.utf8 == Array("<p>ok</p>".utf8))
    }
}
