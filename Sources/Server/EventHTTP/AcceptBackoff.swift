import CEvent
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The listener's error handling: when `accept()` fails for want of resources (out of descriptors:
/// EMFILE, ENFILE; ENOBUFS, ENOMEM) the pending connection stays queued and the listening socket stays
/// readable, so without this libevent would retry at once, forever, logging every failure (a busy loop).
/// Instead, accepting pauses (`evconnlistener_disable`) and a timer resumes it after
/// `pauseMicroseconds`; the warning is rate-limited.
final class AcceptBackoff {
    /// How long accepting pauses after a failure.
    static let pauseMicroseconds = 100_000
    /// The listener (its worker owns and frees it).
    let listener: OpaquePointer
    /// Where the warning goes, rate-limited.
    let limits: ConnectionLimits
    private var timer: OpaquePointer?
    private var stopped = false
    /// Failures since start (for tests and metrics).
    private(set) var failures = 0

    /// The backoff of `listener`, whose events run on `base` (the worker routes the listener's error callback here).
    init(listener: OpaquePointer, base: OpaquePointer, limits: ConnectionLimits) {
        self.listener = listener
        self.limits = limits
        let context = Unmanaged.passUnretained(self).toOpaque()
        timer = newsdesk_evtimer_new(base, resumeAcceptingTrampoline, context)
    }

    /// accept() failed with `error` (the listener's error callback, on the worker's thread): pause, and warn at most
    /// every 10 s.
    func acceptFailed(error: Int32) {
        failures += 1
        guard !stopped else { return }
        evconnlistener_disable(listener)
        var pause = timeval(tv_sec: 0, tv_usec: Self.pauseMicroseconds)
        if let timer { event_add(timer, &pause) }
        limits.warnings.note("acceptFailed", "accept() failed; pausing accepts", metadata: [
            "accept.error": "\(String(cString: strerror(error)))",
            "accept.pause_ms": "\(Self.pauseMicroseconds / 1000)",
            "connections.open": "\(limits.openConnections)",
        ], now: connectionClock())
    }

    /// The pause is over: accept again.
    fileprivate func resume() {
        guard !stopped else { return }
        evconnlistener_enable(listener)
    }

    /// Stops for good, before the listener is freed (a drain, or the worker's end); frees the timer.
    func stop() {
        guard !stopped else { return }
        stopped = true
        if let timer { event_free(timer) }
        timer = nil
    }

    deinit { stop() }
}

/// The backoff timer.
private func resumeAcceptingTrampoline(_ fd: Int32, _ what: Int16, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<AcceptBackoff>.fromOpaque(context).takeUnretainedValue().resume()
}
