/// The articles, newest first, with what is indexed by article: list JSON, id lookup, the word index and the
/// corpus content hash.
struct ArticleTable: Sendable {
    /// Articles, newest first (date descending, then id).
    let articles: [Article]
    /// Each article's list JSON (everything above `text`), encoded once.
    let summaryJSON: [[UInt8]]
    /// Article position by id.
    let index: [String: Int32]
    /// Folded words of titles and text -> article positions.
    let words: PostingIndex
    /// FNV-1a of every id and text, in order, as hex.
    let dataVersion: String

    /// Builds the table over `articles`, already newest first.
    init(sorted articles: [Article]) {
        self.articles = articles
        summaryJSON = concurrentMap(articles) { a in
            var w = JSONWriter(capacity: 512)
            a.writeSummaryJSON(to: &w)
            return w.bytes
        }
        words = PostingIndex(count: articles.count) { i in
            TextTokens.words(articles[i].title) + TextTokens.words(articles[i].text)
        }
        var index: [String: Int32] = [:]
        index.reserveCapacity(articles.count)
        var hasher = FNV1a()
        for (i, a) in articles.enumerated() {
            index[a.id] = Int32(i)
            hasher.combine(a.id)
            hasher.combine(a.text)
        }
        self.index = index
        dataVersion = String(hasher.value, radix: 16)
    }
}
