/// The answers to requests refused while their head is read, before routing: bytes that are not an HTTP/1.1
/// head (400), a head over the transport's bound (414 when no line has ended yet, else 431), a body over
/// `maxBodySize` (413), an `Expect` other than `100-continue` (417). Each is the API's JSON error envelope,
/// written with `Connection: close`: the connection's input is in an unknown state after it.
///
/// Heads within the bound reach `LimitsMiddleware`, which answers 414 and 431 with the same codes.
enum ProtocolErrors {
    /// The request line is not `METHOD target HTTP/1.x`.
    static let badRequestLine = APIError(status: 400, code: "bad_request", message: "the request line is not HTTP/1.1")
    /// A header line is malformed.
    static let badHeader = APIError(status: 400, code: "bad_request", message: "the request head is not valid HTTP/1.1")
    /// The bound was reached before the request line ended.
    static let requestLineTooLong = APIError(status: 414, code: "uri_too_long", message: "the request line is too long")
    /// The bound was reached in the header lines.
    static let headersTooLarge = APIError(status: 431, code: "headers_too_large", message: "the request header fields are too large")
    /// `Content-Length` over `maxBodySize`.
    static let bodyTooLarge = APIError(status: 413, code: "payload_too_large", message: "the request body is too large")
    /// An `Expect` the server cannot meet.
    static let expectationFailed = APIError(status: 417, code: "expectation_failed", message: "only 'Expect: 100-continue' is supported")

    /// The error for a head the parser refused.
    static func error(_ reason: RequestHead.HeadError) -> APIError {
        reason == .badRequestLine ? badRequestLine : badHeader
    }

    /// The whole HTTP message for `error`, closing the connection.
    static func message(_ error: APIError) -> [UInt8] {
        let body = error.response.bytes ?? []
        var head = "HTTP/1.1 \(error.status) \(String(describing: StatusLine.reason(error.status)))\r\n"
        head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n"
        for (name, value) in error.headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }
}

/// Status lines, written from constants.
enum StatusLine {
    /// Writes `HTTP/1.1 <status> <reason>`.
    static func write(_ status: Int, into head: inout ResponseHead) {
        switch status {
        case 200: head.append("HTTP/1.1 200 OK")
        case 204: head.append("HTTP/1.1 204 No Content")
        case 304: head.append("HTTP/1.1 304 Not Modified")
        case 400: head.append("HTTP/1.1 400 Bad Request")
        case 401: head.append("HTTP/1.1 401 Unauthorized")
        case 404: head.append("HTTP/1.1 404 Not Found")
        case 405: head.append("HTTP/1.1 405 Method Not Allowed")
        default: head.append(Array("HTTP/1.1 \(status) \(String(describing: reason(status)))".utf8))
        }
    }

    /// The reason phrase of `status` (RFC 9110 §15).
    static func reason(_ status: Int) -> StaticString {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 206: "Partial Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 412: "Precondition Failed"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 416: "Range Not Satisfiable"
        case 417: "Expectation Failed"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: status < 300 ? "OK" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error"
        }
    }
}
