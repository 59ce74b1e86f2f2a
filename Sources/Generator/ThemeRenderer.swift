import Liquid

/// Renders a named template of the theme.
///
/// Names resolve through the tenant's `templates/`, then the project's, then Herald's built-in theme
/// (see `Theme`). HTML templates render with autoescape on: untrusted text is escaped unless marked `safe`.
public struct ThemeRenderer: Sendable {
    private let body: @Sendable (String, LiquidObject) throws -> String
    private let bytesBody: (@Sendable (String, LiquidObject) throws -> [UInt8])?
    private let splicingBody: (@Sendable (String, LiquidObject, String, [UInt8]) throws -> [UInt8]?)?

    public init(_ body: @escaping @Sendable (_ template: String, _ variables: LiquidObject) throws -> String) {
        self.body = body
        bytesBody = nil
        splicingBody = nil
    }

    /// A renderer that can also hand over the UTF-8 bytes it renders, without making a `String` of them first
    /// (what gets written to a file; thousands of report pages).
    public init(_ body: @escaping @Sendable (_ template: String, _ variables: LiquidObject) throws -> String,
                bytes: @escaping @Sendable (_ template: String, _ variables: LiquidObject) throws -> [UInt8],
                splicing: (@Sendable (_ template: String, _ variables: LiquidObject, _ name: String, _ safe: [UInt8]) throws -> [UInt8]?)? = nil) {
        self.body = body
        bytesBody = bytes
        splicingBody = splicing
    }

    /// Renders `template` (e.g. `seo/summary.html`) with `variables`.
    public func render(_ template: String, _ variables: LiquidObject) throws -> String {
        try body(template, variables)
    }

    /// `renderBytes(template, variables)` with `name` set to `.safe` markup given as its UTF-8 `safe` bytes, without
    /// making a string of them; nil when the renderer cannot (the caller then sets the string itself).
    func renderBytes(_ template: String, _ variables: LiquidObject, splicing name: String, _ safe: [UInt8]) throws -> [UInt8]? {
        try splicingBody?(template, variables, name, safe)
    }

    /// Renders `template` to UTF-8 bytes: the same text as `render`.
    public func renderBytes(_ template: String, _ variables: LiquidObject) throws -> [UInt8] {
        if let bytesBody { return try bytesBody(template, variables) }
        return Array(try body(template, variables).utf8)
    }
}
