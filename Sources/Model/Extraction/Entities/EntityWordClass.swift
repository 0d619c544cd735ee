/// The closed word lists a word belongs to, as bits, so that the extractor looks each word up once.
struct EntityWordClass: OptionSet, Sendable, Hashable {
    /// The bits.
    let rawValue: UInt32

    /// A stop word (`config/entities/stopwords.txt`).
    static let stopword = EntityWordClass(rawValue: 1 << 0)
    /// In `EntityCollector.connectors`.
    static let connectors = EntityWordClass(rawValue: 1 << 1)
    /// In `EntityCollector.splittingConnectors`.
    static let splittingConnectors = EntityWordClass(rawValue: 1 << 2)
    /// In `EntityCollector.titles`.
    static let titles = EntityWordClass(rawValue: 1 << 3)
    /// In `EntityCollector.roleNouns`.
    static let roleNouns = EntityWordClass(rawValue: 1 << 4)
    /// In `EntityCollector.reportingVerbs`.
    static let reportingVerbs = EntityWordClass(rawValue: 1 << 5)
    /// In `EntityCollector.placeWordsBefore`.
    static let placeWordsBefore = EntityWordClass(rawValue: 1 << 6)
    /// In `EntityCollector.placeNounsAfter`.
    static let placeNounsAfter = EntityWordClass(rawValue: 1 << 7)
    /// In `EntityCollector.placeNounsBeforeOf`.
    static let placeNounsBeforeOf = EntityWordClass(rawValue: 1 << 8)
    /// In `EntityCollector.placeHeads`.
    static let placeHeads = EntityWordClass(rawValue: 1 << 9)
    /// In `EntityCollector.placePrefixes`.
    static let placePrefixes = EntityWordClass(rawValue: 1 << 10)
    /// In `EntityCollector.temporalWords`.
    static let temporalWords = EntityWordClass(rawValue: 1 << 11)
    /// In `EntityCollector.organizationHeads`.
    static let organizationHeads = EntityWordClass(rawValue: 1 << 12)
    /// In `EntityCollector.organizationsAbroad`.
    static let organizationsAbroad = EntityWordClass(rawValue: 1 << 13)
    /// In `EntityCollector.facilityNouns`.
    static let facilityNouns = EntityWordClass(rawValue: 1 << 14)
    /// In `EntityCollector.articles`.
    static let articles = EntityWordClass(rawValue: 1 << 15)
    /// In `EntityCollector.nameParticles`.
    static let nameParticles = EntityWordClass(rawValue: 1 << 16)
    /// In `EntityCollector.nameSuffixes`.
    static let nameSuffixes = EntityWordClass(rawValue: 1 << 17)
    /// In `EntityCollector.eventWords`.
    static let eventWords = EntityWordClass(rawValue: 1 << 18)
    /// In `EntityCollector.vesselPrefixes`.
    static let vesselPrefixes = EntityWordClass(rawValue: 1 << 19)
    /// In `EntityCollector.nonOrganizationAcronyms`.
    static let nonOrganizationAcronyms = EntityWordClass(rawValue: 1 << 20)
    /// In `EntityCollector.attributiveNouns`.
    static let attributiveNouns = EntityWordClass(rawValue: 1 << 22)
    /// In `EntityCollector.resultVerbs`.
    static let resultVerbs = EntityWordClass(rawValue: 1 << 23)
    /// A name particle of the tokenizer (`EntityTokenizer.particles`).
    static let particles = EntityWordClass(rawValue: 1 << 21)

    /// Every closed list of the extractor with its bit.
    static var tables: [(EntityWordClass, [String])] {
        [
            (.connectors, Array(EntityCollector.connectors)),
            (.splittingConnectors, Array(EntityCollector.splittingConnectors)),
            (.titles, Array(EntityCollector.titles)),
            (.roleNouns, Array(EntityCollector.roleNouns)),
            (.reportingVerbs, Array(EntityCollector.reportingVerbs)),
            (.placeWordsBefore, Array(EntityCollector.placeWordsBefore)),
            (.placeNounsAfter, Array(EntityCollector.placeNounsAfter.keys)),
            (.placeNounsBeforeOf, Array(EntityCollector.placeNounsBeforeOf.keys)),
            (.placeHeads, Array(EntityCollector.placeHeads.keys)),
            (.placePrefixes, Array(EntityCollector.placePrefixes.keys)),
            (.temporalWords, Array(EntityCollector.temporalWords)),
            (.organizationHeads, Array(EntityCollector.organizationHeads)),
            (.organizationsAbroad, Array(EntityCollector.organizationsAbroad)),
            (.facilityNouns, Array(EntityCollector.facilityNouns.keys)),
            (.articles, Array(EntityCollector.articles)),
            (.nameParticles, Array(EntityCollector.nameParticles)),
            (.nameSuffixes, Array(EntityCollector.nameSuffixes)),
            (.eventWords, Array(EntityCollector.eventWords)),
            (.vesselPrefixes, Array(EntityCollector.vesselPrefixes)),
            (.nonOrganizationAcronyms, Array(EntityCollector.nonOrganizationAcronyms)),
            (.particles, Array(EntityTokenizer.particles)),
            (.attributiveNouns, Array(EntityCollector.attributiveNouns)),
            (.resultVerbs, Array(EntityCollector.resultVerbs)),
        ]
    }
}

/// What the lexicon knows about one folded word: its word lists and the gazetteer names it begins.
struct EntityWordInfo: Sendable {
    /// The closed lists the word is in.
    var classes: EntityWordClass = []
    /// Index into `EntityLexicon.formLists` of the gazetteer forms that begin with the word, or -1.
    var forms: Int32 = -1

    /// A word the lexicon does not know.
    static let unknown = EntityWordInfo()
}

/// The lexicon facts of one paragraph's tokens, filled in as the extractor asks for them.
///
/// A class so that the extractor's read-only helpers can fill it; it lives inside one extraction and is
/// never shared between threads.
final class EntityTokenInfos {
    /// Facts per token; `forms == Self.unasked` marks a token not looked up yet.
    private var infos: [EntityWordInfo] = []
    /// Marker of a token not looked up yet.
    private static let unasked: Int32 = -2

    /// Forgets everything, for a paragraph of `count` tokens.
    func reset(count: Int) {
        infos.removeAll(keepingCapacity: true)
        infos.append(contentsOf: repeatElement(EntityWordInfo(classes: [], forms: Self.unasked), count: count))
    }

    /// The facts of token `i`, if looked up already.
    @inline(__always)
    func known(_ i: Int) -> EntityWordInfo? {
        let info = infos[i]
        return info.forms == Self.unasked ? nil : info
    }

    /// Records the facts of token `i`.
    @inline(__always)
    func store(_ info: EntityWordInfo, at i: Int) {
        infos[i] = info
    }
}

/// The GeoNames places an extraction has parsed, by entry index: a place is read from its row once per
/// article. A class, so that the collector's non-mutating lookups can fill it; one per extraction, never
/// shared between threads.
final class PlaceEntryCache {
    /// Parsed entries by gazetteer entry index.
    var entries: [Int: GazetteerEntry] = [:]
}
