import Liquid

/// Renders a named template of the theme.
///
/// Names resolve through the tenant's `templates/`, then the project's, then Herald's built-in theme
/// (see `Theme`). HTML templates render with autoescape on: untrusted text is escaped unless marked `safe`.
public struct ThemeRenderer: Sendable {
    private let body: @Sendable (String, LiquidObject) throws -> String

    public init(_ body: @escaping @Sendable (_ template: String, _ variables: LiquidObject) throws -> String) {
        self.body = body
    }

    /// Renders `template` (e.g. `seo/summary.html`) with `variables`.
    public func render(_ template: String, _ variables: LiquidObject) throws -> String {
        try body(template, variables)
    }
}
