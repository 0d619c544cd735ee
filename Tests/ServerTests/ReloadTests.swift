import Foundation
import Logging
import Testing
@testable import Model
@testable import Server

/// Reloads: what a SIGHUP does to the served snapshot, the caches and memory (issue 9, items 5 and 7).
@Suite struct ReloadTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let extractors: Extractors = {
        do { return try Extractors(configDirectory: repository.appendingPathComponent("config")) } catch {
            fatalError("config/ does not load: \(error)")
        }
    }()
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    static func snapshot(loadedAt: Date) -> CorpusSnapshot {
        CorpusSnapshot(articles: TestCorpus.articles, info: .init(
            loadedAt: loadedAt, loadSeconds: 0.5, textBytes: 100, failures: [], directory: "test"))
    }

    static func loadedAt(_ response: Response) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(response.bytes ?? [])) as? [String: Any]
        return try #require((object?["data"] as? [String: Any])?["loadedAt"] as? String)
    }

    @Test func statsIsFreshAfterAReloadOfAnUnchangedCorpus() throws {
        let state = ServerState(configuration: Configuration(), snapshot: Self.snapshot(loadedAt: Date(timeIntervalSince1970: 0)))
        let service = HTTPService(router: makeRouter(state: state, openAPI: TestCorpus.openAPI), state: state, gzip: Gzip.compress)
        let cache = ResponseCache(capacity: 8)
        let request = Request(method: .get, uri: "/stats")
        let before = service.respond(to: request, cache: cache)
        #expect(try Self.loadedAt(before) == "1970-01-01T00:00:00Z")
        #expect(before.header("cache-control") == "no-store")
        let reloaded = Self.snapshot(loadedAt: Date(timeIntervalSince1970: 86400))
        #expect(reloaded.dataVersion == state.snapshot.dataVersion)  // same files, same content hash
        state.replace(with: reloaded)
        #expect(try Self.loadedAt(service.respond(to: request, cache: cache)) == "1970-01-02T00:00:00Z")
    }

    @Test func aCacheDropsItsAnswersWhenTheCorpusChanges() {
        let service = TestCorpus.service()
        let cache = ResponseCache(capacity: 8)
        let request = Request(method: .get, uri: "/articles?limit=2")
        _ = service.respond(to: request, cache: cache)
        let key = ResponseCacheMiddleware.key(for: request)
        let version = service.state.snapshot.dataVersion
        #expect(cache.lookup(key, version: version) != nil)
        #expect(cache.lookup(key, version: "new corpus") == nil)
        // The old answers are gone, not only hidden: the memory goes with the old snapshot's.
        #expect(cache.lookup(key, version: version) == nil)
    }

    static func reloader(_ state: ServerState) -> Reloader {
        var configuration = Configuration()
        configuration.dataDirectory = repository.appendingPathComponent("corpus/sample").path
        return Reloader(configuration: configuration, extractors: extractors, state: state, logger: quiet, drainSeconds: 5)
    }

    static func waitIdle(_ reloader: Reloader) async throws {
        let deadline = Date().addingTimeInterval(120)
        while reloader.isBusy && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!reloader.isBusy)
    }

    @Test func aSighupDuringAReloadIsQueuedNotDropped() async throws {
        let state = ServerState(configuration: Configuration(), snapshot: Self.snapshot(loadedAt: Date(timeIntervalSince1970: 0)))
        let reloader = Self.reloader(state)
        reloader.start()
        reloader.start()  // queued
        reloader.start()  // the same queued reload
        try await Self.waitIdle(reloader)
        #expect(reloader.completedReloads == 2)
        #expect(state.snapshot.articles.first?.id == "2020-10-12-azerbaijan-and-armenia-are-fighting")
    }

    @Test func theOldSnapshotIsReleasedAfterAReload() async throws {
        var first: CorpusSnapshot? = Self.snapshot(loadedAt: Date(timeIntervalSince1970: 0))
        weak let old = first
        let state = ServerState(configuration: Configuration(), snapshot: first!)
        first = nil
        // Requests answered and cached before the reload must not keep the old snapshot alive.
        let service = HTTPService(router: makeRouter(state: state, openAPI: TestCorpus.openAPI), state: state, gzip: Gzip.compress)
        let cache = ResponseCache(capacity: 8)
        for uri in ["/articles", "/quotes?format=ndjson", "/entities", "/casualties/summary", "/stats"] {
            _ = service.respond(to: Request(method: .get, uri: uri), cache: cache)
        }
        #expect(old != nil)
        let reloader = Self.reloader(state)
        reloader.start()
        try await Self.waitIdle(reloader)
        #expect(reloader.completedReloads == 1)
        #expect(old == nil)
    }
}
