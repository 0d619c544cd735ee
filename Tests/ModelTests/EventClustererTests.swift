import Foundation
import Testing
@testable import Model

/// A synthetic article for the event tables: a date, an outlet and its paragraphs.
struct EventArticle: Sendable, CustomStringConvertible {
    let date: String
    let outlet: String
    let paragraphs: [String]

    init(_ date: String, _ outlet: String, _ paragraphs: String...) {
        self.date = date
        self.outlet = outlet
        self.paragraphs = paragraphs
    }

    var description: String { "\(date) \(outlet): \(paragraphs.joined(separator: " ").prefix(60))…" }
}

/// Golden tables for the clustering of figures into events, end to end: articles are extracted as at load time,
/// the snapshot clusters their figures, and each row names the figures (article index, kind, number) that must
/// share an event, and those that must belong to none.
@Suite struct EventClustererTests {
    static let builder = ArticleBuilder(extractors: Extractors(lexicon: Fixtures.lexicon))

    static func snapshot(_ articles: [EventArticle]) -> CorpusSnapshot { snapshot(built: build(articles)) }

    /// The articles extracted, with ids `a0`, `a1`, … in the given order.
    static func build(_ articles: [EventArticle]) -> [Article] {
        articles.enumerated().map { i, a in
            builder.build(RawArticle(date: a.date, title: nil, paragraphs: a.paragraphs, related: [],
                                     source: ArticleSource(file: "a\(i).txt", url: nil, outlet: a.outlet)), id: "a\(i)")
        }
    }

    static func snapshot(built: [Article]) -> CorpusSnapshot {
        CorpusSnapshot(articles: built, info: .init(loadedAt: Date(), loadSeconds: 0, textBytes: 0, failures: [], directory: "test"))
    }

    /// "0:killed:12": article 0's figure of 12 killed.
    static func key(_ c: Casualty) -> String { "\(c.articleId.dropFirst()):\(c.kind.rawValue):\(c.count ?? c.min ?? -1)" }

    /// The events as sets of figure keys, and the figures in none.
    static func partition(_ s: CorpusSnapshot) -> (events: Set<Set<String>>, none: Set<String>) {
        var groups: [String: Set<String>] = [:]
        var none = Set<String>()
        for c in s.casualties {
            if let id = c.eventId { groups[id, default: []].insert(key(c)) } else { none.insert(key(c)) }
        }
        return (Set(groups.values), none)
    }

    static let rows: [(articles: [EventArticle], events: [[String]], none: [String])] = [
        // The same incident from two outlets, a day apart, with a growing toll: one event.
        ([EventArticle("2024-03-05", "Daily Wire",
                       "A car bomb exploded near a market in Kirkuk on Monday, killing 12 people and wounding 30, police said."),
          EventArticle("2024-03-06", "Evening Post",
                       "At least 15 people were killed in Monday's car bombing in Kirkuk, hospital officials said.")],
         [["0:killed:12", "0:injured:30", "1:killed:15"]], []),
        // Incidents in different cities on the same day: two events.
        ([EventArticle("2024-04-10", "Daily Wire", "An air strike on a school in Mosul killed 8 people on Tuesday."),
          EventArticle("2024-04-10", "Evening Post", "Shelling in Aleppo killed 6 civilians on Tuesday.")],
         [["0:killed:8"], ["1:killed:6"]], []),
        // A running toll of a whole war belongs to no event; the day's attack is one.
        ([EventArticle("2024-05-20", "Daily Wire",
                       "A rocket attack on Kharkiv killed 5 people on Sunday, the governor said.",
                       "The war has killed more than 30,000 civilians since it began, according to the United Nations.")],
         [["0:killed:5"]], ["0:killed:30000"]),
        // A past incident recalled months later joins its event; the new one is another.
        ([EventArticle("2023-10-08", "Daily Wire", "Gunmen attacked a music festival in Sderot on October 7, killing 260 people."),
          EventArticle("2024-02-10", "Evening Post",
                       "On Friday, an air strike in Rafah killed 11 people, medics said.",
                       "The festival attack in Sderot on October 7, in which 260 people were killed, shocked the country.")],
         [["0:killed:260", "1:killed:260"], ["1:killed:11"]], []),
        // One article, two incidents: today's crash and one recalled by its year.
        ([EventArticle("2024-06-03", "Daily Wire",
                       "A bus crash near Cusco killed 14 people on Sunday.",
                       "In 2019, a similar crash on the same road killed 22 people.")],
         [["0:killed:14"], ["0:killed:22"]], []),
        // A sub-count joins its total.
        ([EventArticle("2024-06-03", "Daily Wire", "The attack on a market in Kano on Saturday killed 20 people, including 7 children.")],
         [["0:killed:20", "0:killed:7"]], []),
        // The same place a week apart, each with its own day: two events.
        ([EventArticle("2024-07-02", "Daily Wire", "An air strike on Khan Younis killed 9 people on Monday."),
          EventArticle("2024-07-10", "Evening Post", "An air strike on Khan Younis killed 13 people on Tuesday.")],
         [["0:killed:9"], ["1:killed:13"]], []),
    ]

    @Test(arguments: rows)
    func figuresGroupIntoEvents(articles: [EventArticle], events: [[String]], none: [String]) {
        let s = Self.snapshot(articles)
        let (found, unclustered) = Self.partition(s)
        #expect(found == Set(events.map(Set.init)), "events: \(found)")
        #expect(unclustered == Set(none), "no event: \(unclustered)")
    }

    @Test func eventsHaveStableIdsTollsAndSources() throws {
        let articles = Self.rows[0].articles
        let s = Self.snapshot(articles)
        let again = Self.snapshot(articles)
        #expect(s.events.events.map(\.id) == again.events.events.map(\.id))
        let event = try #require(s.events.events.first)
        #expect(event.id == "2024-03-04-kirkuk")
        #expect(event.date == "2024-03-04", "the Monday before the first report")
        #expect(event.location?.countryCode == "IQ")
        #expect(event.toll(.killed) == EventToll(kind: .killed, low: 12, high: 15, latest: 15, reports: 2))
        #expect(event.articleCount == 2)
        #expect(event.outlets == ["Daily Wire", "Evening Post"])
        #expect(event.reportedFrom == "2024-03-05" && event.reportedTo == "2024-03-06")
    }

    @Test func collidingIdsTakeASuffixInAStableOrder() {
        // Two incidents of one day and one place, told apart by their nouns: a fire and a bombing.
        let articles = [EventArticle("2024-07-02", "Daily Wire", "A fire at a market in Kano killed 5 people on Monday."),
                        EventArticle("2024-07-02", "Evening Post", "A bomb at a church in Kano killed 9 people on Monday.")]
        let s = Self.snapshot(articles)
        let byFigure = Dictionary(uniqueKeysWithValues: s.casualties.map { (Self.key($0), $0.eventId ?? "") })
        #expect(byFigure == ["0:killed:5": "2024-07-01-kano", "1:killed:9": "2024-07-01-kano-2"])
        // The same corpus read in another order gives the same ids.
        let reversed = Self.snapshot(built: Self.build(articles).reversed())
        #expect(Set(reversed.events.events.map(\.id)) == ["2024-07-01-kano", "2024-07-01-kano-2"])
        #expect(reversed.events.events.first { $0.id == "2024-07-01-kano" }?.toll(.killed)?.latest == 5)
    }

    @Test func subCountsSetNoToll() throws {
        let s = Self.snapshot(Self.rows[5].articles)
        let event = try #require(s.events.events.first)
        #expect(event.toll(.killed) == EventToll(kind: .killed, low: 20, high: 20, latest: 20, reports: 2))
    }

    @Test(arguments: [
        ("A strike on Tuesday killed 5.", "2024-07-18", "2024-07-16", "2024-07-16"),  // Thursday article
        ("On October 7, 1,200 were killed.", "2024-07-18", "2023-10-07", "2023-10-07"),
        ("In 1996, 16 were killed.", "2024-07-18", "1996-01-01", "1996-12-31"),
        ("Last week, 55 went missing.", "2024-07-18", "2024-07-05", "2024-07-14"),
        ("Two weeks after a quake killed 8,000, another struck.", "2015-05-13", "2015-04-26", "2015-05-02"),
        ("Police said on Tuesday that 9 were killed.", "2024-07-18", nil, nil),
        ("Ahead of June 7 elections, 6 were injured.", "2015-05-19", nil, nil),
    ] as [(String, String, String?, String?)])
    func datesAreReadFromTheSentence(sentence: String, article: String, from: String?, to: String?) throws {
        let day = try #require(DayNumber.from(article))
        let digits = sentence.unicodeScalars.firstIndex { ("0"..."9").contains($0) }
        let offset = digits.map { sentence.unicodeScalars.distance(from: sentence.unicodeScalars.startIndex, to: $0) } ?? 0
        let cues = IncidentCues.read(sentence: sentence, figureOffset: offset, before: "", articleDay: day)
        #expect(cues.when.map { DayNumber.string($0.lo) } == from)
        #expect(cues.when.map { DayNumber.string($0.hi) } == to)
    }
}
