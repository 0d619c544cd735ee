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
    /// Headers the API reads, by lower-cased name.
    static let wantedHeaders: Set<String> = [
        "accept", "accept-encoding", "if-none-match", "origin", "authorization", "x-api-key",
        "access-control-request-method", "access-control-request-headers", "content-length", "transfer-encoding",
    ]

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
        var headers: [String: String] = [:]
        var headerBytes = 0
        if let input = evhttp_request_get_input_headers(raw) {
            var entry = input.pointee.tqh_first
            while let e = entry {
                let name = String(cString: e.pointee.key).lowercased()
                if Worker.wantedHeaders.contains(name) { headers[name] = String(cString: e.pointee.value) }
                headerBytes += strlen(e.pointee.key) + strlen(e.pointee.value) + 4
                entry = e.pointee.next.tqe_next
            }
        }
        let request = Request(method: method, uri: uri, headers: headers, headerBytes: headerBytes)
        let response = server.service.respond(to: request, cache: cache)
        if Worker.leavesBodyUnread(request) { evhttp_add_header(evhttp_request_get_output_headers(raw), "Connection", "close") }
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

    /// Whether a request the API takes no body for (every one but POST, PUT, PATCH, which are refused anyway)
    /// announced one: the connection then closes after the answer. Whether libevent 2.1 reads such a body
    /// depends on the method and the build, and one left unread would be taken for the next request.
    static func leavesBodyUnread(_ request: Request) -> Bool {
        if request.method == .post || request.method == .put || request.method == .patch { return false }
        if request.header("transfer-encoding") != nil { return true }
        if let length = request.header("content-length") { return length != "0" }
        return false
    }

    /// The reason phrase of a status libevent 2.1 does not know (it would write "Client Error"); nil lets libevent
    /// write its own.
    static func reasonPhrase(_ status: Int) -> String? {
        status == 431 ? "Request Header Fields Too Large" : nil
    }

    /// Writes a response: headers, then the body at once or as chunks.
    private func send(_ response: Response, to raw: OpaquePointer, head: Bool) {
        let output = evhttp_request_get_output_headers(raw)
        for (name, value) in response.headers { evhttp_add_header(output, name, value) }
        switch response.body {
        case .bytes(let bytes):
            if head {
                // libevent would send the body of a HEAD reply: send only its length.
                evhttp_add_header(output, "Content-Length", String(bytes.count))
            } else if !bytes.isEmpty, let buffer = evhttp_request_get_output_buffer(raw) {
                bytes.withUnsafeBytes { _ = evbuffer_add(buffer, $0.baseAddress, $0.count) }
            }
            evhttp_send_reply(raw, Int32(response.status), Worker.reasonPhrase(response.status), nil)
        case .stream(let source):
            if head {
                evhttp_send_reply(raw, Int32(response.status), nil, nil)
                return
            }
            evhttp_send_reply_start(raw, Int32(response.status), nil)
            let sender = StreamSender(request: raw, source: source, watcher: connections.guardOf(raw))
            sender.sendNext()
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
