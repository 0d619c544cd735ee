import CEvent
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// One worker's open connections, each with its `ConnectionGuard`: the connection cap, the request-head
/// deadline and the drain. Used only on the worker's thread.
///
/// evhttp 2.1 says nothing when it accepts a connection, so the table makes each new connection's
/// bufferevent itself (`evhttp_set_bevcb`) and adopts the connection just after evhttp has set it up, in
/// an event activated from there: the bufferevent's callback argument is then its `evhttp_connection`.
/// The bufferevent is held (`bufferevent_incref`) until then, so a connection evhttp dropped meanwhile is
/// seen (its callbacks cleared) rather than read after it was freed.
final class ConnectionTable {
    /// The worker's event base.
    let base: OpaquePointer
    /// The cap, the deadline and the drain flag, shared by every worker.
    let limits: ConnectionLimits
    /// Seconds without a request after which a drain closes a keep-alive connection.
    static let drainIdleSeconds = 0.5
    private var guards: [OpaquePointer: ConnectionGuard] = [:]
    private var arriving: [OpaquePointer] = []
    private var adoptEvent: OpaquePointer?
    private var sweepEvent: OpaquePointer?
    /// The head deadline as a libevent common timeout: every connection's deadline has the same length,
    /// so libevent keeps them in one queue (O(1) to add and remove) instead of its timer heap.
    private(set) var headTimeout: UnsafePointer<timeval>?

    /// Creates the table for a worker's event base.
    init(base: OpaquePointer, limits: ConnectionLimits) {
        self.base = base
        self.limits = limits
        adoptEvent = event_new(base, -1, 0, adoptArrivalsTrampoline, Unmanaged.passUnretained(self).toOpaque())
        var duration = timeval(tv_sec: limits.headerTimeoutSeconds, tv_usec: 0)
        headTimeout = event_base_init_common_timeout(base, &duration)
    }

    /// Makes `http` create its connections' bufferevents here.
    func install(on http: OpaquePointer) {
        evhttp_set_bevcb(http, newBufferEventTrampoline, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Connections of this worker open now.
    var count: Int { guards.count }

    /// The guard of the connection a request came on.
    func guardOf(_ request: OpaquePointer) -> ConnectionGuard? {
        evhttp_request_get_connection(request).flatMap { guards[$0] }
    }

    /// A request's head (and body) has arrived: stop its deadline, learn when its response is sent, and
    /// once a drain has closed the listeners make the response close the connection.
    func requestStarted(_ request: OpaquePointer) {
        guard let connection = guardOf(request) else { return }
        connection.requestStarted()
        evhttp_request_set_on_complete_cb(request, responseSentTrampoline, Unmanaged.passUnretained(connection).toOpaque())
        if limits.listenersClosed, let headers = evhttp_request_get_output_headers(request) {
            evhttp_add_header(headers, "Connection", "close")
        }
    }

    /// evhttp accepted a socket: its bufferevent, held until the connection is adopted.
    fileprivate func newBufferEvent() -> OpaquePointer? {
        guard let bufferEvent = bufferevent_socket_new(base, -1, Int32(BEV_OPT_CLOSE_ON_FREE.rawValue)) else { return nil }
        bufferevent_incref(bufferEvent)
        arriving.append(bufferEvent)
        if let adoptEvent { event_active(adoptEvent, EV_TIMEOUT, 0) }
        return bufferEvent
    }

    /// Adopts the connections accepted since the last call, or refuses those over the cap.
    fileprivate func adoptArrivals() {
        let list = arriving
        arriving.removeAll(keepingCapacity: true)
        for bufferEvent in list {
            var readCallback: bufferevent_data_cb?
            var argument: UnsafeMutableRawPointer?
            bufferevent_getcb(bufferEvent, &readCallback, nil, nil, &argument)
            // bufferevent_free clears the callbacks: none left means evhttp has dropped the connection.
            if readCallback != nil, let argument {
                let connection = OpaquePointer(argument)
                if evhttp_connection_get_bufferevent(connection) == bufferEvent { adopt(connection, bufferEvent) }
            }
            bufferevent_decref(bufferEvent)
        }
    }

    private func adopt(_ connection: OpaquePointer, _ bufferEvent: OpaquePointer) {
        guard limits.admit() else {
            limits.warnings.note("refused", "refusing connections: maxConnections are open",
                                 metadata: ["connections.max": "\(limits.maxConnections)"], now: connectionClock())
            answerAndClose(connection, bufferEvent, APIError(
                status: 503, code: "overloaded",
                message: "the server has its maximum of \(limits.maxConnections) connections open; try again shortly",
                headers: ["Retry-After": "1"]))
            return
        }
        // No Nagle delay: an answer larger than a few segments ends in a short one, which Nagle holds until the
        // client acknowledges the last, and a client that delays its ACK (40 ms on Linux) then caps a keep-alive
        // connection at 25 answers a second (every uncached body over ~16 KB ran at 1,400 req/s with wrk -c64).
        let fd = bufferevent_getfd(bufferEvent)
        if fd >= 0 {
            var on: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        let watched = ConnectionGuard(table: self, connection: connection, bufferEvent: bufferEvent, now: connectionClock())
        guards[connection] = watched
        evhttp_connection_set_closecb(connection, connectionClosedTrampoline, Unmanaged.passUnretained(watched).toOpaque())
        watched.awaitHead()
    }

    /// Writes an error response straight to the socket and closes the connection. Only for connections
    /// waiting for a request head, on which evhttp is writing nothing.
    func answerAndClose(_ connection: OpaquePointer, _ bufferEvent: OpaquePointer, _ error: APIError) {
        let fd = bufferevent_getfd(bufferEvent)
        // Something still being written (evhttp's own error answer to a bad request) is not interleaved with.
        if fd >= 0 && evbuffer_get_length(bufferevent_get_output(bufferEvent)) == 0 {
            let body = error.response.bytes ?? []
            var head = "HTTP/1.1 \(error.status) \(error.status == 408 ? "Request Timeout" : "Service Unavailable")\r\n"
            head += "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
            for (name, value) in error.headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
            let bytes = Array((head + "\r\n").utf8) + body
            _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT) | Int32(MSG_NOSIGNAL)) }
            shutdown(fd, Int32(SHUT_WR))
            // Unread request bytes would make close() send a reset, which can reach the client before the answer.
            var scratch = [UInt8](repeating: 0, count: 16384)
            for _ in 0..<4 where scratch.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }) > 0 {}
        }
        evhttp_connection_free(connection)
    }

    /// A guard's connection closed.
    func remove(_ connection: ConnectionGuard) {
        guards[connection.connection] = nil
        limits.release()
    }

    /// Starts the drain's sweep: every 100 ms, closes the connections idle for `drainIdleSeconds`.
    func startDrainSweep() {
        guard sweepEvent == nil else { return }
        sweepEvent = event_new(base, -1, Int16(EV_PERSIST), drainSweepTrampoline, Unmanaged.passUnretained(self).toOpaque())
        var interval = timeval(tv_sec: 0, tv_usec: 100_000)
        if let sweepEvent { event_add(sweepEvent, &interval) }
        sweepIdle()
    }

    /// Closes the connections that wait for a request, have received none of one, and have been quiet
    /// for `drainIdleSeconds`.
    fileprivate func sweepIdle() {
        guard limits.listenersClosed else { return }
        let now = connectionClock()
        let quiet = UInt64(Self.drainIdleSeconds * 1e9)
        for connection in guards.values where connection.isIdle(now: now, quietNanoseconds: quiet) {
            evhttp_connection_free(connection.connection)
        }
    }

    /// Frees the table's events and lets go of bufferevents never adopted; after `evhttp_free`, before
    /// `event_base_free`.
    func close() {
        for bufferEvent in arriving { bufferevent_decref(bufferEvent) }
        arriving.removeAll()
        if let adoptEvent { event_free(adoptEvent) }
        if let sweepEvent { event_free(sweepEvent) }
        adoptEvent = nil
        sweepEvent = nil
    }
}

/// evhttp's bufferevent callback: a new connection's bufferevent, from the table.
private func newBufferEventTrampoline(_ base: OpaquePointer?, _ context: UnsafeMutableRawPointer?) -> OpaquePointer? {
    guard let context else { return nil }
    return Unmanaged<ConnectionTable>.fromOpaque(context).takeUnretainedValue().newBufferEvent()
}

/// The adopt event: runs once evhttp has set up the connections just accepted.
private func adoptArrivalsTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<ConnectionTable>.fromOpaque(context).takeUnretainedValue().adoptArrivals()
}

/// The drain's periodic sweep of idle connections.
private func drainSweepTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<ConnectionTable>.fromOpaque(context).takeUnretainedValue().sweepIdle()
}

/// evhttp's close callback: the guard's connection is going away.
private func connectionClosedTrampoline(_ connection: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<ConnectionGuard>.fromOpaque(context).takeUnretainedValue().closed()
}

/// evhttp's on-complete callback: a response has been written whole.
private func responseSentTrampoline(_ request: OpaquePointer?, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<ConnectionGuard>.fromOpaque(context).takeUnretainedValue().responseSent()
}

/// Nanoseconds on the monotonic clock.
func connectionClock() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}
