import Foundation

/// Words and cues for quote attribution, loaded from the files under `config/quotes/`.
///
/// Every list is an open list of English news wording, so it is data, not code: reporting verbs,
/// pronouns, role words, organisation and place heads, document nouns and the small function words
/// that shape an attribution. All keys are lower case with straight apostrophes; sets and
/// dictionaries are built once here so that extraction only looks words up.
public struct QuoteLexicon: Sendable {
    /// How a reporting cue attaches its speaker.
    public enum CueKind: String, Sendable {
        /// "X said", or inverted "said X".
        case speech
        /// Only "X told ...": the speaker is the subject.
        case subject
        /// An outlet passing on someone else's words ("NNA reported"); a speaker named before the quote wins.
        case relay
        /// "according to X": the speaker follows the cue.
        case source
        /// "..., saying ...": the speaker is the subject of the sentence.
        case participle
    }

    /// What a pronoun can stand for.
    public enum PronounKind: String, Sendable {
        /// A single person named earlier ("he said").
        case person
        /// A body named just before ("it said").
        case organization
        /// A plural subject; never resolved.
        case group
    }

    /// What a role noun says about how many people it names.
    public enum RoleNumber: String, Sendable {
        /// One person ("resident").
        case one
        /// Several ("officials").
        case many
        /// One person who speaks for a body ("spokesperson"): unnamed, the body is the speaker.
        case voice
    }

    /// How an organisation head noun may be used.
    public enum OrganisationUse: String, Sendable {
        /// Names a body even in lower case ("the defence ministry").
        case institution
        /// Only inside a capitalised name ("Merseyside Police").
        case named
    }

    /// Classes of the small function words in `function-words.tsv`.
    public enum WordClass: String, Sendable, CaseIterable {
        /// "a", "the": stripped from roles and names.
        case determiner
        /// "of", "from": starts a complement after a role word.
        case preposition
        /// "also", "has": may stand between a speaker and the verb.
        case filler
        /// "who", "which": opens a side clause between a speaker and the verb.
        case clause
        /// "and", "but": joins clauses.
        case conjunction
        /// "bin", "al": lower-case word inside a person's name.
        case particle
        /// "of", "and": joins the words of an organisation's name.
        case connector
        /// "The", "Monday": capitalised but never part of a name.
        case notName = "not-name"
        /// "Mr", "Dr": a courtesy title dropped from a name.
        case honorific
        /// "called", "named": introduces a name after a role.
        case naming
        /// "run", "backed": last part of a capitalised compound adjective ("Houthi-run").
        case compound

        /// This class's bit in `WordInfo.classes`.
        public var bit: UInt16 {
            switch self {
            case .determiner: 1 << 0
            case .preposition: 1 << 1
            case .filler: 1 << 2
            case .clause: 1 << 3
            case .conjunction: 1 << 4
            case .particle: 1 << 5
            case .connector: 1 << 6
            case .notName: 1 << 7
            case .honorific: 1 << 8
            case .naming: 1 << 9
            case .compound: 1 << 10
            }
        }
    }

    /// Everything the lists say about one word, looked up once per token.
    public struct WordInfo: Sendable {
        /// Bits of the function-word classes (`WordClass.bit`).
        public var classes: UInt16 = 0
        /// The kind of a one-word reporting cue.
        public var cue: CueKind? = nil
        /// Whether a two-word cue starts with this word ("according").
        public var startsPhrase = false
        /// Role or title noun, with its number; for a hyphenated word, of its last part ("Secretary-General").
        public var role: RoleNumber? = nil
        /// Organisation head noun.
        public var organisation: OrganisationUse? = nil
        /// Last word of a place name.
        public var place = false
        /// A noun for a text.
        public var document = false
        /// A pronoun.
        public var pronoun: PronounKind? = nil
        /// A hyphenated word whose last part makes it an adjective ("Houthi-run").
        public var compoundTail = false

        /// Whether the word is of `wordClass`.
        @inline(__always)
        public func isA(_ wordClass: WordClass) -> Bool { classes & wordClass.bit != 0 }
    }

    /// What the lists say about each word.
    public let words: [String: WordInfo]
    /// The same, for lookups by a token's lower-case ASCII bytes.
    let table: WordTable

    /// Two-word reporting cues, keyed by their first word: ("according" -> ("to", .source)).
    public let phrases: [String: [(next: String, kind: CueKind)]]

    /// The directory under the configuration directory that holds the quote files.
    public static let subdirectory = "quotes"

    /// Loads the quote word lists from `directory` (the repository's `config/`); a missing or malformed
    /// file throws a `LexiconError` that names it.
    public init(directory: URL) throws {
        let base = directory.appendingPathComponent(Self.subdirectory)
        var verbs: [String: CueKind] = [:]
        var phrases: [String: [(next: String, kind: CueKind)]] = [:]
        for (file, line, columns) in try Self.rows(base, "reporting-verbs.tsv", columns: 2) {
            guard let kind = CueKind(rawValue: columns[1]) else {
                throw LexiconError(file: file, reason: "line \(line): unknown cue kind '\(columns[1])'")
            }
            let words = columns[0].split(separator: " ").map(String.init)
            switch words.count {
            case 1: verbs[words[0]] = kind
            case 2: phrases[words[0], default: []].append((next: words[1], kind: kind))
            default: throw LexiconError(file: file, reason: "line \(line): a cue has one or two words")
            }
        }
        self.phrases = phrases
        let pronouns = try Self.table(base, "pronouns.tsv") { PronounKind(rawValue: $0) }
        let personRoles = try Self.table(base, "person-roles.tsv") { RoleNumber(rawValue: $0) }
        let organisationWords = try Self.table(base, "organisation-words.tsv") { OrganisationUse(rawValue: $0) }
        let placeWords = Set(try Self.rows(base, "place-words.txt", columns: 1).map { $0.columns[0] })
        let documentWords = Set(try Self.rows(base, "document-words.txt", columns: 1).map { $0.columns[0] })
        var classes: [WordClass: Set<String>] = [:]
        for (file, line, columns) in try Self.rows(base, "function-words.tsv", columns: 2) {
            guard let wordClass = WordClass(rawValue: columns[1]) else {
                throw LexiconError(file: file, reason: "line \(line): unknown word class '\(columns[1])'")
            }
            classes[wordClass, default: []].insert(columns[0])
        }
        for wordClass in WordClass.allCases where classes[wordClass] == nil {
            throw LexiconError(file: base.appendingPathComponent("function-words.tsv").path,
                               reason: "no words of class '\(wordClass.rawValue)'")
        }
        var words: [String: WordInfo] = [:]
        for (word, kind) in verbs { words[word, default: WordInfo()].cue = kind }
        for word in phrases.keys { words[word, default: WordInfo()].startsPhrase = true }
        for (word, number) in personRoles { words[word, default: WordInfo()].role = number }
        for (word, use) in organisationWords { words[word, default: WordInfo()].organisation = use }
        for word in placeWords { words[word, default: WordInfo()].place = true }
        for word in documentWords { words[word, default: WordInfo()].document = true }
        for (word, kind) in pronouns { words[word, default: WordInfo()].pronoun = kind }
        for (wordClass, members) in classes {
            for word in members { words[word, default: WordInfo()].classes |= wordClass.bit }
        }
        self.words = words
        self.table = WordTable(words)
    }

    /// What the lists say about a lower-case ASCII word given as bytes, as `info(_:)` does for a string.
    func info(bytes: ArraySlice<UInt8>) -> WordInfo {
        var found = table[bytes] ?? WordInfo()
        if let dash = bytes.lastIndex(of: UInt8(ascii: "-")), dash != bytes.startIndex {
            let tail = table[bytes[(dash + 1)...]] ?? WordInfo()
            if found.role == nil { found.role = tail.role }
            found.compoundTail = tail.isA(.compound)
        }
        return found
    }

    /// What the lists say about a lower-case word; a hyphenated word takes the role of its last part and
    /// may be a compound adjective ("Secretary-General", "Houthi-run").
    func info(_ word: String) -> WordInfo {
        var found = words[word] ?? WordInfo()
        if let dash = word.utf8.lastIndex(of: UInt8(ascii: "-")), dash != word.utf8.startIndex {
            let tail = words[String(word[word.utf8.index(after: dash)...])] ?? WordInfo()
            if found.role == nil { found.role = tail.role }
            found.compoundTail = tail.isA(.compound)
        }
        return found
    }


    /// Reads a two-column table whose second column `parse` turns into a value.
    private static func table<Value>(
        _ base: URL, _ name: String, _ parse: (String) -> Value?
    ) throws -> [String: Value] {
        var result: [String: Value] = [:]
        for (file, line, columns) in try rows(base, name, columns: 2) {
            guard let value = parse(columns[1]) else {
                throw LexiconError(file: file, reason: "line \(line): unknown value '\(columns[1])'")
            }
            if result[columns[0]] != nil {
                throw LexiconError(file: file, reason: "line \(line): '\(columns[0])' listed twice")
            }
            result[columns[0]] = value
        }
        return result
    }

    /// The non-comment lines of a data file split on tabs (read by `TSVFile`), each checked to have exactly
    /// `columns` non-empty columns with a lower-case first one.
    private static func rows(
        _ base: URL, _ name: String, columns: Int
    ) throws -> [(file: String, line: Int, columns: [String])] {
        let table = try TSVFile(base, name, columns: columns...columns)
        let result = try table.rows.map { row -> (file: String, line: Int, columns: [String]) in
            guard row.columns.allSatisfy({ !$0.isEmpty }) else {
                throw row.error("expected \(columns) tab-separated columns")
            }
            guard row[0] == row[0].lowercased() else { throw row.error("'\(row[0])' must be lower case") }
            return (row.file, row.line, row.columns)
        }
        if result.isEmpty { throw LexiconError(file: base.appendingPathComponent(name).path, reason: "no entries") }
        return result
    }
}
