import Foundation

/// The data files under `config/` that the extractors read: gazetteers, organisation names, word lists.
///
/// Each extractor owns one part, loaded from its own files; a missing or malformed file fails loading with
/// an error that names it.
public struct Lexicon: Sendable {
    /// The one English word list every extractor reads (`config/english/`).
    public let english: EnglishLexicon
    /// Places, demonyms, organisations and person cues for entity extraction.
    public let entities: EntityLexicon
    /// Reporting verbs and other cues for quote attribution.
    public let quotes: QuoteLexicon
    /// Number words and casualty vocabulary.
    public let casualties: CasualtyLexicon

    /// Loads every part from `directory`.
    public init(directory: URL) throws {
        self.english = try EnglishLexicon(directory: directory)
        self.entities = try EntityLexicon(directory: directory, english: english)
        self.quotes = try QuoteLexicon(directory: directory, english: english)
        self.casualties = try CasualtyLexicon(directory: directory)
    }
}

/// A data file under `config/` that could not be read or parsed.
public struct LexiconError: Error, CustomStringConvertible, Equatable {
    /// The file's path.
    public let file: String
    /// What is wrong with it.
    public let reason: String

    /// Creates an error for `file`.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    /// "config/places.tsv: line 12: expected 5 columns".
    public var description: String { "\(file): \(reason)" }
}
