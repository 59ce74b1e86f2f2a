/// The tag names that the tokenizer, the tree builder and the CSS inliner test, as small integers: comparing
/// `String`s called into the runtime for every unequal pair, several times per start tag. Any other name is
/// `.other` (compare the names then).
public enum HTMLTag: UInt8, CaseIterable, Sendable {
    case other
    case a, address, area, article, aside, b, base, basefont, bgsound, blockquote, body, br, button, caption, center
    case code, col, dd, details, dialog, dir, div, dl, dt, em, embed, fieldset, figcaption, figure, font, footer, form
    case frame, h1, h2, h3, h4, h5, h6, head, header, hgroup, hr, html, i, iframe, img, input, keygen, label, li, link
    case main, menu, meta, nav, noembed, noframes, noscript, ol, option, p, param, plaintext, pre, script, section
    case select, small, source, span, strong, style, sub, summary, sup, table, tbody, td, template, textarea, tfoot
    case th, thead, title, tr, track, u, ul, wbr, xmp

    /// The tag of a name, compared in ASCII lower case.
    public static func of<Bytes: Collection<UInt8>>(_ name: Bytes) -> HTMLTag {
        let table = lookup
        var slot = Lookup.hash(name)
        while true {
            let candidate = table.slots[slot]
            if candidate == 0 { return .other }
            let expected = table.names[Int(candidate)]
            if expected.count == name.count {
                var k = 0, same = true
                for b in name {
                    if expected[k] != (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) { same = false; break }
                    k += 1
                }
                if same { return HTMLTag(rawValue: candidate)! }
            }
            slot = (slot + 1) & (Lookup.size - 1)
        }
    }

    public static func of(_ name: String) -> HTMLTag { of(name.utf8) }

    /// An open-addressed table of the names (built once; linear probing).
    struct Lookup {
        static let size = 256
        var slots = [UInt8](repeating: 0, count: size)
        var names: [[UInt8]] = HTMLTag.allCases.map { Array(String(describing: $0).utf8) }

        init() {
            for tag in HTMLTag.allCases where tag != .other {
                var slot = Lookup.hash(names[Int(tag.rawValue)])
                while slots[slot] != 0 { slot = (slot + 1) & (Lookup.size - 1) }
                slots[slot] = tag.rawValue
            }
        }

        /// FNV-1a of the lower-cased bytes, folded to the table size.
        static func hash<Bytes: Collection<UInt8>>(_ name: Bytes) -> Int {
            var h: UInt32 = 2_166_136_261
            for b in name { h = (h ^ UInt32(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 16_777_619 }
            return Int((h ^ (h >> 16)) & UInt32(size - 1))
        }
    }

    static let lookup = Lookup()
}
