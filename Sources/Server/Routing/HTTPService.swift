import Foundation
import Model

/// The HTTP layer around the router: authentication, CORS, ETag and 304, gzip, Cache-Control, and a
/// per-thread cache of finished responses. No libevent here, so tests drive it without a socket.
struct HTTPService: Sendable {
    /// Routes and handlers.
    let router: Router
    /// Configuration and corpus.
    let state: ServerState
    /// Compresses bodies (zlib, in the EventHTTP folder with the other C).
    let gzip: @Sendable ([UInt8]) -> [UInt8]?

    /// Request headers a browser may send cross-origin.
    static let allowedHeaders = "Accept, Accept-Encoding, Authorization, Content-Type, If-None-Match, X-API-Key"

    /// Answers one request completely. `cache` belongs to the calling thread.
    func respond(to request: Request, cache: ResponseCache?) -> Response {
        let config = state.configuration
        if request.uri.utf8.count > config.maxUriLength {
            return finish(APIError(status: 414, code: "uri_too_long",
                                   message: "the request URI is longer than \(config.maxUriLength) bytes").response, request)
        }
        if request.method == .options, let origin = request.header("origin"), request.header("access-control-request-method") != nil {
            return finish(preflight(request, origin: origin), request)
        }
        if !config.apiKeys.isEmpty && !isPublic(request.path) && !authorized(request) {
            var response = APIError(status: 401, code: "unauthorized",
                                    message: "send an API key as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'").response
            response.headers.append(("WWW-Authenticate", "Bearer"))
            return finish(response, request)
        }
        let wantsGzip = acceptsGzip(request.header("accept-encoding"))
        let snapshot = state.snapshot
        let key = (request.method == .get || request.method == .head) ? cacheKey(request, gzip: wantsGzip) : nil
        if let key, let cache, let hit = cache.lookup(key, version: snapshot.dataVersion) {
            return conditional(hit, request)
        }
        var response = router.respond(to: request)
        if response.status == 200, let body = response.bytes, response.cacheable {
            response.headers.append(("Cache-Control", "public, max-age=\(config.cacheMaxAge)"))
            if wantsGzip, body.count >= 256, let compressed = gzip(body), compressed.count < body.count {
                response.body = .bytes(compressed)
                response.headers.append(("Content-Encoding", "gzip"))
            }
            let bytes = response.bytes ?? []
            var hash = FNV1a()
            hash.combine(bytes: bytes)
            let tag = "\"\(String(hash.value, radix: 16))\""
            response.etag = tag
            response.headers.append(("ETag", tag))
            response = finish(response, request)
            if let key, let cache { cache.store(key, response, version: snapshot.dataVersion) }
            return conditional(response, request)
        }
        if response.status == 200, response.cacheable == false {
            response.headers.append(("Cache-Control", "no-store"))
        }
        return finish(response, request)
    }

    /// Paths open without an API key: health checks and the contract.
    func isPublic(_ path: String) -> Bool { path == "/healthz" || path == "/openapi.json" }

    /// Whether the request carries a configured API key.
    func authorized(_ request: Request) -> Bool {
        let keys = state.configuration.apiKeys
        if let key = request.header("x-api-key"), keys.contains(key) { return true }
        if let auth = request.header("authorization"), auth.hasPrefix("Bearer ") {
            return keys.contains(String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        }
        return false
    }

    /// The cache key: path and query as sent, plus what varies the representation.
    func cacheKey(_ request: Request, gzip: Bool) -> String {
        let ndjson = request.header("accept")?.contains("application/x-ndjson") == true
        // With "*" every origin gets the same answer, but a request without Origin gets no CORS headers.
        let origin = state.configuration.corsOrigins.contains("*") ? (request.header("origin") == nil ? "" : "*")
            : (request.header("origin") ?? "")
        return "\(request.uri)\u{0}\(gzip ? "g" : "")\(ndjson ? "n" : "")\u{0}\(origin)"
    }

    /// 304 when `If-None-Match` names the response's ETag.
    func conditional(_ response: Response, _ request: Request) -> Response {
        guard let tag = response.etag, let match = request.header("if-none-match") else { return response }
        let tags = match.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard tags.contains("*") || tags.contains(tag) || tags.contains("W/" + tag) else { return response }
        var notModified = response
        notModified.status = 304
        notModified.body = .bytes([])
        notModified.headers.removeAll { ["content-type", "content-encoding"].contains($0.name.lowercased()) }
        return notModified
    }

    /// Whether `Accept-Encoding` allows gzip (and does not give it q=0).
    func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        // The common case, "gzip, deflate, br", needs no parsing.
        if !header.utf8.contains(UInt8(ascii: ";")) { return header.contains("gzip") }
        for part in header.lowercased().split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.first == "gzip" || fields.first == "x-gzip" else { continue }
            if fields.dropFirst().contains(where: { $0 == "q=0" || $0 == "q=0.0" || $0 == "q=0.00" || $0 == "q=0.000" }) { return false }
            return true
        }
        return false
    }

    /// CORS headers for cross-origin requests (those with an `Origin`: browsers always send it), and `Vary`.
    /// Same-origin and non-browser clients (curl, load balancers) get neither CORS header: two headers fewer.
    func finish(_ response: Response, _ request: Request) -> Response {
        var response = response
        if let origin = request.header("origin") {
            let origins = state.configuration.corsOrigins
            if origins.contains("*") {
                response.headers.append(("Access-Control-Allow-Origin", "*"))
                response.headers.append(("Access-Control-Expose-Headers", "ETag, Content-Length, X-Total-Count"))
            } else if origins.contains(origin) {
                response.headers.append(("Access-Control-Allow-Origin", origin))
                response.headers.append(("Access-Control-Expose-Headers", "ETag, Content-Length, X-Total-Count"))
            }
        }
        response.headers.append(("Vary", "Accept-Encoding, Origin"))
        return response
    }

    /// The answer to a CORS preflight.
    func preflight(_ request: Request, origin: String) -> Response {
        let routes = router.match(request.path)
        let methods = routes.isEmpty ? "GET, HEAD, OPTIONS" : Set(routes.map(\.route.method))
            .flatMap { $0 == .get ? ["GET", "HEAD"] : [$0.rawValue] }.sorted().joined(separator: ", ") + ", OPTIONS"
        var response = Response(status: 204, headers: [
            ("Access-Control-Allow-Methods", methods),
            ("Access-Control-Allow-Headers", request.header("access-control-request-headers") ?? Self.allowedHeaders),
            ("Access-Control-Max-Age", "86400"),
        ], body: .bytes([]))
        response.cacheable = false
        response.route = routes.first?.route.pattern ?? "unmatched"
        return response
    }
}

/// Finished responses by request, kept per event-loop thread (so no lock), dropped when the corpus changes.
final class ResponseCache {
    private var entries: [String: Response] = [:]
    private var version = ""
    private var bytes = 0
    /// Most responses kept.
    let capacity: Int
    /// Largest body kept.
    let maxBody = 1 << 20

    /// Creates a cache of at most `capacity` responses.
    init(capacity: Int) { self.capacity = capacity }

    /// The stored response for `key` under corpus `version`.
    func lookup(_ key: String, version: String) -> Response? {
        guard version == self.version else {
            // The corpus changed: drop the old answers now, so that their memory goes with the old snapshot's.
            if !entries.isEmpty {
                entries = [:]
                bytes = 0
            }
            return nil
        }
        return entries[key]
    }

    /// Stores a response; when full, starts over (the working set of a dashboard is small).
    func store(_ key: String, _ response: Response, version: String) {
        guard capacity > 0, let body = response.bytes, body.count <= maxBody else { return }
        if version != self.version || entries.count >= capacity || bytes > 256 << 20 {
            entries.removeAll(keepingCapacity: true)
            bytes = 0
            self.version = version
        }
        entries[key] = response
        bytes += body.count
    }
}
