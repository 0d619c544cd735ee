import Foundation
import Testing
@testable import Model

/// Golden rows for the one tokenizer: each decision of `Tokenizer` (hyphens, possessives, apostrophes,
/// accents, quotation marks, abbreviations, numbers, sentences, paragraphs, scalar offsets) is a row.
@Suite struct TokenizerTests {
    /// One expected token: its surface text, folded form and the flags it must have.
    struct Expected: Sendable, CustomStringConvertible {
        let surface: String
        let folded: String
        let flags: TokenFlags
        var description: String { "\(surface)/\(folded)" }
    }

    static func w(_ surface: String, _ folded: String? = nil, _ flags: TokenFlags = []) -> Expected {
        Expected(surface: surface, folded: folded ?? surface.lowercased(), flags: flags.union(.word))
    }

    static func p(_ surface: String, _ flags: TokenFlags = []) -> Expected {
        Expected(surface: surface, folded: surface, flags: flags.union(.punctuation))
    }

    static func document(_ paragraphs: [String]) -> Document {
        Document(id: "t", date: "2020-10-12", paragraphs: paragraphs, english: Fixtures.lexicon.english)
    }

    /// Rows: a paragraph and every token it must give, in order (no more, no fewer).
    static let rows: [(String, [Expected])] = [
        // Hyphens: one token, `.hyphen`; a spaced dash is punctuation.
        ("Nagorno-Karabakh fighting", [w("Nagorno-Karabakh", nil, [.capitalized, .hyphen]), w("fighting")]),
        ("a 28-year-old man", [w("a"), w("28-year-old", nil, [.hyphen]), w("man")]),
        ("war \u{2014} again", [w("war"), p("\u{2014}", [.hyphen]), w("again")]),
        // Possessives: not part of the token, nor a token.
        ("Israel's army", [w("Israel", "israel", [.capitalized, .possessive]), w("army")]),
        ("Israel\u{2019}s army", [w("Israel", "israel", [.capitalized, .possessive]), w("army")]),
        ("the Houthis\u{2019} council", [w("the"), w("Houthis", "houthis", [.capitalized, .possessive]), w("council")]),
        // Apostrophes inside a word stay; curly ones fold straight.
        ("don\u{2019}t O\u{2019}Brien", [w("don\u{2019}t", "don't"), w("O\u{2019}Brien", "o'brien", [.capitalized])]),
        // Accents fold; the surface keeps them.
        ("G\u{0259}nc\u{0259} and Hajıyev", [w("G\u{0259}nc\u{0259}", "gence", [.capitalized]), w("and"),
                                            w("Hajıyev", "hajiyev", [.capitalized])]),
        ("Jos\u{00E9} said", [w("Jos\u{00E9}", "jose", [.capitalized]), w("said")]),
        // Curly and straight quotation marks.
        ("\u{201C}Go home,\u{201D} he said.", [
            p("\u{201C}", [.quote, .doubleQuote, .openQuote]), w("Go", nil, [.capitalized]), w("home"), p(","),
            p("\u{201D}", [.quote, .doubleQuote, .closeQuote]), w("he"), w("said"), p(".", [.sentenceEnd])]),
        ("\"Go\" and 'stay'", [
            p("\"", [.quote, .doubleQuote, .openQuote]), w("Go", nil, [.capitalized]),
            p("\"", [.quote, .doubleQuote, .closeQuote]), w("and"), p("'", [.quote, .openQuote]), w("stay"),
            p("'", [.quote, .closeQuote])]),
        ("''We stay,'' she said", [
            p("''", [.quote, .doubleQuote, .openQuote]), w("We", nil, [.capitalized]), w("stay"), p(","),
            p("''", [.quote, .doubleQuote, .closeQuote]), w("she"), w("said")]),
        // A single quotation open: "s’" closes it instead of being a possessive.
        ("\u{2018}We love the Beatles\u{2019} he said", [
            p("\u{2018}", [.quote, .openQuote]), w("We", nil, [.capitalized]), w("love"), w("the"),
            w("Beatles", nil, [.capitalized]), p("\u{2019}", [.quote, .closeQuote]), w("he"), w("said")]),
        // Abbreviations and initials keep their stop; "etc." does not.
        ("Dr. Sami and Gen. Ali", [w("Dr.", "dr", [.capitalized, .abbreviation]), w("Sami", nil, [.capitalized]),
                                   w("and"), w("Gen.", "gen", [.capitalized, .abbreviation]),
                                   w("Ali", nil, [.capitalized])]),
        ("the U.S. military", [w("the"), w("U.S.", "u.s", [.capitalized, .allCaps, .abbreviation]), w("military")]),
        ("John F. Kennedy", [w("John", nil, [.capitalized]), w("F.", "f", [.capitalized, .abbreviation]),
                             w("Kennedy", nil, [.capitalized])]),
        // A stop with no space after a word and before a capital ends the word ("... Abayeho.He said").
        ("Abayeho.He said", [w("Abayeho", nil, [.capitalized]), p(".", [.sentenceEnd]), w("He", nil, [.capitalized]),
                             w("said")]),
        ("tents, etc. and", [w("tents"), p(","), w("etc"), p(".", [.sentenceEnd]), w("and")]),
        // Numbers.
        ("1,200 people and 3.5 tonnes", [w("1,200", nil, [.number]), w("people"), w("and"), w("3.5", nil, [.number]),
                                        w("tonnes")]),
        ("1,20 and 2nd", [w("1", nil, [.number]), p(","), w("20", nil, [.number]), w("and"), w("2nd")]),
        ("$415 in 2020.", [p("$"), w("415", nil, [.number]), w("in"), w("2020", nil, [.number]),
                           p(".", [.sentenceEnd])]),
        // Particles joined to a name are capitalised; other prefixes are not.
        ("al-Assad and pro-Russian", [w("al-Assad", nil, [.capitalized, .hyphen]), w("and"),
                                      w("pro-Russian", nil, [.hyphen])]),
        ("d\u{2019}Estaing and az-Zawahiri", [w("d\u{2019}Estaing", "d'estaing", [.capitalized]), w("and"),
                                            w("az-Zawahiri", nil, [.capitalized, .hyphen])]),
        ("the IDF", [w("the"), w("IDF", nil, [.capitalized, .allCaps])]),
        // Emoji: punctuation, one scalar each.
        ("Yes \u{1F600} no", [w("Yes", nil, [.capitalized]), p("\u{1F600}"), w("no")]),
    ]

    @Test(arguments: rows)
    func tokens(_ text: String, _ expected: [Expected]) {
        let document = Self.document([text])
        let got = document.tokens.map { "\(document.surface($0))/\(document.foldedString($0))" }
        #expect(got == expected.map(\.description))
        for (token, want) in zip(document.tokens, expected) {
            // Position flags are checked by their own tests.
            let flags = token.flags.subtracting([.sentenceStart, .paragraphStart, .spaceBefore])
            #expect(flags == want.flags, "\(want.surface): \(flags.rawValue) != \(want.flags.rawValue)")
            #expect(token.hash == FNV1a.hash(document.folded(token)))
        }
    }

    @Test func offsetsCountScalarsAcrossParagraphs() {
        // The emoji is two scalars (a face and a variation selector): offsets count scalars.
        let document = Self.document(["A \u{263A}\u{FE0F} b.", "Second one."])
        let words = document.tokens.filter(\.isWord)
        #expect(words.map { document.surface($0) } == ["A", "b", "Second", "one"])
        #expect(words.map(\.start) == [0, 5, 9, 16])
        let text = Array(document.text.unicodeScalars)
        for token in document.tokens {
            #expect(String(scalars: text[Int(token.start)..<Int(token.end)]) == document.surface(token))
        }
        #expect(document.tokenRange(ofParagraph: 1) == 5..<8)  // A, ☺, U+FE0F, b, "."
        #expect(document.tokens.map(\.paragraph) == [0, 0, 0, 0, 0, 1, 1, 1])
    }

    @Test func sentenceAndParagraphStarts() {
        let document = Self.document(["Dr. Sami came at 10 a.m. on Monday. He left. \u{201C}Why?\u{201D} she asked.",
                                      "The U.S. Army said so."])
        let starts = document.tokens.filter { $0.is(.sentenceStart) }.map { document.surface($0) }
        #expect(starts == ["Dr.", "He", "\u{201C}", "The"])
        let paragraphs = document.tokens.filter { $0.is(.paragraphStart) }.map { document.surface($0) }
        #expect(paragraphs == ["Dr.", "The"])
        #expect(document.tokens.last?.sentence == Int32(document.sentences.count - 1))
        for token in document.tokens {
            let sentence = document.sentences[Int(token.sentence)]
            #expect(sentence.start <= Int(token.start) && Int(token.end) <= sentence.end)
        }
    }

    @Test func wordClassesComeFromTheEnglishLexicon() {
        let document = Self.document(["He said Secretary-General Guterres, according to officials."])
        func classes(_ surface: String) -> WordClasses {
            document.tokens.first { document.surface($0) == surface }?.classes ?? []
        }
        #expect(classes("He").contains(.pronoun))
        #expect(classes("said").contains(.reportingVerb))
        #expect(classes("according").contains(.cuePhraseStart))
        #expect(classes("officials").isSuperset(of: [.role, .roleMany]))
        #expect(classes("Guterres").isEmpty)
        let general = document.tokens.first { document.surface($0) == "Secretary-General" }!
        #expect(Fixtures.lexicon.english.tailClasses(of: general, in: document).contains(.title))
    }

    @Test func emptyAndBlankParagraphsGiveNoTokens() {
        let document = Self.document(["", "   ", "Word"])
        #expect(document.tokens.count == 1)
        #expect(document.tokenRange(ofParagraph: 0).isEmpty)
        #expect(document.tokenRange(ofParagraph: 2) == 0..<1)
    }
}
