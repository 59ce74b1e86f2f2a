/// `findings.json` written member by member with `PrettyJSON`, keys in sorted order (after snake_case), optional
/// members left out when nil: the bytes `JSONEncoder` gave for the `Encodable` types (tests compare the two).
extension FindingExport.Document {
    func json() throws -> [UInt8] {
        // About what a finding takes: its texts, the keys and the indentation.
        let estimate = findings.reduce(4096) { $0 + 200 + $1.url.utf8.count + $1.evidence.utf8.count + $1.message.utf8.count
            + ($1.page?.utf8.count ?? 0) }
        return try PrettyJSON.document(capacity: estimate) { json in
            try json.member("content_groups", contentGroups) { json, group in try json.object { try group.write(into: &$0) } }
            json.key("counts"); json.object { counts.write(into: &$0) }
            json.member("duplicate_groups", duplicateGroups) { json, group in
                json.object { json in
                    json.member("rule", group.rule)
                    json.member("urls", group.urls)
                    json.member("value", group.value)
                }
            }
            json.member("findings", findings) { json, finding in json.object { finding.write(into: &$0) } }
            json.member("fixed", fixed) { json, finding in json.object { finding.write(into: &$0) } }
            json.member("generated_at", generatedAt)
            json.key("links"); json.object { links.write(into: &$0) }
            json.key("pages")
            json.object { json in
                json.member("audited", pages.audited)
                json.member("html", pages.html)
                json.memberIfPresent("limit", pages.limit)
                json.member("not_audited", pages.notAudited)
            }
            json.memberIfPresent("previous_snapshot", previousSnapshot)
            json.member("rules", rules) { json, rule in
                json.object { json in
                    json.member("count", rule.count)
                    json.member("id", rule.id)
                    json.member("severity", rule.severity)
                    json.member("title", rule.title)
                }
            }
            json.member("schema", schema)
            json.member("schema_version", schemaVersion)
            if let score {
                json.key("score")
                try json.object { try score.write(into: &$0) }
            }
            json.key("settings"); try json.object { try settings.write(into: &$0) }
            json.member("snapshot", snapshot)
            json.member("tenant", tenant)
            try json.member("trend", trend) { json, point in
                try json.object { json in
                    json.member("error", point.error)
                    json.member("notice", point.notice)
                    try json.memberIfPresent("score", point.score)
                    json.member("snapshot", point.snapshot)
                    json.member("total", point.total)
                    json.member("warning", point.warning)
                }
            }
        }
    }
}

extension FindingExport.Document.ContentGroup {
    fileprivate func write(into json: inout PrettyJSON) throws {
        json.member("rule", rule)
        try json.member("similarity_max", similarityMax)
        try json.member("similarity_min", similarityMin)
        json.member("urls", urls)
        json.member("words", words)
    }
}

extension FindingExport.Document.Counts {
    func write(into json: inout PrettyJSON) {
        json.member("error", error)
        json.memberIfPresent("fixed", fixed)
        json.memberIfPresent("new", new)
        json.member("notice", notice)
        json.member("total", total)
        json.member("warning", warning)
    }
}

extension FindingExport.Document.Links {
    fileprivate func write(into json: inout PrettyJSON) {
        json.member("checked", checked)
        json.key("depth")
        json.object { json in
            json.member("distribution", depth.distribution) { json, row in
                json.object { json in
                    json.member("depth", row.depth)
                    json.member("pages", row.pages)
                }
            }
            json.memberIfPresent("home", depth.home)
            json.member("unreachable", depth.unreachable)
        }
        json.member("external", external)
        json.member("out_of_scope", outOfScope)
    }
}

extension FindingExport.Document.Score {
    fileprivate func write(into json: inout PrettyJSON) throws {
        try json.member("rules", rules) { json, factor in
            try json.object { json in
                try json.member("factor", factor.factor)
                json.member("id", factor.id)
                json.member("pages", factor.pages)
                json.member("severity", factor.severity)
                try json.member("share", factor.share)
            }
        }
        try json.member("value", value)
        json.key("weights")
        try json.object { json in
            for (key, weight) in weights.sorted(by: { $0.key < $1.key }) {
                json.key(key)
                try json.double(weight)
            }
        }
    }
}

extension FindingExport.Document.Settings {
    func write(into json: inout PrettyJSON) throws {
        json.member("description_max_length", descriptionMaxLength)
        json.member("disabled_rules", disabledRules)
        json.memberIfPresent("duplicate_min_words", duplicateMinWords)
        json.memberIfPresent("max_crawl_depth", maxCrawlDepth)
        try json.memberIfPresent("near_duplicate_threshold", nearDuplicateThreshold)
        json.member("title_max_length", titleMaxLength)
        json.memberIfPresent("trend_snapshots", trendSnapshots)
    }
}

extension FindingExport.Document.Finding {
    func write(into json: inout PrettyJSON) {
        json.memberIfPresent("change", change)
        json.member("evidence", evidence)
        json.key("line")
        if let line { json.int(line) } else { json.null() }
        json.member("message", message)
        json.memberIfPresent("page", page)
        json.member("rule", rule)
        json.member("severity", severity)
        json.member("url", url)
    }
}
