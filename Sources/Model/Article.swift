import Foundation

/// A news article as the API serves it: its text, metadata and everything extracted from it.
///
/// Built once at load time and never mutated; `GET /articles/{id}` serves all of it, lists serve
/// everything above `text`.
public struct Article: Sendable, Codable, Equatable {
    /// Stable id derived from date and title ("2020-10-12-azerbaijan-and-armenia-are-fighting"), unique in a corpus.
    public var id: String
    /// Publication date, `YYYY-MM-DD`.
    public var date: String
    /// The headline, or the lead sentence where the file has no headline.
    public var title: String
    /// The lead paragraph.
    public var summary: String
    /// Where the article came from.
    public var source: ArticleSource
    /// Number of words in `text`.
    public var wordCount: Int
    /// How many quotes, entities and casualty figures were extracted.
    public var counts: ArticleCounts
    /// Full body text, paragraphs joined by a blank line. Spans count Unicode scalars into it.
    public var text: String
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
    public var related: [String]
    /// Direct quotations.
    public var quotes: [Quote]
    /// Named entities with their mentions in this article.
    public var entities: [ArticleEntity]
    /// Casualty figures.
    public var casualties: [Casualty]

    /// Creates an article from all of its parts.
    public init(
        id: String, date: String, title: String, summary: String, source: ArticleSource, wordCount: Int,
        counts: ArticleCounts, text: String, related: [String], quotes: [Quote],
        entities: [ArticleEntity], casualties: [Casualty]
    ) {
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
