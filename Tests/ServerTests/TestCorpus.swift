import Foundation
@testable import Model
@testable import Server

/// A small hand-made corpus, so that server tests do not depend on extraction quality.
enum TestCorpus {
    static func article(
        id: String, date: String, title: String, text: String,
        quotes: [(String, String?, String?)] = [], entities: [(String, String, EntityType, [String])] = [],
        casualties: [(CasualtyKind, Int?, Int?, CasualtyQualifier, VictimGroup, CasualtyScope, String?)] = []
    ) -> Article {
        let paragraphs = text.components(separatedBy: "\n\n")
        let q = quotes.enumerated().map { i, item in
            Quote(id: "\(id)-q\(i + 1)", articleId: id, date: date, text: item.0,
                  speaker: item.1.map { Speaker(name: $0, role: item.2, entityId: Slug.make($0)) }, cue: "said",
                  paragraph: 0, span: TextSpan(start: 0, end: 5))
        }
        let e = entities.map { name, entityId, type, aliases in
            ArticleEntity(id: entityId, name: name, type: type, subtype: type == .location ? "city" : nil,
                          countryCode: type == .location ? "AZ" : nil,
                          coordinates: places[entityId], aliases: aliases, mentions: 2,
                          mentionSpans: [MentionSpan(start: 0, end: name.unicodeScalars.count, text: name)])
        }
        let c = casualties.enumerated().map { i, item in
            Casualty(id: "\(id)-c\(i + 1)", articleId: id, date: date, kind: item.0, count: item.1, min: item.2, max: nil,
                     qualifier: item.3, group: item.4, scope: item.5,
                     location: item.6.map { CasualtyLocation(name: $0.capitalized, entityId: $0) },
                     sentence: "A sentence.", span: TextSpan(start: 1, end: 3), paragraph: 0)
        }
        return Article(id: id, date: date, title: title, summary: paragraphs[0],
                       source: ArticleSource(file: "\(id).txt"), wordCount: 10,
                       counts: ArticleCounts(quotes: q.count, entities: e.count, casualties: c.count),
                       text: text, related: [], quotes: q, entities: e, casualties: c)
    }

    /// Where the gazetteer puts the places that have coordinates (Stepanakert and Moscow have none here).
    static let places: [String: Coordinates] = ["ganja": Coordinates(lat: 40.6816, lon: 46.3613)]

    static let articles: [Article] = [
        article(id: "2020-10-12-ganja-hit", date: "2020-10-12", title: "Ganja hit by missiles",
                text: "Missiles hit Ganja overnight.\n\nNine civilians were killed.",
                quotes: [("Ganja is far from the front line", "Hikmet Hajiyev", "presidential aide"),
                         ("We believed in the ceasefire", "Vesile Mehmedova", "Ganja resident")],
                entities: [("Ganja", "ganja", .location, []), ("Hikmet Hajiyev", "hikmet-hajiyev", .person, ["Hajiyev"])],
                casualties: [(.killed, 9, 9, .exact, .civilians, .incident, "ganja"),
                             (.injured, 30, 31, .moreThan, .people, .incident, "ganja"),
                             (.killed, 500, nil, .nearly, .people, .cumulative, nil)]),
        article(id: "2020-10-11-talks-in-moscow", date: "2020-10-11", title: "Talks in Moscow",
                text: "Talks in Moscow ended.\n\nA truce was agreed.",
                quotes: [("The truce must hold for everyone", "Hikmet Hajiyev", nil)],
                entities: [("Moscow", "moscow", .location, []), ("Ganja", "ganja", .location, ["Gəncə"])],
                casualties: [(.killed, 400, nil, .about, .people, .cumulative, nil)]),
        article(id: "2020-10-13-fighting-resumes", date: "2020-10-13", title: "Fighting resumes",
                text: "Fighting resumed near Stepanakert.",
                casualties: [(.killed, nil, 24, .vague, .soldiers, .incident, "stepanakert"),
                             (.killed, 450, nil, .about, .people, .cumulative, nil)]),
    ]

    static func state(_ configuration: Configuration = Configuration()) -> ServerState {
        let snapshot = CorpusSnapshot(articles: articles, info: .init(
            loadedAt: Date(timeIntervalSince1970: 0), loadSeconds: 0.5, textBytes: 100, failures: [], directory: "test"))
        return ServerState(configuration: configuration, snapshot: snapshot)
    }

    static let openAPI: [UInt8] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Server/openapi.json")
        return Array(FileManager.default.contents(atPath: url.path) ?? Data())
    }()

    static func service(_ configuration: Configuration = Configuration()) -> HTTPService {
        let state = state(configuration)
        return HTTPService(router: makeRouter(state: state, openAPI: openAPI), state: state, gzip: Gzip.compress)
    }
}

extension HTTPService {
    /// Answers a GET (or another method) without a socket; streams are read whole.
    func get(_ uri: String, method: HTTPMethod = .get, headers: [String: String] = [:]) -> (status: Int, headers: [String: String], body: [UInt8]) {
        let response = respond(to: Request(method: method, uri: uri, headers: headers), cache: nil)
        let body: [UInt8]
        switch response.body {
        case .bytes(let b): body = b
        case .stream(let s): body = s.collect()
        }
        var h: [String: String] = [:]
        for (name, value) in response.headers { h[name.lowercased()] = value }
        return (response.status, h, body)
    }

    /// Answers a GET and parses the JSON body.
    func json(_ uri: String, headers: [String: String] = [:]) throws -> (status: Int, body: [String: Any]) {
        let r = get(uri, headers: headers)
        let object = try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any] ?? [:]
        return (r.status, object)
    }
}
