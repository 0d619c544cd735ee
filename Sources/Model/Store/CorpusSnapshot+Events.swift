import Dispatch

extension CorpusSnapshot {
    /// Clusters the figures of `articles` (newest first) into events, and returns the articles with each
    /// figure's `eventId` set, and the events. Ids come from each event's date and place (`2020-10-28-barda`),
    /// with `-2`, `-3` … on collision in a stable order, so the same corpus gives the same ids everywhere.
    /// With `previous` (the snapshot a reload replaces, and what it carries over), an article it held takes the
    /// incidents read from it there instead of reading its text again: the same events as without it.
    static func clusterEvents(_ articles: [Article], previous: (snapshot: CorpusSnapshot, carry: SnapshotCarry)? = nil)
        -> (articles: [Article], events: EventIndex) {
        let started = DispatchTime.now().uptimeNanoseconds
        // The places that figures name, with what the articles' entities say of them.
        var wanted = Set<String>()
        for a in articles { for c in a.casualties { if let id = c.location?.entityId { wanted.insert(id) } } }
        var places: [String: EventClusterer.Place] = [:]
        for a in articles where !a.casualties.isEmpty {
            let list = a.entityList
            for k in 0..<list.count {
                let (id, type) = list.idAndType(k)
                guard type == .location && wanted.contains(id) else { continue }
                let e = list.entity(k, spans: false)
                if var p = places[e.id] {
                    if p.subtype == nil { p.subtype = e.subtype }
                    if p.countryCode == nil { p.countryCode = e.countryCode }
                    if p.coordinates == nil { p.coordinates = e.coordinates }
                    places[e.id] = p
                } else {
                    places[e.id] = EventClusterer.Place(name: e.name, subtype: e.subtype, countryCode: e.countryCode,
                                                         coordinates: e.coordinates)
                }
            }
        }
        let (clusters, incidents) = EventClusterer(places: places).cluster(articles) { i in
            guard let previous, case let old = previous.carry.newToOld[i], old >= 0,
                  Int(old) < previous.snapshot.events.incidents.count else { return nil }
            return previous.snapshot.events.incidents[Int(old)]
        }

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
                location = EventLocation(name: name, entityId: place.key, countryCode: known?.countryCode,
                                         coordinates: known?.coordinates)
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
        return (clustered, EventIndex(events: events, figureEvent: figureEvent, seconds: seconds, incidents: incidents))
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

/// How `/events` orders events.
public enum EventOrder: String, Sendable, CaseIterable {
    /// Oldest first.
    case date
    /// Newest first (the default).
    case newest = "-date"
    /// Most articles first.
    case sources
    /// Most killed first (the latest toll).
    case killed
}

extension CorpusSnapshot {
    /// Events matching every given filter, in `order`. `location` matches an event whose place or any figure's place
    /// is that entity, or lies in it: a country contains every place with its country code. The orders are stored:
    /// a query filters one of them, and without filters returns it whole.
    public func findEvents(kind: CasualtyKind?, location: String?, window: DateWindow, words: [String], minSources: Int,
                           order: EventOrder) -> [Int32] {
        let list = events.events
        let ordered: [Int32]
        switch order {
        case .newest: ordered = Array(0..<Int32(list.count))
        case .date: ordered = Array((0..<Int32(list.count)).reversed())  // date ascending, then id descending
        case .sources: ordered = events.bySources
        case .killed: ordered = events.byKilled
        }
        if kind == nil && location == nil && window.from == nil && window.to == nil && words.isEmpty && minSources <= 0 {
            return ordered
        }
        var country: String? = nil
        if let location, let p = entityIndex[location], entities[Int(p)].subtype == "country" {
            country = entities[Int(p)].countryCode
        }
        // Fields are read in place (`list[i].date`): binding `list[i]` to a name copies the whole event.
        return ordered.filter { p in
            let i = Int(p)
            if !window.contains(list[i].date) || list[i].articleCount < minSources { return false }
            if let kind, !list[i].tolls.contains(where: { $0.kind == kind }) { return false }
            if let location {
                let named = list[i].location?.entityId == location
                    || list[i].figures.contains { casualties[Int($0)].location?.entityId == location }
                let inside = country != nil && list[i].location?.countryCode == country
                if !named && !inside { return false }
            }
            if !words.isEmpty {
                let title = Set(TextTokens.words(list[i].title))
                if !words.allSatisfy(title.contains) { return false }
            }
            return true
        }
    }

    /// An event with its figures, each with its article's outlet and title: `GET /events/{id}`.
    public func eventJSON(_ position: Int32, to w: inout JSONWriter) {
        let e = events.events[Int(position)]
        w.beginObject()
        e.writeFields(to: &w)
        w.key("figures")
        w.beginArray()
        for p in e.figures {
            let c = casualties[Int(p)]
            let a = articles[Int(casualtyArticle[Int(p)])]
            w.beginObject()
            w.key("id"); w.string(c.id)
            w.key("articleId"); w.string(c.articleId)
            w.key("date"); w.string(c.date)
            w.key("kind"); w.string(c.kind.rawValue)
            w.key("count"); w.int(c.count)
            w.key("min"); w.int(c.min)
            w.key("max"); w.int(c.max)
            w.key("qualifier"); w.string(c.qualifier.rawValue)
            w.key("group"); w.string(c.group.rawValue)
            w.key("scope"); w.string(c.scope.rawValue)
            w.key("location")
            if let location = c.location { w.value(location) } else { w.null() }
            w.key("sentence"); w.string(c.sentence)
            w.key("outlet"); w.string(a.source.outlet)
            w.key("articleTitle"); w.string(a.title)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
