import Foundation
import Testing
import Generator
import HeraldData
@testable import NewsletterPlugin

/// Real input (issue 2, §6): the Rust blog posts in ../shared/corpus/newsletter/rust-blog/ (TOML front matter,
/// date in `path`) as newsletter issues, sent to a generated subscriber list.
@Suite struct RustBlogCorpusTests {
    /// `../shared` beside the package root (or beside its parent, for a git worktree).
    static let corpus: URL = {
        let parent = packageRoot.deletingLastPathComponent()
        let candidates = [parent.appendingPathComponent("shared"), parent.deletingLastPathComponent().appendingPathComponent("shared")]
        let shared = candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
        return shared.appendingPathComponent("corpus/newsletter/rust-blog")
    }()

    static func documents() throws -> [ContentDocument]? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: corpus.path) else { return nil }
        var documents: [ContentDocument] = []
        let enumerator = fm.enumerator(atPath: corpus.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".md"), relative != "README.md" else { continue }
            let bytes = [UInt8](try Data(contentsOf: corpus.appendingPathComponent(relative)))
            documents.append(try FrontMatter.parse(bytes, file: "rust-blog/" + relative, path: "newsletter/" + relative))
        }
        return documents.sorted { $0.path < $1.path }
    }

    /// A seeded list: plain, accented, Korean, emoji and hostile names; one unsubscribed.
    static let subscribers: [Subscriber] = {
        let names: [(String?, String?)] = [("Ada", "Lovelace"), ("Zoë", "Müller"), ("민준", "김"), (nil, nil), ("<b>\"x'", "O'Neil, Jr."),
                                           ("Ferris 🦀", nil), ("Grace", "Hopper"), ("José", "Núñez")]
        return names.enumerated().map { k, name in
            Subscriber(id: String(format: "sub-%03d", k), email: "reader\(k)@example.org", firstName: name.0, lastName: name.1,
                       tags: [["rust", "security", "community"][k % 3]], subscribed: k != 6)
        }
    }()

    @Test func everyPostBecomesValidMessages() throws {
        guard let documents = try RustBlogCorpusTests.documents() else {
            print("skipping: \(RustBlogCorpusTests.corpus.path) is absent")
            return
        }
        #expect(documents.count == 30)
        let tenant = TenantConfig(id: "rust-blog", name: "Rust Blog", baseURL: "https://blog.rust-lang.org/", edition: "pro",
                                  timeZone: "UTC", brand: Brand(primaryColor: "#000000", accentColor: "#f74c00"))
        let output = try runNewsletter(makeInput(documents, subscribers: RustBlogCorpusTests.subscribers, tenant: tenant))
        let emails = output.artifacts.filter { $0.path.value.hasSuffix(".eml") }
        #expect(emails.count == 30 * 7)
        #expect(output.summary?.headline == "30 issues, 210 messages")
        // The over-long post is flagged for Gmail clipping.
        #expect(output.notices.contains { $0.message.contains("project-goals-2026-04") && $0.message.contains("Gmail") })

        let titles: [String: String] = Dictionary(uniqueKeysWithValues: documents.map { doc in
            let slug = IssueSlug.sanitize(IssueSlug.fromPath(doc.path))
            guard case let .map(pairs) = doc.frontMatter.value, let title = pairs.first(where: { $0.key == "title" }),
                  case let .string(text) = title.value.value else { return (slug, "") }
            return (slug, text)
        })
        guard let parsed = try Python.parse(emails.map(\.bytes)) else {
            print("python3 is not installed: skipping the round trip through Python's email package")
            return
        }
        #expect(parsed.count == emails.count)
        for (artifact, message) in zip(emails, parsed) {
            let parts = artifact.path.value.split(separator: "/")
            let slug = String(parts[2])
            #expect(message.subject == titles[slug], "\(artifact.path)")
            #expect(message.defects.isEmpty, "\(artifact.path): \(message.defects)")
            #expect(!message.bare_newlines && !message.dot_lines && message.max_line <= 998, "\(artifact.path)")
            #expect(message.content_types == ["multipart/alternative", "text/plain", "text/html"])
            #expect(message.list_unsubscribe.hasPrefix("<https://blog.rust-lang.org/unsubscribe?t="))
            #expect(!message.html.contains("<script"), "\(artifact.path)")
            #expect(!message.html.contains("\u{E000}") && !message.text.contains("\u{E000}"), "\(artifact.path): unreplaced merge")
            #expect(!message.html.contains("{{ subscriber") && !message.text.contains("{{ subscriber"), "\(artifact.path)")
            // Every image is absolute.
            for match in message.html.split(separator: "src=\"").dropFirst() {
                #expect(match.hasPrefix("https://") || match.hasPrefix("http://"), "\(artifact.path): relative image \(match.prefix(40))")
            }
            #expect(message.text.contains(message.to_name.isEmpty ? "Hi there," : "Hi "), "\(artifact.path)")
        }
        // Template-like text inside code survives literally.
        let naked = try #require(parsed.first { $0.subject.contains("naked functions") })
        #expect(naked.html.contains("{{r0, r1, r4, lr}}") || naked.html.contains("{{r0"))
        let crates = try #require(parsed.first { $0.html.contains("steps.auth.outputs.token") })
        #expect(crates.html.contains("${{ steps.auth.outputs.token }}"))
        // The hostile name is escaped in HTML.
        let hostile = try #require(parsed.first { $0.to_addr == "reader4@example.org" })
        #expect(hostile.html.contains("Hi &lt;b&gt;&quot;x&#39;,"))
        #expect(hostile.to_name == "<b>\"x' O'Neil, Jr.")
        // The survey post's scripts are gone from both parts.
        let survey = try #require(parsed.first { $0.subject.contains("State of Rust Survey") })
        #expect(!survey.text.contains("function") || !survey.text.contains("echarts"))
    }
}
