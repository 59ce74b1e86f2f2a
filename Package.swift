// swift-tools-version: 6.0
// Herald: a plugin-based static site and report generator. No package dependencies:
// only the toolchain and Debian's C libraries (see `make setup`).
import PackageDescription

let plugins: [(name: String, folder: String, extra: [Target.Dependency])] = [
    ("PagesPlugin", "Pages", []),
    ("SEOPlugin", "SEO", []),
    ("SitemapPlugin", "Sitemap", ["CZlib", "SEOPlugin"]),
    ("NewsletterPlugin", "Newsletter", ["CCrypto", "Mail"]),
    ("AttributionPlugin", "Attribution", []),
    ("ReputationPlugin", "Reputation", ["Mail"]),
    ("CommandCenterPlugin", "CommandCenter", []),
]

var targets: [Target] = [
    .systemLibrary(name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark-gfm",
                   providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
    .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                   providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
                   providers: [.apt(["libyaml-dev"])]),
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                   providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CCrypto", path: "Sources/CCrypto", pkgConfig: "libcrypto",
                   providers: [.apt(["libssl-dev"])]),

    // The Liquid template engine, usable on its own.
    .target(name: "Liquid", path: "Sources/Liquid"),
    // Snapshot model and strict loaders (CSV, NDJSON, YAML, TOML front matter).
    .target(name: "HeraldData", dependencies: ["CYAML", "CZlib"], path: "Sources/Data"),
    // RFC 5322/2045/2047 message encoding shared by every plugin that writes email.
    .target(name: "Mail", dependencies: ["HeraldData"], path: "Sources/Mail"),
    // Markdown (cmark-gfm) and HTML/XML (libxml2) helpers.
    .target(name: "Markup", dependencies: ["CCmark", "CLibXML2"], path: "Sources/Markup"),
    // Project loading, plugin protocol, pipeline, artifact writer.
    .target(name: "Generator", dependencies: ["HeraldData", "Liquid", "Markup"], path: "Sources/Generator"),
    .target(name: "Plugins", dependencies: plugins.map { .target(name: $0.name) }, path: "Sources/Plugins/Registry"),
    .executableTarget(name: "herald", dependencies: ["Generator", "Plugins", "HeraldData", "Liquid", "Markup"],
                      path: "Sources/herald"),

    // `make bench-email`: Herald's side of the email benchmark (bench/email/run.py).
    .executableTarget(name: "herald-bench-email", dependencies: ["NewsletterPlugin", "Generator", "HeraldData"],
                      path: "bench/email/Sources"),
    // `make bench-sitemap`: a 1,000,000-URL sitemap set through the real sitemap plugin, streamed to a temp folder.
    .executableTarget(name: "herald-bench-sitemap", dependencies: ["SitemapPlugin", "Generator", "HeraldData"],
                      path: "bench/sitemap/Sources"),
    // The SEO audit's phases timed on a snapshot's crawl, one thread (usage in bench/seo/Sources/main.swift).
    .executableTarget(name: "herald-bench-seo", dependencies: ["SEOPlugin", "Generator", "HeraldData", "Markup"],
                      path: "bench/seo/Sources"),

    .testTarget(name: "LiquidTests", dependencies: ["Liquid"], path: "Tests/LiquidTests"),
    .testTarget(name: "DataTests", dependencies: ["HeraldData"], path: "Tests/DataTests"),
    .testTarget(name: "MailTests", dependencies: ["Mail"], path: "Tests/MailTests"),
    .testTarget(name: "MarkupTests", dependencies: ["Markup"], path: "Tests/MarkupTests"),
    .testTarget(name: "GeneratorTests", dependencies: ["Generator", "Plugins"], path: "Tests/GeneratorTests"),
    .testTarget(name: "EndToEndTests", dependencies: ["Generator", "Plugins", "HeraldData"], path: "Tests/EndToEndTests"),
]

for plugin in plugins {
    targets.append(.target(name: plugin.name,
                           dependencies: ["Generator", "HeraldData", "Liquid", "Markup"] + plugin.extra,
                           path: "Sources/Plugins/\(plugin.folder)"))
    targets.append(.testTarget(name: "\(plugin.name)Tests", dependencies: [.target(name: plugin.name), "Generator", "HeraldData", "Markup"],
                               path: "Tests/\(plugin.name)Tests"))
}

let package = Package(
    name: "Herald",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "herald", targets: ["herald"]),
        .library(name: "Liquid", targets: ["Liquid"]),
    ],
    targets: targets
)
