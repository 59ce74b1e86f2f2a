#if os(Linux)
import Glibc

/// glibc keeps at most 7 freed chunks of each size in its per-thread cache (tcache). Parsing a page with libxml2
/// allocates and frees thousands of small nodes and strings, and the next page asks for the same sizes again; past
/// the 7, freed chunks go to glibc's bins, whose consolidation and re-sorting cost more than the parse itself once
/// the heap holds a whole crawl (perf on the Debian handbook: a third of the audit in `_int_malloc`,
/// `malloc_consolidate` and `free`). With room for 65,535 chunks per size the next page reuses them straight from the
/// cache: the audit's CPU time fell by 40% (docs/benchmarks.md). The tunable is read only when a process starts, so
/// `herald build` re-executes itself once with it added to `GLIBC_TUNABLES`, unless that already sets it.
enum MallocTuning {
    static let tunable = "glibc.malloc.tcache_count"

    static func reexecWithLargerCache() {
        let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) } ?? ""
        guard !current.contains(tunable) else { return }
        setenv("GLIBC_TUNABLES", (current.isEmpty ? "" : current + ":") + tunable + "=65535", 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Only reached when exec failed: build as we are.
    }
}
#endif
