import Foundation

/// Number words and casualty vocabulary (stub: filled by the casualty extractor's work).
public struct CasualtyLexicon: Sendable {
    /// Loads the casualty word lists from `directory`.
    public init(directory: URL) throws {}
}

/// Finds casualty figures.
public struct CasualtyExtractor: Sendable {
    /// The word lists.
    public let lexicon: Lexicon

    /// Creates an extractor.
    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Returns the casualty figures of `document`, with places taken from `entities`.
    public func extract(_ document: Document, entities: [ArticleEntity]) -> [Casualty] { [] }
}
