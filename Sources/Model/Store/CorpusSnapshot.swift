import Dispatch
import Foundation
import Synchronization

/// Serial numbers of snapshots, so that a snapshot can name the one it was built from without holding it.
private let snapshotSerials = Atomic<UInt64>(0)

/// The immutable, indexed corpus that handlers read: built once per load and never mutated.
///
/// Every flat list (articles, quotes, casualties) is kept newest first, so a date range is a contiguous
/// slice found by binary search, and each index maps a key to ascending positions in such a list.
/// A reload builds a new snapshot and swaps it in whole.
public final class CorpusSnapshot: Sendable {
    /// Articles, newest first (date descending, then id).
    public let articles: [Article]
    /// Each article's list JSON (everything above `text`), written when asked for.
    public var articleSummaryJSON: EncodedList<Article> {
        EncodedList(articles) { article, w in article.writeSummaryJSON(to: &w) }
    }
    /// Article position by id.
    public let articleIndex: [String: Int32]
    /// Every quote, in article order (read from the articles, which hold them).
    public let quotes: QuoteList
    /// Each quote's JSON, written when asked for.
    public var quoteJSON: EncodedList<Quote> {
        let quotes = quotes
        return EncodedList(count: quotes.count, item: { quotes[$0] }) { quote, w in quote.writeJSON(to: &w) }
    }
    /// The article position of each quote.
    public let quoteArticle: [Int32]
    /// Every casualty figure, in article order.
    public let casualties: [Casualty]
    /// Each figure's JSON, written when asked for.
    public var casualtyJSON: EncodedList<Casualty> { EncodedList(casualties) }
    /// The article position of each figure.
    public let casualtyArticle: [Int32]
    /// Corpus-wide entities, most mentioned first (ties by name).
    public let entities: [Entity]
    /// Entity position by id.
    public let entityIndex: [String: Int32]
    /// Articles (positions) that mention each entity.
    public let entityArticles: [[Int32]]
    /// Folded words of titles and text -> article positions.
    let wordIndex: WordIndex
    /// FNV-1a of each article's id and text (what `dataVersion` hashes).
    let articleHashes: [UInt64]
    /// Folded speaker-name tokens -> quote positions.
    let speakerTokenIndex: PostingIndex<String>
    /// Folded words of quote texts -> quote positions.
    let quoteWordIndex: WordIndex
    /// Figure positions by kind.
    let casualtyKindIndex: [CasualtyKind: [Int32]]
    /// Figure positions by the entity id of their place.
    let casualtyLocationIndex: PostingIndex<String>
    /// People quoted, most quoted first.
    public let speakers: [SpeakerSummary]
    /// Each speaker's JSON, written when asked for.
    public var speakerJSON: EncodedList<SpeakerSummary> { EncodedList(speakers) }
    /// Each entity's JSON, written when asked for.
    public var entityJSON: EncodedList<Entity> { EncodedList(entities) }
    /// `/casualties/summary`, precomputed.
    public var casualtySummary: CasualtySummary { casualtyTable.summary }
    /// The entity lists, orders and companions.
    let entityTable: EntityTable
    /// The speakers and their name words.
    let speakerTable: SpeakerTable
    /// The casualty figures and their indexes.
    let casualtyTable: CasualtyTable
    /// Cross-article events, with the event of each figure.
    public let events: EventIndex
    /// Load facts for `/stats` and `/metrics`.
    public let info: LoadInfo

    /// Facts about the load that produced a snapshot.
    public struct LoadInfo: Sendable {
        /// When the load finished.
        public var loadedAt: Date {
            didSet { loadedAtText = Self.iso8601(loadedAt) }
        }
        /// `loadedAt` in ISO 8601 (`2026-12-07T19:04:06Z`), formatted once: a formatter made per `/stats` request
        /// cost it nine tenths of its speed.
        public private(set) var loadedAtText: String
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
            self.loadedAtText = Self.iso8601(loadedAt)
            self.loadSeconds = loadSeconds
            self.textBytes = textBytes
            self.failures = failures
            self.directory = directory
        }

        static func iso8601(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
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

    /// This snapshot's serial number (unique in the process).
    let serial: UInt64
    /// The serial of the snapshot this one was built from (`previous`), and for each article position the position
    /// of the same article there (all its fields equal, a figure's event aside), or -1.
    private let carried: (serial: UInt64, newToOld: [Int32])?

    /// For each article position, the position in `previous` of the same article, or -1; nil unless this snapshot
    /// was built from `previous`. What depends on an article's fields alone (its summary JSON) can be copied from
    /// there for every position that is not -1.
    public func carriedArticles(from previous: CorpusSnapshot) -> [Int32]? {
        guard let carried, carried.serial == previous.serial else { return nil }
        return carried.newToOld
    }

    /// Seconds of each step of the index build: sorting, the carry, then the builders run side by side (so their
    /// figures overlap): event clustering followed by the article and figure tables, the entities, the quotes
    /// and speakers.
    public let indexTimings: [(step: String, seconds: Double)]

    /// Seconds from the start of the load to a ready snapshot: reading, extraction and indexing.
    public var loadSeconds: Double { info.loadSeconds + indexSeconds }

    /// Builds every index over `articles` (any order): one builder a table, run side by side, each sharding its
    /// own work by article across the cores. With `previous` (the snapshot a reload replaces), the articles it
    /// already held take their hashes and word postings from it instead of reading their text again; the snapshot
    /// is the same as one built without it.
    public init(articles unsorted: [Article], info: LoadInfo, previous: CorpusSnapshot? = nil) {
        let started = DispatchTime.now().uptimeNanoseconds
        @Sendable func since(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        // On a reload the articles the previous snapshot held are already in order there: only the others are
        // sorted, and merged in (`sortedCarrying`); the carry is what that merge found.
        let sorted: [Article], carriedPositions: [Int32]?
        if let previous {
            (sorted, carriedPositions) = Self.sortedCarrying(unsorted, previous: previous)
        } else {
            (sorted, carriedPositions) = (unsorted.sorted(by: Self.precedes), nil)
        }
        let sortSeconds = since(started)
        // Clustering sets each figure's event and leaves the order as it is: the carry, the entities, quotes and
        // speakers do not read events, so they are built from the sorted articles beside it; the article and
        // figure tables, which hold the events, after it.
        let carryStart = DispatchTime.now().uptimeNanoseconds
        let carried = previous.map { (snapshot: $0, carry: SnapshotCarry(articles: sorted, previous: $0, newToOld: carriedPositions!)) }
        let carrySeconds = since(carryStart)
        self.info = info
        serial = snapshotSerials.add(1, ordering: .relaxed).newValue
        self.carried = carried.map { ($0.snapshot.serial, $0.carry.newToOld) }
        let clusteredBox = Box<[Article]?>(nil), quoteBox = Box<QuoteTable?>(nil)
        let casualtyBox = Box<CasualtyTable?>(nil), entityBox = Box<EntityTable?>(nil)
        let speakerBox = Box<SpeakerTable?>(nil), eventBox = Box<EventIndex?>(nil)
        let hashBox = Box<[UInt64]?>(nil), remappedBox = Box<WordIndex?>(nil)
        let casualtySeconds = ResultSlots<Double>(count: 1)
        // The word index of a fresh load (the largest job) is cut into shards of articles, each a job of its own
        // beside the tables, so that the two cores stay busy to the end instead of one building it alone; the
        // shards are concatenated in order below. (A builder's own concurrentMap, nested in this one, runs on
        // its thread.) Longest jobs first: they are handed out in order.
        let wordRanges = carried == nil ? shardRanges(sorted.count) : []
        let wordShards = ResultSlots<[UInt64: [Int32]]>(count: wordRanges.count)
        var builders: [(name: String, run: @Sendable () -> Void)] = [
            ("entities", { entityBox.value = EntityTable(articles: sorted, previous: carried) }),
            ("quotes+speakers", {
                let quotes = QuoteTable(articles: sorted, previous: carried)
                quoteBox.value = quotes
                speakerBox.value = SpeakerTable(quotes: quotes)
            }),
            ("events+casualties", {
                let (articles, events) = Self.clusterEvents(sorted, previous: carried)
                eventBox.value = events
                clusteredBox.value = articles
                let start = DispatchTime.now().uptimeNanoseconds
                casualtyBox.value = CasualtyTable(articles: articles)
                casualtySeconds.set(0, since(start))
            }),
            ("hashes", { hashBox.value = ArticleTable.hashes(sorted, previous: carried) }),
        ]
        if let carried {
            builders.append(("words", { remappedBox.value = ArticleTable.remappedWords(sorted, previous: carried) }))
        }
        for (k, range) in wordRanges.enumerated() {
            builders.append(("words.\(k)", {
                wordShards.set(k, WordIndex.shard(range) { i, add in ArticleTable.visitWords(sorted[i], add) })
            }))
        }
        let jobs = builders.map(\.run)
        let seconds = ResultSlots<Double>(count: jobs.count)
        let parallelStart = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let start = DispatchTime.now().uptimeNanoseconds
            jobs[i]()
            seconds.set(i, since(start))
        }
        let parallelSeconds = since(parallelStart)
        let mergeStart = DispatchTime.now().uptimeNanoseconds
        let words = remappedBox.value ?? WordIndex(shards: wordShards.values())
        let a = ArticleTable(sorted: clusteredBox.value!, hashes: hashBox.value!, words: words)
        let mergeSeconds = since(mergeStart)
        let events = eventBox.value!
        self.events = events
        let builderSeconds = seconds.values()
        var timings: [(step: String, seconds: Double)] = [("sort", sortSeconds), ("carry", carrySeconds), ("builders", parallelSeconds)]
        var wordSeconds = 0.0
        for (k, builder) in builders.enumerated() {
            if builder.name.hasPrefix("words") { wordSeconds += builderSeconds[k] } else { timings.append((builder.name, builderSeconds[k])) }
        }
        timings.append(("events", events.seconds))
        timings.append(("casualties", casualtySeconds.values()[0]))
        for step in entityBox.value!.steps { timings.append(("entities." + step.step, step.seconds)) }
        timings.append(("words", wordSeconds))
        timings.append(("words+articles.merge", mergeSeconds))
        indexTimings = timings
        let q = quoteBox.value!, c = casualtyBox.value!, e = entityBox.value!

        self.articles = a.articles
        articleIndex = a.index
        wordIndex = a.words
        articleHashes = a.hashes
        dataVersion = a.dataVersion

        quotes = QuoteList(articles: a.articles, article: q.article)
        quoteArticle = q.article
        speakerTokenIndex = q.speakerTokens
        quoteWordIndex = q.words
        speakerTable = speakerBox.value!
        speakers = speakerBox.value!.speakers

        casualtyTable = c
        casualties = c.casualties
        casualtyArticle = c.article
        casualtyKindIndex = c.kinds
        casualtyLocationIndex = c.locations

        entityTable = e
        entities = e.entities
        entityIndex = e.index
        entityArticles = e.articles
        indexSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }
}

extension CorpusSnapshot {
    /// Whether article `a` comes before `b` in a snapshot: newer first, then by id.
    @inline(__always)
    static func precedes(_ a: Article, _ b: Article) -> Bool { (a.date, b.id) > (b.date, a.id) }

    /// `articles` in snapshot order (`precedes`), and for each position the position in `previous` of the same
    /// article (`SnapshotCarry.same`), or -1. The articles `previous` holds are in that order there already: they are
    /// taken in its order, the others sorted, and the two runs merged. Ids are unique in a load and the order is
    /// total, so this is the order sorting them all gives.
    static func sortedCarrying(_ articles: [Article], previous: CorpusSnapshot) -> (sorted: [Article], newToOld: [Int32]) {
        var byOld = [Article?](repeating: nil, count: previous.articles.count)
        var fresh: [Article] = []
        for a in articles {
            if let j = previous.articleIndex[a.id], byOld[Int(j)] == nil, SnapshotCarry.same(a, previous.articles[Int(j)]) {
                byOld[Int(j)] = a
            } else {
                fresh.append(a)
            }
        }
        fresh.sort(by: precedes)
        var sorted: [Article] = [], newToOld: [Int32] = []
        sorted.reserveCapacity(articles.count)
        newToOld.reserveCapacity(articles.count)
        var f = 0
        for (j, kept) in byOld.enumerated() {
            guard let kept else { continue }
            while f < fresh.count && precedes(fresh[f], kept) {
                sorted.append(fresh[f])
                newToOld.append(-1)
                f += 1
            }
            sorted.append(kept)
            newToOld.append(Int32(j))
        }
        while f < fresh.count {
            sorted.append(fresh[f])
            newToOld.append(-1)
            f += 1
        }
        return (sorted, newToOld)
    }
}

/// Word tokens for search: folded (lower case, no accents) runs of letters and digits.
public enum TextTokens {
    /// "Hikmet Hajiyev's" -> ["hikmet", "hajiyev", "s"]. ASCII is split and lower-cased byte by byte;
    /// a run holding other scalars is folded and split the slow way.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachRun(text) { run, nonASCII in
            if nonASCII {
                words += foldedWords(String(decoding: run, as: UTF8.self))
            } else {
                words.append(String(decoding: run.lazy.map(lower), as: UTF8.self))
            }
        }
        return words
    }

    /// Calls `body` with the FNV-1a hash of each word that `words(text)` gives, in order (`FNV1a.hash(word)`),
    /// without making a string for an ASCII word: the word indexes are built with it.
    public static func forEachWordHash(_ text: String, _ body: (UInt64) -> Void) {
        forEachRun(text) { run, nonASCII in
            if nonASCII {
                for word in foldedWords(String(decoding: run, as: UTF8.self)) { body(FNV1a.hash(word.utf8)) }
            } else {
                var h = FNV1a.basis
                for byte in run { h = FNV1a.combine(h, lower(byte)) }
                body(h)
            }
        }
    }

    /// The one split that `words` and `forEachWordHash` share: calls `body` with each run of ASCII letters and
    /// digits and non-ASCII bytes, as written, and whether it holds non-ASCII bytes.
    private static func forEachRun(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = -1  // start of the current run, -1 outside one
            var nonASCII = false
            for i in 0...bytes.count {
                let byte: UInt8 = i < bytes.count ? bytes[i] : 0x20
                switch byte {
                case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                    if start < 0 { start = i }
                case 0x80...:
                    if start < 0 { start = i }
                    nonASCII = true
                default:
                    if start >= 0 { body(UnsafeBufferPointer(rebasing: bytes[start..<i]), nonASCII) }
                    start = -1
                    nonASCII = false
                }
            }
        }
    }

    /// An ASCII capital lower-cased; any other byte as it is.
    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    /// The hashes `forEachWordHash` gives, as an array.
    public static func wordHashes(_ text: String) -> [UInt64] {
        var hashes: [UInt64] = []
        forEachWordHash(text) { hashes.append($0) }
        return hashes
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
// @unchecked Sendable: written once by the task, read only after DispatchGroup.wait() or concurrentPerform
// returns, either of which orders the write before the read.
final class Box<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}

/// Pre-sized result storage that parallel workers fill at distinct indices.
// @unchecked Sendable: every index is written by exactly one worker, and read only after
// concurrentPerform has returned, which orders the writes before the reads.
// The slots are raw memory, not an Array: `Array.withUnsafeMutableBufferPointer` swaps the array out of its
// property for the duration of the call, so two workers calling it at once on one array race (a use after
// free that AddressSanitizer caught in concurrentMap).
final class ResultSlots<R>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    func set(_ index: Int, _ value: R) {
        precondition(slots.indices.contains(index), "slot \(index) out of \(slots.count)")
        slots[index] = value
    }

    func values() -> [R] { slots.map { $0! } }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}
