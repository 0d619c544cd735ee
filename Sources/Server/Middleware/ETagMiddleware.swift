import Model

/// Tags every cacheable 200 response with a strong `ETag`: a hash of the bytes sent, so that each
/// representation (plain or gzip) has its own tag and equal bodies on two replicas have the same one.
struct ETagMiddleware: Middleware {
    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        var response = next(context)
        guard response.status == 200, response.cacheable, let body = response.bytes else { return response }
        let value = response.bodyHash ?? {
            var hash = FNV1a()
            hash.combine(bytes: body)
            return hash.value
        }()
        let tag = "\"\(String(value, radix: 16))\""
        response.etag = tag
        response.headers.append(("ETag", tag))
        return response
    }
}
