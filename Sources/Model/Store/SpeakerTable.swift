/// People quoted, most quoted first.
struct SpeakerTable: Sendable {
    /// People quoted, most quoted first (ties by name).
    let speakers: [CorpusSnapshot.SpeakerSummary]
    /// Every folded word of every speaker's name with the speaker's position, sorted: for prefix search.
    let nameWords: [(word: String, speaker: Int32)]

    /// Gathers the speakers of `quotes` (in article order, newest first), keyed by entity id or else name.
    init(quotes: QuoteTable) {
        // Quotes come in article order, so a speaker's quotes of one article come one after the other among theirs:
        // the articles are counted by noting the last one.
        typealias Entry = (summary: CorpusSnapshot.SpeakerSummary, roles: [String: Int], lastArticle: Int32)
        // Entries are updated in place in an array, found through the key's position: a dictionary of entries
        // took each one out and put it back for every quote.
        var entries: [Entry] = []
        var bySpeaker: [String: Int] = [:]
        for (qi, q) in quotes.quotes.enumerated().reversed() {
            guard let speaker = q.speaker else { continue }
            let key = speaker.entityId ?? speaker.name
            let e: Int
            if let found = bySpeaker[key] {
                e = found
            } else {
                e = entries.count
                bySpeaker[key] = e
                entries.append((CorpusSnapshot.SpeakerSummary(name: speaker.name, entityId: speaker.entityId, quotes: 0,
                                                              articles: 0, roles: [], firstSeen: q.date, lastSeen: q.date),
                                [:], -1))
            }
            entries[e].summary.quotes += 1
            entries[e].summary.lastSeen = q.date
            if entries[e].lastArticle != quotes.article[qi] {
                entries[e].lastArticle = quotes.article[qi]
                entries[e].summary.articles += 1
            }
            if let role = speaker.role { entries[e].roles[role, default: 0] += 1 }
        }
        speakers = entries.map { entry in
            var s = entry.summary
            s.roles = entry.roles.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            return s
        }.sorted { ($0.quotes, $1.name) > ($1.quotes, $0.name) }
        var nameWords: [(word: String, speaker: Int32)] = []
        for (i, s) in speakers.enumerated() {
            for word in TextTokens.words(s.name) { nameWords.append((word, Int32(i))) }
        }
        self.nameWords = nameWords.sorted { ($0.word, $0.speaker) < ($1.word, $1.speaker) }
    }
}

extension CorpusSnapshot.SpeakerSummary: JSONWritable {
    /// A `/speakers` item.
    public func writeJSON(to w: inout JSONWriter) {
        w.beginObject()
        w.key("name"); w.string(name)
        w.key("entityId"); w.string(entityId)
        w.key("quotes"); w.int(quotes)
        w.key("articles"); w.int(articles)
        w.key("roles"); w.array(roles)
        w.key("firstSeen"); w.string(firstSeen)
        w.key("lastSeen"); w.string(lastSeen)
        w.endObject()
    }
}
