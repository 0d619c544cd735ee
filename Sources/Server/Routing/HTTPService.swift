import Model

/// The request path: a chain of middleware steps around the router. No libevent here, so tests drive it
/// without a socket.
///
/// Outermost first: CORS (preflights, and CORS headers on every answer, refusals included), limits, API keys,
/// `If-None-Match`, the per-thread response cache, then, for answers not cached yet, ETag, gzip and
/// `Cache-Control`, and the router.
struct HTTPService: Sendable {
    /// Routes and handlers.
    let router: Router
    /// Configuration and corpus.
    let state: ServerState
    /// The steps, outermost first.
    let middleware: [any Middleware]

    /// The service with the standard chain; `gzip` compresses bodies (zlib lives in the EventHTTP folder).
    init(router: Router, state: ServerState, gzip: @escaping @Sendable ([UInt8]) -> [UInt8]?) {
        let config = state.configuration
        self.init(router: router, state: state, middleware: [
            CORSMiddleware(origins: config.corsOrigins, router: router),
            LimitsMiddleware(maxUriLength: config.maxUriLength, maxHeadersSize: config.maxHeadersSize),
            AuthMiddleware(keys: config.apiKeys),
            ConditionalMiddleware(),
            ResponseCacheMiddleware(),
            ETagMiddleware(),
            CompressionMiddleware(gzip: gzip),
            CacheControlMiddleware(maxAge: config.cacheMaxAge),
        ])
    }

    /// The service with the given steps.
    init(router: Router, state: ServerState, middleware: [any Middleware]) {
        self.router = router
        self.state = state
        self.middleware = middleware
    }

    /// Answers one request completely, on the snapshot current when it begins. `cache` belongs to the calling thread.
    func respond(to request: Request, cache: ResponseCache?) -> Response {
        run(RequestContext(request: request, snapshot: state.snapshot, cache: cache), from: 0)
    }

    /// Runs step `index` with the rest of the chain as its `next`; past the last step, the router.
    private func run(_ context: RequestContext, from index: Int) -> Response {
        guard index < middleware.count else { return router.respond(to: context) }
        return middleware[index].respond(to: context) { run($0, from: index + 1) }
    }
}
