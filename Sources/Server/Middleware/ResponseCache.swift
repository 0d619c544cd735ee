/// Finished responses by request, kept per event-loop thread (so no lock), dropped when the corpus changes.
final class ResponseCache {
    /// What an answer is stored under: the request target as sent and the representation asked for (bit 0 gzip,
    /// bit 1 NDJSON), as two fields rather than one string made per request.
    struct Key: Hashable {
        /// The request target.
        var target: String
        /// The representation's bits.
        var variant: UInt8
    }

    private var entries: [Key: Response] = [:]
    private var version = ""
    private var bytes = 0
    /// Most responses kept.
    let capacity: Int
    /// Largest body kept.
    let maxBody = 1 << 20

    /// Creates a cache of at most `capacity` responses.
    init(capacity: Int) { self.capacity = capacity }

    /// The stored response for `key` under corpus `version`.
    func lookup(_ key: Key, version: String) -> Response? {
        guard version == self.version else {
            // The corpus changed: drop the old answers now, so that their memory goes with the old snapshot's.
            if !entries.isEmpty {
                entries = [:]
                bytes = 0
            }
            return nil
        }
        return entries[key]
    }

    /// Stores a response; when full, starts over (the working set of a dashboard is small).
    func store(_ key: Key, _ response: Response, version: String) {
        guard capacity > 0, let body = response.bytes, body.count <= maxBody else { return }
        if version != self.version || entries.count >= capacity || bytes > 256 << 20 {
            entries.removeAll(keepingCapacity: true)
            bytes = 0
            self.version = version
        }
        entries[key] = response
        bytes += body.count
    }
}
