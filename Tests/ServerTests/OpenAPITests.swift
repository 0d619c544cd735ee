import Foundation
import Model
import Testing
@testable import Server

/// Keeps `Sources/Server/openapi.json` in step with the router: every route with its query parameters,
/// and the JSON the handlers write valid under the document's schemas.
@Suite struct OpenAPITests {
    /// The document as a JSON object, read from the source tree.
    static func document() throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Server/openapi.json")
        let data = try Data(contentsOf: url)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A router over `articles`, built as `serve` builds it.
    static func router(_ articles: [Article] = []) -> Router {
        makeRouter(state: state(articles), openAPI: Array(#"{"openapi":"3.1.0"}"#.utf8))
    }

    static func state(_ articles: [Article]) -> ServerState {
        let info = CorpusSnapshot.LoadInfo(loadedAt: Date(), loadSeconds: 0.25, textBytes: 0, failures: [], directory: "test")
        return ServerState(configuration: Configuration(), snapshot: CorpusSnapshot(articles: articles, info: info))
    }

    /// The router's answer to a GET of `uri` over `articles`, without the middleware.
    static func answer(_ uri: String, _ articles: [Article]) -> Response {
        let state = state(articles)
        let router = makeRouter(state: state, openAPI: Array(#"{"openapi":"3.1.0"}"#.utf8))
        return router.respond(to: RequestContext(request: Request(method: .get, uri: uri), snapshot: state.snapshot))
    }

    /// Follows a local `$ref` ("#/components/parameters/limit") if `node` is one.
    static func resolve(_ node: Any, in document: [String: Any]) -> Any {
        guard let object = node as? [String: Any], let ref = object["$ref"] as? String, ref.hasPrefix("#/") else { return node }
        var current: Any = document
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = (current as? [String: Any])?[String(part)] else { return node }
            current = next
        }
        return resolve(current, in: document)
    }

    /// The query parameters declared for `path`'s GET, path-level ones included.
    static func queryParameters(_ path: [String: Any], in document: [String: Any]) -> Set<String> {
        let get = path["get"] as? [String: Any] ?? [:]
        let all = (path["parameters"] as? [Any] ?? []) + (get["parameters"] as? [Any] ?? [])
        return Set(all.compactMap { node -> String? in
            guard let parameter = resolve(node, in: document) as? [String: Any], parameter["in"] as? String == "query" else { return nil }
            return parameter["name"] as? String
        })
    }

    @Test func isOpenAPI31() throws {
        let document = try Self.document()
        #expect((document["openapi"] as? String)?.hasPrefix("3.1.") == true)
        #expect(document["paths"] is [String: Any])
    }

    @Test func everyRouteIsDocumentedWithItsQueryParameters() throws {
        let document = try Self.document()
        let paths = try #require(document["paths"] as? [String: Any])
        let routes = Self.router().routes
        #expect(routes.count >= 15)
        for route in routes {
            #expect(route.method == .get)
            guard let path = paths[route.pattern] as? [String: Any] else {
                Issue.record("\(route.pattern) is not under paths in openapi.json")
                continue
            }
            #expect(path["get"] is [String: Any], "\(route.pattern) has no get operation")
            let declared = Self.queryParameters(path, in: document)
            for name in route.parameters.sorted() {
                #expect(declared.contains(name), "GET \(route.pattern) accepts '\(name)' but openapi.json does not declare it")
            }
            for name in declared.subtracting(route.parameters).sorted() {
                Issue.record("openapi.json declares '\(name)' for GET \(route.pattern), but the route rejects it")
            }
        }
    }

    @Test func everyDocumentedPathIsARoute() throws {
        let paths = try #require(try Self.document()["paths"] as? [String: Any])
        let patterns = Set(Self.router().routes.map(\.pattern))
        for path in paths.keys.sorted() {
            #expect(patterns.contains(path), "openapi.json documents \(path), which no route serves")
        }
    }

    @Test func everyReferenceResolves() throws {
        let document = try Self.document()
        var refs: [String] = []
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let ref = object["$ref"] as? String { refs.append(ref) }
                object.values.forEach(walk)
            } else if let array = node as? [Any] {
                array.forEach(walk)
            }
        }
        walk(document)
        #expect(!refs.isEmpty)
        for ref in Set(refs).sorted() {
            let target = Self.resolve(["$ref": ref], in: document)
            #expect((target as? [String: Any])?["$ref"] == nil && ref.hasPrefix("#/"), "\(ref) does not resolve")
        }
    }

    // MARK: - Responses against the schemas

    /// One article with a quote, an entity and a casualty figure, so that every schema gets data.
    static let sampleArticle: Article = {
        let text = "Ganja was shelled. \"We will respond,\" said Hikmet Hajiyev, the presidential aide. Nine civilians were killed."
        let quote = Quote(id: "q1", articleId: "2020-10-12-ganja", date: "2020-10-12", text: "We will respond,",
                          speaker: Speaker(name: "Hikmet Hajiyev", role: "presidential aide", entityId: nil), cue: "said",
                          paragraph: 0, span: TextSpan(start: 19, end: 37))
        let silent = Quote(id: "q2", articleId: "2020-10-12-ganja", date: "2020-10-12", text: "No comment.",
                           speaker: nil, cue: nil, paragraph: 0, span: TextSpan(start: 0, end: 5))
        let ganja = ArticleEntity(id: "ganja", name: "Ganja", type: .location, subtype: "city", countryCode: "AZ",
                                  aliases: ["Gəncə"], mentions: 1, mentionSpans: [MentionSpan(start: 0, end: 5, text: "Ganja")])
        let hajiyev = ArticleEntity(id: "hikmet-hajiyev", name: "Hikmet Hajiyev", type: .person, mentions: 1,
                                    mentionSpans: [MentionSpan(start: 44, end: 58, text: "Hikmet Hajiyev")])
        let killed = Casualty(id: "c1", articleId: "2020-10-12-ganja", date: "2020-10-12", kind: .killed, count: 9, min: 9, max: 9,
                              qualifier: .exact, group: .civilians, scope: .incident,
                              location: CasualtyLocation(name: "Ganja", entityId: "ganja"),
                              sentence: "Nine civilians were killed.", span: TextSpan(start: 84, end: 98), paragraph: 0)
        let toll = Casualty(id: "c2", articleId: "2020-10-12-ganja", date: "2020-10-12", kind: .injured, count: nil, min: 24, max: nil,
                            qualifier: .vague, group: .people, scope: .cumulative, location: nil,
                            sentence: "Dozens were injured.", span: TextSpan(start: 0, end: 6), paragraph: 0)
        return Article(id: "2020-10-12-ganja", date: "2020-10-12", title: "Ganja was shelled", summary: "Ganja was shelled.",
                       source: ArticleSource(file: "ganja.txt"), wordCount: 17,
                       counts: ArticleCounts(quotes: 2, entities: 2, casualties: 2), text: text,
                       related: ["Earlier: Ganja"], quotes: [quote, silent], entities: [ganja, hajiyev], casualties: [killed, toll])
    }()

    /// Requests that reach every route and answer 200 with JSON.
    static let jsonRequests = [
        "/articles", "/articles?limit=1", "/articles/2020-10-12", "/articles/2020-10-12-ganja",
        "/articles/2020-10-12-ganja/quotes", "/articles/2020-10-12-ganja/entities", "/articles/2020-10-12-ganja/casualties",
        "/quotes", "/speakers", "/entities", "/entities/ganja", "/casualties", "/casualties/summary",
        "/casualties/summary?kind=killed&from=2020-10-01&location=ganja", "/stats", "/healthz",
        "/casualties/summary?by=event", "/events", "/events?kind=killed&location=ganja&minSources=1&sort=killed",
        "/events/2020-10-12-ganja",
    ]

    @Test(arguments: jsonRequests)
    func responseMatchesItsSchema(_ uri: String) throws {
        let document = try Self.document()
        let response = Self.answer(uri, [Self.sampleArticle])
        #expect(response.status == 200)
        let body = try #require(response.bytes)
        let json = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        let paths = try #require(document["paths"] as? [String: Any])
        let path = try #require(paths[response.route] as? [String: Any])
        let get = try #require(path["get"] as? [String: Any])
        let ok = try #require(Self.resolve((get["responses"] as? [String: Any])?["200"] as Any, in: document) as? [String: Any])
        let content = try #require(ok["content"] as? [String: Any])
        let schema = try #require((content["application/json"] as? [String: Any])?["schema"])
        let problems = SchemaCheck(document: document).problems(json, schema, at: "$")
        #expect(problems.isEmpty, "GET \(uri): \(problems.joined(separator: "; "))")
    }

    /// A request breaking each kind of rule between parameters, for an operation that has the parameters.
    static func violation(_ rule: String, _ names: [String], path: String) -> String? {
        let concrete = path.replacingOccurrences(of: "{id}", with: path.hasPrefix("/entities") ? "ganja" : "2020-10-12-ganja")
        let dated = path == "/articles/{id}" ? "/articles/2020-10-12" : concrete
        switch rule {
        case "exclusive": return "\(dated)?\(names[0])=2020-10-12&\(names[1])=2020-10-12"
        case "notAfter": return "\(dated)?\(names[0])=2020-10-13&\(names[1])=2020-10-12"
        case "letterOrDigit": return "\(dated)?\(names[0])=%2B%2B"
        case "noQueryUnlessDate": return "\(concrete)?limit=1"
        default: return nil
        }
    }

    /// Every rule between parameters that the server enforces is declared in `x-parameter-constraints`, and every
    /// declared one is enforced: each kind is tried on every operation that has the parameters it names.
    @Test func parameterConstraintsAreStatedExactly() throws {
        let document = try Self.document()
        let paths = try #require(document["paths"] as? [String: Any])
        var checked = 0
        for (path, item) in paths {
            let get = try #require((item as? [String: Any])?["get"] as? [String: Any])
            let names = Set((get["parameters"] as? [Any] ?? []).compactMap {
                (Self.resolve($0, in: document) as? [String: Any])?["name"] as? String
            })
            let declared = (get["x-parameter-constraints"] as? [[String: Any]] ?? []).map {
                "\($0["rule"] as? String ?? "") \(($0["parameters"] as? [String] ?? []).joined(separator: ","))"
            }
            var candidates: [(String, [String])] = [("exclusive", ["date", "from"]), ("exclusive", ["date", "to"]),
                                                    ("notAfter", ["from", "to"]), ("letterOrDigit", ["q"]),
                                                    ("letterOrDigit", ["speaker"])]
            if path.contains("{id}") { candidates.append(("noQueryUnlessDate", ["id"])) }
            for (rule, parameters) in candidates {
                let needed = rule == "noQueryUnlessDate" ? names.contains("limit") : parameters.allSatisfy(names.contains)
                guard needed, let uri = Self.violation(rule, parameters, path: path) else { continue }
                let status = Self.answer(uri, [Self.sampleArticle]).status
                let isDeclared = declared.contains("\(rule) \(parameters.joined(separator: ","))")
                #expect(status == (isDeclared ? 400 : 200), "GET \(uri): \(status), declared: \(isDeclared)")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    @Test func errorsMatchTheErrorSchema() throws {
        let document = try Self.document()
        let schema: Any = ["$ref": "#/components/schemas/Error"]
        for uri in ["/articles?speker=x", "/articles?limit=0", "/entities/nobody", "/nowhere", "/articles/2020-10-12-ganja?limit=1"] {
            let response = Self.answer(uri, [Self.sampleArticle])
            #expect([400, 404].contains(response.status))
            let json = try JSONSerialization.jsonObject(with: Data(try #require(response.bytes)))
            let problems = SchemaCheck(document: document).problems(json, schema, at: "$")
            #expect(problems.isEmpty, "GET \(uri): \(problems.joined(separator: "; "))")
        }
    }
}

/// The subset of JSON Schema the document uses: `$ref`, `allOf`, `anyOf`, `oneOf`, `type` (with type arrays),
/// `properties`, `required`, `items`, `enum`, `const`, `minimum`, `maximum`.
struct SchemaCheck {
    let document: [String: Any]

    /// What is wrong with `value` under `schema`; empty when it conforms.
    func problems(_ value: Any, _ node: Any, at path: String) -> [String] {
        guard let schema = OpenAPITests.resolve(node, in: document) as? [String: Any] else { return [] }
        var found: [String] = []
        if let all = schema["allOf"] as? [Any] {
            for part in all { found += problems(value, part, at: path) }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard let options = schema[keyword] as? [Any] else { continue }
            let passing = options.filter { problems(value, $0, at: path).isEmpty }.count
            if passing == 0 || (keyword == "oneOf" && passing > 1) {
                found.append("\(path): \(passing) of the \(keyword) alternatives match")
            }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String].compactMap { $0 }
            if !types.contains(where: { Self.has(value, type: $0) }) {
                return found + ["\(path): \(Self.describe(value)) is not \(types.joined(separator: " or "))"]
            }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): \(Self.describe(value)) is not one of the enum")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            found.append("\(path): \(Self.describe(value)) is not the const")
        }
        if let number = Self.number(value) {
            if let minimum = Self.number(schema["minimum"] as Any), number < minimum { found.append("\(path): below minimum") }
            if let maximum = Self.number(schema["maximum"] as Any), number > maximum { found.append("\(path): above maximum") }
        }
        if let object = value as? [String: Any] {
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                found.append("\(path): missing '\(name)'")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (name, property) in properties {
                if let child = object[name] { found += problems(child, property, at: "\(path).\(name)") }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (i, element) in array.enumerated() { found += problems(element, items, at: "\(path)[\(i)]") }
        }
        return found
    }

    /// A JSON number's value; nil for anything else, booleans included.
    static func number(_ value: Any) -> Double? {
        if type(of: value) == Bool.self { return nil }
        if let int = value as? Int { return Double(int) }
        if let double = value as? Double { return double }
        return nil
    }

    /// Whether `value` has the JSON Schema `type`.
    static func has(_ value: Any, type name: String) -> Bool {
        switch name {
        case "null": return value is NSNull
        case "boolean": return type(of: value) == Bool.self
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "integer": return number(value).map { $0 == $0.rounded() } ?? false
        case "number": return number(value) != nil
        default: return false
        }
    }

    /// JSON equality for `enum` and `const` (strings, numbers, null).
    static func equal(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = number(a), let y = number(b) { return x == y }
        return false
    }

    /// A short description of a value for messages.
    static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if let string = value as? String { return "\"\(string.prefix(40))\"" }
        return String(describing: type(of: value))
    }
}
