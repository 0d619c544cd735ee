/// The classes of the English lexicon (`config/english/`) a folded word belongs to, as bits: one look-up
/// per word tells every extractor all the lists say about it.
///
/// A class with a variant (a cue's kind, a role's number, a pronoun's reference) sets its main bit and,
/// unless it is the default variant, one variant bit.
public struct WordClasses: OptionSet, Sendable, Hashable {
    /// The bits.
    public let rawValue: UInt64
    /// Classes from bits.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    // MARK: reporting-verbs.tsv
    /// A verb of saying that attributes a quotation ("said", "told", "according", "saying").
    public static let reportingVerb = WordClasses(rawValue: 1 << 0)
    /// Cue kind `subject`: only "X told ...", the speaker is its subject.
    public static let cueSubject = WordClasses(rawValue: 1 << 1)
    /// Cue kind `relay`: an outlet passing on another's words ("reported").
    public static let cueRelay = WordClasses(rawValue: 1 << 2)
    /// Cue kind `participle`: "..., saying ...", the speaker is the sentence's subject.
    public static let cueParticiple = WordClasses(rawValue: 1 << 3)
    /// First word of a two-word cue ("according" of "according to"); see `EnglishLexicon.phrases`.
    public static let cuePhraseStart = WordClasses(rawValue: 1 << 4)
    /// Cue kind `source`, of a two-word cue: "according to X", the speaker follows.
    public static let cueSource = WordClasses(rawValue: 1 << 15)
    /// A verb whose subject is a person but that attributes no quotation ("thinks", "felt", "died").
    public static let personVerb = WordClasses(rawValue: 1 << 5)

    // MARK: roles.tsv
    /// A noun naming a person by role or title ("minister", "resident", "spokesman", "officials").
    public static let role = WordClasses(rawValue: 1 << 6)
    /// A role that stands before a name as its title ("President", "Gen", "Mayor").
    public static let title = WordClasses(rawValue: 1 << 7)
    /// A plural role ("officials").
    public static let roleMany = WordClasses(rawValue: 1 << 8)
    /// A role that speaks for a body ("spokesperson"): unnamed, the body is the speaker.
    public static let roleVoice = WordClasses(rawValue: 1 << 9)

    // MARK: abbreviations.tsv
    /// A word written with a full stop that ends no sentence ("Dr.", "U.S.", "etc.", "Jan.").
    public static let abbreviation = WordClasses(rawValue: 1 << 10)
    /// An abbreviation that stands inside a name or before it ("Gen.", "Jr.", "St.").
    public static let nameAbbreviation = WordClasses(rawValue: 1 << 11)

    // MARK: pronouns.tsv
    /// A pronoun that can stand for a speaker ("he", "it", "they").
    public static let pronoun = WordClasses(rawValue: 1 << 12)
    /// A pronoun for a body named before ("it").
    public static let pronounOrganization = WordClasses(rawValue: 1 << 13)
    /// A plural pronoun, never resolved ("they").
    public static let pronounGroup = WordClasses(rawValue: 1 << 14)

    // MARK: function-words.tsv
    /// "a", "the", "his": stripped from roles and names.
    public static let determiner = WordClasses(rawValue: 1 << 16)
    /// "of", "from": starts a complement after a role word.
    public static let preposition = WordClasses(rawValue: 1 << 17)
    /// "also", "has": may stand between a subject and its verb.
    public static let filler = WordClasses(rawValue: 1 << 18)
    /// "who", "which", "that": opens a side clause.
    public static let clause = WordClasses(rawValue: 1 << 19)
    /// "and", "but": joins clauses.
    public static let conjunction = WordClasses(rawValue: 1 << 20)
    /// "bin", "al", "van": a lower-case word inside a person's name; joined by a hyphen to a capitalised
    /// word it makes the token capitalised ("al-Assad").
    public static let particle = WordClasses(rawValue: 1 << 21)
    /// "of", "and": joins the words of an organisation's name.
    public static let connector = WordClasses(rawValue: 1 << 22)
    /// "The", "Monday": capitalised but never part of a name.
    public static let notName = WordClasses(rawValue: 1 << 23)
    /// "Mr", "Dr": a courtesy title dropped from a name.
    public static let honorific = WordClasses(rawValue: 1 << 24)
    /// "called", "named": introduces a name after a role.
    public static let naming = WordClasses(rawValue: 1 << 25)
    /// "run", "backed": last part of a compound adjective ("Houthi-run", "Iran-backed").
    public static let compound = WordClasses(rawValue: 1 << 26)

    // MARK: time-words.tsv
    /// A month name ("january", "jan").
    public static let month = WordClasses(rawValue: 1 << 27)
    /// A day of the week ("monday").
    public static let weekday = WordClasses(rawValue: 1 << 28)

    /// Any function-word class.
    public static let functionWord: WordClasses = [
        .determiner, .preposition, .filler, .clause, .conjunction, .particle, .connector, .notName, .honorific,
        .naming, .compound,
    ]
}
