/// One cross-cutting step of the request path (limits, auth, caching, compression, CORS, ETag): it answers
/// the request itself or passes it on with `next`, and may adjust the response that comes back.
///
/// Steps are values built once at startup and shared by every event-loop thread; what belongs to one
/// request or one thread travels in the `RequestContext`.
protocol Middleware: Sendable {
    /// Answers `context.request`, calling `next` for the rest of the chain (and the router) when it does not.
    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response
}
