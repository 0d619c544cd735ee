import Logging

/// A request handler: a plain function of one request context (the request, its parameters and the snapshot
/// taken when the request began) returning a response.
typealias Handler = @Sendable (RequestContext) throws -> Response

/// Matches method and path to handlers; maps every error to the API's error envelope in one place.
struct Router: Sendable {
    /// One registered route.
    struct Route: Sendable {
        /// "/articles/{id}".
        var pattern: String
        /// Pattern segments; `{name}` segments capture.
        var segments: [String]
        /// The method (GET routes also answer HEAD).
        var method: HTTPMethod
        /// Query parameters it accepts.
        var parameters: Set<String>
        /// The handler.
        var handler: Handler
        /// One-line description (for the README and OpenAPI check).
        var summary: String
        /// Its position among the routes (metrics count by it, not by the pattern).
        var index = 0
        /// For each segment, the parameter it captures (`{name}`), or nil for a literal one.
        var captureNames: [String?] = []
    }

    private(set) var routes: [Route] = []
    /// Logs unexpected errors.
    var logger = Logger(label: "newsdesk.router")

    /// Registers a GET route (HEAD is implied).
    mutating func get(_ pattern: String, parameters: Set<String> = [], summary: String = "", _ handler: @escaping Handler) {
        let segments = Self.segments(pattern)
        routes.append(Route(pattern: pattern, segments: segments, method: .get,
                            parameters: parameters, handler: handler, summary: summary, index: routes.count,
                            captureNames: segments.map { $0.hasPrefix("{") ? String($0.dropFirst().dropLast()) : nil }))
    }

    static func segments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// Finds the routes whose pattern matches `path`, with captured parameters. Literal segments win over captures.
    func match(_ path: String) -> [(route: Route, captures: [String: String])] {
        let parts = Self.segments(path)
        // One pass, keeping the matches with the most literal segments seen so far.
        var found: [(route: Route, captures: [String: String])] = []
        var best = -1
        for route in routes where route.segments.count == parts.count {
            var captures: [String: String] = [:]
            var literals = 0
            var ok = true
            for (k, part) in parts.enumerated() {
                if let name = route.captureNames[k] {
                    captures[name] = Request.percentDecode(part, plusIsSpace: false)
                } else if route.segments[k] == part {
                    literals += 1
                } else {
                    ok = false
                    break
                }
            }
            guard ok, literals >= best else { continue }
            if literals > best {
                found.removeAll(keepingCapacity: true)
                best = literals
            }
            found.append((route, captures))
        }
        return found
    }

    /// The methods the routes answer, as `Allow` lists them: GET brings HEAD, and OPTIONS is always there.
    static func allowedMethods(_ routes: [Route]) -> [String] {
        Set(routes.map(\.method)).sorted { $0.rawValue < $1.rawValue }
            .flatMap { $0 == .get ? ["GET", "HEAD"] : [$0.rawValue] } + ["OPTIONS"]
    }

    /// Answers a request: route, run, and turn any error into an error response.
    func respond(to context: RequestContext) -> Response {
        let request = context.request
        if request.method == .options && request.path == "*" {
            // "OPTIONS *" (asterisk form) asks what the server as a whole answers.
            var response = Response(status: 204, headers: [("Allow", "GET, HEAD, OPTIONS")], body: .bytes([]))
            response.cacheable = false
            return response
        }
        let matches = match(request.path)
        guard !matches.isEmpty else {
            // Every resource answers GET, HEAD and OPTIONS only: another method is a 405 wherever it is sent.
            if ![.get, .head, .options].contains(request.method) {
                return APIError.methodNotAllowed(request.method.rawValue, allowed: ["GET", "HEAD", "OPTIONS"]).response
            }
            return APIError.notFound("no route for \(request.path)").response
        }
        let allowed = Self.allowedMethods(matches.map(\.route))
        let method = request.method == .head ? .get : request.method
        if request.method == .options {
            var response = Response(status: 204, headers: [("Allow", allowed.joined(separator: ", "))], body: .bytes([]))
            response.cacheable = false
            response.setRoute(matches[0].route)
            return response
        }
        guard let (route, captures) = matches.first(where: { $0.route.method == method }) else {
            var response = APIError.methodNotAllowed(request.method.rawValue, allowed: allowed).response
            response.setRoute(matches[0].route)
            return response
        }
        var response: Response
        do {
            var context = context
            context.parameters = try Parameters(path: captures, query: request.query, allowed: route.parameters)
            response = try route.handler(context)
        } catch let error as APIError {
            response = error.response
        } catch {
            logger.error("handler failed", metadata: ["request.path": "\(request.path)", "error": "\(error)"])
            response = APIError.internalError.response
        }
        response.setRoute(route)
        return response
    }
}
