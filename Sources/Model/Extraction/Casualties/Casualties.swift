import Foundation

/// Casualty vocabulary, loaded from `config/casualties/`: casualty words per kind, victim group words,
/// qualifier phrases, scope cues and non-casualty units. Number words are a Swift table (`NumberWords`).
///
/// Everything the extractor looks up per token is precomputed here, once, into sets and dictionaries.
public struct CasualtyLexicon: Sendable {
    /// The grammatical roles a casualty word can play around a number.
    struct Roles: OptionSet, Sendable {
        /// The role bits.
        let rawValue: UInt8
        /// A verb taking the victims as object: "killing 9 civilians".
        static let active = Roles(rawValue: 1)
        /// A participle or adjective after the victims: "41 people were killed", "seven missing".
        static let passive = Roles(rawValue: 2)
        /// A noun naming the casualties: "12 deaths", "the death toll rose to 40".
        static let noun = Roles(rawValue: 4)
        /// Active only when its object is a person noun: "lost hundreds of men".
        static let person = Roles(rawValue: 8)
        /// Counts everyone hit, the dead among them ("four people were shot, one fatally"): the figure is
        /// injured, less the dead that a sub-count right after it names (`CasualtyReader.splitHits`).
        static let hit = Roles(rawValue: 16)
    }

    /// A casualty word or phrase.
    struct Trigger: Sendable {
        /// Its words, lower-cased.
        let words: [String]
        /// The kind it names.
        let kind: CasualtyKind
        /// The roles it can play.
        let roles: Roles
    }

    /// A qualifier phrase.
    struct Qualifier: Sendable {
        /// Its words, lower-cased.
        let words: [String]
        /// The qualifier it names.
        let qualifier: CasualtyQualifier
    }

    /// Casualty phrases keyed by their first word, longest first.
    let triggers: WordTable<[Trigger]>
    /// Casualty phrases keyed by their last word, longest first (for matching backwards from a number).
    let triggersByLast: WordTable<[Trigger]>
    /// Victim nouns and their groups.
    let groups: WordTable<VictimGroup>
    /// Qualifiers that stand before the number, keyed by their last word, longest first.
    let qualifiersBefore: WordTable<[Qualifier]>
    /// Qualifiers that stand after the number, keyed by their first word.
    let qualifiersAfter: WordTable<[Qualifier]>
    /// Cumulative-scope cue phrases, keyed by their first word.
    let scopeCues: WordTable<[[String]]>
    /// Nouns that never count people (units, objects, households, animals).
    let units: WordTable<Bool>
    /// Pre-filter table of the number words.
    let numberWordHashes: WordTable<Bool>
    /// Hashes of the number words, for the last part of a hyphenated token ("twenty-one": `Token.tailHash`).
    let numberWordTails: Set<UInt64>
    /// Pre-filter table of the number words (`numberWordBit`) and of the casualty words (`casualtyWordBit`: every
    /// word of a casualty phrase but a few particles), in one table so that the pre-filter probes once a word.
    let prefilterWords: WordTable<UInt8>
    /// `prefilterWords` bit of a number word.
    static let numberWordBit: UInt8 = 1
    /// `prefilterWords` bit of a casualty word.
    static let casualtyWordBit: UInt8 = 2

    /// The files this lexicon reads, relative to the configuration directory.
    static let files = (kinds: "casualties/kinds.tsv", groups: "casualties/groups.tsv",
                        qualifiers: "casualties/qualifiers.tsv", scope: "casualties/scope.txt",
                        units: "casualties/units.txt")

    /// Loads the casualty word lists from `directory` (the repository's `config/`); throws `LexiconError`
    /// naming the file and line when one is missing or malformed.
    public init(directory: URL) throws {
        var triggers: [String: [Trigger]] = [:]
        var byLast: [String: [Trigger]] = [:]
        for (line, fields) in try Self.rows(directory, Self.files.kinds, columns: 3) {
            guard let kind = CasualtyKind(rawValue: fields[1]) else {
                throw LexiconError(file: Self.path(directory, Self.files.kinds), reason: "line \(line): unknown kind '\(fields[1])'")
            }
            var roles: Roles = []
            for name in fields[2].split(separator: ",") {
                switch name.trimmingCharacters(in: .whitespaces) {
                case "active": roles.insert(.active)
                case "passive": roles.insert(.passive)
                case "noun": roles.insert(.noun)
                case "person": roles.insert(.person)
                case "hit": roles.insert(.hit)
                default:
                    throw LexiconError(file: Self.path(directory, Self.files.kinds), reason: "line \(line): unknown role '\(name)'")
                }
            }
            let words = Self.words(fields[0])
            let trigger = Trigger(words: words, kind: kind, roles: roles)
            triggers[words[0], default: []].append(trigger)
            byLast[words[words.count - 1], default: []].append(trigger)
        }
        self.triggers = Self.table(triggers.map { ($0.key, $0.value.sorted { $0.words.count > $1.words.count }) })
        self.triggersByLast = Self.table(byLast.map { ($0.key, $0.value.sorted { $0.words.count > $1.words.count }) })

        var groups: [String: VictimGroup] = [:]
        for (line, fields) in try Self.rows(directory, Self.files.groups, columns: 2) {
            guard let group = VictimGroup(rawValue: fields[1]) else {
                throw LexiconError(file: Self.path(directory, Self.files.groups), reason: "line \(line): unknown group '\(fields[1])'")
            }
            groups[fields[0].lowercased()] = group
        }
        self.groups = Self.table(groups.map { ($0.key, $0.value) })

        var before: [String: [Qualifier]] = [:]
        var after: [String: [Qualifier]] = [:]
        for (line, fields) in try Self.rows(directory, Self.files.qualifiers, columns: 3) {
            guard let qualifier = CasualtyQualifier(rawValue: fields[1]) else {
                throw LexiconError(file: Self.path(directory, Self.files.qualifiers),
                                   reason: "line \(line): unknown qualifier '\(fields[1])'")
            }
            let words = Self.words(fields[0])
            switch fields[2] {
            case "before": before[words[words.count - 1], default: []].append(Qualifier(words: words, qualifier: qualifier))
            case "after": after[words[0], default: []].append(Qualifier(words: words, qualifier: qualifier))
            default:
                throw LexiconError(file: Self.path(directory, Self.files.qualifiers),
                                   reason: "line \(line): position must be 'before' or 'after', not '\(fields[2])'")
            }
        }
        self.qualifiersBefore = Self.table(before.map { ($0.key, $0.value.sorted { $0.words.count > $1.words.count }) })
        self.qualifiersAfter = Self.table(after.map { ($0.key, $0.value.sorted { $0.words.count > $1.words.count }) })

        var cues: [String: [[String]]] = [:]
        for (_, fields) in try Self.rows(directory, Self.files.scope, columns: 1) {
            let words = Self.words(fields[0])
            cues[words[0], default: []].append(words)
        }
        self.scopeCues = Self.table(cues.map { ($0.key, $0.value) })
        self.units = Self.table(try Self.rows(directory, Self.files.units, columns: 1).map { ($0.1[0].lowercased(), true) })

        let numberWords = Array(NumberWords.units.keys) + Array(NumberWords.tens.keys)
            + Array(NumberWords.multipliers.keys) + Array(NumberWords.vague.keys) + ["tens", "half"]
            + Array(NumberWords.multiples.keys)
        self.numberWordHashes = Self.table(numberWords.map { ($0, true) })
        self.numberWordTails = Set(numberWords.map { FNV1a.hash($0) })
        // A phrase can only match where its longest word stands, so that word alone keys the pre-filter
        // ("lost their lives" → "lives", "forced to flee" → "forced"): common helpers like "left" or "taken"
        // do not wake the extractor up.
        var casualtyWords: Set<String> = []
        for list in triggers.values {
            for trigger in list {
                var key = trigger.words[0]
                for word in trigger.words where word.count >= key.count { key = word }
                casualtyWords.insert(key)
            }
        }
        casualtyWords.formUnion(CasualtyWords.killingNouns)
        casualtyWords.formUnion(["injuries", "injury", "wounds", "wound", "hospital", "hospitals", "center", "centre"])
        var prefilter: [String: UInt8] = [:]
        for word in numberWords { prefilter[word, default: 0] |= Self.numberWordBit }
        for word in casualtyWords { prefilter[word, default: 0] |= Self.casualtyWordBit }
        self.prefilterWords = WordTable(prefilter)
    }

    /// The real path of a word list, for error messages.
    static func path(_ directory: URL, _ file: String) -> String { directory.appendingPathComponent(file).path }

    /// Splits a phrase into lower-cased words.
    static func words(_ phrase: String) -> [String] {
        phrase.lowercased().split(separator: " ").map(String.init)
    }

    /// The data lines of a file (no blank lines, no `#` comments), each with its 1-based line number and its
    /// tab-separated fields, read through `TSVFile`; throws when the file is missing or a line has the wrong
    /// number of fields or an empty one.
    static func rows(_ directory: URL, _ file: String, columns: Int) throws -> [(Int, [String])] {
        let tsv = try TSVFile(directory, file, columns: columns...columns)
        var result: [(Int, [String])] = []
        for row in tsv.rows {
            guard !row.columns.contains(where: \.isEmpty) else { throw row.error("an empty field") }
            result.append((row.line, row.columns))
        }
        guard !result.isEmpty else { throw LexiconError(file: path(directory, file), reason: "no entries") }
        return result
    }

    /// A word table of `pairs` (words lower case, so already folded); a word listed twice keeps its first value.
    static func table<V: Sendable>(_ pairs: [(String, V)]) -> WordTable<V> {
        WordTable(Dictionary(pairs, uniquingKeysWith: { first, _ in first }))
    }
}

/// Finds casualty figures: stated numbers of people killed, injured, missing, captured or displaced.
///
/// The extractor refuses to guess (STYLE rule 11): a figure needs a number, a casualty word in one of a few
/// fixed positions around it, and no sign that the number counts something else. Each figure keeps its
/// sentence and the span of its phrase. See `Casualties+Figures.swift` for the patterns.
public struct CasualtyExtractor: Sendable {
    /// The word lists.
    public let lexicon: Lexicon

    /// Creates an extractor.
    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Returns the casualty figures of `document` in text order, with places taken from `entities`.
    public func extract(_ document: Document, entities: [ArticleEntity]) -> [Casualty] {
        var reader = CasualtyReader(lexicon: lexicon.casualties, document: document)
        let found = reader.read()
        return CasualtyReader.finish(found, document: document, entities: entities)
    }
}
