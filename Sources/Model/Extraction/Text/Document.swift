/// An article's text prepared for the extractors: paragraphs, their scalar offsets and sentences.
///
/// Extractors read a `Document` and report spans as Unicode scalar offsets into `text`, the same
/// offsets the API serves.
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

    /// The separator between paragraphs in `text`.
    public static let paragraphSeparator = "\n\n"

    /// Prepares a document from its paragraphs.
    public init(id: String, date: String, paragraphs: [String]) {
        self.id = id
        self.date = date
        self.paragraphs = paragraphs
        self.text = paragraphs.joined(separator: Document.paragraphSeparator)
        var starts: [Int] = []
        var scalars: [[Unicode.Scalar]] = []
        var offset = 0
        for paragraph in paragraphs {
            starts.append(offset)
            let s = Array(paragraph.unicodeScalars)
            scalars.append(s)
            offset += s.count + 2
        }
        self.paragraphStarts = starts
        self.paragraphScalars = scalars
        var sentences: [Sentence] = []
        for (index, s) in scalars.enumerated() {
            for range in SentenceSplitter.split(s) {
                sentences.append(Sentence(
                    paragraph: index,
                    start: starts[index] + range.lowerBound,
                    end: starts[index] + range.upperBound,
                    text: String(scalars: s[range])))
            }
        }
        self.sentences = sentences
    }
}

/// One sentence of a document.
public struct Sentence: Sendable, Equatable {
    /// Index of its paragraph.
    public let paragraph: Int
    /// Scalar offset of its first character in the document text.
    public let start: Int
    /// Scalar offset one past its last character.
    public let end: Int
    /// Its text.
    public let text: String
}
