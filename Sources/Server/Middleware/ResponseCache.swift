import Model

/// Finished responses by request, kept per event-loop thread (so no lock), dropped when the corpus changes.
final class ResponseCache {
    /// What an answer is stored under: the request target as sent and the representation asked for (bit 0 gzip,
    /// bit 1 NDJSON), as two fields rather than one string made per request, with a hash of the target's bytes
    /// made once. The dictionary takes that hash as it is: hashing the target with the standard library's seeded
    /// SipHash cost several hundred instructions a cached request; a hit still compares the whole target.
    struct Key: Hashable {
        /// The request target.
        let target: String
        /// The representation's bits.
        let variant: UInt8
        /// FNV-1a of the target's bytes, then the variant.
        let hash: UInt64

        init(target: String, variant: UInt8) {
            self.target = target
            self.variant = variant
            var text = target
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            text.withUTF8 { bytes in
                for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            }
            hash = (h ^ UInt64(variant)) &* 0x100_0000_01b3
        }

        static func == (a: Key, b: Key) -> Bool {
            a.hash == b.hash && a.variant == b.variant && a.target == b.target
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        /// The hash the dictionary buckets by: the FNV value mixed with the table's seed (a multiply and shifts,
        /// for the high bits FNV leaves weak), instead of a SipHash of it.
        func _rawHashValue(seed: Int) -> Int {
            var x = hash ^ UInt64(truncatingIfNeeded: seed)
            x = (x ^ (x >> 32)) &* 0xd6e8_feb8_6659_fd93
            x = (x ^ (x >> 32)) &* 0xd6e8_feb8_6659_fd93
            return Int(truncatingIfNeeded: x ^ (x >> 32))
        }
    }

    private var entries: [Key: Response] = [:]
    private var version = ""
    /// Answers that depend on the load itself, not only on the corpus content (`/stats`: its `loadedAt` and
    /// `loadSeconds` change on a reload of unchanged files), kept while the load they were made from is current.
    private var loadEntries: [Key: Response] = [:]
    private var load = LoadStamp()
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

    /// The stored per-load response for `key` under the load of `snapshot`.
    func lookupLoad(_ key: Key, snapshot: CorpusSnapshot) -> Response? {
        guard !loadEntries.isEmpty else { return nil }
        guard LoadStamp(snapshot) == load else {
            loadEntries = [:]
            return nil
        }
        return loadEntries[key]
    }

    /// Stores a per-load response (a few routes only: no eviction needed beyond the capacity check).
    func storeLoad(_ key: Key, _ response: Response, stamp: LoadStamp) {
        guard capacity > 0, let body = response.bytes, body.count <= maxBody else { return }
        if stamp != load || loadEntries.count >= capacity {
            loadEntries.removeAll(keepingCapacity: true)
            load = stamp
        }
        loadEntries[key] = response
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

/// What tells one load of a corpus from another: its content's version and when and how long it loaded.
struct LoadStamp: Equatable, Sendable {
    var version = ""
    var loadedAt = 0.0
    var loadSeconds = -1.0

    init() {}

    /// The stamp of `snapshot`'s load.
    init(_ snapshot: CorpusSnapshot) {
        version = snapshot.dataVersion
        loadedAt = snapshot.info.loadedAt.timeIntervalSinceReferenceDate
        loadSeconds = snapshot.loadSeconds
    }
}
