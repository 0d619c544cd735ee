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

    /// The requests of one route, by status: a short list searched in order (a route answers a few statuses).
    private struct RouteCounts {
        var route: String
        var statuses: [(status: Int, count: Int)] = []
    }

    private struct Counts {
        /// By route index + 1 (slot 0: no route matched); counting is an array index and a short scan, no hashing
        /// of the route pattern (a dictionary keyed by it cost a few hundred instructions a request).
        var byRoute: [RouteCounts?] = []
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

    /// Records one answered request of the route at `index` (-1: none), whose pattern is `route`.
    func record(route: String, index: Int = -1, status: Int, seconds: Double, shard: Int = 0) {
        shards[shard % shards.count].counts.withLock { c in
            let slot = max(0, index + 1)
            if slot >= c.byRoute.count { c.byRoute += [RouteCounts?](repeating: nil, count: slot + 1 - c.byRoute.count) }
            if c.byRoute[slot] == nil { c.byRoute[slot] = RouteCounts(route: route) }
            Self.count(status, in: &c.byRoute[slot]!)
            var bucket = 0
            while bucket < Metrics.buckets.count && seconds > Metrics.buckets[bucket] { bucket += 1 }
            if bucket < Metrics.buckets.count { c.bucketCounts[bucket] += 1 }
            c.latencyCount += 1
            c.latencySum += seconds
        }
    }

    private static func count(_ status: Int, in counts: inout RouteCounts) {
        for i in counts.statuses.indices where counts.statuses[i].status == status {
            counts.statuses[i].count += 1
            return
        }
        counts.statuses.append((status, 1))
    }

    /// All shards added up: requests by route pattern and status, and the latency figures.
    private func total() -> (requests: [Key: Int], counts: Counts) {
        var requests: [Key: Int] = [:]
        var sum = Counts()
        for shard in shards {
            let c = shard.counts.withLock { $0 }
            for case let route? in c.byRoute {
                for (status, n) in route.statuses { requests[Key(route: route.route, status: status), default: 0] += n }
            }
            for i in sum.bucketCounts.indices { sum.bucketCounts[i] += c.bucketCounts[i] }
            sum.latencyCount += c.latencyCount
            sum.latencySum += c.latencySum
        }
        return (requests, sum)
    }

    /// The Prometheus exposition text, with `gauges` (name, help, value) appended.
    func render(gauges: [(name: String, help: String, value: Double)]) -> String {
        let (requests, c) = total()
        var out = "# HELP newsdesk_requests_total Requests answered, by route and status.\n# TYPE newsdesk_requests_total counter\n"
        for (key, n) in requests.sorted(by: { ($0.key.route, $0.key.status) < ($1.key.route, $1.key.status) }) {
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
