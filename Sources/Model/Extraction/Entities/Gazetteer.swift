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
    /// Folded word tokens ("nagorno-karabakh"; "gaza", "strip").
    let tokens: [String]
    /// Index into `Gazetteer.entries`.
    let entry: Int
    /// Name, alias or demonym.
    let kind: GazetteerFormKind
    /// An all-capitals alias ("WHO", "IS") matches only text written in capitals.
    let requiresCapitals: Bool
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

    /// An empty gazetteer.
    public init() {}

    /// Number of forms known.
    public var formCount: Int { formsByFirstToken.values.reduce(0) { $0 + $1.count } }

    /// Adds an entry and returns its index.
    mutating func add(_ entry: GazetteerEntry) -> Int {
        var entry = entry
        entry.id = Slug.make(entry.name)
        entry.key = EntityTokenizer.keyTokens(entry.name).joined(separator: " ")
        entries.append(entry)
        let index = entries.count - 1
        let key = entry.name.applyingFolding()
        if entryByName[key] == nil { entryByName[key] = index }
        return index
    }

    /// Adds a written form of entry `index`. Where two entries share a form, the lower `rank` (then the
    /// larger population) keeps it: curated data before countries before cities.
    mutating func addForm(_ text: String, entry index: Int, kind: GazetteerFormKind, rank: Int, population: Int = 0) {
        let tokens = EntityTokenizer.keyTokens(text)
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

    /// The longest form that matches `tokens` from `start`, using word tokens only, ending at or before `limit`.
    func longestMatch(_ tokens: [EntityToken], at start: Int, limit: Int) -> (form: GazetteerForm, end: Int)? {
        let first = tokens[start]
        guard first.isWord, let candidates = formsByFirstToken[first.folded] else { return nil }
        return Self.longestMatch(tokens, at: start, limit: limit, candidates: candidates)
    }

    /// The longest of `candidates` (forms that begin with the word at `start`, longest first) that matches.
    static func longestMatch(_ tokens: [EntityToken], at start: Int, limit: Int,
                             candidates: [GazetteerForm]) -> (form: GazetteerForm, end: Int)? {
        for form in candidates {
            var t = start
            var k = 0
            var ok = true
            while k < form.tokens.count {
                guard t < limit, tokens[t].isWord || tokens[t].folded == "&", tokens[t].folded == form.tokens[k] else {
                    ok = false
                    break
                }
                t += 1
                k += 1
            }
            guard ok else { continue }
            if form.requiresCapitals && !tokens[start].isAllCaps { continue }
            // A name must be capitalised as written in text: its first and last words at least.
            let startsWithParticle = EntityTokenizer.particles.contains(tokens[start].folded) && t - start >= 2
            if !(tokens[start].isCapitalized || startsWithParticle) || !tokens[t - 1].isCapitalized { continue }
            return (form, t)
        }
        return nil
    }

    /// Whether `word` is a one-word demonym ("Australian", "Portuguese"), which names no one by itself.
    public func isDemonym(_ word: String) -> Bool {
        let tokens = EntityTokenizer.keyTokens(word)
        guard tokens.count == 1, let forms = formsByFirstToken[tokens[0]] else { return false }
        return forms.contains { $0.tokens.count == 1 && $0.kind == .demonym }
    }

    /// The entry whose canonical name folds to `name`.
    public func entry(named name: String) -> GazetteerEntry? {
        entryByName[name.applyingFolding()].map { entries[$0] }
    }

    /// The entry that a written form names, if any (for tests and diagnostics).
    public func lookup(_ text: String) -> GazetteerEntry? {
        let tokens = EntityTokenizer.tokenize(Array(text.unicodeScalars)).filter { $0.isWord || $0.folded == "&" }
        guard !tokens.isEmpty, let match = longestMatch(tokens, at: 0, limit: tokens.count), match.end == tokens.count
        else { return nil }
        return entries[match.form.entry]
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
