import Model

/// `/entities` and `/entities/{id}`.
enum EntityHandlers {
    /// Registers the routes.
    static func register(_ router: inout Router) {
        router.get("/entities", parameters: ["type", "subtype", "q", "from", "to", "sort", "limit", "offset", "format"],
                   summary: "entities, most mentioned first") { c in
            let p = c.parameters, snapshot = c.snapshot
            let format = try ListResponse.format(c, csv: true)
            let sort = try p.choice("sort", in: ["mentions", "name"]) ?? "mentions"
            let positions = snapshot.findEntities(
                type: try p.choice("type", EntityType.self), subtype: p.string("subtype"), prefix: p.string("q"),
                window: try p.window(allowingDate: false), byName: sort == "name")
            let entities = snapshot.entities
            let json = snapshot.entityJSON
            return try ListResponse.render(
                c, count: positions.count, format: format, write: { json.write(Int(positions[$0]), to: &$1) },
                csvHeader: ["id", "name", "type", "subtype", "countryCode", "aliases", "mentions", "articles", "firstSeen", "lastSeen"],
                csvRow: { i in
                    let e = entities[Int(positions[i])]
                    return [e.id, e.name, e.type.rawValue, e.subtype ?? "", e.countryCode ?? "", e.aliases.joined(separator: "; "),
                            String(e.mentions), String(e.articles), e.firstSeen, e.lastSeen]
                })
        }
        router.get("/entities/{id}", parameters: ["limit", "offset"],
                   summary: "one entity, with the articles that mention it and the entities seen with it") { c in
            let p = c.parameters, snapshot = c.snapshot
            let id = p[path: "id"]
            guard let position = snapshot.entityIndex[id] else { throw APIError.notFound("no entity with id '\(id)'") }
            let limit = try p.int("limit", default: 50, range: 1...500)
            let offset = try p.int("offset", default: 0, range: 0...Int(Int32.max))
            let articles = snapshot.entityArticles[Int(position)]
            let end = min(articles.count, offset + limit)
            var w = JSONWriter(capacity: 8192)
            w.beginObject()
            w.key("data")
            w.beginObject()
            snapshot.entities[Int(position)].writeFields(to: &w)
            w.key("mentionedIn")
            w.beginArray()
            if offset < end {
                if let packed = c.pages?.articleSummaries {
                    for a in articles[offset..<end] { w.raw(packed[Int(a)]) }
                } else {
                    let summaries = snapshot.articleSummaryJSON
                    for a in articles[offset..<end] { summaries.write(Int(a), to: &w) }
                }
            }
            w.endArray()
            w.key("seenWith")
            w.beginArray()
            for (other, shared) in snapshot.companions(of: position, limit: 10) {
                let e = snapshot.entities[Int(other)]
                w.beginObject()
                w.key("id"); w.string(e.id)
                w.key("name"); w.string(e.name)
                w.key("type"); w.string(e.type.rawValue)
                w.key("articles"); w.int(shared)
                w.endObject()
            }
            w.endArray()
            w.endObject()
            w.key("meta")
            w.beginObject()
            w.key("total"); w.int(articles.count)
            w.key("limit"); w.int(limit)
            w.key("offset"); w.int(offset)
            w.endObject()
            w.key("links")
            w.beginObject()
            w.key("next"); w.string(end < articles.count ? ListResponse.nextLink(c.request, offset: end, limit: limit) : nil)
            w.endObject()
            w.endObject()
            return .json(w.bytes)
        }
    }
}
