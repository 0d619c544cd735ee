import Foundation

/// Words and cues for quote attribution: the English lexicon (`config/english/`: reporting verbs, roles,
/// pronouns, function words), which the tokens already carry as `Token.classes`, and the heads only
/// attribution reads, from `config/quotes/`: organisation heads, place words and document nouns.
///
/// Every list is an open list of English news wording, so it is data, not code. All keys are folded
/// (lower case, straight apostrophes); tables are built once here so that extraction only looks words up.
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

    /// A person's gender, as a word tells it.
    public enum Gender: String, Sendable {
        case female, male
    }

    /// How an organisation head noun may be used.
    public enum OrganisationUse: String, Sendable {
        /// Names a body even in lower case ("the defence ministry").
        case institution
        /// Only inside a capitalised name ("Merseyside Police").
        case named
    }

    /// Everything the lists say about one word, looked up once per token.
    public struct WordInfo: Sendable {
        /// The word's classes in the English lexicon.
        public var classes: WordClasses = []
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
        /// A noun for something said ("claim", "remark").
        public var speech = false
        /// A pronoun.
        public var pronoun: PronounKind? = nil
        /// A hyphenated word whose last part makes it an adjective ("Houthi-run").
        public var compoundTail = false

        /// Whether the word is of any of `classes`.
        @inline(__always)
        public func isA(_ classes: WordClasses) -> Bool { !self.classes.isDisjoint(with: classes) }
    }

    /// What the quote-only lists say about a word.
    struct Heads: Sendable {
        /// Organisation head noun.
        var organisation: OrganisationUse? = nil
        /// Last word of a place name.
        var place = false
        /// A noun for a text.
        var document = false
        /// A noun for something said.
        var speech = false
    }

    /// The English lexicon.
    public let english: EnglishLexicon
    /// Organisation heads, place words and document nouns by folded word.
    let heads: WordTable<Heads>
    /// Two-word reporting cues, keyed by their first word: ("according" -> ("to", .source)).
    public let phrases: [String: [(next: String, kind: CueKind)]]
    /// The role nouns an abbreviated title stands for, by the folded abbreviation without its full stop:
    /// ("sen" -> ["senator", "lawmaker"]).
    public let titleForms: [String: [String]]
    /// The gender a word tells ("ms" -> female, "his" -> male), by folded word.
    public let genders: [String: Gender]

    /// The directory under the configuration directory that holds the quote files.
    public static let subdirectory = "quotes"

    /// Loads the quote word lists from `directory` (the repository's `config/`) on top of `english`; a
    /// missing or malformed file throws a `LexiconError` that names it.
    public init(directory: URL, english: EnglishLexicon) throws {
        let base = directory.appendingPathComponent(Self.subdirectory)
        self.english = english
        var phrases: [String: [(next: String, kind: CueKind)]] = [:]
        for (first, options) in english.phrases {
            phrases[first] = options.map { ($0.next, Self.cueKind($0.kind) ?? .speech) }
        }
        self.phrases = phrases
        let organisationWords = try Self.table(base, "organisation-words.tsv") { OrganisationUse(rawValue: $0) }
        let placeWords = Set(try Self.rows(base, "place-words.txt", columns: 1).map { $0.columns[0] })
        let documentWords = Set(try Self.rows(base, "document-words.txt", columns: 1).map { $0.columns[0] })
        var titleForms: [String: [String]] = [:]
        for (file, line, columns) in try Self.rows(base, "title-forms.tsv", columns: 2) {
            if titleForms[columns[0]] != nil {
                throw LexiconError(file: file, reason: "line \(line): '\(columns[0])' listed twice")
            }
            titleForms[columns[0]] = columns[1].split(separator: ",").map { String($0) }
        }
        self.titleForms = titleForms
        self.genders = try Self.table(base, "gender-words.tsv") { Gender(rawValue: $0) }
        var heads: [String: Heads] = [:]
        for (word, use) in organisationWords { heads[word, default: Heads()].organisation = use }
        for word in placeWords { heads[word, default: Heads()].place = true }
        for word in documentWords { heads[word, default: Heads()].document = true }
        for row in try Self.rows(base, "speech-nouns.txt", columns: 1) { heads[row.columns[0], default: Heads()].speech = true }
        self.heads = WordTable(heads)
    }

    /// The cue kind of a reporting verb's classes, nil when it is no reporting verb.
    @inline(__always)
    static func cueKind(_ classes: WordClasses) -> CueKind? {
        guard classes.contains(.reportingVerb) else { return nil }
        if classes.contains(.cueSubject) { return .subject }
        if classes.contains(.cueRelay) { return .relay }
        if classes.contains(.cueParticiple) { return .participle }
        if classes.contains(.cueSource) { return .source }
        return .speech
    }

    /// The number of a role word's classes; a courtesy title ("Mr", "Dr") is an honorific, not a role.
    @inline(__always)
    static func roleNumber(_ classes: WordClasses) -> RoleNumber? {
        guard classes.contains(.role), !classes.contains(.honorific) else { return nil }
        if classes.contains(.roleMany) { return .many }
        if classes.contains(.roleVoice) { return .voice }
        return .one
    }

    /// What the lists say about a token of `document`: its English classes and the quote heads; a
    /// hyphenated word takes the role of its last part and may be a compound adjective
    /// ("Secretary-General", "Houthi-run").
    func info(_ token: Token, in document: Document) -> WordInfo {
        let classes = token.classes
        var found = WordInfo(classes: classes)
        found.cue = Self.cueKind(classes)
        found.startsPhrase = classes.contains(.cuePhraseStart)
        found.role = Self.roleNumber(classes)
        if classes.contains(.pronoun) {
            found.pronoun = classes.contains(.pronounGroup) ? .group
                : classes.contains(.pronounOrganization) ? .organization : .person
        }
        if let heads = heads.value(of: token, in: document) {
            found.organisation = heads.organisation
            found.place = heads.place
            found.document = heads.document
            found.speech = heads.speech
        }
        if token.tailHash != token.hash {
            let tail = english.tailClasses(of: token, in: document)
            if found.role == nil { found.role = Self.roleNumber(tail) }
            found.compoundTail = tail.contains(.compound)
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
