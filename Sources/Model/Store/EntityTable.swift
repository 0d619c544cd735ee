import Dispatch

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
    /// Entity positions of each type, most mentioned first.
    let byType: [EntityType: [Int32]]
    /// Entity positions of each subtype, most mentioned first.
    let bySubtype: [String: [Int32]]
    /// Every entity position by folded name (then position).
    let byName: [Int32]
    /// Entity positions of each type by folded name.
    let byTypeByName: [EntityType: [Int32]]
    /// The place of each entity in `byName`, to sort any subset by name with integer compares.
    let nameRank: [Int32]
    /// Where each entity's companions start in `companionList`; one more entry than entities.
    private let companionOffsets: [UInt32]
    /// Each entity's top companions (most shared articles first, then position), entity after entity.
    private let companionList: [(entity: Int32, articles: Int32)]
    /// How many companions are kept for each entity.
    static let companionLimit = 10
    /// Seconds of each step of the build.
    let steps: [(step: String, seconds: Double)]
    /// What was gathered for each entity beyond what `entities` holds, for the next snapshot to take over for
    /// the entities its changes do not touch.
    fileprivate let gathered: Gathered

    /// What a reload needs of each entity's gathering (in `entities` order) that `entities` does not hold: the
    /// name its oldest article gave it, how many articles used each form of its name, and its folded names. Flat
    /// arrays of `EntityPool` string indices: a dictionary and a dozen strings an entity (800 bytes an article on
    /// the scale corpus) became a few words.
    fileprivate struct Gathered: Sendable {
        /// Each entity's name as its oldest article gave it (before the canonical name was chosen).
        var firstNames: [UInt32] = []
        /// Where each entity's forms start in `forms` and `uses`; one more entry than entities.
        var formOffsets: [UInt32] = [0]
        /// Every form of each entity's name (name and aliases as articles gave them), entity after entity.
        var forms: [UInt32] = []
        /// How many article entries used each form.
        var uses: [UInt32] = []
        /// Where each entity's folded names start in `folded`; one more entry than entities.
        var foldedOffsets: [UInt32] = [0]
        /// Each entity's folded canonical name, then its folded aliases.
        var folded: [UInt32] = []

        /// Appends the gathering of one entity, interning what `pool` does not hold yet.
        mutating func append(_ acc: Accumulator, finished: (name: String, aliases: [String], folded: [String]),
                             pool: inout EntityPool.Interner) {
            firstNames.append(pool.string(acc.entity.name))
            if case let (old, p)? = acc.kept {
                let range = Int(old.formOffsets[p])..<Int(old.formOffsets[p + 1])
                forms += old.forms[range]
                uses += old.uses[range]
            } else {
                for (form, n) in acc.aliases {
                    forms.append(pool.string(form))
                    uses.append(UInt32(n))
                }
            }
            formOffsets.append(UInt32(forms.count))
            for name in finished.folded { folded.append(pool.string(name)) }
            foldedOffsets.append(UInt32(folded.count))
        }

        /// Entity `p`'s gathering, as it was before it was made compact, over `articles`; its forms stay here until
        /// an article is added to it.
        func accumulator(_ p: Int, entity: Entity, articles: [Int32]) -> Accumulator {
            let pool = EntityPool.shared
            var start = entity
            start.name = pool.string(at: firstNames[p])
            start.aliases = []
            let folded = self.folded[Int(foldedOffsets[p])..<Int(foldedOffsets[p + 1])].map { pool.string(at: $0) }
            return Accumulator(entity: start, aliases: [:], articles: articles, kept: (self, p),
                               finished: (entity.name, entity.aliases, folded))
        }
    }

    /// One entity's figures gathered over a run of articles.
    fileprivate struct Accumulator {
        var entity: Entity
        /// How many article entries used each form of the name; while `kept` is set, its forms stand for these.
        var aliases: [String: Int]
        var articles: [Int32]
        /// The previous snapshot's gathering and this entity's position there, whose forms are this one's until
        /// `unpack` copies them into `aliases`.
        var kept: (Gathered, Int)? = nil
        /// What the order step derives from the figures (the canonical name, the other aliases, and the folded
        /// name and aliases), kept while the figures stand: a reload takes it over for the entities it does not touch.
        var finished: (name: String, aliases: [String], folded: [String])? = nil

        /// Copies the kept forms into `aliases`, before the figures change.
        mutating func unpack() {
            guard case let (old, p)? = kept else { return }
            kept = nil
            let pool = EntityPool.shared
            for k in Int(old.formOffsets[p])..<Int(old.formOffsets[p + 1]) {
                aliases[pool.string(at: old.forms[k]), default: 0] += Int(old.uses[k])
            }
        }

        /// Adds the figures of the same entity over the articles after (newer than) these.
        mutating func merge(newer other: Accumulator) {
            unpack()
            var other = other
            other.unpack()
            finished = nil
            entity.mentions += other.entity.mentions
            entity.articles += other.entity.articles
            entity.lastSeen = other.entity.lastSeen
            if entity.subtype == nil { entity.subtype = other.entity.subtype }
            if entity.countryCode == nil { entity.countryCode = other.entity.countryCode }
            if entity.geonamesId == nil { entity.geonamesId = other.entity.geonamesId }
            if entity.coordinates == nil { entity.coordinates = other.entity.coordinates }
            if entity.admin1Code == nil { entity.admin1Code = other.entity.admin1Code }
            aliases.merge(other.aliases, uniquingKeysWith: +)
            articles += other.articles
        }
    }

    /// Gathers the entities of `articles` (newest first): shards of articles are gathered on all cores, oldest
    /// first within each so `firstSeen`, subtype and country come from the first article, then merged oldest
    /// shard first. With `previous`, an entity that no new or dropped article mentions takes what was gathered
    /// for it there (its articles are the same ones, in the same order), and only the others are gathered again,
    /// from their own articles: the same figures as gathering everything.
    init(articles: [Article], previous: (snapshot: CorpusSnapshot, carry: SnapshotCarry)? = nil) {
        var timer = StepTimer()
        let accumulators = previous.map { Self.regather(articles, $0.snapshot, $0.carry) } ?? Self.gather(articles)
        timer.lap("gather")
        self.init(articles: articles, accumulators: accumulators, timer: timer)
    }

    /// Every entity's figures over all of `articles`, sharded across the cores.
    fileprivate static func gather(_ articles: [Article]) -> [String: Accumulator] {
        let shards = concurrentMap(shardRanges(articles.count)) { range -> [String: Accumulator] in
            var accumulators: [String: Accumulator] = [:]
            for i in range.reversed() {
                let a = articles[i], list = a.entityList
                for k in 0..<list.count {
                    let e = list.entity(k, spans: false)
                    if accumulators[e.id] == nil {
                        accumulators[e.id] = Accumulator(
                            entity: Entity(id: e.id, name: e.name, type: e.type, subtype: e.subtype, countryCode: e.countryCode,
                                           geonamesId: e.geonamesId, coordinates: e.coordinates, admin1Code: e.admin1Code,
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
        return accumulators
    }

    /// The same from the previous snapshot: entities that no new or dropped article mentions are taken over,
    /// their article positions remapped; the others are gathered from their remaining and new articles.
    fileprivate static func regather(_ articles: [Article], _ old: CorpusSnapshot, _ carry: SnapshotCarry) -> [String: Accumulator] {
        var touched: [String: [Int32]] = [:]  // entity id -> the new articles that mention it
        for i in carry.fresh {
            // An article lists an entity once as a rule, but the gathering counts every entry it has: the article
            // is noted once and all its entries are added below.
            let list = articles[i].entityList
            for k in 0..<list.count {
                let id = list.idAndType(k).id
                if touched[id]?.last != Int32(i) { touched[id, default: []].append(Int32(i)) }
            }
        }
        for (j, p) in carry.oldToNew.enumerated() where p < 0 {
            let list = old.articles[j].entityList
            for k in 0..<list.count {
                let id = list.idAndType(k).id
                if touched[id] == nil { touched[id] = [] }
            }
        }
        var accumulators: [String: Accumulator] = [:]
        accumulators.reserveCapacity(old.entities.count + touched.count)
        for (p, entity) in old.entities.enumerated() {
            let kept = old.entityArticles[p].compactMap { carry.oldToNew[Int($0)] >= 0 ? carry.oldToNew[Int($0)] : nil }
            guard let new = touched[entity.id] else {
                accumulators[entity.id] = old.entityTable.gathered.accumulator(p, entity: entity, articles: kept)
                continue
            }
            // Only new articles, all newer than its oldest: what comes from the oldest article (name, type,
            // firstSeen) stands, a field still unset is set by the oldest new article that has it, counts add up,
            // and lastSeen is the newest article's date. Otherwise it is gathered again from all its articles.
            if !new.isEmpty, kept.count == old.entityArticles[p].count, let oldest = kept.last, new.allSatisfy({ $0 < oldest }) {
                var acc = old.entityTable.gathered.accumulator(p, entity: entity, articles: kept)
                for i in new.sorted(by: >) {
                    let a = articles[Int(i)]
                    let list = a.entityList
                    for k in 0..<list.count where list.idAndType(k).id == acc.entity.id {
                        acc.add(list.entity(k, spans: false), article: i, date: a.date)
                    }
                }
                acc.entity.lastSeen = articles[Int(Swift.min(kept.first ?? oldest, new.min() ?? oldest))].date
                accumulators[acc.entity.id] = acc
                touched[acc.entity.id] = nil
                continue
            }
            touched[entity.id] = kept + new
        }
        for (id, positions) in touched {
            var acc: Accumulator? = nil
            var last: Int32 = -1
            for i in positions.sorted(by: >) where i != last {  // oldest first, each article once
                last = i
                let a = articles[Int(i)], list = a.entityList
                for k in 0..<list.count where list.idAndType(k).id == id {
                    let e = list.entity(k, spans: false)
                    if acc == nil {
                        acc = Accumulator(
                            entity: Entity(id: e.id, name: e.name, type: e.type, subtype: e.subtype, countryCode: e.countryCode,
                                           geonamesId: e.geonamesId, coordinates: e.coordinates, admin1Code: e.admin1Code,
                                           aliases: [], mentions: 0, articles: 0, firstSeen: a.date, lastSeen: a.date),
                            aliases: [:], articles: [])
                    }
                    acc!.add(e, article: i, date: a.date)
                }
            }
            if let acc { accumulators[id] = acc }
        }
        return accumulators
    }

    /// Orders the gathered entities and builds the lists, names and companions.
    private init(articles: [Article], accumulators: [String: Accumulator], timer: StepTimer) {
        var timer = timer
        // Positions are sorted, not the accumulators: moving a struct of a dozen references at every step of the
        // sort cost more than the compares.
        let values = Array(accumulators.values)
        let ordered = values.indices.sorted {
            (values[$0].entity.mentions, values[$1].entity.name) > (values[$1].entity.mentions, values[$0].entity.name)
        }.lazy.map { values[$0] }
        var entities: [Entity] = [], entityArticles: [[Int32]] = []
        var finishedAll: [(name: String, aliases: [String], folded: [String])] = []
        finishedAll.reserveCapacity(ordered.count)
        var index: [String: Int32] = [:]
        var names: [(name: String, entity: Int32)] = []
        entities.reserveCapacity(ordered.count)
        var foldedNames: [String] = []
        foldedNames.reserveCapacity(ordered.count)
        for acc in ordered {
            var entity = acc.entity
            let finished = acc.finished ?? {
                // The canonical name is the form most articles use; the others are aliases.
                let byUse = acc.aliases.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                var name = entity.name
                if let top = byUse.first, name != top.key, acc.aliases[name] ?? 0 < top.value { name = top.key }
                let aliases = byUse.map(\.key).filter { $0 != name }.sorted()
                return (name, aliases, ([name] + aliases).map { $0.applyingFolding() })
            }()
            entity.name = finished.name
            entity.aliases = finished.aliases
            let position = Int32(entities.count)
            index[entity.id] = position
            for name in finished.folded { names.append((name, position)) }
            foldedNames.append(finished.folded[0])
            entities.append(entity)
            entityArticles.append(acc.articles.sorted())
            finishedAll.append(finished)
        }
        var gathered = Gathered()
        gathered.firstNames.reserveCapacity(ordered.count)
        gathered.formOffsets.reserveCapacity(ordered.count + 1)
        gathered.foldedOffsets.reserveCapacity(ordered.count + 1)
        EntityPool.shared.intern { pool in
            for (k, acc) in ordered.enumerated() { gathered.append(acc, finished: finishedAll[k], pool: &pool) }
        }
        self.gathered = gathered
        timer.lap("order")
        self.entities = entities
        self.index = index
        self.articles = entityArticles
        self.names = names.sorted { ($0.name, $0.entity) < ($1.name, $1.entity) }
        var byType: [EntityType: [Int32]] = [:], bySubtype: [String: [Int32]] = [:]
        for (i, e) in entities.enumerated() {
            byType[e.type, default: []].append(Int32(i))
            if let subtype = e.subtype { bySubtype[subtype, default: []].append(Int32(i)) }
        }
        self.byType = byType
        self.bySubtype = bySubtype
        let folded = foldedNames
        let byName = (0..<Int32(entities.count)).sorted { (folded[Int($0)], $0) < (folded[Int($1)], $1) }
        var nameRank = [Int32](repeating: 0, count: entities.count)
        var byTypeByName: [EntityType: [Int32]] = [:]
        for (rank, e) in byName.enumerated() {
            nameRank[Int(e)] = Int32(rank)
            byTypeByName[entities[Int(e)].type, default: []].append(e)
        }
        self.byName = byName
        self.nameRank = nameRank
        self.byTypeByName = byTypeByName
        timer.lap("lists")
        (companionOffsets, companionList) = Self.companions(entityArticles, articleCount: articles.count)
        timer.lap("companions")
        self.steps = timer.steps
    }

    /// The top companions of `entity`: the entities sharing the most articles with it, and how many.
    func companions(of entity: Int32) -> ArraySlice<(entity: Int32, articles: Int32)> {
        companionList[Int(companionOffsets[Int(entity)])..<Int(companionOffsets[Int(entity) + 1])]
    }

    /// Counts, for every entity, the articles it shares with each other entity, and keeps the top
    /// `companionLimit`: shards of entities on all cores, each with a dense counter array.
    private static func companions(_ entityArticles: [[Int32]], articleCount: Int)
        -> ([UInt32], [(entity: Int32, articles: Int32)]) {
        // Article -> entities, flat (the inverse of entityArticles), entities ascending within an article.
        var starts = [UInt32](repeating: 0, count: articleCount + 1)
        for list in entityArticles { for a in list { starts[Int(a) + 1] += 1 } }
        for a in 0..<articleCount { starts[a + 1] += starts[a] }
        var fill = starts
        var members = [Int32](repeating: 0, count: Int(starts[articleCount]))
        for (e, list) in entityArticles.enumerated() {
            for a in list {
                members[Int(fill[Int(a)])] = Int32(e)
                fill[Int(a)] += 1
            }
        }
        let entityCount = entityArticles.count
        let articleStarts = starts, articleMembers = members
        let shards = concurrentMap(shardRanges(entityCount)) { range -> [[(entity: Int32, articles: Int32)]] in
            var counts = [Int32](repeating: 0, count: entityCount)
            var touched: [Int32] = []
            var result: [[(entity: Int32, articles: Int32)]] = []
            result.reserveCapacity(range.count)
            for e in range {
                for a in entityArticles[e] {
                    for o in articleMembers[Int(articleStarts[Int(a)])..<Int(articleStarts[Int(a) + 1])] where Int(o) != e {
                        if counts[Int(o)] == 0 { touched.append(o) }
                        counts[Int(o)] += 1
                    }
                }
                // Top k by (shared articles descending, position ascending), by insertion into a short list.
                var top: [(entity: Int32, articles: Int32)] = []
                for o in touched {
                    let n = counts[Int(o)]
                    counts[Int(o)] = 0
                    if top.count == companionLimit, let last = top.last, (n, last.entity) <= (last.articles, o) { continue }
                    var k = top.count
                    while k > 0 && (n, top[k - 1].entity) > (top[k - 1].articles, o) { k -= 1 }
                    top.insert((o, n), at: k)
                    if top.count > companionLimit { top.removeLast() }
                }
                touched.removeAll(keepingCapacity: true)
                result.append(top)
            }
            return result
        }
        var offsets: [UInt32] = [0]
        offsets.reserveCapacity(entityCount + 1)
        var list: [(entity: Int32, articles: Int32)] = []
        // Sized exactly: grown by appending, the list kept up to twice its bytes as spare capacity (6.3 MB for
        // 3.2 MB of companions on the scale corpus).
        list.reserveCapacity(shards.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } })
        for shard in shards {
            for top in shard {
                list += top
                offsets.append(UInt32(list.count))
            }
        }
        return (offsets, list)
    }
}

extension EntityTable.Accumulator {
    /// Adds one article's mention of the entity (articles come oldest first).
    mutating func add(_ e: ArticleEntity, article: Int32, date: String) {
        unpack()
        finished = nil
        entity.mentions += e.mentions
        entity.articles += 1
        entity.lastSeen = date
        if entity.subtype == nil { entity.subtype = e.subtype }
        if entity.countryCode == nil { entity.countryCode = e.countryCode }
        if entity.geonamesId == nil { entity.geonamesId = e.geonamesId }
        if entity.coordinates == nil { entity.coordinates = e.coordinates }
        if entity.admin1Code == nil { entity.admin1Code = e.admin1Code }
        for alias in e.aliases { aliases[alias, default: 0] += 1 }
        aliases[e.name, default: 0] += 1
        articles.append(article)
    }
}
