/// Every quote of a snapshot, in article order, read from the articles that hold them: the flat list the
/// handlers index by quote position, without a second copy of each quote (a `[Quote]` beside the articles' own
/// held every quote's struct twice, 242 bytes an article on the scale corpus).
public struct QuoteList: RandomAccessCollection, Sendable {
    /// The articles, in snapshot order.
    private let articles: [Article]
    /// The article position of each quote.
    private let article: [Int32]
    /// The position of each article's first quote; one more entry than articles.
    private let first: [Int32]

    /// The quotes of `articles`, article after article, each article's in its own order; `article` gives the
    /// article position of each (ascending).
    init(articles: [Article], article: [Int32]) {
        var first = [Int32](repeating: 0, count: articles.count + 1)
        for (i, a) in articles.enumerated() { first[i + 1] = first[i] + Int32(a.quotes.count) }
        precondition(Int(first[articles.count]) == article.count, "one article position a quote")
        self.articles = articles
        self.article = article
        self.first = first
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { article.count }

    /// Quote `i`.
    public subscript(i: Int) -> Quote {
        let a = Int(article[i])
        return articles[a].quotes[i - Int(first[a])]
    }
}
