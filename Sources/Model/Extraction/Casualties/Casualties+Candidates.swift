/// The intermediate values of casualty extraction: number phrases, candidates and figures before ids.

/// A number phrase: the qualifier, the number itself and its range or vagueness.
struct NumberPhrase {
    /// Token index where the phrase starts (the qualifier or filler word, else the number).
    var start: Int
    /// Token index of the number's first token.
    var first: Int
    /// Token index one past the phrase.
    var end: Int
    /// The stated count; nil for vague amounts.
    var count: Int?
    /// The stated value, or for vague amounts the least value the word allows.
    var low: Int
    /// The top of a range ("10-15", "between 10 and 15").
    var high: Int?
    /// A vague plural amount ("dozens", "tens of thousands").
    var vague: Bool
    /// How the wording bounds the number.
    var qualifier: CasualtyQualifier
}

/// A number phrase with what follows it: the victims' noun, if any, and the cues it carries.
struct FigureCandidate {
    /// The number phrase.
    var phrase: NumberPhrase
    /// Token index one past the victims' noun phrase (the phrase end when there is none).
    var npEnd: Int
    /// The victims' group, when a noun names them.
    var group: VictimGroup?
    /// The noun is a person noun ("people", "civilians", "Palestinians").
    var person = false
    /// The person noun is a listed victim word, not a guess from a plural or a capital.
    var listed = false
    /// A casualty adjective inside the noun phrase ("55 missing people").
    var kindInNP: CasualtyKind?
    /// The head noun is itself a casualty noun ("12 deaths", "three bodies").
    var kindNoun: CasualtyKind?
    /// That casualty noun is an adjective used as a noun ("three dead", "four wounded"): it states the kind
    /// itself, whatever verb follows ("left three dead and seven others injured").
    var kindNounIsAdjective = false
    /// "more", "other", "others" or "additional" follows the number: these people are not those counted just
    /// before ("four people were shot and two others killed").
    var others = false
    /// The kind came from a verb of hitting ("shot"), which counts the dead among the injured.
    var hit = false
    /// Followed by "of whom" / "of them": a part of the figure before it.
    var partAfter = false
    /// "N of the M": a part of the next number.
    var partOfNext = false
    /// The noun is a unit, object or animal: never a figure ("19 buildings", "three police dogs").
    var unit = false
    /// The kind, once a pattern has found one.
    var kind: CasualtyKind?
    /// Token index span of the casualty word when it was used as evidence (for the figure's span).
    var evidence: Range<Int>?
    /// A sub-count; `parent` is the candidate index it belongs to.
    var isPart = false
    /// The candidate this one is a part of.
    var parent: Int?
}

/// A figure read from a sentence, before ids, places and duplicates are settled.
struct FoundFigure {
    /// Killed, injured, …
    var kind: CasualtyKind
    /// The stated count; nil for vague amounts.
    var count: Int?
    /// Smallest value the wording allows.
    var min: Int?
    /// Largest value the wording allows.
    var max: Int?
    /// How the wording bounds the number.
    var qualifier: CasualtyQualifier
    /// The victims.
    var group: VictimGroup
    /// One event or a running toll.
    var scope: CasualtyScope
    /// Index into `document.sentences`.
    var sentence: Int
    /// Index of the paragraph.
    var paragraph: Int
    /// The figure's phrase in the document text.
    var span: TextSpan
}
