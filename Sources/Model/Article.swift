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
    /// The fields, as a synthesized `Codable` and `Equatable` would see them: their keys and order are the article's.
    struct Fields: Sendable, Codable, Equatable {
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
        var entities: ArticleEntities
        var casualties: [Casualty]
    }

    /// The fields, shared by copies until one is set.
    // @unchecked Sendable: a Storage is mutated only through `Article`'s setters, after `unique()` made it the
    // sole reference; a shared one is never written.
    final class Storage: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// Makes `storage` this value's own before a field is set.
    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    /// Whether two values share their fields (copies of one article, never set since): then they are equal.
    func sharesStorage(with other: Article) -> Bool { storage === other.storage }

    /// The shared fields, for `HeapAccounting` to walk once however many copies hold them.
    var storageObject: AnyObject { storage }

    /// Stable id derived from date and title ("2020-10-12-azerbaijan-and-armenia-are-fighting"), unique in a corpus.
    public var id: String {
        get { storage.fields.id }
        set { unique(); storage.fields.id = newValue }
    }
    /// Publication date, `YYYY-MM-DD`.
    public var date: String {
        get { storage.fields.date }
        set { unique(); storage.fields.date = newValue }
    }
    /// The headline, or the lead sentence where the file has no headline.
    public var title: String {
        get { storage.fields.title }
        set { unique(); storage.fields.title = newValue }
    }
    /// The lead paragraph.
    public var summary: String {
        get { storage.fields.summary }
        set { unique(); storage.fields.summary = newValue }
    }
    /// Where the article came from.
    public var source: ArticleSource {
        get { storage.fields.source }
        set { unique(); storage.fields.source = newValue }
    }
    /// Number of words in `text`.
    public var wordCount: Int {
        get { storage.fields.wordCount }
        set { unique(); storage.fields.wordCount = newValue }
    }
    /// How many quotes, entities and casualty figures were extracted.
    public var counts: ArticleCounts {
        get { storage.fields.counts }
        set { unique(); storage.fields.counts = newValue }
    }
    /// Full body text, paragraphs joined by a blank line. Spans count Unicode scalars into it.
    public var text: String {
        get { storage.fields.text }
        set { unique(); storage.fields.text = newValue }
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
        get { storage.fields.related }
        set { unique(); storage.fields.related = newValue }
    }
    /// Direct quotations.
    public var quotes: [Quote] {
        get { storage.fields.quotes }
        _modify { unique(); yield &storage.fields.quotes }
    }
    /// Named entities with their mentions in this article (unpacked from `entityList` on each call).
    public var entities: [ArticleEntity] {
        get { storage.fields.entities.all }
        set { unique(); storage.fields.entities = ArticleEntities(newValue) }
    }
    /// The same entities as held: packed, their strings and place data in `EntityPool`.
    public var entityList: ArticleEntities { storage.fields.entities }
    /// Casualty figures.
    public var casualties: [Casualty] {
        get { storage.fields.casualties }
        _modify { unique(); yield &storage.fields.casualties }
    }

    /// Creates an article from all of its parts.
    public init(
        id: String, date: String, title: String, summary: String, source: ArticleSource, wordCount: Int,
        counts: ArticleCounts, text: String, related: [String], quotes: [Quote],
        entities: [ArticleEntity], casualties: [Casualty]
    ) {
        storage = Storage(Fields(id: id, date: date, title: title, summary: summary, source: source, wordCount: wordCount,
                                 counts: counts, text: text, related: related, quotes: quotes, entities: ArticleEntities(entities),
                                 casualties: casualties))
    }

    /// Decodes every field, under the keys a synthesized conformance would use.
    public init(from decoder: any Decoder) throws {
        storage = Storage(try Fields(from: decoder))
    }

    /// Encodes every field, in order.
    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    /// Field by field; copies that share their fields are equal at once.
    public static func == (a: Article, b: Article) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
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
