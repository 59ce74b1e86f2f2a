import Foundation
import Testing
@testable import HeraldData

/// WARC records built in code: `record(...)` writes one record exactly as crawlers do.
enum WARCBuilder {
    static func record(type: String? = "response", uri: String? = "http://example.test/", fields: [String] = [],
                       block: String, contentLength: String? = nil, version: String = "WARC/1.1", trailer: String = "\r\n\r\n") -> [UInt8] {
        var head = version + "\r\n"
        if let type { head += "WARC-Type: \(type)\r\n" }
        if let uri { head += "WARC-Target-URI: <\(uri)>\r\n" }
        head += "WARC-Date: 2026-12-03T19:31:57Z\r\n"
        for field in fields { head += field + "\r\n" }
        if type == "response" || type == "revisit" { head += "Content-Type: application/http;msgtype=response\r\n" }
        head += "Content-Length: \(contentLength ?? String(block.utf8.count))\r\n\r\n"
        return Array((head + block + trailer).utf8)
    }

    static func http(_ status: String = "200 OK", headers: [String] = ["Content-Type: text/html"], body: String = "<title>x</title>") -> String {
        "HTTP/1.1 \(status)\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n" + body
    }

    static func gz(_ records: [[UInt8]]) -> [UInt8] { records.flatMap { GzipMembers.compress($0) } }

    static func load(_ bytes: [UInt8], name: String = "crawl.warc.gz") -> WARCCrawlLoader.Result {
        WARCCrawlLoader.load([(name, bytes)])
    }
}

@Suite struct WARCReaderTests {
    typealias B = WARCBuilder

    @Test(arguments: [false, true]) func responsesRedirectsAndSkippedRecordTypes(gzip: Bool) throws {
        let records = [
            B.record(type: "warcinfo", uri: nil, block: "software: test\r\n"),
            B.record(type: "request", block: "GET / HTTP/1.1\r\nHost: example.test\r\n\r\n"),
            B.record(uri: "http://example.test/", block: B.http(body: "<title>Home</title>")),
            B.record(uri: "http://example.test/old", block: B.http("301 Moved Permanently", headers: ["Location: /new"], body: "")),
            B.record(type: "metadata", uri: "http://example.test/", block: "outlink: x\r\n"),
            B.record(uri: "dns:example.test", block: "20261203 93.184.216.34"),
        ]
        let bytes = gzip ? B.gz(records) : records.flatMap { $0 }
        let result = B.load(bytes)
        #expect(result.diagnostics.isEmpty)
        #expect(result.recordCounts == ["warcinfo": 1, "request": 1, "response": 3, "metadata": 1])
        let pages = result.crawl.pages
        #expect(pages.map(\.url) == ["http://example.test/", "http://example.test/old"])
        #expect(pages.map(\.status) == [200, 301])
        #expect(pages[1].header("Location") == "/new")
        #expect(String(decoding: pages[0].body, as: UTF8.self) == "<title>Home</title>")
        #expect(pages[0].fetchedAt == (try Timestamp(parsing: "2026-12-03T19:31:57Z")))
        // The location names the record: its byte offset, or its gzip member's offset.
        let offset = gzip ? B.gz(Array(records.prefix(2))).count : records.prefix(2).reduce(0) { $0 + $1.count }
        #expect(pages[0].location == SourceLocation(file: "crawl.warc.gz", offset: offset))
    }

    @Test func revisitsResolveToTheReferredPayload() {
        let digest = "WARC-Payload-Digest: sha1:AAAA"
        let records = [
            B.record(uri: "http://example.test/a", fields: ["WARC-Record-ID: <urn:uuid:1>", digest], block: B.http(body: "payload A")),
            // identical-payload-digest: headers only; found by URI + digest.
            B.record(type: "revisit", uri: "http://example.test/a-copy",
                     fields: ["WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
                              "WARC-Refers-To-Target-URI: <http://example.test/a>", digest],
                     block: "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"),
            // server-not-modified: a 304 by record id takes the original's status and headers.
            B.record(type: "revisit", uri: "http://example.test/b",
                     fields: ["WARC-Refers-To: <urn:uuid:1>"], block: "HTTP/1.1 304 Not Modified\r\n\r\n"),
            B.record(type: "revisit", uri: "http://example.test/lost", fields: ["WARC-Payload-Digest: sha1:ZZZZ"],
                     block: "HTTP/1.1 200 OK\r\n\r\n"),
        ]
        let result = B.load(B.gz(records))
        #expect(result.revisitsResolved == 2)
        let pages = result.crawl.pages
        #expect(pages.map(\.url) == ["http://example.test/a", "http://example.test/a-copy", "http://example.test/b"])
        #expect(pages.allSatisfy { String(decoding: $0.body, as: UTF8.self) == "payload A" })
        #expect(pages[1].header("content-type") == "text/html; charset=utf-8")
        #expect(pages[2].status == 200 && pages[2].header("content-type") == "text/html")
        let lostOffset = B.gz(Array(records.prefix(3))).count
        #expect(lines(result.diagnostics) == [
            "crawl.warc.gz (record at offset \(lostOffset)): warning: revisit record for http://example.test/lost refers to a payload that is not in the crawl's WARC files; skipped",
        ])
    }

    @Test func chunkedAndGzipBodiesAreDecoded() {
        let chunked = B.record(uri: "http://example.test/c",
                               block: B.http(headers: ["Content-Type: text/html", "Transfer-Encoding: chunked"], body: "4\r\n<tit\r\nB\r\nle>ok</titl\r\n3\r\ne>!\r\n0\r\n\r\n"))
        var gzipBlock = Array("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".utf8)
        gzipBlock += GzipMembers.compress(Array("gzipped body".utf8))
        var head = Array("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.test/g\r\nContent-Length: \(gzipBlock.count)\r\n\r\n".utf8)
        head += gzipBlock + Array("\r\n\r\n".utf8)
        let result = B.load(chunked + head, name: "c.warc")
        #expect(result.diagnostics.isEmpty)
        #expect(result.crawl.pages.map { String(decoding: $0.body, as: UTF8.self) } == ["<title>ok</title>!", "gzipped body"])
    }

    // MARK: - Gzip bombs: every inflated body and member is capped; an oversized record is skipped with a warning.

    /// A response record whose HTTP body is `body` sent with `Content-Encoding: gzip`.
    static func gzipEncodedResponse(uri: String, id: String, body: [UInt8]) -> [UInt8] {
        let block = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".utf8) + GzipMembers.compress(body)
        let head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: \(uri)\r\nWARC-Record-ID: \(id)\r\n"
            + "Content-Type: application/http;msgtype=response\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    @Test(arguments: [("bomb.warc", false), ("bomb.warc.gz", true)])
    func aGzipBodyOverTheLimitSkipsTheRecordWithAWarning(name: String, gzip: Bool) {
        let limit = 1 << 20
        // 4 MiB of zeros compress to about 4 KB: a small bomb for a 1 MiB limit.
        let bomb = Self.gzipEncodedResponse(uri: "http://example.test/bomb", id: "<urn:uuid:b0b>", body: [UInt8](repeating: 0, count: 4 << 20))
        let atLimit = Self.gzipEncodedResponse(uri: "http://example.test/full", id: "<urn:uuid:f01>",
                                               body: [UInt8](repeating: 0x61, count: limit))
        let next = B.record(uri: "http://example.test/next", block: B.http())
        let records = [bomb, atLimit, next]
        let result = WARCCrawlLoader.load([(name, gzip ? B.gz(records) : records.flatMap { $0 })], bodyLimit: limit)
        #expect(lines(result.diagnostics) == ["\(name) (record at offset 0): warning: response record <urn:uuid:b0b> for "
            + "http://example.test/bomb: the gzip-encoded body inflates to more than \(limit) bytes, Herald's limit per page; the record is skipped"])
        #expect(!result.hasErrors)
        #expect(result.crawl.pages.map(\.url) == ["http://example.test/full", "http://example.test/next"])
        #expect(result.crawl.pages[0].body.count == limit)
    }

    @Test func aGzipMemberOverTheLimitIsSkippedAndTheNextMemberIsRead() {
        let limit = 1 << 20
        // The member holds a plain 3 MiB body: more than the body limit plus the 1 MiB allowed for headers.
        let big = B.record(uri: "http://example.test/big", block: B.http(body: String(repeating: "a", count: 3 << 20)))
        let next = B.record(uri: "http://example.test/next", block: B.http())
        let first = B.record(uri: "http://example.test/first", block: B.http())
        let bytes = B.gz([first, big, next])
        let result = WARCCrawlLoader.load([("big.warc.gz", bytes)], bodyLimit: limit)
        let offset = GzipMembers.compress(first).count
        #expect(lines(result.diagnostics) == ["big.warc.gz (record at offset \(offset)): warning: the gzip member inflates to "
            + "\(big.count) bytes, more than the limit of \(limit + WARCReader.headerAllowance) bytes per WARC record; its record is skipped"])
        #expect(result.crawl.pages.map(\.url) == ["http://example.test/first", "http://example.test/next"])
        #expect(WARCReader.maxMemberBytes == HTTPResponseBlock.maxBodyBytes + WARCReader.headerAllowance)
        #expect(HTTPResponseBlock.maxBodyBytes == 52_428_800)
    }

    @Test func truncatedPayloadsAreKeptWithAWarning() {
        let record = B.record(uri: "http://example.test/big", fields: ["WARC-Truncated: length"], block: B.http(body: "<title>cut"))
        let result = B.load(record, name: "cc.warc")
        #expect(result.crawl.pages.map(\.url) == ["http://example.test/big"])
        #expect(lines(result.diagnostics) == ["cc.warc (record at offset 0): warning: http://example.test/big: the crawler cut this payload (WARC-Truncated: length); the page is audited as stored, so what lies after the cut is missing"])
    }

    @Test func laterCapturesOfAURLAreCounted() {
        let records = [B.record(block: B.http(body: "first")), B.record(block: B.http(body: "second"))]
        let result = B.load(records.flatMap { $0 }, name: "twice.warc")
        #expect(result.crawl.pages.map { String(decoding: $0.body, as: UTF8.self) } == ["first"])
        #expect(lines(result.diagnostics) == ["twice.warc: info: 1 later capture of URLs captured before ignored (the first capture of a URL is used)"])
    }

    // MARK: - Malformed records: clear errors with the file and the record's offset; the other records still load.

    @Test func missingWARCTypeIsAnErrorAndTheNextRecordLoads() {
        let first = B.record(type: nil, uri: "http://example.test/x", block: B.http())
        let second = B.record(uri: "http://example.test/y", block: B.http())
        let plain = B.load(first + second, name: "t.warc")
        #expect(lines(plain.diagnostics) == ["t.warc (record at offset 0): error: the record has no WARC-Type field"])
        #expect(plain.crawl.pages.map(\.url) == ["http://example.test/y"])
        let zipped = B.load(B.gz([second, first]), name: "t.warc.gz")
        #expect(lines(zipped.diagnostics) == ["t.warc.gz (record at offset \(GzipMembers.compress(second).count)): error: the record has no WARC-Type field"])
    }

    @Test func badContentLengthValue() {
        let bad = B.record(uri: "http://example.test/x", block: B.http(), contentLength: "12a")
        let good = B.record(uri: "http://example.test/y", block: B.http())
        let plain = B.load(good + bad + good.map { $0 }, name: "t.warc")
        #expect(lines(plain.diagnostics).first == "t.warc (record at offset \(good.count)): error: bad Content-Length '12a': expected a number of bytes")
        #expect(plain.crawl.pages.map(\.url) == ["http://example.test/y"])
        let missing = Array("WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n".utf8)
        #expect(lines(B.load(missing, name: "m.warc").diagnostics) == ["m.warc (record at offset 0): error: the record has no Content-Length field"])
    }

    @Test func wrongContentLengthIsCaughtByTheRecordEnd() {
        let block = B.http()
        let short = B.record(uri: "http://example.test/x", block: block, contentLength: String(block.utf8.count - 5))
        let next = B.record(uri: "http://example.test/y", block: B.http())
        // Plain file: resynchronised at the next version line.
        let plain = B.load(short + next, name: "t.warc")
        #expect(lines(plain.diagnostics) == ["t.warc (record at offset 0): error: the record does not end with CRLF CRLF after its \(block.utf8.count - 5)-byte block; Content-Length is wrong"])
        #expect(plain.crawl.pages.map(\.url) == ["http://example.test/y"])
        // gzip member: too long runs past the member.
        let long = B.record(uri: "http://example.test/x", block: block, contentLength: String(block.utf8.count + 100))
        let zipped = B.load(B.gz([long, next]), name: "t.warc.gz")
        #expect(lines(zipped.diagnostics) == ["t.warc.gz (record at offset 0): error: Content-Length \(block.utf8.count + 100) runs past the end of the record's gzip member (\(block.utf8.count + 4) bytes of block); Content-Length is wrong"])
        #expect(zipped.crawl.pages.map(\.url) == ["http://example.test/y"])
    }

    @Test func truncatedGzipMemberKeepsTheRecordsBeforeIt() {
        let a = GzipMembers.compress(B.record(uri: "http://example.test/a", block: B.http()))
        let b = GzipMembers.compress(B.record(uri: "http://example.test/b", block: B.http(body: String(repeating: "long body ", count: 200))))
        let result = B.load(a + b.prefix(b.count / 2), name: "cut.warc.gz")
        #expect(result.crawl.pages.map(\.url) == ["http://example.test/a"])
        #expect(lines(result.diagnostics).count == 1)
        #expect(result.diagnostics[0].severity == .warning)
        #expect(result.diagnostics[0].description.hasPrefix("cut.warc.gz (record at offset \(a.count)): warning: truncated: the file ends inside this gzip member"))
    }

    @Test func corruptGzipMemberIsAnError() {
        let a = GzipMembers.compress(B.record(uri: "http://example.test/a", block: B.http()))
        var b = GzipMembers.compress(B.record(uri: "http://example.test/b", block: B.http()))
        for i in 12..<min(b.count - 8, 40) { b[i] ^= 0x5A }
        let result = B.load(a + b, name: "bad.warc.gz")
        #expect(result.hasErrors)
        #expect(result.diagnostics[0].location == SourceLocation(file: "bad.warc.gz", offset: a.count))
        #expect(result.diagnostics[0].message.hasPrefix("corrupt gzip data"))
        #expect(result.crawl.pages.map(\.url) == ["http://example.test/a"])
    }

    @Test(arguments: [
        ("garbage", "bad HTTP status line", "expected an HTTP status line such as 'HTTP/1.1 200 OK', found 'garbage'"),
        ("HTTP/1.1 2000 OK\r\n\r\n", "status out of range", "bad HTTP status '2000' in 'HTTP/1.1 2000 OK'"),
    ])
    func badHTTPMessages(block: String, _ what: String, message: String) {
        let result = B.load(B.record(uri: "http://example.test/", block: block), name: "h.warc")
        #expect(lines(result.diagnostics) == ["h.warc (record at offset 0): error: response record for http://example.test/: \(message)"], "\(what)")
    }

    @Test func arbitraryBytesNeverTrap() {
        var generator = SystemRandomNumberGenerator()
        let good = B.gz([B.record(uri: "http://example.test/a", block: B.http())])
        for _ in 0..<200 {
            var bytes = good
            for _ in 0..<3 { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = B.load(bytes)
            _ = B.load(Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator))))
        }
        #expect(B.load([]).crawl.pages.isEmpty)
    }

    @Test func snapshotCrawlFolderWithWARCFiles() throws {
        let fs = MemoryFileSystem([
            "/p/herald.yml": "editions:\n  pro:\n    plugins: [seo]\n",
            "/p/snapshots/acme/tenant.yml": "name: Acme\nbase_url: http://example.test/\nedition: pro\n",
        ])
        try fs.write(B.gz([B.record(uri: "http://example.test/", block: B.http())]), to: "/p/snapshots/acme/2026-12-01/crawl/part-1.warc.gz")
        try fs.write(B.record(uri: "http://example.test/b", block: B.http()), to: "/p/snapshots/acme/2026-12-01/crawl/part-2.warc")
        let snapshot = try ProjectLoader(root: "/p", fileSystem: fs).snapshot("acme", date: "2026-12-01")
        #expect(snapshot.crawl?.pages.map(\.url) == ["http://example.test/", "http://example.test/b"])
        #expect(snapshot.crawl?.pages[1].location.description == "snapshots/acme/2026-12-01/crawl/part-2.warc (record at offset 0)")
    }
}

/// The shared corpus crawl: wget 1.21.3 over the Python 3.11.2 docs (../shared/corpus/crawl/README.md).
@Suite struct PythonDocsWARCTests {
    static let file: String? = sharedRoot.map { $0 + "/corpus/crawl/pydocs-3.11.warc.gz" }.flatMap {
        FileManager.default.fileExists(atPath: $0) ? $0 : nil
    }

    @Test(.enabled(if: file != nil, "../shared/corpus/crawl/pydocs-3.11.warc.gz is absent; skipped")) func factsOfTheCrawl() throws {
        let path = try #require(Self.file)
        let result = WARCCrawlLoader.load([("pydocs-3.11.warc.gz", try LocalFileSystem().read(path))])
        #expect(result.diagnostics.isEmpty)
        #expect(result.recordCounts == ["warcinfo": 1, "request": 558, "response": 558, "metadata": 1, "resource": 2])
        let pages = result.crawl.pages
        #expect(pages.count == 558)
        #expect(pages.allSatisfy { $0.url.hasPrefix("http://127.0.0.1:8765/") })
        #expect(pages.filter { $0.status == 200 }.count == 556)
        #expect(pages.filter { $0.status == 404 }.map(\.url) == ["http://127.0.0.1:8765/robots.txt", "http://127.0.0.1:8765/whatsnew/changelog.html"])
        #expect(pages.filter { (300..<400).contains($0.status) }.isEmpty)
        var types: [String: Int] = [:]
        for page in pages where page.status == 200 { types[page.header("content-type") ?? "", default: 0] += 1 }
        #expect(types == ["text/html": 527, "text/javascript": 12, "text/css": 5, "image/png": 8, "image/svg+xml": 2,
                          "application/xml": 1, "text/x-python": 1])
        #expect(pages.contains { $0.url == "http://127.0.0.1:8765/_static/pydoctheme.css?2022.1" })
        let root = try #require(pages.first { $0.url == "http://127.0.0.1:8765/" })
        let index = try #require(pages.first { $0.url == "http://127.0.0.1:8765/index.html" })
        #expect(root.body == index.body && root.body.count == 13_011)
        #expect(root.header("last-modified") == "Wed, 07 Oct 2026 12:35:07 GMT")
        #expect(root.location == SourceLocation(file: "pydocs-3.11.warc.gz", offset: try #require(Self.memberOffset(ofRecord: 2, in: path))))
        // The Content-Length header of each 200 response matches its body.
        #expect(pages.filter { $0.status == 200 }.allSatisfy { Int($0.header("content-length") ?? "") == $0.body.count })
        #expect(!pages.contains { $0.header("x-robots-tag") != nil })
    }

    /// The compressed offset of the n-th gzip member (0-based).
    static func memberOffset(ofRecord n: Int, in path: String) -> Int? {
        guard let bytes = try? LocalFileSystem().read(path) else { return nil }
        let members = GzipMembers(bytes, memberLimit: WARCReader.maxMemberBytes)
        return n < members.starts.count ? members.starts[n].compressed : nil
    }
}
