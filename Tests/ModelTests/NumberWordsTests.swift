import Testing
@testable import Model

@Suite struct NumberWordsTests {
    /// Number words as the extractor reads them, capitalised or not, hyphenated or not.
    @Test(arguments: [
        ("nine", 9), ("Nine", 9), ("twelve", 12), ("forty", 40), ("twenty-one", 21), ("Forty-one", 41),
        ("ninety-nine", 99), ("Thirty four", 34),
    ])
    func wordValues(word: String, value: Int) throws {
        let got = CasualtyExtractor(lexicon: Fixtures.lexicon).extract(Fixtures.document("\(word) people were killed."),
                                                                       entities: [])
        try #require(got.count == 1, "\(word)")
        #expect(got[0].count == value)
    }

    /// Words that state no number of people.
    @Test(arguments: ["Several", "Many", "Some", "No", "Few"])
    func notNumberWords(word: String) {
        let got = CasualtyExtractor(lexicon: Fixtures.lexicon).extract(Fixtures.document("\(word) people were killed."),
                                                                       entities: [])
        #expect(got.isEmpty, "\(word)")
    }

    @Test func vagueAmountsHaveTheirLeastValues() {
        #expect(NumberWords.vague == ["dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
                                      "millions": 2_000_000])
        #expect(NumberWords.vagueCompounds["tens"]?["thousands"] == 20_000)
        #expect(NumberWords.vagueCompounds["hundreds"]?["thousands"] == 200_000)
    }

    /// Number phrases as the extractor reads them: (phrase, count, min, qualifier).
    @Test(arguments: [
        ("9", 9, 9, CasualtyQualifier.exact),
        ("nine", 9, 9, .exact),
        ("twenty-one", 21, 21, .exact),
        ("1,200", 1200, 1200, .exact),
        ("1.5 million", 1_500_000, 1_500_000, .exact),
        ("100 thousand", 100_000, 100_000, .exact),
        ("two hundred", 200, 200, .exact),
        ("a dozen", 12, 12, .exact),
        ("two dozen", 24, 24, .exact),
        ("half a dozen", 6, 6, .exact),
        ("dozens of", nil, 24, .vague),
        ("scores of", nil, 40, .vague),
        ("hundreds of", nil, 200, .vague),
        ("thousands of", nil, 2_000, .vague),
        ("tens of thousands of", nil, 20_000, .vague),
        ("hundreds of thousands of", nil, 200_000, .vague),
        ("millions of", nil, 2_000_000, .vague),
        ("at least 13", 13, 13, .atLeast),
        ("more than 30", 30, 31, .moreThan),
        ("no fewer than 5", 5, 5, .atLeast),
        ("between 10 and 15", 10, 10, .range),
        ("10-15", 10, 10, .range),
    ] as [(String, Int?, Int, CasualtyQualifier)])
    func phrases(phrase: String, count: Int?, min: Int, qualifier: CasualtyQualifier) throws {
        let document = Fixtures.document("Officials said \(phrase) people were killed.")
        let got = CasualtyExtractor(lexicon: Fixtures.lexicon).extract(document, entities: [])
        try #require(got.count == 1, "\(phrase)")
        #expect(got[0].count == count)
        #expect(got[0].min == min)
        #expect(got[0].qualifier == qualifier)
    }

    /// The parts the casualty patterns read from the shared tokens: sides of a hyphen and of a digit-letter
    /// join become parts of their own, numbers lose their thousands commas, offsets stay document offsets.
    @Test func partsSplitHyphensAndKeepOffsets() {
        let document = Fixtures.document("Forty-one people, 1,200 in all; a 28-year-old at 4:45pm with a 9mm.Police said")
        let (parts, texts) = TokenPart.parts(of: 0..<document.tokens.count, in: document)
        #expect(texts == ["forty", "one", "people", ",", "1200", "in", "all", ";", "a", "28", "year",
                          "old", "at", "4", ":", "45", "pm", "with", "a", "9", "mm", ".", "police", "said"])
        #expect(parts[1].hyphenBefore && parts[10].hyphenBefore && !parts[2].hyphenBefore)
        #expect(parts[4].start == 18 && parts[4].end == 23 && parts[4].value == 1200 && parts[4].isNumber)
        #expect(parts[16].attachedBefore && !parts[16].hyphenBefore)
        #expect(parts[20].attachedBefore && parts[21].isPunct)
        #expect(parts[0].capitalized && !parts[1].capitalized)
    }
}
