/// Where an event happened: the most specific place its reports agree on.
public struct EventLocation: Sendable, Codable, Equatable, Hashable {
    /// Name of the place.
    public var name: String
    /// Id of the place's entity.
    public var entityId: String?
    /// ISO 3166-1 alpha-2 code of its country, when known.
    public var countryCode: String?
    /// Where it lies, when the gazetteer knows.
    public var coordinates: Coordinates?

    /// Creates a location.
    public init(name: String, entityId: String?, countryCode: String?, coordinates: Coordinates?) {
        self.name = name
        self.entityId = entityId
        self.countryCode = countryCode
        self.coordinates = coordinates
    }
}

/// The range of one kind of figure that an event's reports give.
public struct EventToll: Sendable, Codable, Equatable, Hashable {
    /// Killed, injured, …
    public var kind: CasualtyKind
    /// Smallest count reported for the whole victim group.
    public var low: Int
    /// Largest count reported for the whole victim group.
    public var high: Int
    /// The count of the latest report (the largest reported on that day).
    public var latest: Int
    /// Number of figures of this kind, sub-counts included.
    public var reports: Int

    /// Creates a toll.
    public init(kind: CasualtyKind, low: Int, high: Int, latest: Int, reports: Int) {
        self.kind = kind
        self.low = low
        self.high = high
        self.latest = latest
        self.reports = reports
    }
}

/// One real-world incident as the corpus reports it: the casualty figures of every article that counts its
/// victims, merged.
public struct Event: Sendable, Equatable {
    /// Stable id from the event's date and place (`2020-10-28-barda`, `-2` on collision).
    public var id: String
    /// The day the incident happened: as the text states it, else the earliest report's date.
    public var date: String
    /// Headline of the earliest article that reports the event.
    public var title: String
    /// The most specific place the reports agree on.
    public var location: EventLocation?
    /// Date of the first report.
    public var reportedFrom: String
    /// Date of the last report.
    public var reportedTo: String
    /// One toll per kind reported, in `CasualtyKind` order.
    public var tolls: [EventToll]
    /// Number of distinct articles that report it.
    public var articleCount: Int
    /// Distinct outlets that report it, in order of first report.
    public var outlets: [String]
    /// Positions of its figures in the snapshot's `casualties`, oldest report first.
    public var figures: [Int32]

    /// Creates an event.
    public init(id: String, date: String, title: String, location: EventLocation?, reportedFrom: String, reportedTo: String,
                tolls: [EventToll], articleCount: Int, outlets: [String], figures: [Int32]) {
        self.id = id
        self.date = date
        self.title = title
        self.location = location
        self.reportedFrom = reportedFrom
        self.reportedTo = reportedTo
        self.tolls = tolls
        self.articleCount = articleCount
        self.outlets = outlets
        self.figures = figures
    }

    /// The toll of `kind`, if any figure reports it.
    public func toll(_ kind: CasualtyKind) -> EventToll? { tolls.first { $0.kind == kind } }
}
