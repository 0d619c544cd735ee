/// An article as read from a corpus file, before ids are assigned and extraction runs.
public struct RawArticle: Sendable, Equatable {
    /// Publication date, `YYYY-MM-DD`.
    public var date: String
    /// Headline, when the input has one; otherwise derived from the lead.
    public var title: String?
    /// Body paragraphs, the lead first; "Also read" lines removed.
    public var paragraphs: [String]
    /// "Also read: …" headlines.
    public var related: [String]
    /// Where it came from.
    public var source: ArticleSource

    /// Creates a raw article.
    public init(date: String, title: String?, paragraphs: [String], related: [String], source: ArticleSource) {
        self.date = date
        self.title = title
        self.paragraphs = paragraphs
        self.related = related
        self.source = source
    }
}

/// A corpus file, or a record in one, that could not be loaded, and why.
public struct LoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Path relative to the corpus directory; for JSON Lines, `file:line`.
    public var file: String
    /// What is wrong ("no date line", "invalid UTF-8", "not JSON: …").
    public var reason: String

    /// Creates a failure record.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    /// "dir/bad.txt: invalid UTF-8".
    public var description: String { "\(file): \(reason)" }
}
