import Testing
@testable import Model

/// Headings and shouting in capitals (`EntityCollector+Headings.swift`): three or more words in capitals make
/// no entity of their own, while gazetteer names, defined acronyms and vowelless acronyms in them stay.
@Suite struct EntityHeadingTests {
    typealias Expected = EntityExtractorTests.Expected
    static func person(_ name: String) -> Expected { EntityExtractorTests.person(name) }
    static func place(_ name: String) -> Expected { EntityExtractorTests.place(name) }
    static func org(_ name: String) -> Expected { EntityExtractorTests.org(name) }

    @Test(arguments: [
        // Shouted run-in headings make no person and no organisation.
        ("FELLOW VOTERS DON’T TRUST HIM — Critics of the senator say he failed them.", []),
        ("EVEN HIS ALLIES THINK HE’S DONE FOR — Mark Doyle, a former aide, disagreed on Monday.",
         [person("Mark Doyle")]),
        ("STAY ON TOP OF THE NEWS WITH OUR DAILY EMAIL", []),
        // Names the gazetteer knows stay, in headings as in text.
        ("SOCCER - JAPAN GET LUCKY WIN OVER SYRIA", [place("Japan"), place("Syria")]),
        ("NATO ALLIES MEET IN BRUSSELS TODAY", [org("NATO"), place("Brussels")]),
        // An acronym without a vowel is no English word.
        ("WATCH WKRN NEWS AT TEN", [org("WKRN")]),
        // An acronym the article defined stays.
        ("The Harbour Safety Board (HSB) opened an inquiry. HSB REPORT DUE IN MAY", [org("Harbour Safety Board")]),
    ] as [(String, [Expected])])
    func headings(text: String, expected: [Expected]) {
        let extractor = EntityExtractor(lexicon: Fixtures.lexicon)
        let document = Document(id: "test", date: "2020-10-12", paragraphs: [text], english: Fixtures.lexicon.english)
        let found = extractor.extract(document).map { Expected(name: $0.name, type: $0.type) }
        #expect(found == expected, "\(text)")
    }

    @Test func twoWordsInCapitalsAreNoHeading() {
        // "the FBI and CIA" and "PEKING, Reuters": acronyms and two capitals words are judged as before.
        let extractor = EntityExtractor(lexicon: Fixtures.lexicon)
        let document = Document(id: "test", date: "2020-10-12", paragraphs: ["Officials of the FBI and the CIA met."],
                                english: Fixtures.lexicon.english)
        let names = extractor.extract(document).map(\.name)
        #expect(names.contains("FBI") && names.contains("CIA"))
    }
}
