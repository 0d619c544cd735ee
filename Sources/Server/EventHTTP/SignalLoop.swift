import CEvent

#if canImport(Glibc)
import Glibc
#endif

/// Waits on the calling thread for SIGINT/SIGTERM (stop) and SIGHUP (reload), with libevent signal events;
/// then, during the drain, for the connections to close or for a second SIGINT/SIGTERM.
final class SignalLoop {
    private let base: OpaquePointer
    private var events: [OpaquePointer] = []
    private let onReload: () -> Void
    /// What `wait` waits for; set while it runs.
    private var condition: (() -> Bool)?

    /// Creates the loop; `onReload` runs on this loop's thread for each SIGHUP.
    init(onReload: @escaping () -> Void) throws {
        guard let base = event_base_new() else { throw EventHTTPError.baseCreationFailed }
        self.base = base
        self.onReload = onReload
        let context = Unmanaged.passUnretained(self).toOpaque()
        for signum in [SIGINT, SIGTERM, SIGHUP] {
            if let event = newsdesk_evsignal_new(base, signum, signalTrampoline, context) {
                event_add(event, nil)
                events.append(event)
            }
        }
    }

    /// Blocks until SIGINT or SIGTERM.
    func run() {
        event_base_dispatch(base)
    }

    /// Blocks until `done()` holds (checked every 50 ms), `seconds` have passed, or another SIGINT or
    /// SIGTERM arrives; returns whether `done()` held. SIGHUP reloads nothing meanwhile.
    func wait(seconds: Int, until done: @escaping () -> Bool) -> Bool {
        guard !done() else { return true }
        condition = done
        defer { condition = nil }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let poll = event_new(base, -1, Int16(EV_PERSIST), pollTrampoline, context)
        let timeout = newsdesk_evtimer_new(base, pollTimeoutTrampoline, context)
        defer {
            if let poll { event_free(poll) }
            if let timeout { event_free(timeout) }
        }
        var interval = timeval(tv_sec: 0, tv_usec: 50_000)
        var limit = timeval(tv_sec: seconds, tv_usec: 0)
        if let poll { event_add(poll, &interval) }
        if let timeout { event_add(timeout, &limit) }
        event_base_dispatch(base)
        return done()
    }

    fileprivate func received(_ signum: Int32) {
        if signum == SIGHUP {
            if condition == nil { onReload() }
        } else {
            event_base_loopbreak(base)
        }
    }

    fileprivate func poll() {
        if condition?() ?? true { event_base_loopbreak(base) }
    }

    fileprivate func timedOut() {
        event_base_loopbreak(base)
    }

    deinit {
        for event in events { event_free(event) }
        event_base_free(base)
    }
}

/// libevent's signal callback: recovers the loop and reports the signal.
private func signalTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<SignalLoop>.fromOpaque(context).takeUnretainedValue().received(Int32(fd))
}

/// `wait`'s poll of its condition.
private func pollTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<SignalLoop>.fromOpaque(context).takeUnretainedValue().poll()
}

/// `wait`'s time limit.
private func pollTimeoutTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<SignalLoop>.fromOpaque(context).takeUnretainedValue().timedOut()
}
