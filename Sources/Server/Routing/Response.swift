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
    /// Whether a response that is not `cacheable` depends only on the snapshot's load and the request (`/stats`), so
    /// that a thread may keep it while that load is current. It carries no ETag and says `no-store` all the same.
    var perLoad = false
    /// The route pattern that answered ("/articles/{id}"), for metrics.
    var route = "unmatched"
    /// The position of that route among the router's (-1: none matched), what metrics count by.
    var routeIndex = -1
    /// The entity tag, also among `headers` once set.
    var etag: String? = nil
    /// `headers` written out once, for an answer sent many times (the response cache makes it); nil: written per send.
    /// It is used only while it `covers` the headers (a later step may add some, or take some away).
    var headerBlock: HeaderBlock? = nil

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

    /// Names `route` as the one that answered.
    mutating func setRoute(_ route: Router.Route) {
        self.route = route.pattern
        routeIndex = route.index
    }

    /// Makes `headerBlock` from the headers as they stand.
    mutating func buildHeaderBlock() {
        headerBlock = HeaderBlock(headers)
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

/// Header lines as the bytes they are sent as, `Name: value` joined by CRLF (no CRLF after the last), so that a
/// cached answer's headers are written with one copy. A header whose name or value holds CR, LF or NUL (or whose
/// name holds a colon) is left out: nothing can split the response.
final class HeaderBlock: Sendable {
    /// The lines.
    let bytes: [UInt8]
    /// The headers written.
    let headers: [(name: String, value: String)]
    /// How many of the response's headers (the first ones) the lines hold.
    var headerCount: Int { headers.count }

    /// The block of `headers`.
    init(_ headers: [(name: String, value: String)]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 })
        for header in headers { Self.append(header, to: &bytes) }
        self.bytes = bytes
        self.headers = headers
    }

    /// Whether the block holds the first headers of `headers`, unchanged. Cheap on a cached answer: its strings are
    /// the very ones the block was made from, and equal storage compares equal at once.
    func covers(_ headers: [(name: String, value: String)]) -> Bool {
        guard headers.count >= self.headers.count else { return false }
        for i in self.headers.indices where headers[i].name != self.headers[i].name || headers[i].value != self.headers[i].value {
            return false
        }
        return true
    }

    /// Appends `header` to `bytes` as a line (CRLF first when `bytes` holds lines already), unless it could split
    /// the response.
    static func append(_ header: (name: String, value: String), to bytes: inout [UInt8]) {
        guard isSafe(header.name, isName: true), isSafe(header.value, isName: false) else { return }
        if !bytes.isEmpty {
            bytes.append(0x0D)
            bytes.append(0x0A)
        }
        bytes += header.name.utf8
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        bytes += header.value.utf8
    }

    /// Whether `text` holds no CR, LF or NUL (nor a colon, in a name).
    static func isSafe(_ text: String, isName: Bool) -> Bool {
        !text.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 || (isName && $0 == UInt8(ascii: ":")) }
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
