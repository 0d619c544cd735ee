/// Serves repeated `GET`/`HEAD` requests from the calling thread's cache of finished responses (compressed,
/// tagged, with their `Cache-Control`), keyed by the request target and what varies the representation, and
/// valid for the corpus snapshot of the request.
struct ResponseCacheMiddleware: Middleware {
    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        let request = context.request
        // A cache of no entries (`NEWSDESK_RESPONSE_CACHE_ENTRIES=0`) is no cache: nothing is looked up, and no
        // header block is written for an answer that would not be kept.
        guard let cache = context.cache, cache.capacity > 0, request.method == .get || request.method == .head
        else { return next(context) }
        let key = Self.key(for: request)
        let version = context.snapshot.dataVersion
        if let hit = cache.lookup(key, version: version) { return hit }
        if let hit = cache.lookupLoad(key, snapshot: context.snapshot) { return hit }
        let response = next(context)
        guard response.status == 200, response.bytes != nil else { return response }
        if response.cacheable {
            var stored = response
            stored.buildHeaderBlock()
            cache.store(key, stored, version: version)
            return stored
        }
        if response.perLoad {
            var stored = response
            stored.buildHeaderBlock()
            cache.storeLoad(key, stored, stamp: LoadStamp(context.snapshot))
            return stored
        }
        return response
    }

    /// The cache key: the target as sent, plus whether gzip and NDJSON were asked for. CORS headers are added
    /// outside the cache, so `Origin` is not part of it.
    static func key(for request: Request) -> ResponseCache.Key {
        let gzip = CompressionMiddleware.acceptsGzip(request.headers.acceptEncoding)
        let ndjson = request.headers.accept?.containsASCII("application/x-ndjson") == true
        return ResponseCache.Key(target: request.uri, variant: (gzip ? 1 : 0) | (ndjson ? 2 : 0))
    }
}
