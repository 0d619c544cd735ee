/// The working state of one entity extraction: it scans a document paragraph by paragraph, classifies
/// each capitalised word sequence ("chunk"), and gathers the mentions of each entity.
///
/// Classification of a chunk, first rule that applies:
/// 1. the whole chunk is a gazetteer name (a place, a well-known organisation, a demonym);
/// 2. it is a person already named in full earlier in the article;
/// 3. it holds an organisation head word ("… Ministry", "Ministry of …", "… Forces");
/// 4. it ends in a place head word ("… River", "… Strip") or starts with one ("Mount …");
/// 5. it holds a title ("President", "Gen.", "spokesman"): the words after it are a person;
/// 6. otherwise it is split at "of"/"for"/… and scanned for gazetteer names, and what is left is judged by
///    its context (`classifyUnknown`).
struct EntityCollector {
    /// One occurrence in the document text.
    struct Mention {
        /// Document scalar offset of the first scalar.
        let start: Int
        /// One past the last scalar.
        let end: Int
        /// The text as written.
        let text: String
        /// A demonym ("Armenian"), which counts only when the entity is named too.
        let isDemonym: Bool
    }

    /// An entity found so far.
    struct Found {
        var type: EntityType
        var subtype: String?
        var countryCode: String?
        /// The gazetteer's canonical name, for gazetteer entities.
        var canonical: String?
        var mentions: [Mention]
    }

    /// A mention of a person, before mentions are grouped into people.
    struct PersonMention {
        /// Folded name words, without titles and suffixes ("jr").
        let words: [String]
        let mention: Mention
    }

    let lexicon: EntityLexicon
    let document: Document
    var gazetteer: Gazetteer { lexicon.gazetteer }

    /// Places, organisations: by key ("g12" for gazetteer entry 12, "o:…" and "l:…" for others).
    var found: [String: Found] = [:]
    /// Every person mention, in text order.
    var personMentions: [PersonMention] = []
    /// Folded full names (two words or more) of people seen so far.
    var knownPeople: Set<String> = []
    /// Single capitalised words with no evidence of their own: kept only if they name a known person.
    var pendingSingles: [(word: String, mention: Mention)] = []
    /// Acronyms defined in the text ("Israel Defense Forces (IDF)") -> entity key.
    var acronyms: [String: String] = [:]

    /// The paragraph being scanned.
    var paragraph = 0
    /// Its tokens.
    var tokens: [EntityToken] = []
    /// Its scalars.
    var scalars: [Unicode.Scalar] = []
    /// Document offset of its first scalar.
    var base = 0
    /// The last entity found in this paragraph: token end and type, for lists ("in Abasan, Khuzaa and …").
    var last: (end: Int, type: EntityType)?
    /// The chunk being classified is followed by a parenthesised acronym, which names an organisation.
    var acronymFollows = false
    /// The key of the entity most recently given a mention ("p:…" for a person).
    var lastKey: String?

    /// Starts an extraction.
    init(lexicon: EntityLexicon, document: Document) {
        self.lexicon = lexicon
        self.document = document
    }

    // MARK: Scanning

    /// Finds the entities of one paragraph.
    mutating func scan(paragraph index: Int) {
        paragraph = index
        scalars = document.paragraphScalars[index]
        tokens = EntityTokenizer.tokenize(scalars)
        base = document.paragraphStarts[index]
        last = nil
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            guard t.isWord, t.isCapitalized || t.isAllCaps else { i += 1; continue }
            if t.isHyphenated, let parts = compoundParts(i) {
                emitCompound(i, parts)
                i += 1
                continue
            }
            let end = chunkEnd(from: i)
            acronymFollows = definedAcronym(after: end) != nil
            lastKey = nil
            classify(i..<end)
            if let acronym = definedAcronym(after: end), let key = lastKey {
                acronyms[acronym] = key
            }
            acronymFollows = false
            i = end
        }
    }


    /// The acronym in "( ACR )" right after token `end`, folded.
    func definedAcronym(after end: Int) -> String? {
        guard end + 2 < tokens.count, tokens[end].folded == "(", tokens[end + 1].isWord, tokens[end + 1].isAllCaps,
              tokens[end + 2].folded == ")" else { return nil }
        return tokens[end + 1].folded
    }

    /// One past the last token of the chunk starting at `i`: capitalised words, joined by connectors
    /// ("Ministry of Health"), initials and title stops ("Gen. Ahmed"), and whole gazetteer names that contain
    /// lower-case words ("Turks and Caicos", "Save the Children"). A possessive ends a chunk.
    func chunkEnd(from i: Int) -> Int {
        let n = tokens.count
        var reach = i + 1
        if let m = gazetteer.longestMatch(tokens, at: i, limit: n) { reach = max(reach, m.end) }
        var j = i + 1
        while j < n {
            if j < reach { j += 1; continue }
            let prev = tokens[j - 1]
            if prev.isPossessive { break }
            let t = tokens[j]
            if t.isWord && (t.isCapitalized || t.isAllCaps) {
                if t.isHyphenated && compoundParts(j) != nil { break }
                if let m = gazetteer.longestMatch(tokens, at: j, limit: n), m.end > reach { reach = m.end }
                j += 1
                continue
            }
            // "Gen. Ahmed Asiri", "A. K. Saseendran": a stop after a title abbreviation or an initial.
            if t.folded == ".", prev.isWord, prev.end == t.start,
               EntityTokenizer.abbreviations.contains(prev.folded) || (prev.end - prev.start == 1 && prev.isCapitalized),
               j + 1 < n, tokens[j + 1].isWord, tokens[j + 1].isCapitalized {
                j += 1
                continue
            }
            if t.isWord || t.folded == "&", let k = connectorRun(at: j) {
                j = k
                continue
            }
            break
        }
        return j
    }

    /// When a run of one or two connectors at `j` joins the chunk to a capitalised word, the index of that word.
    func connectorRun(at j: Int) -> Int? {
        let n = tokens.count
        var k = j
        while k < n && k - j < 2 && (tokens[k].isWord || tokens[k].folded == "&") && !tokens[k].isCapitalized
                && Self.connectors.contains(tokens[k].folded) {
            k += 1
        }
        guard k > j, k < n, tokens[k].isWord, tokens[k].isCapitalized else { return nil }
        let first = tokens[j].folded
        // "the" joins only after another connector ("of the"); a bare "the" starts a new phrase.
        if first == "the" { return nil }
        // "and" joins only inside an organisation name whose head word follows ("Ministry of Labour and
        // Social Affairs", "UK Maritime & Coastguard Agency"): "Azerbaijan and Armenia" are two.
        if first == "and" || first == "&" {
            var m = k
            while m < n && m < k + 4 && tokens[m].isWord && tokens[m].isCapitalized {
                if Self.organizationHeads.contains(tokens[m].folded) { return k }
                m += 1
            }
            return nil
        }
        // "in" joins only after an organisation head ("Police Mission in Afghanistan").
        if first == "in" {
            return j > 0 && Self.organizationHeads.contains(tokens[j - 1].folded) ? k : nil
        }
        return k
    }

    // MARK: Classification

    /// Classifies the chunk `range` (see the type's documentation for the order of rules).
    mutating func classify(_ range: Range<Int>) {
        var a = range.lowerBound, b = range.upperBound
        while a < b && !isNameToken(a) { a += 1 }
        while b > a && !isNameToken(b - 1) { b -= 1 }
        guard a < b else { return }
        // 1. A gazetteer name, unless it is a town named like the person the context points to.
        if let m = gazetteer.longestMatch(tokens, at: a, limit: b), m.end == b {
            let entry = gazetteer.entries[m.form.entry]
            if !(b - a == 1 && entry.subtype == "city" && (personContext(a, b) || isKnownSurname(tokens[a].folded))) {
                emit(m.form, a, b)
                return
            }
        }
        // 2. A person named in full before.
        if b - a >= 2, knownPeople.contains(personWords(a, b).joined(separator: " ")) {
            addPerson(a, b)
            return
        }
        // 3. An organisation by its head word.
        if let org = organizationSpan(a, b) {
            gazetteerOnly(a, org.lowerBound)
            emitOrganization(org)
            classify(org.upperBound..<b)
            return
        }
        // 4. A place by its head word.
        if let subtype = placeHead(a, b) {
            emitPlace(a, b, subtype: subtype)
            return
        }
        // 5. A title: the name after it is a person.
        if let (title, name) = titleSplit(a, b) {
            gazetteerOnly(a, title)
            classifyPerson(name..<b)
            return
        }
        // Stop words at either end are not part of a name ("On Friday", "However").
        while a < b && isStopword(a) && gazetteer.longestMatch(tokens, at: a, limit: b) == nil { a += 1 }
        while b > a && isStopword(b - 1) { b -= 1 }
        while a < b && !isNameToken(a) { a += 1 }
        while b > a && !isNameToken(b - 1) { b -= 1 }
        guard a < b else { return }
        if a != range.lowerBound || b != range.upperBound {
            classify(a..<b)
            return
        }
        // 6. Split at connectors that separate names ("Secretary of State Antony Blinken").
        for k in a..<b where !tokens[k].isCapitalized && Self.splittingConnectors.contains(tokens[k].folded) {
            classify(a..<k)
            classify(k + 1..<b)
            return
        }
        scanMixed(a, b)
    }

    /// A chunk with no organisation or place head and no title: gazetteer names in it are entities, and
    /// the rest is judged by context. A town next to unknown capitalised words is rather part of a
    /// person's name ("Kamala Harris").
    mutating func scanMixed(_ a: Int, _ b: Int) {
        var parts: [(range: Range<Int>, form: GazetteerForm?)] = []
        var i = a
        var run = a
        while i < b {
            if let m = gazetteer.longestMatch(tokens, at: i, limit: b) {
                if run < i { parts.append((run..<i, nil)) }
                parts.append((i..<m.end, m.form))
                i = m.end
                run = i
            } else {
                i += 1
            }
        }
        if run < b { parts.append((run..<b, nil)) }
        let hasUnknownName = parts.contains { part in
            part.form == nil && part.range.contains { isNameToken($0) && !isStopword($0) && !tokens[$0].isAllCaps }
        }
        if hasUnknownName && parts.count > 1 {
            let townInName = parts.contains { part in
                guard let form = part.form else { return false }
                let entry = gazetteer.entries[form.entry]
                return entry.subtype == "city" && form.kind != .demonym
            }
            let countryFirst = parts[0].form.map { gazetteer.entries[$0.entry].type == .location } ?? false
            if townInName || (countryFirst && personContext(a, b)) {
                classifyUnknown(a, b)
                return
            }
        }
        for part in parts {
            if let form = part.form {
                emit(form, part.range.lowerBound, part.range.upperBound)
            } else {
                classifyUnknown(part.range.lowerBound, part.range.upperBound)
            }
        }
    }

    /// Judges a run of capitalised words that the gazetteer does not know, by its form and context.
    mutating func classifyUnknown(_ a0: Int, _ b0: Int) {
        var a = a0, b = b0
        while a < b && (!isNameToken(a) || isStopword(a)) { a += 1 }
        while b > a && (!isNameToken(b - 1) || isStopword(b - 1)) { b -= 1 }
        guard a < b else { return }
        // Acronyms among other words are judged one by one ("CNN Weather").
        if b - a >= 2, (a..<b).contains(where: { tokens[$0].isAllCaps && !Self.isRomanNumeral(tokens[$0].folded) }) {
            for k in a..<b { classifyUnknown(k, k + 1) }
            return
        }
        // Named events, holidays and products are none of the three types.
        if (a..<b).contains(where: { Self.eventWords.contains(tokens[$0].folded) }) { return }
        if b - a == 1 {
            let t = tokens[a]
            if t.isAllCaps {
                if let key = acronyms[t.folded] {
                    addMention(key, a, b)
                } else if isAcronymCandidate(a) {
                    emitUnknown(.organization, subtype: nil, a, b)
                }
                return
            }
            if t.end - t.start < 2 { return }
            if personContext(a, b) {
                addPerson(a, b)
            } else if let subtype = placeContext(a, b) {
                emitPlace(a, b, subtype: subtype)
            } else if acronymFollows {
                emitUnknown(.organization, subtype: nil, a, b)
            } else {
                pendingSingles.append((t.folded, mention(a, b)))
            }
            return
        }
        if acronymFollows {
            emitUnknown(.organization, subtype: nil, a, b)
        } else if !personContext(a, b), let subtype = placeContext(a, b) {
            emitPlace(a, b, subtype: subtype)
        } else {
            addPerson(a, b)
        }
    }

    /// Emits only the gazetteer names (places, demonyms, organisations) in `a..<b`: for the words before a
    /// title or an organisation ("Israeli Prime Minister", "Gaza Health Ministry").
    mutating func gazetteerOnly(_ a: Int, _ b: Int) {
        var i = a
        while i < b {
            if tokens[i].isWord, let m = gazetteer.longestMatch(tokens, at: i, limit: b) {
                emit(m.form, i, m.end)
                i = m.end
            } else {
                i += 1
            }
        }
    }

    // MARK: Emitting

    /// The mention of tokens `a..<b`.
    func mention(_ a: Int, _ b: Int, isDemonym: Bool = false) -> Mention {
        mention(scalarsFrom: tokens[a].start, to: tokens[b - 1].end, isDemonym: isDemonym)
    }

    /// The mention of paragraph scalars `start..<end`.
    func mention(scalarsFrom start: Int, to end: Int, isDemonym: Bool = false) -> Mention {
        Mention(start: base + start, end: base + end,
                text: String(String.UnicodeScalarView(scalars[start..<end])), isDemonym: isDemonym)
    }

    /// Records a mention of gazetteer form `form` at tokens `a..<b`.
    mutating func emit(_ form: GazetteerForm, _ a: Int, _ b: Int) {
        record(form, mention(a, b, isDemonym: form.kind == .demonym))
        last = (b, gazetteer.entries[form.entry].type)
    }

    /// Records a mention of a gazetteer entry.
    mutating func record(_ form: GazetteerForm, _ m: Mention) {
        let entry = gazetteer.entries[form.entry]
        let key = "g\(form.entry)"
        found[key, default: Found(
            type: entry.type, subtype: entry.subtype, countryCode: entry.countryCode, canonical: entry.name,
            mentions: [])].mentions.append(m)
        lastKey = key
    }

    /// Records a place or organisation the gazetteer does not know.
    mutating func emitUnknown(_ type: EntityType, subtype: String?, _ a: Int, _ b: Int, key: String? = nil) {
        let words = (a..<b).filter { tokens[$0].isWord }.map { tokens[$0].folded }.joined(separator: " ")
        let key = (type == .organization ? "o:" : "l:") + (key ?? words)
        found[key, default: Found(type: type, subtype: subtype, countryCode: nil, canonical: nil, mentions: [])]
            .mentions.append(mention(a, b))
        lastKey = key
        last = (b, type)
    }

    /// Adds a mention at `a..<b` to the entity `key`.
    mutating func addMention(_ key: String, _ a: Int, _ b: Int) {
        if key.hasPrefix("p:") {
            personMentions.append(PersonMention(words: String(key.dropFirst(2)).split(separator: " ").map(String.init),
                                                mention: mention(a, b)))
            last = (b, .person)
        } else {
            let m = mention(a, b)
            found[key]?.mentions.append(m)
            last = (b, found[key]?.type ?? .organization)
        }
        lastKey = key
    }

    // MARK: Finishing

    /// Ends the extraction: groups people, merges acronyms used before their definition, and builds the
    /// article entities in order of first mention. A place named only by a demonym is dropped.
    mutating func finish() -> [ArticleEntity] {
        for (acronym, key) in acronyms where key != "o:" + acronym {
            if let early = found["o:" + acronym] {
                found["o:" + acronym] = nil
                found[key]?.mentions.append(contentsOf: early.mentions)
            }
        }
        var result: [ArticleEntity] = []
        for (name, mentions) in people() where !mentions.isEmpty {
            result.append(ArticleEntity(
                id: Slug.make(name), name: name, type: .person, aliases: aliases(mentions, name: name),
                mentions: mentions.count,
                mentionSpans: mentions.map { MentionSpan(start: $0.start, end: $0.end, text: $0.text) }))
        }
        for entity in found.values {
            let mentions = entity.mentions.sorted { $0.start < $1.start }
            let named = mentions.filter { !$0.isDemonym }
            guard !named.isEmpty else { continue }
            let name: String
            if let canonical = entity.canonical,
               named.contains(where: { $0.text.applyingFolding() == canonical.applyingFolding() }) {
                name = canonical
            } else {
                name = named.max { ($0.text.unicodeScalars.count, $1.start) < ($1.text.unicodeScalars.count, $0.start) }!.text
            }
            result.append(ArticleEntity(
                id: Slug.make(entity.canonical ?? name), name: name, type: entity.type, subtype: entity.subtype,
                countryCode: entity.countryCode, aliases: aliases(named, name: name), mentions: mentions.count,
                mentionSpans: mentions.map { MentionSpan(start: $0.start, end: $0.end, text: $0.text) }))
        }
        return result.sorted { ($0.mentionSpans.first?.start ?? 0, $0.id) < ($1.mentionSpans.first?.start ?? 0, $1.id) }
    }

    /// The distinct written forms other than `name`, in order of first use.
    func aliases(_ mentions: [Mention], name: String) -> [String] {
        var seen: Set<String> = [name.applyingFolding()]
        var result: [String] = []
        for m in mentions where !m.isDemonym && seen.insert(m.text.applyingFolding()).inserted {
            result.append(m.text)
        }
        return result
    }

    // MARK: Token tests

    /// A capitalised word.
    func isNameToken(_ i: Int) -> Bool {
        tokens[i].isWord && (tokens[i].isCapitalized || tokens[i].isAllCaps)
    }

    /// A word from the stop list.
    func isStopword(_ i: Int) -> Bool {
        lexicon.stopwords.contains(tokens[i].folded)
    }

    /// The previous token, if it is a lower-case word.
    func lowerWord(_ i: Int) -> String? {
        guard i >= 0, i < tokens.count, tokens[i].isWord, !tokens[i].isCapitalized else { return nil }
        return tokens[i].folded
    }

    /// "I", "II", "III", "IV" …: a suffix of a name.
    static func isRomanNumeral(_ folded: String) -> Bool {
        !folded.isEmpty && folded.count <= 4 && folded.allSatisfy { $0 == "i" || $0 == "v" || $0 == "x" }
    }

    /// Words that join capitalised words into one chunk ("Ministry of Health", "Salma ben Aissa").
    static let connectors: Set<String> = [
        "of", "for", "on", "to", "and", "&", "the", "in", "de", "del", "della", "da", "di", "do", "dos", "das", "du",
        "la", "le", "les", "al", "el", "bin", "ben", "ibn", "bint", "van", "der", "den", "von", "y", "wal",
    ]

    /// Connectors that separate two names when the chunk is not an organisation or place name.
    static let splittingConnectors: Set<String> = ["of", "for", "on", "to", "the", "and", "&", "in"]

    /// Words that make a chunk a named event, holiday or product rather than an entity.
    static let eventWords: Set<String> = [
        "war", "typhoon", "hurricane", "cyclone", "storm", "day", "eve", "cup", "olympics", "games", "operation",
        "act", "award", "prize", "festival", "ramadan", "eid", "christmas", "easter", "week", "month", "year",
        "covid", "covid-19", "pandemic", "summit", "conference", "agreement", "accord", "treaty", "revolution",
        "uprising", "spring", "crisis", "massacre", "intifada", "ashura", "muharram", "hajj", "doctrine",
    ]
}
