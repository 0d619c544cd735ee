/// A date window, both ends inclusive and optional (`YYYY-MM-DD` strings compare in date order).
public struct DateWindow: Sendable, Equatable {
    /// First date, or nil for no lower bound.
    public var from: String?
    /// Last date, or nil for no upper bound.
    public var to: String?

    /// Creates a window.
    public init(from: String? = nil, to: String? = nil) {
        self.from = from
        self.to = to
    }

    /// A single day.
    public static func day(_ date: String) -> DateWindow { DateWindow(from: date, to: date) }

    /// Whether `date` lies inside.
    public func contains(_ date: String) -> Bool {
        (from.map { date >= $0 } ?? true) && (to.map { date <= $0 } ?? true)
    }
}

extension CorpusSnapshot {
    /// Article positions whose date lies in `window`: a contiguous range, as articles are newest first.
    public func articleRange(_ window: DateWindow) -> Range<Int> {
        // Dates descend: the range starts at the first article not after `to`, and ends at the first before `from`.
        let lower = window.to.map { to in partitionPoint(articles.count) { articles[$0].date <= to } } ?? 0
        let upper = window.from.map { from in partitionPoint(articles.count) { articles[$0].date < from } } ?? articles.count
        return lower..<Swift.max(lower, upper)
    }

    /// Positions in a list ordered by article whose article lies in `articles`.
    func itemRange(_ owners: [Int32], articles range: Range<Int>) -> Range<Int> {
        let lower = partitionPoint(owners.count) { Int(owners[$0]) >= range.lowerBound }
        let upper = partitionPoint(owners.count) { Int(owners[$0]) >= range.upperBound }
        return lower..<upper
    }

    /// Articles matching every given filter, in newest-first order.
    public func findArticles(window: DateWindow, words: [String], entity: String?, speaker: [String]) -> Positions {
        let range = articleRange(window)
        var lists: [ArraySlice<Int32>] = words.map { wordIndex[word: $0] }
        if let entity {
            lists.append(entityIndex[entity].map { entityArticles[Int($0)][...] } ?? [])
        }
        if !speaker.isEmpty {
            var seen = Set<Int32>()
            lists.append(speakerQuotes(speaker).map { quoteArticle[Int($0)] }.filter { seen.insert($0).inserted }.sorted()[...])
        }
        return intersect(lists, within: range)
    }

    /// Quotes matching every given filter.
    public func findQuotes(window: DateWindow, speaker: [String], words: [String], article: String?) -> Positions {
        var range = itemRange(quoteArticle, articles: articleRange(window))
        if let article {
            guard let position = articleIndex[article] else { return Positions(0..<0) }
            range = range.clamped(to: itemRange(quoteArticle, articles: Int(position)..<Int(position) + 1))
        }
        var lists: [ArraySlice<Int32>] = words.map { quoteWordIndex[word: $0] }
        lists += speaker.map { speakerTokenIndex[$0] }
        return intersect(lists, within: range)
    }

    /// Casualty figures matching every given filter.
    public func findCasualties(
        window: DateWindow, kind: CasualtyKind?, group: VictimGroup?, scope: CasualtyScope?, location: String?,
        article: String?
    ) -> Positions {
        var range = itemRange(casualtyArticle, articles: articleRange(window))
        if let article {
            guard let position = articleIndex[article] else { return Positions(0..<0) }
            range = range.clamped(to: itemRange(casualtyArticle, articles: Int(position)..<Int(position) + 1))
        }
        var lists: [ArraySlice<Int32>] = []
        if let kind { lists.append(casualtyKindIndex[kind]?[...] ?? []) }
        if let location { lists.append(casualtyLocationIndex[location]) }
        let found = intersect(lists, within: range)
        guard group != nil || scope != nil else { return found }
        // Group and scope have a handful of values each: they filter what the indexes left.
        return Positions(found.filter { i in
            let c = casualties[Int(i)]
            return (group.map { c.group == $0 } ?? true) && (scope.map { c.scope == $0 } ?? true)
        })
    }

    /// Entities matching the filters, most mentioned first (or by name). Without a prefix or a date window the
    /// answer is a stored list (by type, by subtype, by name), returned as is.
    public func findEntities(type: EntityType?, subtype: String?, prefix: String?, window: DateWindow, byName: Bool) -> Positions {
        let table = entityTable
        var candidates: [Int32]
        if let prefix, !prefix.isEmpty {
            // Every entity with a name or alias starting with the prefix, once, in position order: marked in a bit
            // set over the entities while the sorted names are walked, then read out in order.
            let folded = prefix.applyingFolding()
            let foldedBytes = Array(folded.utf8)
            let ascii = foldedBytes.allSatisfy { $0 < 0x80 }
            let names = table.names
            var i = partitionPoint(names.count) { names[$0].name >= folded }
            var marked = [UInt64](repeating: 0, count: (entities.count + 63) / 64)
            while i < names.count
                && (ascii ? Self.startsWith(names[i].name, asciiPrefix: foldedBytes, folded) : names[i].name.hasPrefix(folded)) {
                let e = Int(names[i].entity)
                marked[e >> 6] |= 1 << UInt64(e & 63)
                i += 1
            }
            candidates = []
            for (k, word) in marked.enumerated() where word != 0 {
                var bits = word
                while bits != 0 {
                    let e = k << 6 + bits.trailingZeroBitCount
                    bits &= bits - 1
                    // Fields are read in place: binding `entities[e]` to a name copies the whole entity.
                    if let type, entities[e].type != type { continue }
                    if let subtype, entities[e].subtype != subtype { continue }
                    candidates.append(Int32(e))
                }
            }
        } else if let subtype {
            candidates = (table.bySubtype[subtype] ?? []).filter { e in type.map { entities[Int(e)].type == $0 } ?? true }
        } else if window.from == nil && window.to == nil {
            if let type { return Positions((byName ? table.byTypeByName[type] : table.byType[type]) ?? []) }
            return byName ? Positions(table.byName) : Positions(0..<entities.count)
        } else if let type {
            candidates = table.byType[type] ?? []
        } else {
            candidates = Array(0..<Int32(entities.count))
        }
        if window.from != nil || window.to != nil {
            let range = articleRange(window)
            candidates = candidates.filter { e in
                let list = entityArticles[Int(e)]
                let k = partitionPoint(list.count) { Int(list[$0]) >= range.lowerBound }
                return k < list.count && Int(list[k]) < range.upperBound
            }
        }
        if byName { candidates.sort { table.nameRank[Int($0)] < table.nameRank[Int($1)] } }
        return Positions(candidates)
    }

    /// `name.hasPrefix(prefix)` for an ASCII `prefix` (given also as `bytes`), comparing bytes while they are
    /// ASCII: an ASCII character is a character of its own unless a combining mark follows it, so only a name with
    /// a non-ASCII byte inside or just after the prefix needs the comparison by characters.
    static func startsWith(_ name: String, asciiPrefix bytes: [UInt8], _ prefix: String) -> Bool {
        var utf8 = name.utf8.makeIterator()
        for b in bytes {
            guard let n = utf8.next() else { return false }
            if n >= 0x80 { return name.hasPrefix(prefix) }
            if n != b { return false }
        }
        if let next = utf8.next(), next >= 0x80 || (next == 0x0A && bytes.last == 0x0D) { return name.hasPrefix(prefix) }
        return true
    }

    /// Speakers (positions in `speakers`) with a name word starting with each given token, most quoted first.
    public func findSpeakers(_ tokens: [String]) -> Positions {
        guard !tokens.isEmpty else { return Positions(0..<speakers.count) }
        let words = speakerTable.nameWords
        let lists = tokens.map { token -> ArraySlice<Int32> in
            var i = partitionPoint(words.count) { words[$0].word >= token }
            var found: [Int32] = []
            while i < words.count && words[i].word.hasPrefix(token) {
                found.append(words[i].speaker)
                i += 1
            }
            found.sort()
            return found.enumerated().compactMap { k, s in k > 0 && found[k - 1] == s ? nil : s }[...]
        }
        return intersect(lists, within: 0..<speakers.count)
    }

    /// How many entities' companions the build counted; the others' were taken over from the snapshot it was built
    /// from (for the load log).
    public var companionsCounted: Int { entityTable.companionsCounted }

    /// The entities that share the most articles with entity `position` (at most `EntityTable.companionLimit`),
    /// with the number shared: computed at load.
    public func companions(of position: Int32, limit: Int) -> [(entity: Int32, articles: Int)] {
        entityTable.companions(of: position).prefix(limit).map { ($0.entity, Int($0.articles)) }
    }

    /// Quotes whose speaker name holds every token (any part of the name, case- and accent-insensitive).
    func speakerQuotes(_ tokens: [String]) -> Positions {
        intersect(tokens.map { speakerTokenIndex[$0] }, within: 0..<quotes.count)
    }

    /// The ascending positions inside `range` present in every list (all of `range` when there are none).
    /// One list is answered with a slice of it, found by binary search: no copy.
    func intersect(_ lists: [ArraySlice<Int32>], within range: Range<Int>) -> Positions {
        guard !lists.isEmpty else { return Positions(range) }
        let sorted = lists.sorted { $0.count < $1.count }
        // The shortest list, cut to `range` by binary search (the lists ascend).
        let first = sorted[0]
        let lower = first.startIndex + partitionPoint(first.count) { Int(first[first.startIndex + $0]) >= range.lowerBound }
        let upper = first.startIndex + partitionPoint(first.count) { Int(first[first.startIndex + $0]) >= range.upperBound }
        let cut = first[lower..<Swift.max(lower, upper)]
        guard sorted.count > 1 else { return Positions(cut) }
        var result = Array(cut)
        for list in sorted.dropFirst() {
            guard !result.isEmpty else { break }
            var out: [Int32] = []
            var j = list.startIndex
            for x in result {
                while j < list.endIndex && list[j] < x { j += 1 }
                if j < list.endIndex && list[j] == x { out.append(x) }
            }
            result = out
        }
        return Positions(result)
    }
}

/// The first index in `0..<count` where `predicate` holds, given it is false then true along the range.
func partitionPoint(_ count: Int, _ predicate: (Int) -> Bool) -> Int {
    var low = 0, high = count
    while low < high {
        let mid = (low + high) / 2
        if predicate(mid) { high = mid } else { low = mid + 1 }
    }
    return low
}
