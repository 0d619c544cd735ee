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
