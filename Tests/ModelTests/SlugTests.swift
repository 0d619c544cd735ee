import Testing
@testable import Model

@Suite struct SlugTests {
    @Test(arguments: [
        ("Nagorno-Karabakh", "nagorno-karabakh"),
        ("Hikmet Hajiyev", "hikmet-hajiyev"),
        ("Gəncə", "gence"),
        ("Azerbaijan's presidential aide", "azerbaijans-presidential-aide"),
        ("  --  ", ""),
    ])
    func slug(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    /// The byte-level slug keeps what the scalar-by-scalar one gave: curly apostrophes join, other non-ASCII
    /// scalars that fold to nothing ASCII split, and `maxWords` counts the words kept.
    @Test(arguments: [
        ("Israel’s army", Int.max, "israels-army"),
        ("Київ and Kyiv", Int.max, "and-kyiv"),
        ("Straße — Łódź", Int.max, "strasse-lodz"),
        ("one two three", 2, "one-two"),
        ("one two", 0, ""),
        ("ÉLYSÉE Palace", 1, "elysee"),
    ])
    func slugOverBytes(input: String, maxWords: Int, expected: String) {
        #expect(Slug.make(input, maxWords: maxWords) == expected)
    }

    /// ASCII folding is lower-casing, with or without capitals; accents still fold.
    @Test(arguments: [("Gaza City", "gaza city"), ("already lower", "already lower"), ("Gəncə", "gence"), ("", "")])
    func folding(input: String, expected: String) {
        #expect(input.applyingFolding() == expected)
    }

    /// `splitASCII` gives the pieces `split(separator:)` gives, ASCII or not.
    @Test(arguments: ["Hikmet Hajiyev", "  two  spaces ", "", " ", "al-Assad", "Gəncə Şəhər", "a\r\n b", "x"])
    func splitOverBytes(text: String) {
        #expect(text.splitASCII(0x20) == text.split(separator: " "))
        #expect(text.splitASCII(0x2D) == text.split(separator: "-"))
    }

    /// The word count made while decoding is the one `ArticleBuilder.wordCount` gives the joined text.
    @Test func documentWordCount() {
        let paragraphs = ["Gəncə's 28-year-old mayor said: “3,000 left.”", "U.S. troops\u{A0}arrived… at 9 a.m.", ""]
        let document = Document(id: "d", date: "2020-01-01", paragraphs: paragraphs, english: Fixtures.lexicon.english)
        #expect(document.wordCount == ArticleBuilder.wordCount(document.text))
        #expect(document.wordCount == 12)
    }

    @Test func slugLimitsWords() {
        #expect(Slug.make("Azerbaijan and Armenia are fighting over the region", maxWords: 5)
            == "azerbaijan-and-armenia-are-fighting")
    }

    @Test func sentencesDoNotBreakAfterAbbreviations() {
        let text = Array("Dr. Khalil Al-Daqran spoke. He said 9.5 people left. “Go,” he said.".unicodeScalars)
        let sentences = SentenceSplitter.split(text, english: Fixtures.lexicon.english).map { String(String.UnicodeScalarView(text[$0])) }
        #expect(sentences == ["Dr. Khalil Al-Daqran spoke.", "He said 9.5 people left.", "“Go,” he said."])
    }
}
