import Foundation
import Testing
@testable import Model

/// The snapshot's precomputed indexes against brute-force answers over the same, generated corpus: every index
/// built at load must answer exactly what computing from the articles would.
@Suite struct SnapshotIndexTests {
    /// A deterministic pseudo-random corpus: a few hundred articles over a few months, with overlapping entities,
    /// speakers and casualty figures of every kind and scope, some without a place, some places without an id.
    static let articles: [Article] = {
        var rng = SplitMix(seed: 42)
        let places = ["ganja", "gaza", "kyiv", "moscow", "aleppo", "mosul", "tripoli"]
        let people = ["Hikmet Hajiyev", "Ronald Reagan", "Nancy Reagan", "Ali Baba", "Bakr Ali", "Zoë Ångström"]
        let orgs = ["Red Cross", "Bank of Japan", "Barclays", "United Nations"]
        var result: [Article] = []
        for n in 0..<300 {
            let date = String(format: "2020-%02d-%02d", 1 + rng.next(4), 1 + rng.next(28))
            let id = "\(date)-story-\(n)"
            var entities: [ArticleEntity] = []
            var used = Set<String>()
            for _ in 0..<(1 + rng.next(6)) {
                let pick = rng.next(3)
                let name = pick == 0 ? places[rng.next(places.count)].capitalized
                    : pick == 1 ? people[rng.next(people.count)] : orgs[rng.next(orgs.count)]
                let entityId = Slug.make(name)
                guard used.insert(entityId).inserted else { continue }
                let type: EntityType = pick == 0 ? .location : pick == 1 ? .person : .organization
                entities.append(ArticleEntity(
                    id: entityId, name: rng.next(5) == 0 ? name.uppercased() : name, type: type,
                    subtype: pick == 0 ? (rng.next(2) == 0 ? "city" : nil) : nil, countryCode: nil,
                    aliases: rng.next(4) == 0 ? [String(name.prefix(3))] : [], mentions: 1 + rng.next(5), mentionSpans: []))
            }
            let quotes = (0..<rng.next(4)).map { k in
                Quote(id: "\(id)-q\(k)", articleId: id, date: date, text: "We will rebuild the bank \(rng.next(9))",
                      speaker: rng.next(4) == 0 ? nil : Speaker(name: people[rng.next(people.count)],
                                                                role: rng.next(2) == 0 ? "minister" : nil),
                      cue: "said", paragraph: 0, span: TextSpan(start: 0, end: 1))
            }
            let casualties = (0..<rng.next(5)).map { k in
                let place = rng.next(4) == 0 ? nil : places[rng.next(places.count)]
                return Casualty(
                    id: "\(id)-c\(k)", articleId: id, date: date, kind: CasualtyKind.allCases[rng.next(CasualtyKind.allCases.count)],
                    count: rng.next(3) == 0 ? nil : rng.next(100), min: rng.next(2) == 0 ? rng.next(50) : nil, max: nil,
                    qualifier: .exact, group: .people, scope: rng.next(3) == 0 ? .cumulative : .incident,
                    location: place.map { CasualtyLocation(name: rng.next(3) == 0 ? $0.uppercased() : $0.capitalized,
                                                           entityId: rng.next(6) == 0 ? nil : $0) },
                    sentence: "s", span: TextSpan(start: 0, end: 1), paragraph: 0)
            }
            result.append(Article(
                id: id, date: date, title: "Story \(n) about \(entities.first?.name ?? "nothing")", summary: "s",
                source: ArticleSource(file: "\(n).txt"), wordCount: 5,
                counts: ArticleCounts(quotes: quotes.count, entities: entities.count, casualties: casualties.count),
                text: "Oil prices rose \(rng.next(10)) percent in Bağdad and Kyiv.", related: [], quotes: quotes,
                entities: entities, casualties: casualties))
        }
        return result
    }()

    static let snapshot = CorpusSnapshot(articles: articles, info: .init(
        loadedAt: Date(timeIntervalSince1970: 0), loadSeconds: 0, textBytes: 0, failures: [], directory: "test"))

    static let windows: [DateWindow] = [
        DateWindow(), DateWindow(from: "2020-02-01"), DateWindow(to: "2020-02-15"),
        DateWindow(from: "2020-02-10", to: "2020-03-20"), .day("2020-03-03"), DateWindow(from: "2020-05-01"),
        DateWindow(from: "2020-03-01", to: "2020-02-01"),
    ]

    @Test(arguments: [nil] + CasualtyKind.allCases.map(Optional.some))
    func summaryEqualsTheSumOfTheFigures(kind: CasualtyKind?) {
        let s = Self.snapshot
        for window in Self.windows {
            let figures = s.casualties.filter { c in window.contains(c.date) && (kind.map { c.kind == $0 } ?? true) }
            var expected = JSONWriter(), actual = JSONWriter()
            expected.beginObject()
            CasualtySummary.write(figures: figures, to: &expected)
            expected.endObject()
            actual.beginObject()
            let count = s.casualtySummary.write(kind: kind, window: window, casualties: s.casualties, to: &actual)
            actual.endObject()
            #expect(count == figures.count, "\(window)")
            #expect(figures.isEmpty == (window.from == "2020-05-01" || window.from == "2020-03-01"), "\(window)")
            #expect(String(decoding: actual.bytes, as: UTF8.self) == String(decoding: expected.bytes, as: UTF8.self), "\(window)")
        }
        #expect(s.casualties.count > 100)
    }

    @Test func entityListsEqualFilteringEveryEntity() {
        let s = Self.snapshot
        let folded = s.entities.map { $0.name.applyingFolding() }
        var nonEmpty = 0
        for type in [nil] + EntityType.allCases.map(Optional.some) {
            for subtype in [nil, "city", "none"] {
                for prefix in [nil, "", "ba", "r", "zo", "xyz"] {
                    for window in Self.windows.prefix(4) {
                        for byName in [false, true] {
                            let range = s.articleRange(window)
                            var expected = (0..<Int32(s.entities.count)).filter { e in
                                let entity = s.entities[Int(e)]
                                let names = ([entity.name] + entity.aliases).map { $0.applyingFolding() }
                                return (type.map { entity.type == $0 } ?? true) && (subtype.map { entity.subtype == $0 } ?? true)
                                    && (prefix.map { p in p.isEmpty || names.contains { $0.hasPrefix(p) } } ?? true)
                                    && s.entityArticles[Int(e)].contains { range.contains(Int($0)) }
                            }
                            if !expected.isEmpty { nonEmpty += 1 }
                            if byName { expected.sort { (folded[Int($0)], $0) < (folded[Int($1)], $1) } }
                            let found = s.findEntities(type: type, subtype: subtype, prefix: prefix, window: window, byName: byName)
                            #expect(Array(found) == expected, "\(String(describing: type)) \(String(describing: subtype)) \(String(describing: prefix)) \(window) \(byName)")
                        }
                    }
                }
            }
        }
        #expect(nonEmpty > 100)
    }

    @Test func companionsEqualCountingSharedArticles() {
        let s = Self.snapshot
        for position in 0..<Int32(s.entities.count) {
            var counts: [Int32: Int] = [:]
            for a in s.entityArticles[Int(position)] {
                for e in s.articles[Int(a)].entities where e.id != s.entities[Int(position)].id {
                    counts[s.entityIndex[e.id]!, default: 0] += 1
                }
            }
            let expected = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10).map { [$0.key, Int32($0.value)] }
            #expect(s.companions(of: position, limit: 10).map { [$0.entity, Int32($0.articles)] } == expected)
        }
    }

    @Test(arguments: [[], ["rea"], ["reagan"], ["n", "reag"], ["ali"], ["zoe"], ["nobody"]])
    func speakerSearchEqualsMatchingEveryName(tokens: [String]) {
        let s = Self.snapshot
        let expected = s.speakers.indices.filter { i in
            let words = TextTokens.words(s.speakers[i].name)
            return tokens.allSatisfy { t in words.contains { $0.hasPrefix(t) } }
        }.map(Int32.init)
        #expect(Array(s.findSpeakers(tokens)) == expected)
        #expect(expected.isEmpty == (tokens == ["nobody"]))
    }

    /// The word indexes are built from word hashes made without strings; each must be the hash of the word that
    /// `TextTokens.words` gives, or a search would miss.
    @Test(arguments: [
        "Hikmet Hajiyev's office said 12 people", "Gəncə, Tərtər and Bərdə — 3 killed", "naïve CAFÉ 28-year-old",
        "", "  ,.; ", "Ünlü İstanbul ŞEHİR", "end with word", "x", "日本 Tokyo 東京", "U.S.-led ‘coalition’",
    ])
    func wordHashesAreTheHashesOfTheWords(text: String) {
        #expect(TextTokens.wordHashes(text) == TextTokens.words(text).map { FNV1a.hash($0) })
    }

    @Test(arguments: [["oil"], ["kyiv", "oil"], ["bagdad"], ["missing"], []])
    func wordSearchEqualsScanningTheText(words: [String]) {
        let s = Self.snapshot
        for window in Self.windows {
            let range = s.articleRange(window)
            let expected = range.filter { i in
                let a = s.articles[i]
                let all = Set(TextTokens.words(a.title) + TextTokens.words(a.text))
                return words.allSatisfy(all.contains)
            }.map(Int32.init)
            #expect(Array(s.findArticles(window: window, words: words, entity: nil, speaker: [])) == expected)
        }
    }

    @Test func casualtyKindPagesEqualFilteringEveryFigure() {
        let s = Self.snapshot
        for kind in CasualtyKind.allCases {
            for window in Self.windows {
                let expected = s.casualties.indices.filter { s.casualties[$0].kind == kind && window.contains(s.casualties[$0].date) }
                    .map(Int32.init)
                let found = s.findCasualties(window: window, kind: kind, group: nil, scope: nil, location: nil, article: nil)
                #expect(Array(found) == expected)
            }
        }
    }
}

/// A small seeded generator, so the generated corpus is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

@Suite struct LoadInfoTests {
    /// The load time's ISO 8601 text, formatted once, follows the time when it is set.
    @Test func loadedAtTextFollowsLoadedAt() {
        var info = CorpusSnapshot.LoadInfo(loadedAt: Date(timeIntervalSince1970: 0), loadSeconds: 0, textBytes: 0,
                                           failures: [], directory: "test")
        #expect(info.loadedAtText == "1970-01-01T00:00:00Z")
        info.loadedAt = Date(timeIntervalSince1970: 86_400 + 61)
        #expect(info.loadedAtText == "1970-01-02T00:01:01Z")
    }
}
