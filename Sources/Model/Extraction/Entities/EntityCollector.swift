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
        /// The folded words of the text joined by spaces, to compare written forms.
        let key: String
    }

    /// An entity found so far.
    struct Found {
        /// Location or organisation.
        var type: EntityType
        /// `country`, `city`, `camp`, …
        var subtype: String?
        /// ISO country code, for gazetteer places.
        var countryCode: String?
        /// The gazetteer's canonical name, for gazetteer entities.
        var canonical: String?
        /// The gazetteer entry, for gazetteer entities.
        var entry: Int? = nil
        /// Every mention, demonyms included.
        var mentions: [Mention]
    }

    /// A mention of a person, before mentions are grouped into people.
    struct PersonMention {
        /// Folded name words, without titles and suffixes ("jr").
        let words: [String]
        /// Where it is.
        let mention: Mention
    }

    /// The data files.
    let lexicon: EntityLexicon
    /// The article.
    let document: Document
    /// The places and organisations of the lexicon.
    var gazetteer: Gazetteer { lexicon.gazetteer }

    /// Which entity a mention belongs to.
    enum Key: Hashable {
        /// A gazetteer entry, by index.
        case gazetteer(Int)
        /// An organisation the gazetteer does not know, by its folded words.
        case organization(String)
        /// A place the gazetteer does not know, by its folded words.
        case location(String)
        /// A person, by the folded words of the name.
        case person(String)
    }

    /// Places and organisations found so far.
    var found: [Key: Found] = [:]
    /// Every person mention, in text order.
    var personMentions: [PersonMention] = []
    /// Folded full names (two words or more) of people seen so far.
    var knownPeople: Set<String> = []
    /// Single capitalised words with no evidence of their own: kept only if they name a known person.
    var pendingSingles: [(word: String, mention: Mention)] = []
    /// Acronyms defined in the text ("Israel Defense Forces (IDF)") -> entity key.
    var acronyms: [String: Key] = [:]

    /// The paragraph being scanned.
    var paragraph = 0
    /// Its tokens (`Document.tokens` of the paragraph; index 0 is its first token).
    var tokens: [Token] = []
    /// What the entity lexicon knows of each of its tokens (`EntityLexicon.info`), looked up once a token: the
    /// rules ask of a token many times.
    var infos: [EntityWordInfo] = []
    /// Its scalars.
    var scalars: [Unicode.Scalar] = []
    /// GeoNames places parsed so far in this article.
    let placeEntries = PlaceEntryCache()
    /// Document offset of its first scalar.
    var base = 0
    /// The last entity found in this paragraph: token end and type, for lists ("in Abasan, Khuzaa and …").
    var last: (end: Int, type: EntityType)?
    /// The chunk being classified is followed by a parenthesised acronym, which names an organisation.
    var acronymFollows = false
    /// The key of the entity most recently given a mention.
    var lastKey: Key?
    /// Words of people named with a title or in full: a town of that name is rather the person ("Mr. Marcin").
    var strongPersonWords: Set<String> = []
    /// Tokens before this index were consumed ahead of the scan ("(leader Ismail) Haniyeh").
    var skipTo = 0
    /// Gazetteer places that the article shows to be sports teams ("Somerset 83"): organisations.
    var teams: Set<Int> = []

    /// The English lexicon (titles, roles, reporting verbs, particles); tokens carry its classes.
    let english: EnglishLexicon

    /// Starts an extraction.
    init(lexicon: EntityLexicon, english: EnglishLexicon, document: Document) {
        self.lexicon = lexicon
        self.english = english
        self.document = document
    }

    // MARK: Scanning

    /// Finds the entities of one paragraph.
    mutating func scan(paragraph index: Int) {
        paragraph = index
        scalars = document.paragraphScalars[index]
        tokens = Array(document.tokens[document.tokenRange(ofParagraph: index)])
        infos.removeAll(keepingCapacity: true)
        for token in tokens { infos.append(lexicon.info(token, in: document)) }
        base = document.paragraphStarts[index]
        last = nil
        skipTo = 0
        if let sides = tableSides() {
            for side in sides { emitSide(side) }
            return
        }
        var i = 0
        while i < tokens.count {
            if i < skipTo { i = skipTo; continue }
            let t = tokens[i]
            // "al Qaeda": a gazetteer name may begin with a lower-case particle.
            let particleStart = t.isWord && !t.isCapitalized && i + 1 < tokens.count && tokens[i + 1].isCapitalized
                && isA(i, .particle) && match(i, tokens.count) != nil
            guard t.isWord, t.isCapitalized || t.isAllCaps || particleStart else { i += 1; continue }
            if let end = headingEnd(at: i) { classifyHeading(i, end); i = end; continue }
            if t.isHyphenated, let parts = compoundParts(i) {
                emitCompound(i, parts)
                i += 1
                continue
            }
            let end = chunkEnd(from: i)
            // "FV Argos Georgia": a vessel's name is none of the three types.
            if has(i, .vesselPrefixes) && t.isAllCaps && end - i >= 2 { i = end; continue }
            let acronym = definedAcronym(after: end, chunkStart: i) ?? acronymBefore(i, end)
            acronymFollows = acronym != nil
            lastKey = nil
            if lower(end, .facilityNouns), let facility = Self.facilityNouns[word(end)], hasName(i..<end),
               !isWholeGazetteerName(i, end) {
                // "Nasser hospital" is an organisation; "Abu Oreiban school", "Imam Ali mosque" are buildings.
                if facility { emitOrganization(i..<end + 1) }
            } else {
                classify(i..<end)
            }
            if let acronym, let key = lastKey { acronyms[acronym] = key }
            acronymFollows = false
            i = max(end, skipTo)
            if i == end, lower(end, .facilityNouns), Self.facilityNouns[word(end)] == true { i += 1 }
        }
    }

    /// The acronym in "( ACR )" right after token `end`, folded.
    /// A bracketed place ("Pete Sampras (U.S.)") or capitals that do not begin with the first letter of
    /// one of the chunk's words ("(USA)" after "Michael Johnson") say where someone is from: no acronym.
    func definedAcronym(after end: Int, chunkStart start: Int) -> String? {
        guard end + 2 < tokens.count, isText(end, "("), tokens[end + 1].isWord, tokens[end + 1].isAllCaps,
              isText(end + 2, ")") else { return nil }
        if let m = match(end + 1, end + 2), entry(at: m.form.entry).type == .location { return nil }
        let initials = Set((start..<end).filter { tokens[$0].isWord }.compactMap { word($0).first })
        guard let first = word(end + 1).first, initials.contains(first) else { return nil }
        return word(end + 1)
    }

    /// The acronym in "ACR (" right before a chunk `a..<b` that is closed by ")": "JNIM (Jama’at Nusrat …)".
    func acronymBefore(_ a: Int, _ b: Int) -> String? {
        guard a >= 2, b < tokens.count, isText(b, ")"), isText(a - 1, "("), tokens[a - 2].isWord,
              tokens[a - 2].isAllCaps, b - a >= 2 else { return nil }
        return word(a - 2)
    }

    /// Capitals in brackets right after a person ("Carlos Ortega (ESP)"): where the person is from, not an
    /// organisation.
    func isNationalityCode(_ a: Int) -> Bool {
        guard a >= 1, a + 1 < tokens.count, isText(a - 1, "("), isText(a + 1, ")"),
              let last, last.type == .person, last.end == a - 1 else { return false }
        return true
    }

    /// Whether `a..<b` is exactly one gazetteer name.
    func isWholeGazetteerName(_ a: Int, _ b: Int) -> Bool {
        match(a, b)?.end == b
    }

    /// One past the last token of the chunk starting at `i`: capitalised words, joined by connectors
    /// ("Ministry of Health"), initials and title stops ("Gen. Ahmed"), and whole gazetteer names that contain
    /// lower-case words ("Turks and Caicos", "Save the Children"). A possessive ends a chunk.
    func chunkEnd(from i: Int) -> Int {
        let n = tokens.count
        var reach = i + 1
        if let m = match(i, n) { reach = max(reach, m.end) }
        var j = i + 1
        while j < n {
            if j < reach { j += 1; continue }
            let prev = tokens[j - 1]
            if prev.isPossessive { break }
            let t = tokens[j]
            if t.isWord && (t.isCapitalized || t.isAllCaps) {
                if t.isHyphenated && compoundParts(j) != nil { break }
                if let m = match(j, n), m.end > reach { reach = m.end }
                j += 1
                continue
            }
            // ("Gen. Ahmed Asiri", "A. K. Saseendran": the tokenizer keeps a title's or an initial's stop
            // inside the word.)
            if t.isWord || isText(j, "&"), let k = connectorRun(at: j) {
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
        while k < n && k - j < 2 && (tokens[k].isWord || isText(k, "&")) && !tokens[k].isCapitalized
                && isConnector(k) {
            k += 1
        }
        guard k > j, k < n, tokens[k].isWord, tokens[k].isCapitalized else { return nil }
        // "… Programme on Wednesday": a date is not part of a name.
        if isTime(k) { return nil }
        let first = word(j)
        // "the" joins only after another connector ("of the"); a bare "the" starts a new phrase.
        if first == "the" { return nil }
        // "and" separates names ("Azerbaijan and Armenia", "the Taliban and the Haqqani Network"); "&" joins
        // inside an organisation name whose head word follows ("UK Maritime & Coastguard Agency").
        if first == "and" { return nil }
        if first == "&" {
            // After a head word, "and" begins a second organisation ("the Air Force and Army Aviation").
            var h = j - 1
            while h >= 0 && tokens[h].isWord && (tokens[h].isCapitalized || isConnector(h)) {
                if has(h, .organizationHeads) { return nil }
                h -= 1
            }
            var m = k
            while m < n && m < k + 4 && tokens[m].isWord && tokens[m].isCapitalized {
                if has(m, .organizationHeads) { return k }
                m += 1
            }
            return nil
        }
        // "in" joins only after a mission or an office abroad ("Police Mission in Afghanistan").
        if first == "in" {
            return j > 0 && has(j - 1, .organizationsAbroad) ? k : nil
        }
        return k
    }

    // MARK: Classification

    /// Classifies the chunk `range` (see the type's documentation for the order of rules).
    mutating func classify(_ range: Range<Int>) {
        var a = range.lowerBound, b = range.upperBound
        while a < b && !isNameToken(a) && !(a + 1 < b && isA(a, .particle)
                                             && match(a, b) != nil) { a += 1 }
        // "the Kharkiv region": a division's lower-case head word stays with its name.
        while b > a && !isNameToken(b - 1) && match(a, b)?.end != b { b -= 1 }
        // A capitalised common word that starts the sentence ("The Golan Heights") is not part of a name.
        while a < b && isClauseStart(a) && isStopword(a) && !isTitle(a)
                && match(a, b) == nil {
            a += 1
            while a < b && !isNameToken(a) { a += 1 }
        }
        guard a < b else { return }
        // An acronym the article defined ("Security Service (SBU)") before what the gazetteer says.
        if b - a == 1, tokens[a].isAllCaps, let key = acronyms[word(a)] {
            addMention(key, a, b)
            return
        }
        // 0. Initials and a name ("A. Dale", "I. Austin"): a person, even where the surname is a town's name.
        if startsWithInitials(a, b) {
            addPerson(a, b, strong: true)
            return
        }
        // 1. A gazetteer name, unless it is a town named like the person the context points to.
        if let m = match(a, b), m.end == b {
            let entry = entry(at: m.form.entry)
            // A town named like the person the context points to ("Marcin said", "Santos" after "Juan Manuel
            // Santos"); a large city keeps its name.
            if b - a == 1 && entry.subtype == "city" && entry.population < Self.largeCityPopulation
                && !isAttributive(b) && placeContextBefore(a, b) == nil
                && (strongPersonWords.contains(word(a)) || personContextBefore(a) || isPersonVerb(b)
                    || ageOrWhoAfter(b)) {
                addPerson(a, b)
                return
            }
            // A small town named like a capitalised word at the start of a sentence ("Dire sights") is doubtful.
            if b - a == 1 && isDoubtfulTown(entry, below: Self.doubtfulTownPopulation)
                && isClauseStart(a) && !personContext(a, b) && placeContext(a, b) == nil {
                return
            }
            // A small town's name with nothing around it that speaks of a place ("Roman wall") is doubtful.
            if b - a == 1 && isDoubtfulTown(entry, below: Self.smallTownPopulation) && placeContext(a, b) == nil {
                return
            }
            emit(m.form, a, b)
            return
        }
        // 2. A person named in full before.
        if b - a >= 2, !knownPeople.isEmpty, knownPeople.contains(personKey(a, b)) {
            addPerson(a, b)
            return
        }
        // 3. An organisation by its head word; a lone head after a country's possessive ("Argentina’s Navy").
        if let org = organizationSpan(a, b) {
            if org.lowerBound >= a + 2, isText(org.lowerBound - 1, "of") {
                // "John Casesa of Schroder Wertheim & Co": the words before "of" are judged on their own.
                classify(a..<org.lowerBound - 1)
            } else {
                gazetteerOnly(a, org.lowerBound)
            }
            emitOrganization(org)
            classify(org.upperBound..<b)
            return
        }
        if b - a == 1, has(a, .organizationHeads), a >= 1, tokens[a - 1].isPossessive,
           let m = match(a - 1, a), entry(at: m.form.entry).subtype == "country" {
            // "Israel’s Channel 14".
            let numbered = b < tokens.count && tokens[b].isWord && word(b).allSatisfy(\.isNumber)
            emitUnknown(.organization, subtype: nil, a, numbered ? b + 1 : b)
            if numbered { skipTo = b + 1 }
            return
        }
        // 4. A place by its head word; a person or a title before "of" is not part of it ("said Del. Stacey
        // Plaskett of the Virgin Islands").
        if let subtype = placeHead(a, b) {
            if let of = (a + 1..<b - 1).first(where: { isText($0, "of") }),
               (a..<of).contains(where: { isA($0, .role) }) || personContextBefore(a) {
                classify(a..<of)
                classify(of + 1..<b)
                return
            }
            emitPlace(a, b, subtype: subtype)
            return
        }
        // 5. A title: the name after it is a person.
        if let (title, name) = titleSplit(a, b) {
            gazetteerOnly(a, title)
            classifyPerson(name..<b)
            return
        }
        // Stop words at the start and dates at the end are not part of a name ("On Friday", "Hamas Monday").
        while a < b && isStopword(a) && match(a, b) == nil { a += 1 }
        while b > a && isTime(b - 1) { b -= 1 }
        while a < b && !isNameToken(a) { a += 1 }
        while b > a && !isNameToken(b - 1) { b -= 1 }
        guard a < b else { return }
        if a != range.lowerBound || b != range.upperBound {
            classify(a..<b)
            return
        }
        // 6. Split at connectors that separate names ("Secretary of State Antony Blinken").
        for k in a..<b where !tokens[k].isCapitalized && has(k, .splittingConnectors) {
            classify(a..<k)
            classify(k + 1..<b)
            return
        }
        scanMixed(a, b)
    }

    /// A chunk with no organisation or place head and no title: gazetteer names in it are entities, and
    /// the rest is judged by context. A town next to unknown capitalised words, two places side by side, or
    /// a place after a name particle are rather a person's name ("Kamala Harris", "Carmen Crespo",
    /// "Yousef Al Saudi").
    mutating func scanMixed(_ a: Int, _ b: Int) {
        var parts: [(range: Range<Int>, form: GazetteerForm?)] = []
        var i = a
        var run = a
        while i < b {
            if let m = match(i, b) {
                if run < i { parts.append((run..<i, nil)) }
                parts.append((i..<m.end, m.form))
                i = m.end
                run = i
            } else {
                i += 1
            }
        }
        if run < b { parts.append((run..<b, nil)) }
        if parts.count > 1 {
            let hasUnknownName = parts.contains { $0.form == nil && hasName($0.range) }
            // "Real Madrid 2", "Rotor Volgograd beat …": a club named with its town is an organisation. The
            // town is a large one: a small town's name is rather a player's ("Marat Safin beat …").
            if hasUnknownName, isTeamContext(a, b), parts.contains(where: { part in
                part.form.map {
                    let place = entry(at: $0.entry)
                    return place.type == .location && $0.kind != .demonym
                        && !isDoubtfulTown(place, below: Self.doubtfulTownPopulation)
                } ?? false
            }), !parts.contains(where: { $0.form == nil && (tokens[$0.range.lowerBound].isAllCaps) }) {
                emitUnknown(.organization, subtype: "team", a, b)
                return
            }
            let places = parts.compactMap { part -> GazetteerEntry? in
                guard let form = part.form, form.kind != .demonym else { return nil }
                let entry = entry(at: form.entry)
                return entry.type == .location ? entry : nil
            }
            // "Philadelphia Eagles", "Chicago Bulls": a city of a million and a plural name is a club (a smaller
            // town only in a game's context or after "the": "lifted the Baltimore Orioles past the Seattle
            // Mariners"; "Dallas Roberts", "Jackson Williams" are people).
            if parts.count == 2, let form = parts[0].form, form.kind != .demonym, parts[1].form == nil,
               parts[1].range.count == 1, entry(at: form.entry).type == .location,
               Self.canNameTeam(entry(at: form.entry).subtype),
               entry(at: form.entry).population >= Self.largeCityPopulation || isTeamContext(a, b)
                || (a >= 1 && isText(a - 1, "the")),
               let lastByte = document.folded(tokens[b - 1]).last, lastByte == UInt8(ascii: "s"),
               isNameToken(b - 1), !tokens[b - 1].isAllCaps, !isStopword(b - 1), !tokens[b - 1].isPossessive {
                emitUnknown(.organization, subtype: "team", a, b)
                return
            }
            let townInName = hasUnknownName && places.contains { $0.subtype == "city" }
            let placesSideBySide = places.count == parts.count && places.contains { $0.subtype == "city" }
            let particleBeforePlace = parts.indices.dropFirst().contains { k in
                parts[k].form != nil && parts[k - 1].form == nil
                    && isA(parts[k - 1].range.upperBound - 1, .particle)
            }
            // "Greenpeace Philippines": a known organisation's branch in a country.
            if parts.count == 2, let org = parts[0].form, let place = parts[1].form,
               entry(at: org.entry).type == .organization, entry(at: place.entry).subtype == "country" {
                emit(place, parts[1].range.lowerBound, parts[1].range.upperBound)
                emitUnknown(.organization, subtype: nil, a, b)
                return
            }
            // "Azerbaijan Hikmet Hajiyev", "Mexican Ariel Cruz": a country, division or nationality run into a
            // name of two words or more is that place and a person.
            if let first = placeBeforeName(a, b) {
                emit(first.form, a, first.end)
                classifyUnknown(first.end, b)
                return
            }
            let placeFirst = parts[0].form.map { entry(at: $0.entry).type == .location } ?? false
            if townInName || placesSideBySide || particleBeforePlace
                || (hasUnknownName && placeFirst && personContext(a, b)) {
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

    /// A country, division or nationality at `a` run into a person's name of two words or more that ends
    /// the chunk at `b` ("Azerbaijan Hikmet Hajiyev", "Mexican Ariel Cruz"): the place, and where it ends.
    func placeBeforeName(_ a: Int, _ b: Int) -> (form: GazetteerForm, end: Int)? {
        guard let m = match(a, b), m.end <= b - 2,
              m.form.kind == .demonym || Self.regionSubtypes.contains(entry(at: m.form.entry).subtype ?? ""),
              (m.end..<b).allSatisfy({ isNameToken($0) && !isStopword($0) && !tokens[$0].isAllCaps
                  && !has($0, .organizationHeads) && !has($0, .placeHeads) }),
              match(m.end, b)?.end != b
        else { return nil }
        return m
    }

    /// Whether the word at `b` makes the name before it a modifier of a noun ("Garissa police", "Gaza attack").
    func isAttributive(_ b: Int) -> Bool {
        lower(b, .organizationHeads) || lower(b, .facilityNouns) || lower(b, .placeNounsAfter) || lower(b, .eventWords)
            || lower(b, .attributiveNouns)
    }

    /// A GeoNames town (not a curated place, not a capital) smaller than `population`.
    func isDoubtfulTown(_ entry: GazetteerEntry, below population: Int) -> Bool {
        entry.subtype == "city" && entry.population > 0 && entry.population < population && !entry.isCapital
    }

    /// Whether `range` holds a capitalised word that is neither a stop word nor an acronym.
    func hasName(_ range: Range<Int>) -> Bool {
        range.contains { isNameToken($0) && !isStopword($0) && !tokens[$0].isAllCaps }
    }

    /// Judges a run of capitalised words that the gazetteer does not know, by its form and context.
    mutating func classifyUnknown(_ a0: Int, _ b0: Int) {
        var a = a0, b = b0
        while a < b && (!isNameToken(a) || isStopword(a)) { a += 1 }
        while b > a && (!isNameToken(b - 1) || isTime(b - 1)) { b -= 1 }
        guard a < b else { return }
        // Acronyms among other words are judged one by one ("CNN Weather").
        if b - a >= 2, (a..<b).contains(where: { tokens[$0].isAllCaps && !Self.isRomanNumeral(word($0)) }) {
            for k in a..<b { classifyUnknown(k, k + 1) }
            return
        }
        // Named events, holidays and products are none of the three types.
        if (a..<b).contains(where: { has($0, .eventWords) }) { return }
        if b - a == 1 {
            let t = tokens[a]
            if t.isAllCaps {
                if let key = acronyms[word(a)] {
                    addMention(key, a, b)
                } else if isAcronymCandidate(a) && !isNationalityCode(a) {
                    emitUnknown(.organization, subtype: nil, a, b)
                }
                return
            }
            // A plural role is a group, never a name ("Analysts say", "Witnesses said").
            if t.foldedCount < 2 || isStopword(a) || has(a, .organizationHeads) || isA(a, .roleMany) { return }
            // "Shems-FM": a hyphenated name ending in an organisation head.
            if t.isHyphenated, let lastPart = word(a).splitASCII(0x2D).last,
               Self.organizationHeads.contains(String(lastPart)) {
                emitUnknown(.organization, subtype: nil, a, b)
                return
            }
        }
        if acronymFollows {
            emitUnknown(.organization, subtype: nil, a, b)
            return
        }
        switch judge(a, b) {
        case .person where b - a == 1 && isClauseStart(a) && !personContextBefore(a):
            // A single capital opening a sentence with only a verb after it ("Crews said") may be a common
            // noun: it stands as the person named in full elsewhere in the article, else as nothing.
            pendingSingles.append((word(a), mention(a, b)))
        case .person: addPerson(a, b)
        case .place(let subtype): emitPlace(a, b, subtype: subtype)
        case nil:
            if b - a == 1 {
                pendingSingles.append((word(a), mention(a, b)))
            } else if looksLikeName(a, b) {
                addPerson(a, b)
            }
        }
    }

    /// Whether capitalised words with no context around them read as a person's name: words of two letters
    /// or more (or initials), none a function word or verb of the English lexicon, the first no role, month
    /// or common capital ("W D L G", "Sometimes I", "March Data" are headings and table columns, not names).
    func looksLikeName(_ a: Int, _ b: Int) -> Bool {
        (a..<b).allSatisfy { k in
            let t = tokens[k]
            guard t.isWord, t.foldedCount >= 2 || t.isInitial else { return false }
            if t.isA(.particle) { return true }
            // A surname may be a role or a month ("John Major", "Theresa May"); a first name is not.
            return !t.isA(Self.functionWordClasses) && (k > a || !t.isA(Self.commonFirstWordClasses))
        }
    }

    /// Classes of the English lexicon whose words are never part of a name.
    static let functionWordClasses: WordClasses = [
        .reportingVerb, .personVerb, .pronoun, .determiner, .preposition, .filler, .clause, .conjunction, .connector,
    ]

    /// Classes of the English lexicon whose words do not begin a name.
    static let commonFirstWordClasses: WordClasses = [.role, .notName, .month, .weekday]

    /// What the context says an unknown name is, strongest evidence first: a role or reporting verb
    /// before it, a place word before it ("in", "the village of"), a place noun after it ("… city"), a
    /// reporting verb after it, a list that began with a place. Nil when the context says nothing.
    func judge(_ a: Int, _ b: Int) -> Judgement? {
        if personContextBefore(a) { return .person }
        let single = b - a == 1
        // Adjectives of peoples are not places ("the Kurdish city of").
        let adjective = single && Self.adjectiveEndings.contains { word(a).hasSuffix($0) }
        if !adjective, let subtype = placeContextBefore(a, b) { return .place(subtype) }
        if !adjective, lower(b, .placeNounsAfter), let subtype = Self.placeNounsAfter[word(b)] {
            return .place(subtype)
        }
        if personContextAfter(b) { return .person }
        if !adjective, listContinuesPlaces(a) { return .place(nil) }
        return nil
    }

    /// A verdict on an unknown name.
    enum Judgement {
        /// A person.
        case person
        /// A place, with its subtype when the context gives one.
        case place(String?)
    }

    /// Emits only the gazetteer names (places, demonyms, organisations) in `a..<b`: for the words before a
    /// title or an organisation ("Israeli Prime Minister", "Gaza Health Ministry").
    mutating func gazetteerOnly(_ a: Int, _ b: Int, placesOnly: Bool = false, largePlacesOnly: Bool = false,
                                townsToo: Bool = true) {
        var i = a
        while i < b {
            if tokens[i].isWord, let m = match(i, b),
               !placesOnly || entry(at: m.form.entry).type == .location,
               !largePlacesOnly || !isDoubtfulTown(entry(at: m.form.entry), below: Self.doubtfulTownPopulation),
               townsToo || entry(at: m.form.entry).subtype != "city" {
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
        var key = word(a)
        if b - a > 1 {
            for k in a + 1..<b where tokens[k].isWord || isText(k, "&") {
                key += " "
                key += word(k)
            }
        }
        return mention(scalarsFrom: Int(tokens[a].start) - base, to: Int(tokens[b - 1].end) - base, key: key,
                       isDemonym: isDemonym)
    }

    /// The mention of paragraph scalars `start..<end`, whose folded words are `key`.
    func mention(scalarsFrom start: Int, to end: Int, key: String, isDemonym: Bool = false) -> Mention {
        Mention(start: base + start, end: base + end,
                text: String(scalars: scalars[start..<end]), isDemonym: isDemonym, key: key)
    }

    /// Records a mention of gazetteer form `form` at tokens `a..<b`.
    mutating func emit(_ form: GazetteerForm, _ a: Int, _ b: Int) {
        let place = entry(at: form.entry)
        if place.type == .location, form.kind != .demonym, Self.canNameTeam(place.subtype), isTeamContext(a, b) {
            teams.insert(form.entry)
        }
        // "the Donetsk region": the division, named as the text names it, without the lower-case head word.
        let named = b - a >= 2 && !isNameToken(b - 1) ? b - 1 : b
        record(form, mention(a, named, isDemonym: form.kind == .demonym))
        last = (b, place.type)
    }

    /// Records a mention of a gazetteer entry.
    mutating func record(_ form: GazetteerForm, _ m: Mention) {
        let entry = entry(at: form.entry)
        let key = Key.gazetteer(form.entry)
        found[key, default: Found(
            type: entry.type, subtype: entry.subtype, countryCode: entry.countryCode, canonical: entry.name,
            entry: form.entry, mentions: [])].mentions.append(m)
        lastKey = key
    }

    /// Records a place or organisation the gazetteer does not know.
    mutating func emitUnknown(_ type: EntityType, subtype: String?, _ a: Int, _ b: Int, key: String? = nil) {
        // Places are keyed like people, so that a name taken for both can be told apart ("Al-Shati", "al Shati").
        let words = type == .location ? personKey(a, b)
            : (a..<b).filter { tokens[$0].isWord }.map { word($0) }.joined(separator: " ")
        let key: Key = type == .organization ? .organization(key ?? words) : .location(key ?? words)
        found[key, default: Found(type: type, subtype: subtype, countryCode: nil, canonical: nil, mentions: [])]
            .mentions.append(mention(a, b))
        lastKey = key
        last = (b, type)
    }

    /// Adds a mention at `a..<b` to the entity `key`.
    mutating func addMention(_ key: Key, _ a: Int, _ b: Int) {
        if case .person(let name) = key {
            personMentions.append(PersonMention(words: name.splitASCII(0x20).map(String.init),
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
        for (acronym, key) in acronyms where key != .organization(acronym) {
            if let early = found[.organization(acronym)] {
                found[.organization(acronym)] = nil
                found[key]?.mentions.append(contentsOf: early.mentions)
            }
        }
        mergeContainedOrganizations()
        var result: [ArticleEntity] = []
        var byWords: [String: Key] = [:]
        // Companies by the first word of their name ("Chrysler Corp" under "chrysler").
        var companies: [String: Key] = [:]
        // In order of first mention, so that where two share words ("Coastal Corp", "Coastal Limited Ventures
        // Inc") the first one named keeps them, whatever the order of the dictionary.
        let byFirstMention = found.compactMap { key, entity -> (start: Int, key: Key)? in
            switch key {
            case .location, .organization: return (entity.mentions.map(\.start).min() ?? 0, key)
            case .gazetteer, .person: return nil
            }
        }.sorted { a, b in
            if a.start != b.start { return a.start < b.start }
            switch (a.key, b.key) {
            case let (.location(x), .location(y)), let (.organization(x), .organization(y)): return x < y
            case (.location, _): return true
            default: return false
            }
        }
        for (_, key) in byFirstMention {
            switch key {
            case .location(let words):
                if byWords[words] == nil { byWords[words] = key }
            case .organization(let words):
                if byWords[words] == nil { byWords[words] = key }
                let parts = words.splitASCII(0x20)
                if parts.count >= 2, let last = parts.last, Self.companySuffixes.contains(String(last)),
                   companies[String(parts[0])] == nil {
                    companies[String(parts[0])] = key
                }
            case .gazetteer, .person: break
            }
        }
        for (words, name, mentions) in people() where !mentions.isEmpty {
            // A name that the article also shows to be a place or organisation ("the town of Santa Margarita"
            // … "Santa Margarita, the hardest-hit town") is that, not a person.
            if let key = byWords[words.joined(separator: " ")] {
                found[key]?.mentions.append(contentsOf: mentions)
                continue
            }
            // A single word that begins a company's name in the same article is that company's short form
            // ("Chrysler Corp" … "Chrysler said"), not a person.
            if words.count == 1, let key = companies[words[0]] {
                found[key]?.mentions.append(contentsOf: mentions)
                continue
            }
            result.append(ArticleEntity(
                id: Self.slug(name), name: name, type: .person, aliases: aliases(mentions, name: name),
                mentions: mentions.count,
                mentionSpans: mentions.map { MentionSpan(start: $0.start, end: $0.end, text: $0.text) }))
        }
        for entity in found.values {
            let mentions = entity.mentions.sorted { $0.start < $1.start }
            let named = mentions.filter { !$0.isDemonym }
            guard !named.isEmpty else { continue }
            let name: String
            var nameKey: String?
            var entry = entity.entry.map { self.entry(at: $0) }
            var type = entity.type, subtype = entity.subtype, countryCode = entity.countryCode
            if let index = entity.entry, teams.contains(index) {
                // A team named after its place: an organisation, without the place's map data.
                entry?.geonamesId = nil
                entry?.coordinates = nil
                entry?.admin1Code = nil
                type = .organization
                subtype = "team"
                countryCode = nil
            }
            // A team goes by its place's name only where the article writes it so, accents included ("Sale" is
            // not the place "Salé"; "DENVER" is "Denver").
            if let canonical = entity.canonical, let entry, named.contains(where: { $0.key == entry.key }),
               subtype != "team" || named.contains(where: { $0.text.lowercased() == canonical.lowercased() }) {
                name = canonical
                nameKey = entry.key
            } else {
                name = named.max { ($0.text.unicodeScalars.count, $1.start) < ($1.text.unicodeScalars.count, $0.start) }!.text
            }
            result.append(ArticleEntity(
                id: entry?.id ?? Self.slug(name), name: name, type: type, subtype: subtype,
                countryCode: countryCode, geonamesId: entry?.geonamesId, coordinates: entry?.coordinates,
                admin1Code: entry?.admin1Code, aliases: aliases(named, name: name, nameKey: nameKey), mentions: mentions.count,
                mentionSpans: mentions.map { MentionSpan(start: $0.start, end: $0.end, text: $0.text) }))
        }
        // Names and aliases as a reader types them: a no-break or thin space in the text is a space in the name
        // ("Volodymyr\u{A0}Zelensky" is "Volodymyr Zelensky"); mention spans keep the text as written.
        for i in result.indices {
            result[i].name = Self.plainSpaced(result[i].name)
            // (A few aliases: an array to search costs less than a set to build.)
            var seen: [String] = [result[i].name]
            result[i].aliases = result[i].aliases.map(Self.plainSpaced).filter { alias in
                if seen.contains(alias) { return false }
                seen.append(alias)
                return true
            }
        }
        let sorted = result.sorted { ($0.mentionSpans.first?.start ?? 0, $0.id) < ($1.mentionSpans.first?.start ?? 0, $1.id) }
        return Self.mergingSameNamedPlaces(sorted)
    }

    /// `text` with each run of white space (no-break, thin, ideographic spaces too) as one plain space.
    static func plainSpaced(_ text: String) -> String {
        // (`isSpace` is `properties.isWhitespace` with an ASCII fast path.)
        guard text.unicodeScalars.contains(where: { $0 != " " && $0.isSpace }) else { return text }
        var scalars = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.isSpace {
                space = true
            } else {
                if space, !scalars.isEmpty { scalars.append(" ") }
                space = false
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A city and its division written alike ("Kherson" and "the Kherson region") are one place to the
    /// reader: the later one's mentions join the first one named.
    static func mergingSameNamedPlaces(_ entities: [ArticleEntity]) -> [ArticleEntity] {
        var result: [ArticleEntity] = []
        var placeByName: [String: Int] = [:]
        for entity in entities {
            guard entity.type == .location else { result.append(entity); continue }
            let key = entity.name.applyingFolding()
            if let k = placeByName[key] {
                result[k].mentions += entity.mentions
                result[k].mentionSpans = (result[k].mentionSpans + entity.mentionSpans).sorted { $0.start < $1.start }
                for alias in entity.aliases where !result[k].aliases.contains(alias) { result[k].aliases.append(alias) }
                continue
            }
            placeByName[key] = result.count
            result.append(entity)
        }
        return result
    }

    /// `Slug.make(name)`, with a fast path for ASCII names (most names), which gives the same slug.
    static func slug(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingHyphen = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return Slug.make(name) }
            switch byte {
            case 0x30...0x39, 0x61...0x7A:
                if pendingHyphen && !bytes.isEmpty { bytes.append(0x2D) }
                pendingHyphen = false
                bytes.append(byte)
            case 0x41...0x5A:
                if pendingHyphen && !bytes.isEmpty { bytes.append(0x2D) }
                pendingHyphen = false
                bytes.append(byte + 32)
            case 0x27:  // an apostrophe joins: "Azerbaijan's" -> "azerbaijans"
                break
            default:
                pendingHyphen = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Merges an organisation into a fuller name of it in the same article: "Civil Defense" into "Gazan
    /// Civil Defense Directorate" (the fuller name adds only places, demonyms and head words).
    mutating func mergeContainedOrganizations() {
        let keys = found.keys.compactMap { key -> String? in
            if case .organization(let words) = key { return words }
            return nil
        }.sorted { ($0.count, $0) < ($1.count, $1) }
        guard keys.count >= 2 else { return }
        let split = keys.map { $0.splitASCII(0x20).map(String.init) }
        var merged = Set<Int>()
        for s in split.indices where split[s].count >= 2 {
            let a = split[s]
            for l in split.indices where l != s && !merged.contains(l) && split[l].count > a.count {
                let b = split[l]
                let fits = (0...(b.count - a.count)).contains { p in
                    Array(b[p..<p + a.count]) == a
                        && b[..<p].allSatisfy { gazetteer.singleWordForm($0, capitals: true).map {
                            $0.kind == .demonym || entry(at: $0.entry).type == .location } == true }
                        && b[(p + a.count)...].allSatisfy { Self.organizationHeads.contains($0) }
                }
                if fits, let mentions = found[.organization(keys[s])]?.mentions {
                    found[.organization(keys[l])]?.mentions.append(contentsOf: mentions)
                    found[.organization(keys[s])] = nil
                    merged.insert(s)
                    break
                }
            }
        }
    }

    /// The distinct written forms other than `name`, in order of first use.
    func aliases(_ mentions: [Mention], name: String, nameKey: String? = nil) -> [String] {
        var seen: [String] = [nameKey ?? mentions.first { $0.text == name }?.key ?? name.applyingFolding()]
        var result: [String] = []
        for m in mentions where !m.isDemonym && !seen.contains(m.key) {
            seen.append(m.key)
            result.append(m.text)
        }
        return result
    }

    // MARK: Token tests

    /// What the entity lexicon knows of token `i` (looked up by its hash once, when the paragraph is scanned).
    @inline(__always)
    func info(_ i: Int) -> EntityWordInfo { infos[i] }

    /// The folded form of token `i` as a string (for keys; tests read `isText` or the word classes).
    @inline(__always)
    func word(_ i: Int) -> String { document.foldedString(tokens[i]) }

    /// Whether token `i` exists and its folded form is `text` ("of", "(", "&").
    @inline(__always)
    func isText(_ i: Int, _ text: StaticString) -> Bool {
        guard i >= 0, i < tokens.count, Int(tokens[i].foldedCount) == text.utf8CodeUnitCount else { return false }
        // Through buffer pointers: no slice of the folded bytes (a retain and a release) per test.
        let start = Int(tokens[i].foldedStart)
        return text.withUTF8Buffer { expected in
            document.foldedBytes.withUnsafeBufferPointer { folded in
                for k in 0..<expected.count where folded[start + k] != expected[k] { return false }
                return true
            }
        }
    }

    /// Whether token `i` exists and the English lexicon puts it in any of `classes`.
    @inline(__always)
    func isA(_ i: Int, _ classes: WordClasses) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].isA(classes)
    }

    /// Whether token `i` is a lower-case word that the English lexicon puts in any of `classes`.
    @inline(__always)
    func lowerA(_ i: Int, _ classes: WordClasses) -> Bool {
        isA(i, classes) && tokens[i].isWord && !tokens[i].isCapitalized
    }

    /// Whether token `i` is a lower-case verb whose subject is a person: a name right before or after one
    /// is a person ("Vesile Mehmedova said", "said Nasser", "X died"). An outlet's relay ("CNN Weather
    /// reported") and a naming verb ("an area called Jizl") are not.
    func isPersonVerb(_ i: Int) -> Bool {
        lowerA(i, [.reportingVerb, .personVerb]) && !isA(i, [.cueRelay, .naming])
    }

    /// A month, a day of the week or another time word ("today", "GMT"), which follows a name in news copy
    /// but is no part of it ("Hamas Monday").
    func isTime(_ i: Int) -> Bool {
        isA(i, [.month, .weekday]) || has(i, .timeWords)
    }

    /// A word that joins capitalised words into one name: a connector of the entity lexicon or a name
    /// particle of the English one ("Ministry of Health", "Salma ben Aissa").
    func isConnector(_ i: Int) -> Bool {
        has(i, .connectors) || (isA(i, .particle) && tokens[i].isWord)
    }

    /// The first word of a sentence, a clause after a colon or a quotation: a capital there says nothing of
    /// a name ("Posted", "Deliberately", “The …”).
    func isClauseStart(_ i: Int) -> Bool {
        let t = tokens[i]
        if i == 0 || t.is(.sentenceStart) { return true }
        let p = tokens[i - 1]
        if p.is([.quote, .openQuote]) { return true }
        return isText(i - 1, ":")
    }

    /// Whether token `i` exists and is in the closed list `wordClass`.
    @inline(__always)
    func has(_ i: Int, _ wordClass: EntityWordClass) -> Bool {
        i >= 0 && i < tokens.count && info(i).classes.contains(wordClass)
    }

    /// Whether token `i` is a lower-case word in the closed list `wordClass`.
    @inline(__always)
    func lower(_ i: Int, _ wordClass: EntityWordClass) -> Bool {
        has(i, wordClass) && tokens[i].isWord && !tokens[i].isCapitalized
    }

    /// The longest gazetteer name starting at token `i` and ending at or before `limit`.
    func match(_ i: Int, _ limit: Int) -> (form: GazetteerForm, end: Int)? {
        let list = info(i).forms
        let curated = list >= 0
            ? Gazetteer.longestMatch(tokens, document, at: i, limit: limit, candidates: lexicon.formLists[Int(list)]) : nil
        guard tokens[i].isCapitalized || curated != nil else { return curated }
        guard let place = gazetteer.longestPlace(tokens, document, at: i, limit: limit), isPlausible(place.form, i, place.end)
        else { return curated }
        return Gazetteer.preferred(curated, place)
    }

    /// The gazetteer entry at `index`, a GeoNames place parsed once per article.
    func entry(at index: Int) -> GazetteerEntry {
        guard gazetteer.isPlaceRow(index) else { return gazetteer.entries[index] }
        if let known = placeEntries.entries[index] { return known }
        let entry = gazetteer.entry(at: index)
        placeEntries.entries[index] = entry
        return entry
    }

    /// The subtype, population and capital status of gazetteer entry `index`: what `entry(at:)` gives, without
    /// parsing a GeoNames row whole nor making its slug and key (most places matched are never emitted).
    func facts(at index: Int) -> (subtype: String?, population: Int, isCapital: Bool) {
        guard gazetteer.isPlaceRow(index) else {
            let entry = gazetteer.entries[index]
            return (entry.subtype, entry.population, entry.isCapital)
        }
        if let known = placeEntries.entries[index] { return (known.subtype, known.population, known.isCapital) }
        let facts = gazetteer.places.facts(row: index - gazetteer.entries.count)
        return (facts.subtype, facts.population, facts.isCapital)
    }

    /// Whether a GeoNames place name at `a..<b` may stand as written. A small town's bare name, a bare
    /// alternate name, or a division's name without its head word ("Abseron", not "Abseron district") is
    /// often a common word or a person's name ("Centre", "Guru", "Mir Bashir"): it needs a word of place
    /// around it ("in", "the town of", "… city").
    func isPlausible(_ form: GazetteerForm, _ a: Int, _ b: Int) -> Bool {
        let place = facts(at: form.entry)
        let doubtful: Bool
        switch place.subtype {
        case "city":
            doubtful = !place.isCapital && (place.population < Self.barePlacePopulation
                || (form.kind == .alias && b - a == 1 && place.population < Self.smallTownPopulation))
        default:
            doubtful = !has(b - 1, .placeHeads)
        }
        // A place name in a game's context is a team's ("Leicestershire beat Somerset"), however small.
        return !doubtful || placeContext(a, b) != nil || (Self.canNameTeam(place.subtype) && isTeamContext(a, b))
    }

    /// A capitalised word.
    func isNameToken(_ i: Int) -> Bool {
        tokens[i].isWord && (tokens[i].isCapitalized || tokens[i].isAllCaps)
    }

    /// A word from the stop list.
    func isStopword(_ i: Int) -> Bool {
        let t = tokens[i]
        // "A. Ranatunga", "I. Healy": an initial that took its stop is no stop word.
        if t.isInitial { return false }
        if info(i).classes.contains(.stopword) { return true }
        guard t.isHyphenated else { return false }
        // "Sunni-Muslim": every part a stop word.
        return word(i).splitASCII(0x2D).allSatisfy { lexicon.stopwords.contains(String($0)) }
    }

    /// The previous token, if it is a lower-case word.
    func lowerWord(_ i: Int) -> String? {
        guard i >= 0, i < tokens.count, tokens[i].isWord, !tokens[i].isCapitalized else { return nil }
        return word(i)
    }

    /// "I", "II", "III", "IV" …: a suffix of a name.
    static func isRomanNumeral(_ folded: String) -> Bool {
        !folded.isEmpty && folded.count <= 4 && folded.allSatisfy { $0 == "i" || $0 == "v" || $0 == "x" }
    }

    /// Words that join capitalised words into one chunk ("Ministry of Health"), besides the English
    /// lexicon's name particles ("bin", "van", "de", `WordClasses.particle`).
    static let connectors: Set<String> = ["of", "for", "on", "to", "and", "&", "the", "in", "das", "les", "y"]

    /// Connectors that separate two names when the chunk is not an organisation or place name.
    static let splittingConnectors: Set<String> = ["of", "for", "on", "to", "the", "and", "&", "in"]

    /// Nouns that a place name modifies ("Garissa attack", "Gaza residents").
    static let attributiveNouns: Set<String> = [
        "attack", "attacks", "residents", "authorities", "officials", "governor", "massacre", "bombing", "siege",
        "offensive", "front", "region", "countryside", "outskirts", "airport", "port", "branch", "chapter",
    ]

    /// Days, months and other time words that may follow a name in a chunk ("Reuters Monday").
    static let timeWords: Set<String> = ["today", "tonight", "yesterday", "tomorrow", "gmt", "utc"]

    /// All-capital first words of vessels' names ("FV Argos Georgia", "MT Terra Nova").
    static let vesselPrefixes: Set<String> = ["fv", "mv", "mt", "hms", "uss", "rms", "ss", "ins", "fpso"]

    /// Lower-case nouns after a chunk that make it a building: true for an organisation ("Nasser hospital"),
    /// false for a place that is none of the three types ("Abu Oreiban school").
    static let facilityNouns: [String: Bool] = [
        "hospital": true, "clinic": false, "school": false, "mosque": false, "church": false, "synagogue": false,
        "temple": false, "stadium": false, "market": false, "hotel": false, "prison": false, "building": false,
        "tower": false, "street": false, "road": false, "bridge": false, "highway": false, "museum": false,
        "mall": false, "airport": false,
    ]

    /// Endings of adjectives of peoples and languages, which are not place names ("Kurdish", "Neapolitan").
    static let adjectiveEndings = ["ish", "ian", "ese", "ic"]

    /// GeoNames places smaller than this are never taken by their name alone: they need a word of place.
    static let barePlacePopulation = 15_000

    /// Towns smaller than this need a word of place around them ("in", "the town of", "… city").
    static let smallTownPopulation = 50_000

    /// Place subtypes that stand before a person's name only as a separate word ("Azerbaijan Hikmet Hajiyev"):
    /// countries and divisions, not towns, which are often surnames ("Carmen Crespo").
    static let regionSubtypes: Set<String> = ["country", "province", "region", "state", "continent"]

    /// Cities at least this large keep their name even where the context suggests a person.
    static let largeCityPopulation = 1_000_000

    /// Towns smaller than this are doubtful where context says nothing (sentence starts, compounds).
    static let doubtfulTownPopulation = 100_000

    /// Last words of company names, whose first word alone is the company's short form ("Chrysler Corp").
    static let companySuffixes: Set<String> = [
        "corp", "corporation", "co", "company", "inc", "ltd", "plc", "llc", "limited", "holdings", "industries",
    ]

    /// Words that make a chunk a named event, holiday or product rather than an entity.
    static let eventWords: Set<String> = [
        "war", "typhoon", "hurricane", "cyclone", "storm", "day", "eve", "cup", "olympics", "games", "operation",
        "act", "award", "prize", "festival", "ramadan", "eid", "christmas", "easter", "week", "month", "year",
        "covid", "covid-19", "pandemic", "summit", "conference", "agreement", "accord", "treaty", "revolution",
        "uprising", "spring", "crisis", "massacre", "intifada", "ashura", "muharram", "hajj", "doctrine",
        // Sports events and named wildfires ("Grand Slam", "Six Nations Championship", "Park Fire").
        "slam", "championship", "championships", "prix", "fire",
    ]
}
