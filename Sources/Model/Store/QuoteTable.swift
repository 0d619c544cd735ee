/// Every quote in article order, with its article and the speaker-token and quote-word indexes.
struct QuoteTable: Sendable {
    /// Every quote, in article order.
    let quotes: [Quote]
    /// The article position of each quote.
    let article: [Int32]
    /// Folded speaker-name tokens -> quote positions.
    let speakerTokens: PostingIndex<String>
    /// Folded words of quote texts -> quote positions.
    let words: WordIndex

    /// Collects the quotes of `articles` (newest first) and indexes them; with `previous`, the quotes of carried
    /// articles take their postings from it.
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
            words = WordIndex(count: quotes.count) { i, add in TextTokens.forEachWordHash(quotes[i].text, add) }
            speakerTokens = PostingIndex(count: quotes.count) { quotes[$0].speaker.map { TextTokens.words($0.name) } ?? [] }
            return
        }
        let (old, carry) = previous
        words = WordIndex(remapping: old.quoteWordIndex, oldToNew: carry.quoteOldToNew, fresh: carry.quoteFresh) {
            TextTokens.wordHashes(quotes[$0].text)
        }
        speakerTokens = PostingIndex(remapping: old.speakerTokenIndex, oldToNew: carry.quoteOldToNew, fresh: carry.quoteFresh) {
            quotes[$0].speaker.map { TextTokens.words($0.name) } ?? []
        }
    }
}
