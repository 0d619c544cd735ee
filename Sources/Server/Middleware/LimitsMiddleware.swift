/// Refuses request heads over the configured limits before anything else reads them: a request target over
/// `maxUriLength` is a 414, header lines over `maxHeadersSize` in all a 431 (RFC 9110 §15.5.15, RFC 6585 §5).
///
/// Heads far beyond both limits never reach here: the connection refuses them while reading, with the same JSON
/// (see `EventHTTP/ProtocolErrors.swift`).
struct LimitsMiddleware: Middleware {
    /// Longest request target, in bytes.
    let maxUriLength: Int
    /// Most bytes of header lines (names, values and their separators).
    let maxHeadersSize: Int

    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        let request = context.request
        if request.uri.utf8.count > maxUriLength {
            return APIError(status: 414, code: "uri_too_long",
                            message: "the request target is longer than \(maxUriLength) bytes").response
        }
        if request.headerBytes > maxHeadersSize {
            return APIError(status: 431, code: "headers_too_large",
                            message: "the request header fields are larger than \(maxHeadersSize) bytes").response
        }
        return next(context)
    }
}
