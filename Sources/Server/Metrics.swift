import Foundation
import Synchronization

/// Request counters by route and status, and a latency histogram, in Prometheus text form.
final class Metrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1]

    /// A counter key: route pattern and status.
    private struct Key: Hashable {
        var route: String
        var status: Int
    }

    private struct Counts {
        var requests: [Key: Int] = [:]
        var bucketCounts = [Int](repeating: 0, count: Metrics.buckets.count)
        var latencyCount = 0
        var latencySum = 0.0
    }

    /// One shard per event-loop thread, so that threads never wait on each other's counters.
    private let shards: [Shard]

    /// One thread's counters (a class: a Mutex cannot be copied into an array).
    private final class Shard: Sendable {
        let counts = Mutex(Counts())
    }

    /// Creates metrics with `shards` independent counters (one per thread that records).
    init(shards: Int = 1) {
        self.shards = (0..<max(1, shards)).map { _ in Shard() }
    }

    /// Records one answered request.
    func record(route: String, status: Int, seconds: Double, shard: Int = 0) {
        shards[shard % shards.count].counts.withLock { c in
            c.requests[Key(route: route, status: status), default: 0] += 1
            if let bucket = Metrics.buckets.firstIndex(where: { seconds <= $0 }) { c.bucketCounts[bucket] += 1 }
            c.latencyCount += 1
            c.latencySum += seconds
        }
    }

    /// All shards added up.
    private func total() -> Counts {
        var sum = Counts()
        for shard in shards {
            let c = shard.counts.withLock { $0 }
            sum.requests.merge(c.requests, uniquingKeysWith: +)
            for i in sum.bucketCounts.indices { sum.bucketCounts[i] += c.bucketCounts[i] }
            sum.latencyCount += c.latencyCount
            sum.latencySum += c.latencySum
        }
        return sum
    }

    /// The Prometheus exposition text, with `gauges` (name, help, value) appended.
    func render(gauges: [(name: String, help: String, value: Double)]) -> String {
        let c = total()
        var out = "# HELP newsdesk_requests_total Requests answered, by route and status.\n# TYPE newsdesk_requests_total counter\n"
        for (key, n) in c.requests.sorted(by: { ($0.key.route, $0.key.status) < ($1.key.route, $1.key.status) }) {
            out += "newsdesk_requests_total{route=\"\(key.route)\",status=\"\(key.status)\"} \(n)\n"
        }
        out += "# HELP newsdesk_request_duration_seconds Time from request to response.\n# TYPE newsdesk_request_duration_seconds histogram\n"
        var cumulative = 0
        for (i, bound) in Metrics.buckets.enumerated() {
            cumulative += c.bucketCounts[i]
            out += "newsdesk_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        out += "newsdesk_request_duration_seconds_bucket{le=\"+Inf\"} \(c.latencyCount)\n"
        out += "newsdesk_request_duration_seconds_sum \(c.latencySum)\n"
        out += "newsdesk_request_duration_seconds_count \(c.latencyCount)\n"
        for g in gauges {
            out += "# HELP \(g.name) \(g.help)\n# TYPE \(g.name) gauge\n\(g.name) \(g.value)\n"
        }
        return out
    }
}
