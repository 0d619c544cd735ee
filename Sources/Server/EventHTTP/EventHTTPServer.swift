import CEvent
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// An HTTP server on libevent's evhttp: one event base and one evhttp per thread, each with its own
/// SO_REUSEPORT listener on the same address, so the kernel spreads connections over the threads.
///
/// This folder is the only code that touches libevent; the rest of the server sees `Request` and `Response`.
final class EventHTTPServer: @unchecked Sendable {
    // @unchecked Sendable: `workers` and `port` are set in `start()` before any other thread exists and
    // only read afterwards; each worker's C handles are used only by its own thread, except
    // `event_base_loopexit`, which libevent makes thread-safe once evthread_use_pthreads() has run.

    /// Answers requests; called on the worker threads.
    let service: HTTPService
    /// Settings: host, port, threads, limits.
    let configuration: Configuration
    let logger: Logger
    /// The connection cap, head deadline and drain flag the workers share (`EventHTTPServer+Drain.swift`).
    let limits: ConnectionLimits
    /// The open-file limit in force (raised to the hard limit when the server was made).
    let openFileLimit: Int
    private(set) var workers: [Worker] = []
    private var threads: [pthread_t] = []
    /// The port actually bound (the configured one, or the one the system picked for port 0).
    private(set) var port = 0

    /// Creates a server; nothing is bound until `start()`.
    init(service: HTTPService, configuration: Configuration, logger: Logger) {
        self.service = service
        self.configuration = configuration
        self.logger = logger
        openFileLimit = OpenFileLimit.raiseToHardLimit()
        let cap = configuration.maxConnections > 0
            ? configuration.maxConnections : OpenFileLimit.defaultMaxConnections(limit: openFileLimit)
        limits = ConnectionLimits(maxConnections: cap, headerTimeoutSeconds: configuration.headerTimeoutSeconds, logger: logger)
    }

    /// Binds the listeners and starts the worker threads.
    func start() throws {
        guard evthread_use_pthreads() == 0 else { throw EventHTTPError.threadingUnavailable }
        signal(SIGPIPE, SIG_IGN)
        var port = configuration.port
        for index in 0..<configuration.effectiveThreads {
            let worker = try Worker(index: index, server: self, host: configuration.host, port: port)
            if index == 0 { port = worker.boundPort }
            workers.append(worker)
        }
        self.port = port
        for worker in workers {
            var thread = pthread_t()
            let result = pthread_create(&thread, nil, workerThreadMain, Unmanaged.passRetained(worker).toOpaque())
            guard result == 0 else { throw EventHTTPError.threadStartFailed(errno: result) }
            threads.append(thread)
        }
    }

    /// Stops every worker loop and waits for the threads. Safe to call from any thread.
    func stop() {
        // loopexit, not loopbreak: a loop that has not started yet clears a pending break when it starts,
        // but runs a scheduled exit on its first turn, so a stop right after start cannot be lost.
        for worker in workers { event_base_loopexit(worker.base, nil) }
        for thread in threads { pthread_join(thread, nil) }
        threads.removeAll()
    }

    deinit {
        stop()
    }
}

/// Thread entry point: runs one worker's event loop. A top-level function, so that it carries no actor isolation.
private func workerThreadMain(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    let worker = Unmanaged<Worker>.fromOpaque(context!).takeRetainedValue()
    worker.run()
    return nil
}

/// evhttp's request callback: recovers the worker and hands the request to it.
private func handleRequestTrampoline(_ request: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    guard let request, let context else { return }
    Unmanaged<Worker>.fromOpaque(context).takeUnretainedValue().handle(request)
}

/// Called when a streamed chunk has been written: sends the next one.
private func streamChunkSentTrampoline(_ connection: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<StreamSender>.fromOpaque(context).takeUnretainedValue().sendNext()
}

/// Called when a connection closes: ends a stream still being sent on it.
private func streamConnectionClosedTrampoline(_ connection: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<StreamSender>.fromOpaque(context).takeUnretainedValue().connectionClosed()
}

/// One event-loop thread: its event base, evhttp and response cache.
final class Worker {
    let index: Int
    let base: OpaquePointer
    let http: OpaquePointer
    let boundPort: Int
    unowned let server: EventHTTPServer
    /// Open connections: cap, head deadline, drain (`ConnectionTable.swift`).
    let connections: ConnectionTable
    /// Pauses accepting when accept() fails (`AcceptBackoff.swift`).
    var acceptBackoff: AcceptBackoff?
    /// The listening socket as evhttp holds it; a drain closes it.
    var boundSocket: OpaquePointer?
    /// This thread's finished responses.
    let cache: ResponseCache
    /// The `Date` value, written once a second.
    private var date = HTTPDate()
    /// Scratch space for a response's header lines, kept between requests.
    private var headLines: [UInt8] = []

    init(index: Int, server: EventHTTPServer, host: String, port: Int) throws {
        self.index = index
        self.server = server
        self.cache = ResponseCache(capacity: server.configuration.responseCacheEntries)
        // The epoll changelist folds the add/remove of a socket's read and write interest within one loop
        // turn into a single epoll_ctl call: fewer system calls per keep-alive request.
        let eventConfig = event_config_new()
        defer { event_config_free(eventConfig) }
        event_config_set_flag(eventConfig, Int32(EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST.rawValue))
        guard let base = event_base_new_with_config(eventConfig) else { throw EventHTTPError.baseCreationFailed }
        guard let http = evhttp_new(base) else {
            event_base_free(base)
            throw EventHTTPError.httpCreationFailed
        }
        self.base = base
        self.http = http
        var storage = sockaddr_storage()
        var length = Int32(MemoryLayout<sockaddr_storage>.size)
        // libevent rejects port 0 in the text, so the address is parsed without a port and the port set after.
        let address = host == "localhost" ? "127.0.0.1" : host
        let parsed = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { evutil_parse_sockaddr_port(address, $0, &length) }
        }
        if parsed == 0 {
            let networkPort = UInt16(port).bigEndian
            if storage.ss_family == sa_family_t(AF_INET6) {
                withUnsafeMutablePointer(to: &storage) {
                    $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port = networkPort }
                }
            } else {
                withUnsafeMutablePointer(to: &storage) {
                    $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port = networkPort }
                }
            }
        }
        guard parsed == 0 else {
            evhttp_free(http)
            event_base_free(base)
            throw EventHTTPError.badAddress(host: host, port: port)
        }
        let flags = UInt32(LEV_OPT_REUSEABLE | LEV_OPT_REUSEABLE_PORT | LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC)
        let listener = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                evconnlistener_new_bind(base, nil, nil, flags, 1024, $0, length)
            }
        }
        guard let listener else {
            let error = errno
            evhttp_free(http)
            event_base_free(base)
            throw EventHTTPError.bindFailed(host: host, port: port, errno: error)
        }
        connections = ConnectionTable(base: base, limits: server.limits)
        // evhttp takes ownership of the listener and frees it with itself.
        boundSocket = evhttp_bind_listener(http, listener)
        server.limits.listenerOpened()
        connections.install(on: http)
        acceptBackoff = AcceptBackoff(listener: listener, base: base, limits: server.limits)
        var bound = sockaddr_storage()
        var boundLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(evconnlistener_get_fd(listener), $0, &boundLength) }
        }
        let family = bound.ss_family
        boundPort = withUnsafePointer(to: &bound) { pointer -> Int in
            if family == sa_family_t(AF_INET6) {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
        let c = server.configuration
        Worker.admitEveryMethod(http)
        // Every response names its Content-Type among the header lines `send` writes, where libevent cannot see it
        // by name: without this, libevent would add its default (text/html) to every response with a body.
        evhttp_set_default_content_type(http, nil)
        Worker.setHeadLimits(http, c)
        evhttp_set_max_body_size(http, c.maxBodySize)
        evhttp_set_timeout(http, Int32(c.timeoutSeconds))
        evhttp_set_gencb(http, handleRequestTrampoline, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Runs the event loop until `stop()` schedules its exit.
    func run() {
        event_base_dispatch(base)
    }

    /// Answers one request from evhttp.
    func handle(_ raw: OpaquePointer) {
        let started = monotonicNanoseconds()
        connections.requestStarted(raw)
        let method: HTTPMethod
        switch evhttp_request_get_command(raw) {
        case EVHTTP_REQ_GET: method = .get
        case EVHTTP_REQ_HEAD: method = .head
        case EVHTTP_REQ_OPTIONS: method = .options
        case EVHTTP_REQ_POST: method = .post
        case EVHTTP_REQ_PUT: method = .put
        case EVHTTP_REQ_DELETE: method = .delete
        case EVHTTP_REQ_PATCH: method = .patch
        case EVHTTP_REQ_TRACE: method = .trace
        case EVHTTP_REQ_CONNECT: method = .connect
        default: method = .other
        }
        let uri = Request.originForm(evhttp_request_get_uri(raw).map { String(cString: $0) } ?? "/")
        var headers = RequestHeaders()
        var headerBytes = 0
        var announcesBody = false
        if let input = evhttp_request_get_input_headers(raw) {
            var entry = input.pointee.tqh_first
            while let e = entry {
                if let key = e.pointee.key, let value = e.pointee.value {
                    let keyLength = strlen(key)
                    headerBytes += keyLength + strlen(value) + 4
                    switch Worker.classify(key, keyLength) {
                    case .kept(let name): headers[name] = String(cString: value)
                    case .announcesBody(let always): if always || strcmp(value, "0") != 0 { announcesBody = true }
                    case .other: break
                    }
                }
                entry = e.pointee.next.tqe_next
            }
        }
        let request = Request(method: method, uri: uri, headers: headers, headerBytes: headerBytes)
        let response = server.service.respond(to: request, cache: cache)
        if announcesBody && Worker.takesNoBody(method) { evhttp_add_header(evhttp_request_get_output_headers(raw), "Connection", "close") }
        send(response, to: raw, head: method == .head)
        let seconds = Double(monotonicNanoseconds() - started) / 1e9
        server.service.state.metrics.record(route: response.route, status: response.status, seconds: seconds, shard: index)
        if server.logger.logLevel <= .debug {
            server.logger.debug("request", metadata: [
                "request.method": "\(method.rawValue)", "request.uri": "\(uri)", "response.status": "\(response.status)",
                "response.seconds": "\(seconds)", "worker": "\(index)",
            ])
        }
    }

    /// Lets every method through to the router, which answers 405 with `Allow` in JSON: libevent marks a method
    /// it does not know (`QUERY`, `FOO`) with bit 15 (`EVHTTP_REQ_UNKNOWN_` in its http-internal.h) and would
    /// answer it with its own HTML 501 unless that bit is allowed too.
    static func admitEveryMethod(_ http: OpaquePointer) {
        evhttp_set_allowed_methods(http, UInt16.max)
    }

    /// libevent's bound on a request head (request line and header lines together) is the sum of the two
    /// configured limits: heads within it reach `LimitsMiddleware`, which answers 414 or 431; longer ones
    /// libevent refuses while reading, and `LibeventErrorPage` answers them with the same codes.
    static func setHeadLimits(_ http: OpaquePointer, _ c: Configuration) {
        let limit = c.maxHeadersSize + c.maxUriLength
        evhttp_set_max_headers_size(http, limit)
        LibeventErrorPage.headLimit.store(limit, ordering: .relaxed)
        LibeventErrorPage.headersLimit.store(c.maxHeadersSize, ordering: .relaxed)
    }

    /// Whether the API takes no body with `method` (every one but POST, PUT, PATCH, which are refused anyway).
    /// A request that announces one anyway is answered with `Connection: close`: whether libevent 2.1 reads
    /// such a body depends on the method and the build, and one left unread would be taken for the next request.
    static func takesNoBody(_ method: HTTPMethod) -> Bool {
        method != .post && method != .put && method != .patch
    }

    /// What a request header is to the server.
    enum HeaderKind: Equatable {
        /// One the API reads.
        case kept(RequestHeaders.Name)
        /// `Transfer-Encoding` (`always`: a body follows), or `Content-Length` (a body unless the value is 0).
        case announcesBody(always: Bool)
        /// Any other: never made into a Swift string.
        case other
    }

    /// The kind of the header named `name` (`length` bytes, any case). Names are compared only when their length
    /// matches, byte by byte, so that other headers cost a switch on their length.
    static func classify(_ name: UnsafePointer<CChar>, _ length: Int) -> HeaderKind {
        func matches(_ lowercased: StaticString) -> Bool {
            let expected = lowercased.utf8Start
            for i in 0..<length {
                var byte = UInt8(bitPattern: name[i])
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
                if byte != expected[i] { return false }
            }
            return true
        }
        switch length {
        case 6: return matches("accept") ? .kept(.accept) : matches("origin") ? .kept(.origin) : .other
        case 9: return matches("x-api-key") ? .kept(.apiKey) : .other
        case 13: return matches("if-none-match") ? .kept(.ifNoneMatch) : matches("authorization") ? .kept(.authorization) : .other
        case 14: return matches("content-length") ? .announcesBody(always: false) : .other
        case 15: return matches("accept-encoding") ? .kept(.acceptEncoding) : .other
        case 17: return matches("transfer-encoding") ? .announcesBody(always: true) : .other
        case 29: return matches("access-control-request-method") ? .kept(.corsMethod) : .other
        case 30: return matches("access-control-request-headers") ? .kept(.corsHeaders) : .other
        default: return .other
        }
    }

    /// The reason phrase of a status libevent 2.1 does not know (it would write "Client Error"); nil lets libevent
    /// write its own.
    static func reasonPhrase(_ status: Int) -> String? {
        status == 431 ? "Request Header Fields Too Large" : nil
    }

    /// Writes a response: headers, then the body at once or as chunks.
    private func send(_ response: Response, to raw: OpaquePointer, head: Bool) {
        switch response.body {
        case .bytes(let bytes):
            // A HEAD reply carries the length its GET would have (libevent sends no body for HEAD); 1xx, 204 and
            // 304 carry none.
            let length = Worker.statusHasBody(response.status) ? bytes.count : nil
            writeHeaders(response, to: raw, contentLength: length)
            if !head, !bytes.isEmpty, let buffer = evhttp_request_get_output_buffer(raw) {
                bytes.withUnsafeBytes { _ = evbuffer_add(buffer, $0.baseAddress, $0.count) }
            }
            evhttp_send_reply(raw, Int32(response.status), Worker.reasonPhrase(response.status), nil)
        case .stream(let source):
            writeHeaders(response, to: raw, contentLength: nil)
            if head {
                evhttp_send_reply(raw, Int32(response.status), nil, nil)
                return
            }
            evhttp_send_reply_start(raw, Int32(response.status), nil)
            let sender = StreamSender(request: raw, source: source, watcher: connections.guardOf(raw))
            sender.sendNext()
        }
    }

    /// Whether a response with `status` has a body (RFC 9110 §6.4.1): all but 1xx, 204 and 304.
    static func statusHasBody(_ status: Int) -> Bool {
        status >= 200 && status != 204 && status != 304
    }

    /// Puts the response's headers, `Date` and `Content-Length` (when given) among the request's output headers as
    /// two entries: `Date`, whose value carries every other header line after it, and `Content-Length`. libevent
    /// writes each entry with one `printf`, finds `Date` and `Content-Length` by name and adds neither again;
    /// with no `Content-Length`, a streamed reply gets `Transfer-Encoding: chunked` as before. A cached answer's
    /// lines come written already (`HeaderBlock`).
    private func writeHeaders(_ response: Response, to raw: OpaquePointer, contentLength: Int?) {
        guard let output = evhttp_request_get_output_headers(raw) else { return }
        headLines.removeAll(keepingCapacity: true)
        headLines += date.now()
        var start = 0
        if let block = response.headerBlock, block.covers(response.headers) {
            if !block.bytes.isEmpty {
                headLines.append(0x0D)
                headLines.append(0x0A)
                headLines += block.bytes
            }
            start = block.headerCount
        }
        // `headLines` holds the date already, so each line appended is preceded by CRLF.
        for header in response.headers[start...] { HeaderBlock.append(header, to: &headLines) }
        headLines.withUnsafeBufferPointer { lines in
            lines.withMemoryRebound(to: CChar.self) { _ = newsdesk_append_header(output, "Date", $0.baseAddress, $0.count) }
        }
        guard let contentLength else { return }
        // The decimal digits, written from the end of a buffer on the stack.
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 24) { buffer in
            var index = buffer.count
            var rest = contentLength
            repeat {
                index -= 1
                buffer[index] = CChar(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0 && index > 0
            _ = newsdesk_append_header(output, "Content-Length", buffer.baseAddress! + index, buffer.count - index)
        }
    }

    deinit {
        acceptBackoff?.stop()
        evhttp_free(http)
        connections.close()
        event_base_free(base)
    }
}

/// Sends a streamed body chunk by chunk, each when the previous one has been written, so that an export
/// never sits whole in memory. Keeps itself alive until the stream ends or the connection closes.
final class StreamSender {
    private let request: OpaquePointer
    private let connection: OpaquePointer?
    private let source: ChunkSource
    private var retained: Unmanaged<StreamSender>?
    /// The connection's guard, which owns its close callback and passes the close on.
    private weak var watcher: ConnectionGuard?

    init(request: OpaquePointer, source: ChunkSource, watcher: ConnectionGuard?) {
        self.request = request
        self.connection = evhttp_request_get_connection(request)
        self.source = source
        self.retained = Unmanaged.passRetained(self)
        self.watcher = watcher
        if let watcher {
            watcher.stream = self
        } else if let connection {
            evhttp_connection_set_closecb(connection, streamConnectionClosedTrampoline, retained!.toOpaque())
        }
    }

    /// Sends the next chunk, or ends the reply.
    func sendNext() {
        guard let retained else { return }
        if let chunk = source.next(), let buffer = evbuffer_new() {
            chunk.withUnsafeBytes { _ = evbuffer_add(buffer, $0.baseAddress, $0.count) }
            evhttp_send_reply_chunk_with_cb(request, buffer, streamChunkSentTrampoline, retained.toOpaque())
            evbuffer_free(buffer)
        } else {
            finish()
            evhttp_send_reply_end(request)
        }
    }

    /// The client went away: stop, and let go of the stream.
    func connectionClosed() {
        finish()
    }

    private func finish() {
        guard let retained else { return }
        if let watcher {
            watcher.stream = nil
        } else if let connection {
            evhttp_connection_set_closecb(connection, nil, nil)
        }
        self.retained = nil
        retained.release()
    }
}

/// Nanoseconds on the monotonic clock (Foundation and Dispatch are kept out of this file: their C
/// modules clash with libevent's over `fd_set`).
private func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}
