/// One word or punctuation mark of a document, with its lexical attributes computed once by the
/// `Tokenizer`. Extractors read `Document.tokens` and never tokenize again.
///
/// Offsets are Unicode scalar offsets into `Document.text` (the offsets the API serves). The folded form
/// (lower case, accents folded, curly apostrophes straight, no possessive "'s", no final stop) is stored
/// once in `Document.foldedBytes` and read with `Document.folded(_:)` or `Document.foldedString(_:)`.
public struct Token: Sendable, Equatable {
    /// First scalar in the document text.
    public var start: Int32
    /// One past the last scalar (without a possessive "'s"; with an abbreviation's full stop).
    public var end: Int32
    /// Where the folded form starts in `Document.foldedBytes`.
    public var foldedStart: Int32
    /// Length in bytes of the folded form.
    public var foldedCount: Int32
    /// `FNV1a.hash` of the folded form: the key of every `WordTable`.
    public var hash: UInt64
    /// `FNV1a.hash` of the folded part after the last hyphen ("general" of "secretary-general"); equal to
    /// `hash` when the word has no hyphen.
    public var tailHash: UInt64
    /// What the token is.
    public var flags: TokenFlags
    /// What the English lexicon says about the whole folded form.
    public var classes: WordClasses
    /// Index of its sentence in `Document.sentences`.
    public var sentence: Int32
    /// Index of its paragraph.
    public var paragraph: Int32

    /// Whether the token has all of `flags`.
    @inline(__always)
    public func `is`(_ flags: TokenFlags) -> Bool { self.flags.isSuperset(of: flags) }

    /// Whether the lexicon puts the token in any of `classes`.
    @inline(__always)
    public func isA(_ classes: WordClasses) -> Bool { !self.classes.isDisjoint(with: classes) }

    /// A word token.
    @inline(__always) public var isWord: Bool { flags.contains(.word) }
    /// A punctuation token.
    @inline(__always) public var isPunctuation: Bool { flags.contains(.punctuation) }
    /// Number of scalars.
    @inline(__always) public var length: Int { Int(end - start) }
}
