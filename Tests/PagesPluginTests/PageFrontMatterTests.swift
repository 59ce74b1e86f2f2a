import Foundation
import HeraldData
import Testing
@testable import PagesPlugin

@Suite struct PageFrontMatterTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// The same page written with YAML (`---`) and TOML (`+++`) front matter, as Hugo and Zola write them.
    @Test(arguments: [
        "---\ntitle: About us\ndate: 2026-03-29\ndraft: false\nslug: about\ntags: [a, b]\n---\n# Body\n",
        "---\ntitle: \"About us\"\ndate: \"2026-03-29T00:00:00+01:00\"\nslug: about\nauthor:\n  name: X\n...\n# Body\n",
        "+++\ntitle = \"About us\"\ndate = 2026-03-29T00:00:00+01:00\ndraft = false\nslug = \"about\"\n[extra]\nk = 1\n+++\n# Body\n",
        "+++\ntitle = 'About us'\ndate = 2026-03-29\nslug = 'about'\n+++\n# Body\n",
        "+++\ntitle = \"About us\"\ndate = 2026-03-29 00:00:00\nslug = \"about\"\n+++\n# Body\n",
    ])
    func variants(file: String) throws {
        let document = try FrontMatter.parse(Array(file.utf8), file: "content/acme/pages/x.md", path: "pages/x.md")
        let matter = try PageFrontMatter(document.frontMatter, timeZone: Self.berlin)
        #expect(matter.title == "About us")
        #expect(matter.slug == "about")
        #expect(matter.draft == false)
        #expect(matter.date?.description == "2026-03-29T00:00:00+01:00")
        #expect(document.body == "# Body\n")
    }

    @Test(arguments: ["---\ndraft: true\n---\nx", "+++\ndraft = true\n+++\nx"])
    func draftFlag(file: String) throws {
        let document = try FrontMatter.parse(Array(file.utf8), file: "x.md", path: "pages/x.md")
        #expect(try PageFrontMatter(document.frontMatter, timeZone: Self.berlin).draft)
    }

    @Test(arguments: [
        ("2026-03-29", "2026-03-29T00:00:00+01:00"),
        ("2026-03-30", "2026-03-30T00:00:00+02:00"),  // after the switch to summer time
        ("2026-03-29T10:15:00Z", "2026-03-29T10:15:00Z"),
        ("2026-03-29T10:15:00.250-05:00", "2026-03-29T10:15:00.250-05:00"),
        ("2026-03-29t10:15:00+0530", "2026-03-29T10:15:00+05:30"),
        ("2026-07-01T12:00", "2026-07-01T12:00:00+02:00"),
        ("2024-02-29", "2024-02-29T00:00:00+01:00"),
    ])
    func dates(text: String, expected: String) {
        #expect(PageDate.parse(text, timeZone: Self.berlin)?.description == expected)
    }

    @Test(arguments: ["", "yesterday", "2026-13-01", "2026-02-30", "2025-02-29", "2026-3-1", "2026-03-29T25:00:00Z",
                      "2026-03-29T10:15:00+25:00", "2026-03-29T10:15:00Zjunk", "29/03/2026"])
    func badDates(text: String) {
        #expect(PageDate.parse(text, timeZone: Self.berlin) == nil)
        #expect(throws: Diagnostic.self) { try PageFrontMatter(frontMatter([("date", .string(text))]), timeZone: Self.berlin) }
    }

    @Test(arguments: [
        ("title", ConfigValue.array([])),
        ("draft", .string("yes")),
        ("description", .map([])),
        ("slug", .bool(true)),
    ])
    func wrongTypesNameTheKeyAndLine(key: String, value: ConfigValue) {
        do {
            _ = try PageFrontMatter(frontMatter([("layout", .string("x")), (key, value)]), timeZone: Self.berlin)
            Issue.record("accepted \(key)")
        } catch {
            #expect(error.location.keyPath == key)
            #expect(error.location.line == 3)
            #expect(error.message.contains(key))
        }
    }

    /// A folder name longer than file systems allow would fail the write with "File name too long", naming only the
    /// staging folder; the front matter is named instead. Length counts after sanitising (`é` → `e`).
    @Test(arguments: [(String(repeating: "a", count: 255), true), (String(repeating: "é", count: 255), true),
                      (String(repeating: "a", count: 256), false), ("blog/" + String(repeating: "b", count: 300), false)])
    func slugPartsFitAFolderName(slug: String, accepted: Bool) {
        do {
            let matter = try PageFrontMatter(frontMatter([("slug", .string(slug))]), timeZone: Self.berlin)
            #expect(accepted, "accepted a slug part of \(slug.count) characters")
            #expect(matter.slug == slug)
        } catch {
            #expect(!accepted)
            #expect(error.location.keyPath == "slug")
            #expect(error.message.contains("at most 255"), "\(error.message)")
        }
    }

    @Test func updatedWinsForLastModified() throws {
        let document = document("pages/a.md", "Hi", [("date", .string("2026-01-01")), ("updated", .string("2026-02-01T08:00:00+01:00"))])
        let page = try PreparedPage(document, tenant: tenant, timeZone: Self.berlin, settings: PagesSettings())
        #expect(page.lastModified?.description == "2026-02-01T08:00:00+01:00")
    }
}
