import Markup

extension PageFacts {
    /// Collects the facts from `HTMLParser.stream`, with the rules of `Collector.note`.
    ///
    /// A tree walk reads an element's text when it enters the element; a stream has it only once the element ends.
    /// So `note` runs at the start tag with empty text, and the elements whose value is their text (title, headings,
    /// links, JSON-LD scripts) get it at their end tag, from the character data gathered in between. The body's
    /// word count is kept as the text streams by, with `WordCounter`'s element rules.
    struct StreamCollector: HTMLStreamVisitor {
        var collector = Collector()

        /// What each open element needs at its end tag.
        private struct Open {
            var tag: HTMLTag
            var kind: WordCounter.Kind
            /// Where the element's text starts in `text` when it is captured (nil otherwise).
            var capture: Capture?
        }

        private enum Target { case title(Int), heading(Int), link(Int), jsonLD(Int) }
        private struct Capture {
            var target: Target
            var start: Int
        }

        private var open: [Open] = []
        /// The character data of the captured elements still open (nested captures share it).
        private var text: [UInt8] = []
        private var captures = 0

        /// The body's words: counted from its start tag to its end tag, not inside skipped elements.
        private var words = WordCounter()
        private var inBody = false
        private var bodyDepth = 0
        private var skipDepth = 0

        mutating func root(_ element: HTMLStartTag) {
            collector.htmlTag = Item(name: element.name, packedAttributes: element.packedAttributes, line: element.line,
                                     value: element[attribute: "lang"])
        }

        mutating func enter(_ element: HTMLStartTag) {
            let tag = element.tag
            let kind = WordCounter.Kind(element.rawName)
            if inBody {
                if skipDepth > 0 {
                    if kind == .skipped { skipDepth += 1 }
                } else if kind == .skipped {
                    skipDepth = 1
                } else if kind == .block {
                    words.breakWord()
                }
            }
            var entry = Open(tag: tag, kind: kind, capture: nil)
            if tag != .other {
                let titles = collector.facts.titles.count, links = collector.facts.links.count
                let jsonLD = collector.facts.jsonLD.count, hadBody = collector.facts.bodyTag != nil
                let openHeading = collector.openHeading
                collector.note(tag, attribute: { element[attribute: $0] }, text: { "" }, raw: { "" }, words: { 0 },
                               item: { Item(name: tag.name, packedAttributes: element.packedAttributes, line: element.line, value: $0) })
                var target: Target?
                switch tag {
                case .title where collector.facts.titles.count > titles:
                    target = .title(titles)
                case .h1, .h2, .h3, .h4, .h5, .h6:
                    if openHeading == nil, let index = collector.openHeading { target = .heading(index) }
                case .a where collector.facts.links.count > links:
                    target = .link(links)
                case .script where collector.facts.jsonLD.count > jsonLD:
                    target = .jsonLD(jsonLD)
                case .body where !hadBody && collector.facts.bodyTag != nil:
                    inBody = true
                    bodyDepth = open.count + 1
                default:
                    break
                }
                if let target {
                    entry.capture = Capture(target: target, start: text.count)
                    captures += 1
                }
                if tag == .svg || tag == .math { collector.foreignDepth += 1 }
                if tag == .head { collector.headDepth += 1 }
            }
            open.append(entry)
        }

        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            if captures > 0 { text.append(contentsOf: bytes) }
            if inBody && skipDepth == 0 { words.add(bytes) }
        }

        mutating func leave() {
            guard let entry = open.popLast() else { return }
            if let capture = entry.capture { finish(capture) }
            if inBody {
                if open.count + 1 == bodyDepth {
                    inBody = false
                    collector.facts.wordCount = words.count
                } else if skipDepth > 0 {
                    if entry.kind == .skipped { skipDepth -= 1 }
                } else if entry.kind == .block {
                    words.breakWord()
                }
            }
            let tag = entry.tag
            if tag == .svg || tag == .math { collector.foreignDepth -= 1 }
            if tag == .head { collector.headDepth -= 1 }
            if tag.headingLevel != nil { collector.closeHeading() }
        }

        private mutating func finish(_ capture: Capture) {
            let bytes = text[capture.start...]
            switch capture.target {
            case .title(let index):
                collector.facts.titles[index].value = TextNormalization.collapse(bytes)
            case .heading(let index):
                // `note` gave the heading empty text, so an image's alt inside it may have named it already; its
                // own text, when it has any, comes first (the tree walk knew the text before the images).
                let collapsed = TextNormalization.collapse(bytes)
                if !collapsed.isEmpty { collector.facts.headings[index].value = collapsed }
            case .link(let index):
                collector.facts.links[index].text = TextNormalization.collapse(bytes)
            case .jsonLD(let index):
                collector.facts.jsonLD[index].value = String(decoding: bytes, as: UTF8.self)
            }
            captures -= 1
            if captures == 0 { text.removeAll(keepingCapacity: true) }
        }

        func finish() -> PageFacts {
            collector.finish(htmlTag: collector.htmlTag ?? Item(name: "html", attributes: [], line: 0, value: nil))
        }
    }
}
