import Model

/// Renders a list endpoint in the format asked for: the JSON envelope with pagination, NDJSON or CSV.
struct ListResponse {
    /// Output formats.
    enum Format: String, CaseIterable {
        case json, ndjson, csv
    }

    /// The `format` parameter, or NDJSON when `Accept` asks for it; CSV only where `csv` is given.
    static func format(_ c: RequestContext, csv: Bool) throws(APIError) -> Format {
        if let text = c.parameters.string("format") {
            let allowed: [Format] = csv ? [.json, .ndjson, .csv] : [.json, .ndjson]
            guard let f = Format(rawValue: text), allowed.contains(f) else {
                throw .invalidParameter("format", "'format' must be one of \(allowed.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
            }
            return f
        }
        if let accept = c.request.headers.accept, accept.containsASCII("application/x-ndjson") { return .ndjson }
        return .json
    }

    /// Builds the response for `total` items where `item(i)` encodes the i-th one as JSON.
    /// `csvHeader` and `csvRow` are used when the format is CSV.
    static func render(
        _ c: RequestContext, count: Int, format: Format,
        json item: @escaping @Sendable (Int) -> [UInt8],
        csvHeader: [String] = [], csvRow: (@Sendable (Int) -> [String])? = nil
    ) throws(APIError) -> Response {
        try render(c, count: count, format: format, write: { i, w in w.raw(item(i)) }, csvHeader: csvHeader, csvRow: csvRow)
    }

    /// The same where `write(i, &w)` writes the i-th item into the writer (items encoded per request go straight
    /// into the body).
    static func render(
        _ c: RequestContext, count: Int, format: Format,
        write: @escaping @Sendable (Int, inout JSONWriter) -> Void,
        csvHeader: [String] = [], csvRow: (@Sendable (Int) -> [String])? = nil
    ) throws(APIError) -> Response {
        let p = c.parameters
        let limit = try p.int("limit", default: 50, range: 1...500)
        let offset = try p.int("offset", default: 0, range: 0...Int(Int32.max))
        switch format {
        case .json:
            let end = min(count, offset + limit)
            var w = JSONWriter(capacity: 4096)
            w.beginObject()
            w.key("data")
            w.beginArray()
            if offset < end { for i in offset..<end { write(i, &w) } }
            w.endArray()
            w.key("meta")
            w.beginObject()
            w.key("total"); w.int(count)
            w.key("limit"); w.int(limit)
            w.key("offset"); w.int(offset)
            w.endObject()
            w.key("links")
            w.beginObject()
            w.key("next"); w.string(end < count ? nextLink(c.request, offset: end, limit: limit) : nil)
            w.endObject()
            w.endObject()
            return .json(w.bytes)
        case .ndjson, .csv:
            // Streams take every item unless a limit is asked for.
            let end = p.string("limit") == nil ? count : min(count, offset + limit)
            var i = offset
            let isCSV = format == .csv
            var headerPending = isCSV
            let source = ChunkSource {
                var chunk: [UInt8] = []
                if headerPending {
                    chunk += CSV.row(csvHeader)
                    headerPending = false
                }
                while i < end && chunk.count < 64 * 1024 {
                    if isCSV, let csvRow {
                        chunk += CSV.row(csvRow(i))
                    } else {
                        var w = JSONWriter(capacity: 1024)
                        write(i, &w)
                        chunk += w.bytes
                        chunk.append(0x0A)
                    }
                    i += 1
                }
                return chunk.isEmpty ? nil : chunk
            }
            let type = isCSV ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson"
            var response = Response(status: 200, headers: [("Content-Type", type)], body: .stream(source))
            response.headers.append(("X-Total-Count", String(count)))
            return response
        }
    }

    /// The same request with another offset (and the limit made explicit).
    static func nextLink(_ request: Request, offset: Int, limit: Int) -> String {
        var items = request.query.filter { $0.name != "offset" && $0.name != "limit" }
        items.append(("limit", String(limit)))
        items.append(("offset", String(offset)))
        let query = items.map { "\(percentEncode($0.name))=\(percentEncode($0.value))" }.joined(separator: "&")
        return "\(request.path)?\(query)"
    }

    /// Percent-encodes everything but unreserved characters.
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// A single resource: `{"data": …}`.
    static func single(_ write: (inout JSONWriter) -> Void) -> Response {
        var w = JSONWriter(capacity: 4096)
        w.beginObject()
        w.key("data")
        write(&w)
        w.endObject()
        return .json(w.bytes)
    }
}

/// RFC 4180 CSV rows.
enum CSV {
    /// One row: fields quoted when they hold a comma, quote, or line break; CRLF at the end.
    static func row(_ fields: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            if field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                out.append(UInt8(ascii: "\""))
                for b in field.utf8 {
                    if b == UInt8(ascii: "\"") { out.append(b) }
                    out.append(b)
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out += field.utf8
            }
        }
        out += [0x0D, 0x0A]
        return out
    }
}

extension String {
    /// Pads with leading zeros to `width`.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension Optional where Wrapped == Int {
    /// The number as text, or empty.
    var csvText: String { map(String.init) ?? "" }
}
