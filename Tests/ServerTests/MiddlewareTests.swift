import Foundation
import Testing
@testable import Model
@testable import Server

/// The middleware chain and the request context, without a socket.
@Suite struct MiddlewareTests {
    let service = TestCorpus.service()

    @Test func handlersReadTheSnapshotTakenWhenTheRequestBegan() throws {
        let state = TestCorpus.state()
        let router = makeRouter(state: state, openAPI: TestCorpus.openAPI)
        let begun = state.snapshot
        // A reload lands while the request runs: the request still reads the corpus it began on.
        state.replace(with: CorpusSnapshot(articles: Array(TestCorpus.articles.prefix(1)), info: begun.info))
        let response = router.respond(to: RequestContext(request: Request(method: .get, uri: "/stats"), snapshot: begun))
        let body = try JSONSerialization.jsonObject(with: Data(try #require(response.bytes))) as? [String: Any]
        #expect((body?["data"] as? [String: Any])?["articles"] as? Int == 3)
        let later = router.respond(to: RequestContext(request: Request(method: .get, uri: "/stats"), snapshot: state.snapshot))
        #expect(String(decoding: later.bytes ?? [], as: UTF8.self).contains("\"articles\":1"))
    }

    @Test(arguments: [
        ("gzip, deflate, br", true), ("GZIP", true), ("deflate, x-gzip", true), ("identity", false), ("", false),
        ("br;q=1.0, gzip;q=0", false), ("gzip;q=0.5", true), ("gzi", false), ("deflate,gzip", true),
    ])
    func gzipIsAcceptedAsTheHeaderSays(header: String, accepted: Bool) {
        #expect(CompressionMiddleware.acceptsGzip(header) == accepted, "\(header)")
    }

    @Test(arguments: [
        ("application/x-ndjson", "application/x-ndjson", true), ("text/html, Application/X-NDJSON;q=0.9", "application/x-ndjson", true),
        ("application/json", "application/x-ndjson", false), ("x", "application/x-ndjson", false), ("abc", "", true),
        ("aab", "ab", true), ("aaa", "ab", false), ("ü gzip", "gzip", true),
    ])
    func headerWordsAreFoundIgnoringASCIICase(text: String, word: String, found: Bool) {
        #expect(text.containsASCII(word) == found, "\(text) / \(word)")
    }

    @Test func theChainRunsOutermostFirstAndAStepMayAnswerItself() {
        struct Tag: Middleware {
            let name: String
            func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
                var response = next(context)
                response.headers.append(("X-Step", name))
                return response
            }
        }
        struct Refuse: Middleware {
            func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
                context.request.path == "/stats" ? APIError(status: 403, code: "forbidden", message: "no").response : next(context)
            }
        }
        let state = TestCorpus.state()
        let chain = HTTPService(router: makeRouter(state: state, openAPI: TestCorpus.openAPI), state: state,
                                middleware: [Tag(name: "outer"), Refuse(), Tag(name: "inner")])
        let refused = chain.respond(to: Request(method: .get, uri: "/stats"), cache: nil)
        #expect(refused.status == 403)
        #expect(refused.headers.filter { $0.name == "X-Step" }.map(\.value) == ["outer"])
        let passed = chain.respond(to: Request(method: .get, uri: "/healthz"), cache: nil)
        #expect(passed.status == 200)
        #expect(passed.headers.filter { $0.name == "X-Step" }.map(\.value) == ["inner", "outer"])
    }

    @Test func refusalsCarryCORSHeadersAndVary() {
        let origin = ["origin": "https://dash.example"]
        let long = service.get("/articles?q=" + String(repeating: "a", count: 9000), headers: origin)
        #expect(long.status == 414)
        #expect(long.headers["access-control-allow-origin"] == "*")
        #expect(long.headers["vary"] == "Accept-Encoding, Origin")
        var config = Configuration()
        config.apiKeys = ["secret"]
        let denied = TestCorpus.service(config).get("/articles", headers: origin)
        #expect(denied.status == 401)
        #expect(denied.headers["access-control-allow-origin"] == "*")
        #expect(service.get("/nowhere").headers["vary"] == "Accept-Encoding, Origin")
    }

    @Test func oversizedHeadersAre431() throws {
        var config = Configuration()
        config.maxHeadersSize = 100
        let small = TestCorpus.service(config)
        let refused = small.respond(to: Request(method: .get, uri: "/articles", headerBytes: 101), cache: nil)
        #expect(refused.status == 431)
        let body = try JSONSerialization.jsonObject(with: Data(try #require(refused.bytes))) as? [String: Any]
        #expect((body?["error"] as? [String: Any])?["code"] as? String == "headers_too_large")
        #expect(small.respond(to: Request(method: .get, uri: "/articles", headerBytes: 100), cache: nil).status == 200)
    }

    @Test func cachedAnswersAreTheSameBytesWithAndWithoutOrigin() {
        let cache = ResponseCache(capacity: 8)
        let plain = service.respond(to: Request(method: .get, uri: "/entities"), cache: cache)
        let hit = service.respond(to: Request(method: .get, uri: "/entities"), cache: cache)
        let cross = service.respond(to: Request(method: .get, uri: "/entities", headers: ["origin": "https://a.example"]), cache: cache)
        #expect(plain.bytes == hit.bytes && hit.bytes == cross.bytes)
        #expect(hit.header("etag") == plain.header("etag"))
        #expect(hit.header("access-control-allow-origin") == nil)
        #expect(cross.header("access-control-allow-origin") == "*")
        #expect(hit.headers.filter { $0.name == "Vary" }.count == 1, "one Vary header, however the answer was made")
        #expect(cross.headers.filter { $0.name == "Vary" }.count == 1)
        let notModified = service.respond(to: Request(method: .get, uri: "/entities", headers: ["if-none-match": plain.header("etag")!]), cache: cache)
        #expect(notModified.status == 304)
    }

    @Test func streamsGetNoValidatorAndNoCachingAdvice() {
        let r = service.get("/quotes?format=ndjson")
        #expect(r.status == 200)
        #expect(r.headers["etag"] == nil)
        #expect(r.headers["cache-control"] == nil)
        #expect(service.get("/quotes").headers["cache-control"] == "public, max-age=60")
        #expect(service.get("/metrics").headers["cache-control"] == "no-store")
    }

    @Test func theDateIsWrittenAsRFC9110Says() {
        #expect(String(decoding: HTTPDate.format(784_111_777), as: UTF8.self) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(String(decoding: HTTPDate.format(0), as: UTF8.self) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(String(decoding: HTTPDate.format(1_798_761_599), as: UTF8.self) == "Thu, 31 Dec 2026 23:59:59 GMT")
    }

    @Test func aHeaderBlockLeavesOutLinesThatCouldSplitTheResponse() {
        let block = HeaderBlock([("Content-Type", "text/plain"), ("X-Bad", "a\r\nSet-Cookie: x=1"), ("Bad:Name", "v"),
                                 ("X-Nul", "a\u{0}b"), ("ETag", "\"1\"")])
        #expect(String(decoding: block.bytes, as: UTF8.self) == "Content-Type: text/plain\r\nETag: \"1\"")
        #expect(block.headerCount == 5)
        var response = Response.json(Array("{}".utf8))
        response.headers.append(("ETag", "\"2\""))
        response.buildHeaderBlock()
        response.headers.append(("Vary", "Origin"))
        #expect(response.headerBlock?.covers(response.headers) == true, "appending keeps the block for the headers before")
        response.headers.removeAll { $0.name == "Content-Type" }
        #expect(response.headerBlock?.covers(response.headers) == false, "a removal, even with as many headers after, does not")
        response.headers.insert(("Content-Type", "text/plain"), at: 0)
        #expect(response.headerBlock?.covers(response.headers) == false, "nor does a changed value")
    }
}
