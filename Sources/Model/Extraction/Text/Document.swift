/// An article's text prepared for the extractors: paragraphs, their scalar offsets, sentences and the one
/// token array (`tokens`), all computed once when the document is made.
///
/// Extractors read a `Document` and report spans as Unicode scalar offsets into `text`, the same
/// offsets the API serves. None of them tokenizes again: they read `tokens`, each token's folded form
/// (`folded(_:)`), hash and word classes.
public struct Document: Sendable {
    /// Article id; extractors derive item ids from it.
    public let id: String
    /// Article date, `YYYY-MM-DD`.
    public let date: String
    /// The paragraphs, in order.
    public let paragraphs: [String]
    /// Paragraphs joined by a blank line.
    public let text: String
    /// Scalar offset in `text` where each paragraph starts.
    public let paragraphStarts: [Int]
    /// The scalars of each paragraph, for extractors that scan by offset.
    public let paragraphScalars: [[Unicode.Scalar]]
    /// Every sentence, in text order.
    public let sentences: [Sentence]
    /// Every word and punctuation mark, in text order (`Tokenizer`).
    public let tokens: [Token]
    /// The folded forms of all tokens, one after another (`Token.foldedStart`, `Token.foldedCount`).
    public let foldedBytes: [UInt8]
    /// Index in `tokens` of each paragraph's first token; `tokens.count` after the last paragraph.
    public let paragraphTokenStarts: [Int]
    /// `ArticleBuilder.wordCount(text)`: runs of letters or digits (with whatever joins them but white space),
    /// counted while the paragraphs are decoded, so that the text is not read again for it.
    public let wordCount: Int

    /// The separator between paragraphs in `text`.
    public static let paragraphSeparator = "\n\n"

    /// Prepares a document from its paragraphs, tokenized with the English lexicon `english`.
    public init(id: String, date: String, paragraphs: [String], english: EnglishLexicon) {
        self.id = id
        self.date = date
        self.paragraphs = paragraphs
        self.text = paragraphs.joined(separator: Document.paragraphSeparator)
        var starts: [Int] = []
        var scalars: [[Unicode.Scalar]] = []
        var offset = 0
        var words = 0
        for paragraph in paragraphs {
            starts.append(offset)
            let s = Document.scalars(of: paragraph, words: &words)
            scalars.append(s)
            offset += s.count + 2
        }
        self.wordCount = words
        self.paragraphStarts = starts
        self.paragraphScalars = scalars
        var sentences: [Sentence] = []
        for (index, s) in scalars.enumerated() {
            for range in SentenceSplitter.split(s, english: english) {
                sentences.append(Sentence(
                    paragraph: index,
                    start: starts[index] + range.lowerBound,
                    end: starts[index] + range.upperBound))
            }
        }
        self.sentences = sentences
        (self.tokens, self.foldedBytes) = Tokenizer.tokenize(
            paragraphs: scalars, starts: starts, sentences: sentences, english: english)
        var tokenStarts = [Int](repeating: tokens.count, count: paragraphs.count + 1)
        for k in tokens.indices.reversed() { tokenStarts[Int(tokens[k].paragraph)] = k }
        for p in stride(from: paragraphs.count - 1, through: 0, by: -1) where tokenStarts[p] > tokenStarts[p + 1] {
            tokenStarts[p] = tokenStarts[p + 1]  // an empty paragraph
        }
        self.paragraphTokenStarts = tokenStarts
    }

    /// The Unicode scalars of `text`, decoded from its UTF-8 in one pass (`Array(text.unicodeScalars)` counts
    /// the scalars first, then copies them through the scalar view's iterator).
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var words = 0
        return scalars(of: text, words: &words)
    }

    /// `scalars(of:)`, adding to `words` the text's words as `ArticleBuilder.wordCount` counts them (a run of
    /// word scalars starts a word; white space ends it, anything else neither).
    static func scalars(of text: String, words: inout Int) -> [Unicode.Scalar] {
        var text = text
        var wordsSeen = 0
        defer { words += wordsSeen }
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var i = 0
                var n = 0
                var inWord = false
                let end = bytes.count
                while i < end {
                    let b0 = UInt32(bytes[i])
                    if b0 < 0x80 {
                        // ASCII: a scalar as is, with no validity check.
                        buffer[n] = Unicode.Scalar(UInt8(truncatingIfNeeded: b0))
                        n += 1
                        i += 1
                        if (b0 &- 0x30 < 10) || ((b0 | 0x20) &- 0x61 < 26) {
                            if !inWord { wordsSeen += 1; inWord = true }
                        } else if b0 == 0x20 || (b0 &- 0x09 < 5) {
                            inWord = false
                        }
                        continue
                    }
                    let v: UInt32
                    if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    // A String's UTF-8 is valid, so `v` is a scalar value.
                    let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
                    buffer[n] = scalar
                    n += 1
                    if scalar.isWordScalar {
                        if !inWord { wordsSeen += 1; inWord = true }
                    } else if scalar.isSpace {
                        inWord = false
                    }
                }
                count = n
            }
        }
    }

    /// The folded form of `token` (lower case, accents folded; see `Tokenizer`) as bytes.
    @inline(__always)
    public func folded(_ token: Token) -> ArraySlice<UInt8> {
        foldedBytes[Int(token.foldedStart)..<Int(token.foldedStart + token.foldedCount)]
    }

    /// The folded form of `token` as a string (decoded through a buffer pointer: no slice, so no retain and
    /// release of the folded bytes).
    public func foldedString(_ token: Token) -> String {
        foldedBytes.withUnsafeBufferPointer { bytes in
            String(decoding: UnsafeBufferPointer(
                rebasing: bytes[Int(token.foldedStart)..<Int(token.foldedStart + token.foldedCount)]), as: UTF8.self)
        }
    }

    /// Whether the folded form of `token` is `text` (compared as bytes: no string made).
    public func isFolded(_ token: Token, _ text: StaticString) -> Bool {
        guard Int(token.foldedCount) == text.utf8CodeUnitCount else { return false }
        let start = Int(token.foldedStart)
        return text.withUTF8Buffer { expected in
            foldedBytes.withUnsafeBufferPointer { folded in
                for k in 0..<expected.count where folded[start + k] != expected[k] { return false }
                return true
            }
        }
    }

    /// The scalars of `token` as written (an abbreviation's stop included, a possessive "'s" not).
    public func scalars(_ token: Token) -> ArraySlice<Unicode.Scalar> {
        let p = Int(token.paragraph)
        let base = paragraphStarts[p]
        return paragraphScalars[p][(Int(token.start) - base)..<(Int(token.end) - base)]
    }

    /// The text of `token` as written.
    public func surface(_ token: Token) -> String { String(scalars: scalars(token)) }

    /// The text of `sentence` (made on demand: few sentences are ever output).
    public func text(of sentence: Sentence) -> String {
        let base = paragraphStarts[sentence.paragraph]
        return String(scalars: paragraphScalars[sentence.paragraph][(sentence.start - base)..<(sentence.end - base)])
    }

    /// The tokens of paragraph `p`, as a range of indices into `tokens`.
    public func tokenRange(ofParagraph p: Int) -> Range<Int> { paragraphTokenStarts[p]..<paragraphTokenStarts[p + 1] }
}

/// One sentence of a document.
public struct Sentence: Sendable, Equatable {
    /// Index of its paragraph.
    public let paragraph: Int
    /// Scalar offset of its first character in the document text.
    public let start: Int
    /// One past its last character.
    public let end: Int
}
