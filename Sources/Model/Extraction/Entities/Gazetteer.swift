import Foundation

/// A place or organisation that the data files name.
public struct GazetteerEntry: Sendable, Equatable {
    /// Canonical name ("Nagorno-Karabakh").
    public let name: String
    /// Location or organisation.
    public let type: EntityType
    /// `country`, `city`, `region`, `state`, `news agency`, …
    public let subtype: String?
    /// ISO 3166-1 alpha-2 code for places, when known.
    public let countryCode: String?
    /// Population, for cities; 0 when unknown (curated places).
    public var population: Int = 0
    /// A country's capital.
    public var isCapital = false
    /// The GeoNames id, when known.
    public var geonamesId: Int?
    /// Where it is, when known (a division's or country's: the median of its populated places).
    public var coordinates: Coordinates?
    /// The first-level division that holds it, or that it is, as GeoNames writes it: country code, a
    /// stop, the division's code ("UA.07" for Kharkiv and Kharkiv Oblast; "US.CA").
    public var admin1Code: String?
    /// The slug id of the canonical name, computed once at load.
    public internal(set) var id: String = ""
    /// The folded words of the canonical name joined by spaces, to compare with a mention's key.
    var key: String = ""
}

/// How a written form relates to its entry.
enum GazetteerFormKind: UInt8, Sendable {
    /// The canonical name.
    case name
    /// Another name of the same entry ("Karabakh", "IDF").
    case alias
    /// A demonym or adjective ("Armenian"): a mention only when the entry is also named.
    case demonym
}

/// One written form of an entry, as folded tokens.
struct GazetteerForm: Sendable {
    /// Folded word tokens ("nagorno-karabakh"; "gaza", "strip") of a curated form; empty for a GeoNames place
    /// (`Gazetteer.longestPlace`), which is matched by hash.
    let tokens: [String]
    /// The UTF-8 of each of `tokens`, compared with a token's folded bytes as bytes (a `String.UTF8View` is
    /// compared through its iterator, byte by byte).
    let utf8: [[UInt8]]
    /// Index into `Gazetteer.entries`.
    let entry: Int
    /// Name, alias or demonym.
    let kind: GazetteerFormKind
    /// An all-capitals alias ("WHO", "IS") matches only text written in capitals.
    let requiresCapitals: Bool

    /// A form of entry `entry` whose folded words are `tokens`.
    init(tokens: [String], entry: Int, kind: GazetteerFormKind, requiresCapitals: Bool) {
        self.tokens = tokens
        self.utf8 = tokens.map { Array($0.utf8) }
        self.entry = entry
        self.kind = kind
        self.requiresCapitals = requiresCapitals
    }
}

/// Places, organisations and demonyms, looked up by the folded first token of a name.
public struct Gazetteer: Sendable {
    /// Every entry, in load order.
    public private(set) var entries: [GazetteerEntry] = []
    /// Forms by their first folded token, longest first.
    private(set) var formsByFirstToken: [String: [GazetteerForm]] = [:]
    /// The entry of each folded canonical name, for demonyms and tests.
    private(set) var entryByName: [String: Int] = [:]
    /// Rank of the entry that owns each folded form while loading: lower wins.
    private var ownerRank: [String: (rank: Int, population: Int)] = [:]
    /// The GeoNames places; place row `r` is entry `entries.count + r`.
    public internal(set) var places = PlaceTable() {
        didSet { placeEntries = PlaceEntryStore() }
    }
    /// The GeoNames places made into entries so far, by row, shared by every thread and article.
    private var placeEntries = PlaceEntryStore()

    /// The English lexicon whose `Tokenizer` splits names into words, as it splits texts.
    let english: EnglishLexicon?

    /// An empty gazetteer whose names are split into words by the `Tokenizer` with `english`.
    public init(english: EnglishLexicon) { self.english = english }

    /// An empty gazetteer with no lexicon: names are split at spaces (for extractors given no entities).
    public init() { self.english = nil }

    /// The folded words of a name, as the `Tokenizer` splits a text ("&" counts as a word; other
    /// punctuation does not): "U.S. Army" -> ["u.s", "army"].
    func keyWords(_ name: String) -> [String] {
        guard let english else { return name.applyingFolding().splitASCII(0x20).map(String.init) }
        let document = Document(id: "", date: "", paragraphs: [name], english: english)
        return document.tokens.filter { $0.isWord || EntityLexicon.isAmpersand($0, document) }.map { document.foldedString($0) }
    }

    /// The entry at `index`: a curated entry, or a GeoNames place read from its row.
    public func entry(at index: Int) -> GazetteerEntry {
        if index < entries.count { return entries[index] }
        return placeEntries.entry(row: index - entries.count) {
            var entry = places.entry(row: $0)
            entry.id = Slug.make(entry.name)
            entry.key = keyWords(entry.name).joined(separator: " ")
            return entry
        }
    }

    /// Gives a curated place (regions.tsv) the GeoNames id, coordinates and admin1 code of the country or
    /// GeoNames place of the same country that one of its `names` names, with or without its head word
    /// ("Kosovo" is GeoNames' country, "Gaza City" its "Gaza", "Sindh" its province).
    mutating func locate(_ index: Int, names: [String]) {
        let entry = entries[index]
        guard entry.type == .location, entry.geonamesId == nil, entry.coordinates == nil else { return }
        let keyed = names.map { keyWords($0) }
        for words in keyed {
            let key = words.joined(separator: " ")
            if let country = entries.first(where: {
                $0.subtype == "country" && $0.geonamesId != nil && $0.countryCode == entry.countryCode && $0.key == key
            }) {
                entries[index].geonamesId = country.geonamesId
                entries[index].coordinates = country.coordinates
                return
            }
        }
        for var words in keyed {
            var keys = [words.joined(separator: " ")]
            if words.count >= 2, Self.headWords.contains(words[words.count - 1]) {
                words.removeLast()
                keys.append(words.joined(separator: " "))
            }
            for key in keys {
                guard let row = places.row(named: key) else { continue }
                let place = places.entry(row: row)
                guard place.countryCode == entry.countryCode else { continue }
                entries[index].geonamesId = place.geonamesId
                entries[index].coordinates = place.coordinates
                entries[index].admin1Code = place.admin1Code
                return
            }
        }
    }

    /// Head words of administrative divisions, which news writes in lower case after the name.
    static let divisionHeads: Set<String> = [
        "region", "province", "district", "oblast", "rayon", "raion", "county", "governorate", "prefecture",
    ]

    /// Head words that a curated name may add to GeoNames' ("Gaza City", "Idlib Governorate").
    static let headWords: Set<String> = ["city", "town", "province", "governorate", "region", "district", "state", "county"]

    /// Whether entry `index` is a GeoNames place of `places.tsv`.
    func isPlaceRow(_ index: Int) -> Bool { index >= entries.count }

    /// The longest GeoNames place name at token `start` of `tokens` (tokens of `document`), ending at or
    /// before `limit`, capitalised as a name is in text. Names are hashed word by word from the tokens'
    /// folded bytes, as `PlaceTable` hashes them.
    func longestPlace(_ tokens: [Token], _ document: Document, at start: Int, limit: Int) -> (form: GazetteerForm, end: Int)? {
        guard places.count > 0, tokens[start].isWord else { return nil }
        var hash = tokens[start].hash
        var found: (row: Int, end: Int)?
        if let row = places.row(hash: hash) { found = (row, start + 1) }
        if places.beginsLongerName(hash) {
            var t = start + 1
            var words = 1
            while t < limit && words < places.maxWords {
                guard tokens[t].isWord else { break }
                hash = PlaceTable.hash(document.folded(tokens[t]), after: hash)
                words += 1
                t += 1
                if let row = places.row(hash: hash) { found = (row, t) }
            }
        }
        guard let found else { return nil }
        let startsWithParticle = tokens[start].isA(.particle) && found.end - start >= 2
        // "Kharkiv region": a division's head word may be written in lower case.
        guard tokens[start].isCapitalized || startsWithParticle,
              tokens[found.end - 1].isCapitalized
                || (found.end - start >= 2 && Self.divisionHeads.contains(document.foldedString(tokens[found.end - 1])))
        else { return nil }
        // (A place form's words are never read again: only curated forms are matched word by word.)
        let own = places.firstName(row: found.row, equals: tokens[start..<found.end], in: document)
        let form = GazetteerForm(tokens: [], entry: entries.count + found.row, kind: own ? .name : .alias,
                                 requiresCapitals: false)
        return (form, found.end)
    }

    /// Adds an entry and returns its index.
    mutating func add(_ entry: GazetteerEntry) -> Int {
        var entry = entry
        entry.id = Slug.make(entry.name)
        entry.key = keyWords(entry.name).joined(separator: " ")
        entries.append(entry)
        let index = entries.count - 1
        let key = entry.name.applyingFolding()
        if entryByName[key] == nil { entryByName[key] = index }
        return index
    }

    /// Adds a written form of entry `index`. Where two entries share a form, the lower `rank` (then the
    /// larger population) keeps it: curated data before countries before cities.
    mutating func addForm(_ text: String, entry index: Int, kind: GazetteerFormKind, rank: Int, population: Int = 0) {
        let tokens = keyWords(text)
        guard !tokens.isEmpty else { return }
        let key = tokens.joined(separator: " ")
        if let owner = ownerRank[key], (owner.rank, -owner.population) <= (rank, -population) { return }
        let form = GazetteerForm(tokens: tokens, entry: index, kind: kind, requiresCapitals: isCapitals(text))
        var list = formsByFirstToken[tokens[0], default: []]
        if ownerRank[key] != nil {
            list.removeAll { $0.tokens == tokens }
        }
        ownerRank[key] = (rank, population)
        let at = list.firstIndex { $0.tokens.count < tokens.count } ?? list.endIndex
        list.insert(form, at: at)
        formsByFirstToken[tokens[0]] = list
    }

    /// The longest form that matches `tokens` (of `document`) from `start`, using word tokens only, ending
    /// at or before `limit`: a curated one, or a longer GeoNames place.
    func longestMatch(_ tokens: [Token], _ document: Document, at start: Int, limit: Int) -> (form: GazetteerForm, end: Int)? {
        let first = tokens[start]
        guard first.isWord else { return nil }
        let curated = formsByFirstToken[document.foldedString(first)].flatMap {
            Self.longestMatch(tokens, document, at: start, limit: limit, candidates: $0)
        }
        return Self.preferred(curated, longestPlace(tokens, document, at: start, limit: limit))
    }

    /// The longer of a curated match and a place match; the curated one where they are as long.
    static func preferred(_ curated: (form: GazetteerForm, end: Int)?,
                          _ place: (form: GazetteerForm, end: Int)?) -> (form: GazetteerForm, end: Int)? {
        guard let place else { return curated }
        guard let curated else { return place }
        return place.end > curated.end ? place : curated
    }

    /// The longest of `candidates` (forms that begin with the word at `start`, longest first) that matches.
    static func longestMatch(_ tokens: [Token], _ document: Document, at start: Int, limit: Int,
                             candidates: [GazetteerForm]) -> (form: GazetteerForm, end: Int)? {
        for form in candidates {
            var t = start
            var k = 0
            var ok = true
            while k < form.utf8.count {
                guard t < limit, tokens[t].isWord || EntityLexicon.isAmpersand(tokens[t], document),
                      Self.same(document.folded(tokens[t]), form.utf8[k]) else {
                    ok = false
                    break
                }
                t += 1
                k += 1
            }
            guard ok else { continue }
            if form.requiresCapitals && !tokens[start].isAllCaps { continue }
            // A name must be capitalised as written in text: its first and last words at least.
            let startsWithParticle = tokens[start].isA(.particle) && t - start >= 2
            if !(tokens[start].isCapitalized || startsWithParticle) || !tokens[t - 1].isCapitalized { continue }
            return (form, t)
        }
        return nil
    }

    /// Whether `bytes` and `word` hold the same bytes.
    @inline(__always)
    static func same(_ bytes: ArraySlice<UInt8>, _ word: [UInt8]) -> Bool {
        guard bytes.count == word.count else { return false }
        var k = bytes.startIndex
        for byte in word {
            if bytes[k] != byte { return false }
            k += 1
        }
        return true
    }

    /// Whether `word` is a one-word demonym ("Australian", "Portuguese"), which names no one by itself.
    public func isDemonym(_ word: String) -> Bool {
        let tokens = keyWords(word)
        guard tokens.count == 1, let forms = formsByFirstToken[tokens[0]] else { return false }
        return forms.contains { $0.tokens.count == 1 && $0.kind == .demonym }
    }

    /// The entry whose canonical name folds to `name`.
    public func entry(named name: String) -> GazetteerEntry? {
        if let index = entryByName[name.applyingFolding()] { return entries[index] }
        let key = keyWords(name).joined(separator: " ")
        return places.row(named: key).map { entry(at: entries.count + $0) }
    }

    /// The entry that a written form names, if any (for tests and diagnostics).
    public func lookup(_ text: String) -> GazetteerEntry? {
        guard let english else { return nil }
        let document = Document(id: "", date: "", paragraphs: [text], english: english)
        let tokens = document.tokens.filter { $0.isWord || EntityLexicon.isAmpersand($0, document) }
        guard !tokens.isEmpty, let match = longestMatch(tokens, document, at: 0, limit: tokens.count),
              match.end == tokens.count
        else { return nil }
        return entry(at: match.form.entry)
    }

    /// Whether an alias is written in capitals ("UN", "U.S."), and so must be matched in capitals.
    private func isCapitals(_ text: String) -> Bool {
        var letters = 0
        for c in text.unicodeScalars {
            if c.isLower { return false }
            if c.isLetter { letters += 1 }
        }
        return letters >= 2
    }
}

/// GeoNames places made into gazetteer entries, by row, once a load: parsing a row and making the slug and
/// key of its name (which tokenizes the name) cost more than 10,000 instructions, and the same places come up
/// in article after article. Shared by the extraction threads, behind a lock; it holds only places that some
/// text names.
final class PlaceEntryStore: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Int: GazetteerEntry] = [:]

    /// The entry of row `row`, made by `make` the first time.
    func entry(row: Int, make: (Int) -> GazetteerEntry) -> GazetteerEntry {
        lock.lock()
        let known = entries[row]
        lock.unlock()
        if let known { return known }
        let entry = make(row)
        lock.lock()
        entries[row] = entry
        lock.unlock()
        return entry
    }
}
