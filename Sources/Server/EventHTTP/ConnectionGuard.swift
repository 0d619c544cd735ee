import CEvent

#if canImport(Glibc)
import Glibc
#endif

/// One open connection as its worker watches it: waiting for a request head (under the deadline), in a
/// request (a response or stream being sent), or idle between keep-alive requests.
///
/// The head deadline runs from the accept, or from the first byte after a response: evhttp's own timeout
/// restarts at every byte, so a client sending one byte a second would otherwise keep its connection forever.
final class ConnectionGuard {
    /// Where the connection is in its request cycle.
    enum State {
        /// Waiting for a request head, under the deadline.
        case awaitingHead
        /// A request is being answered.
        case inRequest
        /// A response was sent and nothing of the next request has come.
        case idle
    }

    /// The table that owns this guard (it outlives every guard: it frees them through `evhttp_free`).
    unowned let table: ConnectionTable
    /// The evhttp connection.
    let connection: OpaquePointer
    /// Its bufferevent.
    let bufferEvent: OpaquePointer
    /// Where the connection is.
    private(set) var state = State.awaitingHead
    /// A stream being sent on the connection, told when the connection closes.
    weak var stream: StreamSender?
    private var lastActivity: UInt64
    private var receivedSinceResponse = false
    private var deadline: OpaquePointer?
    /// Whether the deadline's timer is armed. It is left armed when a head arrives (no `event_del` per request):
    /// when it fires, it checks the head under way then, if any, and is armed again for what is left of that one.
    private var deadlineArmed = false
    /// When the current head began (monotonic nanoseconds).
    private var headStartedAt: UInt64
    private var inputWatch: OpaquePointer?

    /// Watches `connection` from `now` (monotonic nanoseconds).
    init(table: ConnectionTable, connection: OpaquePointer, bufferEvent: OpaquePointer, now: UInt64) {
        self.table = table
        self.connection = connection
        self.bufferEvent = bufferEvent
        self.lastActivity = now
        self.headStartedAt = now
        let context = Unmanaged.passUnretained(self).toOpaque()
        deadline = newsdesk_evtimer_new(table.base, headDeadlineTrampoline, context)
        let input = bufferevent_get_input(bufferEvent)
        inputWatch = evbuffer_add_cb(input, inputChangedTrampoline, context)
        // Bytes read before the watch began still count as a request begun.
        receivedSinceResponse = evbuffer_get_length(input) > 0
        if receivedSinceResponse { watchInput(false) }
    }

    /// Turns the input watch on or off. It is on only while no byte of a request has come since the last response
    /// (`receivedSinceResponse` false): the one byte that matters then is the first. Off otherwise, so that evhttp
    /// reading and draining a request's lines does not call back into Swift at each of them.
    private func watchInput(_ on: Bool) {
        guard let inputWatch else { return }
        let input = bufferevent_get_input(bufferEvent)
        if on {
            evbuffer_cb_set_flags(input, inputWatch, UInt32(EVBUFFER_CB_ENABLED))
        } else {
            evbuffer_cb_clear_flags(input, inputWatch, UInt32(EVBUFFER_CB_ENABLED))
        }
    }

    /// Starts the head deadline, from the last activity (the accept, or the first byte after a response).
    func awaitHead() {
        state = .awaitingHead
        headStartedAt = lastActivity
        guard let deadline, !deadlineArmed else { return }
        deadlineArmed = true
        if let common = table.headTimeout {
            event_add(deadline, common)
        } else {
            var timeout = timeval(tv_sec: table.limits.headerTimeoutSeconds, tv_usec: 0)
            event_add(deadline, &timeout)
        }
    }

    /// A whole request arrived: no deadline while it is answered (the timer, if armed, finds the head done).
    func requestStarted() {
        state = .inRequest
    }

    /// The response was written whole; a next request already begun gets the deadline now.
    func responseSent() {
        state = .idle
        lastActivity = connectionClock()
        receivedSinceResponse = false
        if evbuffer_get_length(bufferevent_get_input(bufferEvent)) > 0 {
            receivedSinceResponse = true
            awaitHead()
        } else {
            watchInput(true)
        }
    }

    /// Bytes came in: the first after a response starts the next head's deadline.
    fileprivate func inputChanged(added: Int) {
        guard added > 0 else { return }
        lastActivity = connectionClock()
        if state != .inRequest { receivedSinceResponse = true }
        if state == .idle { awaitHead() }
        if receivedSinceResponse { watchInput(false) }
    }

    /// The deadline passed without a whole head: answer 408 and close.
    fileprivate func headDeadlinePassed() {
        deadlineArmed = false
        guard state == .awaitingHead, let deadline else { return }
        // The timer may have been armed for an earlier head: the one under way now may have time left.
        let limit = UInt64(table.limits.headerTimeoutSeconds) * 1_000_000_000
        let elapsed = connectionClock() &- headStartedAt
        if elapsed + 1_000_000 < limit {
            let left = limit - elapsed
            var timeout = timeval(tv_sec: Int(left / 1_000_000_000), tv_usec: Int(left % 1_000_000_000 / 1000))
            deadlineArmed = true
            event_add(deadline, &timeout)
            return
        }
        table.answerAndClose(connection, bufferEvent, APIError(
            status: 408, code: "request_timeout",
            message: "the request head did not arrive within \(table.limits.headerTimeoutSeconds) s"))
    }

    /// Whether a drain may close the connection now: no request in it, nothing of one received, no bytes
    /// waiting in the socket, and quiet for `quietNanoseconds`.
    func isIdle(now: UInt64, quietNanoseconds: UInt64) -> Bool {
        guard state != .inRequest, !receivedSinceResponse, now &- lastActivity >= quietNanoseconds else { return false }
        let fd = bufferevent_getfd(bufferEvent)
        var waiting: Int32 = 0
        if fd >= 0 && ioctl(fd, UInt(FIONREAD), &waiting) == 0 && waiting > 0 { return false }
        return true
    }

    /// evhttp is closing the connection: stop watching, tell a stream, leave the table.
    func closed() {
        if let deadline { event_free(deadline) }
        deadline = nil
        if let inputWatch { evbuffer_remove_cb_entry(bufferevent_get_input(bufferEvent), inputWatch) }
        inputWatch = nil
        stream?.connectionClosed()
        table.remove(self)
    }
}

/// The head deadline's timer.
private func headDeadlineTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<ConnectionGuard>.fromOpaque(context).takeUnretainedValue().headDeadlinePassed()
}

/// The input buffer's change callback.
private func inputChangedTrampoline(_ buffer: OpaquePointer?, _ info: UnsafePointer<evbuffer_cb_info>?,
                                    _ context: UnsafeMutableRawPointer?) {
    guard let context, let info else { return }
    Unmanaged<ConnectionGuard>.fromOpaque(context).takeUnretainedValue().inputChanged(added: Int(info.pointee.n_added))
}
