#if canImport(Glibc)
import Glibc
#endif

/// A request head (request line and header lines, RFC 9112 §2-5) read from the bytes a connection received,
/// without allocating but for the target and the values of the headers the API reads.
///
/// Lines end with CRLF or a bare LF; empty lines before the request line are skipped (RFC 9112 §2.2). Only
/// HTTP/1.0 and HTTP/1.1 are accepted; obsolete line folding, a space before a header's colon, and control
/// bytes in a target or value are refused (400), as RFC 9112 allows.
struct RequestHead {
    /// The method (`.other` for one the router does not know: it answers 405).
    var method = HTTPMethod.get
    /// The request target as sent.
    var target = ""
    /// Whether the request line says HTTP/1.0.
    var isHTTP10 = false
    /// The headers the API reads.
    var headers = RequestHeaders()
    /// Bytes of all header lines (names, values, `": "` and CRLF each), for `LimitsMiddleware`'s 431.
    var headerBytes = 0
    /// Whether the client asked to close the connection after the response (`Connection: close`, or HTTP/1.0
    /// without `Connection: keep-alive`).
    var wantsClose = false
    /// `Content-Length` (0 when absent).
    var contentLength = 0
    /// Whether `Transfer-Encoding` was sent.
    var hasTransferEncoding = false
    /// Whether `Expect` asks for something other than `100-continue` (417).
    var hasUnknownExpectation = false
    /// Bytes of the head, its final empty line included.
    var length = 0

    /// Whether a body follows the head. The server reads none: a request that announces one is answered and its
    /// connection closed, so that the body is never taken for the next request.
    var announcesBody: Bool { contentLength > 0 || hasTransferEncoding }

    /// What reading a head gives.
    enum Parse {
        /// Not all of the head has come yet.
        case incomplete
        /// A head, `length` bytes long.
        case complete(RequestHead)
        /// Bytes that are not an HTTP/1.1 head: answered 400 and closed.
        case invalid(HeadError)
    }

    /// Why a head is refused.
    enum HeadError: Equatable {
        /// The request line is not `METHOD target HTTP/1.x`.
        case badRequestLine
        /// A header line is malformed.
        case badHeader
    }

    private static let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, space: UInt8 = 0x20, tab: UInt8 = 0x09

    /// Reads the head at the start of `count` bytes at `base`.
    static func parse(_ base: UnsafePointer<UInt8>, _ count: Int) -> Parse {
        var i = 0
        while i < count && (base[i] == cr || base[i] == lf) { i += 1 }
        guard let lineEnd = findLineFeed(base, from: i, to: count) else { return .incomplete }
        var head = RequestHead()
        guard head.readRequestLine(base, i, lineStop(base, i, lineEnd)) else { return .invalid(.badRequestLine) }
        i = lineEnd + 1
        var hasConnectionClose = false, hasKeepAlive = false
        while true {
            guard i < count else { return .incomplete }
            if base[i] == lf {
                i += 1
                break
            }
            if base[i] == cr {
                guard i + 1 < count else { return .incomplete }
                guard base[i + 1] == lf else { return .invalid(.badHeader) }
                i += 2
                break
            }
            guard let end = findLineFeed(base, from: i, to: count) else { return .incomplete }
            guard head.readHeaderLine(base, i, lineStop(base, i, end), &hasConnectionClose, &hasKeepAlive) else {
                return .invalid(.badHeader)
            }
            i = end + 1
        }
        head.wantsClose = hasConnectionClose || (head.isHTTP10 && !hasKeepAlive)
        head.length = i
        return .complete(head)
    }

    /// The index of the next LF in `from..<to`, or nil.
    private static func findLineFeed(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let found = memchr(base + from, Int32(lf), to - from) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// Where the line from `start` to its LF at `lineEnd` stops, a CR before the LF left out.
    private static func lineStop(_ base: UnsafePointer<UInt8>, _ start: Int, _ lineEnd: Int) -> Int {
        lineEnd > start && base[lineEnd - 1] == cr ? lineEnd - 1 : lineEnd
    }

    /// Reads `METHOD SP target SP HTTP/1.x` from `start..<stop`; whether it is one.
    private mutating func readRequestLine(_ base: UnsafePointer<UInt8>, _ start: Int, _ stop: Int) -> Bool {
        var j = start
        while j < stop && base[j] != Self.space {
            guard Self.isTokenByte(base[j]) else { return false }
            j += 1
        }
        let methodLength = j - start
        guard methodLength > 0, j < stop else { return false }
        method = Self.method(base + start, methodLength)
        j += 1
        let targetStart = j
        while j < stop && base[j] != Self.space {
            let byte = base[j]
            guard byte > Self.space && byte != 0x7F else { return false }
            j += 1
        }
        guard j > targetStart, j < stop else { return false }
        target = String(decoding: UnsafeBufferPointer(start: base + targetStart, count: j - targetStart), as: UTF8.self)
        j += 1
        // "HTTP/1.0" or "HTTP/1.1" (any other minor digit reads as 1.1).
        guard stop - j == 8, base[j] == UInt8(ascii: "H"), base[j + 1] == UInt8(ascii: "T"), base[j + 2] == UInt8(ascii: "T"),
              base[j + 3] == UInt8(ascii: "P"), base[j + 4] == UInt8(ascii: "/"), base[j + 5] == UInt8(ascii: "1"),
              base[j + 6] == UInt8(ascii: "."), base[j + 7] >= UInt8(ascii: "0"), base[j + 7] <= UInt8(ascii: "9")
        else { return false }
        isHTTP10 = base[j + 7] == UInt8(ascii: "0")
        return true
    }

    /// Reads `Name: value` from `start..<stop`; whether it is a header line.
    private mutating func readHeaderLine(_ base: UnsafePointer<UInt8>, _ start: Int, _ stop: Int,
                                         _ close: inout Bool, _ keepAlive: inout Bool) -> Bool {
        var j = start
        while j < stop && base[j] != UInt8(ascii: ":") {
            guard Self.isTokenByte(base[j]) else { return false }
            j += 1
        }
        let nameLength = j - start
        guard nameLength > 0, j < stop else { return false }
        j += 1
        while j < stop && (base[j] == Self.space || base[j] == Self.tab) { j += 1 }
        var end = stop
        while end > j && (base[end - 1] == Self.space || base[end - 1] == Self.tab) { end -= 1 }
        for k in j..<end {
            let byte = base[k]
            guard byte >= Self.space || byte == Self.tab, byte != 0x7F else { return false }
        }
        let value = UnsafeBufferPointer(start: base + j, count: end - j)
        headerBytes += nameLength + value.count + 4
        switch Self.classify(base + start, nameLength) {
        case .kept(let name):
            // A list header sent on several lines is one comma-separated list (RFC 9110, 5.3): an
            // `If-None-Match` split over two lines must match either tag. Other headers keep their first line.
            let text = String(decoding: value, as: UTF8.self)
            if let earlier = headers[name] {
                if name.isList { headers[name] = earlier + ", " + text }
            } else {
                headers[name] = text
            }
        case .connection:
            if Self.containsWord(value, "close") { close = true }
            if Self.containsWord(value, "keep-alive") { keepAlive = true }
        case .contentLength:
            guard !value.isEmpty else { return false }
            var length = 0
            for byte in value {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return false }
                // Lengths past 10^17 all mean "too large": no overflow.
                length = length < 100_000_000_000_000_000 ? length * 10 + Int(byte - UInt8(ascii: "0")) : length
            }
            contentLength = max(contentLength, length)
        case .transferEncoding: hasTransferEncoding = true
        case .expect: if !Self.equalsIgnoringCase(value, "100-continue") { hasUnknownExpectation = true }
        case .other: break
        }
        return true
    }

    /// What a request header is to the server.
    enum HeaderKind: Equatable {
        /// One the API reads.
        case kept(RequestHeaders.Name)
        /// `Connection`, `Content-Length`, `Transfer-Encoding`, `Expect`: read by the connection.
        case connection, contentLength, transferEncoding, expect
        /// Any other: never made into a Swift string.
        case other
    }

    /// The kind of the header named by `length` bytes at `name` (any case). Names are compared only when their
    /// length matches, so that other headers cost a switch on their length.
    static func classify(_ name: UnsafePointer<UInt8>, _ length: Int) -> HeaderKind {
        func matches(_ lowercased: StaticString) -> Bool {
            let expected = lowercased.utf8Start
            for i in 0..<length where name[i] | 0x20 != expected[i] { return false }
            return true
        }
        // `| 0x20` folds letters to lower case; the names compared against hold only letters and '-' (0x2D, which
        // it leaves alone), and a name byte that folds onto one of them without being it ('\r' onto '-') is not a
        // token byte, refused before.
        switch length {
        case 6: return matches("accept") ? .kept(.accept) : matches("origin") ? .kept(.origin) : matches("expect") ? .expect : .other
        case 9: return matches("x-api-key") ? .kept(.apiKey) : .other
        case 10: return matches("connection") ? .connection : .other
        case 13: return matches("if-none-match") ? .kept(.ifNoneMatch) : matches("authorization") ? .kept(.authorization) : .other
        case 14: return matches("content-length") ? .contentLength : .other
        case 15: return matches("accept-encoding") ? .kept(.acceptEncoding) : .other
        case 17: return matches("transfer-encoding") ? .transferEncoding : .other
        case 29: return matches("access-control-request-method") ? .kept(.corsMethod) : .other
        case 30: return matches("access-control-request-headers") ? .kept(.corsHeaders) : .other
        default: return .other
        }
    }

    /// The method named by `length` bytes at `name` (methods are case-sensitive, RFC 9110 §9.1).
    static func method(_ name: UnsafePointer<UInt8>, _ length: Int) -> HTTPMethod {
        func matches(_ text: StaticString) -> Bool { memcmp(name, text.utf8Start, length) == 0 }
        switch length {
        case 3: return matches("GET") ? .get : matches("PUT") ? .put : .other
        case 4: return matches("HEAD") ? .head : matches("POST") ? .post : .other
        case 5: return matches("PATCH") ? .patch : matches("TRACE") ? .trace : .other
        case 6: return matches("DELETE") ? .delete : .other
        case 7: return matches("OPTIONS") ? .options : matches("CONNECT") ? .connect : .other
        default: return .other
        }
    }

    /// Whether `byte` may be in a method or header name (RFC 9110 §5.6.2 `tchar`: letters, digits and
    /// ``!#$%&'*+-.^_`|~``), from two 64-bit masks of the ASCII bytes.
    @inline(__always)
    static func isTokenByte(_ byte: UInt8) -> Bool {
        byte < 64 ? (0x03FF_6CFA_0000_0000 as UInt64) >> byte & 1 != 0
            : byte < 128 ? (0x57FF_FFFF_C7FF_FFFE as UInt64) >> (byte - 64) & 1 != 0 : false
    }

    /// Whether `value` is `word` (lower-case ASCII), ASCII case ignored.
    static func equalsIgnoringCase(_ value: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        value.count == word.utf8CodeUnitCount && containsWord(value, word)
    }

    /// Whether `word` (lower-case ASCII) occurs in `value`, ASCII case ignored.
    static func containsWord(_ value: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let needle = word.utf8Start, length = word.utf8CodeUnitCount
        guard value.count >= length else { return false }
        for start in 0...(value.count - length) {
            var k = 0
            while k < length && lowered(value[start + k]) == needle[k] { k += 1 }
            if k == length { return true }
        }
        return false
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
