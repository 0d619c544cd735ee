import Model

/// `/events` and `/events/{id}`: cross-article events.
enum EventHandlers {
    /// Registers the routes.
    static func register(_ router: inout Router) {
        router.get("/events", parameters: ["kind", "location", "from", "to", "q", "minSources", "sort", "limit", "offset", "format"],
                   summary: "events, newest first") { c in
            let p = c.parameters, snapshot = c.snapshot
            let format = try ListResponse.format(c, csv: true)
            let positions = snapshot.findEvents(
                kind: try p.choice("kind", CasualtyKind.self), location: p.string("location"),
                window: try p.window(allowingDate: false), words: try p.words("q"),
                minSources: try p.int("minSources", default: 0, range: 0...Int(Int32.max)),
                order: try p.choice("sort", EventOrder.self) ?? .newest)
            let json = snapshot.events.eventJSON
            let events = snapshot.events.events
            return try ListResponse.render(
                c, count: positions.count, format: format, json: { json[Int(positions[$0])] },
                csvHeader: ["id", "date", "title", "location", "locationEntityId", "countryCode", "lat", "lon",
                            "killedLow", "killedHigh", "killedLatest", "injuredLow", "injuredHigh", "injuredLatest",
                            "articles", "outlets", "reportedFrom", "reportedTo"],
                csvRow: { i in
                    let e = events[Int(positions[i])]
                    let killed = e.toll(.killed), injured = e.toll(.injured)
                    return [e.id, e.date, e.title, e.location?.name ?? "", e.location?.entityId ?? "",
                            e.location?.countryCode ?? "", e.location?.coordinates.map { String($0.lat) } ?? "",
                            e.location?.coordinates.map { String($0.lon) } ?? "",
                            killed?.low.csvText ?? "", killed?.high.csvText ?? "", killed?.latest.csvText ?? "",
                            injured?.low.csvText ?? "", injured?.high.csvText ?? "", injured?.latest.csvText ?? "",
                            String(e.articleCount), e.outlets.joined(separator: "; "), e.reportedFrom, e.reportedTo]
                })
        }
        router.get("/events/{id}", summary: "one event, with its figures") { c in
            let snapshot = c.snapshot
            let id = c.parameters[path: "id"]
            guard let position = snapshot.events.positions[id] else {
                throw APIError.notFound("no event with id '\(id)'")
            }
            return ListResponse.single { snapshot.eventJSON(position, to: &$0) }
        }
    }
}

extension Int {
    /// The number as text.
    var csvText: String { String(self) }
}
