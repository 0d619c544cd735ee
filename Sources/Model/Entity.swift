/// The three kinds of named entity.
public enum EntityType: String, Sendable, Codable, CaseIterable, Hashable {
    /// A person.
    case person
    /// An organisation: ministry, army, agency, party, company, news agency, international body.
    case organization
    /// A place: country, region, city, village, river, mountain.
    case location
}

/// A point on the map, in decimal degrees (WGS 84).
public struct Coordinates: Sendable, Codable, Equatable, Hashable {
    /// Latitude, north positive.
    public var lat: Double
    /// Longitude, east positive.
    public var lon: Double

    /// Creates a point.
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }
}

/// One occurrence of an entity in an article's text.
public struct MentionSpan: Sendable, Codable, Equatable, Hashable {
    /// First scalar of the mention.
    public var start: Int
    /// One past the last scalar.
    public var end: Int
    /// The text as written ("Armenian", "Karabakh").
    public var text: String

    /// Creates a mention.
    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// An entity as it appears in one article.
public struct ArticleEntity: Sendable, Codable, Equatable {
    /// Corpus-wide id, a slug of the canonical name ("nagorno-karabakh").
    public var id: String
    /// Fullest form used ("Nagorno-Karabakh", "Hikmet Hajiyev").
    public var name: String
    /// Person, organisation or location.
    public var type: EntityType
    /// Refinement where known: `country`, `city`, `region`, …
    public var subtype: String?
    /// ISO 3166-1 alpha-2 country code for places, when known.
    public var countryCode: String?
    /// GeoNames id of a gazetteer place, when known.
    public var geonamesId: Int?
    /// Where a gazetteer place is, when known.
    public var coordinates: Coordinates?
    /// The first-level administrative division that holds the place or that it is, as GeoNames writes it:
    /// country code, a stop, the division's code ("UA.07": Kharkiv and Kharkiv Oblast; "US.CA"). Places
    /// with the same `admin1Code` lie in the same division; a country contains every place of its code.
    public var admin1Code: String?
    /// Other forms used for the same entity in this article.
    public var aliases: [String]
    /// Number of mentions, demonyms included.
    public var mentions: Int
    /// Every mention, in text order.
    public var mentionSpans: [MentionSpan]

    /// Creates an article entity.
    public init(
        id: String, name: String, type: EntityType, subtype: String? = nil, countryCode: String? = nil,
        geonamesId: Int? = nil, coordinates: Coordinates? = nil, admin1Code: String? = nil,
        aliases: [String] = [], mentions: Int, mentionSpans: [MentionSpan]
    ) {
        self.geonamesId = geonamesId
        self.coordinates = coordinates
        self.admin1Code = admin1Code
        self.id = id
        self.name = name
        self.type = type
        self.subtype = subtype
        self.countryCode = countryCode
        self.aliases = aliases
        self.mentions = mentions
        self.mentionSpans = mentionSpans
    }
}

/// An entity across the whole corpus, as `/entities` serves it.
public struct Entity: Sendable, Codable, Equatable {
    /// Slug id.
    public var id: String
    /// Canonical name.
    public var name: String
    /// Person, organisation or location.
    public var type: EntityType
    /// Refinement where known.
    public var subtype: String?
    /// Country code for places, when known.
    public var countryCode: String?
    /// GeoNames id of a gazetteer place, when known.
    public var geonamesId: Int?
    /// Where a gazetteer place is, when known.
    public var coordinates: Coordinates?
    /// The first-level division that holds the place or that it is ("UA.07"), as in `ArticleEntity`.
    public var admin1Code: String?
    /// All other forms seen across the corpus.
    public var aliases: [String]
    /// Mentions across the corpus.
    public var mentions: Int
    /// Number of articles that mention it.
    public var articles: Int
    /// Date of the first article that mentions it.
    public var firstSeen: String
    /// Date of the last article that mentions it.
    public var lastSeen: String

    /// Creates a corpus entity.
    public init(
        id: String, name: String, type: EntityType, subtype: String?, countryCode: String?,
        geonamesId: Int? = nil, coordinates: Coordinates? = nil, admin1Code: String? = nil, aliases: [String],
        mentions: Int, articles: Int, firstSeen: String, lastSeen: String
    ) {
        self.geonamesId = geonamesId
        self.coordinates = coordinates
        self.admin1Code = admin1Code
        self.id = id
        self.name = name
        self.type = type
        self.subtype = subtype
        self.countryCode = countryCode
        self.aliases = aliases
        self.mentions = mentions
        self.articles = articles
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }
}
