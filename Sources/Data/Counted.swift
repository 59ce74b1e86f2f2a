/// "1 issue", "3 issues", "1 entry"/"2 entries": a count with its noun, for summaries and messages.
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}
