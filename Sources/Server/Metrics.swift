import Foundation
import Synchronization

/// Request counters by route and status, and a latency histogram, in Prometheus text form.
final class Metrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1]

    private struct Counts {
        var requests: [String: Int] = [:]  // "route\u{0}status"
        var bucketCounts = [Int](repeating: 0, count: Metrics.buckets.count)
        var latencyCount = 0
        var latencySum = 0.0
    }

    private let counts = Mutex(Counts())

    /// Records one answered request.
    func record(route: String, status: Int, seconds: Double) {
        counts.withLock { c in
            c.requests["\(route)\u{0}\(status)", default: 0] += 1
            if let bucket = Metrics.buckets.firstIndex(where: { seconds <= $0 }) { c.bucketCounts[bucket] += 1 }
            c.latencyCount += 1
            c.latencySum += seconds
        }
    }

    /// Requests answered so far.
    var requestCount: Int { counts.withLock { $0.latencyCount } }

    /// The Prometheus exposition text, with `gauges` (name, help, value) appended.
    func render(gauges: [(name: String, help: String, value: Double)]) -> String {
        let c = counts.withLock { $0 }
        var out = "# HELP newsdesk_requests_total Requests answered, by route and status.\n# TYPE newsdesk_requests_total counter\n"
        for (key, n) in c.requests.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false)
            out += "newsdesk_requests_total{route=\"\(parts[0])\",status=\"\(parts[1])\"} \(n)\n"
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
