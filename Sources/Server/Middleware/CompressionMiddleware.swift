/// Compresses cacheable bodies with gzip when `Accept-Encoding` allows it and the result is smaller, and streamed
/// exports (NDJSON, CSV) chunk by chunk as they are sent when it allows it, and says with `Vary` that answers depend
/// on `Accept-Encoding` (and, for CORS, on `Origin`).
struct CompressionMiddleware: Middleware {
    /// Compresses bodies (zlib, in the EventHTTP folder with the other C).
    let gzip: @Sendable ([UInt8]) -> [UInt8]?
    /// Compresses a stream as it is read, or nil when it cannot.
    let gzipStream: @Sendable (ChunkSource) -> ChunkSource?
    /// Smallest body worth compressing.
    static let minimumBytes = 256
    /// The `Vary` value of every answer.
    static let vary = "Accept-Encoding, Origin"

    func respond(to context: RequestContext, next: (RequestContext) -> Response) -> Response {
        var response = next(context)
        guard response.status == 200 else {
            response.setVary(Self.vary)
            return response
        }
        switch response.body {
        case .bytes(let body):
            if response.cacheable, body.count >= Self.minimumBytes, Self.acceptsGzip(context.request.headers.acceptEncoding),
               let compressed = gzip(body), compressed.count < body.count {
                response.body = .bytes(compressed)
                response.headers.append(("Content-Encoding", "gzip"))
            }
        case .stream(let source):
            // An export's size is not known before it is sent: it is compressed whenever gzip is accepted (NDJSON
            // and CSV shrink several times over).
            if Self.acceptsGzip(context.request.headers.acceptEncoding), let compressed = gzipStream(source) {
                response.body = .stream(compressed)
                response.headers.append(("Content-Encoding", "gzip"))
            }
        }
        response.setVary(Self.vary)
        return response
    }

    /// Whether `Accept-Encoding` allows gzip (and does not give it q=0).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        // The common case, "gzip, deflate, br", needs no parsing.
        if !header.containsByte(UInt8(ascii: ";")) { return header.containsASCII("gzip") }
        for part in header.lowercased().split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.first == "gzip" || fields.first == "x-gzip" else { continue }
            if fields.dropFirst().contains(where: { $0 == "q=0" || $0 == "q=0.0" || $0 == "q=0.00" || $0 == "q=0.000" }) { return false }
            return true
        }
        return false
    }
}
