extension CasualtyReader {
    // MARK: - Kinds

    /// Gives each candidate its kind from the first pattern that fits, then settles sub-counts.
    ///
    /// Patterns, in order:
    /// 1. a casualty adjective inside the noun phrase: "55 missing people", "26 injured people";
    /// 2. an active casualty verb right before the number: "killing 9 civilians", "injured another 89,166";
    ///    a casualty noun with "of": "the bodies of five hostages", "the deaths of 12 children";
    /// 3. a passive casualty word after the victims: "41 people have been killed", "seven missing",
    ///    "three people were injured in Russian shelling", "four Pakistanis were among the dead";
    /// 4. the noun phrase is a casualty noun: "12 deaths", "three bodies", "200 injuries";
    /// 5. a casualty noun before the number, linked by a verb: "the death toll rose to 40";
    /// 6. coordination with the figure before: "22 civilians and 43 fighters".
    /// Sub-counts ("including 60 civilians", "six of whom", "six of the nine") take their parent's kind.
    func findKinds(_ cs: inout [FigureCandidate]) {
        for n in cs.indices where !cs[n].unit {
            // "prevent 4 million deaths", "saved 200 lives": the casualties did not happen.
            if prevented(before: cs[n].phrase.start) { continue }
            let opener = partOpener(before: cs[n].phrase.start)
            if opener || cs[n].partAfter || cs[n].partOfNext {
                cs[n].isPart = true
            }
            if let k = cs[n].kindInNP {
                cs[n].kind = k
            } else if cs[n].kindNounIsAdjective, let k = cs[n].kindNoun {
                // "left three dead and seven others injured": "dead" states the kind, not the verb after.
                cs[n].kind = k
            } else if let (k, ev, hit) = activeKind(cs[n]) {
                cs[n].kind = k
                cs[n].evidence = ev
                cs[n].hit = hit
                // The object of its own verb is no part of an earlier figure ("killing up to 300 of them").
                if cs[n].partAfter && !opener {
                    cs[n].isPart = false
                    cs[n].group = cs[n].group ?? .people
                }
            } else if let (k, ev, hit) = passiveKind(cs[n], in: cs) {
                cs[n].kind = k
                cs[n].evidence = ev
                cs[n].hit = hit
            } else if let k = cs[n].kindNoun {
                cs[n].kind = k
            } else if let k = linkedNounKind(cs[n], in: cs) {
                cs[n].kind = k
            } else if n > 0, let k = coordinatedKind(cs[n], previous: cs[n - 1]) {
                cs[n].kind = k
                if cs[n - 1].isPart {
                    cs[n].isPart = true
                    cs[n].parent = cs[n - 1].parent
                }
            }
        }
        // Sub-counts: "including 60 civilians" and "six of whom" belong to the figure before; "six of the nine"
        // to the number after. A sub-count without a parent figure is no figure ("including 772,000 children"
        // of people "impacted").
        for n in cs.indices where cs[n].isPart && cs[n].parent == nil {
            if cs[n].partOfNext {
                if n + 1 < cs.count, cs[n + 1].kind != nil { cs[n].parent = n + 1 }
            } else {
                var p = n - 1
                while p >= 0 && (cs[p].kind == nil || cs[p].isPart) { p -= 1 }
                if p >= 0 { cs[n].parent = p }
            }
            if let p = cs[n].parent {
                if cs[n].kind == nil { cs[n].kind = cs[p].kind }
            } else {
                // No parent: a figure only if its own words make it one ("the dead included 3 children").
                cs[n].isPart = false
            }
        }
        for n in cs.indices where cs[n].isPart && cs[n].parent != nil && cs[n].kind == nil {
            cs[n].kind = cs[cs[n].parent!].kind
        }
        // Captives counted in an exchange or a release are not captured figures ("released 33 hostages").
        for n in cs.indices where cs[n].kind == .captured {
            for i in lo..<hi where word(i).map(CasualtyWords.exchanges.contains) ?? false {
                cs[n].kind = nil
                break
            }
        }
    }

    /// "including 12 security officers", "of whom 3", "among them five".
    func partOpener(before start: Int) -> Bool {
        var k = start - 1
        if word(k) == "the" { k -= 1 }
        if let w = word(k), CasualtyWords.subcountOpeners.contains(w) { return true }
        if let w = word(k), CasualtyWords.partitives.contains(w), word(k - 1) == "of" || word(k - 1) == "among" {
            return true
        }
        return false
    }

    /// Whether the casualty word at `range` is joined by "or"/"and" to a word of another kind
    /// ("killed or injured", "killing and wounding"): such a count mixes kinds and states none of them.
    func mixesKinds(_ range: Range<Int>, kind: CasualtyKind) -> Bool {
        if let w = word(range.upperBound), w == "or" || w == "and",
           let other = trigger(at: range.upperBound + 1, roles: [.active, .passive, .noun]), other.kind != kind {
            return true
        }
        if let w = word(range.lowerBound - 1), w == "or" || w == "and",
           let other = trigger(endingAt: range.lowerBound - 2, roles: [.active, .passive, .noun]), other.kind != kind {
            return true
        }
        return false
    }

    /// A verb of prevention within two tokens before the number phrase ("prevent up to", "saved the").
    func prevented(before i: Int) -> Bool { anyWord(of: CasualtyWords.prevention, before: i) }

    /// A forecast word within two tokens before `i` ("could kill", "will displace").
    func forecast(before i: Int) -> Bool { anyWord(of: CasualtyWords.modals, before: i) }

    /// Whether one of the two tokens before `i` is in `table`.
    func anyWord(of table: WordTable<Bool>, before i: Int) -> Bool {
        for k in max(lo, i - 2)..<i where word(k).map(table.contains) ?? false { return true }
        return false
    }

    /// Pattern 2: an active casualty verb or a casualty noun with "of" right before the number phrase.
    func activeKind(_ c: FigureCandidate) -> (CasualtyKind, Range<Int>, Bool)? {
        var k = c.phrase.start - 1
        // "killing all 150 passengers", "wounding the 12 guards", "shot his two daughters".
        while isTransparent(k) || word(k) == "all" || word(k) == "the" || word(k) == "his" || word(k) == "her"
            || word(k) == "their" { k -= 1 }
        if word(k) == "of", word(k - 1) == "total", word(k - 2) == "a" { k -= 3 }  // "killed a total of 40"
        // A first object without a number: "killed his wife and two children", "shot a man and two women".
        if word(k) == "and", let verb = objectBefore(k) { k = verb }
        guard k >= lo, let w = word(k) else { return nil }
        if w == "of", let noun = singleTrigger(k - 1, roles: .noun), !noun.roles.contains(.passive) || word(k - 1) == "dead" {
            return (noun.kind, (k - 1)..<(k + 1), false)
        }
        guard let tr = trigger(endingAt: k, roles: [.active, .person]) else { return nil }
        // "lost" counts the dead only with a listed person noun ("lost 50 soldiers", not "lost 2 games").
        if !tr.roles.contains(.active) && !c.listed { return nil }
        let first = k - tr.words.count + 1
        // "could kill thousands" is a forecast; "could have killed" stays a (hedged) claim.
        if !w.hasSuffix("ed") && forecast(before: first) { return nil }
        // An active verb's object must be people, not a unit ("evacuated 10 times").
        if c.unit || mixesKinds(first..<(k + 1), kind: tr.kind) { return nil }
        // A verb of hitting needs people as its object: "shot four people", not "shot 5 of 12 from the field".
        if tr.roles.contains(.hit) && !c.person { return nil }
        return (tr.kind, first..<(k + 1), tr.roles.contains(.hit))
    }

    /// The last token of an active casualty verb that stands before "and" at `and` with one short object
    /// between them and no number ("shot a man and", "killed his wife and"); nil otherwise.
    func objectBefore(_ and: Int) -> Int? {
        var k = and - 1
        var words = 0
        while k >= lo, words < 4, let w = word(k) {
            if trigger(endingAt: k, roles: .active) != nil { return words > 0 ? k : nil }
            if numberPhrase(at: k) != nil && w != "a" && w != "an" { return nil }
            words += 1
            k -= 1
        }
        return nil
    }

    /// Pattern 3: a passive casualty word after the victims, looking through auxiliaries, hedges, a short
    /// prepositional phrase, an age ("aged 6 and 7"), an inserted sub-count (", including 12 officers,")
    /// and coordinated victims ("Eight police officers and 14 armed men have been killed").
    func passiveKind(_ c: FigureCandidate, in cs: [FigureCandidate]) -> (CasualtyKind, Range<Int>, Bool)? {
        if c.partOfNext { return nil }
        var k = c.npEnd
        var steps = 0
        var usedPhrase = false
        var modal = false
        while k < hi && steps < 14 {
            steps += 1
            if isTransparent(k) { k += 1; continue }
            if t[k].isPunct {
                // Inserted descriptions of the victims are skipped to their closing mark: ", including 12
                // officers,", ", aged 6 and 7,", ", mostly women and children,", " – three adults and two children –".
                let mark = texts[k]
                // A relative clause on the victims carries their verb: "two men, who were later pronounced dead,".
                if mark == ",", let r = word(k + 1), r == "who" || r == "which" { k += 1; continue }
                // A dash written as two hyphens ("--") is one mark.
                if mark == "-", k + 1 < hi, t[k + 1].isPunct, texts[k + 1] == "-" { k += 1 }
                guard mark == "," || mark == "-", isIn(CasualtyWords.insertionOpeners, k + 1)
                    || (mark == "-" && steps == 1) else { return nil }
                var e = k + 1
                while e < hi && !(t[e].isPunct && texts[e] == mark) {
                    if t[e].isPunct && texts[e] != "\"" && !(mark == "-" && texts[e] == ",") { return nil }
                    e += 1
                }
                guard e < hi, e - k <= 12 else { return nil }
                k = e + 1
                if mark == "-", k < hi, t[k].isPunct, texts[k] == "-" { k += 1 }
                continue
            }
            guard let w = word(k) else { return nil }
            if w == "and" || w == "or", let next = cs.firstIndex(where: { $0.phrase.start == k + 1 }) {
                k = cs[next].npEnd  // coordinated victims share the verb
                continue
            }
            // Coordinated victims without a number: "five adults and an unborn child were killed".
            if w == "and", let d = word(k + 1), CasualtyWords.determiners.contains(d) {
                var e = k + 2
                while e < hi, e - k <= 5, let x = word(e), !CasualtyWords.function.contains(x),
                      lex.triggers[x] == nil { e += 1 }
                guard e > k + 2, e < hi, word(e) != nil else { return nil }
                k = e
                continue
            }
            if let end = injuryPhrase(at: k) ?? hospitalTransfer(at: k) {
                if modal { return nil }
                return (.injured, k..<end, false)
            }
            // "aged 6 and 7", "between ages 12 and 16", "ages 5 to 7".
            if w == "aged" || w == "ages" || (w == "between" && (word(k + 1) == "ages" || word(k + 1) == "the")
                                               && (k + 2 < hi && t[k + 2].isNumber || word(k + 2) == "ages")) {
                k += 1
                while k < hi, t[k].isNumber || word(k) == "between" || word(k) == "and" || word(k) == "to"
                    || word(k) == "ages" || word(k) == "the" || word(k) == "of"
                    || (word(k).map { NumberWords.value(of: $0) != nil } ?? false) { k += 1 }
                continue
            }
            if let tr = trigger(at: k, roles: .passive) {
                if modal || mixesKinds(k..<(k + tr.words.count), kind: tr.kind) { return nil }
                if tr.words.count == 1 && tr.roles.contains(.person) && !intransitiveLoss(c, after: k) { return nil }
                if tr.roles.contains(.hit) && !hitVictims(c, after: k + tr.words.count) { return nil }
                if tr.kind == .displaced && fledTheScene(after: k + tr.words.count) { return nil }
                return (tr.kind, k..<(k + tr.words.count), tr.roles.contains(.hit))
            }
            if w == "among", word(k + 1) == "the" || word(k + 1) == "those",
               let tr = trigger(at: k + 2, roles: [.noun, .passive]) {
                return (tr.kind, k..<(k + 2 + tr.words.count), false)
            }
            if isIn(CasualtyWords.modals, k) { modal = true; k += 1; continue }
            if isIn(CasualtyWords.auxiliaries, k) || (w.hasSuffix("ly") && w != "only") { k += 1; continue }
            if !usedPhrase, isIn(CasualtyWords.prepositions, k) {
                // A short phrase of place or description, then an auxiliary or the casualty word.
                var e = k + 1
                while e < hi, e - k <= 6, let x = word(e), !CasualtyWords.auxiliaries.contains(x),
                      lex.triggers[x] == nil, x != "and", x != "or" { e += 1 }
                guard e < hi, let x = word(e), CasualtyWords.auxiliaries.contains(x) || lex.triggers[x] != nil else {
                    return nil
                }
                // "Ten of the killed": after a determiner the casualty word is a noun, not the victims' verb.
                if word(e - 1) == "the" { return nil }
                usedPhrase = true
                k = e
                continue
            }
            return nil
        }
        return nil
    }

    /// "suffered non-life-threatening injuries", "with serious injuries", "were treated for gunshot wounds":
    /// a verb of suffering, up to four modifiers and a noun of injury; returns the token index past the noun.
    func injuryPhrase(at k: Int) -> Int? {
        guard let w = word(k), CasualtyWords.sufferings.contains(w) else { return nil }
        var e = k + 1
        if let p = word(e), p == "for" || p == "from" { e += 1 }
        let first = e
        while e < hi, e - first <= 4, let x = word(e) {
            if CasualtyWords.injuryNouns.contains(x) { return e + 1 }
            if CasualtyWords.function.contains(x) { return nil }
            e += 1
        }
        return nil
    }

    /// "were taken to the hospital", "was rushed to Palomar Medical Center": people taken to hospital from the
    /// incident are injured (gold README). A verb of carrying, "to", and a place of care within six words.
    func hospitalTransfer(at k: Int) -> Int? {
        guard let w = word(k), CasualtyWords.transfers.contains(w), word(k + 1) == "to" else { return nil }
        var e = k + 2
        while e < hi, e - k <= 8, let x = word(e) {
            if CasualtyWords.careplaces.contains(x) { return e + 1 }
            e += 1
        }
        return nil
    }

    /// "two men fled the scene", "fled on foot", "fled in a car": suspects getting away, not people displaced.
    func fledTheScene(after e: Int) -> Bool {
        guard let w = word(e), let x = word(e + 1) else { return false }
        switch w {
        case "on": return x == "foot"
        case "the": return CasualtyWords.getaways.contains(x)
        case "in": return x == "a" || x == "an" || x == "his" || x == "her" || x == "their"
        default: return false
        }
    }

    /// Whether the people before a verb of hitting ("were shot") were hit: they are named by a person noun
    /// ("four people were shot") or the number opens a clause of its own ("4 shot, 2 killed", "and two were
    /// shot"), and "shot at" is not a miss ("two officers were shot at", "… shot at but not hit").
    func hitVictims(_ c: FigureCandidate, after e: Int) -> Bool {
        let s = c.phrase.start
        // A title-case headline: "Shooting Leaves 5 Shot".
        let titleCase = s > lo && t[s - 1].capitalized && e - 1 < hi && t[e - 1].capitalized
        guard c.person || s == lo || t[s - 1].isPunct || word(s - 1) == "and" || titleCase else { return false }
        if word(e) == "at" {
            let n = e + 1
            if n >= hi || t[n].isPunct { return false }
            if let x = word(n), CasualtyWords.missedAfterAt.contains(x) { return false }
        }
        return true
    }

    /// "Four people were shot, one fatally", "4 shot, 2 killed", "five were shot, two of whom died": the people
    /// hit, less the dead counted right after them, are the injured (when all died, the hit figure goes).
    /// Not when the dead are others ("four people were shot and two others killed").
    func splitHits(_ cs: inout [FigureCandidate]) {
        for n in cs.indices where cs[n].hit && cs[n].kind == .injured && n + 1 < cs.count {
            guard let total = cs[n].phrase.count, cs[n].phrase.high == nil else { continue }
            let m = n + 1
            guard cs[m].kind == .killed, let dead = cs[m].phrase.count, cs[m].phrase.high == nil, dead <= total,
                  !cs[m].others, !cs[m].unit else { continue }
            // Between them at most a few words, ending in a comma, a dash or "and" ("shot Saturday, one fatally").
            let from = max0(cs[n].npEnd, cs[n].evidence?.upperBound ?? cs[n].npEnd)
            let to = cs[m].phrase.start
            guard to > from, to - from <= 4, (from..<to).allSatisfy({ numberPhrase(at: $0) == nil }) else { continue }
            let last = to - 1
            guard (t[last].isPunct && (texts[last] == "," || texts[last] == "-")) || word(last) == "and"
                || word(last) == "with" else { continue }
            if dead == total {
                cs[n].kind = nil
            } else {
                cs[n].phrase.count = total - dead
                cs[n].phrase.low = total - dead
            }
        }
    }

    /// Whether a bare "lost" at `k` after the victims means they died: the victims are a listed person noun
    /// ("dozens of lives were lost", "ten soldiers lost in the battle") and nothing is the object of "lost".
    /// "20,000 workers lost their jobs", "2.2 million customers lost power", "the S&P 500 lost 1.4%",
    /// "the Three Lions had lost" count no dead.
    func intransitiveLoss(_ c: FigureCandidate, after k: Int) -> Bool {
        guard c.listed else { return false }
        let n = k + 1
        if n >= hi || (t[n].isPunct && texts[n] != "%" && !CasualtyWords.currency.contains(texts[n])) { return true }
        return isIn(CasualtyWords.prepositions, n) || isIn(CasualtyWords.clauseOpeners, n)
            || word(n) == "and" || word(n) == "or" || word(n) == "when" || word(n) == "during"
    }

    /// Pattern 5: a casualty noun before the number, linked to it by a verb or particle
    /// ("the death toll has surpassed 150", "the total number of deaths now stands at 38,919").
    func linkedNounKind(_ c: FigureCandidate, in cs: [FigureCandidate]) -> CasualtyKind? {
        if c.unit { return nil }
        var k = c.phrase.start - 1
        var linked = false
        var modal = false
        while k >= lo && c.phrase.start - k <= 10 {
            if isTransparent(k) { k -= 1; continue }
            if t[k].isPunct { return nil }
            if cs.contains(where: { $0.phrase.end - 1 == k && !$0.unit }) { return nil }
            if word(k) != nil {
                if isIn(CasualtyWords.modals, k) { modal = true }
                if isIn(CasualtyWords.links, k) { linked = true }
                if let tr = singleTrigger(k, roles: [.noun, .passive]) {
                    let verb = entry(lex.triggers, k)?.contains(where: { $0.roles.contains(.active) }) == true
                    // A casualty noun ("deaths", "the toll", "the dead", "the injured"), or a participle after
                    // its victims ("the number of people killed has risen to 45", "those killed numbered 40").
                    let noun = tr.roles.contains(.noun) && (!verb || word(k - 1) == "the")
                    let reduced = tr.roles.contains(.passive) && (entry(lex.groups, k - 1) != nil || word(k - 1) == "those")
                    if noun || reduced { return linked && !modal ? tr.kind : nil }
                }
            }
            k -= 1
        }
        return nil
    }

    /// Pattern 6: "22 civilians and 43 fighters", "hundreds and probably thousands of men".
    func coordinatedKind(_ c: FigureCandidate, previous p: FigureCandidate) -> CasualtyKind? {
        guard let kind = p.kind, !c.unit else { return nil }
        var k = c.phrase.start - 1
        while let w = word(k), w.hasSuffix("ly") || w == "probably" || w == "perhaps" || w == "even" { k -= 1 }
        guard let w = word(k), w == "and" || w == "or" else { return nil }
        return p.npEnd == k ? kind : nil
    }

    // MARK: - Figures

    /// Turns the candidates that found a kind into figures: group, scope, bounds and span.
    func figures(from candidates: [FigureCandidate], sentence s: Int, paragraph: Int) -> [FoundFigure] {
        guard candidates.contains(where: { $0.kind != nil && !$0.unit }) else { return [] }
        var cs = candidates
        splitHits(&cs)
        let cumulativeClauses = cumulativeClauseStarts()
        var result: [FoundFigure] = []
        var byCandidate: [Int: Int] = [:]
        for (n, c) in cs.enumerated() {
            guard let kind = c.kind, !c.unit else { continue }
            var group = c.group
            var scope: CasualtyScope = isCumulative(at: c.phrase.first, clauses: cumulativeClauses) ? .cumulative : .incident
            if let p = c.parent, let pf = byCandidate[p] {
                scope = result[pf].scope
                if group == nil { group = result[pf].group }
            } else if let p = c.parent, p > n {
                // "six of the nine": the parent comes later; read its scope from its clause.
                scope = isCumulative(at: cs[p].phrase.first, clauses: cumulativeClauses) ? .cumulative : .incident
                if group == nil { group = cs[p].group }
            }
            if group == nil, let last = result.last { group = last.group }  // "and 10 others injured"
            let (min, max) = bounds(c.phrase)
            // The span covers qualifier, number and victims' noun, and the casualty word when it stands
            // right before ("killing 9 civilians") or within three tokens after ("41 people have been killed").
            var startToken = c.phrase.start
            var endToken = max0(c.phrase.end, c.group != nil || c.kindNoun != nil ? c.npEnd : c.phrase.end)
            if let ev = c.evidence, ev.upperBound <= c.phrase.start { startToken = ev.lowerBound }
            if let ev = c.evidence, ev.lowerBound >= endToken, ev.lowerBound - endToken <= 3 { endToken = ev.upperBound }
            let span = TextSpan(start: t[startToken].start, end: t[endToken - 1].end)
            byCandidate[n] = result.count
            result.append(FoundFigure(
                kind: kind, count: c.phrase.count, min: min, max: max, qualifier: c.phrase.qualifier,
                group: group ?? .people, scope: scope, sentence: s, paragraph: paragraph, span: span))
        }
        return result
    }

    /// The larger of two token indices.
    @inline(__always) func max0(_ a: Int, _ b: Int) -> Int { a > b ? a : b }

    /// The bounds a qualifier implies for a stated count N:
    /// exact N..N; about and nearly leave the lower bound open (nearly N is at most N); at least N..∞;
    /// more than N+1..∞; up to …N; fewer than …N-1; a range low..high (count is the low end);
    /// a vague amount has no count and the least value its word allows as `min`.
    func bounds(_ p: NumberPhrase) -> (Int?, Int?) {
        if p.vague { return (p.low, nil) }
        guard let n = p.count else { return (nil, nil) }
        switch p.qualifier {
        case .exact: return (n, n)
        case .about: return (nil, nil)
        case .nearly: return (nil, n)
        case .atLeast: return (n, nil)
        case .moreThan: return (n + 1, nil)
        case .upTo: return (nil, n)
        case .fewerThan: return (nil, n - 1)
        case .range: return (p.low, p.high)
        case .vague: return (p.low, nil)
        }
    }

    /// The token index where each clause starts, paired with whether it holds a cumulative cue.
    /// Clauses end at ";", dashes, and at a comma before "while", "but", "which", "who".
    func cumulativeClauseStarts() -> [(Int, Bool)] {
        var clauses: [(Int, Bool)] = [(lo, false)]
        var i = lo
        while i < hi {
            if t[i].isPunct {
                let m = texts[i]
                if m == ";" || m == "-" || m == "(" || m == ")" {
                    clauses.append((i + 1, false))
                } else if m == ",", isIn(CasualtyWords.clauseOpeners, i + 1) {
                    clauses.append((i + 1, false))
                }
            } else if let cues = entry(lex.scopeCues, i) {
                if cues.contains(where: { matches($0, at: i) }) { clauses[clauses.count - 1].1 = true }
            }
            i += 1
        }
        return clauses
    }

    /// Whether the clause holding token `i` has a cumulative cue.
    func isCumulative(at i: Int, clauses: [(Int, Bool)]) -> Bool {
        var result = false
        for (start, cumulative) in clauses {
            if start > i { break }
            result = cumulative
        }
        return result
    }
}
