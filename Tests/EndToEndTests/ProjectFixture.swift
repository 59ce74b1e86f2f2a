import Foundation
import Generator
import HeraldData
import Plugins

/// A project on disk, built in code, for end-to-end tests.
struct ProjectFixture {
    let root: String

    init(files: [String: String]) throws {
        root = NSTemporaryDirectory() + "herald-e2e-" + UUID().uuidString
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Herald's repository (for the built-in theme and the example project).
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let themes = ThemeFactory(builtinRoot: repository + "/templates")
    static let secrets = SecretStore(["unsubscribe_key": Array("test-secret-7f3a9c".utf8)])
    static let now = Date(timeIntervalSince1970: 1_796_198_400) // 2026-12-01T06:00:00Z

    static func pipeline(log: @escaping @Sendable (BuildEvent) -> Void = { _ in }) -> Pipeline {
        Pipeline(fileSystem: LocalFileSystem(), plugins: BuiltinPlugins.all, themes: themes, secrets: secrets, log: log)
    }

    /// Every file under `folder`, relative path → bytes.
    static func tree(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }
}

/// Hostile text that must never turn into markup.
enum Hostile {
    static let script = "<script>alert('x')</script>"
    static let attribute = "\"><img src=x onerror=alert(1)>"
    static let quote = "O'Brien \"the <b>bold</b>\""
    static let url = "javascript:alert(document.cookie)"
    static let all = "\(script) \(attribute) \(quote)"
}

extension ProjectFixture {
    /// A project whose one tenant runs every plugin on data full of hostile text.
    static func hostile() throws -> ProjectFixture {
        let h = Hostile.all
        let csvH = "\"" + h.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        func json(_ s: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: [s], options: [])
            let text = String(decoding: data, as: UTF8.self)
            return String(text.dropFirst().dropLast())
        }
        let page = """
            <!doctype html><html lang="en"><head><title>\(Hostile.script) \(Hostile.attribute.replacingOccurrences(of: "<", with: "&lt;"))</title>
            <meta name="description" content="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">
            <meta name="viewport" content="width=device-width"></head>
            <body><h1>Hello</h1><a href="/missing-\(UUID().uuidString.prefix(4)).html">x</a><a href="javascript:alert(1)">y</a>
            <img src="a.png"></body></html>
            """
        return try ProjectFixture(files: [
            "herald.yml": """
                output_dir: out
                editions:
                  everything:
                    plugins: [pages, seo, sitemap, newsletter, attribution, reputation, command-center]
                """,
            "snapshots/evil/tenant.yml": """
                name: "Evil <script>alert(1)</script> & Co"
                base_url: https://evil.example/
                edition: everything
                locale: en-GB
                time_zone: Europe/London
                reporting_currency: EUR
                brand:
                  primary_color: "#112233"
                  accent_color: "#445566"
                """,
            "snapshots/evil/2026-11-30/crawl/site/index.html": page,
            "snapshots/evil/2026-11-30/crawl/site/about.html": page,
            "snapshots/evil/2026-11-30/touchpoints.csv": """
                touchpoint_id,anonymous_id,user_id,timestamp,channel,source,medium,campaign,cost
                t1,a1,,2026-11-20T10:00:00+01:00,\(csvH),src,med,\(csvH),1.00
                t2,a1,,2026-11-21T10:00:00Z,Direct,(direct),(none),,

                """,
            "snapshots/evil/2026-11-30/conversions.csv": """
                conversion_id,user_id,timestamp,value,currency
                c1,u1,2026-11-22T10:00:00+01:00,100.00,EUR

                """,
            "snapshots/evil/2026-11-30/identities.csv": """
                event_id,event,anonymous_id,user_id,timestamp
                e1,identify,a1,u1,2026-11-20T09:00:00.000+01:00

                """,
            "snapshots/evil/2026-11-30/rates.csv": "currency,rate\nUSD,0.9\n",
            "snapshots/evil/2026-11-30/reviews.ndjson": """
                {"id":"r1","source":\(json(h)),"author":\(json(h)),"rating":1,"title":\(json(h)),"text":\(json(h + " " + Hostile.url)),"created_at":"2026-11-25T10:00:00+00:00"}
                {"id":"r2","source":"google","author":"Ann","rating":5,"text":"Great!","created_at":"2026-11-26T10:00:00+00:00","response":{"text":\(json(h)),"responded_at":"2026-11-26T12:00:00+00:00"}}

                """,
            "snapshots/evil/2026-11-30/subscribers.csv": """
                id,email,first_name,last_name,tags,status
                s1,ann@example.com,\(csvH),\(csvH),,subscribed

                """,
            "content/evil/pages/about.md": """
                ---
                title: "\(h.replacingOccurrences(of: "\"", with: "\\\""))"
                description: "\(h.replacingOccurrences(of: "\"", with: "\\\""))"
                ---
                # About \(h)

                <script>alert(1)</script><img src="x" onerror="alert(1)"><a href="\(Hostile.url)">click</a>

                [link](\(Hostile.url)) and <iframe src="https://evil.example"></iframe>
                """,
            "content/evil/newsletter/2026-11-issue.md": """
                ---
                subject: "Hi {{ subscriber.first_name | default: 'there' }} \(h.replacingOccurrences(of: "\"", with: "\\\""))"
                preheader: "\(h.replacingOccurrences(of: "\"", with: "\\\""))"
                date: 2026-11-28
                ---
                Hello {{ subscriber.first_name | default: "there" }}!

                <script>alert(1)</script><a href="\(Hostile.url)" onclick="x()">bad</a>
                """,
        ])
    }
}
