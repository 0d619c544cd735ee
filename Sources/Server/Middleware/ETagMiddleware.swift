import Model

/// Tags every cacheable 200 response with a strong `ETag`: a hash of the bytes sent, so that each
/// representation (plain or gzip) has its own tag and equal bodies on two replicas have the same one.
struct ETagMiddleware: Middleware {
    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        var response = next(context)
        guard response.status == 200, response.cacheable, let body = response.bytes else { return response }
        // FNV1a.hash is @inlinable, so it is specialized for [UInt8] here; FNV1a().combine(bytes:) (the same hash)
        // is generic across the module boundary and walked the body through witness tables: a third of the CPU of
        // an uncached 500-item list. A stored answer comes with its hash (`bodyHash`) and is not read again.
        let tag = "\"\(String(response.bodyHash ?? FNV1a.hash(body), radix: 16))\""
        response.etag = tag
        response.headers.append(("ETag", tag))
        return response
    }
}
