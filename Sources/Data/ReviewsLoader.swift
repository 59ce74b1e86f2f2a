/// reviews.ndjson: one JSON object per line with `id`, `source`, `author`, `rating` (1–5), `title` (optional),
/// `text`, `created_at` and an optional `response: {text, responded_at}`. Unknown keys are errors.
/// Reviews are returned sorted by `created_at`, then id.
public enum ReviewsLoader {
    public static let keys = ["id", "source", "author", "rating", "title", "text", "created_at", "response"]
    public static let responseKeys = ["text", "responded_at"]

    public static func load(_ bytes: [UInt8], file: String, cap: Int = 100) -> Loaded<[Review]> {
        var c = DiagnosticCollector(file: file, cap: cap)
        var reviews: [Review] = []
        var ids: [String: Int] = [:]
        for (line, parsed) in readNDJSON(bytes, file: file) {
            guard case let .success(node) = parsed else {
                if case let .failure(error) = parsed { c.add(error) }
                continue
            }
            guard let record = RecordReader(node, known: keys, &c) else { continue }
            let id = record.string("id", &c)
            let source = record.string("source", &c)
            let author = record.string("author", &c)
            let rating = record.int("rating", in: 1...5, &c)
            let title = record.string("title", required: false, &c)
            let text = record.string("text", allowEmpty: true, &c)
            let created = record.timestamp("created_at", &c)
            var response: ReviewResponse?
            var responseOK = true
            if let node = record.find("response") {
                if let r = RecordReader(node, known: responseKeys, path: "response", &c) {
                    let text = r.string("text", &c)
                    let at = r.timestamp("responded_at", &c)
                    if let text, let at, r.knownKeysOnly {
                        response = ReviewResponse(text: text, respondedAt: at)
                        if let created, at < created {
                            c.add(Diagnostic("'response.responded_at' is before 'created_at'", at: r.find("responded_at")!.location, severity: .warning))
                        }
                    } else { responseOK = false }
                } else { responseOK = false }
            }
            guard let id, let source, let author, let rating, let text, let created, responseOK, record.knownKeysOnly else { continue }
            if let earlier = ids[id] {
                c.error("review id '\(id)' was already used at line \(earlier)", at: record.find("id")!.location)
                continue
            }
            ids[id] = line
            reviews.append(Review(id: id, source: source, author: author, rating: rating, title: title, text: text,
                                  createdAt: created, response: response, line: line))
        }
        reviews.sort { $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : $0.id < $1.id }
        return Loaded(reviews, diagnostics: c.finish())
    }
}
