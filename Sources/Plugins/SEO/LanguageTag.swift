import Foundation

/// hreflang values (the SEO audit and `herald sitemap check`): BCP 47 language tags (RFC 5646 syntax) whose two-letter language and region subtags are real
/// ISO 639-1 and ISO 3166-1 codes (the lists come from Debian's iso-codes), or `x-default`.
public enum LanguageTag {
    /// Why `tag` is not a usable hreflang value, nil when it is.
    public static func problem(_ tag: String) -> String? {
        if tag.lowercased() == "x-default" { return nil }
        if tag.isEmpty { return "is empty" }
        if tag.contains("_") { return "uses '_'; BCP 47 separates subtags with '-' (\(tag.replacingOccurrences(of: "_", with: "-")))" }
        let subtags = tag.lowercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func letters(_ s: String) -> Bool { s.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
        func digits(_ s: String) -> Bool { s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        func alphanumeric(_ s: String) -> Bool { s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) } }
        if subtags.contains(where: \.isEmpty) { return "has an empty subtag" }
        var i = 0
        let language = subtags[0]
        // 5–8 letter language subtags are reserved by RFC 5646 and none is registered.
        guard letters(language), (2...3).contains(language.count) else {
            return "does not start with a language code (two or three letters, such as en or de)"
        }
        if language.count == 2, !iso639_1.contains(language) { return "'\(language)' is not an ISO 639-1 language code" }
        i = 1
        var extlangs = 0
        while i < subtags.count, subtags[i].count == 3, letters(subtags[i]), extlangs < 3 { i += 1; extlangs += 1 }
        if i < subtags.count, subtags[i].count == 4, letters(subtags[i]) { i += 1 }  // script
        if i < subtags.count, (subtags[i].count == 2 && letters(subtags[i])) || (subtags[i].count == 3 && digits(subtags[i])) {
            if subtags[i].count == 2, !iso3166_1.contains(subtags[i]) {
                return "'\(subtags[i].uppercased())' is not an ISO 3166-1 region code" + (subtags[i] == "uk" ? " (the United Kingdom is GB)" : "")
            }
            i += 1
        }
        while i < subtags.count, alphanumeric(subtags[i]),
              (5...8).contains(subtags[i].count) || (subtags[i].count == 4 && digits(String(subtags[i].prefix(1)))) { i += 1 }
        while i < subtags.count, subtags[i].count == 1, subtags[i] != "x" {
            i += 1
            guard i < subtags.count, (2...8).contains(subtags[i].count), alphanumeric(subtags[i]) else { return "has an extension without a value" }
            while i < subtags.count, (2...8).contains(subtags[i].count), alphanumeric(subtags[i]) { i += 1 }
        }
        if i < subtags.count, subtags[i] == "x" {
            i += 1
            guard i < subtags.count else { return "has a private-use 'x' with nothing after it" }
            while i < subtags.count, (1...8).contains(subtags[i].count), alphanumeric(subtags[i]) { i += 1 }
        }
        if i < subtags.count { return "is not a BCP 47 language tag ('\(subtags[i])' is out of place)" }
        return nil
    }

    static let iso639_1 = Set("aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split(separator: " ").map(String.init))
    static let iso3166_1 = Set("ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw".split(separator: " ").map(String.init))
}
