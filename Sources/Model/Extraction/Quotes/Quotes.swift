import Foundation

/// Finds direct quotations and their speakers.
///
/// The extractor works in four passes over the paragraphs' scalars:
/// 1. the document's quotation-mark tokens are paired into segments (`Quotes+Marks.swift`) and each
///    paragraph's tokens are read as items, every segment one item (`Quotes+Items.swift`);
/// 2. capitalised names are collected, so that a surname can be resolved to the full name the article
///    gives anywhere;
/// 3. every reporting cue ("said", "told", "according to") and every sentence subject is read and
///    resolved in text order (`Quotes+Attribution.swift`, `Quotes+Speakers.swift`), so that "he" means
///    the person last named;
/// 4. segments become quotes: a quotation left open at a paragraph's end continues into the next
///    paragraph when that one opens with a mark, a quotation interrupted by its attribution is joined,
///    and each quote takes the cue after it, inside it, or before it in its sentence.
///
/// No speaker is better than a wrong one: a pronoun whose person the article does not name, a role
/// with no name ("a witness") and a statement whose issuer is unclear all give `speaker == nil`.
public struct QuoteExtractor: Sendable {
    /// The word lists.
    public let lexicon: Lexicon

    /// Creates an extractor.
    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// A quotation before attribution: its segments in order, and the cue that interrupts it, if any.
    struct Candidate {
        /// (paragraph, segment index) of each part.
        var parts: [(paragraph: Int, segment: Int)]
        /// (paragraph, token index) of a cue between two joined parts.
        var inner: (paragraph: Int, token: Int)?
    }

    /// A cue with its resolved speaker and the kind of phrase that named it (`.none`: no phrase named
    /// anyone, as when the cue word is a noun: "a flurry of late-night tweets").
    typealias CueEntry = (cue: Cue, resolved: Resolved?, mention: Mention.Kind)

    /// Quotations shorter than this many words are not quotes: scare quotes, names, slogans.
    static let minimumWords = 3
    /// Whether a single capitalised word reads as a plural or an adverb ("Crimes", "Famously"), not a name:
    /// one word of four letters or more, ending in "s" or "ly", with no other capital ("PolitiFact") or hyphen.
    static func isCommonWordForm(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= 4, !name.contains(" "), !name.contains("-"),
              !scalars.dropFirst().contains(where: { $0.properties.isUppercase }) else { return false }
        return name.hasSuffix("s") || name.hasSuffix("ly")
    }

    /// A quotation of at most this many words with no reporting verb and no speaker may be a scare quote.
    static let maximumScareWords = 4
    /// A quotation of at most this many words, all capitalised, is a title ("Operation Protective Edge").
    static let maximumTitleWords = 6
    /// How many paragraphs before a quotation are read for the people and bodies it may refer back to.
    static let contextParagraphs = 4
    /// A paragraph of at most this many words with no closing punctuation is a heading.
    static let maximumHeadingWords = 12

    /// Returns the quotes of `document`. Speakers are resolved against `entities`, the entity extractor's
    /// list, which quotes read and never add to (the pipeline runs entities -> quotes -> casualties).
    public func extract(_ document: Document, entities: [ArticleEntity]) -> [Quote] {
        let words = lexicon.quotes
        let count = document.paragraphScalars.count
        let segments = (0..<count).map { Self.segments(of: document, paragraph: $0) }
        // Only paragraphs with quotation marks and the two before each are read word by word; names in
        // the others are collected with a light scan.
        var read = [Bool](repeating: false, count: count)
        for index in 0..<count where !segments[index].isEmpty {
            for k in max(0, index - Self.contextParagraphs)...index { read[k] = true }
        }
        guard read.contains(true) else { return [] }
        var resolver = SpeakerResolver(lexicon: words, entities: entities, gazetteer: lexicon.entities.gazetteer)
        let (people, bodies) = resolver.foldedEntityNames
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(count)
        for (index, scalars) in document.paragraphScalars.enumerated() {
            let tokens = read[index] ? Self.items(document, paragraph: index, segments: segments[index], lexicon: words) : []
            var segmentTokens: [Int] = []
            for (i, t) in tokens.enumerated() where t.kind == .quote { segmentTokens.append(i) }
            paragraphs.append(Paragraph(index: index, offset: document.paragraphStarts[index], scalars: scalars,
                                        segments: segments[index], tokens: tokens, segmentTokens: segmentTokens,
                                        words: document.tokens[document.tokenRange(ofParagraph: index)], people: people,
                                        bodies: bodies))
        }

        for paragraph in paragraphs {
            if read[paragraph.index] {
                collectNames(paragraph, into: &resolver)
            } else {
                scanNames(paragraph, document, into: &resolver)
            }
        }
        let (cues, subjects) = resolveCues(paragraphs, &resolver)
        let candidates = self.candidates(paragraphs, cues)

        var quotes: [Quote] = []
        // The speaker of each paragraph's last attributed quotation.
        var lastSpeaker: [Int: Resolved] = [:]
        // A speaker's entity, by the name or an alias the entity list gives it, or by its slug: a speaker the entity list
        // does not hold (a body named otherwise, a byline) gets no id rather than one that points nowhere.
        var entityIds: [String: String] = [:]
        let knownIds = Set(entities.map(\.id))
        for entity in entities {
            for name in [entity.name] + entity.aliases where entityIds[name] == nil { entityIds[name] = entity.id }
        }
        for candidate in candidates {
            let text = candidate.parts.map { part -> String in
                let paragraph = paragraphs[part.paragraph]
                let inner = Self.inner(paragraph.segments[part.segment], paragraph.scalars)
                return paragraph.text(inner.lowerBound, inner.upperBound)
            }.joined(separator: " ")
            let first = candidate.parts[0]
            let last = candidate.parts[candidate.parts.count - 1]
            let firstSegment = paragraphs[first.paragraph].segments[first.segment]
            let lastSegment = paragraphs[last.paragraph].segments[last.segment]
            let attribution = attribute(candidate, paragraphs, cues)
            var resolved = attribution?.resolved
            // A paragraph that is all quotation, with no attribution of its own, goes on with the last
            // speaker or subject of the paragraph before: "“…,” Guterres said. ¶ “It is high time …”".
            let opening = paragraphs[first.paragraph].segmentTokens[first.segment]
            if let cue = attribution?.cue, cue.paragraph == first.paragraph, cue.index < opening, candidate.inner == nil {
                // "Reporters asked about his remark that the plan was “…”": the remark's owner said it.
                let reader = AttributionReader(lexicon: words, paragraph: paragraphs[first.paragraph])
                let owner = reader.statementOwner(before: opening)
                if owner.kind != .none {
                    let at = paragraphs[first.paragraph].offset + paragraphs[first.paragraph].tokens[opening].start
                    resolved = resolver.resolve(owner, position: at, paragraph: first.paragraph)
                }
            } else if attribution == nil, let byline = byline(after: candidate, paragraphs) {
                // "“…” ― Carla Sanchez": the name signs the quotation.
                resolved = resolver.resolve(byline, position: paragraphs[last.paragraph].offset + (byline.nameRange?.lowerBound ?? 0),
                                            paragraph: last.paragraph)
            } else if attribution == nil, opening == 0, first.paragraph > 0 {
                // "The New York Times reports:" ¶ "“…”": the paragraph before introduces the quotation.
                resolved = introducer(of: paragraphs[first.paragraph - 1], cues[first.paragraph - 1])
                    ?? lastSpeaker[first.paragraph - 1] ?? resolver.lastNamed(inParagraph: first.paragraph - 1)
            } else if attribution == nil, opening > 0, paragraphs[first.paragraph].tokens[opening - 1].endsClause {
                // A quotation that opens a sentence after "X told CNN that ...": X goes on speaking.
                resolved = resolver.lastNamed(inParagraph: first.paragraph,
                                              before: paragraphs[first.paragraph].offset + firstSegment.open)
            } else if attribution == nil, opening > 0 {
                // A quotation inside a sentence with no reporting verb: the person or body the sentence is
                // about uses the words ("Gingrich dismissed Estonia as the “suburbs of St. Petersburg”").
                let reader = AttributionReader(lexicon: words, paragraph: paragraphs[first.paragraph])
                // ... unless it quotes someone's statement: "Politifact checked Trump’s claim that …“…”".
                let owner = reader.statementOwner(before: opening)
                if owner.kind != .none {
                    let at = paragraphs[first.paragraph].offset + paragraphs[first.paragraph].tokens[opening].start
                    resolved = resolver.resolve(owner, position: at, paragraph: first.paragraph)
                } else {
                    resolved = subjects[first.paragraph][reader.sentenceStart(before: opening)]
                    // A bare capitalised plural or adverb opening the sentence that the entity list does not
                    // hold is no one's name ("Crimes including rape … rose, … a “national threat to public
                    // safety”", "Famously worn by …"): with no reporting verb, nothing else says it is a speaker.
                    if let found = resolved, found.kind == .name, entityIds[found.name] == nil,
                       Self.isCommonWordForm(found.name) {
                        resolved = nil
                    }
                }
            }
            // A scare quote: a few words inside a sentence, with no reporting verb and no one whose words they
            // are ("found there had been “3,210 shooting victims” since", "its “national enterprise
            // reporter”"): lower case or a number first, no sentence end of their own. "“I was screaming.”"
            // and "“No to Fascism!”" are speech.
            if attribution == nil, resolved == nil, candidate.parts.count == 1,
               wordCount(candidate, paragraphs) <= Self.maximumScareWords,
               let opening = text.unicodeScalars.first, opening.properties.isLowercase || opening.properties.numericType != nil,
               let closing = text.unicodeScalars.last, ![".", "!", "?"].contains(closing) {
                continue
            }
            if let resolved { lastSpeaker[last.paragraph] = resolved }
            var speaker: Speaker? = nil
            if let resolved {
                let slug = Slug.make(resolved.name)
                let id = entityIds[resolved.name] ?? (knownIds.contains(slug) ? slug : nil)
                speaker = Speaker(name: resolved.name, role: resolved.role, entityId: id)
            }
            quotes.append(Quote(
                id: "\(document.id)-q\(quotes.count + 1)", articleId: document.id, date: document.date, text: text,
                speaker: speaker, cue: attribution.map { paragraphs[$0.cue.paragraph].text($0.cue.range.lowerBound, $0.cue.range.upperBound) },
                paragraph: first.paragraph,
                span: TextSpan(start: paragraphs[first.paragraph].offset + firstSegment.open,
                               end: paragraphs[last.paragraph].offset + lastSegment.end)))
        }
        return quotes
    }

    /// Collects the full person names of a paragraph: every run of capitalised words that reads as a
    /// person's name of two words or more, its title split off as a role ("Israeli President Isaac Herzog").
    func collectNames(_ paragraph: Paragraph, into resolver: inout SpeakerResolver) {
        let reader = AttributionReader(lexicon: lexicon.quotes, paragraph: paragraph)
        let tokens = paragraph.tokens
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .word, tokens[i].capitalized else { i += 1; continue }
            let end = reader.nameRunEnd(from: i)
            guard end - i >= 1 else { i += 1; continue }
            // "the Lebanese militant group Hezbollah": "the militant group" later means Hezbollah.
            if i > 0, tokens[i - 1].kind == .word, !tokens[i - 1].capitalized, tokens[i - 1].info.organisation != nil {
                var d = i - 1
                while d > 0 && i - d < 3 && tokens[d - 1].kind == .word && !tokens[d - 1].capitalized
                        && !tokens[d - 1].info.isA(.determiner) && tokens[d - 1].info.cue == nil
                        && !tokens[d - 1].info.isA(.preposition) {
                    d -= 1
                }
                let body = reader.classify(i, end, roleEnd: end)
                if body.kind == .name || body.kind == .organization, let name = body.name {
                    resolver.addDescription(paragraph.text(tokens: d..<i), for: name)
                }
            }
            // "Yousef Al Saudi and Anas Al Sharif" are two people, unless the whole is a body's name.
            var pieces = [i..<end]
            let joined = (i..<end).contains { tokens[$0].lower == "and" && !tokens[$0].capitalized }
            if joined && reader.classify(i, end, roleEnd: end).kind != .organization {
                pieces = []
                var a = i
                for j in i..<end where tokens[j].lower == "and" && !tokens[j].capitalized {
                    pieces.append(a..<j)
                    a = j + 1
                }
                pieces.append(a..<end)
            }
            // "the Israel Defense Forces (IDF)": the acronym stands for the body.
            if end + 2 < tokens.count, tokens[end].isPunct("("), tokens[end + 1].acronym, tokens[end + 2].isPunct(")") {
                let body = reader.classify(i, end, roleEnd: end)
                if body.kind == .organization, let name = body.name {
                    resolver.addAcronym(paragraph.text(tokens[end + 1].start, tokens[end + 1].wordEnd), for: name)
                }
            }
            for piece in pieces where piece.count >= 2 {
                let mention = reader.classify(piece.lowerBound, piece.upperBound, roleEnd: piece.upperBound)
                if mention.kind == .person, let name = mention.name, let range = mention.nameRange {
                    resolver.addName(name, position: paragraph.offset + range.lowerBound, role: mention.role,
                                     span: MentionSpan(start: paragraph.offset + range.lowerBound,
                                                       end: paragraph.offset + range.upperBound, text: name))
                }
            }
            i = max(end, i + 1)
        }
    }

    /// Collects full person names from a paragraph that is not read word by word: each run of two or
    /// more capitalised words, its title split off at the last role word ("Kenyan President William Ruto"),
    /// that holds no organisation or place word.
    func scanNames(_ paragraph: Paragraph, _ document: Document, into resolver: inout SpeakerResolver) {
        var run: [(start: Int, end: Int, info: QuoteLexicon.WordInfo, shouted: Bool)] = []
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            // A run-in heading in capitals ("CONGRESS HAS INVESTIGATED HIM") names no one.
            if run.count(where: \.shouted) >= Self.minimumShoutedWords { return }
            var first = 0
            while first < run.count && run[first].info.isA(.notName) { first += 1 }
            guard run.count - first >= 2 else { return }
            var nameStart = first
            for k in first..<run.count where run[k].info.role != nil || run[k].info.isA(.honorific) { nameStart = k + 1 }
            guard run.count - nameStart >= 2 else { return }
            for k in nameStart..<run.count where run[k].info.organisation != nil || run[k].info.isA(.notName) { return }
            if run[run.count - 1].info.place { return }
            let range = run[nameStart].start..<run[run.count - 1].end
            let name = paragraph.text(range.lowerBound, range.upperBound)
            let role = nameStart > first ? paragraph.text(run[first].start, run[nameStart - 1].end) : nil
            resolver.addName(name, position: paragraph.offset + range.lowerBound, role: role,
                             span: MentionSpan(start: paragraph.offset + range.lowerBound,
                                               end: paragraph.offset + range.upperBound, text: name))
        }
        for token in paragraph.words {
            // Punctuation and lower-case words end a run.
            guard token.isWord, token.is(.capitalized) else { flush(); continue }
            run.append((Int(token.start) - paragraph.offset, Int(token.end) - paragraph.offset,
                        lexicon.quotes.info(token, in: document), token.is(.allCaps)))
            // "Netanyahu's office": the possessive ends the run after the name.
            if token.is(.possessive) { flush() }
        }
        flush()
    }

    /// Reads and resolves every cue and sentence subject in text order; returns, per paragraph, each
    /// cue's token index with the cue and its resolved speaker, and each sentence's first token index
    /// with the person or body its subject names.
    func resolveCues(
        _ paragraphs: [Paragraph], _ resolver: inout SpeakerResolver
    ) -> (cues: [[CueEntry?]], subjects: [[Int: Resolved]]) {
        var result: [[CueEntry?]] = []
        var subjects: [[Int: Resolved]] = []
        result.reserveCapacity(paragraphs.count)
        subjects.reserveCapacity(paragraphs.count)
        for paragraph in paragraphs {
            let reader = AttributionReader(lexicon: lexicon.quotes, paragraph: paragraph)
            var items: [(index: Int, mention: Mention, cue: Cue?)] = []
            var sentenceStart = true
            for i in paragraph.tokens.indices {
                if sentenceStart {
                    let subject = reader.sentenceSubject(from: i)
                    if subject.kind == .person || subject.kind == .name || subject.kind == .organization {
                        items.append((i, subject, nil))
                    }
                    sentenceStart = false
                }
                if let cue = reader.cue(at: i) { items.append((i, reader.mention(for: cue), cue)) }
                sentenceStart = paragraph.tokens[i].endsClause || reader.endsSentence(quoteAt: i)
            }
            var cues = [CueEntry?](repeating: nil, count: paragraph.tokens.count)
            var sentenceSubjects: [Int: Resolved] = [:]
            for item in items {
                let position = paragraph.offset + paragraph.tokens[item.index].start
                let resolved = resolver.resolve(item.mention, position: position, paragraph: paragraph.index)
                if let cue = item.cue { cues[item.index] = (cue, resolved, item.mention.kind) }
                if item.cue == nil, let resolved, [.person, .organization, .name].contains(resolved.kind),
                   resolved.kind != .name || Self.verbFollows(item.mention, paragraph),
                   Self.sentenceGoesOn(item.mention, paragraph) {
                    sentenceSubjects[item.index] = resolved
                }
                // A sentence subject counts when it is a person or a body ("Coast Guard aerial assets ...").
                if item.cue == nil && resolved?.kind != .person && resolved?.kind != .organization { continue }
                if let resolved, resolved.kind == .person, let range = item.mention.nameRange {
                    if let age = reader.age(ofNameAt: range) { resolver.addAge(age, for: resolved.name) }
                    if let gender = reader.gender(ofNameAt: range, role: item.mention.role) {
                        resolver.addGender(gender, for: resolved.name)
                    }
                    resolver.recordMention(of: resolved.name, MentionSpan(
                        start: paragraph.offset + range.lowerBound, end: paragraph.offset + range.upperBound,
                        text: paragraph.text(range.lowerBound, range.upperBound)))
                }
                // "he said": the person it resolved to is a man.
                if let resolved, resolved.kind == .person, item.mention.kind == .pronoun, let gender = item.mention.gender {
                    resolver.addGender(gender, for: resolved.name)
                }
                // An unnamed person is a later "he" - unless only the source of a statement ("according to
                // his colleague"), who is rarely what the text goes on about.
                let unnamed = item.mention.kind == .role && !item.mention.plural && resolved == nil
                    && item.cue?.kind != .source
                let unnamedBody = item.mention.kind == .organization && item.mention.name == nil && resolved == nil
                resolver.record(Event(position: position, paragraph: paragraph.index, resolved: resolved,
                                      unnamedPerson: unnamed, unnamedBody: unnamedBody,
                                      relay: item.cue?.kind == .relay))
            }
            result.append(cues)
            subjects.append(sentenceSubjects)
        }
        return (result, subjects)
    }

    /// Whether a verb may follow a bare name at a sentence start: the next token is a lower-case word that
    /// is no preposition, article or conjunction ("Gingrich cynically dismissed", not "Similar to chants").
    static func verbFollows(_ mention: Mention, _ paragraph: Paragraph) -> Bool {
        guard let range = mention.nameRange,
              let next = paragraph.tokens.first(where: { $0.start >= range.upperBound }) else { return false }
        return next.kind == .word && !next.capitalized
            && !next.info.isA([.preposition, .determiner, .conjunction, .clause])
    }

    /// Whether a subject's name may go on into its sentence: not a run-in heading ending in a colon or
    /// full stop ("Veto Power Impedes Peace Efforts: …").
    static func sentenceGoesOn(_ mention: Mention, _ paragraph: Paragraph) -> Bool {
        guard let range = mention.nameRange else { return true }
        guard let next = paragraph.tokens.first(where: { $0.start >= range.upperBound }) else { return false }
        return !(next.isPunct(":") || next.isPunct("."))
    }

    /// Pairs segments into quotations: a segment left open at a paragraph's end runs on into the next
    /// paragraph when that paragraph opens with a double mark; a quotation ending in a comma and
    /// interrupted only by its attribution ("“We will,” he said, “and soon.”") is joined with the next.
    /// Headings, titles and quotations under three words are dropped.
    func candidates(_ paragraphs: [Paragraph], _ cues: [[CueEntry?]]) -> [Candidate] {
        var result: [Candidate] = []
        var skipFirst = Set<Int>()
        for paragraph in paragraphs where !paragraph.segments.isEmpty {
            if isHeading(paragraph) { continue }
            for k in paragraph.segments.indices {
                if k == 0 && skipFirst.contains(paragraph.index) { continue }
                var parts = [(paragraph: paragraph.index, segment: k)]
                var current = paragraph.segments[k]
                var p = paragraph.index
                // A paragraph ending inside a quotation continues into a next paragraph that opens with a mark.
                while current.close == nil && current.double && p + 1 < paragraphs.count {
                    let next = paragraphs[p + 1]
                    guard let first = next.segments.first, first.double, next.segmentTokens.first == 0,
                          !isTranscriptTurn(first, next) else { break }
                    p += 1
                    parts.append((p, 0))
                    skipFirst.insert(p)
                    current = first
                }
                result.append(Candidate(parts: parts, inner: nil))
            }
        }
        // Join a quotation interrupted by its attribution; a short quotation in between ("“PRESS”")
        // stays a candidate of its own.
        var joined: [Candidate] = []
        var lastLong = -1
        for candidate in result {
            if lastLong >= 0, let cue = interruption(joined[lastLong], candidate, paragraphs, cues) {
                joined[lastLong].parts += candidate.parts
                joined[lastLong].inner = joined[lastLong].inner ?? cue
                continue
            }
            joined.append(candidate)
            // A short part ending in a comma ("“We will,” he said, “and soon.”") can still be joined.
            let lastPart = candidate.parts[candidate.parts.count - 1]
            let interrupted = endsWithComma(paragraphs[lastPart.paragraph].segments[lastPart.segment],
                                            paragraphs[lastPart.paragraph])
            if interrupted || wordCount(candidate, paragraphs) >= Self.minimumWords || candidate.parts.count > 1 {
                lastLong = joined.count - 1
            }
        }
        // Join a fragment too short to stand alone to the quotation beside it in the same sentence and
        // statement: "described the plan as “disgusting” and “a con on voters”" is one quote.
        var merged: [Candidate] = []
        for candidate in joined {
            if let previous = merged.last, continuesFragment(previous, candidate, paragraphs, cues) {
                merged[merged.count - 1].parts += candidate.parts
                continue
            }
            merged.append(candidate)
        }
        // A transcript printed in quotation marks ("WALLACE: Let's start …", "Q: …") is no quotation.
        return merged.filter { candidate in
            let first = candidate.parts[0]
            let paragraph = paragraphs[first.paragraph]
            return !isTranscriptTurn(paragraph.segments[first.segment], paragraph) && isQuotation(candidate, paragraphs)
        }
    }

    /// Most words of a transcript's speaker tag ("WALLACE:", "SEN. SANDERS:", "Q:").
    static let maximumTurnTagWords = 3

    /// Whether a segment opens with a transcript's speaker tag: a few words in capitals, then a colon.
    func isTranscriptTurn(_ segment: Segment, _ paragraph: Paragraph) -> Bool {
        let inner = Self.inner(segment, paragraph.scalars)
        var words = 0
        for token in paragraph.words {
            let start = Int(token.start) - paragraph.offset
            if start < inner.lowerBound { continue }
            if start >= inner.upperBound { return false }
            let end = min(Int(token.end) - paragraph.offset, inner.upperBound)
            if token.isWord {
                let letters = paragraph.scalars[start..<end].filter { $0.properties.isAlphabetic }
                guard !letters.isEmpty, letters.allSatisfy({ $0.properties.isUppercase }) else { return false }
                words += 1
                if words > Self.maximumTurnTagWords { return false }
            } else if paragraph.scalars[start] == ":" {
                return words > 0
            } else if paragraph.scalars[start] != "." {
                return false
            }
        }
        return false
    }

    /// Whether `b` goes on with the fragment `a` quotes: the next segment of the same paragraph, `a` not
    /// ending a sentence, no sentence end, quotation or reporting cue between them (a cue between would
    /// attribute `b` anew), neither a title in capitals, and either only commas and "and", "or", "but"
    /// between them (a list of quoted phrases) or one of them under three words.
    func continuesFragment(
        _ a: Candidate, _ b: Candidate, _ paragraphs: [Paragraph], _ cues: [[CueEntry?]]
    ) -> Bool {
        let last = a.parts[a.parts.count - 1]
        let first = b.parts[0]
        guard last.paragraph == first.paragraph, first.segment == last.segment + 1 else { return false }
        let paragraph = paragraphs[last.paragraph]
        let segment = paragraph.segments[last.segment]
        guard segment.close != nil, segment.double == paragraph.segments[first.segment].double else { return false }
        if let end = Self.lastScalar(segment, paragraph.scalars), [".", "!", "?", ":"].contains(end) { return false }
        let from = paragraph.segmentTokens[last.segment] + 1
        let to = paragraph.segmentTokens[first.segment]
        guard to > from else { return false }
        var listed = true
        for i in from..<to {
            let t = paragraph.tokens[i]
            if t.endsClause || t.isPunct(":") || t.kind == .quote || cues[paragraph.index][i] != nil { return false }
            if !(t.isPunct(",") || (t.kind == .word && Self.listWords.contains(t.lower))) { listed = false }
        }
        guard !isTitle(last, paragraphs) && !isTitle(first, paragraphs) else { return false }
        // Quoted phrases listed with only commas and "and", "or", "but" between them are one quotation:
        // "called it “disgusting” and “a con”", "spoke of “how the system is rigged,” and “wounded families”".
        if listed { return true }
        // Only a fragment too short to be a quote by itself joins ("described him as “disgusting” and “a
        // con artist”"); two quotations of their own stay two, as our gold counts them ("had “ambushed the
        // military” and that “the death toll was not known”"), and two scare quotes stay none.
        let counts = (wordCount(a, paragraphs), wordCount(b, paragraphs))
        return min(counts.0, counts.1) < Self.minimumWords && max(counts.0, counts.1) >= Self.minimumWords
    }

    /// The words that may stand between quoted phrases of one list.
    static let listWords: Set<String> = ["and", "or", "but", "nor", "then"]

    /// Whether one part is a name or title: every word capitalised (small words aside).
    func isTitle(_ part: (paragraph: Int, segment: Int), _ paragraphs: [Paragraph]) -> Bool {
        let paragraph = paragraphs[part.paragraph]
        let inner = Self.inner(paragraph.segments[part.segment], paragraph.scalars)
        var count = 0
        for token in paragraph.words where token.isWord && inner.contains(Int(token.start) - paragraph.offset) {
            count += 1
            let first = paragraph.scalars[Int(token.start) - paragraph.offset]
            if !(first.isUpper || first.isDigit)
                && !(token.length <= 4 && token.isA([.connector, .determiner, .preposition])) {
                return false
            }
        }
        return count > 0
    }

    /// The cue between two candidates when the first is interrupted by it: same paragraph, the first part
    /// ends with a comma or dash, and only the attribution ("he said", "said Vall") stands between them.
    func interruption(
        _ a: Candidate, _ b: Candidate, _ paragraphs: [Paragraph], _ cues: [[CueEntry?]]
    ) -> (paragraph: Int, token: Int)? {
        let last = a.parts[a.parts.count - 1]
        let first = b.parts[0]
        guard last.paragraph == first.paragraph, first.segment > last.segment else { return nil }
        let paragraph = paragraphs[last.paragraph]
        let segment = paragraph.segments[last.segment]
        guard segment.close != nil, endsWithComma(segment, paragraph, questions: true) else { return nil }
        let from = paragraph.segmentTokens[last.segment] + 1
        var to = paragraph.segmentTokens[first.segment]
        // The attribution ends with a comma, a full stop or a colon right before the next part, or with a
        // comma and "but" or "and" ("“I love Larry,” he said, but “when it comes to energy …”").
        if to - 2 > from, paragraph.tokens[to - 1].kind == .word, ["but", "and"].contains(paragraph.tokens[to - 1].lower),
           paragraph.tokens[to - 2].isPunct(",") {
            to -= 1
        }
        guard to - from <= 40, to - 1 > from, paragraph.tokens[to - 1].kind == .punct,
              [",", ".", ":", "\u{2014}"].contains(paragraph.tokens[to - 1].lower) else { return nil }
        var found: Int? = nil
        for i in from..<to {
            let t = paragraph.tokens[i]
            if t.endsClause && i != to - 1 { return nil }
            if let entry = cues[paragraph.index][i] {
                // A second cue attributes the next part anew: "…,” said Antoine. …, Antoine said: “…”";
                // a participle right before the next part goes on with the same speaker: "…,” Marcin said,
                // adding: “…”" (one with words of its own, "…,” Sanders said, suggesting a few questions,
                // including, “…”", quotes anew).
                if found != nil {
                    if entry.cue.kind == .participle
                        && ((i + 1)..<to).allSatisfy({ paragraph.tokens[$0].kind == .punct }) { continue }
                    return nil
                }
                found = i
                continue
            }

            // "..., while Gallant said “...”": another clause, not an interruption.
            if found == nil && t.kind == .word && !t.capitalized
                && (t.info.isA(.conjunction) || t.info.isA(.clause)) {
                return nil
            }
        }
        guard let found, let entry = cues[paragraph.index][found], entry.cue.kind != .source else { return nil }
        return (paragraph.index, found)
    }

    /// Whether a segment's text ends with a comma or a dash, inside or just outside the closing mark.
    /// With `questions`, a question or exclamation mark counts too ("“Until when?” Al Agha asked. “We …”").
    func endsWithComma(_ segment: Segment, _ paragraph: Paragraph, questions: Bool = false) -> Bool {
        let marks: Set<Unicode.Scalar> = questions ? [",", "\u{2014}", "\u{2013}", "-", "?", "!"] : [",", "\u{2014}", "\u{2013}", "-"]
        if let last = Self.lastScalar(segment, paragraph.scalars), marks.contains(last) {
            return true
        }
        guard let close = segment.close else { return false }
        var i = close + 1
        while i < paragraph.scalars.count && paragraph.scalars[i].isSpace { i += 1 }
        return i < paragraph.scalars.count && [",", "\u{2014}", "\u{2013}"].contains(paragraph.scalars[i])
    }

    /// The last scalar of a segment's text, past the closing marks of a quotation nested at its end:
    /// "“You say you ‘accept responsibility,’” Merkley said" ends with the comma.
    static func lastScalar(_ segment: Segment, _ s: [Unicode.Scalar]) -> Unicode.Scalar? {
        let inner = Self.inner(segment, s)
        var b = inner.upperBound
        while b > inner.lowerBound && (Marks.singleClose.contains(s[b - 1]) || s[b - 1].isSpace) { b -= 1 }
        return b > inner.lowerBound ? s[b - 1] : nil
    }

    /// Number of words of a candidate.
    func wordCount(_ candidate: Candidate, _ paragraphs: [Paragraph]) -> Int {
        candidate.parts.reduce(0) { total, part in
            let paragraph = paragraphs[part.paragraph]
            return total + paragraph.wordCount(Self.inner(paragraph.segments[part.segment], paragraph.scalars))
        }
    }

    /// Whether a candidate is a quotation: three words or more, and not a title in capitals.
    func isQuotation(_ candidate: Candidate, _ paragraphs: [Paragraph]) -> Bool {
        var count = 0
        var capitalised = 0
        for part in candidate.parts {
            let paragraph = paragraphs[part.paragraph]
            let inner = Self.inner(paragraph.segments[part.segment], paragraph.scalars)
            for token in paragraph.words where token.isWord && inner.contains(Int(token.start) - paragraph.offset) {
                count += 1
                let first = paragraph.scalars[Int(token.start) - paragraph.offset]
                if first.isUpper || first.isDigit {
                    capitalised += 1
                } else if token.length <= 4 && token.isA([.connector, .determiner, .preposition]) {
                    // "Supporters of God": small words do not break a title's capitals.
                    capitalised += 1
                }
            }
        }
        // Scare quotes and short names: fewer than three words.
        if count < Self.minimumWords { return false }
        // Titles: a few words, every one capitalised, no exclamation or question ("Operation Protective
        // Edge", not "No to Fascism!"). A full stop is no sentence here: American style puts the period of
        // the sentence inside the closing mark ("on Fox News’s “Fox and Friends.”").
        let last = candidate.parts[candidate.parts.count - 1]
        let lastSegment = paragraphs[last.paragraph].segments[last.segment]
        let sentence = Self.lastScalar(lastSegment, paragraphs[last.paragraph].scalars).map { ["!", "?"].contains($0) } ?? false
        if count <= Self.maximumTitleWords && capitalised == count && !sentence { return false }
        // A book's or a report's title with its subtitle: longer, every word capitalised, a colon between
        // the two ("The Quiet Coast: Life and Work in a Fishing Town").
        if count <= Self.maximumSubtitledWords && capitalised == count && !sentence && candidate.parts.count == 1
            && Self.isSubtitled(paragraphs[last.paragraph], lastSegment) {
            return false
        }
        return true
    }

    /// A title with a subtitle has at most this many words.
    static let maximumSubtitledWords = 16

    /// Whether a segment's text holds a colon after its first word and no full stop, question or
    /// exclamation mark before its end: a title and its subtitle.
    static func isSubtitled(_ paragraph: Paragraph, _ segment: Segment) -> Bool {
        let inner = Self.inner(segment, paragraph.scalars)
        guard inner.count > 2 else { return false }
        var colon = false
        for k in inner.lowerBound..<(inner.upperBound - 1) {
            let c = paragraph.scalars[k]
            if c == ":" && k > inner.lowerBound { colon = true }
            // A full stop inside, other than an initial's or an abbreviation's, ends a sentence.
            if (c == "." || c == "!" || c == "?") && k + 1 < inner.upperBound && paragraph.scalars[k + 1] == " " { return false }
        }
        return colon
    }

    /// Whether a paragraph is a heading: a few words with no closing punctuation.
    func isHeading(_ paragraph: Paragraph) -> Bool {
        // A quotation left open runs on into the next paragraph.
        if let segment = paragraph.segments.last, segment.close == nil { return false }
        let s = paragraph.scalars
        // A subheading in single marks: "‘Where should we go?’".
        if paragraph.segments.count == 1, let segment = paragraph.segments.first, !segment.double,
           paragraph.tokens.count == 1 || (paragraph.tokens.isEmpty && segment.open == 0) {
            return paragraph.wordCount(0..<s.count) <= Self.maximumHeadingWords
        }
        var last = s.count - 1
        while last >= 0 && s[last].isSpace { last -= 1 }
        guard last >= 0 else { return true }
        // A signed quotation: "“…” ― Carla Sanchez".
        if let segment = paragraph.segments.indices.last, byline(afterSegment: segment, paragraph) != nil { return false }
        switch s[last] {
        case ".", "!", "?", ":", ")", "\u{2026}": return false
        case "\u{201D}", "\"", "\u{2019}", "'":
            if last > 0, [".", "!", "?", ",", "\u{2026}"].contains(s[last - 1]) { return false }
        default: break
        }
        return paragraph.wordCount(0..<s.count) <= Self.maximumHeadingWords
    }

    /// The cue a quotation is attributed to, with its resolved speaker: the cue inside a joined
    /// quotation; else the one right after it ("…,” he said); else the one before it in its sentence
    /// ("Vall said instead of …, “what we see …”"); else, for a paragraph that is all quotation after a
    /// paragraph ending in a colon, that paragraph's last cue. An outlet's "reported" after a quotation
    /// yields to a speaker named before it.
    func attribute(
        _ candidate: Candidate, _ paragraphs: [Paragraph], _ cues: [[CueEntry?]]
    ) -> CueEntry? {
        if let inner = candidate.inner { return cues[inner.paragraph][inner.token] }
        let last = candidate.parts[candidate.parts.count - 1]
        let first = candidate.parts[0]
        let after = cueAfter(paragraphs[last.paragraph], segment: last.segment, cues[last.paragraph])
        let before = cueBefore(paragraphs[first.paragraph], segment: first.segment, cues[first.paragraph])
        if let after {
            // "…,” NNA reported": an outlet passing on the words of a speaker named before.
            if after.cue.kind == .relay, after.resolved?.kind != .person, let before, before.resolved != nil {
                return before
            }
            return after
        }
        let segment = paragraphs[last.paragraph].segments[last.segment]
        let complete = Self.lastScalar(segment, paragraphs[last.paragraph].scalars).map { [".", "!", "?"].contains($0) } ?? false
        let later = complete ? nil : cueLater(paragraphs[last.paragraph], segment: last.segment, cues[last.paragraph])
        if let before, before.resolved != nil || later?.resolved == nil { return before }
        return later
    }

    /// The speaker a paragraph ending in a colon introduces a quotation with: the last cue's ("The New
    /// York Times reports:", "Trump told reporters:"), an outlet's included.
    func introducer(of paragraph: Paragraph, _ cues: [CueEntry?]) -> Resolved? {
        guard let end = paragraph.tokens.last, end.isPunct(":") else { return nil }
        for entry in cues.reversed() {
            if let resolved = entry?.resolved { return resolved }
        }
        return nil
    }

    /// The cue right after a segment: "…,” he said", "…,” said Safadi", "…,” according to the ministry".
    /// After a quotation that ends a sentence, only a short attribution counts ("….” Hagari said.").
    func cueAfter(
        _ paragraph: Paragraph, segment: Int, _ cues: [CueEntry?]
    ) -> CueEntry? {
        let tokens = paragraph.tokens
        let q = paragraph.segmentTokens[segment]
        var j = q + 1
        var commaLike = endsWithComma(paragraph.segments[segment], paragraph)
        if let end = Self.lastScalar(paragraph.segments[segment], paragraph.scalars),
           ["?", "!", "\u{2026}"].contains(end) { commaLike = true }
        while j < tokens.count && tokens[j].separatesParts && !tokens[j].isPunct("(") {
            commaLike = true
            j += 1
        }
        // A fragment quoted inside a sentence that its closing full stop ends takes no cue after it: "Japan
        // branded North Korea an “outlaw nation.” Russia insisted …".
        if q > 0, tokens[q - 1].kind == .word, Self.lastScalar(paragraph.segments[segment], paragraph.scalars) == "." {
            return nil
        }
        var k = j
        while k < tokens.count && k - j < 20 {
            let t = tokens[k]
            if t.kind == .quote || t.endsClause { return nil }
            if let entry = cues[k] {
                // Right after the quotation, only a verb that may be inverted: "said X", "according to X",
                // "reported Reuters".
                if k == j && ![.speech, .source, .relay].contains(entry.cue.kind) { return nil }
                return entry
            }
            // "…” crossing from Lebanon …", "…,” while Gallant said": no attribution of this quotation.
            if t.kind == .word && !t.capitalized && (t.info.isA(.conjunction)
                                                    || t.info.isA(.clause)) {
                return nil
            }
            if !commaLike && !(t.kind == .word && (t.capitalized || t.info.pronoun != nil)) {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// A cue later in the same sentence as a partial quotation: "All the crew members “fell into the
    /// sea” wearing life jackets, Hsiao Huan-chang said".
    func cueLater(
        _ paragraph: Paragraph, segment: Int, _ cues: [CueEntry?]
    ) -> CueEntry? {
        let tokens = paragraph.tokens
        var k = paragraph.segmentTokens[segment] + 1
        while k < tokens.count {
            let t = tokens[k]
            if t.kind == .quote || t.endsClause { return nil }
            if let entry = cues[k], entry.cue.kind == .speech || entry.cue.kind == .subject { return entry }
            k += 1
        }
        return nil
    }

    /// The nearest cue before a segment in its sentence, looking past quotations that do not end it.
    /// A cue word that names no one, a noun ("Trump’s flurry of late-night tweets") or a verb with no
    /// subject of its own ("…,” Sanders said, going on to say that …), is passed over for an earlier cue
    /// of the sentence that names a person ("Hillary Clinton says Trump’s … tweets … were “…”").
    func cueBefore(
        _ paragraph: Paragraph, segment: Int, _ cues: [CueEntry?]
    ) -> CueEntry? {
        let tokens = paragraph.tokens
        var k = paragraph.segmentTokens[segment] - 1
        let reader = AttributionReader(lexicon: lexicon.quotes, paragraph: paragraph)
        var nearest: CueEntry? = nil
        while k >= 0 {
            if tokens[k].endsClause || reader.endsSentence(quoteAt: k) { break }
            if let entry = cues[k] {
                let named = entry.mention != .none || entry.resolved != nil
                if named && (nearest == nil || entry.resolved?.kind == .person) { return entry }
                if named { return nearest }
                if nearest == nil { nearest = entry }
            }
            k -= 1
        }
        // A cue with no one named still attributes the quotation, to no one: in "Police shared a tribute
        // from the family of Bebe King who said: “…”" the sentence's subject is not the speaker.
        return nearest
    }

    /// Dashes that sign a quotation with the name after them.
    static let bylineDashes: Set<String> = ["\u{2014}", "\u{2013}", "\u{2015}", "-"]

    /// The person who signs a quotation: a dash after its closing mark, then a person's name that ends
    /// the paragraph or stands before the next quotation ("“We will vote.” ― Carla Sanchez.", as vox pops
    /// and epigraphs are printed). A name of one word, a body or more words after the name is no signature.
    func byline(after candidate: Candidate, _ paragraphs: [Paragraph]) -> Mention? {
        let last = candidate.parts[candidate.parts.count - 1]
        return byline(afterSegment: last.segment, paragraphs[last.paragraph])
    }

    /// The signature after segment `segment` of `paragraph` (see `byline(after:_:)`).
    func byline(afterSegment segment: Int, _ paragraph: Paragraph) -> Mention? {
        let tokens = paragraph.tokens
        var k = paragraph.segmentTokens[segment] + 1
        if k < tokens.count && tokens[k].isPunct(",") { k += 1 }
        guard k < tokens.count, tokens[k].kind == .punct, Self.bylineDashes.contains(tokens[k].lower) else { return nil }
        k += 1
        let reader = AttributionReader(lexicon: lexicon.quotes, paragraph: paragraph)
        let end = reader.nameRunEnd(from: k)
        guard end - k >= 2 else { return nil }
        // Nothing but a full stop after the name, then the paragraph's end or the next quotation.
        var next = end
        if next < tokens.count && tokens[next].isPunct(".") { next += 1 }
        guard next == tokens.count || tokens[next].kind == .quote else { return nil }
        let mention = reader.classify(k, end, roleEnd: end)
        return mention.kind == .person ? mention : nil
    }
}
