import Foundation

/// API keys: when `apiKeys` is set, every request but the public paths needs one, as
/// `Authorization: Bearer KEY` or `X-API-Key: KEY`; a request without a configured key gets a 401.
struct AuthMiddleware: Middleware {
    /// The configured keys.
    let keys: [String]
    /// Paths open without a key: health checks and the contract.
    static let publicPaths: Set<String> = ["/healthz", "/openapi.json"]

    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        guard !keys.isEmpty, !Self.publicPaths.contains(context.request.path), !authorized(context.request) else {
            return next(context)
        }
        var response = APIError(status: 401, code: "unauthorized",
                                message: "send an API key as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'").response
        response.headers.append(("WWW-Authenticate", "Bearer"))
        return response
    }

    /// Whether the request carries a configured key.
    func authorized(_ request: Request) -> Bool {
        if let key = request.header("x-api-key"), keys.contains(key) { return true }
        if let auth = request.header("authorization"), auth.hasPrefix("Bearer ") {
            return keys.contains(String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        }
        return false
    }
}
