import CEvent
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The JSON error envelope for the requests libevent refuses on its own.
///
/// libevent 2.1 answers some requests before (or instead of) calling the server: a request line or header
/// section it cannot parse (400), a head over `evhttp_set_max_headers_size` (400), a body over
/// `evhttp_set_max_body_size` (413), an `Expect` other than `100-continue` (417), a method outside
/// `evhttp_set_allowed_methods` (501). Every one of these goes through `evhttp_send_error`, which writes an
/// HTML page, and 2.1 has no hook to change it (`evhttp_set_errorcb` came in 2.2). libevent calls
/// `evhttp_send_error` through its PLT, so a definition of that symbol in the executable takes precedence
/// over the library's (ELF symbol interposition, as with `malloc`): the function below is that definition.
/// It writes the API's error envelope with the status libevent chose, refined where the input shows why
/// (414 for a request line over the limit, 431 for header lines over it), and closes the connection, as
/// libevent's own page does. `LiveServerTests` checks over a socket that it is the one called.
///
/// Unknown methods never get here: `evhttp_set_allowed_methods` admits libevent's "unknown method" bit, so
/// they reach the router, which answers 405 with `Allow`.
@_cdecl("evhttp_send_error")
func libeventSendsAnError(_ request: OpaquePointer?, _ status: Int32, _ reason: UnsafePointer<CChar>?) {
    guard let request else { return }
    guard let connection = evhttp_request_get_connection(request),
          let bufferEvent = evhttp_connection_get_bufferevent(connection),
          let output = bufferevent_get_output(bufferEvent)
    else {
        // No connection left to answer on: libevent's reply path frees the request.
        evhttp_send_reply(request, status, reason, nil)
        return
    }
    let error = LibeventErrorPage.error(status: Int(status), request: request, input: bufferevent_get_input(bufferEvent))
    let bytes = LibeventErrorPage.message(error)
    // Written at once, after anything still queued for the connection, and the connection is closed: the
    // request's input is in an unknown state. (The request line may never have been parsed, so libevent's own
    // reply path would write "HTTP/0.0".)
    let fd = bufferevent_getfd(bufferEvent)
    bytes.withUnsafeBytes { _ = evbuffer_add(output, $0.baseAddress, $0.count) }
    while evbuffer_get_length(output) > 0 && evbuffer_write(output, fd) > 0 {}
    LibeventErrorPage.discardPendingInput(fd)
    evhttp_connection_free(connection)
}

/// How `libeventSendsAnError` chooses and writes its answer.
enum LibeventErrorPage {
    /// The smallest head libevent refuses as too long (the limit given to `evhttp_set_max_headers_size`), set
    /// when a server starts: a refused request line with at least this many bytes pending and no line end was
    /// refused for its length.
    static let headLimit = Atomic<Int>(Int.max)
    /// The configured `maxHeadersSize`, to tell header sections refused for their size.
    static let headersLimit = Atomic<Int>(Int.max)

    /// The error for libevent's `status`, refined by what the request and its pending input show.
    static func error(status: Int, request: OpaquePointer, input: OpaquePointer?) -> APIError {
        switch status {
        case 400:
            let pending = input.map { evbuffer_get_length($0) } ?? 0
            let lineEnd = input.map { hasLineEnd($0) } ?? false
            if evhttp_request_get_command(request).rawValue == 0 {
                // The request line was never parsed: refused for its length when no line end has come yet.
                if !lineEnd && pending >= headLimit.load(ordering: .relaxed) {
                    return APIError(status: 414, code: "uri_too_long", message: "the request line is too long")
                }
                return APIError(status: 400, code: "bad_request", message: "the request line is not HTTP/1.1")
            }
            // Header lines: libevent refuses them for their size with or without complete lines pending.
            if parsedHeaderBytes(request) + pending > headersLimit.load(ordering: .relaxed) {
                return APIError(status: 431, code: "headers_too_large", message: "the request header fields are too large")
            }
            return APIError(status: 400, code: "bad_request", message: "the request head is not valid HTTP/1.1")
        case 413:
            return APIError(status: 413, code: "payload_too_large", message: "the request body is too large")
        case 417:
            return APIError(status: 417, code: "expectation_failed", message: "only 'Expect: 100-continue' is supported")
        case 501:
            return APIError(status: 501, code: "not_implemented", message: "this method is not implemented")
        default:
            return APIError(status: status, code: "bad_request", message: "the request cannot be answered")
        }
    }

    /// The whole HTTP message for `error`, closing the connection.
    static func message(_ error: APIError) -> [UInt8] {
        let body = error.response.bytes ?? []
        let head = "HTTP/1.1 \(error.status) \(reasonPhrase(error.status))\r\nContent-Type: application/json; charset=utf-8\r\n"
            + "Content-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + body
    }

    /// The reason phrase of the statuses this file writes.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 417: "Expectation Failed"
        case 431: "Request Header Fields Too Large"
        case 501: "Not Implemented"
        default: "Error"
        }
    }

    /// Whether the pending input holds a line end (libevent refuses an unfinished line only for its length).
    static func hasLineEnd(_ input: OpaquePointer) -> Bool {
        var newline: CChar = 0x0A
        return evbuffer_search(input, &newline, 1, nil).pos >= 0
    }

    /// Bytes of the header lines libevent parsed before it refused the request.
    static func parsedHeaderBytes(_ request: OpaquePointer) -> Int {
        guard let headers = evhttp_request_get_input_headers(request) else { return 0 }
        var total = 0
        var entry = headers.pointee.tqh_first
        while let e = entry {
            total += strlen(e.pointee.key) + strlen(e.pointee.value) + 4
            entry = e.pointee.next.tqe_next
        }
        return total
    }

    /// Reads and drops what the client has already sent, so that closing the socket does not reset the
    /// connection (a reset can destroy the answer before the client reads it). Bounded: a client that keeps
    /// sending is cut off.
    static func discardPendingInput(_ fd: Int32) {
        var scratch = [UInt8](repeating: 0, count: 16384)
        for _ in 0..<64 {
            let n = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n <= 0 { return }
        }
    }
}
