import Foundation
import Testing
@testable import Model
@testable import Server

/// The router and HTTP layer called directly, without a socket.
@Suite struct RouterTests {
    let service = TestCorpus.service()

    func ids(_ body: [String: Any]) -> [String] {
        (body["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    func meta(_ body: [String: Any]) -> [String: Any] { body["meta"] as? [String: Any] ?? [:] }

    @Test func articlesAreNewestFirstWithEnvelope() throws {
        let (status, body) = try service.json("/articles")
        #expect(status == 200)
        #expect(ids(body) == ["2020-10-13-fighting-resumes", "2020-10-12-ganja-hit", "2020-10-11-talks-in-moscow"])
        #expect(meta(body)["total"] as? Int == 3)
        #expect(meta(body)["limit"] as? Int == 50)
        #expect(meta(body)["offset"] as? Int == 0)
        #expect((body["links"] as? [String: Any])?["next"] is NSNull)
        let first = try #require((body["data"] as? [[String: Any]])?.first)
        #expect(first["text"] == nil, "lists carry everything above text")
        #expect((first["counts"] as? [String: Any])?["casualties"] as? Int == 2)
    }

    @Test func paginationLinksToTheNextPage() throws {
        let (_, body) = try service.json("/articles?limit=1&q=ganja")
        #expect(ids(body) == ["2020-10-12-ganja-hit"])
        let (_, page) = try service.json("/articles?limit=2&sort=date")
        #expect(ids(page) == ["2020-10-11-talks-in-moscow", "2020-10-12-ganja-hit"])
        let next = try #require((page["links"] as? [String: Any])?["next"] as? String)
        #expect(next == "/articles?sort=date&limit=2&offset=2")
        let (_, rest) = try service.json(next)
        #expect(ids(rest) == ["2020-10-13-fighting-resumes"])
        #expect((rest["links"] as? [String: Any])?["next"] is NSNull)
    }

    @Test(arguments: [
        ("/articles?from=2020-10-12", ["2020-10-13-fighting-resumes", "2020-10-12-ganja-hit"]),
        ("/articles?to=2020-10-11", ["2020-10-11-talks-in-moscow"]),
        ("/articles?date=2020-10-12", ["2020-10-12-ganja-hit"]),
        ("/articles/2020-10-11", ["2020-10-11-talks-in-moscow"]),
        ("/articles/2020-10-11?from=2020-10-12", []),
        ("/articles?q=MOSCOW%20truce", ["2020-10-11-talks-in-moscow"]),
        ("/articles?q=missiles+moscow", []),
        ("/articles?entity=ganja", ["2020-10-12-ganja-hit", "2020-10-11-talks-in-moscow"]),
        ("/articles?entity=nowhere", []),
        ("/articles?speaker=hajiyev&from=2020-10-12", ["2020-10-12-ganja-hit"]),
        ("/articles?speaker=Mehmedova", ["2020-10-12-ganja-hit"]),
    ])
    func articleFilters(uri: String, expected: [String]) throws {
        let (status, body) = try service.json(uri)
        #expect(status == 200)
        #expect(ids(body) == expected)
    }

    @Test func oneArticleIsWhole() throws {
        let (status, body) = try service.json("/articles/2020-10-12-ganja-hit")
        #expect(status == 200)
        let data = try #require(body["data"] as? [String: Any])
        #expect(data["text"] as? String == "Missiles hit Ganja overnight.\n\nNine civilians were killed.")
        #expect((data["quotes"] as? [Any])?.count == 2)
        #expect((data["casualties"] as? [Any])?.count == 3)
        let (missing, error) = try service.json("/articles/no-such-article")
        #expect(missing == 404)
        #expect((error["error"] as? [String: Any])?["code"] as? String == "not_found")
    }

    @Test(arguments: [
        ("/quotes?speaker=Hajiyev", ["2020-10-12-ganja-hit-q1", "2020-10-11-talks-in-moscow-q1"]),
        ("/quotes?speaker=hikmet%20hajiyev", ["2020-10-12-ganja-hit-q1", "2020-10-11-talks-in-moscow-q1"]),
        ("/quotes?speaker=HAJIYEV&date=2020-10-11", ["2020-10-11-talks-in-moscow-q1"]),
        ("/quotes?speaker=vesile", ["2020-10-12-ganja-hit-q2"]),
        ("/quotes?speaker=nobody", []),
        ("/quotes?q=ceasefire", ["2020-10-12-ganja-hit-q2"]),
        ("/quotes?article=2020-10-11-talks-in-moscow", ["2020-10-11-talks-in-moscow-q1"]),
        ("/quotes?article=unknown", []),
        ("/articles/2020-10-12-ganja-hit/quotes?limit=1", ["2020-10-12-ganja-hit-q1"]),
    ])
    func quoteFilters(uri: String, expected: [String]) throws {
        let (status, body) = try service.json(uri)
        #expect(status == 200)
        #expect(ids(body) == expected)
    }

    @Test func quoteCarriesSpeakerAndRole() throws {
        let (_, body) = try service.json("/quotes?speaker=Hajiyev&limit=1")
        let quote = try #require((body["data"] as? [[String: Any]])?.first)
        let speaker = try #require(quote["speaker"] as? [String: Any])
        #expect(speaker["name"] as? String == "Hikmet Hajiyev")
        #expect(speaker["role"] as? String == "presidential aide")
        #expect(speaker["entityId"] as? String == "hikmet-hajiyev")
    }

    @Test func speakersAreCounted() throws {
        let (_, body) = try service.json("/speakers")
        let first = try #require((body["data"] as? [[String: Any]])?.first)
        #expect(first["name"] as? String == "Hikmet Hajiyev")
        #expect(first["quotes"] as? Int == 2)
        #expect(first["firstSeen"] as? String == "2020-10-11")
        #expect(first["lastSeen"] as? String == "2020-10-12")
        let (_, filtered) = try service.json("/speakers?q=vesile")
        #expect((filtered["data"] as? [Any])?.count == 1)
    }

    @Test(arguments: [
        ("/casualties?kind=injured", ["2020-10-12-ganja-hit-c2"]),
        ("/casualties?scope=cumulative", ["2020-10-13-fighting-resumes-c2", "2020-10-12-ganja-hit-c3", "2020-10-11-talks-in-moscow-c1"]),
        ("/casualties?group=soldiers", ["2020-10-13-fighting-resumes-c1"]),
        ("/casualties?location=ganja&kind=killed", ["2020-10-12-ganja-hit-c1"]),
        ("/casualties?from=2020-10-12&to=2020-10-12&scope=incident", ["2020-10-12-ganja-hit-c1", "2020-10-12-ganja-hit-c2"]),
        ("/casualties?article=2020-10-11-talks-in-moscow", ["2020-10-11-talks-in-moscow-c1"]),
    ])
    func casualtyFilters(uri: String, expected: [String]) throws {
        let (status, body) = try service.json(uri)
        #expect(status == 200)
        #expect(ids(body) == expected)
    }

    @Test func summaryNeverAddsCumulativeTollsNorRunsBackwards() throws {
        let (status, body) = try service.json("/casualties/summary?kind=killed")
        #expect(status == 200)
        let days = try #require((body["data"] as? [String: Any])?["byDay"] as? [[String: Any]])
        let rows = days.map { ($0["date"] as? String ?? "", $0["incident"] as? Int ?? -1, $0["cumulative"] as? Int, $0["runningCumulative"] as? Int) }
        #expect(rows.map(\.0) == ["2020-10-11", "2020-10-12", "2020-10-13"])
        #expect(rows.map(\.1) == [0, 9, 24], "incident figures add up; a vague figure counts as its min")
        #expect(rows.map(\.2) == [400, 500, 450])
        #expect(rows.map(\.3) == [400, 500, 500], "an older toll reported later does not pull the series back")
        #expect(((body["meta"] as? [String: Any])?["method"] as? String)?.contains("never added") == true)
        let places = try #require((body["data"] as? [String: Any])?["byLocation"] as? [[String: Any]])
        #expect(places.compactMap { ($0["location"] as? [String: Any])?["entityId"] as? String } == ["stepanakert", "ganja"])
    }

    @Test(arguments: ["", "?kind=killed", "?kind=displaced", "?kind=killed&from=2020-10-12", "?location=ganja"])
    func summaryETagIsTheHashOfTheBodySent(query: String) throws {
        // The whole-corpus answer is stored with the hash of its bytes; the tag must still be that of the body sent.
        for headers in [[:], ["accept-encoding": "gzip"]] {
            let r = service.get("/casualties/summary" + query, headers: headers)
            #expect(r.status == 200)
            #expect(r.headers["etag"] == "\"\(String(FNV1a.hash(r.body), radix: 16))\"", "\(query) \(headers)")
        }
        // Stored or computed over a window that holds everything, the data are the same.
        let (_, stored) = try service.json("/casualties/summary" + query)
        let (_, computed) = try service.json("/casualties/summary" + (query.isEmpty ? "?" : query + "&") + "to=2999-12-31")
        #expect(NSDictionary(dictionary: stored["data"] as? [String: Any] ?? [:]) == NSDictionary(dictionary: computed["data"] as? [String: Any] ?? [:]))
    }

    @Test func entitiesAreRankedAndSearchable() throws {
        let (_, body) = try service.json("/entities")
        #expect(ids(body).first == "ganja", "most mentioned first")
        let (_, people) = try service.json("/entities?type=person")
        #expect(ids(people) == ["hikmet-hajiyev"])
        let (_, prefix) = try service.json("/entities?q=gen")
        #expect(ids(prefix) == ["ganja"], "alias prefix, accents folded")
        let (_, byName) = try service.json("/entities?sort=name")
        #expect(ids(byName) == ["ganja", "hikmet-hajiyev", "moscow"])
        let (_, window) = try service.json("/entities?to=2020-10-11")
        #expect(Set(ids(window)) == ["ganja", "moscow"])
    }

    @Test func oneEntityListsItsArticlesAndCompanions() throws {
        let (status, body) = try service.json("/entities/ganja?limit=1")
        #expect(status == 200)
        let data = try #require(body["data"] as? [String: Any])
        #expect(data["articles"] as? Int == 2)
        #expect((data["mentionedIn"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["2020-10-12-ganja-hit"])
        #expect((data["seenWith"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["hikmet-hajiyev", "moscow"])
        #expect(meta(body)["total"] as? Int == 2)
        #expect(try service.json("/entities/atlantis").status == 404)
    }

    @Test(arguments: [
        ("/articles?from=2020-13-40", "from"), ("/articles?limit=-1", "limit"), ("/articles?limit=501", "limit"),
        ("/articles?offset=x", "offset"), ("/articles?sort=bogus", "sort"), ("/articles?format=xml", "format"),
        ("/articles?format=csv", "format"), ("/articles?speker=Hajiyev", "speker"), ("/quotes?speker=x", "speker"),
        ("/casualties?kind=exploded", "kind"), ("/casualties?group=aliens", "group"), ("/casualties?scope=all", "scope"),
        ("/entities?type=animal", "type"), ("/entities?sort=size", "sort"), ("/articles?from=2020-10-13&to=2020-10-12", "from"),
        ("/articles?date=2020-10-12&from=2020-10-12", "date"), ("/articles?limit=1&limit=2", "limit"),
        ("/articles/2020-10-12-ganja-hit?limit=1", "limit"), ("/stats?x=1", "x"), ("/quotes?q=%20%21", "q"),
    ])
    func badParametersAre400NamingThem(uri: String, parameter: String) throws {
        let (status, body) = try service.json(uri)
        #expect(status == 400)
        let error = try #require(body["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_parameter")
        #expect(error["status"] as? Int == 400)
        #expect(error["parameter"] as? String == parameter)
        #expect((error["message"] as? String)?.isEmpty == false)
    }

    @Test func unknownRouteAndWrongMethod() throws {
        #expect(service.get("/nothing/here").status == 404)
        let r = service.get("/articles", method: .post)
        #expect(r.status == 405)
        #expect(r.headers["allow"] == "GET, HEAD, OPTIONS")
        let body = try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any]
        #expect((body?["error"] as? [String: Any])?["code"] as? String == "method_not_allowed")
    }

    @Test func etagGivesNotModified() {
        let first = service.get("/articles")
        let tag = first.headers["etag"]
        #expect(tag != nil)
        let second = service.get("/articles", headers: ["if-none-match": tag!])
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(second.headers["etag"] == tag)
        #expect(service.get("/articles", headers: ["if-none-match": "\"other\""]).status == 200)
    }

    @Test func gzipWhenAskedAndSmaller() {
        let plain = service.get("/articles/2020-10-12-ganja-hit")
        let zipped = service.get("/articles/2020-10-12-ganja-hit", headers: ["accept-encoding": "gzip, deflate"])
        #expect(plain.headers["content-encoding"] == nil)
        #expect(zipped.headers["content-encoding"] == "gzip")
        #expect(zipped.body.count < plain.body.count)
        #expect(Array(zipped.body.prefix(2)) == [0x1F, 0x8B])
        #expect(zipped.headers["etag"] != plain.headers["etag"], "each representation has its own tag")
        #expect(service.get("/articles/2020-10-12-ganja-hit", headers: ["accept-encoding": "gzip;q=0"]).headers["content-encoding"] == nil)
        #expect(plain.headers["vary"] == "Accept-Encoding, Origin")
    }

    @Test func corsFromConfiguration() {
        #expect(service.get("/stats", headers: ["origin": "https://any.example"]).headers["access-control-allow-origin"] == "*")
        #expect(service.get("/stats").headers["access-control-allow-origin"] == nil, "no Origin, no CORS headers")
        var config = Configuration()
        config.corsOrigins = ["https://dash.example"]
        let restricted = TestCorpus.service(config)
        #expect(restricted.get("/stats", headers: ["origin": "https://dash.example"]).headers["access-control-allow-origin"] == "https://dash.example")
        #expect(restricted.get("/stats", headers: ["origin": "https://evil.example"]).headers["access-control-allow-origin"] == nil)
        let preflight = service.get("/quotes", method: .options, headers: [
            "origin": "https://dash.example", "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        ])
        #expect(preflight.status == 204)
        #expect(preflight.headers["access-control-allow-methods"] == "GET, HEAD, OPTIONS")
        #expect(preflight.headers["access-control-allow-headers"] == CORSMiddleware.allowedHeaders)
        // Arbitrary requested headers are never echoed: the answer lists the ones the API reads.
        let probing = service.get("/quotes", method: .options, headers: [
            "origin": "https://dash.example", "access-control-request-method": "GET",
            "access-control-request-headers": "x-evil, cookie",
        ])
        #expect(probing.headers["access-control-allow-headers"] == "Accept, Accept-Encoding, Authorization, Content-Type, If-None-Match, X-API-Key")
        #expect(preflight.headers["access-control-allow-origin"] == "*")
    }

    @Test func ndjsonAndCsvStreamEverything() throws {
        let ndjson = service.get("/casualties?format=ndjson")
        #expect(ndjson.headers["content-type"] == "application/x-ndjson")
        let lines = String(decoding: ndjson.body, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 6)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any]) }
        let viaAccept = service.get("/articles", headers: ["accept": "application/x-ndjson"])
        #expect(String(decoding: viaAccept.body, as: UTF8.self).split(separator: "\n").count == 3)
        let limited = service.get("/articles?format=ndjson&limit=1")
        #expect(String(decoding: limited.body, as: UTF8.self).split(separator: "\n").count == 1)

        let csv = service.get("/quotes?format=csv&speaker=hajiyev")
        #expect(csv.headers["content-type"]?.hasPrefix("text/csv") == true)
        let rows = String(decoding: csv.body, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "id,articleId,date,speaker,role,speakerEntityId,cue,text,paragraph,start,end")
        #expect(rows.count == 3)
        #expect(CSV.row(["a,b", "say \"hi\"", "plain"]) == Array("\"a,b\",\"say \"\"hi\"\"\",plain\r\n".utf8))
    }

    @Test func headAnswersLikeGet() {
        let r = service.get("/stats", method: .head)
        #expect(r.status == 200)
        #expect(r.headers["etag"] == service.get("/stats").headers["etag"])
    }

    @Test func statsHealthMetrics() throws {
        let (_, stats) = try service.json("/stats")
        let data = try #require(stats["data"] as? [String: Any])
        #expect(data["articles"] as? Int == 3)
        #expect(data["quotes"] as? Int == 3)
        #expect(data["casualties"] as? Int == 6)
        #expect((data["dateRange"] as? [String: Any])?["from"] as? String == "2020-10-11")
        #expect(try service.json("/healthz").body["status"] as? String == "ok")
        _ = service.get("/articles")
        let metrics = String(decoding: service.get("/metrics").body, as: UTF8.self)
        #expect(metrics.contains("newsdesk_corpus_articles 3.0"))
        #expect(metrics.contains("newsdesk_request_duration_seconds_bucket{le=\"+Inf\"}"))
    }

    @Test func apiKeysWhenConfigured() {
        var config = Configuration()
        config.apiKeys = ["secret"]
        let locked = TestCorpus.service(config)
        let denied = locked.get("/articles")
        #expect(denied.status == 401)
        #expect(locked.get("/articles", headers: ["authorization": "Bearer secret"]).status == 200)
        #expect(locked.get("/articles", headers: ["x-api-key": "secret"]).status == 200)
        #expect(locked.get("/articles", headers: ["x-api-key": "wrong"]).status == 401)
        #expect(locked.get("/healthz").status == 200)
    }

    @Test(arguments: [
        ("secret", true), ("other-key-2", true), ("secre", false), ("secrets", false), ("", false),
        ("SECRET", false), (String(repeating: "x", count: 5000), false),
    ])
    func keysMatchOnlyWhole(presented: String, accepted: Bool) {
        let auth = AuthMiddleware(keys: ["secret", "other-key-2"])
        #expect(auth.isConfigured(presented) == accepted)
        #expect(auth.authorized(Request(method: .get, uri: "/", headers: ["authorization": "Bearer \(presented)"])) == accepted)
    }

    @Test func keysAreKeptOnlyAsDigests() {
        let auth = AuthMiddleware(keys: ["secret"])
        #expect(auth.keyDigests == [AuthMiddleware.digest("secret")])
        #expect(auth.keyDigests[0].count == 32)
        #expect(AuthMiddleware(keys: []).isConfigured("") == false)
    }

    @Test(arguments: [
        ("/healthz", "/healthz"),
        ("http://example.com/healthz", "/healthz"),
        ("HTTPS://example.com:8443/quotes?speaker=x#frag", "/quotes?speaker=x#frag"),
        ("http://example.com", "/"),
        ("http://example.com?limit=1", "/?limit=1"),
        ("*", "*"),
        ("ftp://example.com/x", "ftp://example.com/x"),
    ])
    func absoluteFormBecomesOriginForm(target: String, expected: String) {
        #expect(Request.originForm(target) == expected)
    }

    @Test func unknownMethodsAndAsteriskForm() throws {
        let r = service.get("/stats", method: .other)
        #expect(r.status == 405)
        #expect(r.headers["allow"] == "GET, HEAD, OPTIONS")
        let body = try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any]
        #expect((body?["error"] as? [String: Any])?["message"] as? String == "this method is not allowed here; use GET, HEAD, OPTIONS")
        let star = service.get("*", method: .options)
        #expect(star.status == 204)
        #expect(star.headers["allow"] == "GET, HEAD, OPTIONS")
    }

    @Test func overlongUriIs414() {
        let uri = "/articles?q=" + String(repeating: "a", count: 9000)
        #expect(service.get(uri).status == 414)
    }

    @Test func responseCacheServesTheSameBytes() {
        let cache = ResponseCache(capacity: 8)
        let request = Request(method: .get, uri: "/articles?limit=2")
        let first = service.respond(to: request, cache: cache)
        let second = service.respond(to: request, cache: cache)
        #expect(first.bytes == second.bytes)
        #expect(cache.lookup(ResponseCacheMiddleware.key(for: request), version: service.state.snapshot.dataVersion) != nil)
        #expect(cache.lookup(ResponseCacheMiddleware.key(for: request), version: "other") == nil)
        // A response cached for a request without Origin is not served to a cross-origin one.
        let crossOrigin = Request(method: .get, uri: "/articles?limit=2", headers: ["origin": "https://dash.example"])
        let answered = service.respond(to: crossOrigin, cache: cache)
        #expect(answered.header("access-control-allow-origin") == "*")
    }
}
