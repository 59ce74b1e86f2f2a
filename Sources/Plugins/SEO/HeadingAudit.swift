/// Headings, as Screaming Frog and Sitebulb check them: empty, repeated within the page, h1 not the first heading,
/// h1/h2 over their maximum length. (h1-missing and h1-multiple are in `PageAudit`.)
enum HeadingAudit {
    static func findings(_ facts: PageFacts, settings: SEOSettings, into list: inout FindingList) {
        let headings = facts.headings
        var seen: [String: Int] = [:]  // "h1 text" → first line
        for heading in headings {
            let text = heading.value ?? ""
            if text.isEmpty {
                list.add(.headingEmpty, heading.line, heading.tag, "<\(heading.name)> has no text and no image with alt text")
                continue
            }
            if heading.name == "h1", TextNormalization.isLonger(text, than: settings.h1MaxLength) {
                list.add(.h1TooLong, heading.line, text,
                         "h1 is \(TextNormalization.length(text)) characters long (maximum \(settings.h1MaxLength))")
            } else if heading.name == "h2", TextNormalization.isLonger(text, than: settings.h2MaxLength) {
                list.add(.h2TooLong, heading.line, text,
                         "h2 is \(TextNormalization.length(text)) characters long (maximum \(settings.h2MaxLength))")
            }
            if heading.name == "h1" || heading.name == "h2" {
                let key = heading.name + " " + text
                if let first = seen[key] {
                    list.add(.headingDuplicate, heading.line, "<\(heading.name)>" + text,
                             "the same \(heading.name) text as line \(first)")
                } else {
                    seen[key] = heading.line
                }
            }
        }
        if let first = headings.first, first.name != "h1", let h1 = headings.first(where: { $0.name == "h1" }) {
            list.add(.h1NotFirst, h1.line, "<h1>" + (h1.value ?? ""), "<\(first.name)> on line \(first.line) comes before the first <h1>")
        }
    }
}
