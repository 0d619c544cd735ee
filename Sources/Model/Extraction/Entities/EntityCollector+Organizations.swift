/// Organisations the gazetteer does not know: by a head word ("Gaza Health Ministry", "Ministry of Health",
/// "Ukrainian Air Force"), by an acronym defined in the text ("… (JNIM)"), or an unknown acronym; and
/// hyphenated compounds whose parts are gazetteer names ("UN-run", "Moscow-mediated").
extension EntityCollector {
    /// Words that end (or, before "of", start) an organisation's name, folded.
    static let organizationHeads: Set<String> = [
        "ministry", "forces", "force", "army", "navy", "police", "guard", "guards", "office", "party", "council",
        "agency", "authority", "commission", "committee", "court", "department", "bureau", "directorate",
        "service", "services", "institute", "organization", "organisation", "union", "league", "movement",
        "movements", "front", "brigade", "brigades", "battalion", "corps", "cartel", "group", "centre", "center",
        "hospital", "university", "college", "federation", "association", "foundation", "fund", "programme",
        "program", "bank", "company", "corporation", "inc", "ltd", "radio", "news", "network", "television", "tv",
        "times", "post", "parliament", "assembly", "government", "administration", "alliance", "coalition",
        "mission", "unit", "board", "society", "secretariat", "chamber", "tribunal", "cabinet", "fm", "airways",
        "airlines", "embassy", "consulate", "brotherhood", "militia", "gendarmerie", "command",
        "observatory", "trust", "charity", "channel", "newspaper", "magazine", "daily",
        "herald", "tribune", "journal", "gazette", "press", "media", "ngo", "facility", "lab", "laboratory",
        "laboratories", "institution", "academy", "school", "prison", "jail",
        // Company suffixes of business copy ("Intel Corp", "Marathon Oil Co", "Reuters Holdings Plc") and
        // bodies of US politics and markets ("Republican National Convention", "Tokyo Stock Exchange",
        // "Federal Reserve", "Congressional Black Caucus").
        "corp", "co", "plc", "llc", "limited", "holdings", "industries", "convention", "exchange", "reserve",
        "caucus",
        // Words that name a company's trade ("Daniels Pharmaceuticals", "Reagan Communications") and a news
        // agency's bureau ("Warsaw Newsroom").
        "pharmaceuticals", "communications", "telecommunications", "technologies", "electronics", "chemicals",
        "securities", "investments", "bancorp", "enterprises", "newsroom",
    ]

    /// Heads of institutions named after a place or a person, which are not separate mentions of the place
    /// ("Lincoln High School", "Jackson Memorial Medical Center").
    static let institutionHeads: Set<String> = [
        "school", "college", "university", "hospital", "center", "centre", "academy", "institute", "clinic",
    ]

    /// Lower-case last parts of hyphenated adjectives ("Qatar-based" aside: "UN-run", "Roman-era").
    static let compoundSuffixes: Set<String> = [
        "run", "era", "style", "born", "made", "majority", "wide", "like", "friendly", "type", "owned", "linked",
        "backed", "led", "based", "held", "speaking", "bound", "proof", "free", "rich", "poor",
    ]

    /// Articles, which never begin a name.
    static let articles: Set<String> = ["the", "a", "an"]

    /// Heads of organisations abroad, which take "in" and a place into their name ("Police Mission in Afghanistan").
    static let organizationsAbroad: Set<String> = ["mission", "office", "embassy", "consulate", "delegation"]

    /// Acronyms in capitals that are not organisations ("TV", "GMT", "CCTV"), folded.
    static let nonOrganizationAcronyms: Set<String> = [
        "tv", "gmt", "utc", "cctv", "covid", "hiv", "aids", "dna", "gdp", "ceo", "cfo", "id", "ok", "am", "pm", "suv",
        "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "km", "kg", "mph", "usd", "eur", "gbp", "sms",
        "gps", "ai", "it", "pr", "vip", "faq", "diy", "rip", "lgbt", "lgbtq", "phd", "mba", "bbq", "atm", "ict",
        "rpg", "ied", "ieds", "idp", "idps", "mri", "icu", "er", "sos", "vs", "ps", "pps", "ad", "bc", "a", "i",
        "breaking", "update", "live", "watch", "video", "read", "more", "news", "photos", "exclusive", "urgent",
        "uav", "uavs", "sar", "mt", "fv", "mv", "hms", "uss", "hq", "ngo", "ngos", "pc", "tnt", "bce", "ce",
        "lidar", "radar", "blog", "ems", "usb", "pdf", "html", "url", "ufo", "omg", "lol", "asap", "fyi", "tba", "eta",
        "mw", "gw", "kw", "ppm", "cm", "mm", "ft", "lb", "lbs", "oz", "hr", "min", "sec", "no", "yes", "qtr", "mln",
        "bln", "dlrs", "cts", "pct", "shr", "avg", "revs", "net", "oper", "reuter",
    ]

    /// The organisation span in `a..<b` when it holds a head word: from the chunk start (or after a title)
    /// to the head, with a following "of …" complement. A head word alone ("Police") is no name.
    func organizationSpan(_ a: Int, _ b: Int) -> Range<Int>? {
        var head: Int?
        var k = b - 1
        while k >= a {
            if tokens[k].isWord && tokens[k].isCapitalized
                && (has(k, .organizationHeads) || ((isText(k, "defense") || isText(k, "defence")) && k == b - 1)) {
                head = k
                break
            }
            k -= 1
        }
        guard let h = head else { return nil }
        var e = h + 1
        if e < b && !tokens[e].isCapitalized && isConnector(e) { e = complementEnd(e, b) }
        // "Border Guard Bangladesh": a country's name right after the head, ending the chunk.
        if e < b, let m = match(e, b), m.end == b,
           entry(at: m.form.entry).subtype == "country", m.form.kind != .demonym {
            e = b
        }
        var s = a
        while s < h && (!isNameToken(s) || (isStopword(s) && (isClauseStart(s) || isA(s, .determiner)))) {
            s += 1
        }
        // "Director of Arkansas State Police", "said John Casesa of Schroder Wertheim & Co", "Shares of
        // Douglas & Lomason Co": a title, a person (by the context before) or common words before "of", with
        // no head word of their own, are not part of the name whose head follows "of" ("Coordination of
        // Azawad Movements" is one name).
        var t = s
        while t + 1 < h && !(tokens[t].isWord && isText(t, "of")) { t += 1 }
        if t + 1 < h, t > s, !(s..<t).contains(where: { has($0, .organizationHeads) }),
           (s..<t).contains(where: { isA($0, .role) }) || (s..<t).allSatisfy({ isStopword($0) })
            || personContextBefore(s) {
            s = t + 1
        }
        guard h > s || e > h + 1 else { return nil }
        return s..<e
    }

    /// Where the complement of an organisation's head that starts at connector `c` ends: at `b`, or right
    /// after a place when a person's name of two words or more follows it ("Ministry of Defence of Armenia
    /// | Artsrun Hovhannisyan", "Office of the President of Azerbaijan | Hikmet Hajiyev"): a body's name run
    /// into its officer's.
    func complementEnd(_ c: Int, _ b: Int) -> Int {
        var k = c
        while k < b {
            if tokens[k].isCapitalized, let m = match(k, b), m.end < b, entry(at: m.form.entry).type == .location,
               m.form.kind != .demonym, b - m.end >= 2,
               (m.end..<b).allSatisfy({ isNameToken($0) && !has($0, .organizationHeads) && !isStopword($0) }),
               match(m.end, b) == nil {
                return m.end
            }
            k += 1
        }
        return b
    }

    /// Records an organisation at `range`: the gazetteer's when it names one, else one of its own, keyed so
    /// that "Gaza Health Ministry", "Health Ministry" and "Ministry of Health" are one.
    mutating func emitOrganization(_ range: Range<Int>) {
        let (a, b) = (range.lowerBound, range.upperBound)
        // The gazetteer's organisation, maybe after a demonym or place ("Albanian Kosovo Liberation Army").
        for s in a..<b where isNameToken(s) {
            if let m = match(s, b), m.end == b,
               entry(at: m.form.entry).type == .organization || s == a {
                gazetteerOnly(a, s)
                emit(m.form, s, b)
                return
            }
        }
        let lastBefore = last
        // Places inside the name are named too ("… Mission in Afghanistan", "Border Guard Bangladesh",
        // "Kuwait Specialized Field hospital"), but not a town in an institution's name, which is rather a
        // person's or a founder's name ("Jackson Memorial Medical Center", "Lincoln High School").
        gazetteerOnly(a, b, placesOnly: true, largePlacesOnly: true, townsToo: !has(b - 1, .institutionHeads))
        last = lastBefore
        emitUnknown(.organization, subtype: nil, a, b, key: organizationKey(a, b))
    }

    /// The words that identify an organisation: without a leading place or demonym ("Russian", "Gaza"),
    /// unless only a head word would remain; "X Ministry" as "ministry of X".
    func organizationKey(_ a: Int, _ b: Int) -> String {
        var i = a
        while let m = match(i, b), m.end < b,
              entry(at: m.form.entry).type == .location,
              (m.end..<b).filter({ tokens[$0].isWord }).count >= 2 {
            i = m.end
        }
        var words = (i..<b).filter { tokens[$0].isWord }.map { word($0) }
        if words.last == "affairs" && words.contains("ministry") { words.removeLast() }
        if words.count >= 2 && words.last == "ministry" {
            return "ministry of " + words.dropLast().joined(separator: " ")
        }
        return words.joined(separator: " ")
    }

    /// An unknown word in capitals that may be an organisation's acronym ("BRAC", "NNA").
    func isAcronymCandidate(_ i: Int) -> Bool {
        let length = tokens[i].length
        // Five letters at most: a longer word in capitals is shouted ("PEKING", "REUTER"), not an acronym.
        return length >= 2 && length <= 5 && !isStopword(i) && !has(i, .nonOrganizationAcronyms)
            && !Self.isRomanNumeral(word(i))
    }

    /// A hyphenated word that is not one name but joins a gazetteer name to something else: "UN-run",
    /// "Moscow-mediated", "Armenia-Azerbaijan". Returns its parts (paragraph scalar ranges, folded), or nil
    /// for a name ("Al-Shati", "Abd-Rabbu", "Nagorno-Karabakh").
    func compoundParts(_ i: Int) -> [(start: Int, end: Int, folded: String, capitalized: Bool, capitals: Bool)]? {
        if match(i, tokens.count) != nil { return nil }
        // The parts' scalars (paragraph offsets) for their capitals; their folded forms from the token's.
        let t = tokens[i]
        let foldedParts = word(i).splitASCII(0x2D)
        var parts: [(start: Int, end: Int, folded: String, capitalized: Bool, capitals: Bool)] = []
        let end = Int(t.end) - base
        var start = Int(t.start) - base
        var k = start
        while k <= end {
            if k == end || scalars[k] == "-" || scalars[k] == "\u{2010}" || scalars[k] == "\u{2011}" {
                if k > start && parts.count < foldedParts.count {
                    let slice = scalars[start..<k]
                    let capitals = slice.count >= 2 && slice.allSatisfy { !$0.isLower } && slice.first!.isUpper
                    parts.append((start, k, String(foldedParts[parts.count]), slice.first!.isUpper, capitals))
                }
                start = k + 1
            }
            k += 1
        }
        guard parts.count >= 2 else { return nil }
        // "al-Assad", "wal-Muslimin": a lower-case particle joined to a name.
        if !parts[0].capitalized && parts[0].folded.count <= 3 { return nil }
        let known = parts.filter { $0.capitalized && gazetteer.singleWordForm($0.folded, capitals: $0.capitals) != nil }
        // "Moscow-mediated", "UN-run": a name joined to a lower-case word ("Huan-chang" is a name).
        if parts.dropFirst().contains(where: { !$0.capitalized }) {
            // "Sunni-ruled", "Eye-witnesses": an adjective or a common noun, not a name, even with no place in it.
            if let lastPart = parts.last?.folded, !parts.last!.capitalized,
               lastPart.hasSuffix("ed") || lastPart.hasSuffix("ing") || lastPart.hasSuffix("es")
                || Self.compoundSuffixes.contains(lastPart) {
                return parts
            }
            // "Song-ho", "Chun-yeh", "Adel-al": short lower-case parts of a given name or a particle.
            if parts.dropFirst().allSatisfy({ $0.capitalized || $0.folded.count <= 3 }) { return nil }
            return known.isEmpty ? nil : parts
        }
        // "Armenia-Azerbaijan": names joined to names.
        if known.count == parts.count { return parts }
        return nil
    }

    /// Records the gazetteer names among a compound's parts.
    mutating func emitCompound(_ i: Int, _ parts: [(start: Int, end: Int, folded: String, capitalized: Bool, capitals: Bool)]) {
        for part in parts where part.capitalized {
            guard let form = gazetteer.singleWordForm(part.folded, capitals: part.capitals) else { continue }
            let place = entry(at: form.entry)
            // "Roman-era": a small town named like an adjective is doubtful here.
            if isDoubtfulTown(place, below: Self.doubtfulTownPopulation) { continue }
            record(form, mention(scalarsFrom: part.start, to: part.end, key: part.folded, isDemonym: form.kind == .demonym))
            last = (i + 1, place.type)
        }
    }
}

extension Gazetteer {
    /// The one-word form `folded`, if any; a capitals-only alias needs `capitals`.
    func singleWordForm(_ folded: String, capitals: Bool) -> GazetteerForm? {
        if let form = formsByFirstToken[folded]?.first(where: { $0.tokens.count == 1 && (!$0.requiresCapitals || capitals) }) {
            return form
        }
        guard let row = places.row(hash: PlaceTable.hash(folded, after: nil)) else { return nil }
        return GazetteerForm(tokens: [folded], entry: entries.count + row,
                             kind: places.firstName(row: row) == folded ? .name : .alias, requiresCapitals: false)
    }
}
