/// The events of a snapshot: built once from the clustered figures, with their list JSON encoded once.
public struct EventIndex: Sendable {
    /// Events, newest first (date descending, then id).
    public let events: [Event]
    /// Each event's list JSON (everything but `figures`).
    public let eventJSON: [[UInt8]]
    /// Event position by id.
    public let positions: [String: Int32]
    /// For each figure of the snapshot (flat position), the position of its event, or -1.
    public let figureEvent: [Int32]
    /// Seconds spent clustering and building the events.
    public let seconds: Double
    /// Event positions by articles, most first (then newest first): the order of `sort=sources`.
    let bySources: [Int32]
    /// Event positions by the latest killed toll, largest first, events without one last (then newest first): the
    /// order of `sort=killed`.
    let byKilled: [Int32]
    /// Each article's incidents as the clusterer read them from it alone (article positions), for the next
    /// snapshot to take over for the articles it carries.
    let incidents: [[EventClusterer.Incident]]

    /// Creates an index over `events` (newest first).
    public init(events: [Event], figureEvent: [Int32], seconds: Double) {
        self.init(events: events, figureEvent: figureEvent, seconds: seconds, incidents: [])
    }

    init(events: [Event], figureEvent: [Int32], seconds: Double, incidents: [[EventClusterer.Incident]]) {
        self.events = events
        self.figureEvent = figureEvent
        self.seconds = seconds
        self.incidents = incidents
        var positions: [String: Int32] = [:]
        for (i, e) in events.enumerated() { positions[e.id] = Int32(i) }
        self.positions = positions
        eventJSON = events.map(\.jsonBytes)
        let killed = events.map { $0.toll(.killed)?.latest ?? -1 }
        let all = Array(0..<Int32(events.count))
        bySources = all.sorted { (events[Int($0)].articleCount, $1) > (events[Int($1)].articleCount, $0) }
        byKilled = all.sorted { (killed[Int($0)], $1) > (killed[Int($1)], $0) }
    }

    /// No events.
    public static let empty = EventIndex(events: [], figureEvent: [], seconds: 0)
}
