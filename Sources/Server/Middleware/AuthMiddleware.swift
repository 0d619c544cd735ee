import Crypto
import Foundation

/// API keys: when `apiKeys` is set, every request but the public paths needs one, as
/// `Authorization: Bearer KEY` or `X-API-Key: KEY`; a request without a configured key gets a 401.
///
/// Keys are compared in constant time: the presented key's SHA-256 digest is compared with the digest of
/// every configured key, each byte of each, with no early exit, so the time taken says nothing about how
/// much of a key matched, which key, or how long the keys are.
struct AuthMiddleware: Middleware {
    /// SHA-256 digests of the configured keys.
    let keyDigests: [[UInt8]]
    /// Paths open without a key: health checks and the contract.
    static let publicPaths: Set<String> = ["/healthz", "/openapi.json"]

    /// The step for `keys` (none: every request passes).
    init(keys: [String]) {
        keyDigests = keys.map { Self.digest($0) }
    }

    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        guard !keyDigests.isEmpty, !Self.publicPaths.contains(context.request.path), !authorized(context.request) else {
            return next(context)
        }
        var response = APIError(status: 401, code: "unauthorized",
                                message: "send an API key as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'").response
        response.headers.append(("WWW-Authenticate", "Bearer"))
        return response
    }

    /// Whether the request carries a configured key, in `X-API-Key` or as a bearer token.
    func authorized(_ request: Request) -> Bool {
        if let key = request.headers.apiKey, isConfigured(key) { return true }
        if let auth = request.headers.authorization, auth.hasPrefix("Bearer ") {
            return isConfigured(String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        }
        return false
    }

    /// Whether `key` is one of the configured keys, in time independent of the keys' contents.
    func isConfigured(_ key: String) -> Bool {
        let presented = Self.digest(key)
        var found: UInt8 = 0
        for configured in keyDigests {
            var difference: UInt8 = 0
            for i in 0..<presented.count { difference |= presented[i] ^ configured[i] }
            // 1 when difference is 0, else 0, without a branch: (difference - 1) borrows only from 0.
            found |= UInt8(truncatingIfNeeded: ((UInt16(difference) &- 1) >> 8) & 1)
        }
        return found == 1
    }

    /// The SHA-256 digest of a key's UTF-8 bytes.
    static func digest(_ key: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(key.utf8)))
    }
}
