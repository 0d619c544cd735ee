/// Resolving attribution phrases to speakers: surnames to full names, pronouns to the person last
/// named, roles to the person who holds them; and the people quoted, as entities.
extension QuoteExtractor {
    /// A speaker as resolved in one article.
    struct Resolved {
        /// What the speaker is.
        enum Kind {
            /// A person.
            case person
            /// An organisation.
            case organization
            /// A bare single name that may be a person or a body ("Nasser", "Hezbollah").
            case name
            /// A place or anything else.
            case other
        }
        /// What the speaker is.
        var kind: Kind
        /// Fullest name the article gives.
        var name: String
        /// Role or title, without articles.
        var role: String?
    }

    /// Something the article said about who is speaking or acting, in text order.
    struct Event {
        /// Scalar offset in the document.
        var position: Int
        /// Paragraph index.
        var paragraph: Int
        /// The speaker or subject, when it is known.
        var resolved: Resolved?
        /// A single person whose name the article does not give ("a witness"): a later "he" is not
        /// someone named earlier.
        var unnamedPerson = false
        /// A body the article does not name here ("the militant group"): a later "it" is not a body
        /// named earlier.
        var unnamedBody = false
        /// An outlet passing on someone else's words ("Reuters reported").
        var relay = false
    }

    /// Per-article state for resolution: the names the article gives and what happened so far.
    struct SpeakerResolver {
        /// The word lists.
        let lexicon: QuoteLexicon
        /// Full person names (two words or more) by their folded last word, with their folded words and
        /// where they first appear.
        private(set) var byLastWord: [String: [(name: String, folded: String, position: Int)]] = [:]
        /// Last words of six letters or more by their skeleton (`skeleton(_:)`), to find a transliteration.
        private var bySkeleton: [String: [String]] = [:]
        /// Roles the article gives each full name.
        private(set) var roles: [String: String] = [:]
        /// Entities of the article by folded name and alias.
        private var entityByName: [String: ArticleEntity] = [:]
        /// Events so far, in text order.
        private(set) var events: [Event] = []
        /// Mentions of each person's name, by full name.
        private(set) var mentionSpans: [String: [MentionSpan]] = [:]
        /// Full names of bodies by the acronym the article gives in brackets ("IDF" -> "Israel Defense Forces").
        private var acronyms: [String: String] = [:]

        /// Places and demonyms, to tell a nationality from a name.
        let gazetteer: Gazetteer

        /// Starts with the entities another extractor found.
        init(lexicon: QuoteLexicon, entities: [ArticleEntity], gazetteer: Gazetteer = Gazetteer()) {
            self.lexicon = lexicon
            self.gazetteer = gazetteer
            for entity in entities {
                entityByName[entity.name.applyingFolding()] = entity
                for alias in entity.aliases { entityByName[alias.applyingFolding()] = entity }
                if entity.type == .person { addName(entity.name, position: -1, role: nil) }
            }
        }

        /// The folded names and aliases of the entities given, the people's apart from the rest's (folded once,
        /// here, for the attribution reader too).
        var foldedEntityNames: (people: Set<String>, bodies: Set<String>) {
            var people = Set<String>(), bodies = Set<String>()
            for (name, entity) in entityByName {
                if entity.type == .person { people.insert(name) } else { bodies.insert(name) }
            }
            return (people, bodies)
        }

        /// Bodies by the lower-case description the article puts before their name ("militant group").
        private var descriptions: [String: String] = [:]

        /// Records the description put before a body's name ("the militant group Hezbollah").
        mutating func addDescription(_ description: String, for name: String) {
            let key = description.applyingFolding()
            if descriptions[key] == nil { descriptions[key] = name }
        }

        /// Records an acronym given in brackets after a body's name.
        mutating func addAcronym(_ acronym: String, for name: String) {
            if acronyms[acronym] == nil { acronyms[acronym] = name }
        }

        /// Records a full person name seen in the text.
        mutating func addName(_ name: String, position: Int, role: String?, span: MentionSpan? = nil) {
            let folded = name.applyingFolding()
            // The last word: found over the bytes when the name is ASCII (a Character search walks grapheme
            // clusters from the end).
            guard let space = folded.utf8.allSatisfy({ $0 < 0x80 })
                    ? folded.utf8.lastIndex(of: 0x20) : folded.lastIndex(of: " ") else { return }
            let key = String(folded[folded.index(after: space)...])
            if !entityByName.isEmpty, let entity = entityByName[folded], entity.type != .person { return }
            if !(byLastWord[key]?.contains { $0.name == name } ?? false) {
                if byLastWord[key] == nil && key.utf8.count >= 6 { bySkeleton[Self.skeleton(key), default: []].append(key) }
                byLastWord[key, default: []].append((name, folded, position))
            }
            if let role, roles[name] == nil { roles[name] = role }
            if let span { mentionSpans[name, default: []].append(span) }
        }

        /// The full name a shorter form stands for: the person with that last word named nearest before
        /// `position` (or first after it); the form itself when the article gives no fuller name.
        func expand(_ name: String, position: Int) -> String {
            let words = name.splitASCII(0x20)
            guard let lastWord = words.last else { return name }
            var lastKey = String(lastWord).applyingFolding()
            if byLastWord[lastKey] == nil, let known = variant(of: lastKey) { lastKey = known }
            guard let candidates = byLastWord[lastKey] else { return name }
            var folded = words.map { String($0).applyingFolding() }
            folded[folded.count - 1] = lastKey
            let fitting = candidates.filter { candidate in
                let parts = candidate.folded.splitASCII(0x20)
                return parts.count > words.count && folded.allSatisfy { word in parts.contains { $0 == word } }
            }
            let before = fitting.filter { $0.position < position }
            if let best = before.max(by: { $0.position < $1.position }) { return best.name }
            return fitting.first?.name ?? name
        }

        /// The person whose role ends with `role` ("prime minister" -> "Israeli Prime Minister ..."), when
        /// exactly one person in the article has it.
        /// A generic head ("the UN chief", "the Hamas leader") is the one person whose role holds all its
        /// other words ("UN Secretary-General Antonio Guterres").
        func person(withRole role: String) -> String? {
            let wanted = role.applyingFolding()
            let holders = Set(roles.filter { entry in
                let held = entry.value.applyingFolding()
                return held == wanted || held.hasSuffix(" " + wanted)
            }.map(\.key))
            if !holders.isEmpty { return holders.count == 1 ? holders.first : nil }
            let words = wanted.splitASCII(0x20).map(String.init)
            guard words.count >= 2, let head = words.last, Self.genericHeads.contains(head) else { return nil }
            let modifiers = words.dropLast()
            let heads = Set(roles.filter { entry in
                let held = Set(entry.value.applyingFolding().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init))
                return modifiers.allSatisfy { held.contains($0) }
            }.map(\.key))
            return heads.count == 1 ? heads.first : nil
        }

        /// The person a definite role at `position` refers to ("the senator", "the Texas senator", "the
        /// director"): of the people whose role has that head noun (its last role word before any complement:
        /// "director" of "director of the state health agency"; "Sen." standing for "senator"),
        /// the one whose name the text gave last before `position`. A role with a complement of its own
        /// ("the director of the clinic") names someone else.
        func person(withHead role: String, before position: Int) -> String? {
            let words = roleWords(role.applyingFolding())
            // A generic head ("the UN chief") stands for whatever title heads a body: `person(withRole:)` reads it.
            guard words.count == role.splitASCII(0x20).count, let head = words.last, !Self.genericHeads.contains(head),
                  lexicon.english[head].contains(.role), !lexicon.english[head].contains(.roleMany)
            else { return nil }
            // "the prime minister" is no "Employment Minister": a lower-case modifier of the description
            // must be in the role held ("the Texas senator" names a place, which a title need not hold).
            let modifiers = role.split(separator: " ").dropLast().map(String.init).filter {
                $0.first?.isLowercase == true && !lexicon.english[$0.applyingFolding()].contains(.determiner)
            }.map { $0.applyingFolding() }
            var best: (name: String, position: Int)? = nil
            var tie = false
            for (name, held) in roles {
                let heldWords = Set(held.applyingFolding().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init))
                guard modifiers.allSatisfy({ heldWords.contains($0) }) else { continue }
                // The held role's head: its last role word before any complement ("director" of "Republican
                // National Committee Research Director", not "republican"), or the nouns its abbreviation stands for.
                guard let heldHead = roleWords(held.applyingFolding()).last(where: {
                    lexicon.english[$0].contains(.role) || lexicon.titleForms[$0] != nil
                }), heldHead == head || (lexicon.titleForms[heldHead] ?? []).contains(head) else { continue }
                let last = (mentionSpans[name] ?? []).map(\.start).filter { $0 < position }.max()
                    ?? byLastWord.values.joined().first { $0.name == name && $0.position < position }?.position
                guard let last else { continue }
                if let current = best, current.position == last { tie = true }
                if best == nil || last > best!.position { best = (name, last); tie = false }
            }
            return tie ? nil : best?.name
        }

        /// The words of a role up to its first preposition or comma, each without a possessive or full stop:
        /// "director of the state health agency" -> ["director"], "panel chairman rep." -> ["panel", "chairman", "rep"].
        func roleWords(_ folded: String) -> [String] {
            var result: [String] = []
            for raw in folded.splitASCII(0x20) {
                var word = String(raw)
                if word.hasSuffix(",") { break }
                while word.hasSuffix(".") { word.removeLast() }
                if word.hasSuffix("'s") { word.removeLast(2) }
                if lexicon.english[word].contains(.preposition) { break }
                result.append(word)
            }
            return result
        }

        /// Role nouns that stand for whatever title heads a body: "the UN chief", "the Hamas leader".
        static let genericHeads: Set<String> = ["chief", "head", "leader", "boss"]

        /// The last word of a known full name that `word` spells another way ("Zelenskyy" for "Zelensky",
        /// "Mohammad" for "Mohammed"): one letter added, dropped or changed after the first, in a word of six
        /// letters or more, when exactly one known name is that close. A plural ("the Clintons") is no variant.
        func variant(of word: String) -> String? {
            let w = Array(word.utf8)
            guard w.count >= 6, byLastWord[word] == nil, let keys = bySkeleton[Self.skeleton(word)] else { return nil }
            var found: String? = nil
            for key in keys {
                let k = key.utf8
                guard abs(k.count - w.count) <= 1, k.first == w.first else { continue }
                let kb = Array(k)
                // A plural ("the Clintons") is no variant.
                if kb.count == w.count + 1 && kb.last == UInt8(ascii: "s") && kb.starts(with: w) { continue }
                if w.count == kb.count + 1 && w.last == UInt8(ascii: "s") && w.starts(with: kb) { continue }
                guard Self.oneEditApart(kb, w) else { continue }
                if found != nil { return nil }
                found = key
            }
            return found
        }

        /// A word without its vowels, "y" and "h" after the first letter: two spellings that differ only there
        /// share it ("zlnsk" for "zelensky" and "zelenskyy").
        static func skeleton(_ word: String) -> String {
            var bytes: [UInt8] = []
            for (i, b) in word.utf8.enumerated() where i == 0 || !softLetters.contains(b) { bytes.append(b) }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Letters that transliterations of one name add, drop or change.
        static let softLetters: Set<UInt8> = Set("aeiouyh".utf8)

        /// Whether two words differ by one vowel, "y" or "h" added, dropped or changed, as transliterations
        /// of one name do ("Zelensky", "Zelenskyy"; "Mohammed", "Mohammad"), and not by a consonant as
        /// different names do ("Johnson", "Johnston").
        static func oneEditApart(_ a: [UInt8], _ b: [UInt8]) -> Bool {
            if a == b || abs(a.count - b.count) > 1 { return false }
            let soft = softLetters
            var i = 0
            while i < a.count && i < b.count && a[i] == b[i] { i += 1 }
            if a.count == b.count {
                return soft.contains(a[i]) && soft.contains(b[i]) && a[(i + 1)...] == b[(i + 1)...]
            }
            return a.count > b.count ? soft.contains(a[i]) && a[(i + 1)...] == b[i...]
                : soft.contains(b[i]) && a[i...] == b[(i + 1)...]
        }

        /// Resolves a mention made at `position` in paragraph `paragraph`.
        func resolve(_ mention: Mention, position: Int, paragraph: Int) -> Resolved? {
            switch mention.kind {
            case .person, .name:
                guard let raw = mention.name else { return nil }
                let full = expand(raw, position: position)
                if let entity = entityByName[full.applyingFolding()] {
                    let kind: Resolved.Kind = entity.type == .person ? .person
                        : entity.type == .organization ? .organization : .other
                    return Resolved(kind: kind, name: entity.name, role: mention.role ?? roles[entity.name])
                }
                // "the Australian said", "The Portuguese added": a nationality alone names no one.
                if mention.kind == .name, full == raw, gazetteer.isDemonym(raw) { return nil }
                // A bare single name is a person only when the article gives more of it or a role.
                let isPerson = mention.kind == .person || full != raw
                return Resolved(kind: isPerson ? .person : .name, name: full, role: mention.role ?? roles[full])
            case .organization:
                guard let raw = mention.name else {
                    // "the militant group": the body the article introduced so ("the militant group
                    // Hezbollah"), else the body named before with that word, if any.
                    if let description = mention.role, let named = descriptions[description.applyingFolding()] {
                        return Resolved(kind: .organization, name: named, role: nil)
                    }
                    if let description = mention.role, let head = description.splitASCII(0x20).last {
                        // A bare "the agency" is the body last named; "the militant group" only one so called.
                        return body(withHead: String(head), before: position, paragraph: paragraph,
                                    recent: !description.contains(" "))
                    }
                    return nil
                }
                let full = acronyms[raw] ?? raw
                if let entity = entityByName[full.applyingFolding()] {
                    return Resolved(kind: .organization, name: entity.name, role: nil)
                }
                if full != raw { return Resolved(kind: .organization, name: full, role: nil) }
                if mention.definite, let named = body(withHead: raw, before: position, paragraph: paragraph) { return named }
                return Resolved(kind: .organization, name: raw, role: nil)
            case .place:
                guard let raw = mention.name else { return nil }
                return Resolved(kind: .other, name: entityByName[raw.applyingFolding()]?.name ?? raw, role: nil)
            case .pronoun:
                switch mention.pronoun {
                case .person?: return lastPerson(before: position, paragraph: paragraph, gender: mention.gender)
                case .organization?: return lastBody(before: position, paragraph: paragraph)
                default: return nil
                }
            case .document:
                return lastBody(before: position, paragraph: paragraph)
            case .role:
                if let age = mention.age {
                    // "the 45-year-old": the one person the article gave that age.
                    let named = Set(ages.filter { $0.value == age }.map(\.key))
                    guard named.count == 1, let name = named.first else { return nil }
                    return Resolved(kind: .person, name: name, role: roles[name])
                }
                guard !mention.plural, let role = mention.role,
                      let name = person(withRole: role) ?? (mention.definite ? person(withHead: role, before: position) : nil)
                else { return nil }
                return Resolved(kind: .person, name: name, role: roles[name])
            case .none:
                return nil
            }
        }

        /// The body named before `position` that "the ministry" refers to: the last organisation whose
        /// name has that word ("Pakistan’s Ministry of Foreign Affairs").
        /// With `recent`, an institution ("the ministry") is first the body that spoke or acted last.
        func body(withHead description: String, before position: Int, paragraph: Int, recent: Bool = true) -> Resolved? {
            let head = description.applyingFolding()
            // The body that spoke or acted last, in this paragraph or the one before.
            for event in events.reversed() where recent && event.position < position {
                if event.paragraph < paragraph - 1 { break }
                guard let resolved = event.resolved, !event.relay else { continue }
                if resolved.kind == .organization { return resolved }
                break
            }
            for event in events.reversed() where event.position < position {
                guard let resolved = event.resolved, resolved.kind == .organization else { continue }
                let words = resolved.name.applyingFolding().split(whereSeparator: { !$0.isLetter })
                if words.count > 1 && words.contains(where: { $0 == head }) { return resolved }
            }
            // "the agency said in its statement": with one body named so far, that body.
            guard recent else { return nil }
            var only: Resolved? = nil
            for event in events where event.position < position && !event.relay {
                guard let resolved = event.resolved, resolved.kind == .organization else { continue }
                if let found = only, found.name != resolved.name { return nil }
                only = resolved
            }
            return only
        }

        /// The person a "he" or "she" at `position` refers to: the last single person the text named, or
        /// nil when that person's name was not given. A bare name ("Nasser told Al Jazeera") counts when
        /// it is the last subject, in this paragraph or the one before.
        /// With a gender ("she"), a person the text tells is of the other one is passed over.
        func lastPerson(before position: Int, paragraph: Int, gender: QuoteLexicon.Gender? = nil) -> Resolved? {
            var first = true
            for event in events.reversed() where event.position < position {
                if event.unnamedPerson { return nil }
                guard let resolved = event.resolved else { continue }
                if resolved.kind == .person || (first && resolved.kind == .name && event.paragraph >= paragraph - 1) {
                    // A person the text tells is of the other gender is passed over.
                    guard let gender, let known = genders[resolved.name], known != gender else { return resolved }
                }
                if resolved.kind != .person { first = false }
            }
            return nil
        }

        /// Genders the text tells of people, by full name.
        private(set) var genders: [String: QuoteLexicon.Gender] = [:]

        /// Records the gender the text tells of a person (the first evidence stands).
        mutating func addGender(_ gender: QuoteLexicon.Gender, for name: String) {
            if genders[name] == nil { genders[name] = gender }
        }

        /// The body an "it" or "the statement" at `position` refers to: the last speaker or subject, when
        /// it is not a person, within the two paragraphs before.
        func lastBody(before position: Int, paragraph: Int) -> Resolved? {
            for event in events.reversed() where event.position < position {
                if event.paragraph < paragraph - 2 || event.unnamedBody { return nil }
                guard let resolved = event.resolved else { continue }
                return resolved.kind == .person ? nil : resolved
            }
            return nil
        }

        /// The last speaker or subject the article named in a paragraph before `position`, outlets passing
        /// words on aside.
        func lastNamed(inParagraph paragraph: Int, before position: Int = .max) -> Resolved? {
            for event in events.reversed() where event.paragraph <= paragraph && event.position < position {
                if event.paragraph < paragraph { return nil }
                if let resolved = event.resolved, !(event.relay && resolved.kind != .person) { return resolved }
            }
            return nil
        }

        /// Records an event.
        mutating func record(_ event: Event) {
            if let resolved = event.resolved, resolved.kind == .person, let role = resolved.role,
               roles[resolved.name] == nil {
                roles[resolved.name] = role
            }
            events.append(event)
        }

        /// Ages the article gives people, by full name ("Jonas Berk, 45,").
        private(set) var ages: [String: String] = [:]

        /// Records the age the article gives a person.
        mutating func addAge(_ age: String, for name: String) {
            if ages[name] == nil { ages[name] = age }
        }

        /// Records a mention of a person's name.
        mutating func recordMention(of name: String, _ span: MentionSpan) {
            mentionSpans[name, default: []].append(span)
        }
    }
}
