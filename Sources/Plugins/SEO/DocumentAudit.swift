import Foundation
import Markup

/// Per-page checks of the document as a whole: the charset declaration, elements that end `<head>` early, the
/// viewport's content, `<html lang>`, the URL's length, long alt texts and thin content.
enum DocumentAudit {
    static func findings(url: String, facts: PageFacts, settings: SEOSettings, into list: inout FindingList) {
        let lang = (facts.htmlTag.value ?? "").trimmingASCIISpace
        if !lang.isEmpty, let problem = lang.lowercased() == "x-default" ? "is x-default, which only hreflang uses" : LanguageTag.problem(String(lang)) {
            list.add(.htmlLangInvalid, facts.htmlTag.line, facts.htmlTag.tag, "<html lang=\"\(lang)\"> " + problem)
        }
        for viewport in facts.viewports {
            let problems = viewportProblems(viewport.value ?? "")
            if !problems.isEmpty {
                list.add(.viewportInvalid, viewport.line, viewport.tag, problems.joined(separator: "; "))
            }
        }
        if TextNormalization.isLonger(url, than: settings.urlMaxLength) {
            list.add(.urlTooLong, nil, url, "the URL is \(url.count) characters long (maximum \(settings.urlMaxLength))")
        }
        for image in facts.images {
            guard let alt = image.value else { continue }
            let collapsed = TextNormalization.collapse(alt)
            if TextNormalization.isLonger(collapsed, than: settings.altMaxLength) {
                list.add(.imageAltTooLong, image.line, image.tag,
                         "alt text is \(TextNormalization.length(collapsed)) characters long (maximum \(settings.altMaxLength))")
            }
        }
        if let words = facts.wordCount, words < settings.minWordCount, let body = facts.bodyTag {
            list.add(.contentLow, body.line, body.tag, "\(words) word\(words == 1 ? "" : "s") in <body> (minimum \(settings.minWordCount))")
        }
    }

    /// The charset and `<head>` checks, which need the source bytes' scan and the charset detection.
    static func sourceFindings(facts: PageFacts, analysis: PageAnalysis, contentType: String?, into list: inout FindingList) {
        let head = facts.headTag ?? facts.htmlTag
        switch analysis.charset.source {
        case .assumed:
            if let offset = analysis.head.charsetMetaOffset {
                list.add(.charsetLate, nil, "<meta charset> at byte \(offset)",
                         "the only charset declaration starts at byte \(offset), after the first 1,024 bytes browsers search")
            } else {
                list.add(.charsetMissing, head.line, head.tag,
                         "no byte order mark, no charset in the Content-Type header and no <meta charset>")
            }
        case .byteOrderMark, .header, .meta:
            let label = analysis.charset.label
            if label != "utf-8" && label != "utf8" {
                let evidence = analysis.charset.source == .header ? "Content-Type: " + (contentType ?? label) : "charset=" + label
                list.add(.charsetNotUTF8, nil, evidence, "the page declares \(label) (from the \(analysis.charset.source.rawValue))")
            }
        }
        if let invalid = analysis.head.invalidElement {
            var pushed: [String] = []
            let end = facts.bodyTag?.line ?? Int.max
            for item in facts.titles + facts.canonicals + facts.hreflangLinks + facts.descriptions + facts.viewports + facts.robots
                + facts.socialTags.map(\.item) where item.line >= invalid.line && item.line < end {
                pushed.append("\(item.tag) (line \(item.line))")
            }
            var message = "\(invalid.evidence.hasPrefix("text") ? "stray text" : "an element not allowed in <head>") ends the head early"
            if !pushed.isEmpty {
                message += "; read as body content and ignored: " + pushed.sorted().prefix(5).joined(separator: ", ")
                    + (pushed.count > 5 ? " and \(pushed.count - 5) more" : "")
            }
            list.add(.headInvalidElement, invalid.line, invalid.evidence, message)
        }
    }

    /// Why a viewport's content is not usable (Lighthouse's viewport audit; zooming as its meta-viewport audit).
    static func viewportProblems(_ content: String) -> [String] {
        var properties: [String: String] = [:]
        for part in content.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard let key = pair.first?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased(), !key.isEmpty else { continue }
            properties[key] = pair.count > 1 ? pair[1].trimmingCharacters(in: .whitespacesAndNewlines).lowercased() : ""
        }
        var problems: [String] = []
        let width = properties["width"], scale = properties["initial-scale"]
        if width == nil && scale == nil {
            problems.append(content.trimmingCharacters(in: .whitespaces).isEmpty ? "the content is empty" : "no width or initial-scale")
        }
        if let width, width != "device-width", width != "device-height", !(Double(width).map { (1...10000).contains($0) } ?? false) {
            problems.append("width=\(width) is not device-width or a number from 1 to 10000")
        }
        if let scale, !(Double(scale).map { (0.1...10).contains($0) } ?? false) {
            problems.append("initial-scale=\(scale) is not a number from 0.1 to 10")
        }
        if let scalable = properties["user-scalable"], scalable == "no" || scalable == "0" {
            problems.append("user-scalable=\(scalable) disables zooming")
        }
        if let maximum = properties["maximum-scale"], let value = Double(maximum), value < 5 {
            problems.append("maximum-scale=\(maximum) keeps zooming below 5×")
        }
        return problems
    }
}
