import Dispatch
import Foundation

/// The immutable, indexed corpus that handlers read: built once per load and never mutated.
///
/// Every flat list (articles, quotes, casualties) is kept newest first, so a date range is a contiguous
/// slice found by binary search, and each index maps a key to ascending positions in such a list.
/// A reload builds a new snapshot and swaps it in whole.
public final class CorpusSnapshot: Sendable {
    /// Articles, newest first (date descending, then id).
    public let articles: [Article]
    /// Each article's list JSON (everything above `text`), encoded once.
    public let articleSummaryJSON: [[UInt8]]
    /// Article position by id.
    public let articleIndex: [String: Int32]
    /// Every quote, in article order.
    public let quotes: [Quote]
    /// Each quote's JSON.
    public let quoteJSON: [[UInt8]]
    /// The article position of each quote.
    public let quoteArticle: [Int32]
    /// Every casualty figure, in article order.
    public let casualties: [Casualty]
    /// Each figure's JSON.
    public let casualtyJSON: [[UInt8]]
    /// The article position of each figure.
    public let casualtyArticle: [Int32]
    /// Corpus-wide entities, most mentioned first (ties by name).
    public let entities: [Entity]
    /// Entity position by id.
    public let entityIndex: [String: Int32]
    /// Articles (positions) that mention each entity.
    public let entityArticles: [[Int32]]
    /// Folded words of titles and text -> article positions.
    let wordIndex: [String: [Int32]]
    /// Folded speaker-name tokens -> quote positions.
    let speakerTokenIndex: [String: [Int32]]
    /// Folded words of quote texts -> quote positions.
    let quoteWordIndex: [String: [Int32]]
    /// Figure positions by kind.
    let casualtyKindIndex: [CasualtyKind: [Int32]]
    /// Figure positions by the entity id of their place.
    let casualtyLocationIndex: [String: [Int32]]
    /// Folded entity names and aliases, sorted, with the entity each belongs to: for prefix search.
    let entityNames: [(name: String, entity: Int32)]
    /// People quoted, most quoted first.
    public let speakers: [SpeakerSummary]
    /// Load facts for `/stats` and `/metrics`.
    public let info: LoadInfo

    /// Facts about the load that produced a snapshot.
    public struct LoadInfo: Sendable {
        /// When the load finished.
        public var loadedAt: Date
        /// Seconds the load took, extraction included.
        public var loadSeconds: Double
        /// Bytes of article text.
        public var textBytes: Int
        /// Files or records skipped.
        public var failures: [LoadFailure]
        /// Directory the corpus came from.
        public var directory: String

        /// Creates load facts.
        public init(loadedAt: Date, loadSeconds: Double, textBytes: Int, failures: [LoadFailure], directory: String) {
            self.loadedAt = loadedAt
            self.loadSeconds = loadSeconds
            self.textBytes = textBytes
            self.failures = failures
            self.directory = directory
        }
    }

    /// A quoted person with counts, for `/speakers`.
    public struct SpeakerSummary: Sendable, Equatable {
        /// Name as quoted.
        public var name: String
        /// Entity id.
        public var entityId: String?
        /// Number of quotes.
        public var quotes: Int
        /// Number of articles quoting them.
        public var articles: Int
        /// Roles given, most frequent first.
        public var roles: [String]
        /// First date quoted.
        public var firstSeen: String
        /// Last date quoted.
        public var lastSeen: String
    }

    /// A content hash of the corpus: the same files give the same version on every replica.
    public let dataVersion: String

    /// Seconds spent building the indexes (after extraction).
    public let indexSeconds: Double

    /// Seconds from the start of the load to a ready snapshot: reading, extraction and indexing.
    public var loadSeconds: Double { info.loadSeconds + indexSeconds }

    /// Builds every index over `articles` (any order).
    public init(articles unsorted: [Article], info: LoadInfo) {
        let started = DispatchTime.now().uptimeNanoseconds
        let articles = unsorted.sorted { ($0.date, $1.id) > ($1.date, $0.id) }
        self.articles = articles
        self.info = info
        // The per-article work (encoding, tokenizing) runs on all cores; the merge below is sequential.
        let prepared = concurrentMap(articles) {
            a -> (summary: [UInt8], words: [String], quotes: [[UInt8]], quoteWords: [[String]], figures: [[UInt8]]) in
            var w = JSONWriter(capacity: 512)
            a.writeSummaryJSON(to: &w)
            var words = Set(TextTokens.words(a.title))
            words.formUnion(TextTokens.words(a.text))
            return (w.bytes, Array(words), a.quotes.map(\.jsonBytes), a.quotes.map { Array(Set(TextTokens.words($0.text))) },
                    a.casualties.map(\.jsonBytes))
        }
        articleSummaryJSON = prepared.map(\.summary)
        var articleIndex: [String: Int32] = [:]
        articleIndex.reserveCapacity(articles.count)
        var quotes: [Quote] = [], quoteArticle: [Int32] = []
        var casualties: [Casualty] = [], casualtyArticle: [Int32] = []
        // The article word index is the largest merge: it is built on another core while this one does the rest.
        let wordIndexBox = Box<[String: [Int32]]>([:])
        let wordIndexDone = DispatchGroup()
        DispatchQueue.global().async(group: wordIndexDone) {
            var index: [String: [Int32]] = [:]
            for (i, p) in prepared.enumerated() {
                for word in p.words { index[word, default: []].append(Int32(i)) }
            }
            wordIndexBox.value = index
        }
        var speakerTokenIndex: [String: [Int32]] = [:]
        var quoteWordIndex: [String: [Int32]] = [:]
        var hasher = FNV1a()
        for (i, a) in articles.enumerated() {
            let position = Int32(i)
            articleIndex[a.id] = position
            hasher.combine(a.id)
            hasher.combine(a.text)
            for (k, q) in a.quotes.enumerated() {
                for word in prepared[i].quoteWords[k] { quoteWordIndex[word, default: []].append(Int32(quotes.count)) }
                if let name = q.speaker?.name {
                    for token in Set(TextTokens.words(name)) {
                        speakerTokenIndex[token, default: []].append(Int32(quotes.count))
                    }
                }
                quotes.append(q)
                quoteArticle.append(position)
            }
            for c in a.casualties {
                casualties.append(c)
                casualtyArticle.append(position)
            }
        }
        self.articleIndex = articleIndex
        self.quotes = quotes
        self.quoteArticle = quoteArticle
        self.quoteJSON = prepared.flatMap(\.quotes)
        self.casualties = casualties
        var kindIndex: [CasualtyKind: [Int32]] = [:]
        var locationIndex: [String: [Int32]] = [:]
        for (i, c) in casualties.enumerated() {
            kindIndex[c.kind, default: []].append(Int32(i))
            if let id = c.location?.entityId { locationIndex[id, default: []].append(Int32(i)) }
        }
        self.casualtyKindIndex = kindIndex
        self.casualtyLocationIndex = locationIndex
        self.casualtyArticle = casualtyArticle
        self.casualtyJSON = prepared.flatMap(\.figures)
        self.speakerTokenIndex = speakerTokenIndex
        self.quoteWordIndex = quoteWordIndex
        self.dataVersion = String(hasher.value, radix: 16)

        // Corpus-wide entities.
        struct Accumulator {
            var entity: Entity
            var aliases: [String: Int]
            var articles: [Int32]
        }
        var accumulators: [String: Accumulator] = [:]
        for (i, a) in articles.enumerated().reversed() {  // oldest first, so firstSeen is the first date
            for e in a.entities {
                var acc = accumulators[e.id] ?? Accumulator(
                    entity: Entity(id: e.id, name: e.name, type: e.type, subtype: e.subtype, countryCode: e.countryCode,
                                   geonamesId: e.geonamesId, coordinates: e.coordinates, admin1Code: e.admin1Code,
                                   aliases: [], mentions: 0, articles: 0, firstSeen: a.date, lastSeen: a.date),
                    aliases: [:], articles: [])
                acc.entity.mentions += e.mentions
                acc.entity.articles += 1
                acc.entity.lastSeen = a.date
                if acc.entity.subtype == nil { acc.entity.subtype = e.subtype }
                if acc.entity.countryCode == nil { acc.entity.countryCode = e.countryCode }
                if acc.entity.geonamesId == nil { acc.entity.geonamesId = e.geonamesId }
                if acc.entity.coordinates == nil { acc.entity.coordinates = e.coordinates }
                if acc.entity.admin1Code == nil { acc.entity.admin1Code = e.admin1Code }
                for alias in e.aliases + [e.name] { acc.aliases[alias, default: 0] += 1 }
                acc.articles.append(Int32(i))
                accumulators[e.id] = acc
            }
        }
        var entities: [Entity] = []
        var entityArticles: [[Int32]] = []
        let ordered = accumulators.values.sorted {
            ($0.entity.mentions, $1.entity.name) > ($1.entity.mentions, $0.entity.name)
        }
        var entityIndex: [String: Int32] = [:]
        var entityNames: [(name: String, entity: Int32)] = []
        for acc in ordered {
            var entity = acc.entity
            // The canonical name is the form most articles use; the others are aliases.
            let byUse = acc.aliases.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            if let top = byUse.first, entity.name != top.key, acc.aliases[entity.name] ?? 0 < top.value {
                entity.name = top.key
            }
            entity.aliases = byUse.map(\.key).filter { $0 != entity.name }.sorted()
            let position = Int32(entities.count)
            entityIndex[entity.id] = position
            for name in [entity.name] + entity.aliases {
                entityNames.append((name.applyingFolding(), position))
            }
            entities.append(entity)
            entityArticles.append(acc.articles.sorted())
        }
        self.entities = entities
        self.entityIndex = entityIndex
        self.entityArticles = entityArticles
        self.entityNames = entityNames.sorted { ($0.name, $0.entity) < ($1.name, $1.entity) }

        // Speakers.
        var bySpeaker: [String: (summary: SpeakerSummary, roles: [String: Int], articles: Set<Int32>)] = [:]
        for (qi, q) in quotes.enumerated().reversed() {
            guard let speaker = q.speaker else { continue }
            let key = speaker.entityId ?? speaker.name
            var entry = bySpeaker[key] ?? (SpeakerSummary(name: speaker.name, entityId: speaker.entityId, quotes: 0,
                                                          articles: 0, roles: [], firstSeen: q.date, lastSeen: q.date),
                                           [:], [])
            entry.summary.quotes += 1
            entry.summary.lastSeen = q.date
            entry.articles.insert(quoteArticle[qi])
            if let role = speaker.role { entry.roles[role, default: 0] += 1 }
            bySpeaker[key] = entry
        }
        speakers = bySpeaker.values.map { entry in
            var s = entry.summary
            s.articles = entry.articles.count
            s.roles = entry.roles.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            return s
        }.sorted { ($0.quotes, $1.name) > ($1.quotes, $0.name) }
        wordIndexDone.wait()
        self.wordIndex = wordIndexBox.value
        indexSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }
}

/// FNV-1a, 64 bit: a fast, stable (unseeded) hash for data versions and ETags.
public struct FNV1a: Sendable {
    /// The hash so far.
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Creates a fresh hash.
    public init() {}

    /// Mixes in bytes.
    public mutating func combine<S: Sequence>(bytes: S) where S.Element == UInt8 {
        for b in bytes {
            value ^= UInt64(b)
            value &*= 0x100_0000_01b3
        }
    }

    /// Mixes in a string and a separator.
    public mutating func combine(_ text: String) {
        combine(bytes: text.utf8)
        combine(bytes: CollectionOfOne(0xFF))
    }
}

/// Word tokens for search: folded (lower case, no accents) runs of letters and digits.
public enum TextTokens {
    /// "Hikmet Hajiyev's" -> ["hikmet", "hajiyev", "s"]. ASCII is split and lower-cased byte by byte;
    /// a run holding other scalars is folded and split the slow way.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var buffer: [UInt8] = []
        var nonASCII = false
        func flush() {
            guard !buffer.isEmpty else { return }
            if nonASCII {
                words += foldedWords(String(decoding: buffer, as: UTF8.self))
            } else {
                words.append(String(decoding: buffer, as: UTF8.self))
            }
            buffer.removeAll(keepingCapacity: true)
            nonASCII = false
        }
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: buffer.append(byte)
            case 0x41...0x5A: buffer.append(byte | 0x20)
            case 0x80...: buffer.append(byte); nonASCII = true
            default: flush()
            }
        }
        flush()
        return words
    }

    /// Folds and splits text that holds non-ASCII scalars.
    static func foldedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [Unicode.Scalar] = []
        for scalar in text.applyingFolding().unicodeScalars {
            if scalar.isWordScalar {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(scalars: current))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(scalars: current)) }
        return words
    }
}

/// Maps `items` on all cores, keeping order.
public func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                                   _ transform: @Sendable (T) -> R) -> [R] {
    if items.isEmpty { return [] }
    let results = ResultSlots<R>(count: items.count)
    let chunks = Swift.min(items.count, Swift.max(1, threads) * 8)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        var i = chunk
        while i < items.count {
            results.set(i, transform(items[i]))
            i += chunks
        }
    }
    return results.values()
}

/// A value handed from a background task to the thread that waits for it.
// @unchecked Sendable: written once by the task, read only after DispatchGroup.wait(), which orders the two.
final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

/// Pre-sized result storage that parallel workers fill at distinct indices.
// @unchecked Sendable: every index is written by exactly one worker, and read only after
// concurrentPerform has returned, which orders the writes before the reads.
final class ResultSlots<R>: @unchecked Sendable {
    private var slots: [R?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [R] { slots.map { $0! } }
}
