import Testing
@testable import Server

/// The request-head parser, on bytes in memory.
@Suite struct RequestHeadTests {
    func parse(_ text: String) -> RequestHead.Parse {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { RequestHead.parse($0.baseAddress!, $0.count) }
    }

    func head(_ text: String) throws -> RequestHead {
        guard case .complete(let head) = parse(text) else {
            Issue.record("not a complete head: \(text.debugDescription)")
            throw HeadTestError.notComplete
        }
        return head
    }

    enum HeadTestError: Error { case notComplete }

    func error(_ text: String) -> RequestHead.HeadError? {
        if case .invalid(let reason) = parse(text) { return reason }
        return nil
    }

    func isIncomplete(_ text: String) -> Bool {
        if case .incomplete = parse(text) { return true }
        return false
    }

    @Test func aHeadGivesItsMethodTargetAndTheHeadersTheAPIReads() throws {
        let text = "GET /quotes?speaker=Hajiyev HTTP/1.1\r\nHost: x\r\nACCEPT-ENCODING:  gzip \r\nIf-None-Match: \"abc\"\r\n"
            + "Origin: https://a.example\r\nUser-Agent: test\r\nX-API-Key: k1\r\n\r\nGET /next"
        let h = try head(text)
        #expect(h.method == .get)
        #expect(h.target == "/quotes?speaker=Hajiyev")
        #expect(!h.isHTTP10 && !h.wantsClose && !h.announcesBody)
        #expect(h.headers.acceptEncoding == "gzip")
        #expect(h.headers.ifNoneMatch == "\"abc\"")
        #expect(h.headers.origin == "https://a.example")
        #expect(h.headers.apiKey == "k1")
        #expect(h.headers.accept == nil)
        #expect(h.length == text.utf8.count - "GET /next".utf8.count, "the next pipelined request is left")
        // Each header line counts name, value, ": " and CRLF.
        #expect(h.headerBytes == (4 + 1 + 4) + (15 + 4 + 4) + (13 + 5 + 4) + (6 + 17 + 4) + (10 + 4 + 4) + (9 + 2 + 4))
    }

    @Test func aListHeaderOnSeveralLinesIsOneListAndOthersKeepTheirFirstLine() throws {
        let h = try head("GET / HTTP/1.1\r\nIf-None-Match: \"a\"\r\nAccept-Encoding: br\r\nif-none-match: \"b\"\r\n"
            + "accept-encoding: gzip\r\nX-API-Key: first\r\nX-API-Key: second\r\n\r\n")
        #expect(h.headers.ifNoneMatch == "\"a\", \"b\"")
        #expect(h.headers.acceptEncoding == "br, gzip")
        #expect(h.headers.apiKey == "first")
    }

    @Test func bareLineFeedsAndLeadingEmptyLinesAreRead() throws {
        let h = try head("\r\n\nHEAD / HTTP/1.1\nHost: x\n\n")
        #expect(h.method == .head)
        #expect(h.target == "/")
    }

    @Test(arguments: ["GET / HTTP/1.1\r\nHost: x\r\n", "GET / HTTP/1.1\r\nHost: x\r\n\r", "GET / HT", "", "\r\n"])
    func aHeadCutShortIsIncomplete(_ text: String) {
        #expect(isIncomplete(text))
    }

    @Test(arguments: ["THIS IS NOT HTTP\r\n\r\n", "GET /healthz HTTP/2.0\r\n\r\n", "GET /healthz\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n",
                      "G(T / HTTP/1.1\r\n\r\n", "GET /a\u{7F}b HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 \r\n\r\n"])
    func aMalformedRequestLineIsRefused(_ text: String) {
        #expect(error(text) == .badRequestLine)
    }

    @Test(arguments: ["GET / HTTP/1.1\r\nHost : x\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", "GET / HTTP/1.1\r\nNoColon\r\n\r\n",
                      "GET / HTTP/1.1\r\n: x\r\n\r\n", "GET / HTTP/1.1\r\nX: a\u{1}b\r\n\r\n", "GET / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n",
                      "GET / HTTP/1.1\r\nHost: x\r\n\rX"])
    func aMalformedHeaderLineIsRefused(_ text: String) {
        #expect(error(text) == .badHeader)
    }

    @Test func unknownMethodsReachTheRouter() throws {
        #expect(try head("QUERY /stats HTTP/1.1\r\n\r\n").method == .other)
        #expect(try head("get / HTTP/1.1\r\n\r\n").method == .other, "methods are case-sensitive")
        #expect(try head("OPTIONS * HTTP/1.1\r\n\r\n").method == .options)
        #expect(try head("DELETE /articles HTTP/1.1\r\n\r\n").method == .delete)
    }

    @Test func theConnectionIsKeptAsTheVersionAndConnectionHeaderSay() throws {
        #expect(try head("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n").wantsClose)
        #expect(try head("GET / HTTP/1.0\r\n\r\n").wantsClose)
        #expect(try !head("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").wantsClose)
        #expect(try head("GET / HTTP/1.0\r\n\r\n").isHTTP10)
        #expect(try !head("GET / HTTP/1.1\r\nConnection: keep-alive, Upgrade\r\n\r\n").wantsClose)
    }

    @Test func bodiesAndExpectationsAreSeen() throws {
        let sized = try head("POST /articles HTTP/1.1\r\nContent-Length: 999999\r\n\r\nabc")
        #expect(sized.contentLength == 999_999 && sized.announcesBody)
        #expect(try !head("GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").announcesBody)
        #expect(try head("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").announcesBody)
        #expect(try head("GET / HTTP/1.1\r\nContent-Length: 99999999999999999999999999\r\n\r\n").contentLength > 1 << 40, "no overflow")
        #expect(try head("PUT / HTTP/1.1\r\nExpect: something\r\n\r\n").hasUnknownExpectation)
        #expect(try !head("PUT / HTTP/1.1\r\nExpect: 100-Continue\r\n\r\n").hasUnknownExpectation)
    }
}

extension RequestHeadTests {
    @Test func tokenBytesAreExactlyRFC9110s() {
        let tchar = Set("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(RequestHead.isTokenByte(byte) == tchar.contains(byte), "byte \(byte)")
        }
    }
}
