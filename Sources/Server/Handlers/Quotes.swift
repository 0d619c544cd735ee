import Model

/// `/quotes` and `/speakers`.
enum QuoteHandlers {
    /// Registers the routes.
    static func register(_ router: inout Router) {
        router.get("/quotes", parameters: ["speaker", "q", "date", "from", "to", "article", "limit", "offset", "format"],
                   summary: "quotes") { c in
            let p = c.parameters, snapshot = c.snapshot
            let format = try ListResponse.format(c, csv: true)
            let positions = snapshot.findQuotes(
                window: try p.window(), speaker: try p.words("speaker"), words: try p.words("q"), article: p.string("article"))
            let json = snapshot.quoteJSON
            let quotes = snapshot.quotes
            return try ListResponse.render(
                c, count: positions.count, format: format, write: { json.write(Int(positions[$0]), to: &$1) },
                csvHeader: ["id", "articleId", "date", "speaker", "role", "speakerEntityId", "cue", "text", "paragraph", "start", "end"],
                csvRow: { i in
                    let q = quotes[Int(positions[i])]
                    return [q.id, q.articleId, q.date, q.speaker?.name ?? "", q.speaker?.role ?? "", q.speaker?.entityId ?? "",
                            q.cue ?? "", q.text, String(q.paragraph), String(q.span.start), String(q.span.end)]
                })
        }
        router.get("/speakers", parameters: ["q", "limit", "offset", "format"], summary: "people quoted, with quote counts") { c in
            let p = c.parameters, snapshot = c.snapshot
            let format = try ListResponse.format(c, csv: false)
            let positions = snapshot.findSpeakers(try p.words("q"))
            if let packed = c.pages?.speakers {
                return try ListResponse.render(c, count: positions.count, format: format) { $1.raw(packed[Int(positions[$0])]) }
            }
            let json = snapshot.speakerJSON
            return try ListResponse.render(c, count: positions.count, format: format) { json.write(Int(positions[$0]), to: &$1) }
        }
    }
}
