import Foundation
import Generator
import HeraldData
import Liquid
import Markup
@testable import PagesPlugin

let tenant = TenantConfig(id: "acme", name: "Acme & Sons", baseURL: "https://acme.example/", edition: "pro",
                          locale: "en-GB", timeZone: "Europe/Berlin")
let here = SourceLocation(file: "content/acme/pages/x.md", line: 1)

/// A front matter map as the YAML or TOML reader produces it.
func frontMatter(_ pairs: [(String, ConfigValue)]) -> ConfigNode {
    ConfigNode(.map(pairs.enumerated().map { index, pair in
        (key: pair.0, value: ConfigNode(pair.1, at: SourceLocation(file: "content/acme/pages/x.md", line: index + 2, column: 1)))
    }), at: SourceLocation(file: "content/acme/pages/x.md", line: 1))
}

func document(_ path: String, _ body: String, _ pairs: [(String, ConfigValue)] = []) -> ContentDocument {
    ContentDocument(path: path, frontMatter: frontMatter(pairs), body: body, bodyLine: pairs.count + 3,
                    location: SourceLocation(file: "content/acme/" + path, line: 1))
}

func input(_ documents: [ContentDocument], settings: [(String, ConfigValue)] = [], limits: [String: Int] = [:],
           templates: ThemeRenderer = theme) -> PluginInput {
    PluginInput(tenant: tenant, snapshot: Snapshot(date: "2026-11-30", folder: "snapshots/acme/2026-11-30"),
                content: documents, settings: PluginSettings(frontMatter(settings)), limits: limits,
                now: Date(timeIntervalSince1970: 1_796_083_200), templates: templates)
}

func string(_ value: LiquidValue?) -> String? {
    switch value {
    case let .string(s)?, let .safe(s)?: s
    default: nil
    }
}

func field(_ object: LiquidObject, _ path: String) -> LiquidValue? {
    var current: LiquidValue? = .object(object)
    for key in path.split(separator: ".") {
        guard case let .object(o)? = current else { return nil }
        current = o[String(key)]
    }
    return current
}

/// Stands in for the Liquid theme: mirrors what `layouts/base.html` and `pages/page.html` emit.
let theme = ThemeRenderer { name, variables in
    let e = { (value: LiquidValue?) in HTMLEscape.escape(string(value) ?? "") }
    switch name {
    case "pages/page.html":
        var out = "<article>"
        if case .bool(true)? = variables["show_title"] { out += "<h1>\(e(field(variables, "page.title")))</h1>" }
        return out + (string(variables["body"]) ?? "") + "</article>"
    case "pages/index.html":
        guard case let .array(items)? = variables["pages"] else { return "" }
        return "<ul>" + items.map { item -> String in
            guard case let .object(o) = item else { return "" }
            return "<li><a href=\"\(e(o["link"]))\">\(e(o["title"]))</a></li>"
        }.joined() + "</ul>"
    case "layouts/base.html":
        var head = "<!DOCTYPE html><html lang=\"\(e(field(variables, "tenant.locale")))\"><head><title>\(e(field(variables, "page.title")))</title>"
        if let d = string(field(variables, "page.description")) { head += "<meta name=\"description\" content=\"\(HTMLEscape.escape(d))\">" }
        if let c = string(field(variables, "page.canonical")) {
            head += "<link rel=\"canonical\" href=\"\(HTMLEscape.escape(c))\"><meta property=\"og:url\" content=\"\(HTMLEscape.escape(c))\">"
        }
        if let t = string(field(variables, "page.og_type")) {
            head += "<meta property=\"og:type\" content=\"\(HTMLEscape.escape(t))\">"
            head += "<meta property=\"og:title\" content=\"\(e(field(variables, "page.title")))\">"
            if let d = string(field(variables, "page.description")) { head += "<meta property=\"og:description\" content=\"\(HTMLEscape.escape(d))\">" }
        }
        return head + "</head><body>" + (string(variables["content"]) ?? "") + "</body></html>"
    default:
        throw MissingTemplate(name: name)
    }
}

extension HTMLElement {
    /// The `content` of `<meta property=…>` or `<meta name=…>`.
    func meta(_ key: String) -> String? {
        descendants(named: "meta").first { $0[attribute: "property"] == key || $0[attribute: "name"] == key }?[attribute: "content"]
    }
    var canonical: [String] {
        descendants(named: "link").filter { $0[attribute: "rel"] == "canonical" }.compactMap { $0[attribute: "href"] }
    }
}

extension PluginOutput {
    func html(_ path: String) -> HTMLElement? {
        artifacts.first { $0.path.value == path }.map { HTMLParser.parse($0.bytes) }
    }
    func text(_ path: String) -> String? {
        artifacts.first { $0.path.value == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}

struct MissingTemplate: Error { var name: String }
