/// Places the gazetteer does not know: by a head word ("Sambisa Forest", "Mount Everest") or by context
/// ("in Nuseirat", "the village of Gosince", "Mingechevir city").
extension EntityCollector {
    /// Last words that make a capitalised sequence a place, with the subtype they give, folded.
    static let placeHeads: [String: String] = [
        "strip": "region", "sea": "sea", "river": "river", "island": "island", "islands": "island",
        "forest": "forest", "square": "square", "park": "park", "heights": "region", "strait": "strait",
        "valley": "valley", "mountains": "mountain", "mountain": "mountain", "hills": "region", "desert": "desert",
        "peninsula": "region", "bay": "bay", "camp": "camp", "province": "province", "district": "district",
        "governorate": "province", "region": "region", "county": "county", "plain": "region", "plateau": "region",
        "coast": "region", "canal": "canal", "lake": "lake", "ocean": "ocean", "city": "city", "town": "city",
        "village": "village", "airport": "airport", "port": "port", "oblast": "province", "prefecture": "province",
        "municipality": "city", "rayon": "district", "raion": "district", "neighbourhood": "district", "neighborhood": "district", "crossing": "crossing",
        // Streets and buildings are places, never people ("Oak Street", "Riverside Apartments", "Oakwood
        // Cemetery", "Grace Church", "Lilac Falls Motel").
        "street": "street", "avenue": "street", "road": "street", "boulevard": "street", "lane": "street",
        "highway": "street", "apartments": "facility", "cemetery": "facility", "church": "facility",
        "cathedral": "facility", "mosque": "facility", "temple": "facility", "synagogue": "facility",
        "stadium": "facility", "arena": "facility", "mall": "facility", "plaza": "facility", "hotel": "facility",
        "motel": "facility", "bridge": "facility", "tower": "facility", "course": "facility",
    ]

    /// First words that make a capitalised sequence a place ("Mount Everest", "Lake Chad"), folded.
    static let placePrefixes: [String: String] = [
        "mount": "mountain", "lake": "lake", "cape": "region", "camp": "camp",
    ]

    /// Lower-case nouns that, right after a name, make it a place ("Mingechevir city", "Rizal province").
    static let placeNounsAfter: [String: String] = [
        "city": "city", "village": "village", "town": "city", "district": "district", "province": "province",
        "region": "region", "area": "region", "camp": "camp", "neighbourhood": "district",
        "neighborhood": "district", "governorate": "province", "county": "county", "municipality": "city",
        "refugee": "camp", "valley": "valley", "river": "river", "island": "island", "crossing": "crossing",
        "prefecture": "province", "suburb": "district", "state": "state", "border": "region",
        "intersection": "district", "junction": "district", "roundabout": "district", "housing": "district",
    ]

    /// Lower-case nouns that, before "of" and a name, make it a place ("the village of Gosince").
    static let placeNounsBeforeOf: [String: String] = [
        "village": "village", "town": "city", "city": "city", "district": "district", "province": "province",
        "region": "region", "area": "region", "areas": "region", "outskirts": "city", "suburb": "district",
        "neighbourhood": "district", "neighborhood": "district", "governorate": "province", "county": "county",
        "municipality": "city", "north": "region", "south": "region", "east": "region", "west": "region",
        "northeast": "region", "northwest": "region", "southeast": "region", "southwest": "region",
        "north-east": "region", "north-west": "region", "south-east": "region", "south-west": "region",
        "centre": "city", "center": "city", "capital": "city", "streets": "city", "state": "state",
        "island": "island", "islands": "island", "port": "city", "districts": "district", "provinces": "province",
        "villages": "village", "coast": "region", "shores": "region", "towns": "city", "cities": "city", "regions": "region", "states": "state",
    ]

    /// Prepositions and adjectives of place before a name ("in Nuseirat", "northern Shujayah"), folded.
    static let placeWordsBefore: Set<String> = [
        "in", "near", "at", "outside", "around", "across", "northern", "southern", "eastern", "western", "central",
        "north-eastern", "north-western", "south-eastern", "south-western", "northeastern", "northwestern",
        "southeastern", "southwestern", "downtown",
    ]

    /// The place subtype that a head word at either end of `a..<b` gives, when there are two words or more.
    func placeHead(_ a: Int, _ b: Int) -> String?? {
        guard b - a >= 2 else { return nil }
        if has(b - 1, .placeHeads), let subtype = Self.placeHeads[word(b - 1)] { return .some(subtype) }
        if has(a, .placePrefixes), let subtype = Self.placePrefixes[word(a)], isNameToken(a + 1) {
            return .some(subtype)
        }
        return nil
    }

    /// The place subtype that the words around `a..<b` give ("in" gives none), or nil when they show no place.
    func placeContext(_ a: Int, _ b: Int) -> String?? {
        if let subtype = placeContextBefore(a, b) { return .some(subtype) }
        if lower(b, .placeNounsAfter), let subtype = Self.placeNounsAfter[word(b)] { return .some(subtype) }
        if listContinuesPlaces(a) { return .some(nil) }
        return nil
    }

    /// A place word before `a`: "in", "near", "at", "northern", "the village of". A possessive name of two
    /// words after "in" is rather a person's ("in Roberto Saviano’s book").
    func placeContextBefore(_ a: Int, _ b: Int) -> String?? {
        if lower(a - 1, .placeWordsBefore) {
            if b - a >= 2 && tokens[b - 1].isPossessive { return nil }
            return .some(nil)
        }
        if lowerWord(a - 1) == "of", lower(a - 2, .placeNounsBeforeOf), let subtype = Self.placeNounsBeforeOf[word(a - 2)] {
            return .some(subtype)
        }
        return nil
    }

    /// Whether a list that began with a place goes on at `a` ("in Khan Younis, Abasan and Khuzaa").
    func listContinuesPlaces(_ a: Int) -> Bool {
        guard let last, last.type == .location, last.end <= a else { return false }
        let gap = last.end..<a
        return !gap.isEmpty && gap.count <= 2 && gap.allSatisfy { isText($0, ",") || isText($0, "and") || isText($0, "or") }
    }

    /// Records a place at `a..<b`: the gazetteer's when the words before a head word name one
    /// ("Nangarhar Province"), else a place of its own.
    mutating func emitPlace(_ a: Int, _ b: Int, subtype: String?) {
        // ("Riverside Apartments", "Oak Street" are not the town of Riverside or Oak.)
        if b - a >= 2, subtype != "street" && subtype != "facility", let m = match(a, b - 1), m.end == b - 1,
           entry(at: m.form.entry).type == .location, m.form.kind != .demonym {
            record(m.form, mention(a, b))
            last = (b, .location)
            return
        }
        emitUnknown(.location, subtype: subtype, a, b)
    }
}
