import HeraldData

/// Checks that need the plugin registry, which the data layer does not know.
public enum ProjectCheck {
    /// Editions may list only plugins Herald has.
    public static func plugins(loader: ProjectLoader, known: Set<String>, root: String) -> [Diagnostic] {
        guard let project = try? loader.project() else { return [] }
        var found: [Diagnostic] = []
        for (name, edition) in project.editions.sorted(by: { $0.key < $1.key }) {
            for plugin in edition.plugins where !known.contains(plugin) {
                found.append(Diagnostic("edition '\(name)' lists unknown plugin '\(plugin)'; Herald has: "
                    + known.sorted().joined(separator: ", "),
                    at: SourceLocation(file: root + "/herald.yml", keyPath: "editions.\(name).plugins")))
            }
        }
        return found
    }
}
