/// Every quote in article order, with its JSON, its article and the speaker-token and quote-word indexes.
struct QuoteTable: Sendable {
    /// Every quote, in article order.
    let quotes: [Quote]
    /// Each quote's JSON.
    let json: [[UInt8]]
    /// The article position of each quote.
    let article: [Int32]
    /// Folded speaker-name tokens -> quote positions.
    let speakerTokens: PostingIndex<String>
    /// Folded words of quote texts -> quote positions.
    let words: WordIndex

    /// Collects the quotes of `articles` (newest first) and indexes them; with `previous`, the quotes of carried
    /// articles take their JSON and postings from it.
    init(articles: [Article], previous: (snapshot: CorpusSnapshot, carry: SnapshotCarry)? = nil) {
        var collected: [Quote] = [], article: [Int32] = []
        for (i, a) in articles.enumerated() {
            collected += a.quotes
            article += repeatElement(Int32(i), count: a.quotes.count)
        }
        let quotes = collected
        self.quotes = quotes
        self.article = article
        guard let previous else {
            json = concurrentMap(quotes) { $0.jsonBytes }
            words = WordIndex(count: quotes.count) { i, add in TextTokens.forEachWordHash(quotes[i].text, add) }
            speakerTokens = PostingIndex(count: quotes.count) { quotes[$0].speaker.map { TextTokens.words($0.name) } ?? [] }
            return
        }
        let (old, carry) = previous
        json = concurrentMap(Array(quotes.indices)) { q in
            carry.quoteNewToOld[q] >= 0 ? old.quoteJSON[Int(carry.quoteNewToOld[q])] : quotes[q].jsonBytes
        }
        words = WordIndex(remapping: old.quoteWordIndex, oldToNew: carry.quoteOldToNew, fresh: carry.quoteFresh) {
            TextTokens.wordHashes(quotes[$0].text)
        }
        speakerTokens = PostingIndex(remapping: old.speakerTokenIndex, oldToNew: carry.quoteOldToNew, fresh: carry.quoteFresh) {
            quotes[$0].speaker.map { TextTokens.words($0.name) } ?? []
        }
    }
}
