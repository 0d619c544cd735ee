import Dispatch

extension CorpusSnapshot {
    /// Clusters the figures of `articles` (newest first) into events, and returns the articles with each
    /// figure's `eventId` set, and the events. Ids come from each event's date and place (`2020-10-28-barda`),
    /// with `-2`, `-3` … on collision in a stable order, so the same corpus gives the same ids everywhere.
    static func clusterEvents(_ articles: [Article]) -> (articles: [Article], events: EventIndex) {
        let started = DispatchTime.now().uptimeNanoseconds
        // The places that figures name, with what the articles' entities say of them.
        var wanted = Set<String>()
        for a in articles { for c in a.casualties { if let id = c.location?.entityId { wanted.insert(id) } } }
        var places: [String: EventClusterer.Place] = [:]
        for a in articles where !a.casualties.isEmpty {
            for e in a.entities where e.type == .location && wanted.contains(e.id) {
                if var p = places[e.id] {
                    if p.subtype == nil { p.subtype = e.subtype }
                    if p.countryCode == nil { p.countryCode = e.countryCode }
                    places[e.id] = p
                } else {
                    places[e.id] = EventClusterer.Place(name: e.name, subtype: e.subtype, countryCode: e.countryCode)
                }
            }
        }
        let clusters = EventClusterer(places: places).cluster(articles)

        // The flat figure list, as the snapshot lays it out: article order, then figure order.
        var owner: [(article: Int32, index: Int32)] = []
        for (i, a) in articles.enumerated() {
            for k in a.casualties.indices { owner.append((Int32(i), Int32(k))) }
        }
        func figure(_ p: Int32) -> Casualty { articles[Int(owner[Int(p)].article)].casualties[Int(owner[Int(p)].index)] }
        func article(_ p: Int32) -> Article { articles[Int(owner[Int(p)].article)] }

        var built: [(event: Event, base: String, first: String)] = []
        for cluster in clusters {
            // Oldest report first; within an article, text order.
            let members = cluster.figures.sorted { a, b in
                let (x, y) = (owner[Int(a)], owner[Int(b)])
                let (dx, dy) = (articles[Int(x.article)].date, articles[Int(y.article)].date)
                return dx != dy ? dx < dy : (x.article != y.article ? x.article > y.article : x.index < y.index)
            }
            let first = article(members[0])
            let date = cluster.day.map(DayNumber.string) ?? first.date
            // The place most figures name; the smaller place on a tie, then the first named.
            var counts: [String: (count: Int, first: Int)] = [:]
            for (i, p) in members.enumerated() {
                guard let id = figure(p).location?.entityId else { continue }
                counts[id] = ((counts[id]?.count ?? 0) + 1, counts[id]?.first ?? i)
            }
            let place = counts.max { a, b in
                (a.value.count, places[a.key]?.rank ?? 2, -a.value.first) < (b.value.count, places[b.key]?.rank ?? 2, -b.value.first)
            }
            var location: EventLocation? = nil
            if let place {
                let known = places[place.key]
                let name = known?.name ?? members.lazy.compactMap { figure($0).location }.first { $0.entityId == place.key }?.name ?? place.key
                location = EventLocation(name: name, entityId: place.key, countryCode: known?.countryCode, coordinates: nil)
            }
            var articleIds = Set<String>()
            var outlets: [String] = []
            for p in members {
                let a = article(p)
                if articleIds.insert(a.id).inserted, let outlet = a.source.outlet, !outlets.contains(outlet) { outlets.append(outlet) }
            }
            let reportedTo = members.map { article($0).date }.max() ?? first.date
            let event = Event(id: "", date: date, title: first.title, location: location, reportedFrom: first.date,
                              reportedTo: reportedTo, tolls: tolls(members.map(figure)), articleCount: articleIds.count,
                              outlets: outlets, figures: members)
            let base = date + "-" + (location.map { Slug.make($0.name, maxWords: 6) } ?? "incident")
            built.append((event, base, figure(members[0]).id))
        }
        // Ids: the base, then -2, -3 … in order of the first figure's id.
        built.sort { ($0.base, $0.first) < ($1.base, $1.first) }
        var seen: [String: Int] = [:]
        for i in built.indices {
            let n = (seen[built[i].base] ?? 0) + 1
            seen[built[i].base] = n
            built[i].event.id = n == 1 ? built[i].base : "\(built[i].base)-\(n)"
        }
        var events = built.map(\.event)
        events.sort { ($0.date, $1.id) > ($1.date, $0.id) }

        // Each figure's event.
        var figureEvent = [Int32](repeating: -1, count: owner.count)
        for (e, event) in events.enumerated() { for p in event.figures { figureEvent[Int(p)] = Int32(e) } }
        var clustered = articles
        var position = 0
        for i in clustered.indices where !clustered[i].casualties.isEmpty {
            for k in clustered[i].casualties.indices {
                let e = figureEvent[position + k]
                if e >= 0 { clustered[i].casualties[k].eventId = events[Int(e)].id }
            }
            position += clustered[i].casualties.count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return (clustered, EventIndex(events: events, figureEvent: figureEvent, seconds: seconds))
    }

    /// One toll per kind: over the figures of the whole victim group (a sub-count, smaller than another figure of
    /// the same kind in the same sentence, is a report but sets no bound), the smallest, the largest, and the
    /// largest of the latest day.
    static func tolls(_ figures: [Casualty]) -> [EventToll] {
        var tolls: [EventToll] = []
        for kind in CasualtyKind.allCases {
            let all = figures.filter { $0.kind == kind }
            guard !all.isEmpty else { continue }
            func value(_ c: Casualty) -> Int { c.count ?? c.min ?? 0 }
            let whole = all.filter { c in
                !all.contains { $0.articleId == c.articleId && $0.sentence == c.sentence && value($0) > value(c) }
            }
            let values = whole.map(value)
            let lastDay = whole.map(\.date).max() ?? ""
            let latest = whole.filter { $0.date == lastDay }.map(value).max() ?? 0
            tolls.append(EventToll(kind: kind, low: values.min() ?? 0, high: values.max() ?? 0, latest: latest, reports: all.count))
        }
        return tolls
    }
}
