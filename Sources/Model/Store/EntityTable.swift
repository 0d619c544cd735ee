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
    /// For each entity, the most articles it shares with an entity left out of its companions (0 when none is): while
    /// that is fewer than its last companion's, which entities are its companions does not depend on positions,
    /// so a reload that does not touch the entity takes them over (`companions(_:articleCount:reusing:)`).
    private let companionNext: [Int32]
    /// How many entities' companions were counted (the others were taken over from the previous table).
    let companionsCounted: Int
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

        /// Appends entity `p` of `old` as it was there (an entity a reload took over unchanged): its indices copied,
        /// nothing interned again.
        mutating func append(copying old: Gathered, _ p: Int) {
            firstNames.append(old.firstNames[p])
            forms += old.forms[Int(old.formOffsets[p])..<Int(old.formOffsets[p + 1])]
            uses += old.uses[Int(old.formOffsets[p])..<Int(old.formOffsets[p + 1])]
            formOffsets.append(UInt32(forms.count))
            folded += old.folded[Int(old.foldedOffsets[p])..<Int(old.foldedOffsets[p + 1])]
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
        guard let previous else {
            let accumulators = Array(Self.gather(articles).values)
            timer.lap("gather")
            let order = accumulators.indices.sorted { Self.precedes(accumulators[$0], accumulators[$1]) }
            self.init(articles: articles, ordered: order.map { accumulators[$0] }, reusing: nil, timer: timer)
            return
        }
        let old = previous.snapshot.entityTable
        var (keptPositions, kept, touched) = Self.regather(articles, previous.snapshot, previous.carry)
        timer.lap("gather")
        // The entities kept keep their figures, hence their order: only the others are sorted, then merged in,
        // from the back (each accumulator moved out of its list, not copied; the order is total).
        touched.sort(by: Self.precedes)
        var ordered: [Accumulator] = [], oldPositions: [Int32] = []
        ordered.reserveCapacity(kept.count + touched.count)
        oldPositions.reserveCapacity(kept.count + touched.count)
        while !kept.isEmpty || !touched.isEmpty {
            if !touched.isEmpty && (kept.isEmpty || Self.precedes(kept[kept.count - 1], touched[touched.count - 1])) {
                ordered.append(touched.removeLast())
                oldPositions.append(-1)
            } else {
                ordered.append(kept.removeLast())
                oldPositions.append(keptPositions.removeLast())
            }
        }
        ordered.reverse()
        oldPositions.reverse()
        self.init(articles: articles, ordered: ordered, reusing: (old, oldPositions), timer: timer)
    }

    /// Whether entity `a` comes before `b`: most mentioned first, then by name, then by id (two entities may share
    /// a name and a count; the id makes the order total, so it does not depend on the order they were gathered in).
    fileprivate static func precedes(_ a: Accumulator, _ b: Accumulator) -> Bool {
        if a.entity.mentions != b.entity.mentions { return a.entity.mentions > b.entity.mentions }
        if a.entity.name != b.entity.name { return a.entity.name < b.entity.name }
        return a.entity.id < b.entity.id
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
    /// their article positions remapped (`kept`, in its order, and their positions there); the others are
    /// gathered from their remaining and new articles (`touched`, in no order).
    fileprivate static func regather(_ articles: [Article], _ old: CorpusSnapshot, _ carry: SnapshotCarry)
        -> (keptPositions: [Int32], kept: [Accumulator], touched: [Accumulator]) {
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
        var keptPositions: [Int32] = [], keptOnes: [Accumulator] = [], accumulators: [Accumulator] = []
        keptPositions.reserveCapacity(old.entities.count)
        keptOnes.reserveCapacity(old.entities.count)
        for (p, entity) in old.entities.enumerated() {
            let kept = old.entityArticles[p].compactMap { carry.oldToNew[Int($0)] >= 0 ? carry.oldToNew[Int($0)] : nil }
            guard let new = touched[entity.id] else {
                keptPositions.append(Int32(p))
                keptOnes.append(old.entityTable.gathered.accumulator(p, entity: entity, articles: kept))
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
                accumulators.append(acc)
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
            if let acc { accumulators.append(acc) }
        }
        return (keptPositions, keptOnes, accumulators)
    }

    /// Builds the lists, names and companions of the gathered entities, `ordered` as `precedes` orders them.
    /// `reusing` is the previous snapshot's table and, for each of `ordered`, its position there when it was taken
    /// over unchanged (else -1): the companions of those are taken over when that gives the same ones.
    private init(articles: [Article], ordered: [Accumulator], reusing: (table: EntityTable, oldPositions: [Int32])?,
                 timer: StepTimer) {
        var timer = timer
        var entities: [Entity] = [], entityArticles: [[Int32]] = []
        entityArticles.reserveCapacity(ordered.count)
        var finishedAll: [(name: String, aliases: [String], folded: [String])] = []
        finishedAll.reserveCapacity(ordered.count)
        var index: [String: Int32] = [:]
        index.reserveCapacity(ordered.count)
        var names: [(name: String, entity: Int32)] = []
        entities.reserveCapacity(ordered.count)
        var foldedNames: [String] = []
        foldedNames.reserveCapacity(ordered.count)
        for i in ordered.indices {
            let finished = ordered[i].finished ?? Self.finish(ordered[i])
            var entity = ordered[i].entity
            entity.name = finished.name
            entity.aliases = finished.aliases
            let position = Int32(entities.count)
            index[entity.id] = position
            for name in finished.folded { names.append((name, position)) }
            foldedNames.append(finished.folded[0])
            entities.append(entity)
            // Taken over or gathered oldest first, the positions are most often in order already.
            let list = ordered[i].articles
            entityArticles.append(Self.isAscending(list) ? list : list.sorted())
            finishedAll.append(finished)
        }
        var gathered = Gathered()
        gathered.firstNames.reserveCapacity(ordered.count)
        gathered.formOffsets.reserveCapacity(ordered.count + 1)
        gathered.foldedOffsets.reserveCapacity(ordered.count + 1)
        EntityPool.shared.intern { pool in
            for (k, acc) in ordered.enumerated() {
                // An entity taken over unchanged is copied from the previous table's gathering.
                if let reusing, case let p = Int(reusing.oldPositions[k]), p >= 0 {
                    gathered.append(copying: reusing.table.gathered, p)
                } else {
                    gathered.append(acc, finished: finishedAll[k], pool: &pool)
                }
            }
        }
        self.gathered = gathered
        timer.lap("order")
        self.entities = entities
        self.index = index
        self.articles = entityArticles
        // On a reload the entities taken over keep their order among themselves, hence their order in the name lists
        // of the previous table: those lists are renumbered and only the other entities' names sorted and merged in.
        let kept = reusing.map { reusing -> (table: EntityTable, oldToNew: [Int32], isNew: [Bool]) in
            var oldToNew = [Int32](repeating: -1, count: reusing.table.entities.count)
            for (q, p) in reusing.oldPositions.enumerated() where p >= 0 { oldToNew[Int(p)] = Int32(q) }
            return (reusing.table, oldToNew, reusing.oldPositions.map { $0 < 0 })
        }
        let byNameAndEntity = { (a: (name: String, entity: Int32), b: (name: String, entity: Int32)) in (a.name, a.entity) < (b.name, b.entity) }
        if let kept {
            let carried = kept.table.names.compactMap { n -> (name: String, entity: Int32)? in
                let q = kept.oldToNew[Int(n.entity)]
                return q >= 0 ? (n.name, q) : nil
            }
            self.names = Self.merge(carried, names.filter { kept.isNew[Int($0.entity)] }.sorted(by: byNameAndEntity), by: byNameAndEntity)
        } else {
            self.names = names.sorted(by: byNameAndEntity)
        }
        var byType: [EntityType: [Int32]] = [:], bySubtype: [String: [Int32]] = [:]
        for (i, e) in entities.enumerated() {
            byType[e.type, default: []].append(Int32(i))
            if let subtype = e.subtype { bySubtype[subtype, default: []].append(Int32(i)) }
        }
        self.byType = byType
        self.bySubtype = bySubtype
        let folded = foldedNames
        let byFolded = { (a: Int32, b: Int32) in (folded[Int(a)], a) < (folded[Int(b)], b) }
        let byName = kept.map { kept in
            Self.merge(kept.table.byName.compactMap { kept.oldToNew[Int($0)] >= 0 ? kept.oldToNew[Int($0)] : nil },
                       (0..<Int32(entities.count)).filter { kept.isNew[Int($0)] }.sorted(by: byFolded), by: byFolded)
        } ?? (0..<Int32(entities.count)).sorted(by: byFolded)
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
        let reuse = reusing.map { reusing -> CompanionReuse in
            // Old entity position -> new, for every old entity still present.
            var oldToNew = [Int32](repeating: -1, count: reusing.table.entities.count)
            for (p, e) in reusing.table.entities.enumerated() { oldToNew[p] = index[e.id] ?? -1 }
            return CompanionReuse(table: reusing.table, oldPositions: reusing.oldPositions, oldToNew: oldToNew)
        }
        (companionOffsets, companionList, companionNext, companionsCounted) =
            Self.companions(entityArticles, articleCount: articles.count, reusing: reuse)
        timer.lap("companions")
        self.steps = timer.steps
    }

    /// The top companions of `entity`: the entities sharing the most articles with it, and how many.
    func companions(of entity: Int32) -> ArraySlice<(entity: Int32, articles: Int32)> {
        companionList[Int(companionOffsets[Int(entity)])..<Int(companionOffsets[Int(entity) + 1])]
    }

    /// What the order step derives from an entity's figures: the canonical name (the form most articles use), the
    /// other aliases, and the folded name and aliases.
    fileprivate static func finish(_ acc: Accumulator) -> (name: String, aliases: [String], folded: [String]) {
        let byUse = acc.aliases.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        var name = acc.entity.name
        if let top = byUse.first, name != top.key, acc.aliases[name] ?? 0 < top.value { name = top.key }
        let aliases = byUse.map(\.key).filter { $0 != name }.sorted()
        return (name, aliases, ([name] + aliases).map { $0.applyingFolding() })
    }

    /// Whether `positions` are in ascending order.
    private static func isAscending(_ positions: [Int32]) -> Bool {
        var last = Int32.min
        for p in positions {
            if p < last { return false }
            last = p
        }
        return true
    }

    /// Two lists sorted by `precedes` merged into one (on a tie, `a`'s element first).
    private static func merge<T>(_ a: [T], _ b: [T], by precedes: (T, T) -> Bool) -> [T] {
        var merged: [T] = []
        merged.reserveCapacity(a.count + b.count)
        var j = 0
        for x in a {
            while j < b.count && precedes(b[j], x) {
                merged.append(b[j])
                j += 1
            }
            merged.append(x)
        }
        merged += b[j...]
        return merged
    }

    /// What a reload's companions may take over: the previous table, the old position of each entity taken over
    /// unchanged (-1 for the others), and the new position of each old entity (-1 when gone).
    private struct CompanionReuse {
        let table: EntityTable
        let oldPositions: [Int32]
        let oldToNew: [Int32]
    }

    /// Counts, for every entity, the articles it shares with each other entity, and keeps the top
    /// `companionLimit`: shards of entities on all cores, each with a dense counter array. Also gives, for each
    /// entity, the most articles shared with an entity left out (`companionNext`).
    ///
    /// With `reusing`, an entity taken over unchanged has the same articles, each with the same entities, so it
    /// shares as many articles with each other entity as before; only positions moved. When its last companion
    /// shares more articles than any entity left out (or it had fewer than the limit), its companions are the same
    /// entities whatever their positions: they are taken over, renumbered and put in order again. The others
    /// are counted.
    private static func companions(_ entityArticles: [[Int32]], articleCount: Int, reusing: CompanionReuse?)
        -> ([UInt32], [(entity: Int32, articles: Int32)], [Int32], Int) {
        let entityCount = entityArticles.count
        var results = [[(entity: Int32, articles: Int32)]?](repeating: nil, count: entityCount)
        var next = [Int32](repeating: 0, count: entityCount)
        var toCount: [Int] = []
        if let reusing {
            for e in 0..<entityCount {
                let p = Int(reusing.oldPositions[e])
                guard p >= 0 else {
                    toCount.append(e)
                    continue
                }
                let old = reusing.table.companions(of: Int32(p)), oldNext = reusing.table.companionNext[p]
                guard old.count < companionLimit || old.last!.articles > oldNext,
                      old.allSatisfy({ reusing.oldToNew[Int($0.entity)] >= 0 }) else {
                    toCount.append(e)
                    continue
                }
                let renumbered = old.map { (entity: reusing.oldToNew[Int($0.entity)], articles: $0.articles) }
                let inOrder = { (a: (entity: Int32, articles: Int32), b: (entity: Int32, articles: Int32)) in
                    (a.articles, b.entity) > (b.articles, a.entity)
                }
                results[e] = zip(renumbered, renumbered.dropFirst()).allSatisfy { inOrder($0, $1) } ? renumbered : renumbered.sorted(by: inOrder)
                next[e] = oldNext
            }
        } else {
            toCount = Array(0..<entityCount)
        }
        if !toCount.isEmpty {
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
            let articleStarts = starts, articleMembers = members, counted = toCount
            let shards = concurrentMap(shardRanges(counted.count)) { range -> [(top: [(entity: Int32, articles: Int32)], next: Int32)] in
                var counts = [Int32](repeating: 0, count: entityCount)
                var touched: [Int32] = []
                var result: [(top: [(entity: Int32, articles: Int32)], next: Int32)] = []
                result.reserveCapacity(range.count)
                for k in range {
                    let e = counted[k]
                    for a in entityArticles[e] {
                        for o in articleMembers[Int(articleStarts[Int(a)])..<Int(articleStarts[Int(a) + 1])] where Int(o) != e {
                            if counts[Int(o)] == 0 { touched.append(o) }
                            counts[Int(o)] += 1
                        }
                    }
                    // Top k by (shared articles descending, position ascending), by insertion into a short list;
                    // `left` is the most shared by one left out.
                    var top: [(entity: Int32, articles: Int32)] = []
                    var left: Int32 = 0
                    for o in touched {
                        let n = counts[Int(o)]
                        counts[Int(o)] = 0
                        if top.count == companionLimit, let last = top.last, (n, last.entity) <= (last.articles, o) {
                            left = Swift.max(left, n)
                            continue
                        }
                        var k = top.count
                        while k > 0 && (n, top[k - 1].entity) > (top[k - 1].articles, o) { k -= 1 }
                        top.insert((o, n), at: k)
                        if top.count > companionLimit { left = Swift.max(left, top.removeLast().articles) }
                    }
                    touched.removeAll(keepingCapacity: true)
                    result.append((top, left))
                }
                return result
            }
            var k = 0
            for shard in shards {
                for (top, left) in shard {
                    results[counted[k]] = top
                    next[counted[k]] = left
                    k += 1
                }
            }
        }
        var offsets: [UInt32] = [0]
        offsets.reserveCapacity(entityCount + 1)
        var list: [(entity: Int32, articles: Int32)] = []
        // Sized exactly: grown by appending, the list kept up to twice its bytes as spare capacity (6.3 MB for
        // 3.2 MB of companions on the scale corpus).
        list.reserveCapacity(results.reduce(0) { $0 + $1!.count })
        for top in results {
            list += top!
            offsets.append(UInt32(list.count))
        }
        return (offsets, list, next, toCount.count)
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
