import Foundation
import Testing
@testable import Model
@testable import Server

/// The per-snapshot encoded list items, the per-load `/stats` answer and the metrics counted by route index.
@Suite struct EncodedPagesTests {
    @Test func packedItemsAreTheBytesEachItemWritesItself() {
        let snapshot = TestCorpus.state().snapshot
        let pages = EncodedPages(snapshot)
        #expect(pages.articleSummaries.count == snapshot.articles.count)
        #expect(pages.speakers.count == snapshot.speakers.count)
        #expect(!snapshot.speakers.isEmpty)
        for i in 0..<snapshot.articles.count { #expect(Array(pages.articleSummaries[i]) == snapshot.articleSummaryJSON[i]) }
        for i in 0..<snapshot.speakers.count { #expect(Array(pages.speakers[i]) == snapshot.speakerJSON[i]) }
    }

    /// Pages made from the previous snapshot's (its article summaries copied for the articles carried, its unchanged
    /// speakers copied) are byte for byte those encoded afresh, with articles and speakers added, dropped and changed.
    @Test func pagesCopiedFromThePreviousSnapshotsAreThoseEncodedAfresh() {
        let articles = (0..<60).map { n in
            TestCorpus.article(id: "2021-0\(1 + n % 9)-\(10 + n % 17)-story-\(n)", date: "2021-0\(1 + n % 9)-\(10 + n % 17)",
                               title: "Story \(n) \"quoted\"", text: "Lead \(n).\n\nMore text.",
                               quotes: (0..<(n % 3)).map { k in ("Words \(k)", "Speaker \((n * 7 + k) % 11)", k == 0 ? "minister" : nil) })
        }
        let info = TestCorpus.state().snapshot.info
        let previous = CorpusSnapshot(articles: articles.enumerated().filter { $0.offset % 5 != 2 }.map(\.element), info: info)
        var next = articles.filter { !$0.id.hasSuffix("-story-7") }
        next[3] = TestCorpus.article(id: next[3].id, date: next[3].date, title: "Retitled", text: "Other lead.",
                                     quotes: [("New words", "Speaker 3", nil)])
        let snapshot = CorpusSnapshot(articles: next, info: info, previous: previous)
        let carried = try! #require(snapshot.carriedArticles(from: previous))
        #expect(carried.contains { $0 >= 0 } && carried.contains { $0 < 0 })
        let copied = EncodedPages(snapshot, previous: (previous, EncodedPages(previous)))
        let fresh = EncodedPages(snapshot)
        #expect(copied.articleSummaries.bytes == fresh.articleSummaries.bytes)
        #expect(copied.articleSummaries.starts == fresh.articleSummaries.starts)
        #expect(copied.speakers.bytes == fresh.speakers.bytes)
        #expect(copied.speakers.starts == fresh.speakers.starts)
        #expect(EncodedPages.sameSpeakers(snapshot.speakers, previous.speakers).contains { $0 >= 0 })
        // Pages of a snapshot not built from the one given are all encoded again, and still the same.
        let unrelated = EncodedPages(CorpusSnapshot(articles: next, info: info), previous: (previous, EncodedPages(previous)))
        #expect(unrelated.articleSummaries.bytes == fresh.articleSummaries.bytes)
        #expect(unrelated.speakers.bytes == fresh.speakers.bytes)
    }

    @Test(arguments: [
        "/speakers", "/speakers?limit=1&offset=1", "/speakers?q=a", "/speakers?format=ndjson", "/articles", "/articles?limit=2&offset=1",
        "/articles?sort=date", "/articles?format=ndjson&limit=2", "/articles/2020-10-11", "/articles/2020-10-11?limit=1&offset=1",
        "/articles?q=the", "/entities?limit=3",
    ])
    func pagesFromPackedItemsAreThoseWrittenItemByItem(uri: String) throws {
        let state = TestCorpus.state()
        let router = makeRouter(state: state, openAPI: TestCorpus.openAPI)
        let served = state.served
        let request = Request(method: .get, uri: uri)
        let packed = router.respond(to: RequestContext(request: request, snapshot: served.snapshot, pages: served.pages))
        let written = router.respond(to: RequestContext(request: request, snapshot: served.snapshot))
        let body = { (r: Response) -> [UInt8] in
            switch r.body {
            case .bytes(let b): return b
            case .stream(let s): return s.collect()
            }
        }
        // A stream is read once.
        let (packedBody, writtenBody) = (body(packed), body(written))
        #expect(packed.status == 200)
        #expect(packedBody == writtenBody, "\(uri)")
        #expect(!packedBody.isEmpty)
    }

    @Test func anEntitysArticlesComeFromPackedItemsUnchanged() throws {
        let state = TestCorpus.state()
        let router = makeRouter(state: state, openAPI: TestCorpus.openAPI)
        let served = state.served
        let id = try #require(served.snapshot.entities.first?.id)
        let request = Request(method: .get, uri: "/entities/\(id)")
        let packed = router.respond(to: RequestContext(request: request, snapshot: served.snapshot, pages: served.pages))
        let written = router.respond(to: RequestContext(request: request, snapshot: served.snapshot))
        #expect(packed.status == 200)
        #expect(packed.bytes == written.bytes)
    }

    @Test func aReloadServesTheNewSnapshotsItems() throws {
        let state = TestCorpus.state()
        let service = HTTPService(router: makeRouter(state: state, openAPI: TestCorpus.openAPI), state: state, gzip: Gzip.compress)
        #expect(try service.json("/articles").body["meta"].flatMap { ($0 as? [String: Any])?["total"] as? Int } == 3)
        state.replace(with: CorpusSnapshot(articles: Array(TestCorpus.articles.prefix(1)), info: state.snapshot.info))
        let after = try service.json("/articles").body
        #expect((after["meta"] as? [String: Any])?["total"] as? Int == 1)
        #expect((after["data"] as? [[String: Any]])?.first?["id"] as? String == TestCorpus.articles[0].id)
    }

    @Test func statsIsKeptForItsLoadAndNotAcrossLoads() throws {
        let state = TestCorpus.state()
        let service = HTTPService(router: makeRouter(state: state, openAPI: TestCorpus.openAPI), state: state, gzip: Gzip.compress)
        let cache = ResponseCache(capacity: 8)
        let request = Request(method: .get, uri: "/stats")
        let first = service.respond(to: request, cache: cache)
        let second = service.respond(to: request, cache: cache)
        #expect(second.bytes == first.bytes)
        #expect(second.headerBlock != nil, "the second answer is the one kept")
        #expect(second.header("cache-control") == "no-store" && second.header("etag") == nil)
        // The same files loaded again, slower: same content version, other load facts.
        var info = state.snapshot.info
        info.loadSeconds += 1
        state.replace(with: CorpusSnapshot(articles: TestCorpus.articles, info: info))
        #expect(state.snapshot.dataVersion == service.state.snapshot.dataVersion)
        let third = service.respond(to: request, cache: cache)
        #expect(third.bytes != first.bytes)
        let data = try JSONSerialization.jsonObject(with: Data(try #require(third.bytes))) as? [String: Any]
        #expect(((data?["data"] as? [String: Any])?["loadSeconds"] as? Double ?? 0) > 1.4)
        // No cache: the same body, written once a load.
        #expect(service.respond(to: request, cache: nil).bytes == third.bytes)
        #expect(service.respond(to: request, cache: ResponseCache(capacity: 0)).bytes == third.bytes)
    }

    @Test func metricsCountByRouteIndexAndRenderByPattern() {
        let metrics = Metrics(shards: 2)
        metrics.record(route: "/articles", index: 0, status: 200, seconds: 0.0001, shard: 0)
        metrics.record(route: "/articles", index: 0, status: 200, seconds: 0.003, shard: 1)
        metrics.record(route: "/articles", index: 0, status: 400, seconds: 0.003, shard: 1)
        metrics.record(route: "/quotes", index: 5, status: 200, seconds: 2, shard: 0)
        metrics.record(route: "unmatched", status: 404, seconds: 0.0001, shard: 1)
        let text = metrics.render(gauges: [])
        #expect(text.contains("newsdesk_requests_total{route=\"/articles\",status=\"200\"} 2\n"))
        #expect(text.contains("newsdesk_requests_total{route=\"/articles\",status=\"400\"} 1\n"))
        #expect(text.contains("newsdesk_requests_total{route=\"/quotes\",status=\"200\"} 1\n"))
        #expect(text.contains("newsdesk_requests_total{route=\"unmatched\",status=\"404\"} 1\n"))
        #expect(text.contains("newsdesk_request_duration_seconds_bucket{le=\"0.0001\"} 2\n"))
        #expect(text.contains("newsdesk_request_duration_seconds_bucket{le=\"0.005\"} 4\n"))
        #expect(text.contains("newsdesk_request_duration_seconds_bucket{le=\"1.0\"} 4\n"))
        #expect(text.contains("newsdesk_request_duration_seconds_bucket{le=\"+Inf\"} 5\n"))
    }

    @Test func cacheKeysTellTargetsAndVariantsApart() {
        let a = ResponseCache.Key(target: "/quotes?speaker=a", variant: 0)
        #expect(a == ResponseCache.Key(target: "/quotes?speaker=a", variant: 0))
        #expect(a.hash == ResponseCache.Key(target: "/quotes?speaker=a", variant: 0).hash)
        #expect(a != ResponseCache.Key(target: "/quotes?speaker=a", variant: 1))
        #expect(a != ResponseCache.Key(target: "/quotes?speaker=b", variant: 0))
        var keys = Set<ResponseCache.Key>()
        for i in 0..<2000 { keys.insert(ResponseCache.Key(target: "/articles?offset=\(i)", variant: UInt8(i % 4))) }
        #expect(keys.count == 2000)
        #expect(keys.contains(ResponseCache.Key(target: "/articles?offset=1999", variant: 3)))
        #expect(!keys.contains(ResponseCache.Key(target: "/articles?offset=1999", variant: 2)))
    }
}
