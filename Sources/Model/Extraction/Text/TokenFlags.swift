/// What a token is and where it stands, as bits (`Token.flags`), decided once by the `Tokenizer`.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    /// The bits.
    public let rawValue: UInt32
    /// Flags from bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Letters or digits ("Ganja", "al-Assad", "U.S.", "28-year-old", "1,200"); else a punctuation mark.
    public static let word = TokenFlags(rawValue: 1 << 0)
    /// A numeral: digits with thousands commas and one decimal point ("1,200", "3.5", "2020"); not "2nd".
    public static let number = TokenFlags(rawValue: 1 << 1)
    /// A single punctuation or symbol scalar (including quotation marks, dashes, emoji).
    public static let punctuation = TokenFlags(rawValue: 1 << 2)
    /// Starts with an upper-case letter, or is a particle joined to one ("al-Assad", "bin-Salman").
    public static let capitalized = TokenFlags(rawValue: 1 << 3)
    /// Two or more letters and none lower case ("IDF", "U.S.", "NATO").
    public static let allCaps = TokenFlags(rawValue: 1 << 4)
    /// A quotation mark (double or single, straight or curly, `''` and ` `` `); see the three below.
    public static let quote = TokenFlags(rawValue: 1 << 5)
    /// A quotation mark that opens by its form (“ ‘ „ « ``) or by position (after a space, before a word).
    public static let openQuote = TokenFlags(rawValue: 1 << 6)
    /// A quotation mark that closes by its form (” ’ ») or by position (after a word, before a space).
    public static let closeQuote = TokenFlags(rawValue: 1 << 7)
    /// A double quotation mark (“ ” " „ « » `` ''); without it a quotation mark is single (‘ ’ ').
    public static let doubleQuote = TokenFlags(rawValue: 1 << 8)
    /// A hyphen inside the word ("Nagorno-Karabakh"), or a dash token (- – —).
    public static let hyphen = TokenFlags(rawValue: 1 << 9)
    /// The word was followed by a possessive "'s"/"’s" or a plural "s'" that is not part of the token.
    public static let possessive = TokenFlags(rawValue: 1 << 10)
    /// The word took its full stop ("Dr.", "U.S.", "A." initial); the folded form has no final stop.
    public static let abbreviation = TokenFlags(rawValue: 1 << 11)
    /// First token of a sentence (`Document.sentences`).
    public static let sentenceStart = TokenFlags(rawValue: 1 << 12)
    /// First token of a paragraph.
    public static let paragraphStart = TokenFlags(rawValue: 1 << 13)
    /// White space (or the paragraph start) right before the token.
    public static let spaceBefore = TokenFlags(rawValue: 1 << 14)
    /// Sentence-ending punctuation: `.`, `!`, `?`, `…`.
    public static let sentenceEnd = TokenFlags(rawValue: 1 << 15)
}
