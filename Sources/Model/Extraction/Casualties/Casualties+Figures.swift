/// Reads one document's casualty figures; one reader per extraction call.
struct CasualtyReader {
    /// The casualty word lists.
    let lex: CasualtyLexicon
    /// The document being read.
    let document: Document
    /// Parts of the tokens of the sentence being read (`TokenPart`).
    var t: [TokenPart] = []
    /// The text of each part in `t` (kept apart so that parts stay plain values, cheap to read).
    var texts: [String] = []
    /// First part index of the sentence (the patterns never look before it).
    var lo = 0
    /// One past the last part index of the sentence (the patterns never look past it).
    var hi = 0

    /// A reader of `document` with `lexicon`.
    init(lexicon: CasualtyLexicon, document: Document) {
        self.lex = lexicon
        self.document = document
    }

    /// Every figure of the document in text order, duplicates included.
    ///
    /// Each sentence first goes through the cheap pre-filter on its tokens' hashes (a number and a casualty
    /// word near each other); only the few that pass are split into parts and read.
    mutating func read() -> [FoundFigure] {
        var figures: [FoundFigure] = []
        let tokens = document.tokens
        var first = 0
        while first < tokens.count {
            let s = Int(tokens[first].sentence)
            var end = first + 1
            while end < tokens.count && Int(tokens[end].sentence) == s { end += 1 }
            let range = first..<end
            first = end
            let p = document.sentences[s].paragraph
            // "…, killing at least four people. One of them was an infant girl.": a part of the figure that
            // ends the sentence before, in the same paragraph.
            if let last = figures.last, last.sentence == s - 1, last.paragraph == p, last.count != nil,
               startsWithPart(range) {
                (t, texts) = TokenPart.parts(of: range, in: document)
                lo = 0
                hi = t.count
                if let part = partOfPrevious(last, sentence: s) {
                    figures.append(part)
                    continue
                }
            }
            guard mayHoldFigure(range) else { continue }
            (t, texts) = TokenPart.parts(of: range, in: document)
            lo = 0
            hi = t.count
            figures.append(contentsOf: readSentence(s, paragraph: p))
        }
        return figures
    }

    /// The cheap pre-filter: whether the tokens of `range` hold a number (digits or a number word) within
    /// sixteen tokens of a casualty word, read from the hashes the tokenizer computed. The patterns never
    /// reach further than that between a number and its casualty word.
    func mayHoldFigure(_ range: Range<Int>) -> Bool {
        let reach = 16
        var lastNumber = Int.min / 2, lastCasualty = Int.min / 2
        let bytes = document.foldedBytes
        for k in range {
            let token = document.tokens[k]
            guard token.isWord else { continue }
            let fs = Int(token.foldedStart)
            let b = bytes[fs]
            let listed = lex.prefilterWords.value(of: token, in: document) ?? 0
            // Digits, a number word, or a hyphenated one ending in a number word ("twenty-one").
            if token.is(.number) || (b >= 0x30 && b <= 0x39) || listed & CasualtyLexicon.numberWordBit != 0
                || (token.is(.hyphen) && lex.numberWordTails.contains(token.tailHash)) {
                lastNumber = k
                if k - lastCasualty <= reach { return true }
            }
            if listed & CasualtyLexicon.casualtyWordBit != 0 {
                lastCasualty = k
                if k - lastNumber <= reach { return true }
            }
        }
        return false
    }

    /// Whether the sentence opens with a number and "of them" / "of those" (checked on tokens, so that only
    /// such sentences are split into parts for `partOfPrevious`).
    func startsWithPart(_ range: Range<Int>) -> Bool {
        guard range.count >= 3 else { return false }
        let k = range.lowerBound
        let first = document.tokens[k]
        guard first.isWord, first.is(.number) || NumberWords.starters.value(of: first, in: document) != nil else { return false }
        guard document.foldedString(document.tokens[k + 1]) == "of" else { return false }
        let w = document.foldedString(document.tokens[k + 2])
        return w == "them" || w == "those"
    }

    /// "One of them was an infant girl", "Three of them were children": a sub-count of the figure before,
    /// with the group its predicate names; nil unless the sentence is exactly that shape.
    func partOfPrevious(_ parent: FoundFigure, sentence s: Int) -> FoundFigure? {
        guard let phrase = numberPhrase(at: lo), !phrase.vague, let count = phrase.count, count < (parent.count ?? 0),
              word(phrase.end) == "of", word(phrase.end + 1) == "them" || word(phrase.end + 1) == "those" else { return nil }
        var k = phrase.end + 2
        guard let verb = word(k), verb == "was" || verb == "were" else { return nil }
        k += 1
        if let d = word(k), d == "a" || d == "an" { k += 1 }
        var group: VictimGroup?
        while k < hi, word(k) != nil, k - phrase.end < 8 {
            if let g = entry(lex.groups, k) {
                group = g
                k += 1
                if entry(lex.groups, k) != nil { k += 1 }  // "an infant girl"
                break
            }
            if isIn(CasualtyWords.function, k) || entry(lex.triggers, k) != nil { return nil }
            k += 1
        }
        // The predicate noun ends there: a full stop, a comma, or a relative clause ("… girl that arrived …").
        guard let group, k >= hi || t[k].isPunct || isIn(CasualtyWords.function, k) else { return nil }
        let span = TextSpan(start: t[lo].start, end: t[phrase.end - 1].end)
        return FoundFigure(kind: parent.kind, count: count, min: count, max: count, qualifier: .exact, group: group,
                           scope: parent.scope, sentence: s, paragraph: parent.paragraph, span: span)
    }

    // MARK: - Token helpers

    /// The lower-cased word at `i`, or nil for numbers, punctuation and indices outside the sentence.
    @inline(__always) func word(_ i: Int) -> String? {
        i >= lo && i < hi && t[i].isWord ? texts[i] : nil
    }

    /// The value `table` holds for the word at `i` (nil for numbers, punctuation and indices outside the
    /// sentence), using the hash the tokenizer computed.
    @inline(__always) func entry<V>(_ table: WordTable<V>, _ i: Int) -> V? {
        guard i >= lo && i < hi && t[i].isWord else { return nil }
        let start = t[i].foldedStart
        return table.value(hash: t[i].hash, bytes: document.foldedBytes[start..<(start + t[i].foldedCount)])
    }

    /// Whether the word at `i` is in `table`.
    @inline(__always) func isIn(_ table: WordTable<Bool>, _ i: Int) -> Bool { entry(table, i) != nil }

    /// Whether the word at `i` is a month name (English lexicon).
    @inline(__always) func isMonth(_ i: Int) -> Bool { i >= lo && i < hi && t[i].classes.contains(.month) }

    /// Whether the word at `i` is a day of the week (English lexicon).
    @inline(__always) func isWeekday(_ i: Int) -> Bool { i >= lo && i < hi && t[i].classes.contains(.weekday) }

    /// Whether the token at `i` is a quotation mark or bracket, which the patterns look through.
    @inline(__always) func isTransparent(_ i: Int) -> Bool {
        guard i >= lo && i < hi && t[i].isPunct else { return false }
        let m = texts[i]
        return m == "\"" || m == "[" || m == "]"
    }

    /// Whether the words of `phrase` stand at `i`.
    func matches(_ phrase: [String], at i: Int) -> Bool {
        guard i >= lo && i + phrase.count <= hi else { return false }
        for (n, w) in phrase.enumerated() where word(i + n) != w { return false }
        return true
    }

    /// The longest casualty phrase starting at `i` that has one of `roles`.
    func trigger(at i: Int, roles: CasualtyLexicon.Roles) -> CasualtyLexicon.Trigger? {
        guard let list = entry(lex.triggers, i) else { return nil }
        return list.first { !$0.roles.isDisjoint(with: roles) && matches($0.words, at: i) }
    }

    /// The longest casualty phrase ending at `i` that has one of `roles`.
    func trigger(endingAt i: Int, roles: CasualtyLexicon.Roles) -> CasualtyLexicon.Trigger? {
        guard let list = entry(lex.triggersByLast, i) else { return nil }
        return list.first { !$0.roles.isDisjoint(with: roles) && matches($0.words, at: i - $0.words.count + 1) }
    }

    /// A single-word casualty word at `i` with one of `roles`.
    func singleTrigger(_ i: Int, roles: CasualtyLexicon.Roles) -> CasualtyLexicon.Trigger? {
        guard let list = entry(lex.triggers, i) else { return nil }
        return list.first { $0.words.count == 1 && !$0.roles.isDisjoint(with: roles) }
    }

    // MARK: - Sentence

    /// Reads the figures of the current sentence (tokens `lo..<hi`).
    func readSentence(_ s: Int, paragraph: Int) -> [FoundFigure] {
        var candidates: [FigureCandidate] = []
        var i = lo
        while i < hi {
            if let killings = multipleKilling(at: i) {
                candidates.append(killings)
                i = killings.npEnd
            } else if let phrase = numberPhrase(at: i) {
                if !isNonCount(phrase) {
                    candidates.append(nounPhrase(after: phrase))
                }
                i = phrase.end
            } else {
                i += 1
            }
        }
        guard !candidates.isEmpty else { return [] }
        borrowCoordinatedHeads(&candidates)
        findKinds(&candidates)
        return figures(from: candidates, sentence: s, paragraph: paragraph)
    }

    /// "a double homicide", "the triple murder": a count of the dead in one word, with its kind; nil elsewhere.
    /// Not "a double homicide-suicide", which counts the killer too.
    func multipleKilling(at i: Int) -> FigureCandidate? {
        guard let w = word(i), let n = NumberWords.multiples[w], let noun = word(i + 1),
              CasualtyWords.killings.contains(noun), !t[i + 1].hyphenBefore,
              !(i + 2 < hi && t[i + 2].hyphenBefore) else { return nil }
        let phrase = NumberPhrase(start: i, first: i, end: i + 1, count: n, low: n, high: nil, vague: false,
                                  qualifier: .exact)
        var c = FigureCandidate(phrase: phrase, npEnd: i + 2)
        c.kindInNP = .killed
        return c
    }

    // MARK: - Numbers

    /// Parses a number phrase whose number starts at `i`, with its qualifier; nil when `i` starts no number.
    func numberPhrase(at i: Int) -> NumberPhrase? {
        guard i >= lo && i < hi, t[i].isNumber || isIn(NumberWords.starters, i) else { return nil }
        guard let (count, low, high, vague, end) = number(at: i) else { return nil }
        var phrase = NumberPhrase(start: i, first: i, end: end, count: count, low: low, high: high, vague: vague,
                                  qualifier: vague ? .vague : (high != nil ? .range : .exact))
        // Qualifier before, looking through fillers ("at least another 37", "a further 83").
        var k = i - 1
        while k >= lo, let w = word(k), isIn(CasualtyWords.fillers, k) {
            if w == "a" && word(k + 1) != "further" { break }
            k -= 1
        }
        if k >= lo, let list = entry(lex.qualifiersBefore, k) {
            for q in list where matches(q.words, at: k - q.words.count + 1) {
                if !vague && high == nil { phrase.qualifier = q.qualifier }
                phrase.start = k - q.words.count + 1
                break
            }
        }
        if high != nil && word(i - 1) == "between" { phrase.start = i - 1 }
        if phrase.start == i {
            // Fillers alone still belong to the phrase ("another 17 people").
            var f = i - 1
            while f >= lo, let w = word(f), w == "another" || w == "further" || (w == "a" && word(f + 1) == "further") {
                phrase.start = f
                f -= 1
            }
        }
        // Qualifier after ("50 or more").
        if let list = entry(lex.qualifiersAfter, end) {
            for q in list where matches(q.words, at: end) {
                if !vague && high == nil { phrase.qualifier = q.qualifier }
                phrase.end = end + q.words.count
                break
            }
        }
        return phrase
    }

    /// The number at `i`: (count, low, high, vague, end), or nil.
    func number(at i: Int) -> (Int?, Int, Int?, Bool, Int)? {
        guard i >= lo && i < hi else { return nil }
        var value: Double
        var end: Int
        if t[i].isNumber {
            value = t[i].value
            end = i + 1
            if let w = word(end), !t[end].hyphenBefore, !t[end].attachedBefore,
               let m = NumberWords.multipliers[w], w != "dozen" {
                value *= Double(m)
                end += 1
            } else if let w = word(end), w == "m" || w == "bn", t[end].attachedBefore, !t[end].hyphenBefore,
                      i == 0 || !(t[i - 1].isPunct && CasualtyWords.currency.contains(texts[i - 1])),
                      let n = word(end + 1), lex.groups[n] != nil {
                // "1.5m people": a glued "m" before a person noun is millions, not metres.
                value *= w == "m" ? 1_000_000 : 1_000_000_000
                end += 1
            }
        } else if t[i].isWord {
            let w = texts[i]
            if w == "a" || w == "an" {
                guard let next = word(i + 1), let m = NumberWords.multipliers[next] else { return nil }
                value = Double(m)
                end = i + 2
                if let more = word(end), let m2 = NumberWords.multipliers[more], m2 > m { value *= Double(m2); end += 1 }
            } else if w == "half" {
                // "half a dozen", "half a million", "half-a-million"
                guard word(i + 1) == "a", let next = word(i + 2), let m = NumberWords.multipliers[next] else { return nil }
                value = Double(m) / 2
                end = i + 3
            } else if let v = NumberWords.vagueCompounds[w], word(i + 1) == "of", let next = word(i + 2),
                      let least = v[next] {
                return (nil, least, nil, true, i + 3)
            } else if let least = NumberWords.vague[w] {
                return (nil, least, nil, true, i + 1)
            } else if w == "several" || w == "many" || (w == "few" && word(i - 1) == "a"),
                      let next = word(i + 1), let least = Self.vagueMultiples[next] {
                // "several hundred", "a few dozen": as vague as "hundreds", "dozens".
                return (nil, least, nil, true, i + 2)
            } else if w == "dozen" {
                value = 12
                end = i + 1
            } else if let v = NumberWords.value(of: w) {
                value = Double(v)
                end = i + 1
                // "forty-one", and without the hyphen "Thirty four workers died".
                if NumberWords.tens[w] != nil, let u = word(end), let uv = NumberWords.units[u],
                   uv > 0, uv < 10 {
                    value += Double(uv)
                    end += 1
                }
                if word(end) == "hundred" {
                    value *= 100
                    end += 1
                    if word(end) == "and", let u = word(end + 1), let uv = NumberWords.value(of: u) {
                        value += Double(uv)
                        end += 2
                    }
                }
                if let m = word(end), !t[end].hyphenBefore, let mv = NumberWords.multipliers[m], mv != 100 {
                    value *= Double(mv)
                    end += 1
                }
                if w == "one" {
                    // "one" is a pronoun in "the one killed", "no one", "one of the most …", "one another".
                    if let p = word(i - 1), CasualtyWords.oneBlockers.contains(p) { return nil }
                    if let n = word(end), n == "another" { return nil }
                    if word(end) == "of", let n = word(end + 1), !CasualtyWords.partitives.contains(n) { return nil }
                }
            } else {
                return nil
            }
        } else {
            return nil
        }
        // Absurdly long digit strings are no count of people (and would overflow `Int`).
        guard value < 1e12 else { return nil }
        // Ranges: "10-15", "200 to 300", "between 10 and 15".
        if end < hi, t[end].isNumber, t[end].hyphenBefore, t[end].value > value, t[end].value < 1e12 {
            let high = Int(t[end].value)
            return (Int(value), Int(value), high, false, end + 1)
        }
        if word(end) == "to" || (word(end) == "and" && word(i - 1) == "between"),
           let (c2, _, _, v2, e2) = number(at: end + 1), !v2, let c2 = c2 {
            // "between 1.1 and 1.5 million", "10 to 15 thousand": a bare low end shares the high end's
            // multiplier.
            if end == i + 1, let m = word(e2 - 1), let mv = NumberWords.multipliers[m], mv >= 1000,
               value < Double(mv), Double(c2) > value * Double(mv) {
                value *= Double(mv)
            }
            if Double(c2) > value { return (Int(value), Int(value), c2, false, e2) }
        }
        // Zero people is no figure ("zero casualties"), nor is a fraction of a person.
        guard value >= 1 else { return nil }
        return (Int(value), Int(value), nil, false, end)
    }

    /// Named conditions under which a number is not a count of people.
    func isNonCount(_ p: NumberPhrase) -> Bool {
        let i = p.first
        let e = p.end
        let hasNext = e < hi
        let prevWord = word(i - 1)
        // A model or designation joined to a word: "F-16", "X-59", "COVID-19", "M6", "A320".
        if (t[i].hyphenBefore || t[i].attachedBefore) && i > lo && t[i - 1].isWord { return true }
        // A sports score: numbers joined by a hyphen that are no range ("6-2", "1-0", "3-3"); an ascending
        // pair was read as a range by `number(at:)` and never reaches here.
        if t[i].hyphenBefore && i > lo && t[i - 1].isNumber { return true }
        if hasNext, t[e].isNumber, t[e].hyphenBefore { return true }
        // A number naming a product, index or road after a capitalised name: "Boeing 747", "S&P 500",
        // "FTSE 100". Not after the first word of the sentence, a qualifier ("About 40"), a number or
        // casualty word (an all-capitals "KILLED 300"), a month or a weekday ("Tuesday 19 soldiers").
        if i - 1 > lo, t[i - 1].isWord, t[i - 1].capitalized, !t[i].attachedBefore, !(t[i - 2].isPunct && texts[i - 2] != "&"),
           !isIn(CasualtyWords.function, i - 1), !isIn(CasualtyWords.fillers, i - 1), !isWeekday(i - 1),
           entry(lex.qualifiersBefore, i - 1) == nil, entry(lex.triggers, i - 1) == nil,
           !isIn(lex.numberWordHashes, i - 1), !isMonth(i - 1),
           // A title-case headline goes on with a capitalised casualty word: "Shooting Leaves 5 Shot".
           !(e < hi && t[e].isWord && t[e].capitalized && entry(lex.triggers, e) != nil) {
            return true
        }
        // A reference mark: "[13]".
        if i > lo, t[i - 1].isPunct, texts[i - 1] == "[", hasNext, t[e].isPunct, texts[e] == "]" { return true }
        // Money: "$415m", "£270m".
        if i > lo, t[i - 1].isPunct, CasualtyWords.currency.contains(texts[i - 1]) { return true }
        if hasNext {
            // A unit glued to the number: "9mm", "40km", "3am", "1990s", "10th".
            if t[e].isWord && t[e].attachedBefore && !t[e].hyphenBefore { return true }
            // A compound modifier: "28-year-old", "five-day", "550-seat", "22,000-strong".
            if t[e].isWord && t[e].hyphenBefore { return true }
            // Percentages and clock times: "30%", "4:45".
            if t[e].isPunct && (texts[e] == "%" || (texts[e] == ":" && e + 1 < hi && t[e + 1].isNumber)) {
                return true
            }
        }
        // The minutes of a clock time ("4:45"); a colon after a word opens a headline ("Police: 4 shot").
        if i - 1 > lo, t[i - 1].isPunct, texts[i - 1] == ":", t[i - 1].attachedBefore, t[i - 2].isNumber { return true }
        // Ages written without hyphens: "a two year old child", "2 month old".
        if let u = word(e), CasualtyWords.ageUnits.contains(u), word(e + 1) == "old" { return true }
        // Dates: "April 25", "25 April", "May 6".
        if i > lo, t[i - 1].isWord, t[i - 1].capitalized, isMonth(i - 1) { return true }
        if hasNext, t[e].isWord, t[e].capitalized, isMonth(e) { return true }
        // Years: a bare four-digit number from 1800 to 2100 ("in 2013", "since 2009"), unless people follow.
        if t[i].isNumber, t[i].end - t[i].start == 4, p.count != nil, (1800...2100).contains(p.low), p.high == nil || p.end - p.first <= 2 {
            if let n = word(p.end), lex.groups[n] != nil { return false }
            return true
        }
        // Ages: "aged 6 and 7", "both aged 27", "the ages of eight and 15", "aged between 5 and 6".
        if let w = prevWord, CasualtyWords.ageWords.contains(w) { return true }
        if let w = prevWord, w == "of" || w == "between", let w2 = word(i - 2), CasualtyWords.ageWords.contains(w2) {
            return true
        }
        if let w = prevWord, w == "between", let w2 = word(i - 3), CasualtyWords.ageWords.contains(w2) { return true }
        // The upper age: "ages 12 and 16 were wounded", "aged 5 to 7".
        if let w = prevWord, w == "and" || w == "to", i - 2 >= lo, t[i - 2].isNumber, let w3 = word(i - 3),
           CasualtyWords.ageWords.contains(w3) {
            return true
        }
        // Proportions: "1 in 10 men", "nearly 1 in 5 deaths", "3 out of 5 young people".
        if word(p.end) == "in", p.end + 1 < hi, t[p.end + 1].isNumber { return true }
        if word(p.end) == "out", word(p.end + 1) == "of", p.end + 2 < hi, t[p.end + 2].isNumber { return true }
        if prevWord == "in", i - 2 >= lo, t[i - 2].isNumber { return true }
        if prevWord == "of", word(i - 2) == "out", i - 3 >= lo, t[i - 3].isNumber { return true }
        // Decimals count measures, not people ("magnitude 7.3"), unless scaled ("1.5 million").
        if t[i].isNumber, t[i].decimal, p.end - p.first == 1 { return true }
        return false
    }

    // MARK: - Noun phrase

    /// Reads the noun phrase after a number: the victims' noun, units, casualty adjectives and nouns.
    func nounPhrase(after phrase: NumberPhrase) -> FigureCandidate {
        var c = FigureCandidate(phrase: phrase, npEnd: phrase.end)
        var k = phrase.end
        var steps = 0
        var unit = false
        var afterOf = false
        while k < hi && steps < 7 {
            steps += 1
            if isTransparent(k) { k += 1; continue }
            guard let w = word(k) else { break }
            if w == "more" || w == "other" || w == "others" || w == "additional" {
                c.others = true
                if w == "others" && c.group == nil { c.person = true }  // "shot two others"
                if c.group == nil { c.npEnd = k + 1 }  // "thousands more have been wounded", "70 others injured"
                k += 1
                if w == "others" { break }
                continue
            }
            if w == "of" {
                if let n = word(k + 1), CasualtyWords.partitives.contains(n), c.group == nil {
                    c.partAfter = true
                    c.npEnd = k + 2
                    break
                }
                if word(k + 1) == "the", k + 2 < hi, numberPhrase(at: k + 2) != nil, c.group == nil {
                    c.partOfNext = true
                    break
                }
                // "dozens of rebels", "hundreds of thousands of people": the noun follows "of".
                if c.group == nil && !afterOf && k == phrase.end + (phrase.end < hi && word(phrase.end) == "more" ? 1 : 0) {
                    afterOf = true
                    k += 1
                    // "five of its fighters", "three of the soldiers".
                    if let d = word(k), d == "its" || d == "their" || d == "our" || d == "his" || d == "her" || d == "the" {
                        // "five of the dead" names part of a toll stated elsewhere: no figure of its own.
                        if entry(lex.triggers, k + 1) != nil { break }
                        k += 1
                    }
                    continue
                }
                break
            }
            // A unit word before a person noun modifies it: "three family members", "two house guests".
            if isIn(lex.units, k), entry(lex.groups, k + 1) == nil { unit = true; c.npEnd = k + 1; break }
            if isIn(lex.units, k) { k += 1; continue }
            if let g = entry(lex.groups, k) {
                // Casualty nouns that also name people ("hostages") count as casualty nouns here.
                if let tr = singleTrigger(k, roles: .noun), entry(lex.groups, k + 1) == nil {
                    c.kindNoun = tr.kind
                }
                c.group = g
                c.person = true
                c.listed = true
                c.npEnd = k + 1
                k += 1
                // Compound nouns: "police officers", "police dogs", "security officers".
                if entry(lex.groups, k) != nil || isIn(lex.units, k) { continue }
                // Noun lists: "journalists and media workers", "patients, children and nurses".
                var m = k
                while m < hi, word(m) == "and" || (t[m].isPunct && texts[m] == ","),
                      let n = word(m + 1), !CasualtyWords.function.contains(n), lex.triggers[n] == nil,
                      !isIn(CasualtyWords.insertionOpeners, m + 1), !n.hasSuffix("ly"), numberPhrase(at: m + 1) == nil {
                    var e = m + 1
                    while let x = word(e), !CasualtyWords.function.contains(x), lex.triggers[x] == nil,
                          !lex.units.contains(x), e - m <= 3 { e += 1 }
                    guard e > m + 1, let last = word(e - 1), lex.groups[last] != nil || last.hasSuffix("s") else { break }
                    c.npEnd = e
                    m = e
                }
                break
            }
            // "1,000 displaced families", "3 injured dogs": the casualty word modifies a unit.
            if entry(lex.triggers, k) != nil, isIn(lex.units, k + 1) { unit = true; c.npEnd = k + 2; break }
            if let tr = singleTrigger(k, roles: .noun) {
                // "12 deaths", "three bodies", "more than 200 injuries", "eight dead", "seven missing".
                if entry(lex.groups, k + 1) != nil, let p = singleTrigger(k, roles: .passive) {
                    c.kindInNP = p.kind  // "26 injured people"
                    k += 1
                    continue
                }
                c.kindNoun = tr.kind
                c.kindNounIsAdjective = tr.roles.contains(.passive)
                c.npEnd = k + 1
                break
            }
            if let tr = singleTrigger(k, roles: .passive) {
                if let n = word(k + 1), lex.groups[n] != nil || (n.hasSuffix("s") && !CasualtyWords.function.contains(n)) {
                    c.kindInNP = tr.kind  // "55 missing people", "thousands of displaced people"
                    k += 1
                    continue
                }
                break
            }
            if isIn(CasualtyWords.function, k) || entry(lex.triggers, k) != nil { break }
            let nextIsWord = word(k + 1) != nil && !isIn(CasualtyWords.function, k + 1) && entry(lex.triggers, k + 1) == nil
            if t[k].capitalized {
                // A demonym plural heads the phrase ("38 Yemenis", "19 Palestinians"); other capitals modify it.
                if w.hasSuffix("s"), w.count > 3, !(k + 1 < hi && t[k + 1].isWord && t[k + 1].capitalized),
                   !(nextIsWord && (entry(lex.groups, k + 1) != nil || !t[k + 1].capitalized)) {
                    c.group = .people
                    c.person = true
                    c.npEnd = k + 1
                    break
                }
                k += 1
                continue
            }
            if w.hasSuffix("ly") { break }
            if w.hasSuffix("s"), !w.hasSuffix("ss"), !nextIsWord {
                // An unlisted plural heads the phrase. It names people when it has a person-noun ending
                // ("expatriates", "paramedics", "Hindus" as a capital above); otherwise it is a thing
                // ("proposals", "programmes") and the number counts no one.
                if Self.personEndings.contains(where: { w.hasSuffix($0) }) {
                    c.group = .people
                    c.person = true
                } else {
                    unit = true
                }
                c.npEnd = k + 1
                break
            }
            if nextIsWord { k += 1; continue }  // an adjective: "armed", "foreign", "high-ranking"
            break
        }
        if unit { c.unit = true; c.kindNoun = nil; c.kindInNP = nil; c.group = nil; c.person = false }
        return c
    }

    /// The least value of "several …" / "a few …" amounts, as of their plural forms.
    static let vagueMultiples = ["dozen": 24, "hundred": 200, "thousand": 2_000, "million": 2_000_000]

    /// Endings of plural person nouns ("workers", "doctors", "activists", "civilians", "firemen", "refugees",
    /// "medics"), used only for plurals missing from `groups.tsv`.
    static let personEndings = ["ers", "ors", "ists", "ians", "men", "ees", "ics", "ents", "ates"]

    /// "hundreds and probably thousands of men": the first number shares the noun of the second.
    func borrowCoordinatedHeads(_ cs: inout [FigureCandidate]) {
        guard cs.count > 1 else { return }
        for n in stride(from: cs.count - 2, through: 0, by: -1) where !cs[n].unit && cs[n].group == nil {
            var k = cs[n].npEnd
            guard word(k) == "and" || word(k) == "or" else { continue }
            k += 1
            while let w = word(k), w.hasSuffix("ly") || w == "probably" || w == "perhaps" || w == "even" { k += 1 }
            if cs[n + 1].phrase.start == k, cs[n + 1].group != nil {
                cs[n].group = cs[n + 1].group
                cs[n].person = cs[n + 1].person
                cs[n].listed = cs[n + 1].listed
            }
        }
    }
}

extension CasualtyReader {
    // MARK: - Finishing

    /// Removes restated figures, finds places and numbers the figures in text order.
    ///
    /// A figure restates an earlier one when kind and count are the same and the wordings do not bound the
    /// number from opposite sides ("as many as 80" and "more than 80" are two claims; "at least eight" and
    /// "eight" are one). Vague amounts are never merged: two "dozens" need not be the same dozens.
    static func finish(_ found: [FoundFigure], document: Document, entities: [ArticleEntity]) -> [Casualty] {
        var kept: [FoundFigure] = []
        for f in found.sorted(by: { $0.span < $1.span }) {
            let restated = f.count != nil && kept.contains { k in
                k.kind == f.kind && k.count == f.count && !opposite(k.qualifier, f.qualifier)
            }
            if !restated { kept.append(f) }
        }
        let places = PlaceFinder(document: document, entities: entities)
        return kept.enumerated().map { n, f in
            let sentence = document.sentences[f.sentence]
            return Casualty(
                id: "\(document.id)-c\(n + 1)", articleId: document.id, date: document.date, kind: f.kind,
                count: f.count, min: f.min, max: f.max, qualifier: f.qualifier, group: f.group, scope: f.scope,
                location: places.place(for: f, sentence: sentence), sentence: document.text(of: sentence), span: f.span,
                paragraph: f.paragraph)
        }
    }

    /// Whether two qualifiers bound a number from opposite sides.
    static func opposite(_ a: CasualtyQualifier, _ b: CasualtyQualifier) -> Bool {
        let above: Set<CasualtyQualifier> = [.moreThan, .atLeast]
        let below: Set<CasualtyQualifier> = [.upTo, .fewerThan, .nearly]
        return (above.contains(a) && below.contains(b)) || (below.contains(a) && above.contains(b))
    }
}
