import Foundation
import Testing
@testable import Model

/// An expected casualty figure, without the fields that depend on the document (id, span, place).
struct ExpectedFigure: Sendable, Equatable, CustomStringConvertible {
    let kind: CasualtyKind
    let count: Int?
    let min: Int?
    let max: Int?
    let qualifier: CasualtyQualifier
    let group: VictimGroup
    let scope: CasualtyScope

    init(_ kind: CasualtyKind, _ count: Int?, min: Int?, max: Int?, _ qualifier: CasualtyQualifier,
         _ group: VictimGroup = .people, _ scope: CasualtyScope = .incident) {
        self.kind = kind
        self.count = count
        self.min = min
        self.max = max
        self.qualifier = qualifier
        self.group = group
        self.scope = scope
    }

    init(_ c: Casualty) {
        self.init(c.kind, c.count, min: c.min, max: c.max, c.qualifier, c.group, c.scope)
    }

    var description: String {
        "\(kind) \(count.map(String.init) ?? "nil") [\(min.map(String.init) ?? "-")..\(max.map(String.init) ?? "-")] "
            + "\(qualifier.rawValue) \(group) \(scope)"
    }
}

/// Shorthands for the golden table.
private func exact(_ kind: CasualtyKind, _ n: Int, _ group: VictimGroup = .people,
                   _ scope: CasualtyScope = .incident) -> ExpectedFigure {
    ExpectedFigure(kind, n, min: n, max: n, .exact, group, scope)
}

private func vague(_ kind: CasualtyKind, least: Int, _ group: VictimGroup = .people,
                   _ scope: CasualtyScope = .incident) -> ExpectedFigure {
    ExpectedFigure(kind, nil, min: least, max: nil, .vague, group, scope)
}

@Suite struct CasualtyExtractorTests {
    static func figures(_ paragraphs: String..., entities: [ArticleEntity] = []) -> [Casualty] {
        let document = Document(id: "test", date: "2020-10-12", paragraphs: paragraphs, english: Fixtures.lexicon.english)
        return CasualtyExtractor(lexicon: Fixtures.lexicon).extract(document, entities: entities)
    }

    // MARK: - Golden table: sentences and the figures they state

    static let rows: [(String, [ExpectedFigure])] = [
        // The seed article.
        ("Reportedly, Armenian missiles hit a residential building, killing 9 civilians and injuring more than 30.",
         [exact(.killed, 9, .civilians),
          ExpectedFigure(.injured, 30, min: 31, max: nil, .moreThan, .civilians)]),
        ("Nearly 500 lives have been lost in the fight so far, including 60 civilians.",
         [ExpectedFigure(.killed, 500, min: nil, max: 500, .nearly, .people, .cumulative),
          exact(.killed, 60, .civilians, .cumulative)]),
        // Number after its victims, passive casualty words.
        ("At least 41 people have been killed and many more have been wounded in an attack on a bus.",
         [ExpectedFigure(.killed, 41, min: 41, max: nil, .atLeast)]),
        ("Eight police officers and 14 armed men have been killed in fighting in the north.",
         [exact(.killed, 8, .police), exact(.killed, 14)]),
        ("Twenty-one people were injured in the blast.", [exact(.injured, 21)]),
        ("Nepal says 6,204 people are known to have died in the quake and 13,932 were injured.",
         [exact(.killed, 6204), exact(.injured, 13932)]),
        ("At least six people are dead and seven missing after the vessel sank.",
         [ExpectedFigure(.killed, 6, min: 6, max: nil, .atLeast), exact(.missing, 7)]),
        ("One resident in the city of Toretsk was killed, and four others were injured.",
         [exact(.killed, 1, .civilians), exact(.injured, 4, .civilians)]),
        ("Four Pakistanis were among the dead.", [exact(.killed, 4)]),
        ("Two girls, aged 6 and 7, were killed.", [exact(.killed, 2, .children)]),
        ("And 16 children aged between 5 and 6 were murdered in a school shooting.", [exact(.killed, 16, .children)]),
        ("Some 15,000 people were left homeless.", [ExpectedFigure(.displaced, 15000, min: nil, max: nil, .about)]),
        ("A photo showed 20 Syrian soldiers in uniform captured in the town.", [exact(.captured, 20, .soldiers)]),
        // Active casualty verbs before the number.
        ("Israeli strikes have since killed 38,713 Palestinians and injured another 89,166.",
         [exact(.killed, 38713, .people, .cumulative), exact(.injured, 89166, .people, .cumulative)]),
        ("At least 1,200 people were killed and more than 250 others abducted.",
         [ExpectedFigure(.killed, 1200, min: 1200, max: nil, .atLeast),
          ExpectedFigure(.captured, 250, min: 251, max: nil, .moreThan)]),
        ("Militants abducted two dozen students from the school.", [exact(.captured, 24, .civilians)]),
        ("Heavy rain killed more than half a dozen people.",
         [ExpectedFigure(.killed, 6, min: 7, max: nil, .moreThan)]),
        ("The blast killed a dozen people and wounded scores more.",
         [exact(.killed, 12), vague(.injured, least: 40)]),
        ("The typhoon displaced more than 600,000 and killed at least 13 people.",
         [ExpectedFigure(.displaced, 600000, min: 600001, max: nil, .moreThan),
          ExpectedFigure(.killed, 13, min: 13, max: nil, .atLeast)]),
        ("Activists said the fighters hunted down the troops, killing up to 300 of them.",
         [ExpectedFigure(.killed, 300, min: nil, max: 300, .upTo)]),
        ("Fighting there has displaced hundreds more people.", [vague(.displaced, least: 200)]),
        ("Officials ordered the army to evacuate tens of thousands of people.", [vague(.displaced, least: 20000)]),
        ("Hundreds of thousands of people have been evacuated.", [vague(.displaced, least: 200000)]),
        ("Dozens of rebels and four Saudi soldiers were killed in the clash.",
         [vague(.killed, least: 24, .soldiers), exact(.killed, 4, .soldiers)]),
        ("The company lost hundreds and probably thousands of men in the battle.",
         [vague(.killed, least: 200), vague(.killed, least: 2000)]),
        // Casualty nouns.
        ("The dead numbered 40.", [exact(.killed, 40)]),
        ("The hospital received three bodies.", [exact(.killed, 3)]),
        ("The army recovered the bodies of five hostages.", [exact(.killed, 5)]),
        ("The hospital was dealing with more than 200 injuries, of which dozens are in critical condition.",
         [ExpectedFigure(.injured, 200, min: 201, max: nil, .moreThan), vague(.injured, least: 24)]),
        ("The death toll has surpassed 150, officials said.",
         [ExpectedFigure(.killed, 150, min: 151, max: nil, .moreThan, .people, .cumulative)]),
        ("The death toll includes 22 civilians and 43 fighters.",
         [exact(.killed, 22, .civilians), exact(.killed, 43, .soldiers)]),
        ("The total number of deaths since October 7 now stands at 38,919 people.",
         [exact(.killed, 38919, .people, .cumulative)]),
        // Qualifiers and ranges.
        ("Between 10 and 15 soldiers were wounded.",
         [ExpectedFigure(.injured, 10, min: 10, max: 15, .range, .soldiers)]),
        ("Officials said 10-15 people were missing.", [ExpectedFigure(.missing, 10, min: 10, max: 15, .range)]),
        ("About 219 girls remain missing.", [ExpectedFigure(.missing, 219, min: nil, max: nil, .about, .children)]),
        ("As many as 63 people were unaccounted for.", [ExpectedFigure(.missing, 63, min: nil, max: 63, .upTo)]),
        ("Fewer than 20 people were hurt.", [ExpectedFigure(.injured, 20, min: nil, max: 19, .fewerThan)]),
        ("More than 1.5 million people, including 800,000 children, have fled their homes since the war began.",
         [ExpectedFigure(.displaced, 1500000, min: 1500001, max: nil, .moreThan, .people, .cumulative),
          exact(.displaced, 800000, .children, .cumulative)]),
        ("Several dozen people were killed.", [vague(.killed, least: 24)]),
        ("A few hundred people fled.", [vague(.displaced, least: 200)]),
        ("Less than a dozen people were injured.", [ExpectedFigure(.injured, 12, min: nil, max: 11, .fewerThan)]),
        // Sub-counts.
        ("Six people were injured, three of them seriously.", [exact(.injured, 6), exact(.injured, 3)]),
        ("At least 14 people, including 12 security officers, were wounded.",
         [ExpectedFigure(.injured, 14, min: 14, max: nil, .atLeast), exact(.injured, 12, .police)]),
        ("It treated 39 police officers injured in the violence, 27 of whom were taken to hospital.",
         [exact(.injured, 39, .police), exact(.injured, 27, .police)]),
        ("Nine people were killed in the shooting, including the three perpetrators and a policeman.",
         [exact(.killed, 9), exact(.killed, 3, .soldiers)]),
        ("Police said two girls were killed and six of the nine that were injured were in critical condition.",
         [exact(.killed, 2, .children), exact(.injured, 6, .children), exact(.injured, 9, .children)]),
        ("Two police officers were among those killed.", [exact(.killed, 2, .police)]),
        ("The crash killed all 150 people on board.", [exact(.killed, 150)]),
        ("The army lost 50 soldiers in the battle.", [exact(.killed, 50, .soldiers)]),
        ("The quake has claimed more than 5,000 lives.", [ExpectedFigure(.killed, 5000, min: 5001, max: nil, .moreThan)]),
        ("Twelve people sustained injuries.", [exact(.injured, 12)]),
        ("Some 300 people went missing after the flood.", [ExpectedFigure(.missing, 300, min: nil, max: nil, .about)]),
        ("The fighting has forced 500,000 people from their homes.", [exact(.displaced, 500000)]),
        ("About 50 people were taken hostage.", [ExpectedFigure(.captured, 50, min: nil, max: nil, .about)]),
        ("Police said the blast killed two, adding that 10 more were missing.",
         [exact(.killed, 2), exact(.missing, 10)]),
        ("The ministry said the dead included 10 children.", [exact(.killed, 10, .children)]),
        ("Officials reported a death toll of 30.", [exact(.killed, 30)]),
        ("The storms killed a total of 40 people across the region.", [exact(.killed, 40, .people, .cumulative)]),
        ("More than 1.5m people have fled the country.",
         [ExpectedFigure(.displaced, 1500000, min: 1500001, max: nil, .moreThan)]),
        ("Rescuers found 14 corpses.", [exact(.killed, 14)]),
        ("Nearly a dozen people drowned.", [ExpectedFigure(.killed, 12, min: nil, max: 12, .nearly)]),
        ("One hundred and fifty people were injured.", [exact(.injured, 150)]),
        ("Gunmen killed 4 shepherds and 2 paramedics.", [exact(.killed, 4), exact(.killed, 2)]),
        ("The attack killed 5 Hindus.", [exact(.killed, 5)]),
        ("Israel said it had killed 17,000 Hamas fighters.", [exact(.killed, 17000, .soldiers)]),
        ("Hezbollah said 5 of its fighters were killed.", [exact(.killed, 5, .soldiers)]),
        ("Twelve people were killed, among them 4 children.", [exact(.killed, 12), exact(.killed, 4, .children)]),
        ("The strike killed 30, of whom 10 were children.", [exact(.killed, 30), exact(.killed, 10)]),
        ("Hamas took about 250 hostages.", [ExpectedFigure(.captured, 250, min: nil, max: nil, .about)]),
        ("Nearly 800 people have been killed in the conflict.",
         [ExpectedFigure(.killed, 800, min: nil, max: 800, .nearly, .people, .cumulative)]),
        ("The number of people killed has risen to 45.", [exact(.killed, 45, .people, .cumulative)]),
        ("Those killed numbered 40.", [exact(.killed, 40)]),
        ("The war cost 20,000 lives.", [exact(.killed, 20000)]),
        ("The attack claimed the lives of 20 people.", [exact(.killed, 20)]),
        ("About 200 people, mostly women and children, were killed.",
         [ExpectedFigure(.killed, 200, min: nil, max: nil, .about)]),
        ("Five people \u{2013} three adults and two children \u{2013} were killed.", [exact(.killed, 5)]),
        ("At least 25 people, among them 10 children, died.",
         [ExpectedFigure(.killed, 25, min: 25, max: nil, .atLeast), exact(.killed, 10, .children)]),
        // Scope.
        ("The attack killed 10 people, bringing the total number of deaths this year to 150.",
         [exact(.killed, 10), exact(.killed, 150, .people, .cumulative)]),
        ("The death toll from the earthquake rose to 2,000 on Monday.", [exact(.killed, 2000, .people, .cumulative)]),
        ("At least 1,200 people have been killed in fighting in Yemen since March 19 and thousands more have been wounded.",
         [ExpectedFigure(.killed, 1200, min: 1200, max: nil, .atLeast, .people, .cumulative),
          vague(.injured, least: 2000, .people, .cumulative)]),
        ("The attack was the deadliest since the 1998 bombing of the embassy, which killed more than 200 people.",
         [ExpectedFigure(.killed, 200, min: 201, max: nil, .moreThan)]),
        // A bare "lost" with a listed person noun and no object is a death.
        ("Ten soldiers lost in the battle were buried on Monday.", [exact(.killed, 10, .soldiers)]),
        // Tens and units without a hyphen are one number.
        ("Thirty four workers died in the explosion.", [exact(.killed, 34)]),
        // A capitalised word before the number that is a weekday, a qualifier or a casualty word keeps it a count.
        ("On Tuesday 19 soldiers were killed in Quezon province.", [exact(.killed, 19, .soldiers)]),
        ("REBELS KILLED 300 PEOPLE.", [exact(.killed, 300)]),
        // A bare low end of a range shares the high end's multiplier.
        ("Between 1.1 and 1.5 million people were killed at Auschwitz.",
         [ExpectedFigure(.killed, 1_100_000, min: 1_100_000, max: 1_500_000, .range)]),
        // A number naming a product after a capitalised name is no count ("Boeing 747"); the one after is.
        ("The crash of a Boeing 747 which killed 520 people was investigated.", [exact(.killed, 520)]),
        // A verb of prevention governs only the figure it stands before.
        ("The flood wall saved 200 lives, but 12 people were killed downstream.", [exact(.killed, 12)]),
    ]

    @Test(arguments: rows)
    func figuresOfSentence(text: String, expected: [ExpectedFigure]) {
        let got = Self.figures(text).map(ExpectedFigure.init)
        #expect(got == expected, "\(text)")
    }

    // MARK: - Golden table: sentences that state no figure

    static let nothing: [String] = [
        // Ages, distances, durations, dates, money.
        "A 28-year-old man was killed in the attack.",
        "Ganja city is more than 100 kilometres away from the scene of the killings.",
        "The fighting that killed civilians lasted 48 hours.",
        "After 11 hours of talks in Moscow, the shelling that killed civilians stopped.",
        "He was killed on July 31 in the capital.",
        "In 2013 the typhoon killed many people.",
        "The government paid $7,000 to each of the 30 families of those killed.",
        "No one was killed in the 4:45pm blast.",
        "Two days of mourning were declared for those killed.",
        "The victims, whose ages ranged from 10 to 20 years old, were killed at the field.",
        // Buildings, vehicles, attacks, animals, households.
        "At least 19 buildings collapsed in the quake that killed residents.",
        "Three police dogs were also injured.",
        "At least 213 animals, including 12 rhinos, have been killed in flooding.",
        "The IDF said 50 attacks had killed militants.",
        "More than 55,000 families were evacuated.",
        "The strike destroyed four vehicles and killed soldiers.",
        // Statements with no number.
        "A policeman was killed in the blast.",
        "Several people were wounded.",
        "One of the most senior commanders was killed.",
        // Forecasts, unstated kinds, rescued, arrested, exchanged.
        "The death toll could rise to 10,000, officials warned.",
        // Prevented casualties did not happen.
        "Worldwide, vaccines prevent more than 4 million deaths every year.",
        "The evacuation saved 300 lives.",
        "Early warnings averted hundreds of deaths.",
        "The government has warned that the death toll could rise to more than 10,000.",
        "Casualties rose to 30 after the attack.",
        "Up to 1,000 people have been rescued so far.",
        "Police arrested 25 people after the attack that killed civilians.",
        "Forty-one survivors were rescued by the coast guard after the boat sank and people died.",
        "The two sides exchanged 50 prisoners captured in the fighting.",
        "More than 20 members of the group surrendered after the killings.",
        "Saudi Arabia had its F-16 jet go missing.",
        "The team lost 2 games in a row.",
        "He killed three birds.",
        "Israel freed 50 hostages in the deal.",
        "She died in 2019 aged 87.",
        "Five of the dead were identified; ten of the killed were children.",
        "Police said the gunman, 25, killed himself.",
        "The project cost $1.5m and injured nobody.",
        "Voters killed 2 proposals in the referendum.",
        "A glitch listed 99999999999999999999999 people as killed.",
        "The war killed 1 in 10 men.",
        "The prize went to 3 scientists whose work saved millions of lives.",
        "The group claimed 2 attacks on the base.",
        "About 30% of the 1,000 displaced families returned.",
        "The fire destroyed 120 homes but nobody was killed.",
        "Some 30 people were killed or injured in the blast.",
        "The shelling, killing or wounding 50 people, went on for hours.",
        "Jamal, a 45-year-old father of three, was killed.",
        "Two-thirds of the victims were killed at home.",
        "The Tanzanian vessel sank around 20 miles off the coast and the crew went missing.",
        // "lost" with an object, or without a listed person noun, counts no dead.
        "When the firm collapsed, 20,000 workers lost their jobs.",
        "Roughly 2.2 million customers lost power after the storm killed residents.",
        "The S&P 500 lost 1.4%.",
        "It was the second final which the Three Lions had lost.",
        // Scores, designations, proportions, money and market shares.
        "Mardy Fish won 6-2 in the final dead rubber to cut the margin to 3-2.",
        "Both players were injured in the closing stages of the 1-0 defeat.",
        "The cards are used on the M6 Toll in the Midlands.",
        "Congenital malformations led to nearly 1 in 5 deaths.",
        "About 3 out of 5 young people who died had no diagnosis.",
        "The strikes cost them more than seven mln guilders in lost business.",
        "The engine had captured about 25 pct of the market.",
        "The battle in 680 AD is believed to have led to his death.",
    ]

    @Test(arguments: nothing)
    func noFigure(text: String) {
        let got = Self.figures(text)
        #expect(got.isEmpty, "\(text) gave \(got.map(ExpectedFigure.init))")
    }

    // MARK: - Document-level behaviour

    @Test func fieldsCarryTheirEvidence() throws {
        let lead = "Azerbaijan and Armenia are fighting."
        let body = "Reportedly, Armenian missiles hit a residential building, killing 9 civilians and injuring more than 30."
        let document = Document(id: "seed", date: "2020-10-12", paragraphs: [lead, body], english: Fixtures.lexicon.english)
        let got = CasualtyExtractor(lexicon: Fixtures.lexicon).extract(document, entities: [])
        try #require(got.count == 2)
        #expect(got.map(\.id) == ["seed-c1", "seed-c2"])
        #expect(got.allSatisfy { $0.articleId == "seed" && $0.date == "2020-10-12" && $0.paragraph == 1 })
        #expect(got[0].sentence == body)
        let scalars = Array(document.text.unicodeScalars)
        let spanText = { (s: TextSpan) in String(String.UnicodeScalarView(scalars[s.start..<s.end])) }
        #expect(spanText(got[0].span) == "killing 9 civilians")
        #expect(spanText(got[1].span) == "injuring more than 30")
    }

    @Test func restatedFiguresAreListedOnce() {
        let got = Self.figures(
            "At least eight soldiers have been killed and 10 others injured in an ambush.",
            "\"We have eight dead and 10 wounded,\" the source said.",
            "As many as 80 fighters were killed, a channel said; a commander said more than 80 men were killed.")
        #expect(got.map(ExpectedFigure.init) == [
            ExpectedFigure(.killed, 8, min: 8, max: nil, .atLeast, .soldiers),
            exact(.injured, 10, .soldiers),
            ExpectedFigure(.killed, 80, min: nil, max: 80, .upTo, .soldiers),
            ExpectedFigure(.killed, 80, min: 81, max: nil, .moreThan),
        ])
        #expect(got.map(\.id) == ["test-c1", "test-c2", "test-c3", "test-c4"])
    }

    @Test func partOfTheFigureBefore() {
        let got = Self.figures(
            "An airstrike hit tents in the area, killing at least four people. One of them was an infant girl that "
                + "arrived at a nearby hospital.",
            "The blast killed 12 people. Two of them were arrested.")
        #expect(got.map(ExpectedFigure.init) == [
            ExpectedFigure(.killed, 4, min: 4, max: nil, .atLeast),
            exact(.killed, 1, .children),
            exact(.killed, 12),
        ])
    }

    @Test func vagueAmountsAreNeverMerged() {
        let got = Self.figures("Dozens of people were killed in the fire.", "Another raid killed dozens in Aleppo.")
        #expect(got.count == 2)
    }

    /// A location entity whose mentions are found by searching the document text.
    static func place(_ name: String, subtype: String, mentions: [String], in document: Document) -> ArticleEntity {
        let scalars = Array(document.text.unicodeScalars)
        var spans: [MentionSpan] = []
        for form in mentions {
            let needle = Array(form.unicodeScalars)
            var i = 0
            while i + needle.count <= scalars.count {
                let before = i == 0 || !scalars[i - 1].properties.isAlphabetic
                let after = i + needle.count == scalars.count || !scalars[i + needle.count].properties.isAlphabetic
                if before && after && Array(scalars[i..<(i + needle.count)]) == needle {
                    spans.append(MentionSpan(start: i, end: i + needle.count, text: form))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return ArticleEntity(id: Slug.make(name), name: name, type: .location, subtype: subtype,
                             mentions: spans.count, mentionSpans: spans.sorted { $0.start < $1.start })
    }

    @Test func seedPlacesComeFromTheParagraph() {
        let paragraphs = [
            "Baku has admitted launching air strikes on Armenian troops. Armenia is accused of firing missiles at "
                + "Ganja - the second largest city in Azerbaijan. Reportedly, Armenian missiles hit a residential "
                + "building, killing 9 civilians and injuring more than 30.",
            "Nearly 500 lives have been lost in the fight so far, including 60 civilians.",
        ]
        let document = Document(id: "seed", date: "2020-10-12", paragraphs: paragraphs, english: Fixtures.lexicon.english)
        let entities = [
            Self.place("Baku", subtype: "city", mentions: ["Baku"], in: document),
            Self.place("Armenia", subtype: "country", mentions: ["Armenia", "Armenian"], in: document),
            Self.place("Ganja", subtype: "city", mentions: ["Ganja"], in: document),
            Self.place("Azerbaijan", subtype: "country", mentions: ["Azerbaijan"], in: document),
        ]
        let got = CasualtyExtractor(lexicon: Fixtures.lexicon).extract(document, entities: entities)
        #expect(got.map(\.location) == [
            CasualtyLocation(name: "Ganja", entityId: "ganja"),
            CasualtyLocation(name: "Ganja", entityId: "ganja"),
            nil, nil,
        ])
        #expect(got.map(ExpectedFigure.init) == [
            exact(.killed, 9, .civilians),
            ExpectedFigure(.injured, 30, min: 31, max: nil, .moreThan, .civilians),
            ExpectedFigure(.killed, 500, min: nil, max: 500, .nearly, .people, .cumulative),
            exact(.killed, 60, .civilians, .cumulative),
        ])
    }

    @Test func hyphenatedPlaceIsNoPlaceOfTheEvent() {
        let paragraphs = ["The UK-based monitor said 12 people were killed in Aleppo.",
                          "The Saudi-led coalition said 4 soldiers died."]
        let document = Document(id: "t", date: "2015-06-01", paragraphs: paragraphs, english: Fixtures.lexicon.english)
        let entities = [
            Self.place("United Kingdom", subtype: "country", mentions: ["UK"], in: document),
            Self.place("Aleppo", subtype: "city", mentions: ["Aleppo"], in: document),
            Self.place("Saudi Arabia", subtype: "country", mentions: ["Saudi"], in: document),
        ].map { e -> ArticleEntity in
            var e = e
            e.aliases = e.mentionSpans.map(\.text)
            return e
        }
        let got = CasualtyExtractor(lexicon: Fixtures.lexicon).extract(document, entities: entities)
        #expect(got.map(\.location?.name) == ["Aleppo", nil])
    }

    @Test func sentencePlaceBeatsParagraphPlace() {
        let paragraphs = ["Fighting spread across Syria. A fire in Qamishli left at least 40 people killed."]
        let document = Document(id: "t", date: "2015-06-01", paragraphs: paragraphs, english: Fixtures.lexicon.english)
        let entities = [
            Self.place("Syria", subtype: "country", mentions: ["Syria"], in: document),
            Self.place("Qamishli", subtype: "city", mentions: ["Qamishli"], in: document),
        ]
        let got = CasualtyExtractor(lexicon: Fixtures.lexicon).extract(document, entities: entities)
        #expect(got.map(\.location?.name) == ["Qamishli"])
    }

    @Test func seedArticleFromTheCorpus() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("corpus/sample/000_53270147d5724fcb.txt")
        let raw = try PlainTextFormat.parse(String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        let document = Document(id: "seed", date: raw.date, paragraphs: raw.paragraphs, english: Fixtures.lexicon.english)
        let got = CasualtyExtractor(lexicon: Fixtures.lexicon).extract(document, entities: [])
        #expect(got.map(ExpectedFigure.init) == [
            exact(.killed, 9, .civilians),
            ExpectedFigure(.injured, 30, min: 31, max: nil, .moreThan, .civilians),
            ExpectedFigure(.killed, 500, min: nil, max: 500, .nearly, .people, .cumulative),
            exact(.killed, 60, .civilians, .cumulative),
        ])
    }

    // MARK: - Lexicon files

    @Test func malformedWordListThrowsNamingTheFile() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("casualty-lexicon-\(UUID().uuidString)")
        let sub = directory.appendingPathComponent("casualties")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "killed\tslain\tactive\n".write(to: sub.appendingPathComponent("kinds.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: LexiconError.self) { try CasualtyLexicon(directory: directory) }
        do {
            _ = try CasualtyLexicon(directory: directory)
        } catch let error as LexiconError {
            #expect(error.file == "config/casualties/kinds.tsv")
            #expect(error.reason.contains("line 1"))
        }
        try "killed\tkilled\n".write(to: sub.appendingPathComponent("kinds.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: LexiconError(file: "config/casualties/kinds.tsv",
                                     reason: "line 1: expected 3 tab-separated field(s), found 2")) {
            try CasualtyLexicon(directory: directory)
        }
    }

    @Test func missingWordListThrows() {
        let directory = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")
        #expect(throws: LexiconError(file: "config/casualties/kinds.tsv", reason: "cannot read the file")) {
            try CasualtyLexicon(directory: directory)
        }
    }
}
