import Generator
import HeraldData

/// Phase 2 for one issue at scale: the recipients' messages in batches of about `batchSize`, each batch rendered on
/// all cores and handed to the emitter before the next one is rendered. Memory holds one batch, not the issue (the
/// rust-blog tenant's 203,011 messages are 9.2 GB). Batches follow recipient order and every message depends only on
/// its recipient, so the files are the same whatever the batch size or scheduling.
struct MessageStream {
    var factory: MessageFactory
    var rendered: RenderedIssue
    /// A/B subjects: one complete message set per variant, in `<slug>/a/`, `<slug>/b/`…
    var variants: [SubjectVariant]
    /// Messages per batch (recipients × variants), at least one recipient.
    var batchSize: Int

    struct Totals {
        var messages = 0
        /// Recipients for whom a merge without a fallback renders empty ("Hi ,").
        var emptyMerges = 0
        /// The issue's first message, for the header lint.
        var first: [UInt8]?
    }

    func emit(_ recipients: [Subscriber], to emitter: ArtifactEmitter) throws -> Totals {
        var totals = Totals()
        let perBatch = max(1, batchSize / max(1, variants.count))
        for start in stride(from: 0, to: recipients.count, by: perBatch) {
            let batch = recipients[start..<min(recipients.count, start + perBatch)]
            // Chunks of the batch on all cores, results in recipient order.
            let chunkSize = max(64, (batch.count + 31) / 32)
            let chunks = (batch.count + chunkSize - 1) / chunkSize
            let produced = ParallelMap.map(chunks) { chunk -> Result<(artifacts: [Artifact], empty: Int), Error> in
                let lower = batch.startIndex + chunk * chunkSize
                return Result { try render(batch[lower..<min(batch.endIndex, lower + chunkSize)]) }
            }
            var artifacts: [Artifact] = []
            artifacts.reserveCapacity(batch.count * variants.count)
            for result in produced {
                let (chunkArtifacts, empty) = try result.get()
                artifacts += chunkArtifacts
                totals.emptyMerges += empty
            }
            if totals.first == nil { totals.first = artifacts.first?.bytes }
            totals.messages += artifacts.count
            try emitter.emit(artifacts)
        }
        return totals
    }

    /// The merges of the layout and article that read a subscriber field without a `default` fallback.
    var bareMerges: [Int] {
        rendered.merges.indices.filter { k in
            rendered.merges[k].path.first == "subscriber"
                && !rendered.merges[k].filters.contains { if case .defaultValue = $0 { true } else { false } }
        }
    }

    private func render(_ recipients: ArraySlice<Subscriber>) throws -> (artifacts: [Artifact], empty: Int) {
        let bare = bareMerges
        let slug = rendered.issue.slug
        var out: [Artifact] = []
        out.reserveCapacity(recipients.count * variants.count)
        var empty = 0
        for subscriber in recipients {
            if !bare.isEmpty {
                let recipient = MergeRecipient(subscriber: subscriber, unsubscribeURL: "", webURL: "")
                if bare.contains(where: { rendered.merges[$0].evaluate(recipient).trimmingASCIISpace().isEmpty }) { empty += 1 }
            }
            for variant in variants {
                let message = factory.message(rendered, for: subscriber, variant: variant)
                let path = "email/newsletter/\(slug)/\(variant.folder)\(SubscriberFileName.make(subscriber.id)).eml"
                out.append(try Artifact(path, bytes: message.serialize()))
            }
        }
        return (out, empty)
    }
}
