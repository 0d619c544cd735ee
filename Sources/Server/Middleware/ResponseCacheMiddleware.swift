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
        let ndjson = request.header("accept")?.containsASCII("application/x-ndjson") == true
        return "\(request.uri)\u{0}\(gzip ? "g" : "")\(ndjson ? "n" : "")"
    }
}
