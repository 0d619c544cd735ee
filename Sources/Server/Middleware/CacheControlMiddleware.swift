/// `Cache-Control` on successful answers: `public, max-age` for those that depend only on the corpus and the
/// request, `no-store` for the others (`/stats`, `/metrics`, `/healthz`).
struct CacheControlMiddleware: Middleware {
    /// The header value for cacheable answers ("public, max-age=60").
    let cacheable: String

    /// Builds the step for `maxAge` seconds.
    init(maxAge: Int) { cacheable = "public, max-age=\(maxAge)" }

    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        var response = next(context)
        guard response.status == 200 else { return response }
        if !response.cacheable {
            response.headers.append(("Cache-Control", "no-store"))
        } else if response.bytes != nil {
            // Streamed exports are produced anew each time and carry no validator: no caching advice.
            response.headers.append(("Cache-Control", cacheable))
        }
        return response
    }
}
