/// CSS that Gmail or Outlook desktop ignores, for the lint report. Sources: caniemail.com (features `css-max-width`,
/// `css-background-image`, `css-border-radius`, `css-box-shadow`, `css-position`, `css-float`, `css-display-flex`,
/// `css-display-grid`, `css-opacity`, `css-at-font-face`, `css-at-import`, `css-variables`), read in December 2026.
/// "Outlook desktop" is Outlook 2007–2021 and Microsoft 365 for Windows (the Word rendering engine); "Gmail" is the
/// web and app clients. Only features both unsupported there and common in newsletters are listed: a small table,
/// not a full support matrix.
struct EmailCSSSupport: Sendable {
    enum Client: String, Sendable, CaseIterable {
        case outlookDesktop = "Outlook desktop"
        case gmail = "Gmail"
    }

    /// A property (optionally only with a value starting with `value`) that `clients` ignore.
    struct Rule: Sendable {
        var property: String
        var value: String? = nil
        var clients: [Client]

        var label: String { value.map { "\(property): \($0)" } ?? property }
    }

    static let rules: [Rule] = [
        Rule(property: "max-width", clients: [.outlookDesktop]),            // fine inside an Outlook ghost table (fixed width)
        Rule(property: "background-image", clients: [.outlookDesktop]),     // only on <body> (or through VML)
        Rule(property: "border-radius", clients: [.outlookDesktop]),        // square corners: use a VML roundrect
        Rule(property: "box-shadow", clients: [.outlookDesktop]),
        Rule(property: "opacity", clients: [.outlookDesktop]),
        Rule(property: "float", clients: [.outlookDesktop]),
        Rule(property: "position", clients: [.outlookDesktop, .gmail]),     // Gmail strips it
        Rule(property: "display", value: "flex", clients: [.outlookDesktop]),
        Rule(property: "display", value: "inline-flex", clients: [.outlookDesktop]),
        Rule(property: "display", value: "grid", clients: [.outlookDesktop]),
    ]

    /// At-rules in `<style>` that clients drop: web fonts and imports (Gmail, Outlook desktop).
    static let atRules: [(name: String, clients: [Client])] = [
        ("@font-face", [.outlookDesktop, .gmail]),
        ("@import", [.outlookDesktop, .gmail]),
    ]

    /// `var(--…)`: Gmail drops declarations that use custom properties; Outlook desktop too.
    static let variableClients: [Client] = [.outlookDesktop, .gmail]

    /// Per client, how many elements (or style sheets) use each unsupported feature.
    var uses: [Client: [String: Int]] = [:]

    mutating func count(_ feature: String, _ clients: [Client], skipOutlook: Bool) {
        for client in clients where !(client == .outlookDesktop && skipOutlook) {
            uses[client, default: [:]][feature, default: 0] += 1
        }
    }

    /// The declarations of one element's `style` attribute. `hiddenFromOutlook`: inside `<!--[if !mso]><!-->…` or
    /// `mso-hide: all`; `inGhostTable`: inside an Outlook ghost table, whose fixed width stands in for `max-width`.
    mutating func check(_ declarations: [CSSDeclaration], hiddenFromOutlook: Bool, inGhostTable: Bool) {
        let hidden = hiddenFromOutlook || declarations.contains { $0.property == "mso-hide" && $0.value.lowercased() == "all" }
        for declaration in declarations {
            let value = declaration.value.lowercased()
            for rule in EmailCSSSupport.rules where rule.property == declaration.property {
                if let prefix = rule.value, value != prefix { continue }
                if rule.property == "max-width", inGhostTable { continue }
                if rule.property == "background-image", value == "none" { continue }
                if rule.property == "position", value == "static" { continue }
                if rule.property == "float", value == "none" { continue }
                count(rule.label, rule.clients, skipOutlook: hidden)
            }
            if value.contains("var(--") { count("var(--…)", EmailCSSSupport.variableClients, skipOutlook: hidden) }
        }
    }

    /// The text of a `<style>` element (at-rules only: its rules reach elements through inlining, checked there).
    mutating func checkStyleSheet(_ css: String) {
        let lower = css.lowercased()
        for (name, clients) in EmailCSSSupport.atRules where lower.contains(name) {
            count(name, clients, skipOutlook: false)
        }
    }

    /// One line per client: "Outlook desktop ignores border-radius (2), max-width (1)".
    var messages: [String] {
        Client.allCases.compactMap { client in
            guard let features = uses[client], !features.isEmpty else { return nil }
            let list = features.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            return "CSS \(client.rawValue) ignores: \(list) (caniemail.com)"
        }
    }
}
