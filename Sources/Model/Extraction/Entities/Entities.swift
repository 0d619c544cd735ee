import Foundation

/// Gazetteers, demonyms, organisation names and stop words, read from `config/entities/`.
public struct EntityLexicon: Sendable {
    /// Places, organisations and demonyms by name.
    public let gazetteer: Gazetteer
    /// Folded capitalised words that are never entities by themselves ("However", "Monday", "President").
    public let stopwords: Set<String>
    /// What the lexicon knows of each folded word it lists, in one table (one probe a token): the extractor's
    /// closed lists the word is in (stop words, head words, …) and the index in `formLists` of the gazetteer
    /// forms it begins (-1 for none).
    let words: WordTable<EntityWordInfo>
    /// Gazetteer forms by first word, longest first.
    let formLists: [[GazetteerForm]]

    /// The files read, relative to the configuration directory.
    public static let files = [
        "entities/organizations.tsv", "entities/regions.tsv", "entities/countries.tsv", "entities/states.tsv",
        "entities/continents.tsv", "entities/places.tsv", "entities/demonyms.tsv", "entities/stopwords.txt",
    ]

    /// Loads the entity data files from `directory` (the repository's `config/`); names are split into
    /// words by the one `Tokenizer` with `english`. A missing or malformed file throws a `LexiconError`
    /// that names it.
    public init(directory: URL, english: EnglishLexicon) throws {
        var gazetteer = Gazetteer(english: english)
        let folder = directory.appendingPathComponent("entities")
        // Lower rank wins a form that two entries share: curated data, then countries, then cities.
        for row in try TSVFile(folder, "organizations.tsv", columns: 2...3).rows {
            let entry = try gazetteer.add(GazetteerEntry(
                name: row.required(0), type: .organization, subtype: row.optional(1), countryCode: nil))
            gazetteer.addForm(row[0], entry: entry, kind: .name, rank: 0)
            for alias in row.list(2) { gazetteer.addForm(alias, entry: entry, kind: .alias, rank: 0) }
        }
        var curatedPlaces: [(entry: Int, names: [String])] = []
        for row in try TSVFile(folder, "regions.tsv", columns: 2...4).rows {
            let entry = try gazetteer.add(GazetteerEntry(
                name: row.required(0), type: .location, subtype: row.optional(1), countryCode: row.optional(2)))
            curatedPlaces.append((entry, [row[0]] + row.list(3)))
            gazetteer.addForm(row[0], entry: entry, kind: .name, rank: 1)
            for alias in row.list(3) { gazetteer.addForm(alias, entry: entry, kind: .alias, rank: 1) }
        }
        for row in try TSVFile(folder, "countries.tsv", columns: 2...6).rows {
            let code = try row.required(1)
            guard code.count == 2 else { throw row.error("country code \"\(code)\" is not two letters") }
            var country = GazetteerEntry(name: try row.required(0), type: .location, subtype: "country", countryCode: code)
            try Self.readPlace(row, id: 3, lat: 4, lon: 5, into: &country)
            let entry = gazetteer.add(country)
            gazetteer.addForm(row[0], entry: entry, kind: .name, rank: 2)
            for alias in row.list(2) { gazetteer.addForm(alias, entry: entry, kind: .alias, rank: 2) }
        }
        for row in try TSVFile(folder, "states.tsv", columns: 3...7).rows {
            var state = GazetteerEntry(
                name: try row.required(0), type: .location, subtype: row.optional(2), countryCode: row.optional(1))
            try Self.readPlace(row, id: 3, lat: 4, lon: 5, into: &state)
            if let code = row.optional(6), let country = state.countryCode { state.admin1Code = "\(country).\(code)" }
            let entry = gazetteer.add(state)
            gazetteer.addForm(row[0], entry: entry, kind: .name, rank: 3)
        }
        for row in try TSVFile(folder, "continents.tsv", columns: 1...4).rows {
            var continent = GazetteerEntry(name: try row.required(0), type: .location, subtype: "continent", countryCode: nil)
            try Self.readPlace(row, id: 1, lat: 2, lon: 3, into: &continent)
            let entry = gazetteer.add(continent)
            gazetteer.addForm(row[0], entry: entry, kind: .name, rank: 3)
        }
        gazetteer.places = try PlaceTable(contentsOf: folder.appendingPathComponent("places.tsv"))
        for (entry, names) in curatedPlaces { gazetteer.locate(entry, names: names) }
        for row in try TSVFile(folder, "demonyms.tsv", columns: 2...3).rows {
            let place = try row.required(1)
            guard let entry = gazetteer.entryByName[place.applyingFolding()] else {
                throw row.error("unknown place \"\(place)\"")
            }
            for form in [try row.required(0)] + row.list(2) {
                gazetteer.addForm(form, entry: entry, kind: .demonym, rank: 2)
            }
        }
        var stopwords = Set<String>()
        for row in try TSVFile(folder, "stopwords.txt", columns: 1...1).rows {
            stopwords.insert(try row.required(0).applyingFolding())
        }
        var formIndex: [String: Int32] = [:]
        var formLists: [[GazetteerForm]] = []
        formIndex.reserveCapacity(gazetteer.formsByFirstToken.count)
        formLists.reserveCapacity(gazetteer.formsByFirstToken.count)
        for (word, forms) in gazetteer.formsByFirstToken {
            formIndex[word] = Int32(formLists.count)
            formLists.append(forms)
        }
        var closedWords: [String: EntityWordClass] = [:]
        for (wordClass, list) in EntityWordClass.tables {
            for word in list { closedWords[word, default: []].insert(wordClass) }
        }
        for word in stopwords { closedWords[word, default: []].insert(.stopword) }
        self.gazetteer = gazetteer
        self.stopwords = stopwords
        var words: [String: EntityWordInfo] = [:]
        for (word, classes) in closedWords { words[word, default: .unknown].classes = classes }
        for (word, index) in formIndex { words[word, default: .unknown].forms = index }
        self.words = WordTable(words)
        self.formLists = formLists
    }
}

extension EntityLexicon {
    /// Reads a place's GeoNames id and coordinates from columns `id`, `lat` and `lon` of `row`, where given.
    static func readPlace(_ row: TSVFile.Row, id: Int, lat: Int, lon: Int, into entry: inout GazetteerEntry) throws {
        if let text = row.optional(id) {
            guard let value = Int(text), value > 0 else { throw row.error("geonamesId \"\(text)\" is not a number") }
            entry.geonamesId = value
        }
        if let latText = row.optional(lat), let lonText = row.optional(lon) {
            guard let la = Double(latText), let lo = Double(lonText), abs(la) <= 90, abs(lo) <= 180 else {
                throw row.error("coordinates \"\(latText), \(lonText)\" are not a latitude and longitude")
            }
            entry.coordinates = Coordinates(lat: la, lon: lo)
        }
    }

    /// What the lexicon knows of a token of `document`: its closed lists, and for a capitalised word or a
    /// particle the gazetteer forms it begins. Both are looked up by the token's hash.
    func info(_ token: Token, in document: Document) -> EntityWordInfo {
        guard token.isWord || Self.isAmpersand(token, document) else { return .unknown }
        guard var info = words.value(of: token, in: document) else { return .unknown }
        // Gazetteer forms only for a capitalised word or a particle ("al Qaeda").
        if !(token.isCapitalized || token.isA(.particle)) { info.forms = -1 }
        return info
    }

    /// Whether `token` is an "&" standing alone ("Maritime & Coastguard Agency"), which joins a name.
    @inline(__always)
    static func isAmpersand(_ token: Token, _ document: Document) -> Bool {
        token.isPunctuation && token.foldedCount == 1 && document.foldedBytes[Int(token.foldedStart)] == UInt8(ascii: "&")
    }
}

/// Finds people, organisations and places, each once per article with all its mentions.
///
/// Places and well-known organisations come from the gazetteer (longest match first); other names are
/// capitalised word sequences classified by their words ("… Ministry" is an organisation, "… River" a place)
/// and by their context (a title or a reporting verb makes a person, "the village of …" a place). A
/// capitalised word with no such evidence is left out: no entity is better than a wrong one.
public struct EntityExtractor: Sendable {
    /// The data files.
    public let lexicon: Lexicon

    /// Creates an extractor.
    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Returns the entities of `document`, each once, with all its mentions, in order of first mention.
    public func extract(_ document: Document) -> [ArticleEntity] {
        var collector = EntityCollector(lexicon: lexicon.entities, english: lexicon.english, document: document)
        for paragraph in document.paragraphs.indices {
            collector.scan(paragraph: paragraph)
        }
        return collector.finish()
    }
}
