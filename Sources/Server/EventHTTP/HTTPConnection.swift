import CEvent

#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 connection, on its worker's thread: the bytes read into one buffer, request heads parsed from it in
/// place (`RequestHead`), pipelined requests answered in order, each response written with one `writev`. When the
/// socket would block, the rest of the response waits in `pending` and an EV_WRITE event sends it; reading stops
/// meanwhile, so a client that does not read its answers cannot pile up more (the same back-pressure paces a stream:
/// its next chunk is made only once the previous one has left).
///
/// One timer watches the connection's deadlines, armed at the accept and then only when it fires, never per request:
/// the request-head deadline (`headerTimeoutSeconds` from the accept, or from the first byte after a response, however
/// steadily bytes trickle: 408 and close), the idle keep-alive timeout and the stalled-write timeout
/// (`timeoutSeconds`: close). When it fires before what it watches is due, it is armed again for what is left.
final class HTTPConnection {
    /// Where the connection is in its request cycle.
    enum State {
        /// Waiting for a request head, under the deadline (from the accept, or the first byte after a response).
        case awaitingHead
        /// A response is being written.
        case inRequest
        /// A response was sent and nothing of the next request has come.
        case idle
    }

    /// The socket.
    let fd: Int32
    /// The worker whose thread runs the connection (unowned(unsafe), no reference counting per request: the worker
    /// outlives its connections, it closes them before it goes).
    unowned(unsafe) let worker: Worker
    private(set) var state = State.awaitingHead
    private var readEvent: OpaquePointer?
    private var writeEvent: OpaquePointer?
    private var timer: OpaquePointer?
    private var reading = false
    private var writing = false
    private(set) var isClosed = false

    /// Received bytes: `start..<end` are not yet consumed.
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0

    /// The part of a response that could not be written yet, from `pendingOffset`.
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    /// A response is being written (pending bytes or a stream).
    private var responding = false
    /// The stream being sent, if any, and whether its chunks are framed (`Transfer-Encoding: chunked`).
    private var stream: ChunkSource?
    private var chunked = false
    /// Whether the connection closes once the response in flight is written.
    private var closeAfterResponse = false

    /// When the current head began, the last response ended, and the last write made progress (monotonic ns).
    private var headStartedAt: UInt64
    private var lastActivity: UInt64
    private var lastProgress: UInt64

    /// Most chunks of a stream made in one turn of the loop before the connection yields to the others.
    private static let chunksPerTurn = 8
    /// First size of the read buffer; it grows up to the head limit.
    private static let initialCapacity = 4096

    /// Watches `fd` (accepted, non-blocking) from `now`; nil when libevent cannot make its events. `idleSince`: the
    /// connection comes from another worker, idle since its last response ended then.
    init?(fd: Int32, worker: Worker, now: UInt64, idleSince: UInt64? = nil) {
        self.fd = fd
        self.worker = worker
        capacity = min(Self.initialCapacity, max(worker.settings.headLimit, 64))
        buffer = .allocate(capacity: capacity)
        headStartedAt = now
        lastActivity = idleSince ?? now
        lastProgress = now
        if idleSince != nil { state = .idle }
        let context = Unmanaged.passUnretained(self).toOpaque()
        readEvent = event_new(worker.base, fd, Int16(EV_READ | EV_PERSIST), connectionReadableTrampoline, context)
        writeEvent = event_new(worker.base, fd, Int16(EV_WRITE | EV_PERSIST), connectionWritableTrampoline, context)
        timer = newsdesk_evtimer_new(worker.base, connectionTimerTrampoline, context)
        guard readEvent != nil, writeEvent != nil, timer != nil else {
            freeEvents()
            buffer.deallocate()
            return nil
        }
        resumeReading()
        armTimer(worker.settings.timerStep)
    }

    deinit {
        buffer.deallocate()
    }

    // MARK: Reading

    /// The socket is readable: read what is there and answer the heads complete.
    fileprivate func readable() {
        if end == capacity {
            // Room for more: move the unconsumed bytes to the front, or grow up to the head limit.
            if start > 0 {
                compact()
            } else if capacity < worker.settings.headLimit {
                grow()
            } else {
                // Full of one unfinished head: `process` refuses it.
                process()
                return
            }
        }
        let n = read(fd, buffer + end, capacity - end)
        if n <= 0 {
            if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
            // The client closed (or reset) its side: nothing more can be answered.
            close()
            return
        }
        end += n
        if state == .idle {
            state = .awaitingHead
            headStartedAt = connectionClock()
        }
        process()
    }

    /// Answers the complete heads in the buffer, in order, while no response is in flight.
    private func process() {
        while !isClosed && !responding && start < end {
            switch RequestHead.parse(buffer + start, end - start) {
            case .incomplete:
                if end - start >= worker.settings.headLimit {
                    // The head is over the bound: refused for its request line when no line has ended yet.
                    let lineEnded = memchr(buffer + start, 0x0A, end - start) != nil
                    refuse(lineEnded ? ProtocolErrors.headersTooLarge : ProtocolErrors.requestLineTooLong)
                    return
                }
                if end == capacity && start > 0 { compact() }
                return
            case .invalid(let reason):
                refuse(ProtocolErrors.error(reason))
                return
            case .complete(let head):
                start += head.length
                if start == end {
                    start = 0
                    end = 0
                }
                state = .inRequest
                if head.contentLength > worker.settings.maxBodySize {
                    refuse(ProtocolErrors.bodyTooLarge)
                } else if head.hasUnknownExpectation {
                    refuse(ProtocolErrors.expectationFailed)
                } else {
                    worker.answer(head, on: self)
                }
            }
        }
    }

    /// Moves the unconsumed bytes to the front of the buffer.
    private func compact() {
        if start < end { memmove(buffer, buffer + start, end - start) }
        end -= start
        start = 0
    }

    /// Doubles the buffer, up to the head limit.
    private func grow() {
        let larger = min(capacity * 2, worker.settings.headLimit)
        let replacement = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        replacement.update(from: buffer, count: end)
        buffer.deallocate()
        buffer = replacement
        capacity = larger
    }

    private func pauseReading() {
        guard reading, let readEvent else { return }
        reading = false
        event_del(readEvent)
    }

    private func resumeReading() {
        guard !reading, !isClosed, let readEvent else { return }
        reading = true
        event_add(readEvent, nil)
    }

    // MARK: Writing

    /// Sends a response with a complete body (empty for HEAD, 204, 304): `head` and `body` with one `writev`.
    func send(head: UnsafeRawBufferPointer, body: [UInt8], close: Bool) {
        let total = head.count + body.count
        let written = body.withUnsafeBytes { b -> Int in
            withUnsafeTemporaryAllocation(of: iovec.self, capacity: 2) { vectors in
                vectors[0] = iovec(iov_base: UnsafeMutableRawPointer(mutating: head.baseAddress), iov_len: head.count)
                vectors[1] = iovec(iov_base: UnsafeMutableRawPointer(mutating: b.baseAddress), iov_len: b.count)
                return writev(fd, vectors.baseAddress, b.isEmpty ? 1 : 2)
            }
        }
        if written == total {
            responseWritten(close: close)
            return
        }
        if written < 0 && errno != EAGAIN && errno != EINTR {
            self.close()
            return
        }
        // The socket took part of it: the rest waits for EV_WRITE.
        let sent = max(0, written)
        pending.removeAll(keepingCapacity: true)
        if sent < head.count {
            pending += head[sent...]
            pending += body
        } else {
            pending += body[(sent - head.count)...]
        }
        pendingOffset = 0
        beginAsyncResponse(close: close)
    }

    /// Sends a response whose body `source` makes chunk by chunk, each made once the previous one has been written.
    func send(head: UnsafeRawBufferPointer, stream source: ChunkSource, chunked: Bool, close: Bool) {
        pending.removeAll(keepingCapacity: true)
        pending += head
        pendingOffset = 0
        stream = source
        self.chunked = chunked
        responding = true
        closeAfterResponse = close
        lastProgress = connectionClock()
        if advance() {
            // Whole already (a short export): on as after any response written at once.
            responding = false
            stopWaitingForWritable()
            responseWritten(close: close)
        } else if !isClosed {
            pauseReading()
        }
    }

    /// A response did not go out at once: the rest goes when the socket is writable; no request is read meanwhile.
    private func beginAsyncResponse(close: Bool) {
        responding = true
        closeAfterResponse = close
        lastProgress = connectionClock()
        pauseReading()
        waitForWritable()
    }

    /// Writes the pending bytes, then makes and writes the stream's next chunks, until the socket would block, the
    /// stream has had its turn, or the response is whole. Returns whether it is whole (false also when it closed).
    private func advance() -> Bool {
        var made = 0
        while true {
            if pendingOffset < pending.count {
                guard flushPending() else { return false }
            }
            guard let source = stream else { return true }
            if made == Self.chunksPerTurn {
                // Yield to the other connections: the writable socket calls back on the next turn.
                waitForWritable()
                return false
            }
            made += 1
            pending.removeAll(keepingCapacity: pending.capacity <= 1 << 20)
            pendingOffset = 0
            if let chunk = source.next() {
                if chunk.isEmpty { continue }
                if chunked {
                    Self.appendHex(chunk.count, to: &pending)
                    Worker.append("\r\n", to: &pending)
                    pending += chunk
                    Worker.append("\r\n", to: &pending)
                } else {
                    pending = chunk
                }
            } else {
                stream = nil
                if chunked { Worker.append("0\r\n\r\n", to: &pending) }
            }
        }
    }

    /// Writes `pending` from `pendingOffset`; whether all of it went (false: it waits for EV_WRITE, or it closed).
    private func flushPending() -> Bool {
        while pendingOffset < pending.count {
            let n = pending.withUnsafeBytes { write(fd, $0.baseAddress! + pendingOffset, $0.count - pendingOffset) }
            if n > 0 {
                pendingOffset += n
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EAGAIN {
                waitForWritable()
                return false
            }
            close()
            return false
        }
        pending.removeAll(keepingCapacity: pending.capacity <= 1 << 20)
        pendingOffset = 0
        return true
    }

    /// The socket is writable: go on with the response in flight.
    fileprivate func writable() {
        lastProgress = connectionClock()
        guard responding else {
            stopWaitingForWritable()
            return
        }
        if advance() { finishAsyncResponse() }
    }

    /// A response that went out in parts is whole: the connection closes, or reads the next request.
    private func finishAsyncResponse() {
        stopWaitingForWritable()
        responding = false
        responseWritten(close: closeAfterResponse)
        guard !isClosed else { return }
        resumeReading()
        process()
    }

    /// A response has been written whole. The connection closes only when the response said so: a client that read
    /// no `Connection: close` may have sent its next request already (a drain closes such a connection once it is
    /// idle, or answers that next request with `Connection: close`).
    private func responseWritten(close: Bool) {
        if close {
            closeGracefully()
            return
        }
        lastActivity = connectionClock()
        worker.noteResponseEnded(at: lastActivity)
        if start < end {
            // The next request has begun already: its deadline runs from now.
            state = .awaitingHead
            headStartedAt = lastActivity
        } else {
            state = .idle
            if let target = worker.takeHandOverTarget() { handOver(to: target) }
        }
    }

    /// Gives the connection, between two requests with nothing of the next one received, to `target` (its worker is
    /// saturated: `ConnectionBalance`). It stops being watched here and keeps its socket and its slot.
    private func handOver(to target: Worker) {
        isClosed = true
        freeEvents()
        pending = []
        worker.detach(self)
        target.handOver(fd: fd, idleSince: lastActivity)
    }

    private func waitForWritable() {
        guard !writing, let writeEvent else { return }
        writing = true
        event_add(writeEvent, nil)
    }

    private func stopWaitingForWritable() {
        guard writing, let writeEvent else { return }
        writing = false
        event_del(writeEvent)
    }

    /// Answers `error` (a head refused before routing) and closes the connection.
    private func refuse(_ error: APIError) {
        state = .inRequest
        let message = ProtocolErrors.message(error)
        message.withUnsafeBytes { send(head: $0, body: [], close: true) }
    }

    /// Writes `error` straight to a socket just accepted and closes it (a connection over the cap).
    static func refuse(_ fd: Int32, with error: APIError) {
        let bytes = ProtocolErrors.message(error)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT) | Int32(MSG_NOSIGNAL)) }
        lingeringClose(fd)
    }

    /// Closes `fd` after its answer: shuts the sending side, then reads and drops what the client has already sent, so
    /// that closing does not reset the connection (a reset can destroy the answer before the client reads it).
    /// Bounded: a client that keeps sending is cut off.
    static func lingeringClose(_ fd: Int32) {
        shutdown(fd, Int32(SHUT_WR))
        var scratch = [UInt8](repeating: 0, count: 16384)
        for _ in 0..<64 {
            let n = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n <= 0 { break }
        }
        Glibc.close(fd)
    }

    /// Appends `value` in hexadecimal digits (a chunk's size line).
    private static func appendHex(_ value: Int, to bytes: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        var shift = 60
        while shift > 0 && (value >> shift) & 0xF == 0 { shift -= 4 }
        while shift >= 0 {
            bytes.append(digits.utf8Start[(value >> shift) & 0xF])
            shift -= 4
        }
    }

    // MARK: Deadlines

    /// Arms the timer to fire in `nanoseconds` (the head deadline's common timeout when that is the length).
    private func armTimer(_ nanoseconds: UInt64) {
        guard let timer else { return }
        if nanoseconds == worker.settings.headTimeout, let common = worker.headTimeout {
            event_add(timer, common)
        } else {
            var timeout = timeval(tv_sec: Int(nanoseconds / 1_000_000_000), tv_usec: Int(nanoseconds % 1_000_000_000 / 1000))
            event_add(timer, &timeout)
        }
    }

    /// The timer fired: act on what is due, or arm it again for what is left (never further than `timerStep` ahead, so
    /// that a head begun meanwhile, or a connection falling idle, is cut on time).
    fileprivate func timerFired() {
        let now = connectionClock()
        let settings = worker.settings
        let due: UInt64
        switch state {
        case .awaitingHead: due = headStartedAt &+ settings.headTimeout
        case .idle: due = lastActivity &+ settings.idleTimeout
        case .inRequest: due = responding ? lastProgress &+ settings.idleTimeout : now &+ settings.timerStep
        }
        if now &+ 1_000_000 >= due {
            switch state {
            case .awaitingHead:
                refuse(APIError(status: 408, code: "request_timeout",
                                message: "the request head did not arrive within \(worker.limits.headerTimeoutSeconds) s"))
                return
            case .idle, .inRequest:
                close()
                return
            }
        }
        armTimer(min(due - now, settings.timerStep))
    }

    /// Whether a drain may close the connection now: no request in it, nothing of one received, no bytes waiting in
    /// the socket, and quiet for `quietNanoseconds`.
    func isIdle(now: UInt64, quietNanoseconds: UInt64) -> Bool {
        guard state != .inRequest, !responding, start == end, now &- lastActivity >= quietNanoseconds else { return false }
        var waiting: Int32 = 0
        if ioctl(fd, UInt(FIONREAD), &waiting) == 0 && waiting > 0 { return false }
        return true
    }

    // MARK: Closing

    /// Closes after the last response: see `lingeringClose`.
    private func closeGracefully() {
        guard !isClosed else { return }
        leave()
        Self.lingeringClose(fd)
    }

    /// Closes the connection at once (the client went away, a timeout, the worker's end).
    func close() {
        guard !isClosed else { return }
        leave()
        Glibc.close(fd)
    }

    /// Stops watching the socket and leaves the worker's table, before the socket closes: once a client sees the
    /// close, the connection is no longer counted.
    private func leave() {
        isClosed = true
        freeEvents()
        stream = nil
        pending = []
        responding = false
        worker.remove(self)
    }

    private func freeEvents() {
        if let readEvent { event_free(readEvent) }
        if let writeEvent { event_free(writeEvent) }
        if let timer { event_free(timer) }
        readEvent = nil
        writeEvent = nil
        timer = nil
        reading = false
        writing = false
    }
}

/// The socket's read event.
private func connectionReadableTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let connection = Unmanaged<HTTPConnection>.fromOpaque(context).takeUnretainedValue()
    withExtendedLifetime(connection) { connection.readable() }
}

/// The socket's write event.
private func connectionWritableTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let connection = Unmanaged<HTTPConnection>.fromOpaque(context).takeUnretainedValue()
    withExtendedLifetime(connection) { connection.writable() }
}

/// The connection's deadline timer.
private func connectionTimerTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let connection = Unmanaged<HTTPConnection>.fromOpaque(context).takeUnretainedValue()
    withExtendedLifetime(connection) { connection.timerFired() }
}
