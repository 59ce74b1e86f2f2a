import CLibXML2

/// libxml2's global state (its dictionary random seed, mutexes, the default SAX handler) is set up lazily and not
/// thread-safe: the first parses on several threads at once can deadlock in `__xmlRandom`, as concurrent tests and
/// builds showed. `xmlInitParser` must run once, before any thread parses; every entry point calls `initialize()`.
public enum LibXML {
    private static let initialized: Void = { xmlInitParser() }()

    /// Sets libxml2 up once (Swift runs a static initializer exactly once, thread-safely).
    public static func initialize() { _ = initialized }
}
