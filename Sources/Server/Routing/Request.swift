/// HTTP methods the router knows.
enum HTTPMethod: String, Sendable, CaseIterable {
    case get = "GET", head = "HEAD", options = "OPTIONS", post = "POST", put = "PUT", delete = "DELETE", patch = "PATCH"
    case trace = "TRACE", connect = "CONNECT"
    case other = "OTHER"
}

/// An incoming request, in Swift values: no libevent type crosses into routing or handlers.
struct Request: Sendable {
    /// The method.
    var method: HTTPMethod
    /// The request target as sent (path and query).
    var uri: String
    /// The request headers the API looks at.
    var headers: RequestHeaders
    /// Bytes of all header lines as received (names, values, `": "` and CRLF), for the 431 limit.
    var headerBytes: Int

    /// A request for a target ("/quotes?speaker=Hajiyev"); path and query are read from it when asked,
    /// so a response served from the cache never parses them.
    init(method: HTTPMethod, uri: String, headers: [String: String] = [:], headerBytes: Int = 0) {
        self.init(method: method, uri: uri, headers: RequestHeaders(headers), headerBytes: headerBytes)
    }

    /// A request with its headers read already.
    init(method: HTTPMethod, uri: String, headers: RequestHeaders, headerBytes: Int) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.headerBytes = headerBytes
    }

    /// The origin form ("/healthz?x=1") of a request target, also when it came in absolute form
    /// ("http://host:8080/healthz?x=1", RFC 9112 §3.2.2, as proxies send it): the server is the host named.
    static func originForm(_ target: String) -> String {
        let bytes = target.utf8
        guard let first = bytes.first, first != UInt8(ascii: "/") else { return target }
        let lower = target.prefix(8).lowercased()
        let schemeLength = lower.hasPrefix("http://") ? 7 : lower.hasPrefix("https://") ? 8 : 0
        guard schemeLength > 0 else { return target }
        let afterScheme = bytes.index(bytes.startIndex, offsetBy: schemeLength)
        guard let end = bytes[afterScheme...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") })
        else { return "/" }
        let rest = String(target[end...])
        return rest.hasPrefix("/") ? rest : "/" + rest
    }

    /// The target without a fragment.
    private var target: Substring {
        let whole = Substring(uri)
        return whole.utf8.firstIndex(of: UInt8(ascii: "#")).map { whole[..<$0] } ?? whole
    }

    /// The path, percent-encoded as sent.
    var path: String {
        let t = target
        return String(t.utf8.firstIndex(of: UInt8(ascii: "?")).map { t[..<$0] } ?? t)
    }

    /// Query parameters in order, decoded.
    var query: [(name: String, value: String)] {
        let t = target
        guard let mark = t.utf8.firstIndex(of: UInt8(ascii: "?")) else { return [] }
        return Self.parseQuery(t[t.utf8.index(after: mark)...])
    }

    /// The value of a header the API reads (lower-case name); nil for any other.
    func header(_ name: String) -> String? { RequestHeaders.Name(rawValue: name).flatMap { headers[$0] } }

    /// Splits `a=1&b=x+y` into decoded pairs; `+` is a space.
    static func parseQuery(_ text: Substring) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let eq = pair.firstIndex(of: "=") {
                return (percentDecode(pair[..<eq]), percentDecode(pair[pair.index(after: eq)...]))
            }
            return (percentDecode(pair), "")
        }
    }

    /// Decodes `%XX` escapes and `+`; invalid escapes stay as written, invalid UTF-8 is repaired.
    static func percentDecode<S: StringProtocol>(_ text: S, plusIsSpace: Bool = true) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x41 + 10
            case 0x61...0x66: return b - 0x61 + 10
            default: return nil
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), i + 2 < bytes.count, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(plusIsSpace && b == UInt8(ascii: "+") ? 0x20 : b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The request headers the API reads, one field each: reading one is a load, not a hash of its name, and a request
/// keeps no others (`Host`, `User-Agent`, … are never made into Swift strings).
struct RequestHeaders: Sendable {
    /// The headers kept, by lower-cased name.
    enum Name: String, CaseIterable, Sendable {
        case accept, acceptEncoding = "accept-encoding", ifNoneMatch = "if-none-match", origin, authorization
        case apiKey = "x-api-key", corsMethod = "access-control-request-method", corsHeaders = "access-control-request-headers"

        /// Whether the header's value is a comma-separated list, so that lines of it sent apart are joined.
        var isList: Bool {
            switch self {
            case .accept, .acceptEncoding, .ifNoneMatch, .corsHeaders: true
            case .origin, .authorization, .apiKey, .corsMethod: false
            }
        }
    }

    /// `Accept`.
    var accept: String?
    /// `Accept-Encoding`.
    var acceptEncoding: String?
    /// `If-None-Match`.
    var ifNoneMatch: String?
    /// `Origin`.
    var origin: String?
    /// `Authorization`.
    var authorization: String?
    /// `X-API-Key`.
    var apiKey: String?
    /// `Access-Control-Request-Method`.
    var corsMethod: String?
    /// `Access-Control-Request-Headers`.
    var corsHeaders: String?

    /// No headers.
    init() {}

    /// The headers of `dictionary` (any case of name) that the API reads; the others are dropped.
    init(_ dictionary: [String: String]) {
        for (name, value) in dictionary {
            if let known = Name(rawValue: name.lowercased()) { self[known] = value }
        }
    }

    /// A header by name.
    subscript(name: Name) -> String? {
        get {
            switch name {
            case .accept: accept
            case .acceptEncoding: acceptEncoding
            case .ifNoneMatch: ifNoneMatch
            case .origin: origin
            case .authorization: authorization
            case .apiKey: apiKey
            case .corsMethod: corsMethod
            case .corsHeaders: corsHeaders
            }
        }
        set {
            switch name {
            case .accept: accept = newValue
            case .acceptEncoding: acceptEncoding = newValue
            case .ifNoneMatch: ifNoneMatch = newValue
            case .origin: origin = newValue
            case .authorization: authorization = newValue
            case .apiKey: apiKey = newValue
            case .corsMethod: corsMethod = newValue
            case .corsHeaders: corsHeaders = newValue
            }
        }
    }
}

extension String {
    /// Whether `word` (ASCII) occurs in this string, ASCII case ignored: a byte search for header values.
    /// Foundation's `contains(_:)` bridges to `NSString` and cost about 4,500 instructions a request here.
    func containsASCII(_ word: String) -> Bool {
        var word = word
        var text = self
        // Both as contiguous UTF-8 (literals and strings read from C already are: no copy), searched without allocating.
        return word.withUTF8 { needle in
            guard !needle.isEmpty else { return true }
            return text.withUTF8 { bytes in
                guard bytes.count >= needle.count else { return false }
                for start in 0...(bytes.count - needle.count) {
                    var k = 0
                    while k < needle.count && Self.lowerASCII(bytes[start + k]) == Self.lowerASCII(needle[k]) { k += 1 }
                    if k == needle.count { return true }
                }
                return false
            }
        }
    }

    /// Whether the string's UTF-8 holds `byte`: a loop over its contiguous bytes (`utf8.contains` went through an
    /// unspecialized generic of Foundation's, about 280 instructions a request on `Accept-Encoding`).
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            for b in bytes where b == byte { return true }
            return false
        }
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
