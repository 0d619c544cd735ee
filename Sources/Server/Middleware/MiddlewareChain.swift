/// Two steps, `inner` run as `outer`'s `next`. Nested, these make a chain whose whole type the compiler knows,
/// so that it calls every step directly and can inline them: no dynamic dispatch on the request path (the
/// approach of Hummingbird's `MiddlewareFixedTypeBuilder`).
struct MiddlewareChain<Outer: Middleware, Inner: Middleware>: Middleware {
    /// The step run first.
    let outer: Outer
    /// The step `outer` passes requests to.
    let inner: Inner

    /// `outer` around `inner`.
    init(_ outer: Outer, _ inner: Inner) {
        self.outer = outer
        self.inner = inner
    }

    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        outer.respond(to: context) { inner.respond(to: $0, next: next) }
    }
}
