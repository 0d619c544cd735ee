import Model

/// `/articles`, `/articles/{date}`, `/articles/{id}` and an article's quotes, entities and figures.
enum ArticleHandlers {
    /// Filters shared by the article lists.
    static let listParameters: Set<String> = ["date", "from", "to", "q", "entity", "speaker", "sort", "limit", "offset", "format"]

    /// Registers the routes.
    static func register(_ router: inout Router) {
        router.get("/articles", parameters: listParameters, summary: "article list, newest first") { c in
            try list(c, window: c.parameters.window())
        }
        router.get("/articles/{id}", parameters: listParameters.subtracting(["date"]),
                   summary: "one article, or the articles of a day when {id} is YYYY-MM-DD") { c in
            let p = c.parameters
            let key = p[path: "id"]
            if CalendarDate.isValid(key) {
                // The day, narrowed further by from/to when given (an empty window matches nothing).
                let outer = try p.window(allowingDate: false)
                let window = DateWindow(from: max(outer.from ?? key, key), to: min(outer.to ?? key, key))
                return try list(c, window: window)
            }
            if let extra = p.query.keys.sorted().first {
                throw APIError.invalidParameter(extra, "GET /articles/{id} takes no query parameters")
            }
            let article = try find(key, in: c.snapshot)
            return ListResponse.single { $0.value(article) }
        }
        for part in ["quotes", "entities", "casualties"] {
            router.get("/articles/{id}/\(part)", parameters: ["limit", "offset"], summary: "that article's \(part)") { c in
                let article = try find(c.parameters[path: "id"], in: c.snapshot)
                switch part {
                case "quotes":
                    let items = article.quotes
                    return try ListResponse.render(c, count: items.count, format: .json) { items[$0].jsonBytes }
                case "entities":
                    let items = article.entityList
                    return try ListResponse.render(c, count: items.count, format: .json, write: { items.writeJSON($0, to: &$1) })
                default:
                    let items = article.casualties
                    return try ListResponse.render(c, count: items.count, format: .json) { items[$0].jsonBytes }
                }
            }
        }
    }

    /// The article with `id`, or a 404.
    static func find(_ id: String, in snapshot: CorpusSnapshot) throws(APIError) -> Article {
        guard let position = snapshot.articleIndex[id] else { throw .notFound("no article with id '\(id)'") }
        return snapshot.articles[Int(position)]
    }

    /// An article list under the common filters.
    static func list(_ c: RequestContext, window: DateWindow) throws -> Response {
        let p = c.parameters, snapshot = c.snapshot
        let format = try ListResponse.format(c, csv: false)
        let sort = try p.choice("sort", in: ["date", "-date"]) ?? "-date"
        // An unknown entity id matches nothing rather than failing: ids come and go with the corpus.
        let found = snapshot.findArticles(
            window: window, words: try p.words("q"), entity: p.string("entity"), speaker: try p.words("speaker"))
        let positions = sort == "date" ? oldestFirst(found, snapshot) : found
        if let packed = c.pages?.articleSummaries {
            return try ListResponse.render(c, count: positions.count, format: format) { $1.raw(packed[Int(positions[$0])]) }
        }
        let summaries = snapshot.articleSummaryJSON
        return try ListResponse.render(c, count: positions.count, format: format) { summaries.write(Int(positions[$0]), to: &$1) }
    }

    /// Reorders newest-first positions oldest first, keeping id order within a day.
    static func oldestFirst(_ positions: Positions, _ snapshot: CorpusSnapshot) -> Positions {
        Positions(positions.sorted { a, b in
            let x = snapshot.articles[Int(a)], y = snapshot.articles[Int(b)]
            return (x.date, x.id) < (y.date, y.id)
        })
    }
}
