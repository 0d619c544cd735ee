/// The articles, newest first, with what is indexed by article: id lookup, the word index and the corpus content
/// hash.
struct ArticleTable: Sendable {
    /// Articles, newest first (date descending, then id).
    let articles: [Article]
    /// Article position by id.
    let index: [String: Int32]
    /// Folded words of titles and text -> article positions.
    let words: WordIndex
    /// FNV-1a of each article's id and text.
    let hashes: [UInt64]
    /// FNV-1a of every article's hash, in order, as hex: the corpus content hash.
    let dataVersion: String

    /// Builds the table over `articles`, already newest first. With `previous` (the last snapshot and which of
    /// its articles each of these is, or -1), an article found there takes its hash and words from
    /// it instead of reading its text again; the table is the same as one built afresh.
    init(sorted articles: [Article], previous: (snapshot: CorpusSnapshot, carry: SnapshotCarry)? = nil) {
        let words = previous.map { Self.remappedWords(articles, previous: $0) }
            ?? WordIndex(count: articles.count) { i, add in Self.visitWords(articles[i], add) }
        self.init(sorted: articles, hashes: Self.hashes(articles, previous: previous), words: words)
    }

    /// The table from parts built beside it: `hashes` from `hashes(_:previous:)` and `words` from the articles'
    /// titles and texts (`visitWords`, or `remappedWords` on a reload), over the same articles in the same order.
    init(sorted articles: [Article], hashes: [UInt64], words: WordIndex) {
        precondition(hashes.count == articles.count, "one hash an article")
        self.articles = articles
        self.hashes = hashes
        self.words = words
        var index: [String: Int32] = [:]
        index.reserveCapacity(articles.count)
        var hasher = FNV1a()
        for (i, a) in articles.enumerated() {
            index[a.id] = Int32(i)
            withUnsafeBytes(of: hashes[i].littleEndian) { hasher.combine(bytes: $0) }
        }
        self.index = index
        dataVersion = String(hasher.value, radix: 16)
    }

    /// FNV-1a of each article's id and text; an article `previous` held takes its hash from there.
    static func hashes(_ articles: [Article], previous: (snapshot: CorpusSnapshot, carry: SnapshotCarry)?) -> [UInt64] {
        let newToOld = previous?.carry.newToOld
        return concurrentMap(Array(articles.indices)) { i in
            if let newToOld, newToOld[i] >= 0, let old = previous?.snapshot { return old.articleHashes[Int(newToOld[i])] }
            var hasher = FNV1a()
            hasher.combine(articles[i].id)
            hasher.combine(articles[i].text)
            return hasher.value
        }
    }

    /// Calls `add` with the hash of each search word of an article: its title's, then its text's.
    static func visitWords(_ article: Article, _ add: (UInt64) -> Void) {
        TextTokens.forEachWordHash(article.title, add)
        TextTokens.forEachWordHash(article.text, add)
    }

    /// The word index of a reload: the previous snapshot's, remapped, with the new articles' words added.
    static func remappedWords(_ articles: [Article], previous: (snapshot: CorpusSnapshot, carry: SnapshotCarry)) -> WordIndex {
        WordIndex(remapping: previous.snapshot.wordIndex, oldToNew: previous.carry.oldToNew, fresh: previous.carry.fresh) { i in
            TextTokens.wordHashes(articles[i].title) + TextTokens.wordHashes(articles[i].text)
        }
    }
}

/// Which articles of a new snapshot the previous one already held: a reload's new list keeps the old articles
/// it still has in the same relative order (both lists are sorted the same way), so every per-article part
/// (hashes, postings) of those is carried over by position.
struct SnapshotCarry: Sendable {
    /// For each new position, the old one, or -1 for an article the previous snapshot did not hold.
    let newToOld: [Int32]
    /// For each old position, the new one, or -1 for an article dropped.
    let oldToNew: [Int32]
    /// New positions of articles not carried, ascending.
    let fresh: [Int]
    /// The same three for the flat quote list.
    let quoteNewToOld: [Int32], quoteOldToNew: [Int32], quoteFresh: [Int]

    /// The carry of `articles` (newest first) from `previous`, from the match `CorpusSnapshot.sortedCarrying` made:
    /// `newToOld` gives, for each article, the position in `previous` of the same article (`same`) or -1,
    /// ascending where not -1.
    init(articles: [Article], previous: CorpusSnapshot, newToOld: [Int32]) {
        precondition(newToOld.count == articles.count, "one position an article")
        var oldToNew = [Int32](repeating: -1, count: previous.articles.count)
        var fresh: [Int] = []
        var last: Int32 = -1
        for (i, j) in newToOld.enumerated() {
            if j >= 0 {
                precondition(j > last, "carried articles keep their order")
                oldToNew[Int(j)] = Int32(i)
                last = j
            } else {
                fresh.append(i)
            }
        }
        self.newToOld = newToOld
        self.oldToNew = oldToNew
        self.fresh = fresh
        // Quotes lie in article order: an article's quotes keep their order inside it.
        var oldQuoteStart = [Int32](repeating: 0, count: previous.articles.count + 1)
        for a in previous.quoteArticle { oldQuoteStart[Int(a) + 1] += 1 }
        for j in 0..<previous.articles.count { oldQuoteStart[j + 1] += oldQuoteStart[j] }
        var quoteNewToOld: [Int32] = [], quoteFresh: [Int] = []
        var quoteOldToNew = [Int32](repeating: -1, count: previous.quotes.count)
        for (i, a) in articles.enumerated() {
            for k in 0..<a.quotes.count {
                let q = quoteNewToOld.count
                if newToOld[i] >= 0 {
                    let old = oldQuoteStart[Int(newToOld[i])] + Int32(k)
                    quoteNewToOld.append(old)
                    quoteOldToNew[Int(old)] = Int32(q)
                } else {
                    quoteNewToOld.append(-1)
                    quoteFresh.append(q)
                }
            }
        }
        self.quoteNewToOld = quoteNewToOld
        self.quoteOldToNew = quoteOldToNew
        self.quoteFresh = quoteFresh
    }

    /// Whether two articles agree in everything a snapshot's per-article parts are made of (a figure's event,
    /// which clustering sets on the whole corpus, aside).
    static func same(_ a: Article, _ b: Article) -> Bool {
        // A reload's unchanged article is the previous snapshot's value, fields shared (unless clustering set an
        // event on one of its figures since).
        a.sharesStorage(with: b) || a.id == b.id && a.date == b.date && a.title == b.title && a.summary == b.summary && a.source == b.source
            && a.wordCount == b.wordCount && a.counts == b.counts && a.text == b.text && a.related == b.related
            && a.quotes == b.quotes && a.entityList == b.entityList && a.casualties.count == b.casualties.count
            && zip(a.casualties, b.casualties).allSatisfy { x, y in
                var y = y
                y.eventId = x.eventId
                return x == y
            }
    }
}
