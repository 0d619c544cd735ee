import Foundation

/// Everything extraction needs, loaded once from the `config/` data files, and the pipeline that runs it.
public struct Extractors: Sendable {
    /// The gazetteers and word lists read from the configuration directory.
    public let lexicon: Lexicon

    /// Loads the data files under `configDirectory` (the repository's `config/`).
    public init(configDirectory: URL) throws {
        self.lexicon = try Lexicon(directory: configDirectory)
    }

    /// Creates the pipeline from an already loaded lexicon.
    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Runs every extractor over a document, in one direction: entities first, then quotes and casualty
    /// figures, which read the entities (speakers, places) and never add to them.
    public func extract(_ document: Document) -> (quotes: [Quote], entities: [ArticleEntity], casualties: [Casualty]) {
        let entities = EntityExtractor(lexicon: lexicon).extract(document)
        let quotes = QuoteExtractor(lexicon: lexicon).extract(document, entities: entities)
        let casualties = CasualtyExtractor(lexicon: lexicon).extract(document, entities: entities)
        return (quotes, entities, casualties)
    }
}
