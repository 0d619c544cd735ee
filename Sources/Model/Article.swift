import Foundation

/// A news article as the API serves it: its text, metadata and everything extracted from it.
///
/// Built once at load time and never mutated; `GET /articles/{id}` serves all of it, lists serve
/// everything above `text`.
///
/// A value type whose fields live in one shared, copy-on-write object: a copy is one reference count instead of a
/// dozen (its strings and arrays), so the lists a load and a reload pass around (102,745 articles, copied into the
/// loader's cache, sorted, clustered and indexed) cost a pointer each. Setting a field copies the object first
/// when another value shares it.
public struct Article: Sendable, Codable, Equatable {
    /// The fields, shared by copies until one is set.
    // @unchecked Sendable: a Storage is mutated only through `Article`'s setters, after `unique()` made it the
    // sole reference; a shared one is never written.
    final class Storage: @unchecked Sendable {
        var id: String
        var date: String
        var title: String
        var summary: String
        var source: ArticleSource
        var wordCount: Int
        var counts: ArticleCounts
        var text: String
        var related: [String]
        var quotes: [Quote]
        var entities: [ArticleEntity]
        var casualties: [Casualty]

        init(id: String, date: String, title: String, summary: String, source: ArticleSource, wordCount: Int,
             counts: ArticleCounts, text: String, related: [String], quotes: [Quote], entities: [ArticleEntity],
             casualties: [Casualty]) {
            self.id = id
            self.date = date
            self.title = title
            self.summary = summary
            self.source = source
            self.wordCount = wordCount
            self.counts = counts
            self.text = text
            self.related = related
            self.quotes = quotes
            self.entities = entities
            self.casualties = casualties
        }

        func copy() -> Storage {
            Storage(id: id, date: date, title: title, summary: summary, source: source, wordCount: wordCount,
                    counts: counts, text: text, related: related, quotes: quotes, entities: entities, casualties: casualties)
        }
    }

    private var storage: Storage

    /// Makes `storage` this value's own before a field is set.
    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Whether two values share their fields (copies of one article, never set since): then they are equal.
    func sharesStorage(with other: Article) -> Bool { storage === other.storage }

    /// The shared fields, for `HeapAccounting` to walk once however many copies hold them.
    var storageObject: AnyObject { storage }

    /// Stable id derived from date and title ("2020-10-12-azerbaijan-and-armenia-are-fighting"), unique in a corpus.
    public var id: String {
        get { storage.id }
        set { unique(); storage.id = newValue }
    }
    /// Publication date, `YYYY-MM-DD`.
    public var date: String {
        get { storage.date }
        set { unique(); storage.date = newValue }
    }
    /// The headline, or the lead sentence where the file has no headline.
    public var title: String {
        get { storage.title }
        set { unique(); storage.title = newValue }
    }
    /// The lead paragraph.
    public var summary: String {
        get { storage.summary }
        set { unique(); storage.summary = newValue }
    }
    /// Where the article came from.
    public var source: ArticleSource {
        get { storage.source }
        set { unique(); storage.source = newValue }
    }
    /// Number of words in `text`.
    public var wordCount: Int {
        get { storage.wordCount }
        set { unique(); storage.wordCount = newValue }
    }
    /// How many quotes, entities and casualty figures were extracted.
    public var counts: ArticleCounts {
        get { storage.counts }
        set { unique(); storage.counts = newValue }
    }
    /// Full body text, paragraphs joined by a blank line. Spans count Unicode scalars into it.
    public var text: String {
        get { storage.text }
        set { unique(); storage.text = newValue }
    }
    /// The paragraphs of `text`, in order: derived from `text`, so the text is held once.
    public var paragraphs: [String] {
        var result: [String] = []
        forEachParagraph { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    /// Calls `body` with the UTF-8 of each paragraph of `text`, in order: the text split at each blank line
    /// ("\n\n", leftmost first), read as bytes (no `String` is made per paragraph).
    public func forEachParagraph(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            let newline = UInt8(ascii: "\n")
            var start = 0
            var i = 0
            while i + 1 < utf8.count {
                if utf8[i] == newline && utf8[i + 1] == newline {
                    body(UnsafeBufferPointer(rebasing: utf8[start..<i]))
                    i += 2
                    start = i
                } else {
                    i += 1
                }
            }
            body(UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }
    /// Headlines of "Also read: …" lines, which are not body text.
    public var related: [String] {
        get { storage.related }
        set { unique(); storage.related = newValue }
    }
    /// Direct quotations.
    public var quotes: [Quote] {
        get { storage.quotes }
        _modify { unique(); yield &storage.quotes }
    }
    /// Named entities with their mentions in this article.
    public var entities: [ArticleEntity] {
        get { storage.entities }
        _modify { unique(); yield &storage.entities }
    }
    /// Casualty figures.
    public var casualties: [Casualty] {
        get { storage.casualties }
        _modify { unique(); yield &storage.casualties }
    }

    /// Creates an article from all of its parts.
    public init(
        id: String, date: String, title: String, summary: String, source: ArticleSource, wordCount: Int,
        counts: ArticleCounts, text: String, related: [String], quotes: [Quote],
        entities: [ArticleEntity], casualties: [Casualty]
    ) {
        storage = Storage(id: id, date: date, title: title, summary: summary, source: source, wordCount: wordCount,
                          counts: counts, text: text, related: related, quotes: quotes, entities: entities,
                          casualties: casualties)
    }

    /// The keys of the Codable form: the fields, in order (what a synthesized conformance would use).
    private enum CodingKeys: String, CodingKey {
        case id, date, title, summary, source, wordCount, counts, text, related, quotes, entities, casualties
    }

    /// Decodes every field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), date: try c.decode(String.self, forKey: .date),
            title: try c.decode(String.self, forKey: .title), summary: try c.decode(String.self, forKey: .summary),
            source: try c.decode(ArticleSource.self, forKey: .source), wordCount: try c.decode(Int.self, forKey: .wordCount),
            counts: try c.decode(ArticleCounts.self, forKey: .counts), text: try c.decode(String.self, forKey: .text),
            related: try c.decode([String].self, forKey: .related), quotes: try c.decode([Quote].self, forKey: .quotes),
            entities: try c.decode([ArticleEntity].self, forKey: .entities),
            casualties: try c.decode([Casualty].self, forKey: .casualties))
    }

    /// Encodes every field, in order.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        try c.encode(title, forKey: .title)
        try c.encode(summary, forKey: .summary)
        try c.encode(source, forKey: .source)
        try c.encode(wordCount, forKey: .wordCount)
        try c.encode(counts, forKey: .counts)
        try c.encode(text, forKey: .text)
        try c.encode(related, forKey: .related)
        try c.encode(quotes, forKey: .quotes)
        try c.encode(entities, forKey: .entities)
        try c.encode(casualties, forKey: .casualties)
    }

    /// Field by field; copies that share their fields are equal at once.
    public static func == (a: Article, b: Article) -> Bool {
        if a.storage === b.storage { return true }
        let x = a.storage, y = b.storage
        return x.id == y.id && x.date == y.date && x.title == y.title && x.summary == y.summary && x.source == y.source
            && x.wordCount == y.wordCount && x.counts == y.counts && x.text == y.text && x.related == y.related
            && x.quotes == y.quotes && x.entities == y.entities && x.casualties == y.casualties
    }
}

/// The origin of an article: the corpus file (relative to the data directory) and, when known, URL and outlet.
public struct ArticleSource: Sendable, Codable, Equatable, Hashable {
    /// Path of the file relative to the corpus directory; for JSON arrays and JSON Lines, `file#N`
    /// is not used: every record of a file shares the file name.
    public var file: String
    /// Original URL, when the input gives one.
    public var url: String?
    /// Publishing outlet, when the input gives one.
    public var outlet: String?

    /// Creates a source record.
    public init(file: String, url: String? = nil, outlet: String? = nil) {
        self.file = file
        self.url = url
        self.outlet = outlet
    }
}

/// Item counts of an article, as lists show them without the items themselves.
public struct ArticleCounts: Sendable, Codable, Equatable, Hashable {
    /// Number of quotes.
    public var quotes: Int
    /// Number of distinct entities.
    public var entities: Int
    /// Number of casualty figures.
    public var casualties: Int

    /// Creates a count record.
    public init(quotes: Int, entities: Int, casualties: Int) {
        self.quotes = quotes
        self.entities = entities
        self.casualties = casualties
    }
}

/// A range of Unicode scalar offsets into an article's `text`, end exclusive.
public struct TextSpan: Sendable, Codable, Equatable, Hashable, Comparable {
    /// First scalar of the range.
    public var start: Int
    /// One past the last scalar of the range.
    public var end: Int

    /// Creates a span; `start <= end`.
    public init(start: Int, end: Int) {
        precondition(start <= end, "span start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    /// Orders spans by start, then end.
    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
