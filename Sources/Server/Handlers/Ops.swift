import Foundation
import Model
import Synchronization

/// `/stats`, `/healthz`, `/metrics`, `/openapi.json`.
enum OpsHandlers {
    /// Registers the routes.
    static func register(_ router: inout Router, state: ServerState, openAPI: [UInt8]) {
        router.get("/healthz", summary: "health: ok once serving, 503 draining after SIGTERM or SIGINT") { _ in
            guard state.isDraining else {
                var response = Response.json(Array(#"{"status":"ok"}"#.utf8))
                response.cacheable = false
                return response
            }
            // A load balancer takes 503 as "send elsewhere" while the requests in flight finish.
            var response = Response.json(Array(#"{"status":"draining"}"#.utf8), status: 503)
            response.headers.append(("Cache-Control", "no-store"))
            response.cacheable = false
            return response
        }
        let stats = StatsBody()
        router.get("/stats", summary: "corpus figures") { c in
            // Not cacheable (no ETag, `no-store`): the response cache is keyed on the corpus content, and a reload
            // of unchanged files keeps it while `loadedAt` and `loadSeconds` change. Everything in it is a fact of
            // the load, so the body is written once a load and each thread keeps the answer while that load is
            // current (`perLoad`).
            var response = Response.json(stats.bytes(for: c.snapshot))
            response.cacheable = false
            response.perLoad = true
            return response
        }
        router.get("/metrics", summary: "Prometheus metrics") { c in
            let s = c.snapshot
            let text = state.metrics.render(gauges: [
                ("newsdesk_corpus_articles", "Articles loaded.", Double(s.articles.count)),
                ("newsdesk_corpus_quotes", "Quotes extracted.", Double(s.quotes.count)),
                ("newsdesk_corpus_entities", "Distinct entities.", Double(s.entities.count)),
                ("newsdesk_corpus_casualties", "Casualty figures extracted.", Double(s.casualties.count)),
                ("newsdesk_corpus_events", "Cross-article events.", Double(s.events.events.count)),
                ("newsdesk_corpus_text_bytes", "Bytes of article text.", Double(s.info.textBytes)),
                ("newsdesk_corpus_skipped_files", "Files skipped at load.", Double(s.info.failures.count)),
                ("newsdesk_load_seconds", "Seconds the last corpus load took.", s.loadSeconds),
                ("newsdesk_uptime_seconds", "Seconds since the server started.", Date().timeIntervalSince(state.startedAt)),
            ])
            var response = Response.content(Array(text.utf8), type: "text/plain; version=0.0.4; charset=utf-8")
            response.cacheable = false
            return response
        }
        router.get("/openapi.json", summary: "this API as OpenAPI 3.1") { _ in
            .json(openAPI)
        }
    }
}

/// The `/stats` body of the current load, written once a load.
final class StatsBody: Sendable {
    private let last = Mutex<(stamp: LoadStamp, bytes: [UInt8])?>(nil)

    /// The body for `snapshot`: the one kept when it is of the same load, else written and kept.
    func bytes(for snapshot: CorpusSnapshot) -> [UInt8] {
        let stamp = LoadStamp(snapshot)
        if let kept = last.withLock({ $0 }), kept.stamp == stamp { return kept.bytes }
        let bytes = Self.write(snapshot)
        last.withLock { $0 = (stamp, bytes) }
        return bytes
    }

    /// `{"data": {...}}` for `s`.
    static func write(_ s: CorpusSnapshot) -> [UInt8] {
        var w = JSONWriter(capacity: 1024)
        w.beginObject()
        w.key("data")
        w.beginObject()
        w.key("articles"); w.int(s.articles.count)
        w.key("quotes"); w.int(s.quotes.count)
        w.key("entities"); w.int(s.entities.count)
        w.key("casualties"); w.int(s.casualties.count)
        w.key("speakers"); w.int(s.speakers.count)
        w.key("events"); w.int(s.events.events.count)
        w.key("dateRange")
        w.beginObject()
        w.key("from"); w.string(s.articles.last?.date)
        w.key("to"); w.string(s.articles.first?.date)
        w.endObject()
        w.key("loadSeconds"); w.double(s.loadSeconds)
        w.key("clusteringSeconds"); w.double(s.events.seconds)
        w.key("loadedAt"); w.string(s.info.loadedAtText)
        w.key("dataVersion"); w.string(s.dataVersion)
        w.key("textBytes"); w.int(s.info.textBytes)
        w.key("skippedFiles"); w.int(s.info.failures.count)
        w.key("skipped")
        w.beginArray()
        for failure in s.info.failures.prefix(100) {
            w.beginObject()
            w.key("file"); w.string(failure.file)
            w.key("reason"); w.string(failure.reason)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
        return w.bytes
    }
}
