import HeraldData

extension Edition {
    /// One error per limit name Herald does not know: a typo such as `seo.pagez` would otherwise lift the edition's
    /// limit without a word. Located at the key in herald.yml.
    public func unknownLimits(known: Set<String>) -> [Diagnostic] {
        limits.keys.sorted().filter { !known.contains($0) }.map { key in
            Diagnostic("unknown limit '\(key)'; Herald's limits are: \(known.sorted().joined(separator: ", "))",
                       at: SourceLocation(file: "herald.yml", keyPath: "editions.\(name).limits.\(key)"))
        }
    }
}
