import CEvent

#if canImport(Glibc)
import Glibc
#endif

/// The graceful stop: on SIGTERM or SIGINT the server stops accepting, lets the requests and streams in
/// flight finish, closes its keep-alive connections as they fall idle, and reports when none is left.
extension EventHTTPServer {
    /// Starts the drain on every worker: from now on each response closes its connection, the listening
    /// sockets close (new connections are refused), and idle connections are closed. Any thread.
    func beginDrain() {
        limits.startDraining()
        for worker in workers { worker.post(.drain) }
    }

    /// Connections open now, over every worker.
    var openConnections: Int { limits.openConnections }

    /// Whether the drain is over: every listener closed and no connection left.
    var isDrained: Bool { limits.listenersClosed && limits.openConnections == 0 }

    /// Waits up to `seconds` for the drain to end (polling every 20 ms); whether it did.
    func waitUntilDrained(seconds: Double) -> Bool {
        let deadline = connectionClock() + UInt64(max(0, seconds) * 1e9)
        while !isDrained {
            if connectionClock() >= deadline { return false }
            usleep(20_000)
        }
        return true
    }
}

extension Worker {
    /// On the worker's thread: closes the listening socket and starts closing idle connections.
    func beginDrain() {
        closeListener()
        startDrainSweep()
    }
}
