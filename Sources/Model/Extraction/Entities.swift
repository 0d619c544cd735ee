import Foundation

/// Gazetteers, demonyms and organisation names (stub: filled by the entity extractor's work).
public struct EntityLexicon: Sendable {
    /// Loads the entity data files from `directory`.
    public init(directory: URL) throws {}
}

/// Finds people, organisations and places.
public struct EntityExtractor: Sendable {
    /// The data files.
    public let lexicon: Lexicon

    /// Creates an extractor.
    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Returns the entities of `document`, each once, with all its mentions.
    public func extract(_ document: Document) -> [ArticleEntity] { [] }
}
