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
            let positions = snapshot.findCasualties(window: window, kind: kind, group: nil, scope: nil,
                                                    location: p.string("location"), article: nil)
            let figures = positions.map { snapshot.casualties[Int($0)] }
            var w = JSONWriter(capacity: 8192)
            w.beginObject()
            w.key("data")
            w.beginObject()
            w.key("byDay"); writeDays(figures, to: &w)
            w.key("byLocation"); writeLocations(figures, to: &w)
            w.endObject()
            w.key("meta")
            w.beginObject()
            w.key("method"); w.string(method)
            w.key("figures"); w.int(figures.count)
            w.key("kind"); w.string(kind?.rawValue)
            w.key("from"); w.string(window.from)
            w.key("to"); w.string(window.to)
            w.key("location"); w.string(p.string("location"))
            w.endObject()
            w.endObject()
            return .json(w.bytes)
        }
    }

    /// The value a figure adds: its count, else its lower bound.
    static func value(_ c: Casualty) -> Int { c.count ?? c.min ?? 0 }

    /// Totals of one day or one place for one kind.
    struct Totals {
        var incident = 0
        var incidentFigures = 0
        var cumulative: Int? = nil
        var cumulativeFigures = 0

        mutating func add(_ c: Casualty) {
            if c.scope == .cumulative {
                cumulative = max(cumulative ?? 0, value(c))
                cumulativeFigures += 1
            } else {
                incident += value(c)
                incidentFigures += 1
            }
        }
    }

    /// `[{date, kind, incident, cumulative, runningCumulative, figures}]`, oldest day first.
    static func writeDays(_ figures: [Casualty], to w: inout JSONWriter) {
        var days: [String: [CasualtyKind: Totals]] = [:]
        for c in figures { days[c.date, default: [:]][c.kind, default: Totals()].add(c) }
        var running: [CasualtyKind: Int] = [:]
        w.beginArray()
        for date in days.keys.sorted() {
            for kind in CasualtyKind.allCases {
                guard let t = days[date]?[kind] else { continue }
                if let c = t.cumulative { running[kind] = max(running[kind] ?? 0, c) }
                w.beginObject()
                w.key("date"); w.string(date)
                w.key("kind"); w.string(kind.rawValue)
                w.key("incident"); w.int(t.incident)
                w.key("cumulative"); w.int(t.cumulative)
                w.key("runningCumulative"); w.int(running[kind])
                w.key("figures"); w.int(t.incidentFigures + t.cumulativeFigures)
                w.endObject()
            }
        }
        w.endArray()
    }

    /// `[{location, kind, incident, cumulative, figures}]`, largest first; figures without a place are left out.
    static func writeLocations(_ figures: [Casualty], to w: inout JSONWriter) {
        var places: [String: (location: CasualtyLocation, totals: [CasualtyKind: Totals])] = [:]
        for c in figures {
            guard let location = c.location else { continue }
            let key = location.entityId ?? location.name
            var entry = places[key] ?? (location, [:])
            entry.totals[c.kind, default: Totals()].add(c)
            places[key] = entry
        }
        var rows: [(CasualtyLocation, CasualtyKind, Totals)] = []
        for (_, entry) in places {
            for (kind, totals) in entry.totals { rows.append((entry.location, kind, totals)) }
        }
        rows.sort { a, b in
            let x = max(a.2.incident, a.2.cumulative ?? 0), y = max(b.2.incident, b.2.cumulative ?? 0)
            return (x, b.0.name, b.1.rawValue) > (y, a.0.name, a.1.rawValue)
        }
        w.beginArray()
        for (location, kind, t) in rows {
            w.beginObject()
            w.key("location"); w.value(location)
            w.key("kind"); w.string(kind.rawValue)
            w.key("incident"); w.int(t.incident)
            w.key("cumulative"); w.int(t.cumulative)
            w.key("figures"); w.int(t.incidentFigures + t.cumulativeFigures)
            w.endObject()
        }
        w.endArray()
    }
}
