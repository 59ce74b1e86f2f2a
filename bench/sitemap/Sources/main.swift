import Foundation
import Generator
import HeraldData
import SitemapPlugin

/// `make bench-sitemap`: N synthetic published pages (lastmod on every page, an image on every fifth, 30% of them in
/// en/de/fr translation groups) through the real `SitemapPlugin.run`, its files streamed through an `ArtifactSink`
/// into a temporary folder as in a build. Prints one JSON line; run it under `/usr/bin/time -v` for peak RSS.
///
///     herald-bench-sitemap [--urls N] [--gzip] [--out DIR] [--phases] [--input-only]
///
/// `--input-only` stops after building the input (its share of the peak RSS); `--phases` then times the plugin's steps one by one (CPU seconds) on the same input, writing to nowhere.
let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let k = arguments.firstIndex(of: name), k + 1 < arguments.count else { return nil }
    return arguments[k + 1]
}
guard let urls = Int(option("--urls") ?? "1000000"), urls > 0 else {
    FileHandle.standardError.write(Data("usage: herald-bench-sitemap [--urls N] [--gzip] [--out DIR]\n".utf8))
    exit(2)
}
LargeAllocations.mapSeparately()  // as `herald build` does
let gzip = arguments.contains("--gzip")
let folder = option("--out") ?? NSTemporaryDirectory() + "herald-bench-sitemap-\(getpid())"
try? FileManager.default.removeItem(atPath: folder)

func processCPU() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

let languages = ["en", "de", "fr"]
let start = Timestamp(millisecondsSinceEpoch: 1_767_225_600_000, offsetSeconds: 3600)  // 2026-01-01T01:00:00+01:00
var pages: [PublishedPage] = []
pages.reserveCapacity(urls)
for k in 0..<urls {
    var page: PublishedPage
    if k % 10 < 3 {
        let group = k / 10
        page = PublishedPage(path: "\(languages[k % 10])/guide/\(group)/", translationKey: "g\(group)")
        page.language = languages[k % 10]
    } else {
        page = PublishedPage(path: "docs/\(k / 1000)/page-\(k).html")
    }
    page.lastModified = Timestamp(millisecondsSinceEpoch: start.millisecondsSinceEpoch + Int64(k) * 1000, offsetSeconds: 3600)
    if k % 5 == 0 { page.images = ["/img/\(k).png"] }
    pages.append(page)
}
/// `pages` in path order, as content plugins publish (the pages plugin sorts its pages by path). Sorted as indices
/// over the paths in a function: sorting the pages themselves copied each one (six reference counts) at every merge
/// step, and comparisons at top level went through the main actor's isolation checks; the harness spent more time
/// here than the sitemap plugin on the same machine.
func inPathOrder(_ pages: [PublishedPage]) -> [PublishedPage] {
    let paths = pages.map(\.path)
    let order = paths.indices.sorted { paths[$0] < paths[$1] }
    return order.map { pages[$0] }
}
pages = inPathOrder(pages)
if arguments.contains("--input-only") {  // the input's own share of the peak RSS
    print("{\"urls\": \(pages.count), \"input_only\": true}")
    exit(0)
}
let tenant = TenantConfig(id: "bench", name: "Bench", baseURL: "https://bench.example/", edition: "bench")
var settings = "{}"
if gzip { settings = "gzip: true" }
let sink = ArtifactSink(fileSystem: LocalFileSystem(), folder: folder)
let input = PluginInput(tenant: tenant, snapshot: Snapshot(date: "2026-12-01", folder: folder),
                        settings: PluginSettings(try YAMLReader.parse(settings, file: "bench.yml")), now: Date(timeIntervalSince1970: 0),
                        templates: ThemeRenderer { name, _ in name },
                        reports: [PluginReport(pluginID: "bench", summary: nil, pages: pages, artifactPaths: [])],
                        emitter: ArtifactEmitter(plugin: "sitemap", sink: sink))
pages = []

/// The measured run: the plugin as a build runs it, files streamed to the temporary folder.
func measuredRun() throws {
    let cpuBefore = processCPU()
    let wallBefore = DispatchTime.now().uptimeNanoseconds
    let output = try SitemapPlugin().run(input)
    for artifact in output.artifacts { try LocalFileSystem().write(artifact.bytes, to: folder + "/" + artifact.path.value) }
    try sink.drain()  // the sink writes in the background: the set is written when every write is done
    let wall = Double(DispatchTime.now().uptimeNanoseconds - wallBefore) / 1e9
    let cpu = processCPU() - cpuBefore

    let files = try LocalFileSystem().list(folder + "/site")
    var bytes = 0
    for file in files { bytes += (try FileManager.default.attributesOfItem(atPath: folder + "/site/" + file)[.size] as? Int) ?? 0 }
    print("{\"urls\": \(urls), \"gzip\": \(gzip), \"files\": \(files.count), \"bytes\": \(bytes), \"seconds\": \(String(format: "%.3f", wall)), "
          + "\"cpu_seconds\": \(String(format: "%.3f", cpu)), \"urls_per_second\": \(Int(Double(urls) / wall)), \"notices\": \(output.notices.count)}")
}
if !arguments.contains("--phases") { try measuredRun() }
if arguments.contains("--phases") {
    var peaks: [String] = []
    func cpu<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let before = processCPU()
        let result = try body()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        peaks.append(String(usage.ru_maxrss / 1024))
        return (result, processCPU() - before)
    }
    var table = SitemapTable(prefix: tenant.baseURL)
    let (published, collect) = cpu { SitemapURLs.published(input.reports, into: &table, baseURL: tenant.baseURL, defaultLanguage: tenant.locale) }
    let (moved, merge) = cpu { table.merge() }
    precondition(moved == nil, "the bench publishes in path order, so the links need no remapping")
    let ((alternates, _), resolve) = cpu { SitemapAlternates.resolve(table, declarations: [], links: published.links) }
    let (_, write) = try cpu { try SitemapWriter.write(table, alternates: alternates, baseURL: tenant.baseURL, gzip: gzip) { _ in } }
    print("{\"phases_cpu_seconds\": {\"collect\": \(String(format: "%.3f", collect)), \"merge\": \(String(format: "%.3f", merge)), "
          + "\"alternates\": \(String(format: "%.3f", resolve)), \"write\": \(String(format: "%.3f", write))}, "
          + "\"peak_rss_mb_after\": [\(peaks.joined(separator: ", "))]}")
}
if option("--out") == nil { try? FileManager.default.removeItem(atPath: folder) }
