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
    /// The chain and the router, as one function.
    private let chain: @Sendable (RequestContext) -> Response

    /// The service with the standard chain; `gzip` compresses bodies and `gzipStream` streamed exports (zlib lives
    /// in the EventHTTP folder).
    /// The chain is built as nested `MiddlewareChain`s, a type known whole at compile time, so that the steps
    /// cost what the same code in one function would.
    init(router: Router, state: ServerState, gzip: @escaping @Sendable ([UInt8]) -> [UInt8]?,
         gzipStream: @escaping @Sendable (ChunkSource) -> ChunkSource? = Gzip.stream) {
        let config = state.configuration
        let steps = MiddlewareChain(
            CORSMiddleware(origins: config.corsOrigins, router: router), MiddlewareChain(
            LimitsMiddleware(maxUriLength: config.maxUriLength, maxHeadersSize: config.maxHeadersSize), MiddlewareChain(
            AuthMiddleware(keys: config.apiKeys), MiddlewareChain(
            ConditionalMiddleware(), MiddlewareChain(
            ResponseCacheMiddleware(), MiddlewareChain(
            ETagMiddleware(), MiddlewareChain(
            CompressionMiddleware(gzip: gzip, gzipStream: gzipStream),
            CacheControlMiddleware(maxAge: config.cacheMaxAge))))))))
        self.router = router
        self.state = state
        self.chain = { steps.respond(to: $0) { router.respond(to: $0) } }
    }

    /// The service with the given steps, outermost first (tests build chains of their own).
    init(router: Router, state: ServerState, middleware: [any Middleware]) {
        self.router = router
        self.state = state
        self.chain = { Self.run($0, middleware[...], router) }
    }

    /// Answers one request completely, on the snapshot current when it begins. `cache` belongs to the calling thread.
    func respond(to request: Request, cache: ResponseCache?) -> Response {
        let served = state.served
        return chain(RequestContext(request: request, snapshot: served.snapshot, pages: served.pages, cache: cache))
    }

    /// Runs the first of `steps` with the rest as its `next`; past the last step, the router.
    private static func run(_ context: RequestContext, _ steps: ArraySlice<any Middleware>, _ router: Router) -> Response {
        guard let first = steps.first else { return router.respond(to: context) }
        return first.respond(to: context) { run($0, steps.dropFirst(), router) }
    }
}
