import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Model

/// Incremental reloads (issue 10): a load that reuses the previous load's unchanged files gives exactly what a
/// fresh load of the same folder gives (articles, ids, extractions, failures, data version), and reads only
/// new and changed files.
@Suite struct IncrementalLoadTests {
    static let loader = CorpusLoader(extractors: Extractors(lexicon: Fixtures.lexicon), concurrency: 2)

    /// A fresh folder holding the loader fixtures (good and bad files, index.tsv) and a few articles with
    /// quotes and figures.
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("incremental-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.filesDirectory.appendingPathComponent("corpus"), to: dir)
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("corpus/sample/000_53270147d5724fcb.txt"),
                                         to: dir.appendingPathComponent("sample.txt"))
        try write(storm, "storm.txt", in: dir)
        try write("date 2021-03-11 Fire destroys a warehouse.\n\n“It went up in minutes,” said fire chief Anna Berg.\n", "fire.txt", in: dir)
        try write("date 2021-03-12 Talks resume in Geneva.\n\nTwo soldiers were wounded near the border, officials said.\n", "talks.txt", in: dir)
        return dir
    }

    static let storm = "date 2021-03-10 Storm hits the coast.\n\n“We are ready,” the mayor, John Smith, said.\n\n"
        + "Three people were killed in the storm in Valencia.\n"

    static func write(_ text: String, _ name: String, in dir: URL) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
    }

    static let info = CorpusSnapshot.LoadInfo(loadedAt: Date(timeIntervalSince1970: 0), loadSeconds: 0, textBytes: 0,
                                              failures: [], directory: "")

    /// Checks that `incremental` is what a fresh load of `dir` gives, down to the snapshot's JSON and version,
    /// and that a snapshot built from it with `previous` lending its parts is the one built afresh. Returns
    /// that snapshot, to lend to the next.
    @discardableResult
    static func expectSameAsFresh(_ incremental: CorpusLoader.Result, _ dir: URL, previous: CorpusSnapshot?) throws -> CorpusSnapshot {
        let carried = CorpusSnapshot(articles: incremental.articles, info: info, previous: previous)
        try expectSameAsFresh(incremental, dir, carried: carried)
        return carried
    }

    static func expectSameAsFresh(_ incremental: CorpusLoader.Result, _ dir: URL, carried: CorpusSnapshot) throws {
        let fresh = try loader.load(directory: dir)
        #expect(incremental.articles.map(\.id) == fresh.articles.map(\.id))
        #expect(incremental.articles == fresh.articles)
        #expect(incremental.failures == fresh.failures)
        #expect(incremental.bytes == fresh.bytes)
        let b = CorpusSnapshot(articles: fresh.articles, info: info)
        for a in [CorpusSnapshot(articles: incremental.articles, info: info), carried] {
            #expect(a.dataVersion == b.dataVersion)
            #expect(a.articleHashes == b.articleHashes)
            #expect(a.articleSummaryJSON == b.articleSummaryJSON)
            #expect(a.quoteJSON == b.quoteJSON)
            #expect(a.casualtyJSON == b.casualtyJSON)
            #expect(a.entityJSON == b.entityJSON)
            #expect(a.speakerJSON == b.speakerJSON)
            #expect(a.entities == b.entities)
            #expect(a.entityArticles == b.entityArticles)
            // Events, clustered from the incidents a reload takes over for the articles it carries.
            #expect(!b.events.events.isEmpty)
            #expect(a.events.eventJSON == b.events.eventJSON)
            #expect(a.events.events.map(\.figures) == b.events.events.map(\.figures))
            #expect(a.events.figureEvent == b.events.figureEvent)
            for e in a.entities.indices {
                #expect(a.companions(of: Int32(e), limit: 10).map(\.entity) == b.companions(of: Int32(e), limit: 10).map(\.entity))
            }
            // Every word of the old and new texts finds the same articles and quotes.
            var words = Set<String>(), quoteWords = Set<String>(), speakerWords = Set<String>()
            for article in incremental.articles + fresh.articles + carried.articles {
                words.formUnion(TextTokens.words(article.title) + TextTokens.words(article.text))
                for q in article.quotes {
                    quoteWords.formUnion(TextTokens.words(q.text))
                    speakerWords.formUnion(q.speaker.map { TextTokens.words($0.name) } ?? [])
                }
            }
            for w in words { #expect(Array(a.wordIndex[word: w]) == Array(b.wordIndex[word: w]), "word \(w)") }
            for w in quoteWords { #expect(Array(a.quoteWordIndex[word: w]) == Array(b.quoteWordIndex[word: w]), "quote word \(w)") }
            for w in speakerWords { #expect(Array(a.speakerTokenIndex[w]) == Array(b.speakerTokenIndex[w]), "speaker word \(w)") }
        }
    }

    @Test func aReloadReadsOnlyWhatChangedAndEqualsAFreshLoad() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let incremental = IncrementalLoader(Self.loader)
        let first = try incremental.load(directory: dir)
        #expect(first.filesReused == 0 && first.articlesReused == 0)
        #expect(first.articlesBuilt == first.articles.count)
        var snapshot = try Self.expectSameAsFresh(first, dir, previous: nil)

        // Nothing changed: nothing is extracted again (files written this second are hashed, not re-parsed).
        let same = try incremental.load(directory: dir)
        #expect(same.filesRead == 0)
        #expect(same.articlesBuilt == 0 && same.articlesReused == first.articles.count)
        snapshot = try Self.expectSameAsFresh(same, dir, previous: snapshot)

        // Added, modified, removed; a new file whose title takes the id of an unchanged one (it comes first in
        // path order, so the unchanged article becomes `-2` and its quote and figure ids follow); index.tsv
        // retitles another unchanged article.
        // The quake names places the sample article named (newer than it: their figures add up); the old report
        // names one older than every article that names it (gathered again).
        try Self.write("date 2021-03-13 Quake shakes Ganja.\n\nAt least 12 people were killed in Ganja, Azerbaijan, rescuers said.\n",
                       "quake.txt", in: dir)
        try Self.write("date 2019-01-02 Talks in Moscow.\n\nArmenia and Russia met in Moscow on Tuesday.\n", "old.txt", in: dir)
        try Self.write("date 2021-03-11 Fire destroys two warehouses.\n\n“It went up in minutes,” said fire chief Anna Berg.\n\n"
            + "Four firefighters were injured.\n", "fire.txt", in: dir)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("talks.txt"))
        try Self.write("date 2021-03-10 Storm hits the coast. No one was hurt this time.\n", "a-storm.txt", in: dir)
        try Self.write("file\ttitle\toutlet\nplain.txt\tValley floods worsen\tValley Times\n", "index.tsv", in: dir)
        let changed = try incremental.load(directory: dir)
        #expect(changed.filesRead == 4)  // quake, old, fire, a-storm
        #expect(changed.articlesBuilt == 6)  // those four, the storm's new id, the retitled plain.txt
        #expect(changed.articlesReused == changed.articles.count - 6)
        snapshot = try Self.expectSameAsFresh(changed, dir, previous: snapshot)
        let storm = try #require(changed.articles.first { $0.source.file == "storm.txt" })
        #expect(storm.id == "2021-03-10-storm-hits-the-coast-2")
        #expect(!storm.quotes.isEmpty && storm.quotes.allSatisfy { $0.id.hasPrefix(storm.id + "-q") })
        #expect(!storm.casualties.isEmpty && storm.casualties.allSatisfy { $0.id.hasPrefix(storm.id + "-c") })
        #expect(!changed.articles.contains { $0.source.file == "talks.txt" })
        #expect(changed.articles.first { $0.source.file == "plain.txt" }?.title == "Valley floods worsen")
        #expect(changed.articles.first { $0.source.file == "quake.txt" }?.entities.map(\.id).contains("ganja") == true)
        #expect(changed.articles.first { $0.source.file == "old.txt" }?.entities.map(\.id).contains("moscow") == true)

        // And back: the removed colliding file gives the storm its id again (index.tsv is unchanged: the other
        // articles keep their titles and id bases from the last load, and only the storm is built again).
        try FileManager.default.removeItem(at: dir.appendingPathComponent("a-storm.txt"))
        let back = try incremental.load(directory: dir)
        #expect(back.filesRead == 0 && back.articlesBuilt == 1)
        snapshot = try Self.expectSameAsFresh(back, dir, previous: snapshot)
        #expect(back.articles.first { $0.source.file == "storm.txt" }?.id == "2021-03-10-storm-hits-the-coast")

        // index.tsv gone: plain.txt takes its own title again, and its id with it; nothing else is built.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("index.tsv"))
        let untitled = try incremental.load(directory: dir)
        #expect(untitled.filesRead == 0 && untitled.articlesBuilt == 1)
        #expect(untitled.articles.first { $0.source.file == "plain.txt" }?.title != "Valley floods worsen")
        snapshot = try Self.expectSameAsFresh(untitled, dir, previous: snapshot)

        // A file last in path order takes the ids the last load gave the articles before it and goes on from
        // there: its title collides with the storm's, which keeps its id, and it gets `-2`.
        try Self.write("date 2021-03-10 Storm hits the coast.\n\nThe storm moved north overnight.\n", "z-storm.txt", in: dir)
        let appended = try incremental.load(directory: dir)
        #expect(appended.filesRead == 1 && appended.articlesBuilt == 1)
        #expect(appended.articles.first { $0.source.file == "z-storm.txt" }?.id == "2021-03-10-storm-hits-the-coast-2")
        #expect(appended.articles.first { $0.source.file == "storm.txt" }?.id == "2021-03-10-storm-hits-the-coast")
        snapshot = try Self.expectSameAsFresh(appended, dir, previous: snapshot)

        // Removed again, with one added before it: the ids after the first difference are allocated anew.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("z-storm.txt"))
        try Self.write("date 2021-03-10 Storm hits the coast.\n\nA second report.\n", "b-storm.txt", in: dir)
        let moved = try incremental.load(directory: dir)
        #expect(moved.filesRead == 1)
        #expect(moved.articles.first { $0.source.file == "b-storm.txt" }?.id == "2021-03-10-storm-hits-the-coast")
        #expect(moved.articles.first { $0.source.file == "storm.txt" }?.id == "2021-03-10-storm-hits-the-coast-2")
        try Self.expectSameAsFresh(moved, dir, previous: snapshot)
    }

    /// A snapshot built with a previous one lending its parts equals one built afresh, over the generated corpus
    /// of `SnapshotIndexTests` with a seventh of it new, and with articles that list an entity twice (every entry
    /// counts, as the fresh gathering counts it).
    @Test func aCarriedSnapshotEqualsAFreshOneOverAGeneratedCorpus() {
        var articles = SnapshotIndexTests.articles
        for i in stride(from: 0, to: articles.count, by: 10) where !articles[i].entities.isEmpty {
            var twice = articles[i].entities[0]
            twice.mentions += 2
            articles[i].entities.append(twice)
        }
        let previous = CorpusSnapshot(articles: articles.enumerated().filter { $0.offset % 7 != 3 }.map(\.element), info: Self.info)
        let carried = CorpusSnapshot(articles: articles, info: Self.info, previous: previous)
        let fresh = CorpusSnapshot(articles: articles, info: Self.info)
        #expect(carried.entities == fresh.entities)
        #expect(carried.entityArticles == fresh.entityArticles)
        #expect(carried.entityJSON == fresh.entityJSON)
        #expect(carried.speakerJSON == fresh.speakerJSON)
        #expect(carried.quoteJSON == fresh.quoteJSON)
        #expect(carried.casualtyJSON == fresh.casualtyJSON)
        #expect(carried.dataVersion == fresh.dataVersion)
        for e in fresh.entities.indices {
            #expect(carried.companions(of: Int32(e), limit: 10).map { "\($0.entity):\($0.articles)" }
                    == fresh.companions(of: Int32(e), limit: 10).map { "\($0.entity):\($0.articles)" })
        }
    }

    /// Articles over a couple of thousand entities, a few in many articles and most in a few (a skewed pick), two of
    /// which share a name, quoting a few dozen people: a reload that adds or drops a few articles leaves most
    /// entities untouched, so their order and companions are taken over.
    static func wideCorpus(_ count: Int, seed: UInt64) -> [Article] {
        var rng = SplitMix(seed: seed)
        var result: [Article] = []
        for n in 0..<count {
            let date = String(format: "2020-%02d-%02d", 1 + rng.next(12), 1 + rng.next(28))
            let id = "\(date)-wide-\(n)"
            var entities: [ArticleEntity] = []
            var used = Set<String>()
            for _ in 0..<(3 + rng.next(6)) {
                let k = rng.next(1 + rng.next(2000))
                let (entityId, name) = k == 1 ? ("georgia-person", "Georgia") : k == 2 ? ("georgia", "Georgia") : ("entity-\(k)", "Entity \(k)")
                guard used.insert(entityId).inserted else { continue }
                entities.append(ArticleEntity(
                    id: entityId, name: rng.next(7) == 0 ? name.uppercased() : name, type: k % 3 == 0 ? .location : .person,
                    subtype: k % 6 == 0 ? "city" : nil, countryCode: nil, aliases: rng.next(9) == 0 ? ["E\(k)"] : [],
                    mentions: 1 + rng.next(3), mentionSpans: []))
            }
            let quotes = (0..<rng.next(3)).map { q in
                Quote(id: "\(id)-q\(q)", articleId: id, date: date, text: "Words \(rng.next(50))",
                      speaker: Speaker(name: "Speaker \(rng.next(1 + rng.next(40)))", role: rng.next(3) == 0 ? "minister" : nil),
                      cue: "said", paragraph: 0, span: TextSpan(start: 0, end: 1))
            }
            result.append(Article(
                id: id, date: date, title: "Wide story \(n)", summary: "s", source: ArticleSource(file: "\(n).txt"), wordCount: 3,
                counts: ArticleCounts(quotes: quotes.count, entities: entities.count, casualties: 0),
                text: "Text \(n) of \(rng.next(20)).", related: [], quotes: quotes, entities: entities, casualties: []))
        }
        return result
    }

    /// Everything of the entity table and the lists a reload builds by merging, compared whole.
    static func expectSameEntitiesAndOrder(_ a: CorpusSnapshot, _ b: CorpusSnapshot) {
        #expect(a.articles.map(\.id) == b.articles.map(\.id))
        #expect(a.articleSummaryJSON == b.articleSummaryJSON)
        #expect(a.dataVersion == b.dataVersion)
        #expect(a.entities == b.entities)
        #expect(a.entityIndex == b.entityIndex)
        #expect(a.entityArticles == b.entityArticles)
        #expect(a.entityJSON == b.entityJSON)
        #expect(a.speakerJSON == b.speakerJSON)
        let (x, y) = (a.entityTable, b.entityTable)
        #expect(x.names.map { "\($0.name) \($0.entity)" } == y.names.map { "\($0.name) \($0.entity)" })
        #expect(x.byName == y.byName && x.nameRank == y.nameRank)
        #expect(x.byType == y.byType && x.bySubtype == y.bySubtype && x.byTypeByName == y.byTypeByName)
        for e in b.entities.indices {
            #expect(a.companions(of: Int32(e), limit: 10).map { "\($0.entity):\($0.articles)" }
                    == b.companions(of: Int32(e), limit: 10).map { "\($0.entity):\($0.articles)" }, "entity \(b.entities[e].id)")
        }
    }

    /// A reload that adds, drops and changes a few articles of a corpus of many entities sorts only the entities
    /// it touches and counts only their companions (and those of entities whose companions could change with
    /// positions), and gives the snapshot built afresh; so does a reload of that reload.
    @Test func aReloadTouchingFewEntitiesTakesTheOthersOverAndEqualsAFreshSnapshot() throws {
        let all = Self.wideCorpus(1200, seed: 7)
        // The first load lacks the last three articles; the reload adds them, drops two and changes one.
        let first = CorpusSnapshot(articles: Array(all.prefix(1197)), info: Self.info)
        var changed = all
        changed.remove(at: 40)
        changed.remove(at: 10)
        var retold = changed[20]
        retold.entities = Array(retold.entities.reversed().dropFirst())
        retold.counts = ArticleCounts(quotes: retold.quotes.count, entities: retold.entities.count, casualties: 0)
        changed[20] = retold
        let reloaded = CorpusSnapshot(articles: changed, info: Self.info, previous: first)
        let fresh = CorpusSnapshot(articles: changed, info: Self.info)
        Self.expectSameEntitiesAndOrder(reloaded, fresh)
        #expect(fresh.entities.count > 1000)
        #expect(fresh.entityTable.companionsCounted == fresh.entities.count)
        #expect(reloaded.entityTable.companionsCounted > 0)
        #expect(reloaded.entityTable.companionsCounted < fresh.entities.count * 3 / 4, "a good part of the companions taken over")
        #expect(reloaded.carriedArticles(from: first)?.filter { $0 < 0 }.count == 4)  // three new, one changed
        #expect(reloaded.carriedArticles(from: fresh) == nil)
        // Back to the whole corpus, from the reload: the parts it took over or counted are carried again.
        let again = CorpusSnapshot(articles: Array(all.reversed()), info: Self.info, previous: reloaded)
        Self.expectSameEntitiesAndOrder(again, CorpusSnapshot(articles: all, info: Self.info))
        #expect(again.entityTable.companionsCounted < fresh.entities.count * 3 / 4)
    }

    /// A rewrite that keeps size, inode and modification time (a write within one clock tick of the read)
    /// is caught by the content hash kept for files modified that close to their read.
    @Test func aSameStampRewriteIsCaughtByTheContentHash() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("storm.txt").path
        // A modification time ahead of the clock is recent however long the first load takes on a busy
        // machine (written just before the read, it could fall out of the 2 s window): the loader hashes it.
        let ahead = timespec(tv_sec: time(nil) + 60, tv_nsec: 0)
        var stamps = [ahead, ahead]
        #expect(utimensat(AT_FDCWD, path, &stamps, 0) == 0)
        let incremental = IncrementalLoader(Self.loader)
        let first = CorpusSnapshot(articles: try incremental.load(directory: dir).articles, info: Self.info)
        var before = stat()
        #expect(stat(path, &before) == 0)
        let rewritten = Self.storm.replacingOccurrences(of: "Three", with: "Eight")
        #expect(rewritten.utf8.count == Self.storm.utf8.count)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data(rewritten.utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var after = stat()
        #expect(stat(path, &after) == 0)
        #expect(FileStamp(after) == FileStamp(before))

        let reloaded = try incremental.load(directory: dir)
        #expect(reloaded.filesRead == 1 && reloaded.articlesBuilt == 1)
        let storm = try #require(reloaded.articles.first { $0.source.file == "storm.txt" })
        #expect(storm.casualties.first?.sentence.hasPrefix("Eight") == true)
        try Self.expectSameAsFresh(reloaded, dir, previous: first)
    }
}

/// A posting index carried over to a new list: dropped items leave every list, new items join in order, new keys
/// appear, and a key left with nothing answers empty, as an index built afresh does.
@Suite struct PostingIndexRemapTests {
    @Test func remappingEqualsBuildingAfresh() {
        let old: [[String]] = [["a", "b"], ["b", "c"], ["a"], ["c", "d"], ["d"]]
        // Keep 0, 2, 3 at new positions 1, 2, 4; new items at 0 and 3.
        let oldToNew: [Int32] = [1, -1, 2, 4, -1]
        let new: [[String]] = [["b", "e"], ["a", "b"], ["a"], ["a", "e", "e"], ["c", "d"]]
        let before = PostingIndex(count: old.count) { old[$0] }
        let carried = PostingIndex(remapping: before, oldToNew: oldToNew, fresh: [0, 3]) { new[$0] }
        let fresh = PostingIndex(count: new.count) { new[$0] }
        for key in ["a", "b", "c", "d", "e", "f"] {
            #expect(Array(carried[key]) == Array(fresh[key]), "key \(key)")
        }
        #expect(Array(carried["a"]) == [1, 2, 3])
        #expect(Array(carried["e"]) == [0, 3])
        #expect(carried["f"].isEmpty)
    }
}
