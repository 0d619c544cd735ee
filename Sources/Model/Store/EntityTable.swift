/// Corpus-wide entities, most mentioned first, with the articles mentioning each and the folded names for prefix
/// search.
struct EntityTable: Sendable {
    /// Corpus-wide entities, most mentioned first (ties by name).
    let entities: [Entity]
    /// Entity position by id.
    let index: [String: Int32]
    /// Articles (positions, ascending) that mention each entity.
    let articles: [[Int32]]
    /// Folded entity names and aliases, sorted, with the entity each belongs to: for prefix search.
    let names: [(name: String, entity: Int32)]

    /// One entity's figures gathered over a run of articles.
    fileprivate struct Accumulator {
        var entity: Entity
        var aliases: [String: Int]
        var articles: [Int32]

        /// Adds the figures of the same entity over the articles after (newer than) these.
        mutating func merge(newer other: Accumulator) {
            entity.mentions += other.entity.mentions
            entity.articles += other.entity.articles
            entity.lastSeen = other.entity.lastSeen
            if entity.subtype == nil { entity.subtype = other.entity.subtype }
            if entity.countryCode == nil { entity.countryCode = other.entity.countryCode }
            aliases.merge(other.aliases, uniquingKeysWith: +)
            articles += other.articles
        }
    }

    /// Gathers the entities of `articles` (newest first): shards of articles are gathered on all cores, oldest
    /// first within each so `firstSeen`, subtype and country come from the first article, then merged oldest
    /// shard first.
    init(articles: [Article]) {
        let shards = concurrentMap(shardRanges(articles.count)) { range -> [String: Accumulator] in
            var accumulators: [String: Accumulator] = [:]
            for i in range.reversed() {
                let a = articles[i]
                for e in a.entities {
                    if accumulators[e.id] == nil {
                        accumulators[e.id] = Accumulator(
                            entity: Entity(id: e.id, name: e.name, type: e.type, subtype: e.subtype, countryCode: e.countryCode,
                                           aliases: [], mentions: 0, articles: 0, firstSeen: a.date, lastSeen: a.date),
                            aliases: [:], articles: [])
                    }
                    accumulators[e.id]!.add(e, article: Int32(i), date: a.date)
                }
            }
            return accumulators
        }
        var accumulators: [String: Accumulator] = [:]
        for shard in shards.reversed() {  // oldest articles first
            for (id, acc) in shard {
                if accumulators[id] == nil { accumulators[id] = acc } else { accumulators[id]!.merge(newer: acc) }
            }
        }
        let ordered = accumulators.values.sorted {
            ($0.entity.mentions, $1.entity.name) > ($1.entity.mentions, $0.entity.name)
        }
        var entities: [Entity] = [], entityArticles: [[Int32]] = []
        var index: [String: Int32] = [:]
        var names: [(name: String, entity: Int32)] = []
        entities.reserveCapacity(ordered.count)
        for acc in ordered {
            var entity = acc.entity
            // The canonical name is the form most articles use; the others are aliases.
            let byUse = acc.aliases.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            if let top = byUse.first, entity.name != top.key, acc.aliases[entity.name] ?? 0 < top.value {
                entity.name = top.key
            }
            entity.aliases = byUse.map(\.key).filter { $0 != entity.name }.sorted()
            let position = Int32(entities.count)
            index[entity.id] = position
            for name in [entity.name] + entity.aliases {
                names.append((name.applyingFolding(), position))
            }
            entities.append(entity)
            entityArticles.append(acc.articles.sorted())
        }
        self.entities = entities
        self.index = index
        self.articles = entityArticles
        self.names = names.sorted { ($0.name, $0.entity) < ($1.name, $1.entity) }
    }
}

extension EntityTable.Accumulator {
    /// Adds one article's mention of the entity (articles come oldest first).
    mutating func add(_ e: ArticleEntity, article: Int32, date: String) {
        entity.mentions += e.mentions
        entity.articles += 1
        entity.lastSeen = date
        if entity.subtype == nil { entity.subtype = e.subtype }
        if entity.countryCode == nil { entity.countryCode = e.countryCode }
        for alias in e.aliases { aliases[alias, default: 0] += 1 }
        aliases[e.name, default: 0] += 1
        articles.append(article)
    }
}
