/// Every casualty figure in article order, with its article and the kind and location indexes.
struct CasualtyTable: Sendable {
    /// Every casualty figure, in article order.
    let casualties: [Casualty]
    /// The article position of each figure.
    let article: [Int32]
    /// Figure positions by kind.
    let kinds: [CasualtyKind: [Int32]]
    /// Figure positions by the entity id of their place.
    let locations: PostingIndex<String>
    /// Per-day and per-place totals for `/casualties/summary`.
    let summary: CasualtySummary

    /// Collects the figures of `articles` (newest first) and indexes them.
    init(articles: [Article]) {
        var collected: [Casualty] = [], article: [Int32] = []
        for (i, a) in articles.enumerated() {
            collected += a.casualties
            article += repeatElement(Int32(i), count: a.casualties.count)
        }
        let casualties = collected
        self.casualties = casualties
        self.article = article
        var kinds: [CasualtyKind: [Int32]] = [:]
        for (i, c) in casualties.enumerated() { kinds[c.kind, default: []].append(Int32(i)) }
        self.kinds = kinds
        summary = CasualtySummary(casualties: casualties)
        locations = PostingIndex(count: casualties.count) { i in casualties[i].location?.entityId.map { [$0] } ?? [] }
    }
}
