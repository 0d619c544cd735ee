import Model

/// An error the API reports to the client, rendered as API.md's error envelope.
struct APIError: Error, Equatable, Sendable {
    /// HTTP status.
    var status: Int
    /// Machine-readable code: invalid_parameter, not_found, method_not_allowed, …
    var code: String
    /// Human-readable message.
    var message: String
    /// The query parameter at fault, for invalid_parameter.
    var parameter: String? = nil
    /// Extra headers (Allow for 405).
    var headers: [String: String] = [:]

    /// 400 naming the parameter.
    static func invalidParameter(_ name: String, _ message: String) -> APIError {
        APIError(status: 400, code: "invalid_parameter", message: message, parameter: name)
    }

    /// 404.
    static func notFound(_ message: String) -> APIError {
        APIError(status: 404, code: "not_found", message: message)
    }

    /// 405 with the allowed methods.
    static func methodNotAllowed(_ method: String, allowed: [String]) -> APIError {
        APIError(status: 405, code: "method_not_allowed",
                 message: "\(method == HTTPMethod.other.rawValue ? "this method" : method) is not allowed here; use \(allowed.joined(separator: ", "))",
                 headers: ["Allow": allowed.joined(separator: ", ")])
    }

    /// 500 with a generic message: never a stack trace or a path.
    static let internalError = APIError(status: 500, code: "internal", message: "internal server error")

    /// The error envelope as a response.
    var response: Response {
        var w = JSONWriter()
        w.beginObject()
        w.key("error")
        w.beginObject()
        w.key("status"); w.int(status)
        w.key("code"); w.string(code)
        w.key("message"); w.string(message)
        if let parameter { w.key("parameter"); w.string(parameter) }
        w.endObject()
        w.endObject()
        var response = Response.json(w.bytes, status: status)
        response.cacheable = false
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { response.headers.append((name, value)) }
        return response
    }
}
