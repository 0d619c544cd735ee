/// Turns a raw article and its id into the served `Article`, running extraction.
public struct ArticleBuilder: Sendable {
    /// The extraction pipeline.
    public let extractors: Extractors

    /// Creates a builder.
    public init(extractors: Extractors) { self.extractors = extractors }

    /// Builds the article.
    public func build(_ raw: RawArticle, id: String) -> Article {
        build(raw, id: id, title: Self.title(of: raw, english: extractors.lexicon.english))
    }

    /// Builds the article, its title already known (`title(of:english:)`).
    func build(_ raw: RawArticle, id: String, title: String) -> Article {
        let document = Document(id: id, date: raw.date, paragraphs: raw.paragraphs, english: extractors.lexicon.english)
        let (quotes, entities, casualties) = extractors.extract(document)
        return Article(
            id: id, date: raw.date, title: title, summary: raw.paragraphs.first ?? "",
            source: raw.source, wordCount: Self.wordCount(document),
            counts: ArticleCounts(quotes: quotes.count, entities: entities.count, casualties: casualties.count),
            text: document.text, related: raw.related,
            quotes: quotes, entities: entities, casualties: casualties)
    }

    /// The headline, or else the lead paragraph's first sentence (at most 200 characters).
    public static func title(of raw: RawArticle, english: EnglishLexicon) -> String {
        if let title = raw.title { return title }
        guard let lead = raw.paragraphs.first else { return "" }
        let scalars = Array(lead.unicodeScalars)
        let first = SentenceSplitter.split(scalars, english: english).first ?? 0..<scalars.count
        var title = String(scalars: scalars[first])
        if title.count > 200 { title = String(title.prefix(199)) + "…" }
        return title
    }

    /// `wordCount(document.text)`, read from the document's scalars (its paragraphs are joined by white space,
    /// which ends a word), so that the text is not decoded again.
    static func wordCount(_ document: Document) -> Int { document.wordCount }

    /// Words: runs of letters or digits (with inner apostrophes and hyphens) separated by anything else.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.isWordScalar
            if isWordScalar && !inWord { count += 1 }
            if isWordScalar { inWord = true } else if scalar.isSpace { inWord = false }
        }
        return count
    }
}
