/// Reading an attribution: the reporting cue and the phrase that names who spoke.
extension QuoteExtractor {
    /// A paragraph prepared for attribution: its scalars, quoted segments and tokens.
    struct Paragraph {
        /// Paragraph index in the document.
        let index: Int
        /// Scalar offset of the paragraph in the document text.
        let offset: Int
        /// The paragraph's scalars.
        let scalars: [Unicode.Scalar]
        /// Quoted segments, in order.
        let segments: [Segment]
        /// Items: the document's tokens, each segment one `.quote` item.
        let tokens: [Item]
        /// Item index of each segment.
        let segmentTokens: [Int]
        /// The paragraph's tokens in the document (words inside quotations included).
        let words: ArraySlice<Token>
        /// Folded names and aliases of the people the entity list holds ("charlie king").
        var people: Set<String> = []
        /// Folded names and aliases of the organisations and places the entity list holds ("washington post").
        var bodies: Set<String> = []

        /// Number of word tokens that start inside a scalar range of the paragraph.
        func wordCount(_ range: Range<Int>) -> Int {
            var count = 0
            for token in words where token.isWord && range.contains(Int(token.start) - offset) { count += 1 }
            return count
        }

        /// The text of a scalar range, encoded straight into a new string.
        func text(_ start: Int, _ end: Int) -> String {
            QuoteExtractor.string(scalars, start..<end)
        }

        /// The text from the first to the last of a token range, the last token's possessive ending dropped.
        func text(tokens range: Range<Int>) -> String {
            let last = tokens[range.upperBound - 1]
            return text(tokens[range.lowerBound].start, last.wordEnd)
        }
    }

    /// What an attribution phrase names, before it is resolved against the rest of the article.
    struct Mention {
        /// The kind of phrase.
        enum Kind {
            /// A person's name, possibly a surname only ("Hikmet Hajiyev", "Vall" with a role).
            case person
            /// A bare capitalised name that may be a surname, a body or a place ("Hagari", "Hezbollah").
            case name
            /// An organisation ("the defence ministry", "Merseyside Police", "IDF").
            case organization
            /// A place ("Saudi Arabia").
            case place
            /// A pronoun ("he").
            case pronoun
            /// A text rather than a speaker ("the statement").
            case document
            /// A role with no name ("a Ganja resident", "Israeli officials").
            case role
            /// Nothing usable.
            case none
        }

        /// The kind of phrase.
        var kind: Kind
        /// The name as written, for persons, names, organisations and places.
        var name: String? = nil
        /// The role or title, without articles.
        var role: String? = nil
        /// For roles: a plural ("officials"), which names no one speaker.
        var plural = false
        /// For "the 45-year-old": the age.
        var age: String? = nil
        /// For pronouns: the gender they tell ("she").
        var gender: QuoteLexicon.Gender? = nil
        /// For pronouns: what they may stand for.
        var pronoun: QuoteLexicon.PronounKind? = nil
        /// Scalar range of the name in its paragraph.
        var nameRange: Range<Int>? = nil
        /// For organisations: a definite description in lower case ("the ministry"), which refers back to
        /// a body named before; for roles: a role after "the" ("the senator"), which refers back to a person.
        var definite = false

        /// Nothing usable.
        static let none = Mention(kind: .none)
    }

    /// A reporting cue ("said", "told CNN", "according to") found in a paragraph.
    struct Cue {
        /// Paragraph index.
        var paragraph: Int
        /// Token index of its first word.
        var index: Int
        /// Number of words (1 or 2).
        var width: Int
        /// How it attaches its speaker.
        var kind: QuoteLexicon.CueKind
        /// Scalar range of the cue in its paragraph ("said", "told CNN", "according to").
        var range: Range<Int>
    }

    /// Reads cues and speaker phrases in one paragraph.
    struct AttributionReader {
        /// The word lists.
        let lexicon: QuoteLexicon
        /// The paragraph read.
        let paragraph: Paragraph
        /// Its tokens.
        private let tokens: [Item]

        /// Creates a reader of `paragraph`.
        init(lexicon: QuoteLexicon, paragraph: Paragraph) {
            self.lexicon = lexicon
            self.paragraph = paragraph
            self.tokens = paragraph.tokens
        }

        /// The reporting cue starting at token `i`, if any.
        func cue(at i: Int) -> Cue? {
            let t = tokens[i]
            guard t.kind == .word, !t.possessive, t.info.cue != nil || t.info.startsPhrase else { return nil }
            if t.info.startsPhrase, let options = lexicon.phrases[t.lower], i + 1 < tokens.count,
               tokens[i + 1].kind == .word {
                for option in options where option.next == tokens[i + 1].lower {
                    return Cue(paragraph: paragraph.index, index: i, width: 2, kind: option.kind, range: t.start..<tokens[i + 1].wordEnd)
                }
            }
            guard let kind = t.info.cue else { return nil }
            // "Trump's claims", "the claims", "of Republican claims": a noun, not a verb.
            if t.info.speech, i > 0, tokens[i - 1].kind == .word {
                let previous = tokens[i - 1]
                if previous.possessive || previous.info.isA(.determiner) { return nil }
                // ... but "on Monday warning": a time phrase before a participle.
                if i > 1, tokens[i - 2].kind == .word, tokens[i - 2].info.isA(.preposition), !tokens[i - 2].capitalized,
                   !previous.info.isA([.weekday, .month, .notName]) {
                    return nil
                }
            }
            // "a man called Mohammad Abdul Jawad": naming, not speaking.
            if t.info.isA(.naming), i > 0, i + 1 < tokens.count, tokens[i + 1].capitalized,
               tokens[i - 1].kind == .word, !tokens[i - 1].capitalized {
                return nil
            }
            // "told CNN", "told Reuters": the cue names the outlet it went to.
            if t.lower == "told", i + 1 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 1].capitalized {
                return Cue(paragraph: paragraph.index, index: i, width: 1, kind: kind, range: t.start..<tokens[i + 1].wordEnd)
            }
            return Cue(paragraph: paragraph.index, index: i, width: 1, kind: kind, range: t.start..<t.wordEnd)
        }

        /// First token of the clause that ends just before token `i`: after the last sentence end or quotation.
        func clauseStart(before i: Int) -> Int {
            var j = i - 1
            while j >= 0 && !tokens[j].endsClause && tokens[j].kind != .quote { j -= 1 }
            return j + 1
        }

        /// One past the last token of the clause that starts at token `i`.
        func clauseEnd(from i: Int) -> Int {
            var j = i
            while j < tokens.count && !tokens[j].endsClause && tokens[j].kind != .quote { j += 1 }
            return j
        }

        /// Who the cue names: the subject before it ("Hajiyev said"), or, with nothing before it, the phrase
        /// after it ("said Hajiyev", "according to the ministry"). A subject joined by "and" to an earlier
        /// cue of the same sentence ("decried ... and vowed") is that cue's speaker.
        func mention(for cue: Cue) -> Mention {
            let start = clauseStart(before: cue.index)
            if cue.kind == .participle {
                // "footage of Hillary Clinton asking, “…”": the name the participle follows, past a time
                // phrase ("… on Saturday vowing").
                var end = cue.index
                if end - 2 > start, tokens[end - 1].kind == .word, tokens[end - 1].capitalized, tokens[end - 1].info.isA(.notName),
                   tokens[end - 2].kind == .word, tokens[end - 2].info.isA(.preposition) {
                    end -= 2
                }
                let run = nameRunStart(before: end)
                if run < end, run == start || tokens[run - 1].kind == .word {
                    let named = classify(run, end, roleEnd: end)
                    if named.kind == .person || named.kind == .name { return named }
                }
                // "with Prime Minister Benjamin Netanyahu’s office vowing …": a person's office.
                if end - 2 > start, tokens[end - 1].kind == .word, !tokens[end - 1].capitalized,
                   tokens[end - 1].info.organisation != nil, tokens[end - 2].possessive {
                    var j = end - 1
                    while j > start && (isNameWord(tokens[j - 1]) || isRole(tokens[j - 1])) { j -= 1 }
                    let named = classify(j, end, roleEnd: end)
                    if named.kind == .organization, named.name != nil { return named }
                }
                // "the Security Council issued a statement calling …": the name that issued the document.
                if cue.index > 1, tokens[cue.index - 1].kind == .word, tokens[cue.index - 1].info.document,
                   !tokens[cue.index - 1].capitalized {
                    var j = cue.index - 2
                    while j > start && cue.index - 1 - j <= Self.issuerReach && tokens[j].kind == .word
                            && !tokens[j].capitalized && !tokens[j].info.isA([.preposition, .conjunction, .clause]) {
                        j -= 1
                    }
                    let run = nameRunStart(before: j + 1)
                    if run <= j {
                        let named = classify(run, j + 1, roleEnd: j + 1)
                        if [.person, .name, .organization].contains(named.kind) { return named }
                    }
                }
                // "..., saying ...": the subject of the sentence, else the speaker of its verb.
                let subject = sentenceSubject(from: sentenceStart(before: cue.index))
                if subject.kind != .none { return subject }
                if let earlier = earlierCue(before: cue.index), earlier.kind != .participle {
                    return mention(for: earlier)
                }
                return .none
            }
            if cue.kind != .source {
                let subject = subjectMention(start..<cue.index)
                // "… the company is starting to look like the broadcasters it sought to replace, said Tim
                // Nollen, an analyst": a verb of speech right after a comma that closes a clause with no
                // person for its subject is inverted; the person named after it speaks.
                if cue.kind == .speech, cue.index - 1 > start, tokens[cue.index - 1].isPunct(","),
                   ![.person, .name, .role].contains(subject.kind), hasContent(start..<(cue.index - 1)) {
                    let from = cue.index + cue.width
                    let object = objectMention(from..<clauseEnd(from: from))
                    if object.kind == .person, let name = object.name, name.contains(" ") { return object }
                }
                if subject.kind != .none { return subject }
                if isCoordinated(start..<cue.index) {
                    // "... congratulated Netanyahu and said ...": the subject of the sentence.
                    if let earlier = earlierCue(before: start) {
                        let found = mention(for: earlier)
                        if found.kind != .none { return found }
                    }
                    return sentenceSubject(from: sentenceStart(before: cue.index))
                }
                if hasContent(start..<cue.index) { return .none }
            }
            guard cue.kind == .speech || cue.kind == .source || cue.kind == .relay else { return .none }
            let from = cue.index + cue.width
            return objectMention(from..<clauseEnd(from: from))
        }

        /// The owner of a statement that a quotation inside a sentence with no reporting verb reports:
        /// "Trump’s claim that there were “thousands of shootings”", "his remark that it was “a disgrace”".
        /// The possessive name or "his", "her" before a speech or document noun, right before the quotation
        /// or before "that" and a few words with no sentence end, quotation or cue between.
        func statementOwner(before quote: Int) -> Mention {
            var k = quote - 1
            while k >= 0 && quote - k <= Self.ownerReach {
                let t = tokens[k]
                if t.endsClause || t.kind == .quote || t.info.cue != nil { return .none }
                let noun = t.kind == .word && t.lower == "that" && !t.capitalized ? k - 1 : (k == quote - 1 ? k : -1)
                if noun >= 1, tokens[noun].kind == .word, !tokens[noun].capitalized,
                   tokens[noun].info.speech || tokens[noun].info.document {
                    let owner = tokens[noun - 1]
                    guard owner.kind == .word else { return .none }
                    if !owner.capitalized && (owner.lower == "his" || owner.lower == "her") {
                        var m = Mention(kind: .pronoun)
                        m.pronoun = .person
                        m.gender = lexicon.genders[owner.lower]
                        return m
                    }
                    guard owner.possessive, isNameWord(owner) else { return .none }
                    var start = noun - 1
                    while start > 0 && isNameWord(tokens[start - 1]) && !tokens[start - 1].possessive { start -= 1 }
                    let found = classify(start, noun, roleEnd: noun)
                    return [.person, .name, .organization].contains(found.kind) ? found : .none
                }
                k -= 1
            }
            return .none
        }

        /// How many lower-case words ("issued a") stand at most between an issuer and its document.
        static let issuerReach = 3

        /// How many items before a quotation `statementOwner` reads.
        static let ownerReach = 8

        /// First token of the sentence that holds token `i`.
        func sentenceStart(before i: Int) -> Int {
            var s = i - 1
            while s >= 0 && !tokens[s].endsClause && !endsSentence(quoteAt: s) { s -= 1 }
            return s + 1
        }

        /// The nearest cue before token `i` in the same sentence, looking past quotations.
        func earlierCue(before i: Int) -> Cue? {
            var j = i - 1
            while j >= 0 && !tokens[j].endsClause {
                if let found = cue(at: j) { return found }
                j -= 1
            }
            return nil
        }

        /// Whether the range holds anything but punctuation.
        private func hasContent(_ range: Range<Int>) -> Bool {
            range.contains { tokens[$0].kind == .word }
        }

        /// Whether the words before a cue are only "and" or "but" (a second verb of the same subject).
        private func isCoordinated(_ range: Range<Int>) -> Bool {
            guard let last = range.last(where: { tokens[$0].kind == .word && !tokens[$0].info.isA(.filler) })
            else { return false }
            return tokens[last].info.isA(.conjunction)
        }

        /// The speaker named by the words before a cue. Appositives are read both ways round: "a Ganja
        /// resident, Vesile Mehmedova" and "Hikmet Hajiyev, an aide to the president"; side clauses
        /// ("..., who lives nearby,", "..., in a statement,") between the name and the verb are skipped.
        func subjectMention(_ range: Range<Int>) -> Mention {
            let found = subjectParts(range)
            if found.kind != .none { return found }
            // "... comes as Saudi King Salman announced", "what he said": the subject follows the last
            // conjunction or clause word.
            var i = range.upperBound - 1
            while i >= range.lowerBound {
                let t = tokens[i]
                // ... or the last reporting verb: "The government said it condemned ...".
                let boundary = t.info.isA(.conjunction) || t.info.isA(.clause)
                    || (t.info.cue != nil && !t.capitalized)
                if t.kind == .word && boundary && !isJoiner(i, range.lowerBound, range.upperBound) {
                    // A description is read only from the clause start: after "who watched …" a name is an object.
                    return i + 1 < range.upperBound ? subjectParts((i + 1)..<range.upperBound, described: false) : .none
                }
                i -= 1
            }
            return .none
        }

        /// The subject of a clause read part by part from the verb backwards.
        /// With `described`, a name after a description counts ("Arsenal centre back Tomas Varga said").
        private func subjectParts(_ range: Range<Int>, described: Bool = true) -> Mention {
            var end = range.upperBound
            let start = range.lowerBound
            while end > start {
                let t = tokens[end - 1]
                if t.separatesParts || (t.kind == .word && t.info.isA(.filler)) {
                    end -= 1
                    continue
                }
                // A time phrase before the verb: "Netanyahu on Saturday announced".
                if end - 2 >= start, t.kind == .word, t.capitalized, t.info.isA(.notName),
                   tokens[end - 2].kind == .word, tokens[end - 2].info.isA(.preposition) {
                    end -= 2
                    continue
                }
                break
            }
            guard end > start else { return .none }
            let parts = split(start..<end)
            var index = parts.count - 1
            while index >= 0 {
                var part = parts[index]
                // A party tag after a lawmaker's name: "Mitch McConnell, R-Ky., said".
                if index > 0 && (isPartyTag(part) || isAge(part)) { index -= 1; continue }
                var opener = false
                let first = tokens[part.lowerBound]
                if first.kind == .word && first.info.isA(.clause) {
                    opener = true
                    part = (part.lowerBound + 1)..<part.upperBound
                }
                var found = part.isEmpty ? Mention.none : phrase(part, whole: true)
                // "the Hales, retirees from Ankeny, Iowa, wrote": a place set off by commas right after a
                // capitalised place ("Ankeny") is the second half of an address, not the subject ("On
                // Monday, Russia said" keeps its subject: no comma after it, and a day is no place).
                let place = found.kind == .place
                    || found.kind == .name && found.name.map { paragraph.bodies.contains($0.applyingFolding()) } == true
                if place, index > 0, part.upperBound < range.upperBound, tokens[part.upperBound].isPunct(","),
                   tokens[part.lowerBound - 1].isPunct(","), isNameWord(tokens[parts[index - 1].upperBound - 1]) {
                    index -= 1
                    continue
                }
                // "A man called Mohammad Abdul Jawad": the name after the naming word, the role before it.
                if found.kind == .none, let naming = part.first(where: {
                    tokens[$0].kind == .word && !tokens[$0].capitalized && tokens[$0].info.isA(.naming)
                }), naming + 1 < part.upperBound {
                    let named = phrase((naming + 1)..<part.upperBound, whole: true)
                    if named.kind == .person || named.kind == .name {
                        found = named
                        found.kind = .person
                        let role = phrase(part.lowerBound..<naming, whole: true)
                        if role.kind == .role { found.role = role.role }
                    }
                }
                if found.kind == .none, first.kind == .word, first.info.isA(.preposition) {
                    // "In a Bloomberg interview Trump declared": the name that ends an adverbial part.
                    let run = nameRunStart(before: part.upperBound)
                    if run > part.lowerBound + 1, run < part.upperBound, tokens[run - 1].kind == .word,
                       !tokens[run - 1].capitalized, !tokens[run - 1].info.isA([.preposition, .determiner]) {
                        let named = classify(run, part.upperBound, roleEnd: part.upperBound)
                        if named.kind == .person || named.kind == .name { return named }
                    }
                }
                // "Arsenal centre back Tomas Varga told": a description before the name.
                if found.kind == .none && described { found = describedName(part) }
                // "Kenneth Baer, a former official who runs a consultancy, said": the role before the clause.
                if found.kind == .none && index > 0 { found = relativeRole(part) }
                if found.kind == .none {
                    // A side clause or adverbial between the speaker and the verb; an appositive that is
                    // no role ("…, one of the states suing the EPA, said"); a party tag ("R-Ky.").
                    // An appositive is set off by a comma before the verb ("…, one of the states suing the
                    // EPA, said"); "the farm equipment maker also said" is the subject itself.
                    let setOff = part.upperBound < range.upperBound && tokens[part.upperBound].separatesParts
                    if opener || isSideClause(part) || (isAppositive(part) && setOff) { index -= 1; continue }
                    // "Dana Whitlock, counsel to the Consumer Data Coalition said": an appositive whose closing
                    // comma the text leaves out, after a person's full name.
                    if !setOff, index > 0, let named = unclosedAppositive(part, after: parts[index - 1]) { return named }
                    return .none
                }
                guard index > 0 else { return found }
                let description = found.kind == .organization && found.name == nil
                if (found.kind == .role && !found.plural) || description {
                    // An appositive after the name: "Hikmet Hajiyev, an aide to the president,", "Nasser, of
                    // the Palmyra Media Centre - a monitoring group on the ground -".
                    var back = index - 1
                    // "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security
                    // Council, said": the role is the one right after the name.
                    var role = found.role
                    while back > 0 && (isSideClause(parts[back]) || isAppositive(parts[back])
                                       || isRolePart(parts[back])) {
                        if isRolePart(parts[back]) { role = phrase(parts[back], whole: true).role }
                        back -= 1
                    }
                    var previous = phrase(parts[back], whole: true)
                    if previous.kind == .person || previous.kind == .name {
                        if !description {
                            previous.kind = .person
                            previous.role = role
                        }
                        return previous
                    }
                } else if (found.kind == .person || found.kind == .name) && found.role == nil {
                    let previous = phrase(parts[index - 1], whole: true)
                    if previous.kind == .role && !previous.plural {
                        found.kind = .person
                        found.role = previous.role
                    }
                }
                return found
            }
            return .none
        }

        /// The speaker named after a cue ("said Safadi, who lives nearby" -> Safadi; "said Hikmet
        /// Hajiyev, an aide to the president" -> with that role).
        func objectMention(_ range: Range<Int>) -> Mention {
            let parts = split(range)
            guard let first = parts.first else { return .none }
            var found = phrase(first, whole: false)
            // "says developer Nia Kamau": a description before the name.
            if found.kind == .none { found = describedName(first) }
            // "said Olek Brandt, 72, a farmer": the age after the name is no part of it.
            let rest = parts.dropFirst().filter { !isAge($0) }
            if (found.kind == .person || found.kind == .name) && found.role == nil, let second = rest.first {
                var next = phrase(second, whole: true)
                if next.kind == .none { next = relativeRole(second) }
                if next.kind == .role && !next.plural {
                    found.kind = .person
                    found.role = next.role
                }
            } else if found.kind == .role && !found.plural && parts.count > 1 {
                // "said Brandt's neighbor, Nadia Ferro": the name after the role.
                let next = phrase(parts[1], whole: true)
                if (next.kind == .person || next.kind == .name) && next.role == nil {
                    let role = found.role
                    found = next
                    found.kind = .person
                    found.role = role
                }
            }
            return found
        }

        /// The age a word gives: "45" of "45-year-old".
        static func age(_ t: Item) -> String? {
            guard t.kind == .word, t.lower.hasSuffix("-year-old") else { return nil }
            let digits = t.lower.dropLast("-year-old".count)
            guard (1...3).contains(digits.count), digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return String(digits)
        }

        /// The age the text gives a name at a scalar range: "Jonas Berk, 45," or "45-year-old Jonas Berk".
        func age(ofNameAt range: Range<Int>) -> String? {
            guard let first = tokens.firstIndex(where: { $0.start == range.lowerBound }),
                  let last = tokens.firstIndex(where: { $0.wordEnd == range.upperBound }) else { return nil }
            if first > 0, let age = Self.age(tokens[first - 1]) { return age }
            if last + 3 < tokens.count, tokens[last + 1].isPunct(","), tokens[last + 3].isPunct(",") || tokens[last + 3].endsClause,
               isAge((last + 2)..<(last + 3)) {
                return tokens[last + 2].lower
            }
            return nil
        }

        /// The gender the text tells of a name at a scalar range: a courtesy title before it ("Ms. Lena
        /// Ortiz"), a gendered word in its role ("a mother of three"), or the first personal pronoun after it
        /// in its sentence before any other name ("Renn said his state …").
        func gender(ofNameAt range: Range<Int>, role: String?) -> QuoteLexicon.Gender? {
            guard let first = tokens.firstIndex(where: { $0.start == range.lowerBound }),
                  let last = tokens.firstIndex(where: { $0.wordEnd == range.upperBound }) else { return nil }
            if first > 0, tokens[first - 1].kind == .word, tokens[first - 1].info.isA(.honorific),
               let found = lexicon.genders[String(tokens[first - 1].lower.prefix { $0 != "." })] {
                return found
            }
            if let role {
                for word in role.applyingFolding().split(separator: " ") where !Self.personalPronouns.contains(String(word)) {
                    if let found = lexicon.genders[String(word)] { return found }
                }
            }
            var k = last + 1
            while k < tokens.count && !tokens[k].endsClause && tokens[k].kind != .quote {
                let t = tokens[k]
                if t.kind == .word && t.capitalized && !t.info.isA(.notName) && k > last + 1 { return nil }
                if t.kind == .word && !t.capitalized && Self.personalPronouns.contains(t.lower) {
                    return lexicon.genders[t.lower]
                }
                k += 1
            }
            return nil
        }

        /// The personal pronouns that tell a gender.
        static let personalPronouns: Set<String> = ["he", "she", "his", "her", "him", "himself", "herself"]

        /// Whether a part is a person's age after the name: "Pavel Dorn, 54, told reporters".
        func isAge(_ part: Range<Int>) -> Bool {
            guard part.count == 1, tokens[part.lowerBound].kind == .word else { return false }
            let word = tokens[part.lowerBound].lower
            return (1...3).contains(word.count) && word.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        }

        /// Splits a token range at commas, dashes, colons and brackets.
        /// A bracketed aside ("(IDF)", "(EUPOL)") is left out.
        func split(_ range: Range<Int>) -> [Range<Int>] {
            var parts: [Range<Int>] = []
            var a = range.lowerBound
            var depth = 0
            for i in range {
                let t = tokens[i]
                if t.isPunct("(") {
                    if depth == 0 && i > a { parts.append(a..<i) }
                    depth += 1
                    continue
                }
                if t.isPunct(")") {
                    depth = max(0, depth - 1)
                    a = i + 1
                    continue
                }
                if depth > 0 { continue }
                if t.separatesParts {
                    if i > a { parts.append(a..<i) }
                    a = i + 1
                }
            }
            if depth == 0 && range.upperBound > a { parts.append(a..<range.upperBound) }
            return parts
        }

        /// An appositive part that reads as no name: "one of the states suing the EPA", "a permanent member
        /// of the Security Council", or a party tag after a lawmaker's name ("R-Ky.", "D-N.Y.").
        private func isAppositive(_ part: Range<Int>) -> Bool {
            let first = tokens[part.lowerBound]
            guard first.kind == .word else { return false }
            if isPartyTag(part) { return true }
            return !first.capitalized && ["a", "an", "the", "one", "another"].contains(first.lower)
                && part.count > 1
        }

        /// Whether a part is a tag after a name or place: a US party tag ("R-Ky.": a party initial, a
        /// hyphen, a state) or a lone abbreviated word ("Upper Marlboro, Md., said"; "Jr.").
        private func isPartyTag(_ part: Range<Int>) -> Bool {
            let first = tokens[part.lowerBound]
            guard part.count == 1, first.kind == .word, first.capitalized else { return false }
            if first.dotted && first.lower.count > 1 { return true }
            return first.lower.count >= 3 && ["r-", "d-", "i-"].contains(String(first.lower.prefix(2)))
        }

        /// Whether a part is a role of one person ("the foreign minister of France").
        private func isRolePart(_ part: Range<Int>) -> Bool {
            let found = phrase(part, whole: true)
            return found.kind == .role && !found.plural
        }

        /// A part that sits between a speaker and the verb: "reporting from Riyadh", "in a statement",
        /// "however".
        private func isSideClause(_ part: Range<Int>) -> Bool {
            let first = tokens[part.lowerBound]
            guard first.kind == .word, !first.capitalized || part.count > 0 else { return false }
            if first.info.isA(.clause) || first.info.isA(.preposition) { return true }
            // "…, the chief executive of the league, forcefully told": an adverb before the verb.
            if part.count == 1 && !first.capitalized && first.lower.count > 4 && first.lower.hasSuffix("ly") { return true }
            return !first.capitalized && first.lower.hasSuffix("ing")
        }

        /// A capitalised word ending in "-ly" of at least this many letters, set off by a comma at a sentence
        /// start, is an adverb ("Ultimately,", "Separately,"), not a name ("Ely", "Kelly").
        static let minimumAdverbLength = 7

        /// A person's full name after a description the word lists do not read as a role: "Arsenal centre
        /// back Tomas Varga", "Chicago art dealer Ronald Pemberton", "the Hawks’ designated hitter Jim
        /// Oakley". The part must end in a name of two words or more that the entity list holds as a
        /// person's, and the words before it must read as a noun phrase: no verb of speech, pronoun,
        /// conjunction, clause word or document noun, no preposition first, at most `descriptionReach`
        /// words. The description becomes the role.
        func describedName(_ part: Range<Int>) -> Mention {
            guard !paragraph.people.isEmpty else { return .none }
            let end = trimmedEnd(part.lowerBound, part.upperBound)
            var run = end
            while run > part.lowerBound && (isNameWord(tokens[run - 1]) || isRole(tokens[run - 1]) && tokens[run - 1].capitalized)
                    && !tokens[run - 1].possessive {
                run -= 1
            }
            var a = part.lowerBound
            while a < run && tokens[a].kind == .word && !tokens[a].capitalized && tokens[a].info.isA(.determiner) { a += 1 }
            guard run > a, run < end, run - a <= Self.descriptionReach else { return .none }
            let named = classify(run, end, roleEnd: end)
            guard named.kind == .person, let name = named.name, name.contains(" "), let range = named.nameRange,
                  paragraph.people.contains(name.applyingFolding())
            else { return .none }
            guard let first = (a..<run).first(where: { tokens[$0].kind == .word }),
                  !tokens[first].info.isA(.preposition) else { return .none }
            for k in a..<run {
                let t = tokens[k]
                // Only words and a possessive's apostrophe make a description.
                guard t.kind == .word else { return .none }
                if t.info.cue != nil || t.info.pronoun != nil || t.info.document
                    || t.info.isA([.conjunction, .clause, .filler]) {
                    return .none
                }
                // A capitalised word that names no one ("Tuesday") is a time phrase, not a description.
                if t.capitalized && t.info.isA(.notName) { return .none }
            }
            // The description runs to the name, its title included ("deputy head of Northern Command Vice Adm.").
            let nameStart = (run..<end).first { tokens[$0].start == range.lowerBound } ?? run
            var m = Mention(kind: .person, name: name, role: paragraph.text(tokens: a..<nameStart), nameRange: range)
            m.role = m.role.map { Self.trimmed($0) }
            return m
        }

        /// The person named in `previous` when `part`, the words between it and the verb, is an appositive
        /// left open: a lower-case noun phrase ("counsel to the Consumer Data Coalition") with no verb form
        /// ("-ing", "-ed"), pronoun, conjunction, clause word or cue; `previous` a full name the entity list
        /// holds as a person's. The appositive becomes the role.
        func unclosedAppositive(_ part: Range<Int>, after previous: Range<Int>) -> Mention? {
            guard part.count >= 2, part.count <= Self.descriptionReach + 3 else { return nil }
            let first = tokens[part.lowerBound]
            guard first.kind == .word, !first.capitalized, !first.info.isA([.preposition, .clause, .conjunction, .filler]),
                  !first.lower.hasSuffix("ing"), !first.lower.hasSuffix("ed"), first.info.cue == nil else { return nil }
            for k in part {
                let t = tokens[k]
                guard t.kind == .word else { return nil }
                // "and" inside a body's name ("the Privacy and Security Coalition") joins no clause.
                let joining = k > part.lowerBound && k + 1 < part.upperBound && tokens[k - 1].capitalized && tokens[k + 1].capitalized
                if t.info.cue != nil || t.info.pronoun != nil || t.info.isA(.clause) || t.info.isA(.conjunction) && !joining {
                    return nil
                }
            }
            var named = phrase(previous, whole: true)
            guard named.kind == .person || named.kind == .name, let name = named.name, name.contains(" "),
                  paragraph.people.contains(name.applyingFolding()) else { return nil }
            named.kind = .person
            if named.role == nil {
                var a = part.lowerBound
                while a < part.upperBound - 1 && tokens[a].info.isA(.determiner) { a += 1 }
                named.role = paragraph.text(tokens: a..<trimmedEnd(a, part.upperBound))
            }
            return named
        }

        /// At most this many words describe a name before it ("the Hawks’ designated hitter").
        static let descriptionReach = 7

        /// A role without the punctuation a description may end in.
        static func trimmed(_ text: String) -> String {
            var t = Substring(text)
            while let last = t.last, last == "," || last == " " { t = t.dropLast() }
            return String(t)
        }

        /// The words that open a relative clause after a role: "a physicist who …".
        static let relativePronouns: Set<String> = ["who", "whose", "which", "that"]

        /// A role that fills an appositive part up to a relative clause: "a physicist who is co-director of
        /// …" -> "physicist"; `.none` when the part is no such role.
        func relativeRole(_ part: Range<Int>) -> Mention {
            guard let relative = part.dropFirst().first(where: { tokens[$0].kind == .word && !tokens[$0].capitalized
                && Self.relativePronouns.contains(tokens[$0].lower) }) else { return .none }
            let found = phrase(part.lowerBound..<relative, whole: true)
            return found.kind == .role && !found.plural ? found : .none
        }

        /// Classifies one part. With `whole`, the noun phrase must fill the part, save for a trailing
        /// complement ("a resident of Majdal Shams"); else only its head counts ("Safadi, who ...").
        func phrase(_ part: Range<Int>, whole: Bool) -> Mention {
            var a = part.lowerBound
            let b = part.upperBound
            while a < b && tokens[a].kind == .word && !tokens[a].dotted
                    && tokens[a].info.isA(.determiner) {
                a += 1
            }
            // A number before a name or role modifies it: "72-year-old Olek Brandt", "9/11 widow Terry Strada".
            var n = a
            while n < b && (tokens[n].kind == .word && (tokens[n].lower.utf8.first.map { $0 >= 48 && $0 <= 57 } ?? false)
                            || n > a && tokens[n].isPunct("/")) {
                n += 1
            }
            if n > a, n < b, tokens[n].kind == .word, tokens[n].capitalized || isRole(tokens[n]) { a = n }
            guard a < b else { return .none }
            let first = tokens[a]
            // "the 45-year-old said": the person the article gave that age.
            if b - a == 1, a > part.lowerBound, tokens[a - 1].lower == "the", let age = Self.age(first) {
                var m = Mention(kind: .role, role: age + "-year-old")
                m.definite = true
                m.age = age
                return m
            }
            if b - a == 1, first.kind == .word, let kind = first.info.pronoun {
                var m = Mention(kind: .pronoun)
                m.pronoun = kind
                m.gender = lexicon.genders[first.lower]
                return m
            }
            let e = nounPhraseEnd(a, b)
            guard e > a else { return .none }
            // "a physicist who is co-director of …": a relative clause ends the role.
            let relative = (e..<b).first { tokens[$0].kind == .word && !tokens[$0].capitalized
                && Self.relativePronouns.contains(tokens[$0].lower) }
            if whole && e < b && !(tokens[e].kind == .word && tokens[e].info.isA(.preposition)) {
                return .none
            }
            let head = tokens[e - 1]
            if head.info.document && !head.capitalized {
                // "One IDF post", "a Hamas statement": the body that issued it.
                if e - 1 > a && tokens[e - 2].capitalized {
                    let owner = classify(a, e - 1, roleEnd: e - 1)
                    if owner.kind == .organization { return owner }
                }
                // "a statement from the military": the body after "from" or "by" is the speaker.
                if e + 1 < b, tokens[e].kind == .word, ["from", "by", "of"].contains(tokens[e].lower) {
                    let source = phrase((e + 1)..<b, whole: false)
                    if source.kind != .none && source.kind != .document { return source }
                }
                return Mention(kind: .document)
            }
            // A role runs on through its complement: to the end of a part bounded by commas, else over one
            // prepositional phrase ("a spokesman for the ministry said ...").
            var roleEnd = trimmedEnd(a, b)
            if !whole {
                roleEnd = e
                if e + 1 < b, tokens[e].kind == .word, tokens[e].info.isA(.preposition) {
                    var c = e + 1
                    while c < b && tokens[c].kind == .word && tokens[c].info.isA(.determiner) { c += 1 }
                    let end = nounPhraseEnd(c, b)
                    if end > c { roleEnd = end }
                }
            }
            if let relative {
                roleEnd = min(roleEnd, relative)
                while roleEnd > e && tokens[roleEnd - 1].kind == .word && tokens[roleEnd - 1].info.isA(.conjunction) { roleEnd -= 1 }
            }
            var found = classify(a, e, roleEnd: roleEnd)
            // "the senator": a definite role refers to someone the article named.
            if found.kind == .role, a > part.lowerBound, tokens[a - 1].lower == "the" { found.definite = true }
            // Only a role or a body takes a complement ("a resident of Ganja", "Ziv Medical Center in
            // Safed"); a name followed by one is not the whole subject ("News of the violence").
            // A person's full name may take a complement: "Mr. Morgan of the Sierra Club", "Gov. Earl Ray
            // Tomblin of West Virginia".
            let ofPlace = found.kind == .person && e < b && tokens[e].kind == .word && tokens[e].lower == "of"
                && e + 1 < b && (tokens[e + 1].capitalized || tokens[e + 1].lower == "the")
            if whole && e < b && (found.kind == .person || found.kind == .name) && found.role == nil && !ofPlace {
                return .none
            }
            return found
        }

        /// End of the part without trailing time phrases ("on Saturday") and punctuation.
        private func trimmedEnd(_ a: Int, _ b: Int) -> Int {
            var end = b
            while end > a {
                let t = tokens[end - 1]
                if t.kind != .word || t.info.isA(.filler) { end -= 1; continue }
                if end - 2 > a, t.capitalized, t.info.isA(.notName),
                   tokens[end - 2].info.isA(.preposition) {
                    end -= 2
                    continue
                }
                break
            }
            return end
        }

        /// Whether `t` is a role or title word ("minister", "Spokesperson’s", "Secretary-General").
        func isRole(_ t: Item) -> Bool {
            t.kind == .word && t.info.role != nil
        }

        /// Whether `t` can be part of a capitalised name.
        func isNameWord(_ t: Item) -> Bool {
            guard t.kind == .word, t.capitalized else { return false }
            if t.dotted { return true }  // an initial ("A. K. Saseendran") or title ("Gen.")
            if t.info.isA(.notName) { return false }
            // "Houthi-run", "Iran-backed": a compound adjective, not a name.
            if t.info.compoundTail { return false }
            return true
        }

        /// Whether the token at `i` joins two capitalised words of a name ("Ministry of Health", "bin Laden").
        private func isJoiner(_ i: Int, _ a: Int, _ b: Int) -> Bool {
            let t = tokens[i]
            guard t.kind == .word, !t.capitalized, i > a, i + 1 < b else { return false }
            guard t.info.isA(.connector) || t.info.isA(.particle) else { return false }
            return tokens[i - 1].capitalized && tokens[i + 1].capitalized
        }

        /// One past the noun phrase that starts at `a`: capitalised words, role, organisation and
        /// document nouns, up to three adjectives before such a noun ("senior medic"), and joiners
        /// inside names.
        func nounPhraseEnd(_ a: Int, _ b: Int) -> Int {
            var i = a
            var end = a
            while i < b {
                let t = tokens[i]
                guard t.kind == .word else { break }
                if isNameWord(t) || isRole(t) || t.info.organisation != nil
                    || t.info.document {
                    i += 1
                    end = i
                    // A lower-case possessive ends the phrase ("the minister’s"), unless a body's noun
                    // follows it: "the prosecutor’s office", "the governor’s office" name a body.
                    if t.possessive && !t.capitalized {
                        guard i < b, tokens[i].kind == .word, !tokens[i].possessive,
                              tokens[i].info.organisation != nil else { break }
                    }
                    continue
                }
                if isJoiner(i, a, b) { i += 1; continue }
                // Modifiers before a role or organisation noun: "presidential aide", "senior medic",
                // "fellow Al Jazeera journalist", "acting Inspector General".
                var j = i
                var found = -1
                // After a name, lower-case words are its verb, not modifiers, once a capitalised word
                // follows them: "Gingrich cynically dismissed NATO member Estonia" (but "the Malian armed
                // forces").
                let afterName = i > a && tokens[i - 1].capitalized && !tokens[i - 1].possessive
                while j < b && j < i + 5 {
                    let u = tokens[j]
                    guard u.kind == .word else { break }
                    if isRole(u) || u.info.organisation != nil { found = j; break }
                    if u.capitalized {
                        if afterName && j > i { break }
                        j += 1
                        continue
                    }
                    if u.info.isA(.determiner) { break }
                    if u.info.isA(.preposition) || u.info.isA(.filler)
                        || u.info.isA(.clause) || u.info.isA(.conjunction)
                        || u.info.cue != nil || u.info.pronoun != nil {
                        break
                    }
                    j += 1
                }
                if found >= 0 { i = found + 1; end = i; continue }
                break
            }
            return end
        }

        /// Classifies the noun phrase `a..<e`; a role runs on to `roleEnd` ("aide to the president").
        func classify(_ a: Int, _ e: Int, roleEnd: Int) -> Mention {
            // "And Mayor Anna Kovacs said …": a conjunction opening the sentence is no part of the role.
            let a = e - a > 1 && tokens[a].kind == .word && tokens[a].capitalized
                && Self.openingConjunctions.contains(tokens[a].lower) ? a + 1 : a
            // The capitalised run at the end of the phrase.
            var r = e
            while r > a {
                if isNameWord(tokens[r - 1]) { r -= 1; continue }
                if r - 1 > a && r < e && isJoiner(r - 1, a, e) { r -= 1; continue }
                break
            }
            let roleText = { (end: Int) -> String? in
                guard end > a else { return nil }
                return paragraph.text(tokens: a..<end)
            }
            if r == e {
                // No name: a role, an institution or nothing.
                let head = tokens[e - 1]
                if let number = head.info.role ?? (isRole(head) ? .one : nil) {
                    if number == .voice, let body = voiceBody(a, e - 1) { return body }
                    var m = Mention(kind: .role, role: roleText(max(roleEnd, e)))
                    m.plural = number == .many
                    return m
                }
                guard let use = head.info.organisation else { return .none }
                // "the Malian armed forces" names a body; "the UN’s agency" only describes one.
                let named = (a..<(e - 1)).contains { tokens[$0].capitalized && !tokens[$0].possessive }
                // "Prime Minister Karel Dvorak's office": a person's office, named as the text writes it, the
                // title as its role.
                if e - 2 >= a, tokens[e - 2].possessive, isNameWord(tokens[e - 2]), !isRole(tokens[e - 2]) {
                    var n = e - 2
                    while n > a && isNameWord(tokens[n - 1]) && !tokens[n - 1].possessive && !isRole(tokens[n - 1])
                            && !tokens[n - 1].info.isA(.honorific) {
                        n -= 1
                    }
                    // A person's full name ("the UN’s agency" only describes a body).
                    if n < e - 2 && !tokens[n].acronym {
                        let text = Self.normalised(paragraph.text(tokens[n].start, head.wordEnd))
                        let title = (a..<n).contains { isRole(tokens[$0]) } ? paragraph.text(tokens: a..<n) : nil
                        return Mention(kind: .organization, name: text, role: title,
                                       nameRange: tokens[n].start..<head.wordEnd)
                    }
                }
                if use == .institution || named {
                    // "the defence ministry", "the Malian armed forces".
                    var m = Mention(kind: .organization, name: Self.titleCased(paragraph.text(tokens: a..<e)),
                                    nameRange: tokens[a].start..<head.wordEnd)
                    m.definite = e - a == 1 && a > 0 && tokens[a - 1].lower == "the"
                    return m
                }
                // "the militant group": a body the text does not name here.
                var m = Mention(kind: .organization)
                m.definite = true
                m.role = paragraph.text(tokens: a..<e)
                return m
            }
            var lastTitle = -1
            var lastPossessive = -1
            var organisation = false
            for i in r..<e {
                // "Mr. King": after a courtesy title comes a name, even one that is a title word.
                if isRole(tokens[i]) && !(i > r && tokens[i - 1].info.isA(.honorific)) { lastTitle = i }
                if tokens[i].possessive && i < e - 1 { lastPossessive = i }
                // A body's name ends in its organisation word, or continues through a connector after it:
                // "Merseyside Police", "Ministry of Foreign Affairs" - not "Police Commissioner X".
                if tokens[i].info.organisation != nil
                    && (i == e - 1 || tokens[i + 1].info.isA(.connector) && !tokens[i + 1].capitalized) {
                    organisation = true
                }
            }
            // A name the entity list holds as a body's is one, joined through its connectors: "the Syrian
            // Observatory for Human Rights".
            if !organisation, e - r >= 3, (r..<e).contains(where: { !tokens[$0].capitalized }),
               paragraph.bodies.contains(paragraph.text(tokens: r..<e).applyingFolding()) {
                organisation = true
            }
            // An acronym is a body ("the FBI said"), unless it is a role word: "the CEO told customers".
            if organisation || (e - r == 1 && tokens[r].acronym && !isRole(tokens[r])) {
                return Mention(kind: .organization, name: paragraph.text(tokens: r..<e),
                               nameRange: tokens[r].start..<tokens[e - 1].wordEnd)
            }
            // "said Charlie King": a title word that ends the name of a person the entity list holds is a surname.
            if lastTitle == e - 1, !paragraph.people.isEmpty,
               let first = (r..<lastTitle).first(where: {
                   tokens[$0].capitalized && paragraph.people.contains(paragraph.text(tokens: $0..<e).applyingFolding())
               }) {
                lastTitle = (r..<first).last { isRole(tokens[$0]) && !($0 > r && tokens[$0 - 1].info.isA(.honorific)) } ?? -1
            }
            var nameStart = max(lastTitle, lastPossessive, r - 1) + 1
            if nameStart >= e {
                guard lastTitle >= 0 else { return .none }
                if lastTitle == e - 1, tokens[lastTitle].info.role == .voice,
                   let body = voiceBody(a, lastTitle) {
                    return body
                }
                // "Reporters asked", capitalised at a sentence start: a plural names no one speaker.
                var m = Mention(kind: .role, role: roleText(max(roleEnd, e)))
                m.plural = tokens[lastTitle].info.role == .many
                return m
            }
            // "Secretary of State Antony Blinken": the title runs on through a connector.
            if tokens[nameStart].info.isA(.connector) && !tokens[nameStart].capitalized {
                nameStart = max(nameStart + 1, e - 2)
            }
            // "For Mr. Obama, …": a capitalised preposition or conjunction opening the sentence is no name.
            while nameStart < e - 1 && tokens[nameStart].info.isA([.preposition, .conjunction, .clause]) { nameStart += 1 }
            // "Mr. Marcin": the courtesy title is not part of the name, nor of the role.
            let titleEnd = nameStart
            while nameStart < e - 1 && tokens[nameStart].info.isA(.honorific) { nameStart += 1 }
            // "Khader Al-Za’anoun of Wafa", "Yousef Al Saudi and Anas Al Sharif": a person's name ends
            // at a connector.
            var e = e
            if let cut = (nameStart..<e).first(where: {
                !tokens[$0].capitalized && (tokens[$0].info.isA(.connector)
                                            || tokens[$0].info.isA(.conjunction))
            }), cut > nameStart {
                e = cut
            }
            // "the Washington Post Trump said", "Azerbaijan Hikmet Hajiyev": a body or place run into a name that
            // the entity list holds as a person's, both as the entity list names them, ends before it.
            if e - nameStart >= 2, !paragraph.people.isEmpty, !paragraph.bodies.isEmpty,
               !paragraph.people.contains(paragraph.text(tokens: nameStart..<e).applyingFolding()),
               let first = (nameStart + 1..<e).first(where: {
                   tokens[$0].capitalized && paragraph.people.contains(paragraph.text(tokens: $0..<e).applyingFolding())
                       && paragraph.bodies.contains(paragraph.text(tokens: nameStart..<$0).applyingFolding())
               }) {
                nameStart = first
            }
            let name = Self.normalised(paragraph.text(tokens: nameStart..<e))
            let range = tokens[nameStart].start..<tokens[e - 1].wordEnd
            if e - nameStart == 1 && tokens[nameStart].acronym {
                return Mention(kind: .organization, name: name, nameRange: range)
            }
            if tokens[e - 1].info.place {
                return Mention(kind: .place, name: paragraph.text(tokens: r..<e), nameRange: range)
            }
            var role: String? = nil
            if titleEnd > a && (a..<titleEnd).contains(where: { isRole(tokens[$0]) }) {
                role = roleText(titleEnd)
            }
            // "Mr. King": a courtesy title makes a single name a person's.
            let kind: Mention.Kind = (e - nameStart == 1 && role == nil && titleEnd == nameStart) ? .name : .person
            return Mention(kind: kind, name: name, role: role, nameRange: range)
        }

        /// The body an unnamed spokesperson speaks for, named just before the role word: "a National
        /// Security Council spokesperson", "an IDF spokesman".
        func voiceBody(_ a: Int, _ role: Int) -> Mention? {
            var r = role
            while r > a && isNameWord(tokens[r - 1]) && !isRole(tokens[r - 1]) { r -= 1 }
            guard r < role else { return nil }
            let body = r..<role
            let isBody = (body.count == 1 && tokens[r].acronym)
                || tokens[role - 1].info.organisation != nil
            guard isBody else { return nil }
            return Mention(kind: .organization, name: Self.normalised(paragraph.text(tokens: body)),
                           nameRange: tokens[r].start..<tokens[role - 1].wordEnd)
        }

        /// First token of the run of capitalised words that ends just before token `i` (`i` when none).
        func nameRunStart(before i: Int) -> Int {
            var j = i
            while j > 0 && isNameWord(tokens[j - 1]) && !tokens[j - 1].possessive { j -= 1 }
            return j
        }

        /// One past the run of capitalised words (and joiners between them) that starts at token `i`.
        func nameRunEnd(from i: Int) -> Int {
            var j = i
            while j < tokens.count {
                if isNameWord(tokens[j]) { j += 1; continue }
                if j > i && isJoiner(j, i, tokens.count) { j += 1; continue }
                break
            }
            return j
        }

        /// Whether token `k` is a quotation that ends its sentence: its text ends with a full stop,
        /// question or exclamation mark and a capitalised word, another quotation or nothing follows.
        func endsSentence(quoteAt k: Int) -> Bool {
            guard tokens[k].kind == .quote else { return false }
            let segment = paragraph.segments[tokens[k].segment]
            guard let end = QuoteExtractor.lastScalar(segment, paragraph.scalars), [".", "!", "?"].contains(end) else {
                return false
            }
            guard k + 1 < tokens.count else { return true }
            let next = tokens[k + 1]
            return next.kind == .quote || (next.kind == .word && next.capitalized)
        }

        /// The person a sentence starting at token `i` is about: the name heading its first part, or its
        /// second part after an adverbial ("On Sunday, Israel’s Defense Minister Yoav Gallant visited").
        /// A name after "the" is a body or place, not a person ("The White House").
        /// Conjunctions a sentence may open with before its subject ("But", "And").
        static let openingConjunctions: Set<String> = ["but", "and", "yet", "so", "or"]

        func sentenceSubject(from i: Int) -> Mention {
            // The first two parts, found without building the list of all parts.
            var start = i
            for _ in 0..<2 {
                while start < tokens.count && tokens[start].separatesParts { start += 1 }
                var end = start
                // An adverbial part may hold a quoted title: "On “Face the Nation,” Sen. Bernie Sanders …".
                let adverbial = start < tokens.count && tokens[start].kind == .word && tokens[start].info.isA(.preposition)
                while end < tokens.count && !tokens[end].separatesParts && !tokens[end].endsClause
                        && (tokens[end].kind != .quote || adverbial && end > start) {
                    end += 1
                    // American style puts the part's comma inside the closing mark: “Face the Nation,”.
                    if tokens[end - 1].kind == .quote,
                       QuoteExtractor.lastScalar(paragraph.segments[tokens[end - 1].segment], paragraph.scalars) == "," {
                        break
                    }
                }
                guard end > start else { return .none }
                var part = start..<end
                start = end
                // "But Jamie Ortiz, the coordinator, warned …", "And Mayor Anna Kovacs said …": a
                // sentence opening with a conjunction has its subject after it, when a name or title
                // follows ("But the militants had regrouped" keeps no subject of its own).
                if part.count > 1, tokens[part.lowerBound].kind == .word, tokens[part.lowerBound].capitalized,
                   Self.openingConjunctions.contains(tokens[part.lowerBound].lower),
                   isNameWord(tokens[part.lowerBound + 1]) {
                    part = (part.lowerBound + 1)..<part.upperBound
                }
                let first = tokens[part.lowerBound]
                guard first.kind == .word else { return .none }
                // "Following the strike, ...", "Speaking to Al Jazeera, ...": an adverbial first part.
                let participle = first.capitalized && first.lower.hasSuffix("ing") && part.count > 1
                    && !tokens[part.lowerBound + 1].capitalized
                if participle { continue }
                // "Ultimately, Mr. Clarke hopes …": a sentence adverb set off by a comma, no name the entity
                // list holds ("Kelly, the mayor, said" keeps its subject).
                if part.count == 1, first.capitalized, first.lower.count >= Self.minimumAdverbLength, first.lower.hasSuffix("ly"),
                   start < tokens.count, tokens[start].isPunct(","),
                   !paragraph.people.contains(where: { $0 == first.lower || $0.hasSuffix(" " + first.lower) }) {
                    continue
                }
                // "With Democratic leaders worried about …, President Obama is …": a prepositional part.
                if first.info.isA(.preposition) && !first.dotted && part.count > 1 { continue }
                var found = phrase(part, whole: false)
                // "The White House", "The Golan Heights attack": a name after "the" is no person.
                let article = first.lower == "the" && part.count > 1 && tokens[part.lowerBound + 1].capitalized
                if article && found.kind != .organization { return .none }
                // "Another critic, Laurence H. Tribe, likened …": the name after the role.
                let head = tokens[part.upperBound - 1]
                let singleRole = (found.kind == .role && !found.plural)
                    || (found.kind == .none && isRole(head) && head.info.role != .many && !head.capitalized)
                if singleRole && start < tokens.count && tokens[start].isPunct(",") {
                    var next = start + 1
                    while next < tokens.count && tokens[next].kind == .word && !tokens[next].separatesParts
                            && !tokens[next].endsClause { next += 1 }
                    let named = next > start + 1 ? phrase((start + 1)..<next, whole: true) : .none
                    if (named.kind == .person || named.kind == .name) && named.role == nil
                        && next < tokens.count && tokens[next].isPunct(",") {
                        found = named
                        found.kind = .person
                        var a = part.lowerBound
                        // No article, even capitalised at the sentence start ("The opposition leader, …").
                        while a < part.upperBound - 1 && tokens[a].info.isA(.determiner) && !tokens[a].dotted
                                && (!tokens[a].capitalized || a == part.lowerBound && ["the", "a", "an"].contains(tokens[a].lower)) {
                            a += 1
                        }
                        found.role = paragraph.text(tokens: a..<part.upperBound)
                    }
                }
                // "Olek Brandt, the mayor, spoke …": the appositive after the name is the role.
                if (found.kind == .person || found.kind == .name) && found.role == nil
                    && start < tokens.count && tokens[start].isPunct(",") {
                    var next = start + 1
                    while next < tokens.count && tokens[next].kind == .word { next += 1 }
                    if next > start + 1 && next < tokens.count && tokens[next].isPunct(",") {
                        let role = phrase((start + 1)..<next, whole: true)
                        if role.kind == .role && !role.plural {
                            found.kind = .person
                            found.role = role.role
                        }
                    }
                }
                if found.kind != .none { return found }
                if !(first.info.isA(.preposition) || first.info.isA(.notName)
                     || first.info.isA(.clause)) {
                    return .none
                }
            }
            return .none
        }

        /// The text with every run of white space (no-break spaces, line breaks) as one space.
        static func normalised(_ text: String) -> String {
            guard text.unicodeScalars.contains(where: { $0 != " " && $0.isSpace }) else { return text }
            return text.unicodeScalars.split(whereSeparator: { $0.isSpace })
                .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
        }

        /// "defence ministry" -> "Defence Ministry".
        static func titleCased(_ text: String) -> String {
            text.split(separator: " ").map { word -> String in
                guard let first = word.first, first.isLowercase else { return String(word) }
                return first.uppercased() + word.dropFirst()
            }.joined(separator: " ")
        }
    }
}
