/// People: names after a title or role, next to a reporting verb, or of two or more unknown capitalised
/// words; a surname alone later is the same person.
extension EntityCollector {
    /// Titles and honorifics that precede a name ("President", "Gen.", "Dr", "King"), folded.
    static let titles: Set<String> = [
        "president", "vice-president", "president-elect", "minister", "secretary", "secretary-general", "spokesman",
        "spokeswoman", "spokesperson", "gen", "general", "lt", "lieutenant", "col", "colonel", "sgt", "sergeant",
        "capt", "captain", "maj", "major", "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "king", "queen",
        "prince", "princess", "sheikh", "pope", "sen", "senator", "rep", "representative", "gov", "governor", "mayor",
        "judge", "chief", "commander", "ambassador", "envoy", "director", "director-general", "chair", "chairperson", "chairman",
        "chairwoman", "chancellor", "premier", "admiral", "adm", "brig", "brigadier", "imam", "ayatollah", "rabbi",
        "bishop", "cardinal", "archbishop", "rev", "reverend", "speaker", "deputy", "inspector", "superintendent",
        "commissioner", "emir", "sultan", "marshal", "lord", "lady", "sir", "dame", "sheikha", "cpl", "corporal",
        "private", "officer", "constable", "detective", "sheriff", "superintendent", "sergeant-major", "lieutenant-general", "major-general", "lieutenant-colonel",
    ]

    /// Role nouns: before a name ("spokesman Ivo Kotevski", "a Ganja resident, Vesile Mehmedova") they make
    /// it a person, folded.
    static let roleNouns: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "minister", "president", "chief", "commander", "official",
        "resident", "correspondent", "reporter", "journalist", "editor", "director", "leader", "secretary", "envoy",
        "ambassador", "governor", "mayor", "premier", "lawyer", "attorney", "analyst", "professor", "doctor",
        "activist", "father", "mother", "son", "daughter", "brother", "sister", "wife", "husband", "aide", "adviser",
        "advisor", "cousin", "uncle", "aunt", "nephew", "niece", "grandfather", "grandmother", "neighbour",
        "neighbor", "survivor", "witness", "eyewitness", "teacher", "student", "farmer", "worker", "nurse", "surgeon",
        "medic", "paramedic", "officer", "commissioner", "chair", "chairperson", "chairman", "chairwoman", "founder", "ceo", "head",
        "deputy", "counterpart", "predecessor", "successor", "captain", "colonel", "general", "lieutenant",
        "sergeant", "soldier", "fighter", "militant", "commentator", "researcher", "expert", "economist", "historian",
        "author", "writer", "photographer", "cameraman", "producer", "presenter", "anchor", "host", "singer",
        "actor", "actress", "player", "coach", "manager", "owner", "employee", "volunteer", "coordinator",
        "representative", "negotiator", "mediator", "lawmaker", "legislator", "senator", "congressman",
        "congresswoman", "candidate", "opponent", "rival", "ally", "partner", "friend", "colleague", "relative",
        "victim", "villager", "shopkeeper", "driver", "pilot", "fisherman", "mp", "mep", "judge",
        "prosecutor", "investigator", "inspector", "surveyor", "engineer", "scientist", "specialist", "physician",
        "pastor", "priest", "cleric", "imam", "rabbi", "bishop", "monk", "chancellor", "king", "queen", "prince",
        "princess", "emir", "sheikh", "mr", "mrs", "ms", "dr", "boss", "administrator", "superintendent", "principal",
        "mum", "mom", "dad", "grandson", "granddaughter", "child", "girl", "boy", "man", "woman", "mayor-elect",
        "columnist", "blogger", "filmmaker", "artist", "poet", "novelist", "designer", "chef", "entrepreneur",
        "businessman", "businesswoman", "tycoon", "billionaire", "lecturer", "scholar", "diplomat", "envoy-elect",
    ]

    /// Verbs of saying: a name right before or after one is a person ("Vesile Mehmedova said", "said Nasser").
    static let reportingVerbs: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "explained", "stated", "wrote", "writes", "tweeted",
        "posted", "warned", "warns", "claimed", "noted", "asked", "announced", "confirmed", "denied", "insisted",
        "urged", "argued", "recalled", "described", "estimated", "acknowledged", "admitted", "alleged", "replied",
        "responded", "continued", "concluded", "commented", "revealed", "suggested", "stressed", "emphasised",
        "emphasized", "declared", "vowed", "pledged", "promised", "cautioned", "recounted", "remembered", "shouted",
        "whispered", "sobbed", "cried", "pleaded", "demanded", "questioned", "lamented", "complained", "explains",
        "believes", "thinks", "thought", "felt", "feels", "hopes", "hoped", "knew", "knows", "died", "lost",
    ]

    /// Days of the week, which follow a name in news copy ("Donald Trump Saturday held a rally"), folded.
    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Suffixes of a name that do not identify the person ("Jr", "III").
    static let nameSuffixes: Set<String> = ["jr", "sr", "junior", "senior"]

    /// Whether the words around `a..<b` show a person.
    func personContext(_ a: Int, _ b: Int) -> Bool {
        personContextBefore(a) || personContextAfter(b)
    }

    /// A role noun or a reporting verb before `a` ("spokesman X", "said X", "a Ganja resident, X",
    /// "according to X").
    func personContextBefore(_ a: Int) -> Bool {
        if lower(a - 1, .roleNouns) || lower(a - 1, .reportingVerbs) { return true }
        if a >= 2, tokens[a - 1].folded == ",", lower(a - 2, .roleNouns) { return true }
        if a >= 2, lowerWord(a - 1) == "to", lowerWord(a - 2) == "according" { return true }
        return false
    }

    /// A reporting verb, an age (", 41,"), ", who" or an appositive (", a spokesman for …") after `b`.
    func personContextAfter(_ b: Int) -> Bool {
        if lower(b, .reportingVerbs) { return true }
        if b + 1 < tokens.count, tokens[b].folded == "," {
            let next = tokens[b + 1]
            if next.isWord, let first = next.folded.unicodeScalars.first, ("0"..."9").contains(first) { return true }
            if next.folded == "who" || lower(b + 1, .reportingVerbs) { return true }
            if next.folded == "a" || next.folded == "an" || next.folded == "the" {
                var k = b + 2
                while k < tokens.count && k < b + 8 && tokens[k].isWord {
                    if has(k, .roleNouns) { return true }
                    k += 1
                }
            }
        }
        return false
    }

    /// Whether token `i` is a title or role noun.
    func isTitle(_ i: Int) -> Bool {
        tokens[i].isWord && (has(i, .titles) || has(i, .roleNouns))
    }

    /// The last title in `a..<b` followed by a capitalised word, and the index of that word.
    func titleSplit(_ a: Int, _ b: Int) -> (title: Int, name: Int)? {
        var k = b - 1
        while k >= a {
            let f = tokens[k].folded
            if has(k, .titles) || has(k, .roleNouns) {
                var n = k + 1
                while n < b && tokens[n].folded == "." { n += 1 }
                // "Secretary of Defense Lloyd Austin", "Inspector General of Police Douglas Kanja".
                if n < b && tokens[n].folded == "of" {
                    n += 1
                    while n < b && (tokens[n].folded == "the" || isStopword(n) || has(n, .organizationHeads)) { n += 1 }
                    if n >= b { return (k, b) }
                }
                if n < b && isNameToken(n) { return (k, n) }
            }
            k -= 1
        }
        return nil
    }

    /// The name after a title: a person, up to a connector that separates names ("… Netanyahu of Israel").
    mutating func classifyPerson(_ range: Range<Int>) {
        var a = range.lowerBound, b = range.upperBound
        while a < b && !isNameToken(a) { a += 1 }
        guard a < b else { return }
        if let k = (a..<b).first(where: { !tokens[$0].isCapitalized && has($0, .splittingConnectors) }) {
            classifyPerson(a..<k)
            classify(k + 1..<b)
            return
        }
        // A day after the name is no part of it ("CEO Ed Bastian Sunday said"); a month may be a surname
        // ("Theresa May").
        while b > a && (!isNameToken(b - 1) || Self.weekdays.contains(tokens[b - 1].folded)) { b -= 1 }
        guard a < b else { return }
        // A title before an organisation ("Chief of Staff" aside) or a country is not a person's name.
        if let m = match(a, b), m.end == b,
           entry(at: m.form.entry).type == .organization || entry(at: m.form.entry).subtype == "country" {
            emit(m.form, a, b)
            return
        }
        if let key = acronyms[tokens[a].folded], b - a == 1 {
            addMention(key, a, b)
            return
        }
        addPerson(a, b, strong: true)
    }

    /// The folded words that identify a person at `a..<b`: without suffixes ("jr", "III") and name particles,
    /// hyphenated parts apart ("Rami Al-Rifi" and "Rami al Rifi" are both "rami rifi").
    func personWords(_ a: Int, _ b: Int) -> [String] {
        var words: [String] = []
        var suffixes = 0
        for k in a..<b where tokens[k].isWord {
            guard tokens[k].isHyphenated else {
                if !has(k, .nameParticles) { words.append(tokens[k].folded) }
                continue
            }
            for part in tokens[k].folded.split(separator: "-") where !Self.nameParticles.contains(String(part)) {
                words.append(String(part))
            }
        }
        // Suffixes at the end ("Jr", "III") do not identify the person.
        var k = b - 1
        while k >= a && words.count - suffixes > 1 && tokens[k].isWord
                && (has(k, .nameSuffixes) || Self.isRomanNumeral(tokens[k].folded)) {
            suffixes += 1
            k -= 1
        }
        words.removeLast(suffixes)
        if words.isEmpty { words = (a..<b).filter { tokens[$0].isWord }.map { tokens[$0].folded } }
        return words
    }

    /// The key of a person's name at `a..<b`.
    func personKey(_ a: Int, _ b: Int) -> String {
        personWords(a, b).joined(separator: " ")
    }

    /// Records a person mention at `a..<b`.
    mutating func addPerson(_ a: Int, _ b: Int, strong: Bool = false) {
        var words = personWords(a, b)
        guard !words.isEmpty else { return }
        if strong || words.count >= 2 { strongPersonWords.formUnion(words) }
        // "(Hamas political leader Ismail) Haniyeh": the name goes on after the bracket.
        if b + 1 < tokens.count, tokens[b].folded == ")", isNameToken(b + 1), !isStopword(b + 1) {
            var c = b + 1
            while c < tokens.count && isNameToken(c) && !tokens[c - 1].isPossessive { c += 1 }
            words += personWords(b + 1, c)
            personMentions.append(PersonMention(words: words, mention: mention(a, b)))
            personMentions.append(PersonMention(words: words, mention: mention(b + 1, c)))
            knownPeople.insert(words.joined(separator: " "))
            lastKey = .person(words.joined(separator: " "))
            last = (c, .person)
            skipTo = c
            return
        }
        personMentions.append(PersonMention(words: words, mention: mention(a, b)))
        if words.count >= 2 { knownPeople.insert(words.joined(separator: " ")) }
        lastKey = .person(words.joined(separator: " "))
        last = (b, .person)
    }

    /// Whether `a` and `b` begin with the same `length` characters.
    static func sharePrefix(_ a: String, _ b: String, _ length: Int) -> Bool {
        a.count >= length && b.count >= length && a.prefix(length) == b.prefix(length)
    }

    /// Whether `word` is the last word of a person named in full so far.
    func isKnownSurname(_ word: String) -> Bool {
        personMentions.contains { $0.words.count >= 2 && $0.words.last == word }
    }

    /// Groups person mentions into people: a shorter name whose words all belong to a fuller one and that
    /// keeps its surname ("Hajiyev", "President Marcos"), or a single given name, is the same person.
    mutating func people() -> [(words: [String], name: String, mentions: [Mention])] {
        guard !personMentions.isEmpty else { return [] }
        var names: [[String]] = []
        for m in personMentions where !names.contains(m.words) { names.append(m.words) }
        let order = names.indices.sorted { (names[$0].count, -$0) > (names[$1].count, -$1) }
        var clusters: [[String]] = []
        var clusterOf: [[String]: Int] = [:]
        for index in order {
            let words = names[index]
            if let c = clusters.firstIndex(where: { full in
                words.allSatisfy { full.contains($0) } && (full.last == words.last || words.count == 1)
            }) ?? clusters.firstIndex(where: { full in
                // "Dasilver Aguiar" for "Alice Dasilva Aguiar": a shorter name with the same surname whose other
                // words are misspellings of the fuller name's (not a relative: "Omar Khadr", "Ahmed Said Khadr").
                words.count >= 2 && full.count > words.count && full.last == words.last
                    && words.dropLast().allSatisfy { word in full.dropLast().contains { Self.sharePrefix(word, $0, 5) } }
            }) {
                clusterOf[words] = c
            } else {
                clusters.append(words)
                clusterOf[words] = clusters.count - 1
            }
        }
        var mentions = Array(repeating: [Mention](), count: clusters.count)
        for m in personMentions {
            if let c = clusterOf[m.words] { mentions[c].append(m.mention) }
        }
        // A capitalised word with no evidence of its own that is a known person's surname or given name.
        for single in pendingSingles {
            if let c = clusters.firstIndex(where: { $0.count >= 2 && $0.last == single.word })
                ?? clusters.firstIndex(where: { $0.count >= 2 && $0.contains(single.word) }) {
                mentions[c].append(single.mention)
            }
        }
        // A town named like a known person's surname ("Santos", "Harris") is that person.
        let surnames = Set(clusters.filter { $0.count >= 2 }.compactMap(\.last))
        for (key, entity) in found where entity.subtype == "city" && entity.entry != nil {
            guard !surnames.isEmpty,
                  entity.mentions.allSatisfy({ !$0.isDemonym && surnames.contains($0.key) }) else { continue }
            for m in entity.mentions {
                if let c = clusters.firstIndex(where: { $0.count >= 2 && $0.last == m.key }) {
                    mentions[c].append(m)
                }
            }
            found[key] = nil
        }
        return clusters.indices.map { c in
            let sorted = mentions[c].sorted { $0.start < $1.start }
            let name = sorted.max { lhs, rhs in
                let l = lhs.text.split(separator: " ").count, r = rhs.text.split(separator: " ").count
                return (l, lhs.text.unicodeScalars.count) < (r, rhs.text.unicodeScalars.count)
            }?.text ?? clusters[c].joined(separator: " ")
            return (clusters[c], name, sorted)
        }
    }
}
