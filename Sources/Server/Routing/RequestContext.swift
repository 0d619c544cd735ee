import Model

/// What the middleware steps and the handler of one request see: the request, its route's parameters (once
/// routed), the corpus snapshot taken once when the request began, and the calling thread's response cache.
///
/// A reload swaps the server's snapshot at any moment; a request reads only the one in its context, so its
/// answer never mixes two corpora.
struct RequestContext {
    /// The request as received.
    var request: Request
    /// Path and query parameters of the matched route; empty until the router has matched one.
    var parameters: Parameters
    /// The corpus this request reads, taken once at its start.
    let snapshot: CorpusSnapshot
    /// The snapshot's pre-encoded list items (nil: items are written per request, as in tests that build a context).
    let pages: EncodedPages?
    /// Finished responses of the thread answering (nil: no caching, as in most tests).
    let cache: ResponseCache?

    /// A context for `request` over `snapshot`.
    init(request: Request, snapshot: CorpusSnapshot, pages: EncodedPages? = nil, cache: ResponseCache? = nil) {
        self.request = request
        self.parameters = Parameters()
        self.snapshot = snapshot
        self.pages = pages
        self.cache = cache
    }
}
