import Foundation

/// Words and cues for quote attribution (stub: filled by the quote extractor's work).
public struct QuoteLexicon: Sendable {
    /// Loads the quote word lists from `directory`.
    public init(directory: URL) throws {}
}

/// Finds direct quotations and their speakers.
public struct QuoteExtractor: Sendable {
    /// The word lists.
    public let lexicon: Lexicon

    /// Creates an extractor.
    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Returns the quotes of `document`; may add quoted people to `entities`.
    public func extract(_ document: Document, entities: inout [ArticleEntity]) -> [Quote] { [] }
}
