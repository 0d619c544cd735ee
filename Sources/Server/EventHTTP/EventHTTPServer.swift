import CEvent
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on libevent's event loop: one event base per thread; the first thread listens and the others
/// get connections from a thread that is saturated while cores are idle (`ConnectionBalance`). Each connection is read,
/// parsed and written by `HTTPConnection` on its thread with plain `read`/`writev` and libevent events, as
/// nginx does: one read buffer, an allocation-free head parser, pipelining and keep-alive, a response written
/// with one `writev` (an EV_WRITE event takes over only when the socket would block). No lock is taken per
/// request: libevent runs without its thread support, and another thread reaches a worker only through the
/// worker's wake-up pipe (`post`).
///
/// This folder is the only code that touches libevent; the rest of the server sees `Request` and `Response`.
final class EventHTTPServer: @unchecked Sendable {
    // @unchecked Sendable: `workers`, `threads` and `port` are set in `start()` and `stop()`, called by the thread
    // that owns the server; the workers' C handles are used only by their own threads (other threads only `post`).

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
        signal(SIGPIPE, SIG_IGN)
        var port = configuration.port
        for index in 0..<configuration.effectiveThreads {
            let worker = try Worker(index: index, server: self, host: configuration.host, port: port, listens: index == 0)
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

    /// Stops every worker loop and waits for the threads. Any thread but a worker's.
    func stop() {
        // A stop posted before a loop has started is seen on its first turn: the pipe stays readable.
        for worker in workers { worker.post(.stop) }
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

/// The listener's accept callback: a connection to adopt.
private func acceptTrampoline(_ listener: OpaquePointer?, _ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>?,
                              _ length: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else {
        close(fd)
        return
    }
    Unmanaged<Worker>.fromOpaque(context).takeUnretainedValue().accept(fd)
}

/// The listener's error callback: accept() failed.
private func acceptFailedTrampoline(_ listener: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    let error = newsdesk_socket_error()
    guard let context else { return }
    Unmanaged<Worker>.fromOpaque(context).takeUnretainedValue().acceptBackoff?.acceptFailed(error: error)
}

/// The wake-up pipe became readable: run what other threads posted.
private func wakeTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<Worker>.fromOpaque(context).takeUnretainedValue().runPosted()
}

/// The drain's periodic sweep of idle connections.
private func drainSweepTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<Worker>.fromOpaque(context).takeUnretainedValue().sweepIdle()
}

/// What every connection of a worker reads of the configuration, in the units it uses.
struct ConnectionSettings {
    /// The most bytes a request head may take before it is refused while read (`maxHeadersSize + maxUriLength`):
    /// heads within it reach `LimitsMiddleware`, which answers 414 or 431 by the configured limits.
    let headLimit: Int
    /// `maxBodySize`: a `Content-Length` over it is answered 413.
    let maxBodySize: Int
    /// The request-head deadline, in nanoseconds.
    let headTimeout: UInt64
    /// How long an idle keep-alive connection, or a write that makes no progress, may last (`timeoutSeconds`).
    let idleTimeout: UInt64
    /// The longest a connection's timer is armed for: the shorter of the two, so that neither is passed unseen.
    var timerStep: UInt64 { min(headTimeout, idleTimeout) }
}

/// One event-loop thread: its event base, listener, connections and response cache.
final class Worker {
    /// Requests other threads post to a worker.
    enum Command: UInt8 {
        /// Leave the event loop.
        case stop = 1
        /// Begin the drain (`EventHTTPServer+Drain.swift`).
        case drain = 2
        /// Take the connections another worker handed over (`ConnectionBalance`).
        case adopt = 4
        /// Hand the next connection that ends a response to the next worker, as a saturated worker does: set on
        /// the worker's own thread, which owns its balance state (tests).
        case handOverNext = 8
    }

    let index: Int
    let base: OpaquePointer
    private(set) var boundPort = 0
    /// The server (unowned(unsafe), no reference counting per request: the server outlives its workers' threads,
    /// `stop` joins them before it goes).
    unowned(unsafe) let server: EventHTTPServer
    /// The cap, the deadline and the drain flag, shared by every worker.
    let limits: ConnectionLimits
    /// The limits and timeouts of connections.
    let settings: ConnectionSettings
    /// The listening socket; a drain closes it.
    var listener: OpaquePointer?
    /// Pauses accepting when accept() fails (`AcceptBackoff.swift`).
    var acceptBackoff: AcceptBackoff?
    /// This thread's finished responses.
    let cache: ResponseCache
    /// Open connections, by socket.
    private var connections: [Int32: HTTPConnection] = [:]
    /// How many connections this worker has open, for the other workers to read (`ConnectionBalance`).
    let openHere = Atomic<Int>(0)
    /// Connections other workers handed over, to adopt on this worker's thread: the socket, and when its last
    /// response ended (nil: just accepted, its head deadline runs from the adoption). Nil once the loop has ended:
    /// a connection handed over after that is closed by the worker that hands it over.
    private let inbox = Mutex<[(fd: Int32, idleSince: UInt64?)]?>([])
    /// This worker's load window and what it hands over (`ConnectionBalance`).
    private let balance: UnsafeMutablePointer<BalanceState>
    /// The head deadline as a libevent common timeout: every connection's deadline has the same length, so libevent
    /// keeps them in one queue (O(1) to add and remove) instead of its timer heap.
    private(set) var headTimeout: UnsafePointer<timeval>?
    /// The `Date` value, written once a second, behind a pointer: as a stored property each request's read of it
    /// would be checked for exclusivity at run time.
    private let date: UnsafeMutablePointer<HTTPDate>
    /// Scratch space for a response's head (`ResponseHead`), kept between requests.
    private let headScratch: UnsafeMutablePointer<UInt8>
    private static let headScratchSize = 16384
    /// Commands posted by other threads, as bits.
    let posted = Atomic<UInt8>(0)
    /// The wake-up pipe: other threads write a byte after posting; the loop reads it.
    private let wakeRead: Int32, wakeWrite: Int32
    private var wakeEvent: OpaquePointer?
    private var sweepEvent: OpaquePointer?
    /// Seconds without a request after which a drain closes a keep-alive connection.
    static let drainIdleSeconds = 0.5

    init(index: Int, server: EventHTTPServer, host: String, port: Int, listens: Bool) throws {
        self.index = index
        self.server = server
        self.limits = server.limits
        let c = server.configuration
        settings = ConnectionSettings(
            headLimit: c.maxHeadersSize + c.maxUriLength, maxBodySize: c.maxBodySize,
            headTimeout: UInt64(c.headerTimeoutSeconds) * 1_000_000_000, idleTimeout: UInt64(c.timeoutSeconds) * 1_000_000_000)
        self.cache = ResponseCache(capacity: c.responseCacheEntries)
        var storage = sockaddr_storage()
        var length = Int32(MemoryLayout<sockaddr_storage>.size)
        // libevent rejects port 0 in the text, so the address is parsed without a port and the port set after.
        let address = host == "localhost" ? "127.0.0.1" : host
        let parsed = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { evutil_parse_sockaddr_port(address, $0, &length) }
        }
        guard parsed == 0 else { throw EventHTTPError.badAddress(host: host, port: port) }
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
        // No locks (EVENT_BASE_FLAG_NOLOCK: the base is used by its thread only) and the epoll changelist, which
        // folds the add and remove of a socket's interest within one loop turn into one epoll_ctl call.
        let eventConfig = event_config_new()
        defer { event_config_free(eventConfig) }
        event_config_set_flag(eventConfig, Int32(EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST.rawValue | EVENT_BASE_FLAG_NOLOCK.rawValue))
        guard let base = event_base_new_with_config(eventConfig) else { throw EventHTTPError.baseCreationFailed }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            let error = errno
            event_base_free(base)
            throw EventHTTPError.pipeFailed(errno: error)
        }
        for end in pipeEnds {
            evutil_make_socket_nonblocking(end)
            evutil_make_socket_closeonexec(end)
        }
        self.base = base
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        date = .allocate(capacity: 1)
        date.initialize(to: HTTPDate())
        headScratch = .allocate(capacity: Self.headScratchSize)
        balance = .allocate(capacity: 1)
        balance.initialize(to: BalanceState())
        // From here the worker is whole: a failure below throws, and `deinit` frees what was made.
        // The listener and wake-up callbacks get this worker, unretained: the worker frees them before it goes.
        let context = Unmanaged.passUnretained(self).toOpaque()
        var duration = timeval(tv_sec: c.headerTimeoutSeconds, tv_usec: 0)
        headTimeout = event_base_init_common_timeout(base, &duration)
        wakeEvent = event_new(base, wakeRead, Int16(EV_READ | EV_PERSIST), wakeTrampoline, context)
        if let wakeEvent { event_add(wakeEvent, nil) }
        guard listens else { return }
        let flags = UInt32(LEV_OPT_REUSEABLE | LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC)
        let listener = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                evconnlistener_new_bind(base, acceptTrampoline, context, flags, 1024, $0, length)
            }
        }
        guard let listener else { throw EventHTTPError.bindFailed(host: host, port: port, errno: errno) }
        self.listener = listener
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
        limits.listenerOpened()
        evconnlistener_set_error_cb(listener, acceptFailedTrampoline)
        acceptBackoff = AcceptBackoff(listener: listener, base: base, limits: limits)
    }

    /// Runs the event loop until a stop is posted, then closes the connections left.
    func run() {
        event_base_dispatch(base)
        for connection in Array(connections.values) { connection.close() }
        for handed in takeInbox(closing: true) {
            close(handed.fd)
            limits.release()
        }
        closeListener()
        if let sweepEvent { event_free(sweepEvent) }
        sweepEvent = nil
    }

    /// Asks the worker's thread to run `command` (any thread).
    func post(_ command: Command) {
        posted.bitwiseOr(command.rawValue, ordering: .sequentiallyConsistent)
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    /// On the worker's thread: runs the commands posted.
    fileprivate func runPosted() {
        var scratch = [UInt8](repeating: 0, count: 64)
        while scratch.withUnsafeMutableBytes({ read(wakeRead, $0.baseAddress, $0.count) }) > 0 {}
        let commands = posted.exchange(0, ordering: .sequentiallyConsistent)
        if commands & Command.adopt.rawValue != 0 { adoptHandedOver() }
        if commands & Command.handOverNext.rawValue != 0 {
            // A window begun in the future does not end meanwhile, however slow the machine.
            balance.pointee.windowStart = connectionClock() + 60_000_000_000
            balance.pointee.target = (index + 1) % server.workers.count
            balance.pointee.budget = 1
        }
        if commands & Command.drain.rawValue != 0 { beginDrain() }
        if commands & Command.stop.rawValue != 0 { event_base_loopexit(base, nil) }
    }

    /// The listener accepted `fd` (non-blocking): adopt it, or refuse it when `maxConnections` are open.
    fileprivate func accept(_ fd: Int32) {
        guard limits.admit() else {
            limits.warnings.note("refused", "refusing connections: maxConnections are open",
                                 metadata: ["connections.max": "\(limits.maxConnections)"], now: connectionClock())
            HTTPConnection.refuse(fd, with: APIError(
                status: 503, code: "overloaded",
                message: "the server has its maximum of \(limits.maxConnections) connections open; try again shortly",
                headers: ["Retry-After": "1"]))
            return
        }
        // No Nagle delay: an answer larger than a few segments ends in a short one, which Nagle holds until the
        // client acknowledges the last, and a client that delays its ACK (40 ms on Linux) then caps a keep-alive
        // connection at 25 answers a second.
        var on: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        if let target = takeHandOverTarget() {
            target.handOver(fd: fd, idleSince: nil)
            return
        }
        adopt(fd, idleSince: nil, now: connectionClock())
    }

    /// Makes a connection of `fd` on this worker (`idleSince`: when its last response ended on the worker that
    /// handed it over; nil for a new one).
    private func adopt(_ fd: Int32, idleSince: UInt64?, now: UInt64) {
        guard let connection = HTTPConnection(fd: fd, worker: self, now: now, idleSince: idleSince) else {
            close(fd)
            limits.release()
            return
        }
        connections[fd] = connection
        openHere.add(1, ordering: .relaxed)
    }

    /// A connection closed: it leaves the table and gives back its slot.
    func remove(_ connection: HTTPConnection) {
        detach(connection)
        limits.release()
    }

    /// A connection leaves the table, keeping its slot (closed, or handed over).
    func detach(_ connection: HTTPConnection) {
        connections[connection.fd] = nil
        openHere.subtract(1, ordering: .relaxed)
    }

    /// Any thread: `fd` (an open connection, counted in the limits) is this worker's from now on.
    func handOver(fd: Int32, idleSince: UInt64?) {
        let taken = inbox.withLock { items -> Bool in
            guard items != nil else { return false }
            items!.append((fd, idleSince))
            return true
        }
        guard taken else {
            // This worker's loop has ended (a stop reaches the workers one after another): nobody would serve it.
            close(fd)
            limits.release()
            return
        }
        post(.adopt)
    }

    /// On the worker's thread: makes connections of the sockets handed over.
    private func adoptHandedOver() {
        let handed = takeInbox()
        let now = connectionClock()
        for item in handed { adopt(item.fd, idleSince: item.idleSince, now: now) }
    }

    /// Empties the inbox; `closing`: for good, so that later hand-overs close their sockets.
    private func takeInbox(closing: Bool = false) -> [(fd: Int32, idleSince: UInt64?)] {
        inbox.withLock { items in
            defer { items = closing ? nil : [] }
            return items ?? []
        }
    }

    /// The worker to hand the next connection to, if this one is handing some over in its window (and counts it).
    func takeHandOverTarget() -> Worker? {
        guard balance.pointee.budget > 0 else { return nil }
        balance.pointee.budget -= 1
        let target = balance.pointee.target
        return target >= 0 && target < server.workers.count ? server.workers[target] : nil
    }

    /// Called with the time a response ended: when the load window is over, measures it (how often this thread
    /// waited for events, and the machine's idle time) and decides what to hand over in the next (`ConnectionBalance`).
    @inline(__always)
    func noteResponseEnded(at now: UInt64) {
        let start = balance.pointee.windowStart
        if now > start && now - start >= ConnectionBalance.windowNanoseconds { endLoadWindow(now) }
    }

    private func endLoadWindow(_ now: UInt64) {
        let usage = ConnectionBalance.threadUsage()
        let idle = ConnectionBalance.machineIdleTicks()
        let last = balance.pointee
        balance.pointee = BalanceState(windowStart: now, usageAtStart: usage, idleAtStart: idle)
        let workers = server.workers
        let wall = now - last.windowStart
        // A window much longer than one had quiet stretches (no response ended): it says nothing of saturation.
        guard workers.count > 1, !limits.isDraining, wall < 2 * ConnectionBalance.windowNanoseconds,
              let usage, let before = last.usageAtStart, let idle, let idleBefore = last.idleAtStart,
              idle >= idleBefore else { return }
        let idleCores = Double(idle - idleBefore) / ConnectionBalance.ticksPerSecond / (Double(wall) / 1e9)
        let waits = usage.waits - before.waits
        let cpuShare = Double(usage.cpu &- before.cpu) / Double(wall)
        var fewest = -1
        var fewestCount = Int.max
        for worker in workers where worker !== self {
            let count = worker.openHere.load(ordering: .relaxed)
            if count < fewestCount { (fewest, fewestCount) = (worker.index, count) }
        }
        let count = ConnectionBalance.handOverCount(waits: waits, idleCores: idleCores, cpuShare: cpuShare,
                                                    own: openHere.load(ordering: .relaxed), fewest: fewestCount)
        guard count > 0 else { return }
        balance.pointee.budget = count
        balance.pointee.target = fewest
        if server.logger.logLevel <= .debug {
            server.logger.debug("handing connections over", metadata: [
                "worker": "\(index)", "to": "\(fewest)", "connections": "\(count)", "waits": "\(waits)",
                "idle.cores": "\(idleCores)", "cpu.share": "\(cpuShare)",
            ])
        }
    }

    /// Closes the listening socket (once).
    func closeListener() {
        acceptBackoff?.stop()
        acceptBackoff = nil
        guard let listener else { return }
        evconnlistener_free(listener)
        self.listener = nil
        limits.listenerClosed()
    }

    /// Starts the drain's sweep: every 100 ms, closes the connections idle for `drainIdleSeconds`.
    func startDrainSweep() {
        guard sweepEvent == nil else { return }
        sweepEvent = event_new(base, -1, Int16(EV_PERSIST), drainSweepTrampoline, Unmanaged.passUnretained(self).toOpaque())
        var interval = timeval(tv_sec: 0, tv_usec: 100_000)
        if let sweepEvent { event_add(sweepEvent, &interval) }
        sweepIdle()
    }

    /// Closes the connections that wait for a request, have received none of one, and have been quiet for
    /// `drainIdleSeconds`.
    fileprivate func sweepIdle() {
        guard limits.listenersClosed else { return }
        let now = connectionClock()
        let quiet = UInt64(Self.drainIdleSeconds * 1e9)
        for connection in Array(connections.values) where connection.isIdle(now: now, quietNanoseconds: quiet) {
            connection.close()
        }
    }

    /// Answers one request head that `connection` read.
    func answer(_ head: RequestHead, on connection: HTTPConnection) {
        let started = monotonicNanoseconds()
        let uri = Request.originForm(head.target)
        let request = Request(method: head.method, uri: uri, headers: head.headers, headerBytes: head.headerBytes)
        let response = server.service.respond(to: request, cache: cache)
        // A body the server does not read would be taken for the next request: such a connection closes. So does
        // every connection once a drain has closed the listeners.
        let close = head.wantsClose || head.announcesBody || limits.listenersClosed
        send(response, on: connection, isHead: head.method == .head, isHTTP10: head.isHTTP10, close: close)
        let seconds = Double(monotonicNanoseconds() - started) / 1e9
        server.service.state.metrics.record(route: response.route, index: response.routeIndex, status: response.status, seconds: seconds, shard: index)
        if server.logger.logLevel <= .debug {
            server.logger.debug("request", metadata: [
                "request.method": "\(head.method.rawValue)", "request.uri": "\(uri)", "response.status": "\(response.status)",
                "response.seconds": "\(seconds)", "worker": "\(index)",
            ])
        }
    }

    /// Writes a response: its head (status line, `Date`, the response's headers, `Content-Length` or
    /// `Transfer-Encoding: chunked`, `Connection` when it closes or on HTTP/1.0), then the body at once or as chunks.
    /// A cached answer's header lines come written already (`HeaderBlock`).
    private func send(_ response: Response, on connection: HTTPConnection, isHead: Bool, isHTTP10: Bool, close: Bool) {
        var head = ResponseHead(scratch: headScratch, capacity: Self.headScratchSize)
        defer { head.release() }
        StatusLine.write(response.status, into: &head)
        head.append("\r\nDate: ")
        head.append(date.pointee.now())
        var start = 0
        if let block = response.headerBlock, block.covers(response.headers) {
            if !block.bytes.isEmpty {
                head.append("\r\n")
                head.append(block.bytes)
            }
            start = block.headerCount
        }
        for header in response.headers[start...] { head.appendLine(header) }
        switch response.body {
        case .bytes(let bytes):
            // A HEAD answer carries the length its GET would have; 1xx, 204 and 304 carry none.
            let hasBody = Self.statusHasBody(response.status)
            if hasBody {
                head.append("\r\nContent-Length: ")
                head.appendDecimal(bytes.count)
            }
            Self.appendConnection(close: close, isHTTP10: isHTTP10, to: &head)
            connection.send(head: head.bytes, body: isHead || !hasBody ? [] : bytes, close: close)
        case .stream(let source):
            // HTTP/1.0 has no chunked coding: the body ends when the connection closes.
            let chunked = !isHTTP10
            if chunked { head.append("\r\nTransfer-Encoding: chunked") }
            let closeAfter = close || !chunked
            Self.appendConnection(close: closeAfter, isHTTP10: isHTTP10, to: &head)
            if isHead {
                connection.send(head: head.bytes, body: [], close: close)
            } else {
                connection.send(head: head.bytes, stream: source, chunked: chunked, close: closeAfter)
            }
        }
    }

    /// Ends the header lines: `Connection: close`, or `Connection: keep-alive` for an HTTP/1.0 client that keeps it,
    /// then the empty line.
    private static func appendConnection(close: Bool, isHTTP10: Bool, to head: inout ResponseHead) {
        if close {
            head.append("\r\nConnection: close")
        } else if isHTTP10 {
            head.append("\r\nConnection: keep-alive")
        }
        head.append("\r\n\r\n")
    }

    /// Appends a constant's bytes.
    static func append(_ text: StaticString, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Whether a response with `status` has a body (RFC 9110 §6.4.1): all but 1xx, 204 and 304.
    static func statusHasBody(_ status: Int) -> Bool {
        status >= 200 && status != 204 && status != 304
    }

    deinit {
        // `run` closed the connections and the listener; a worker whose thread never ran has its listener still, and
        // no connection (connections are accepted only by the loop).
        closeListener()
        // A worker whose thread never ran (a failed start) may hold connections handed over: they close here.
        for handed in takeInbox(closing: true) {
            close(handed.fd)
            limits.release()
        }
        if let sweepEvent { event_free(sweepEvent) }
        if let wakeEvent { event_free(wakeEvent) }
        close(wakeRead)
        close(wakeWrite)
        event_base_free(base)
        date.deinitialize(count: 1)
        date.deallocate()
        balance.deinitialize(count: 1)
        balance.deallocate()
        headScratch.deallocate()
    }
}

/// Nanoseconds on the monotonic clock (Foundation and Dispatch are kept out of this file: their C
/// modules clash with libevent's over `fd_set`).
private func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// Nanoseconds on the monotonic clock.
func connectionClock() -> UInt64 {
    monotonicNanoseconds()
}
