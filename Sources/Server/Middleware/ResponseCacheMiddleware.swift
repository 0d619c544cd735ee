/// Serves repeated `GET`/`HEAD` requests from the calling thread's cache of finished responses (compressed,
/// tagged, with their `Cache-Control`), keyed by the request target and what varies the representation, and
/// valid for the corpus snapshot of the request.
struct ResponseCacheMiddleware: Middleware {
    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        let request = context.request
        guard let cache = context.cache, request.method == .get || request.method == .head else { return next(context) }
        let key = Self.key(for: request)
        let version = context.snapshot.dataVersion
        if let hit = cache.lookup(key, version: version) { return hit }
        let response = next(context)
        if response.status == 200, response.cacheable { cache.store(key, response, version: version) }
        return response
    }

    /// The cache key: the target as sent, plus whether gzip and NDJSON were asked for. CORS headers are added
    /// outside the cache, so `Origin` is not part of it.
    static func key(for request: Request) -> String {
        let gzip = CompressionMiddleware.acceptsGzip(request.header("accept-encoding"))
        let ndjson = request.header("accept")?.contains("application/x-ndjson") == true
        return "\(request.uri)\u{0}\(gzip ? "g" : "")\(ndjson ? "n" : "")"
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
