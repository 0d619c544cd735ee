/// A response in Swift values; the EventHTTP layer writes it out.
struct Response: Sendable {
    /// The body: bytes in hand, or chunks produced while sending.
    enum Body: Sendable {
        /// A complete body.
        case bytes([UInt8])
        /// A body produced chunk by chunk (NDJSON and CSV exports); `nil` ends it.
        case stream(ChunkSource)
    }

    /// HTTP status.
    var status: Int
    /// Headers besides those the server adds (Content-Length, Date).
    var headers: [(name: String, value: String)]
    /// The body. Setting it forgets `bodyHash`.
    var body: Body {
        didSet { bodyHash = nil }
    }
    /// The FNV-1a hash of the body bytes, when the handler has it without reading them again (a stored answer
    /// hashed at load): the ETag step takes it instead of hashing the body.
    var bodyHash: UInt64? = nil
    /// Whether the response depends only on the corpus and the request, so that it may be cached and tagged.
    var cacheable = true
    /// The route pattern that answered ("/articles/{id}"), for metrics.
    var route = "unmatched"
    /// The entity tag, also among `headers` once set.
    var etag: String? = nil

    /// The body bytes, or nil for a stream.
    var bytes: [UInt8]? {
        if case .bytes(let b) = body { return b }
        return nil
    }

    /// The value of a header (case-insensitive name).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Whether `Vary` is among `headers` (set with `setVary`).
    private(set) var hasVary = false

    /// Adds the `Vary` header.
    mutating func setVary(_ value: String) {
        headers.append(("Vary", value))
        hasVary = true
    }

    /// A JSON response.
    static func json(_ bytes: [UInt8], status: Int = 200) -> Response {
        Response(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: .bytes(bytes))
    }

    /// A response of any type.
    static func content(_ bytes: [UInt8], type: String, status: Int = 200) -> Response {
        Response(status: status, headers: [("Content-Type", type)], body: .bytes(bytes))
    }
}

/// Produces a streamed body's chunks on the thread that sends them.
final class ChunkSource: @unchecked Sendable {
    // @unchecked Sendable: a stream is created by a handler and then read only by the one event-loop
    // thread that sends the response, never by two threads at once.
    private let produce: () -> [UInt8]?

    /// Creates a source from a closure that returns the next chunk, or nil at the end.
    init(_ produce: @escaping () -> [UInt8]?) { self.produce = produce }

    /// The next chunk, or nil when done.
    func next() -> [UInt8]? { produce() }

    /// Reads the whole stream (for tests and HEAD requests).
    func collect() -> [UInt8] {
        var all: [UInt8] = []
        while let chunk = next() { all += chunk }
        return all
    }
}
