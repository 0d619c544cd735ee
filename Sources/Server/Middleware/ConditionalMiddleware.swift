import Foundation

/// `If-None-Match`: a 304 without a body when the request names the response's entity tag (RFC 9110 §13.1.2).
/// It sits outside the response cache, so that cached answers are validated too.
struct ConditionalMiddleware: Middleware {
    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        let response = next(context)
        guard let tag = response.etag, let match = context.request.headers.ifNoneMatch else { return response }
        let tags = match.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard tags.contains("*") || tags.contains(tag) || tags.contains("W/" + tag) else { return response }
        var notModified = response
        notModified.status = 304
        notModified.body = .bytes([])
        notModified.headers.removeAll { ["content-type", "content-encoding"].contains($0.name.lowercased()) }
        return notModified
    }
}
