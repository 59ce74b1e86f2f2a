import Foundation
import Generator
import HeraldData
import NewsletterPlugin

/// Herald's side of `make bench-email` (bench/email/run.py drives it and the Python inliners).
///
///     herald-bench-email inline BENCHMARKS_JSON [--min-seconds S]   # one JSON line per input: {"name", "bytes", "us"}
///     herald-bench-email inline BENCHMARKS_JSON --calls N [--only NAME]  # N untimed calls per input, for `perf stat`
///     herald-bench-email render --subscribers N --templates DIR [--sink discard|memory]   # one JSON line: messages, seconds, peak RSS
func usage() -> Never {
    FileHandle.standardError.write(Data("usage: herald-bench-email inline BENCHMARKS_JSON [--min-seconds S] | render --subscribers N --templates DIR [--sink discard|memory]\n".utf8))
    exit(2)
}

func option(_ name: String, _ arguments: [String]) -> String? {
    guard let k = arguments.firstIndex(of: name), k + 1 < arguments.count else { return nil }
    return arguments[k + 1]
}

/// Wall-clock seconds of `body`.
func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU seconds of this thread during `body`: on a shared machine this is steadier than wall time, and it is what
/// run.py measures for the Python inliners too (`time.thread_time`).
func cpuSeconds(_ body: () -> Void) -> Double {
    var a = timespec(), b = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a)
    body()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b)
    return Double(b.tv_sec - a.tv_sec) + Double(b.tv_nsec - a.tv_nsec) / 1e9
}

/// Median over rounds of the mean CPU time per call. A round times a batch of calls between two clock reads (the
/// batch doubles until it lasts a fifth of `minimum`), so reading the clock costs nothing per call.
func measure(minimum: Double, _ body: () -> Void) -> Double {
    body()  // warm-up
    var batch = 1
    while true {
        let elapsed = cpuSeconds { for _ in 0..<batch { body() } }
        if elapsed >= minimum / 5 || batch >= 1 << 24 { break }
        batch *= 2
    }
    var perCall: [Double] = []
    for _ in 0..<5 {
        perCall.append(cpuSeconds { for _ in 0..<batch { body() } } / Double(batch))
    }
    perCall.sort()
    return perCall[perCall.count / 2]
}

func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024  // KiB on Linux
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { usage() }
switch mode {
case "inline":
    guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]),
          let inputs = try JSONSerialization.jsonObject(with: data) as? [[String: String]] else { usage() }
    let minimum = Double(option("--min-seconds", arguments) ?? "1") ?? 1
    let inliner = CSSInliner()
    let calls = option("--calls", arguments).flatMap(Int.init)
    for input in inputs {
        guard let name = input["name"], let html = input["html"], option("--only", arguments).map({ $0 == name }) ?? true else { continue }
        let bytes = Array(html.utf8)
        if let calls {
            var sink = 0
            for _ in 0..<calls { sink &+= inliner.inline(bytes).count }
            print(#"{"name": "\#(name)", "calls": \#(calls), "output_bytes": \#(sink / max(calls, 1))}"#)
            continue
        }
        var sink = 0
        let perCall = measure(minimum: minimum) { sink &+= inliner.inline(bytes).count }
        print(#"{"name": "\#(name)", "bytes": \#(bytes.count), "us": \#(perCall * 1e6), "output_bytes": \#(sink > 0 ? inliner.inline(bytes).count : 0)}"#)
    }
case "render":
    guard let n = option("--subscribers", arguments).flatMap(Int.init), let templates = option("--templates", arguments) else { usage() }
    let tenant = TenantConfig(id: "acme", name: "Acme & Söhne", baseURL: "https://acme.example/", edition: "pro", locale: "en-GB",
                              timeZone: "Europe/Berlin", brand: Brand(primaryColor: "#123456", accentColor: "#abcdef"))
    let firstNames = ["Zoë", "Ann", "민준", "Bob", "Łukasz", "Amélie", "", "O'Brien", "José", "Åsa"]
    var subscribers: [Subscriber] = []
    subscribers.reserveCapacity(n)
    for k in 0..<n {
        let first = firstNames[k % firstNames.count]
        subscribers.append(Subscriber(id: "sub-\(k)", email: "reader\(k)@example.org", firstName: first.isEmpty ? nil : first,
                                      lastName: k % 3 == 0 ? "Müller" : "Lee", tags: k % 2 == 0 ? ["vip"] : [], line: k + 2))
    }
    let body = """
        Hi {{ subscriber.first_name | default: "there" }}, here is **this week** at Acme.

        ## Product news 🚀

        We shipped [the new dashboard](https://acme.example/blog/dashboard?ref=nl) and a faster importer. Read the
        [release notes](https://acme.example/releases/2026-11) for every change, or reply to this email.

        - Reports now load in under a second
        - CSV export keeps your filters
        - Dark mode for the whole app

        | Plan | Price | Seats |
        |------|-------|-------|
        | Basic | 10 € | 3 |
        | Team | 49 € | 20 |

        > "The best update this year." — a happy customer

        Thanks for reading, {{ subscriber.first_name | default: "friend" }}!
        """
    let file = "content/acme/newsletter/2026-11-20-weekly.md"
    func node(_ value: ConfigValue, _ line: Int) -> ConfigNode { ConfigNode(value, at: SourceLocation(file: file, line: line, column: 1)) }
    let front = ConfigNode(.map([(key: "subject", value: node(.string("This week at Acme 🎉"), 2)),
                                 (key: "preheader", value: node(.string("New dashboard, faster importer, dark mode"), 3)),
                                 (key: "date", value: node(.string("2026-11-20"), 4))]), at: SourceLocation(file: file, line: 1))
    let document = ContentDocument(path: "newsletter/2026-11-20-weekly.md", frontMatter: front, body: body, bodyLine: 6,
                                   location: SourceLocation(file: file, line: 1))
    var snapshot = Snapshot(date: "2026-11-30", folder: "snapshots/acme/2026-11-30")
    snapshot.subscribers = subscribers
    var input = PluginInput(tenant: tenant, snapshot: snapshot, content: [document], settings: .empty, now: Date(timeIntervalSince1970: 1_796_083_200),
                            templates: ThemeFactory.renderer(roots: [templates]),
                            secrets: SecretStore(["unsubscribe_key": Array("bench-only-throwaway-key".utf8)]))
    // Messages are emitted in batches into a sink that counts and drops them: the time is rendering, not disk writes,
    // and peak memory is what the plugin holds at once (a batch), as in a build. `--sink memory` keeps every message
    // instead (what returning them all cost before streaming).
    let counter = DiscardingFileSystem()
    let keep = option("--sink", arguments) == "memory"
    input.emitter = keep ? .inMemory(plugin: "newsletter")
        : ArtifactEmitter(plugin: "newsletter", sink: ArtifactSink(fileSystem: counter, folder: "discard"))
    let before = peakRSSMiB()
    var failure: (any Error)? = nil
    let elapsed = seconds {
        do {
            _ = try NewsletterPlugin().run(input)
            try input.emitter.sink.drain()
        } catch { failure = error }
    }
    if let failure { FileHandle.standardError.write(Data("render failed: \(failure)\n".utf8)); exit(1) }
    let kept = input.emitter.collected.filter { $0.path.value.hasSuffix(".eml") }
    let (messages, bytes) = keep ? (kept.count, kept.reduce(0) { $0 + $1.bytes.count }) : counter.totals(suffix: ".eml")
    print(#"{"messages": \#(messages), "seconds": \#(elapsed), "messages_per_second": \#(Double(messages) / elapsed), "eml_bytes": \#(bytes), "peak_rss_mib": \#(peakRSSMiB()), "rss_before_mib": \#(before)}"#)
default:
    usage()
}
