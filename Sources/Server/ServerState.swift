import Foundation
import Model
import Synchronization

/// What the handlers share: the configuration, the current corpus snapshot and the metrics.
///
/// The snapshot is swapped whole by a reload; a request takes the snapshot once and reads only it.
final class ServerState: Sendable {
    /// The resolved configuration.
    let configuration: Configuration
    /// Request counters and latency histogram, one shard per event-loop thread.
    let metrics: Metrics
    /// When the process started serving.
    let startedAt = Date()
    private let current: Mutex<(snapshot: CorpusSnapshot, pages: EncodedPages)>
    private let draining = Atomic<Bool>(false)

    /// Creates the state around a first snapshot.
    init(configuration: Configuration, snapshot: CorpusSnapshot) {
        self.configuration = configuration
        self.current = Mutex((snapshot, EncodedPages(snapshot)))
        self.metrics = Metrics(shards: configuration.effectiveThreads)
    }

    /// Whether the server is draining after SIGTERM or SIGINT: `/healthz` then answers 503 `draining`, so
    /// that load balancers stop sending while the requests in flight finish.
    var isDraining: Bool { draining.load(ordering: .acquiring) }

    /// Marks the server draining.
    func startDraining() { draining.store(true, ordering: .releasing) }

    /// The snapshot requests read now.
    var snapshot: CorpusSnapshot { current.withLock { $0.snapshot } }

    /// The snapshot requests read now, with its pre-encoded list items.
    var served: (snapshot: CorpusSnapshot, pages: EncodedPages) { current.withLock { $0 } }

    /// Swaps in a new snapshot (encoding its list items first, copying those the snapshot it replaces already
    /// encoded when it was built from that one) and returns the one it replaces; requests already running finish
    /// on the old one.
    @discardableResult
    func replace(with snapshot: CorpusSnapshot) -> CorpusSnapshot {
        let pages = EncodedPages(snapshot, previous: served)
        return current.withLock { current in
            defer { current = (snapshot, pages) }
            return current.snapshot
        }
    }
}
