/// What happened to the people a figure counts.
public enum CasualtyKind: String, Sendable, Codable, CaseIterable, Hashable {
    case killed, injured, missing, captured, displaced
}

/// How the wording bounds the stated number.
public enum CasualtyQualifier: String, Sendable, Codable, CaseIterable, Hashable {
    case exact, about, nearly
    case atLeast = "at_least"
    case moreThan = "more_than"
    case upTo = "up_to"
    case fewerThan = "fewer_than"
    case range, vague
}

/// Who the victims are.
public enum VictimGroup: String, Sendable, Codable, CaseIterable, Hashable {
    case civilians, soldiers, children, police, people
}

/// Whether a figure counts one event or a running toll.
public enum CasualtyScope: String, Sendable, Codable, CaseIterable, Hashable {
    case incident, cumulative
}

/// The place a figure refers to.
public struct CasualtyLocation: Sendable, Codable, Equatable, Hashable {
    /// Name of the place as the article's entity names it.
    public var name: String
    /// Id of the place's entity.
    public var entityId: String?

    /// Creates a location reference.
    public init(name: String, entityId: String?) {
        self.name = name
        self.entityId = entityId
    }
}

/// A stated number of people killed, injured, missing, captured or displaced.
public struct Casualty: Sendable, Codable, Equatable {
    /// Unique id: the article id, `-c`, and the figure's position.
    public var id: String
    /// Id of the article.
    public var articleId: String
    /// The article's date.
    public var date: String
    /// Killed, injured, …
    public var kind: CasualtyKind
    /// The number as stated; `nil` for vague amounts ("dozens").
    public var count: Int?
    /// Smallest value the wording allows.
    public var min: Int?
    /// Largest value the wording allows, when bounded.
    public var max: Int?
    /// How the wording qualifies the number.
    public var qualifier: CasualtyQualifier
    /// The victims.
    public var group: VictimGroup
    /// One event or a running toll.
    public var scope: CasualtyScope
    /// The place, when the sentence or its paragraph names one.
    public var location: CasualtyLocation?
    /// The sentence the figure was read from.
    public var sentence: String
    /// Where the number phrase lies in the article text.
    public var span: TextSpan
    /// Index of the paragraph holding the figure.
    public var paragraph: Int
    /// The event this figure reports on, set when the corpus is clustered; nil for a running toll of a whole war
    /// or a figure whose incident the text does not identify.
    public var eventId: String?

    /// Creates a figure.
    public init(
        id: String, articleId: String, date: String, kind: CasualtyKind, count: Int?, min: Int?, max: Int?,
        qualifier: CasualtyQualifier, group: VictimGroup, scope: CasualtyScope, location: CasualtyLocation?,
        sentence: String, span: TextSpan, paragraph: Int, eventId: String? = nil
    ) {
        self.id = id
        self.articleId = articleId
        self.date = date
        self.kind = kind
        self.count = count
        self.min = min
        self.max = max
        self.qualifier = qualifier
        self.group = group
        self.scope = scope
        self.location = location
        self.sentence = sentence
        self.span = span
        self.paragraph = paragraph
        self.eventId = eventId
    }
}
