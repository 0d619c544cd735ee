/// Groups casualty figures of many articles into events: first the figures of each article into the incidents
/// it reports (in text order, reading dates, incident nouns and turns in the sentences), then those incidents
/// across articles, by place, date and the numbers they share. Blocking by place, shared number and date keeps
/// the cross-article step near linear: no two incidents are compared unless they share a key.
///
/// Deterministic: the same articles in the same order give the same events.
public struct EventClusterer: Sendable {
    /// What the clusterer knows of one place entity.
    public struct Place: Sendable, Equatable {
        /// Canonical name.
        public var name: String
        /// `country`, `city`, `region`, …
        public var subtype: String?
        /// ISO country code.
        public var countryCode: String?
        /// Where the gazetteer puts it, when known.
        public var coordinates: Coordinates?

        /// Creates a place.
        public init(name: String, subtype: String?, countryCode: String?, coordinates: Coordinates? = nil) {
            self.name = name
            self.subtype = subtype
            self.countryCode = countryCode
            self.coordinates = coordinates
        }

        /// 0 for a country or continent, 1 for a region or state, 2 for anything smaller.
        var rank: Int {
            switch subtype {
            case "country", "continent", "sea", "ocean": return 0
            case "region", "state", "province", "territory", "governorate": return 1
            default: return 2
            }
        }
    }

    /// One figure with what the clusterer reads from it.
    struct Figure: Sendable {
        let position: Int32
        let kind: CasualtyKind
        let value: Int
        let place: String?
        let cues: IncidentCues
        /// Excluded: a running toll of a whole war or season.
        let excluded: Bool
    }

    /// The figures of one article that report one incident.
    struct Incident: Sendable {
        var figures: [Int32] = []
        var when: DayRange?
        var exactDay = false
        var nouns: IncidentNouns = []
        var places: Set<String> = []
        var numbers: Set<Int> = []
        var article: Int32
        let day: Int
    }

    /// Place entities by id.
    public let places: [String: Place]

    /// Creates a clusterer that knows `places`.
    public init(places: [String: Place]) {
        self.places = places
    }

    /// The clusters: for each event, the positions of its figures (in the flat, article-ordered figure list) and
    /// its incident day when the text states it. Figures in no list belong to no event.
    public func cluster(_ articles: [Article]) -> [(figures: [Int32], day: Int?)] {
        cluster(articles, reusing: { _ in nil }).clusters
    }

    /// The same, and each article's incidents as read from it alone (figures numbered from 0 within the
    /// article), for a later clustering to take over for an unchanged article: `reusing(i)` gives them for
    /// article `i` when it has them, and the article's text is not read again. They depend on the article's
    /// date, text and figures only.
    func cluster(_ articles: [Article], reusing: @Sendable (Int) -> [Incident]?)
        -> (clusters: [(figures: [Int32], day: Int?)], local: [[Incident]]) {
        var starts: [Int32] = []
        var running: Int32 = 0
        for a in articles {
            starts.append(running)
            running += Int32(a.casualties.count)
        }
        let offsets = starts
        let indices = Array(articles.indices)
        let local = concurrentMap(indices) { i in
            articles[i].casualties.isEmpty ? [] : reusing(i) ?? incidents(of: articles[i], article: 0, offset: 0)
        }
        let perArticle = indices.map { i in
            local[i].map { incident in
                var placed = incident
                placed.article = Int32(i)
                placed.figures = incident.figures.map { $0 + offsets[i] }
                return placed
            }
        }
        return (merge(perArticle), local)
    }

    /// The incidents of one article, in text order.
    func incidents(of article: Article, article index: Int32, offset: Int32) -> [Incident] {
        guard !article.casualties.isEmpty, let day = DayNumber.from(article.date) else { return [] }
        let scalars = Array(article.text.unicodeScalars)
        var incidents: [Incident] = []
        var current: Int? = nil
        var previous: (sentence: String, when: DayRange?)? = nil
        for (k, c) in article.casualties.enumerated() {
            let figure = read(c, position: offset + Int32(k), scalars: scalars, day: day)
            if figure.excluded { continue }
            let cues = figure.cues
            var target: Int? = nil
            // Figures of one sentence that state no other date report one incident ("killing 9 and injuring 30").
            let sameSentence = previous.map { $0.sentence == c.sentence && (cues.when == nil || cues.when == $0.when) } ?? false
            previous = (c.sentence, cues.when)
            if let current, sameSentence || cues.continues || (!cues.turnsAway && !cues.nextDay && fits(figure, incidents[current], sameAsLast: true)) {
                target = current
            } else if !cues.turnsAway && !cues.nextDay {
                // An earlier incident of the article, named again by its place and date.
                target = incidents.indices.reversed().first { $0 != current && fits(figure, incidents[$0], sameAsLast: false) }
            }
            if target == nil {
                var incident = Incident(article: index, day: day)
                if cues.nextDay, let current, let when = incidents[current].when {
                    incident.when = DayRange(when.lo + 1, when.hi + 1)
                    incident.exactDay = incidents[current].exactDay
                }
                incidents.append(incident)
                target = incidents.count - 1
            }
            add(figure, to: &incidents[target!])
            current = target
        }
        return incidents
    }

    /// Reads a figure's cues from its sentence and the paragraph text before it.
    func read(_ c: Casualty, position: Int32, scalars: [Unicode.Scalar], day: Int) -> Figure {
        // Where the number lies in its sentence, and the paragraph's text before the sentence.
        var figureOffset = 0
        var before = ""
        if c.span.start >= 0, c.span.end <= scalars.count, c.span.start < c.span.end {
            let phrase = String(String.UnicodeScalarView(scalars[c.span.start..<c.span.end]))
            if let r = c.sentence.range(of: phrase) {
                figureOffset = c.sentence.unicodeScalars.distance(from: c.sentence.unicodeScalars.startIndex, to: r.lowerBound)
            }
            let sentenceStart = max(0, c.span.start - figureOffset)
            var p = sentenceStart
            while p > 0 && !(scalars[p - 1] == "\n" && p >= 2 && scalars[p - 2] == "\n") && sentenceStart - p < 2000 { p -= 1 }
            if p < sentenceStart { before = String(String.UnicodeScalarView(scalars[p..<sentenceStart])) }
        }
        let cues = IncidentCues.read(sentence: c.sentence, figureOffset: figureOffset, before: before, articleDay: day)
        // A running toll belongs to no event unless it counts one incident's victims: a recent start ("since
        // Wednesday") or an incident noun ("the quake's death toll") without words of a whole war.
        var excluded = false
        if c.scope == .cumulative {
            let recentStart = cues.since.map { $0.lo >= day - 10 } ?? false
            let longStart = cues.since.map { $0.lo < day - 10 } ?? false
            excluded = cues.warWide || longStart || !(recentStart || !cues.nouns.isEmpty)
        }
        return Figure(position: position, kind: c.kind, value: c.count ?? c.min ?? 0, place: c.location?.entityId,
                      cues: cues, excluded: excluded)
    }

    /// Whether `figure` reports `incident` of the same article. The incident just reported (`sameAsLast`) takes any
    /// figure whose date and noun do not contradict it; an earlier one needs its place named again.
    func fits(_ figure: Figure, _ incident: Incident, sameAsLast: Bool) -> Bool {
        let known = incident.when ?? Self.implicitDays(incident.day, incident.nouns.union(figure.cues.nouns))
        if let when = figure.cues.when, !when.overlaps(known, tolerance: 1) { return false }
        // A figure that states no date does not go on with an incident recalled from long ago.
        if figure.cues.when == nil, known.hi < incident.day - 30 { return false }
        if !figure.cues.nouns.isEmpty, !incident.nouns.isEmpty, figure.cues.nouns.isDisjoint(with: incident.nouns) { return false }
        if sameAsLast { return true }
        guard let place = figure.place, incident.places.contains(place) else { return false }
        return figure.cues.when != nil || incident.when == nil
    }

    /// The days an incident that states no date may have happened on: the last two days before its report, or
    /// ten for a disaster that unfolds over days (an earthquake, floods).
    static func implicitDays(_ day: Int, _ nouns: IncidentNouns) -> DayRange {
        DayRange(day - (nouns.isDisjoint(with: .unfolding) ? 2 : 10), day)
    }

    func add(_ figure: Figure, to incident: inout Incident) {
        incident.figures.append(figure.position)
        if let when = figure.cues.when {
            if let known = incident.when {
                incident.when = known.intersection(when) ?? known
            } else {
                incident.when = when
                incident.exactDay = figure.cues.exactDay
            }
        }
        incident.nouns.formUnion(figure.cues.nouns)
        if let place = figure.place { incident.places.insert(place) }
        if figure.value >= 100 { incident.numbers.insert(Self.numberKey(figure.kind, figure.value)) }
    }

    /// One key for a kind and a number.
    static func numberKey(_ kind: CasualtyKind, _ value: Int) -> Int {
        value &* 8 &+ (CasualtyKind.allCases.firstIndex(of: kind) ?? 0)
    }

    /// An event under construction across articles.
    struct Cluster {
        var figures: [Int32]
        var when: DayRange
        var exact: Bool
        var statedDay: Int?
        var nouns: IncidentNouns
        var places: Set<String>
        var countries: Set<String>
        var numbers: Set<Int>
        var articles: Set<Int32>
    }

    /// Merges the incidents of all articles, oldest article first.
    func merge(_ perArticle: [[Incident]]) -> [(figures: [Int32], day: Int?)] {
        var clusters: [Cluster] = []
        var byKey: [String: [Int]] = [:]
        let scanLimit = 64
        for incidents in perArticle.reversed() {
            for incident in incidents where !incident.figures.isEmpty {
                let when = incident.when ?? Self.implicitDays(incident.day, incident.nouns)
                var countries = Set<String>()
                for p in incident.places { if let c = places[p]?.countryCode { countries.insert(c) } }
                let mine = Cluster(figures: incident.figures, when: when, exact: incident.when != nil,
                                   statedDay: incident.exactDay ? incident.when?.lo : nil, nouns: incident.nouns,
                                   places: incident.places, countries: countries, numbers: incident.numbers,
                                   articles: [incident.article])
                var keys = incident.places.sorted().map { "p:" + $0 }
                keys += incident.numbers.sorted().map { "n:" + String($0) }
                var candidates = Set<Int>()
                for key in keys { candidates.formUnion((byKey[key] ?? []).suffix(scanLimit)) }
                let target = candidates.sorted().first { compatible(mine, clusters[$0]) }
                let index: Int
                if let target {
                    index = target
                    var c = clusters[target]
                    c.figures += mine.figures
                    if mine.exact {
                        c.when = c.exact ? (c.when.intersection(mine.when) ?? c.when) : mine.when
                        c.exact = true
                    }
                    if c.statedDay == nil { c.statedDay = mine.statedDay }
                    c.nouns.formUnion(mine.nouns)
                    c.places.formUnion(mine.places)
                    c.countries.formUnion(mine.countries)
                    c.numbers.formUnion(mine.numbers)
                    c.articles.formUnion(mine.articles)
                    clusters[target] = c
                } else {
                    index = clusters.count
                    clusters.append(mine)
                }
                for key in keys where byKey[key]?.last != index { byKey[key, default: []].append(index) }
            }
        }
        return clusters.map { ($0.figures, $0.statedDay) }
    }

    /// Whether an incident of a new article reports the same event as a cluster of earlier ones: dates that meet,
    /// nouns that agree, and either a place smaller than a country in common, or the country and the incident noun
    /// in common, or a number of 100 or more of the same kind (with places that do not contradict it).
    func compatible(_ a: Cluster, _ b: Cluster) -> Bool {
        // The incidents of one article were told apart when it was read.
        guard a.articles.isDisjoint(with: b.articles), a.when.overlaps(b.when, tolerance: 2) else { return false }
        if !a.nouns.isEmpty, !b.nouns.isEmpty, a.nouns.isDisjoint(with: b.nouns) { return false }
        let shared = a.places.intersection(b.places)
        if shared.contains(where: { (places[$0]?.rank ?? 2) > 1 }) { return true }
        if !shared.isEmpty, !a.nouns.isDisjoint(with: b.nouns) { return true }
        if !a.numbers.isDisjoint(with: b.numbers) {
            return a.countries.isEmpty || b.countries.isEmpty || !a.countries.isDisjoint(with: b.countries) || (a.exact && b.exact)
        }
        return false
    }
}
