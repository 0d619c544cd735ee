/// People: names after a title or role, next to a reporting verb, or of two or more unknown capitalised
/// words; a surname alone later is the same person.
extension EntityCollector {
    /// Suffixes of a name that do not identify the person ("Jr", "III").
    static let nameSuffixes: Set<String> = ["jr", "sr", "junior", "senior"]

    /// Whether the words around `a..<b` show a person.
    func personContext(_ a: Int, _ b: Int) -> Bool {
        personContextBefore(a) || personContextAfter(b)
    }

    /// A role noun or a reporting verb before `a` ("spokesman X", "said X", "a Ganja resident, X",
    /// "according to X").
    func personContextBefore(_ a: Int) -> Bool {
        if lowerA(a - 1, .role) || isPersonVerb(a - 1) { return true }
        if a >= 2, isText(a - 1, ","), lowerA(a - 2, .role) { return true }
        if a >= 2, lowerWord(a - 1) == "to", lowerWord(a - 2) == "according" { return true }
        return false
    }

    /// A reporting verb, an age (", 41,"), ", who" or an appositive (", a spokesman for …") after `b`.
    func personContextAfter(_ b: Int) -> Bool {
        if isPersonVerb(b) { return true }
        if b + 1 < tokens.count, isText(b, ",") {
            let next = tokens[b + 1]
            if next.isWord, let first = document.folded(next).first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
                return true
            }
            if isText(b + 1, "who") || isPersonVerb(b + 1) { return true }
            if isText(b + 1, "a") || isText(b + 1, "an") || isText(b + 1, "the") {
                var k = b + 2
                while k < tokens.count && k < b + 8 && tokens[k].isWord {
                    if isA(k, .role) { return true }
                    k += 1
                }
            }
        }
        return false
    }

    /// An age or a "who" clause after `b` (", 41,", ", who"), which only a person takes ("Duran, 45, …");
    /// a verb after a comma may belong to another subject ("Homs, which includes Palmyra, told …").
    func ageOrWhoAfter(_ b: Int) -> Bool {
        guard b + 1 < tokens.count, isText(b, ",") else { return false }
        if isText(b + 1, "who") { return true }
        guard tokens[b + 1].isWord, let first = document.folded(tokens[b + 1]).first else { return false }
        return first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
    }

    /// Whether token `i` is a title or role noun.
    func isTitle(_ i: Int) -> Bool {
        tokens[i].isWord && isA(i, .role)
    }

    /// The last title in `a..<b` followed by a capitalised word, and the index of that word.
    func titleSplit(_ a: Int, _ b: Int) -> (title: Int, name: Int)? {
        var k = b - 1
        while k >= a {
            if isA(k, .role) {
                var n = k + 1
                while n < b && isText(n, ".") { n += 1 }
                // "Secretary of Defense Lloyd Austin", "Inspector General of Police Douglas Kanja".
                if n < b && isText(n, "of") {
                    n += 1
                    while n < b && (isText(n, "the") || isStopword(n) || has(n, .organizationHeads)) { n += 1 }
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
        while b > a && (!isNameToken(b - 1) || isA(b - 1, .weekday)) { b -= 1 }
        guard a < b else { return }
        // "President of Azerbaijan Hikmet Hajiyev": the place the title is of, then the person.
        if let place = placeBeforeName(a, b) {
            emit(place.form, a, place.end)
            a = place.end
        }
        // A title before an organisation ("Chief of Staff" aside) or a country is not a person's name.
        if let m = match(a, b), m.end == b,
           entry(at: m.form.entry).type == .organization || entry(at: m.form.entry).subtype == "country" {
            emit(m.form, a, b)
            return
        }
        if let key = acronyms[word(a)], b - a == 1 {
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
                if !isA(k, .particle) { words.append(word(k)) }
                continue
            }
            for part in word(k).splitASCII(0x2D) where !english[String(part)].contains(.particle) {
                words.append(String(part))
            }
        }
        // Suffixes at the end ("Jr", "III") do not identify the person.
        var k = b - 1
        while k >= a && words.count - suffixes > 1 && tokens[k].isWord
                && (has(k, .nameSuffixes) || Self.isRomanNumeral(word(k))) {
            suffixes += 1
            k -= 1
        }
        words.removeLast(suffixes)
        if words.isEmpty { words = (a..<b).filter { tokens[$0].isWord }.map { word($0) } }
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
        if b + 1 < tokens.count, isText(b, ")"), isNameToken(b + 1), !isStopword(b + 1) {
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

    /// `text.split(separator: " ").count`: the runs of characters other than a space. Counted over the bytes
    /// when the text is ASCII (each byte a character, "\r\n" aside, which is no space either).
    static func wordCount(_ text: String) -> Int {
        var text = text
        let count = text.withUTF8 { bytes -> Int? in
            var words = 0
            var inWord = false
            for b in bytes {
                if b >= 0x80 { return nil }
                if b == 0x20 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                }
            }
            return words
        }
        return count ?? text.split(separator: " ").count
    }

    /// Whether `a` and `b` begin with the same `length` characters.
    static func sharePrefix(_ a: String, _ b: String, _ length: Int) -> Bool {
        a.count >= length && b.count >= length && a.prefix(length) == b.prefix(length)
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
            // The mention with the most words, then the most scalars (the first such): each one's size counted
            // once, not twice a comparison.
            var longest: String?
            var best = (0, 0)
            for m in sorted {
                let size = (Self.wordCount(m.text), m.text.unicodeScalars.count)
                if longest == nil || best < size { longest = m.text; best = size }
            }
            let name = longest ?? clusters[c].joined(separator: " ")
            return (clusters[c], name, sorted)
        }
    }
}
