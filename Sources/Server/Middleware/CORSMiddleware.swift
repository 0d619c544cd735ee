/// Cross-origin requests: answers CORS preflights, and gives every answer to a request with an `Origin` (which
/// browsers always send cross-origin) the `Access-Control-Allow-Origin` that `corsOrigins` allows. Same-origin
/// and non-browser clients (curl, load balancers) get no CORS header: two headers fewer.
struct CORSMiddleware: Middleware {
    /// Allowed origins; "*" allows any.
    let origins: [String]
    /// Matches paths, to list the methods a preflight may ask for.
    let router: Router

    /// Request headers a browser may send cross-origin: the ones the API reads. A preflight lists exactly these,
    /// never echoes `Access-Control-Request-Headers`: the browser then refuses to send any other header.
    static let allowedHeaders = "Accept, Accept-Encoding, Authorization, Content-Type, If-None-Match, X-API-Key"
    /// Response headers a cross-origin script may read.
    static let exposedHeaders = "ETag, Content-Length, X-Total-Count"

    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        let request = context.request
        guard let origin = request.headers.origin else {
            var response = next(context)
            addVary(&response)
            return response
        }
        var response = request.method == .options && request.headers.corsMethod != nil
            ? preflight(request) : next(context)
        if let allowed = allowedOrigin(origin) {
            response.headers.append(("Access-Control-Allow-Origin", allowed))
            response.headers.append(("Access-Control-Expose-Headers", Self.exposedHeaders))
        }
        addVary(&response)
        return response
    }

    /// The `Access-Control-Allow-Origin` value for `origin`, or nil when it is not allowed.
    func allowedOrigin(_ origin: String) -> String? {
        if origins.contains("*") { return "*" }
        return origins.contains(origin) ? origin : nil
    }

    /// The answer to a preflight: the methods the path answers and the request headers the API reads.
    func preflight(_ request: Request) -> Response {
        let matches = router.match(request.path)
        let methods = matches.isEmpty ? "GET, HEAD, OPTIONS" : Router.allowedMethods(matches.map(\.route)).joined(separator: ", ")
        var response = Response(status: 204, headers: [
            ("Access-Control-Allow-Methods", methods),
            ("Access-Control-Allow-Headers", Self.allowedHeaders),
            ("Access-Control-Max-Age", "86400"),
        ], body: .bytes([]))
        response.cacheable = false
        if let first = matches.first { response.setRoute(first.route) }
        return response
    }

    /// Every answer depends on `Origin` (CORS headers) and may depend on `Accept-Encoding` (gzip): say so once.
    /// Answers that passed the compression step already carry it, so a cached answer is not copied for this.
    private func addVary(_ response: inout Response) {
        if !response.hasVary { response.setVary(CompressionMiddleware.vary) }
    }
}
