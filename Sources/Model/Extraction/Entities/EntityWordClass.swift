/// The entity extractor's own closed word lists a word belongs to, as bits, so that the extractor looks
/// each word up once (by its token hash, in `EntityLexicon.words`). Words of the English lexicon
/// (titles, roles, reporting verbs, particles, months, days, determiners) are not here: the extractor reads
/// them from `Token.classes`.
struct EntityWordClass: OptionSet, Sendable, Hashable {
    /// The bits.
    let rawValue: UInt32

    /// A stop word (`config/entities/stopwords.txt`).
    static let stopword = EntityWordClass(rawValue: 1 << 0)
    /// In `EntityCollector.connectors`.
    static let connectors = EntityWordClass(rawValue: 1 << 1)
    /// In `EntityCollector.splittingConnectors`.
    static let splittingConnectors = EntityWordClass(rawValue: 1 << 2)
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
    /// In `EntityCollector.timeWords` (the English lexicon's months and days aside).
    static let timeWords = EntityWordClass(rawValue: 1 << 11)
    /// In `EntityCollector.organizationHeads`.
    static let organizationHeads = EntityWordClass(rawValue: 1 << 12)
    /// In `EntityCollector.organizationsAbroad`.
    static let organizationsAbroad = EntityWordClass(rawValue: 1 << 13)
    /// In `EntityCollector.facilityNouns`.
    static let facilityNouns = EntityWordClass(rawValue: 1 << 14)
    /// In `EntityCollector.nameSuffixes`.
    static let nameSuffixes = EntityWordClass(rawValue: 1 << 17)
    /// In `EntityCollector.eventWords`.
    static let eventWords = EntityWordClass(rawValue: 1 << 18)
    /// In `EntityCollector.vesselPrefixes`.
    static let vesselPrefixes = EntityWordClass(rawValue: 1 << 19)
    /// In `EntityCollector.nonOrganizationAcronyms`.
    static let nonOrganizationAcronyms = EntityWordClass(rawValue: 1 << 20)
    /// In `EntityCollector.institutionHeads`.
    static let institutionHeads = EntityWordClass(rawValue: 1 << 24)
    /// In `EntityCollector.teamNouns`.
    static let teamNouns = EntityWordClass(rawValue: 1 << 25)
    /// In `EntityCollector.attributiveNouns`.
    static let attributiveNouns = EntityWordClass(rawValue: 1 << 22)
    /// In `EntityCollector.resultVerbs`.
    static let resultVerbs = EntityWordClass(rawValue: 1 << 23)

    /// Every closed list of the extractor with its bit.
    static var tables: [(EntityWordClass, [String])] {
        [
            (.connectors, Array(EntityCollector.connectors)),
            (.splittingConnectors, Array(EntityCollector.splittingConnectors)),
            (.placeWordsBefore, Array(EntityCollector.placeWordsBefore)),
            (.placeNounsAfter, Array(EntityCollector.placeNounsAfter.keys)),
            (.placeNounsBeforeOf, Array(EntityCollector.placeNounsBeforeOf.keys)),
            (.placeHeads, Array(EntityCollector.placeHeads.keys)),
            (.placePrefixes, Array(EntityCollector.placePrefixes.keys)),
            (.timeWords, Array(EntityCollector.timeWords)),
            (.organizationHeads, Array(EntityCollector.organizationHeads)),
            (.organizationsAbroad, Array(EntityCollector.organizationsAbroad)),
            (.facilityNouns, Array(EntityCollector.facilityNouns.keys)),
            (.nameSuffixes, Array(EntityCollector.nameSuffixes)),
            (.eventWords, Array(EntityCollector.eventWords)),
            (.vesselPrefixes, Array(EntityCollector.vesselPrefixes)),
            (.nonOrganizationAcronyms, Array(EntityCollector.nonOrganizationAcronyms)),
            (.attributiveNouns, Array(EntityCollector.attributiveNouns)),
            (.teamNouns, Array(EntityCollector.teamNouns)),
            (.institutionHeads, Array(EntityCollector.institutionHeads)),
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

/// The GeoNames places an extraction has parsed, by entry index: a place is read from its row once per
/// article. A class, so that the collector's non-mutating lookups can fill it; one per extraction, never
/// shared between threads.
final class PlaceEntryCache {
    /// Parsed entries by gazetteer entry index.
    var entries: [Int: GazetteerEntry] = [:]
}
