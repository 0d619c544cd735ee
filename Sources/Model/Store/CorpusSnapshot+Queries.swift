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
    public func findArticles(window: DateWindow, words: [String], entity: String?, speaker: [String]) -> [Int32] {
        let range = articleRange(window)
        var lists: [ArraySlice<Int32>] = words.map { wordIndex[$0] }
        if let entity {
            lists.append(entityIndex[entity].map { entityArticles[Int($0)][...] } ?? [])
        }
        if !speaker.isEmpty {
            let quotePositions = speakerQuotes(speaker)
            var seen = Set<Int32>()
            lists.append(quotePositions.map { quoteArticle[Int($0)] }.filter { seen.insert($0).inserted }[...])
        }
        return intersect(lists, within: range)
    }

    /// Quotes matching every given filter.
    public func findQuotes(window: DateWindow, speaker: [String], words: [String], article: String?) -> [Int32] {
        var range = itemRange(quoteArticle, articles: articleRange(window))
        if let article {
            guard let position = articleIndex[article] else { return [] }
            range = range.clamped(to: itemRange(quoteArticle, articles: Int(position)..<Int(position) + 1))
        }
        var lists: [ArraySlice<Int32>] = words.map { quoteWordIndex[$0] }
        if !speaker.isEmpty { lists.append(speakerQuotes(speaker)[...]) }
        return intersect(lists, within: range)
    }

    /// Casualty figures matching every given filter.
    public func findCasualties(
        window: DateWindow, kind: CasualtyKind?, group: VictimGroup?, scope: CasualtyScope?, location: String?,
        article: String?
    ) -> [Int32] {
        var range = itemRange(casualtyArticle, articles: articleRange(window))
        if let article {
            guard let position = articleIndex[article] else { return [] }
            range = range.clamped(to: itemRange(casualtyArticle, articles: Int(position)..<Int(position) + 1))
        }
        var lists: [ArraySlice<Int32>] = []
        if let kind { lists.append(casualtyKindIndex[kind]?[...] ?? []) }
        if let location { lists.append(casualtyLocationIndex[location]) }
        // Group and scope have a handful of values each: they filter what the indexes left.
        return intersect(lists, within: range).filter { i in
            let c = casualties[Int(i)]
            return (group.map { c.group == $0 } ?? true) && (scope.map { c.scope == $0 } ?? true)
        }
    }

    /// Entities matching the filters, most mentioned first (or by name).
    public func findEntities(type: EntityType?, subtype: String?, prefix: String?, window: DateWindow, byName: Bool) -> [Int32] {
        var candidates: [Int32]
        if let prefix, !prefix.isEmpty {
            let folded = prefix.applyingFolding()
            let start = partitionPoint(entityNames.count) { entityNames[$0].name >= folded }
            var found = Set<Int32>()
            var i = start
            while i < entityNames.count && entityNames[i].name.hasPrefix(folded) {
                found.insert(entityNames[i].entity)
                i += 1
            }
            candidates = found.sorted()
        } else {
            candidates = Array(0..<Int32(entities.count))
        }
        let range = (window.from == nil && window.to == nil) ? nil : articleRange(window)
        candidates = candidates.filter { e in
            let entity = entities[Int(e)]
            if let type, entity.type != type { return false }
            if let subtype, entity.subtype != subtype { return false }
            if let range {
                let list = entityArticles[Int(e)]
                let k = partitionPoint(list.count) { Int(list[$0]) >= range.lowerBound }
                if k == list.count || Int(list[k]) >= range.upperBound { return false }
            }
            return true
        }
        if byName {
            candidates.sort { (entities[Int($0)].name.applyingFolding(), $0) < (entities[Int($1)].name.applyingFolding(), $1) }
        }
        return candidates
    }

    /// Speakers whose name contains every given token, in the most-quoted order.
    public func findSpeakers(_ tokens: [String]) -> [SpeakerSummary] {
        guard !tokens.isEmpty else { return speakers }
        return speakers.filter { s in
            let words = TextTokens.words(s.name)
            return tokens.allSatisfy { t in words.contains { $0.hasPrefix(t) } }
        }
    }

    /// The entities that share the most articles with entity `position`, with the number shared.
    public func companions(of position: Int32, limit: Int) -> [(entity: Int32, articles: Int)] {
        var counts: [Int32: Int] = [:]
        let own = entities[Int(position)].id
        for a in entityArticles[Int(position)] {
            for e in articles[Int(a)].entities where e.id != own {
                if let p = entityIndex[e.id] { counts[p, default: 0] += 1 }
            }
        }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit).map { ($0.key, $0.value) }
    }

    /// Quotes whose speaker name holds every token (any part of the name, case- and accent-insensitive).
    func speakerQuotes(_ tokens: [String]) -> [Int32] {
        intersect(tokens.map { speakerTokenIndex[$0] }, within: 0..<quotes.count)
    }

    /// The ascending positions inside `range` present in every list (all of `range` when there are none).
    func intersect(_ lists: [ArraySlice<Int32>], within range: Range<Int>) -> [Int32] {
        guard !lists.isEmpty else { return range.map { Int32($0) } }
        let sorted = lists.sorted { $0.count < $1.count }
        // The shortest list, cut to `range` by binary search (the lists ascend).
        let first = sorted[0]
        let lower = first.startIndex + partitionPoint(first.count) { Int(first[first.startIndex + $0]) >= range.lowerBound }
        let upper = first.startIndex + partitionPoint(first.count) { Int(first[first.startIndex + $0]) >= range.upperBound }
        var result = Array(first[lower..<Swift.max(lower, upper)])
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
        return result
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
