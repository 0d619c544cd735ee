import Model

/// `/casualties` and `/casualties/summary`.
enum CasualtyHandlers {
    /// How `/casualties/summary` adds figures up, stated in its `meta`.
    static let method = "Each figure counts as its count, or its min when the count is vague. Incident figures are added up. "
        + "A cumulative toll (a running total) is never added to incident figures: for a day the highest cumulative figure "
        + "reported that day is taken, and the running series keeps the highest value reported up to that day, so it never "
        + "runs backwards when an article repeats an older toll. A location's cumulative value is the highest reported for it. "
        + "Figures are not merged here, so one incident reported by several articles is counted once per article: "
        + "ask by=event to count each event once."

    /// How `/casualties/summary?by=event` adds events up, stated in its `meta`.
    static let eventMethod = "Each event (one incident as many articles report it, see /events) is counted once, on the day it "
        + "happened and at its place, with its latest toll: the count of its latest report (the largest reported that day). "
        + "low and high beside it add up the smallest and largest counts any report gave. Sub-counts (\"five of them children\") "
        + "set no toll. Running tolls of a whole war or season belong to no event and are left out: the by=figure summary "
        + "keeps them as cumulative series. from, to and location select events by their date and place."

    /// Registers the routes.
    static func register(_ router: inout Router) {
        router.get("/casualties", parameters: ["kind", "group", "scope", "location", "from", "to", "article", "limit", "offset", "format"],
                   summary: "casualty figures") { c in
            let p = c.parameters, snapshot = c.snapshot
            let format = try ListResponse.format(c, csv: true)
            let positions = snapshot.findCasualties(
                window: try p.window(allowingDate: false), kind: try p.choice("kind", CasualtyKind.self),
                group: try p.choice("group", VictimGroup.self), scope: try p.choice("scope", CasualtyScope.self),
                location: p.string("location"), article: p.string("article"))
            let json = snapshot.casualtyJSON
            let figures = snapshot.casualties
            return try ListResponse.render(
                c, count: positions.count, format: format, write: { json.write(Int(positions[$0]), to: &$1) },
                csvHeader: ["id", "articleId", "date", "kind", "count", "min", "max", "qualifier", "group", "scope",
                            "location", "locationEntityId", "sentence", "start", "end"],
                csvRow: { i in
                    let c = figures[Int(positions[i])]
                    return [c.id, c.articleId, c.date, c.kind.rawValue, c.count.csvText, c.min.csvText, c.max.csvText,
                            c.qualifier.rawValue, c.group.rawValue, c.scope.rawValue, c.location?.name ?? "",
                            c.location?.entityId ?? "", c.sentence, String(c.span.start), String(c.span.end)]
                })
        }
        router.get("/casualties/summary", parameters: ["kind", "from", "to", "location", "by"],
                   summary: "per-day and per-location totals for charts") { c in
            let p = c.parameters, snapshot = c.snapshot
            let kind = try p.choice("kind", CasualtyKind.self)
            let window = try p.window(allowingDate: false)
            let byEvent = try p.choice("by", in: ["figure", "event"]) == "event"
            let location = p.string("location")
            /// `meta`, the same on every path.
            func writeMeta(counted: Int, to w: inout JSONWriter) {
                w.beginObject()
                w.key("method"); w.string(byEvent ? eventMethod : method)
                w.key("by"); w.string(byEvent ? "event" : "figure")
                w.key(byEvent ? "events" : "figures"); w.int(counted)
                w.key("kind"); w.string(kind?.rawValue)
                w.key("from"); w.string(window.from)
                w.key("to"); w.string(window.to)
                w.key("location"); w.string(location)
                w.endObject()
            }
            if !byEvent && location == nil && window.from == nil && window.to == nil {
                // The whole corpus: stored bytes and the hash of them, so that neither is computed again here.
                let stored = snapshot.casualtySummary.stored(kind: kind)
                var meta = JSONWriter(capacity: 1024)
                writeMeta(counted: stored.figures, to: &meta)
                var tail = Array(#"},"meta":"#.utf8)
                tail += meta.bytes
                tail.append(UInt8(ascii: "}"))
                var body = [UInt8]()
                body.reserveCapacity(stored.head.count + tail.count)
                body += stored.head
                body += tail
                var hash = stored.hash
                hash.combine(bytes: tail)
                var response = Response.json(body)
                response.bodyHash = hash.value
                return response
            }
            var w = JSONWriter(capacity: 16384)
            w.beginObject()
            w.key("data")
            w.beginObject()
            let counted: Int
            if byEvent {
                let positions = snapshot.findEvents(kind: kind, location: location, window: window, words: [],
                                                    minSources: 0, order: .date)
                let events = positions.map { snapshot.events.events[Int($0)] }
                counted = events.count
                w.key("byDay"); writeEventDays(events, kind: kind, to: &w)
                w.key("byLocation"); writeEventLocations(events, kind: kind, to: &w)
            } else if let location {
                // One place: its own figures, few enough to add up per request.
                let positions = snapshot.findCasualties(window: window, kind: kind, group: nil, scope: nil,
                                                        location: location, article: nil)
                let list = positions.map { snapshot.casualties[Int($0)] }
                CasualtySummary.write(figures: list, to: &w)
                counted = list.count
            } else {
                counted = snapshot.casualtySummary.write(kind: kind, window: window, casualties: snapshot.casualties, to: &w)
            }
            w.endObject()
            w.key("meta")
            writeMeta(counted: counted, to: &w)
            w.endObject()
            return .json(w.bytes)
        }
    }

    /// Latest, low and high tolls of events, added up.
    struct EventTotals {
        var latest = 0, low = 0, high = 0, events = 0

        mutating func add(_ t: EventToll) {
            latest += t.latest
            low += t.low
            high += t.high
            events += 1
        }
    }

    /// `[{date, kind, latest, low, high, events}]` by event date, oldest first.
    static func writeEventDays(_ events: [Event], kind: CasualtyKind?, to w: inout JSONWriter) {
        var days: [String: [CasualtyKind: EventTotals]] = [:]
        for e in events {
            for t in e.tolls where kind == nil || t.kind == kind { days[e.date, default: [:]][t.kind, default: EventTotals()].add(t) }
        }
        w.beginArray()
        for date in days.keys.sorted() {
            for k in CasualtyKind.allCases {
                guard let t = days[date]?[k] else { continue }
                w.beginObject()
                w.key("date"); w.string(date)
                w.key("kind"); w.string(k.rawValue)
                w.key("latest"); w.int(t.latest)
                w.key("low"); w.int(t.low)
                w.key("high"); w.int(t.high)
                w.key("events"); w.int(t.events)
                w.endObject()
            }
        }
        w.endArray()
    }

    /// `[{location, kind, latest, low, high, events}]` by event place, largest first; events without a place are left out.
    static func writeEventLocations(_ events: [Event], kind: CasualtyKind?, to w: inout JSONWriter) {
        var places: [String: (location: CasualtyLocation, totals: [CasualtyKind: EventTotals])] = [:]
        for e in events {
            guard let l = e.location else { continue }
            let key = l.entityId ?? l.name
            var entry = places[key] ?? (CasualtyLocation(name: l.name, entityId: l.entityId), [:])
            for t in e.tolls where kind == nil || t.kind == kind { entry.totals[t.kind, default: EventTotals()].add(t) }
            places[key] = entry
        }
        var rows: [(CasualtyLocation, CasualtyKind, EventTotals)] = []
        for (_, entry) in places { for (k, t) in entry.totals { rows.append((entry.location, k, t)) } }
        rows.sort { a, b in (a.2.latest, b.0.name, b.1.rawValue) > (b.2.latest, a.0.name, a.1.rawValue) }
        w.beginArray()
        for (location, k, t) in rows {
            w.beginObject()
            w.key("location"); w.value(location)
            w.key("kind"); w.string(k.rawValue)
            w.key("latest"); w.int(t.latest)
            w.key("low"); w.int(t.low)
            w.key("high"); w.int(t.high)
            w.key("events"); w.int(t.events)
            w.endObject()
        }
        w.endArray()
    }
}
