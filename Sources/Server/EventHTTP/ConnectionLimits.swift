import Logging
import Synchronization

/// What the workers share about connections: how many are open, the cap, the request-head deadline,
/// whether the server is draining, and the rate limit of the warnings about refused connections.
final class ConnectionLimits: Sendable {
    /// Most connections open at once, over every worker.
    let maxConnections: Int
    /// Seconds a connection has to send a whole request head.
    let headerTimeoutSeconds: Int
    /// Warnings about refused connections and failed accepts, at most one per interval.
    let warnings: RateLimitedWarning
    private let open = Atomic<Int>(0)
    private let draining = Atomic<Bool>(false)
    private let listening = Atomic<Int>(0)

    /// Creates the shared limits.
    init(maxConnections: Int, headerTimeoutSeconds: Int, logger: Logger) {
        self.maxConnections = maxConnections
        self.headerTimeoutSeconds = headerTimeoutSeconds
        self.warnings = RateLimitedWarning(logger: logger)
    }

    /// Connections open now.
    var openConnections: Int { open.load(ordering: .relaxed) }

    /// Whether the server has begun to drain (responses then close their connections).
    var isDraining: Bool { draining.load(ordering: .acquiring) }

    /// Marks the server draining.
    func startDraining() { draining.store(true, ordering: .releasing) }

    /// Whether the drain has closed every listening socket. Only then do responses close their connections
    /// and idle ones get closed: a client that reconnects meets a closed port (refused, and a balancer
    /// fails over), never a listener about to close, whose queued connections the kernel would reset.
    var listenersClosed: Bool { isDraining && listening.load(ordering: .acquiring) == 0 }

    /// A worker bound its listener.
    func listenerOpened() { listening.add(1, ordering: .releasing) }

    /// A worker closed its listener.
    func listenerClosed() { listening.subtract(1, ordering: .releasing) }

    /// Takes a slot for a new connection; false when `maxConnections` are open.
    func admit() -> Bool {
        var current = open.load(ordering: .relaxed)
        while current < maxConnections {
            let (exchanged, original) = open.compareExchange(expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }

    /// Gives back the slot of a closed connection.
    func release() { open.subtract(1, ordering: .relaxed) }
}

/// A warning logged at most once per interval, with the number of events since the last one: under a
/// flood of failed accepts the log gets one line every few seconds, not one per failure.
final class RateLimitedWarning: Sendable {
    private struct State {
        var lastLogged: UInt64 = 0
        var suppressed: [String: Int] = [:]
    }
    private let logger: Logger
    private let intervalNanoseconds: UInt64
    private let state = Mutex(State())

    /// Creates the limiter; `intervalSeconds` apart at least between two lines.
    init(logger: Logger, intervalSeconds: Double = 10) {
        self.logger = logger
        self.intervalNanoseconds = UInt64(intervalSeconds * 1e9)
    }

    /// Counts one event of `kind`; logs `message` (with the counts of every kind since the last line) when the
    /// interval has passed. Returns whether it logged. `now` is the monotonic clock in nanoseconds.
    @discardableResult
    func note(_ kind: String, _ message: Logger.Message, metadata: Logger.Metadata = [:], now: UInt64) -> Bool {
        let counts = state.withLock { state -> [String: Int]? in
            state.suppressed[kind, default: 0] += 1
            guard state.lastLogged == 0 || now &- state.lastLogged >= intervalNanoseconds else { return nil }
            state.lastLogged = now
            defer { state.suppressed = [:] }
            return state.suppressed
        }
        guard let counts else { return false }
        var metadata = metadata
        for (kind, count) in counts { metadata["events.\(kind)"] = "\(count)" }
        logger.warning(message, metadata: metadata)
        return true
    }
}
