import Foundation

/// The one English word list of Newsdesk (`config/english/`): reporting verbs, roles and titles,
/// abbreviations, pronouns, function words and time words, each word once a file, read into one table
/// from a folded word to its `WordClasses`. The tokenizer stores each word's classes on its token
/// (`Token.classes`); every extractor reads them there.
public struct EnglishLexicon: Sendable {
    /// Folded word -> classes.
    public let words: WordTable<WordClasses>
    /// Two-word cues by their first word: "according" -> [("to", .cueSource)].
    public let phrases: [String: [(next: String, kind: WordClasses)]]

    /// The directory under the configuration directory that holds the files.
    public static let subdirectory = "english"

    /// Loads the files under `directory/english` (`directory` is the repository's `config/`); a missing or
    /// malformed file throws a `LexiconError` naming its path and line.
    public init(directory: URL) throws {
        let base = directory.appendingPathComponent(Self.subdirectory)
        var words: [String: WordClasses] = [:]
        var phrases: [String: [(next: String, kind: WordClasses)]] = [:]
        /// Adds `classes` to `word`, refusing a word listed twice in one file.
        func add(_ word: String, _ classes: WordClasses, _ row: TSVFile.Row, _ seen: inout Set<String>) throws {
            guard word == word.applyingFolding() else { throw row.error("'\(word)' must be lower case without accents") }
            guard seen.insert(word).inserted else { throw row.error("'\(word)' listed twice") }
            words[word, default: []].formUnion(classes)
        }

        var seen = Set<String>()
        for row in try Self.rows(base, "reporting-verbs.tsv", columns: 2) {
            let kind: WordClasses
            switch row[1] {
            case "speech": kind = [.reportingVerb]
            case "subject": kind = [.reportingVerb, .cueSubject]
            case "relay": kind = [.reportingVerb, .cueRelay]
            case "source": kind = [.reportingVerb, .cueSource]
            case "participle": kind = [.reportingVerb, .cueParticiple]
            case "person": kind = [.personVerb]
            default: throw row.error("unknown cue kind '\(row[1])'")
            }
            let parts = row[0].split(separator: " ").map(String.init)
            switch parts.count {
            case 1: try add(parts[0], kind, row, &seen)
            case 2:
                guard seen.insert(row[0]).inserted else { throw row.error("'\(row[0])' listed twice") }
                phrases[parts[0], default: []].append((next: parts[1], kind: kind))
                words[parts[0], default: []].insert(.cuePhraseStart)
            default: throw row.error("a cue has one or two words")
            }
        }

        seen = []
        for row in try Self.rows(base, "roles.tsv", columns: 3) {
            var classes: WordClasses = [.role]
            switch row[1] {
            case "one": break
            case "many": classes.insert(.roleMany)
            case "voice": classes.insert(.roleVoice)
            default: throw row.error("unknown number '\(row[1])'")
            }
            switch row[2] {
            case "title": classes.insert(.title)
            case "role": break
            default: throw row.error("unknown use '\(row[2])'")
            }
            try add(row[0], classes, row, &seen)
        }

        seen = []
        for row in try Self.rows(base, "abbreviations.tsv", columns: 2) {
            switch row[1] {
            case "name": try add(row[0], [.abbreviation, .nameAbbreviation], row, &seen)
            case "other": try add(row[0], [.abbreviation], row, &seen)
            default: throw row.error("unknown use '\(row[1])'")
            }
        }

        seen = []
        for row in try Self.rows(base, "pronouns.tsv", columns: 2) {
            switch row[1] {
            case "person": try add(row[0], [.pronoun], row, &seen)
            case "organization": try add(row[0], [.pronoun, .pronounOrganization], row, &seen)
            case "group": try add(row[0], [.pronoun, .pronounGroup], row, &seen)
            default: throw row.error("unknown pronoun kind '\(row[1])'")
            }
        }

        seen = []
        for row in try Self.rows(base, "function-words.tsv", columns: 2) {
            var classes: WordClasses = []
            for name in row.list(1) {
                guard let wordClass = Self.functionClasses[name] else { throw row.error("unknown word class '\(name)'") }
                classes.insert(wordClass)
            }
            try add(row[0], classes, row, &seen)
        }

        seen = []
        for row in try Self.rows(base, "time-words.tsv", columns: 2) {
            switch row[1] {
            case "month": try add(row[0], [.month], row, &seen)
            case "weekday": try add(row[0], [.weekday], row, &seen)
            default: throw row.error("unknown class '\(row[1])'")
            }
        }
        self.words = WordTable(words)
        self.phrases = phrases
    }

    /// The function-word classes by their names in `function-words.tsv`.
    static let functionClasses: [String: WordClasses] = [
        "determiner": .determiner, "preposition": .preposition, "filler": .filler, "clause": .clause,
        "conjunction": .conjunction, "particle": .particle, "connector": .connector, "not-name": .notName,
        "honorific": .honorific, "naming": .naming, "compound": .compound,
    ]

    /// The classes of a folded word (for words that are not tokens; tokens carry theirs).
    public subscript(word: String) -> WordClasses { words[word] ?? [] }

    /// The classes of the part of a hyphenated token after its last hyphen ("general" of
    /// "Secretary-General"); the token's own classes when it has no hyphen.
    public func tailClasses(of token: Token, in document: Document) -> WordClasses {
        guard token.tailHash != token.hash else { return token.classes }
        let bytes = document.folded(token)
        guard let dash = bytes.lastIndex(of: UInt8(ascii: "-")) else { return token.classes }
        return words.value(hash: token.tailHash, bytes: bytes[(dash + 1)...]) ?? []
    }

    /// Whether the folded word is an abbreviation whose full stop ends no sentence.
    public func isAbbreviation(_ word: String) -> Bool { self[word].contains(.abbreviation) }

    /// The rows of a data file read by `TSVFile`, each with exactly `columns` non-empty columns; a file
    /// with no rows is an error.
    static func rows(_ base: URL, _ name: String, columns: Int) throws -> [TSVFile.Row] {
        let table = try TSVFile(base, name, columns: columns...columns)
        for row in table.rows where row.columns.contains(where: \.isEmpty) {
            throw row.error("expected \(columns) tab-separated columns")
        }
        if table.rows.isEmpty { throw LexiconError(file: base.appendingPathComponent(name).path, reason: "no entries") }
        return table.rows
    }
}
