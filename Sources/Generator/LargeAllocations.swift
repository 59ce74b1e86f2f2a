#if canImport(Glibc)
import Glibc
#endif

/// glibc serves a large allocation with its own `mmap` only above a threshold, and by default raises that threshold
/// to the size of the largest block freed. After the first multi-megabyte output file (a sitemap, a report export)
/// every later one came from the heap, where freed blocks stay resident: with files written in the background while
/// the next one is built, a million-URL sitemap set peaked at 300–318 MB. Fixed at 4 MiB, big buffers go back to the
/// system when dropped (269 MB, and faster: docs/benchmarks.md). Process-wide, so set once by the entry point.
public enum LargeAllocations {
    public static func mapSeparately(above bytes: Int32 = 4 << 20) {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which Swift's Glibc module does not include.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallOpt.self)(mmapThreshold, bytes)
        #endif
    }
}
