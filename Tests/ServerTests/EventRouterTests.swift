import Foundation
import Testing
@testable import Model
@testable import Server

/// `/events`, `/events/{id}`, `eventId` on figures and `/casualties/summary?by=event`, through the router.
///
/// The test corpus has two incidents: Ganja on 2020-10-12 (9 killed, 30 injured, one sentence) and Stepanakert on
/// 2020-10-13 (dozens of soldiers killed); its running tolls (400, 450, 500 killed) belong to no event.
@Suite struct EventRouterTests {
    let service = TestCorpus.service()

    func ids(_ body: [String: Any]) -> [String] {
        (body["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func eventsAreNewestFirstWithTollsAndSources() throws {
        let (status, body) = try service.json("/events")
        #expect(status == 200)
        #expect(ids(body) == ["2020-10-13-stepanakert", "2020-10-12-ganja"])
        let ganja = try #require((body["data"] as? [[String: Any]])?.last)
        #expect(ganja["title"] as? String == "Ganja hit by missiles")
        #expect(ganja["figures"] == nil, "lists carry everything but figures")
        let location = try #require(ganja["location"] as? [String: Any])
        #expect(location["entityId"] as? String == "ganja")
        #expect(location["countryCode"] as? String == "AZ")
        // The event's place is where the gazetteer puts the place entity (the dashboard's map reads it).
        let (_, entity) = try service.json("/entities/ganja")
        let placed = try #require((entity["data"] as? [String: Any])?["coordinates"] as? [String: Double])
        #expect(location["coordinates"] as? [String: Double] == placed)
        #expect(placed["lat"] != nil && placed["lon"] != nil)
        let tolls = try #require(ganja["tolls"] as? [[String: Any]])
        #expect(tolls.map { $0["kind"] as? String } == ["killed", "injured"])
        #expect(tolls[0]["latest"] as? Int == 9)
        #expect(tolls[1]["low"] as? Int == 30)
        #expect((ganja["sources"] as? [String: Any])?["articles"] as? Int == 1)
        #expect((ganja["reported"] as? [String: Any])?["from"] as? String == "2020-10-12")
    }

    @Test(arguments: [
        ("/events?kind=injured", ["2020-10-12-ganja"]),
        ("/events?kind=missing", []),
        ("/events?location=ganja", ["2020-10-12-ganja"]),
        ("/events?location=nowhere", []),
        ("/events?from=2020-10-13", ["2020-10-13-stepanakert"]),
        ("/events?to=2020-10-12", ["2020-10-12-ganja"]),
        ("/events?q=GANJA+missiles", ["2020-10-12-ganja"]),
        ("/events?q=moscow", []),
        ("/events?minSources=1", ["2020-10-13-stepanakert", "2020-10-12-ganja"]),
        ("/events?minSources=2", []),
        ("/events?sort=date", ["2020-10-12-ganja", "2020-10-13-stepanakert"]),
        ("/events?sort=-date", ["2020-10-13-stepanakert", "2020-10-12-ganja"]),
        ("/events?sort=killed", ["2020-10-13-stepanakert", "2020-10-12-ganja"]),
        ("/events?sort=sources&limit=1", ["2020-10-13-stepanakert"]),
    ])
    func eventFilters(uri: String, expected: [String]) throws {
        let (status, body) = try service.json(uri)
        #expect(status == 200)
        #expect(ids(body) == expected)
    }

    @Test(arguments: [
        ("/events?sort=newest", "sort"), ("/events?minSources=-1", "minSources"), ("/events?kind=dead", "kind"),
        ("/events?from=yesterday", "from"), ("/events?format=xml", "format"), ("/events?loction=ganja", "loction"),
        ("/events/2020-10-12-ganja?limit=1", "limit"), ("/casualties/summary?by=article", "by"),
    ])
    func badParametersAre400(uri: String, parameter: String) throws {
        let (status, body) = try service.json(uri)
        #expect(status == 400)
        #expect((body["error"] as? [String: Any])?["parameter"] as? String == parameter)
    }

    @Test func oneEventListsItsFigures() throws {
        let (status, body) = try service.json("/events/2020-10-12-ganja")
        #expect(status == 200)
        let data = try #require(body["data"] as? [String: Any])
        let figures = try #require(data["figures"] as? [[String: Any]])
        #expect(figures.map { $0["id"] as? String } == ["2020-10-12-ganja-hit-c1", "2020-10-12-ganja-hit-c2"])
        #expect(figures[0]["sentence"] as? String == "A sentence.")
        #expect(figures[0]["articleTitle"] as? String == "Ganja hit by missiles")
        #expect(try service.json("/events/2020-10-14-nowhere").status == 404)
    }

    @Test func everyFigureCarriesItsEventOrNull() throws {
        let (_, body) = try service.json("/casualties?limit=500")
        var events: [String: String] = [:]
        for f in body["data"] as? [[String: Any]] ?? [] {
            #expect(f.keys.contains("eventId"))
            events[f["id"] as? String ?? ""] = f["eventId"] as? String ?? "null"
        }
        #expect(events == ["2020-10-12-ganja-hit-c1": "2020-10-12-ganja", "2020-10-12-ganja-hit-c2": "2020-10-12-ganja",
                           "2020-10-12-ganja-hit-c3": "null", "2020-10-11-talks-in-moscow-c1": "null",
                           "2020-10-13-fighting-resumes-c1": "2020-10-13-stepanakert", "2020-10-13-fighting-resumes-c2": "null"])
        let (_, article) = try service.json("/articles/2020-10-12-ganja-hit/casualties")
        #expect((article["data"] as? [[String: Any]])?.first?["eventId"] as? String == "2020-10-12-ganja")
    }

    @Test func summaryByEventCountsEachEventOnce() throws {
        let (status, body) = try service.json("/casualties/summary?by=event&kind=killed")
        #expect(status == 200)
        let days = try #require((body["data"] as? [String: Any])?["byDay"] as? [[String: Any]])
        #expect(days.map { $0["date"] as? String } == ["2020-10-12", "2020-10-13"])
        #expect(days.map { $0["latest"] as? Int } == [9, 24])
        #expect(days.map { $0["events"] as? Int } == [1, 1])
        let meta = try #require(body["meta"] as? [String: Any])
        #expect(meta["by"] as? String == "event")
        #expect(meta["events"] as? Int == 2)
        #expect((meta["method"] as? String)?.contains("counted once") == true)
        let (_, byFigure) = try service.json("/casualties/summary?kind=killed")
        #expect((byFigure["meta"] as? [String: Any])?["by"] as? String == "figure")
    }

    @Test func eventsSpeakNdjsonAndCsv() throws {
        let ndjson = service.get("/events?format=ndjson")
        #expect(ndjson.headers["content-type"] == "application/x-ndjson")
        #expect(String(decoding: ndjson.body, as: UTF8.self).split(separator: "\n").count == 2)
        let csv = String(decoding: service.get("/events?format=csv&sort=date").body, as: UTF8.self)
        let rows = csv.split(separator: "\r\n")
        #expect(rows.first?.hasPrefix("id,date,title,location,locationEntityId,countryCode,lat,lon,killedLow") == true)
        #expect(rows.count == 3)
        #expect(rows[1].hasPrefix("2020-10-12-ganja,2020-10-12,Ganja hit by missiles,Ganja,ganja,AZ,40.6816,46.3613,9,9,9,30,30,30,1,"))
    }

    @Test func eventsHaveETags() {
        let first = service.get("/events")
        let etag = first.headers["etag"]
        #expect(etag != nil)
        #expect(service.get("/events", headers: ["if-none-match": etag ?? ""]).status == 304)
    }
}
