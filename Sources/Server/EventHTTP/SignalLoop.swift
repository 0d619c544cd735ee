import CEvent

#if canImport(Glibc)
import Glibc
#endif

/// Waits on the calling thread for SIGINT/SIGTERM (stop) and SIGHUP (reload), with libevent signal events.
final class SignalLoop {
    private let base: OpaquePointer
    private var events: [OpaquePointer] = []
    private let onReload: () -> Void

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

    fileprivate func received(_ signum: Int32) {
        if signum == SIGHUP {
            onReload()
        } else {
            event_base_loopbreak(base)
        }
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
