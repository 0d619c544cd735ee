import Model

/// `/casualties` and `/casualties/summary`.
enum CasualtyHandlers {
    /// How `/casualties/summary` adds figures up, stated in its `meta`.
    static let method = "Each figure counts as its count, or its min when the count is vague. Incident figures are added up. "
        + "A cumulative toll (a running total) is never added to incident figures: for a day the highest cumulative figure "
        + "reported that day is taken, and the running series keeps the highest value reported up to that day, so it never "
        + "runs backwards when an article repeats an older toll. A location's cumulative value is the highest reported for it. "
        + "Figures of different articles are not yet merged into events, so one incident reported by several articles is counted once per article."

    /// Registers the routes.
    static func register(_ router: inout Router, state: ServerState) {
        router.get("/casualties", parameters: ["kind", "group", "scope", "location", "from", "to", "article", "limit", "offset", "format"],
                   summary: "casualty figures") { request, p in
            let snapshot = state.snapshot
            let format = try ListResponse.format(request, p, csv: true)
            let positions = snapshot.findCasualties(
                window: try p.window(allowingDate: false), kind: try p.choice("kind", CasualtyKind.self),
                group: try p.choice("group", VictimGroup.self), scope: try p.choice("scope", CasualtyScope.self),
                location: p.string("location"), article: p.string("article"))
            let json = snapshot.casualtyJSON
            let figures = snapshot.casualties
            return try ListResponse.render(
                request, p, count: positions.count, format: format, json: { json[Int(positions[$0])] },
                csvHeader: ["id", "articleId", "date", "kind", "count", "min", "max", "qualifier", "group", "scope",
                            "location", "locationEntityId", "sentence", "start", "end"],
                csvRow: { i in
                    let c = figures[Int(positions[i])]
                    return [c.id, c.articleId, c.date, c.kind.rawValue, c.count.csvText, c.min.csvText, c.max.csvText,
                            c.qualifier.rawValue, c.group.rawValue, c.scope.rawValue, c.location?.name ?? "",
                            c.location?.entityId ?? "", c.sentence, String(c.span.start), String(c.span.end)]
                })
        }
        router.get("/casualties/summary", parameters: ["kind", "from", "to", "location"],
                   summary: "per-day and per-location totals for charts") { _, p in
            let snapshot = state.snapshot
            let kind = try p.choice("kind", CasualtyKind.self)
            let window = try p.window(allowingDate: false)
            let location = p.string("location")
            var w = JSONWriter(capacity: 8192)
            w.beginObject()
            w.key("data")
            w.beginObject()
            let figures: Int
            if let location {
                // One place: its own figures, few enough to add up per request.
                let positions = snapshot.findCasualties(window: window, kind: kind, group: nil, scope: nil,
                                                        location: location, article: nil)
                let list = positions.map { snapshot.casualties[Int($0)] }
                CasualtySummary.write(figures: list, to: &w)
                figures = list.count
            } else {
                figures = snapshot.casualtySummary.write(kind: kind, window: window, casualties: snapshot.casualties, to: &w)
            }
            w.endObject()
            w.key("meta")
            w.beginObject()
            w.key("method"); w.string(method)
            w.key("figures"); w.int(figures)
            w.key("kind"); w.string(kind?.rawValue)
            w.key("from"); w.string(window.from)
            w.key("to"); w.string(window.to)
            w.key("location"); w.string(location)
            w.endObject()
            w.endObject()
            return .json(w.bytes)
        }
    }
}
