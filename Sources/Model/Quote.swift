/// A direct quotation and who said it.
public struct Quote: Sendable, Codable, Equatable {
    /// Unique id: the article id, `-q`, and the quote's position in the article.
    public var id: String
    /// Id of the article the quote is in.
    public var articleId: String
    /// The article's date.
    public var date: String
    /// The words inside the quotation marks, parts joined by a space when the attribution interrupts them.
    public var text: String
    /// Who said it; `nil` when the text names nobody.
    public var speaker: Speaker?
    /// The reporting verb or phrase ("said", "told Reuters", "according to").
    public var cue: String?
    /// Index of the paragraph where the quote begins.
    public var paragraph: Int
    /// Where the quotation (first mark to last mark) lies in the article text.
    public var span: TextSpan

    /// Creates a quote.
    public init(
        id: String, articleId: String, date: String, text: String, speaker: Speaker?, cue: String?,
        paragraph: Int, span: TextSpan
    ) {
        self.id = id
        self.articleId = articleId
        self.date = date
        self.text = text
        self.speaker = speaker
        self.cue = cue
        self.paragraph = paragraph
        self.span = span
    }
}

/// The person or body a quote is attributed to.
public struct Speaker: Sendable, Codable, Equatable, Hashable {
    /// Fullest name the article gives ("Hikmet Hajiyev").
    public var name: String
    /// Title or description without articles ("Azerbaijan's presidential aide"), when given.
    public var role: String?
    /// Id of the speaker's entity, when the speaker is one.
    public var entityId: String?

    /// Creates a speaker.
    public init(name: String, role: String? = nil, entityId: String? = nil) {
        self.name = name
        self.role = role
        self.entityId = entityId
    }
}
