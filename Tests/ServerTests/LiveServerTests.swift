import Foundation
import Logging
import Testing
@testable import Model
@testable import Server

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a blocking socket, so tests control every byte sent.
struct RawHTTP {
    let port: Int

    /// Sends `request` as given and reads until the server closes the connection.
    func exchange(_ request: String) throws -> String {
        let connection = try TestSocket(port: port)
        // The socket closes when `connection` goes: keep it until the last read.
        defer { withExtendedLifetime(connection) {} }
        let fd = connection.fd
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // Sent with MSG_NOSIGNAL: a server that refuses a long request closes before reading it all.
        connection.send(request)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// A GET with `Connection: close`.
    func get(_ path: String, method: String = "GET", headers: [String] = []) throws -> (status: Int, head: String, body: String) {
        let text = try exchange(([ "\(method) \(path) HTTP/1.1", "Host: 127.0.0.1", "Connection: close"] + headers)
            .joined(separator: "\r\n") + "\r\n\r\n")
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, head, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}

/// The real server on port 0, driven over sockets.
@Suite(.serialized) final class LiveServerTests: @unchecked Sendable {
    // @unchecked Sendable: the stored properties are immutable after init; the server is thread-safe.
    let server: EventHTTPServer
    let client: RawHTTP

    init() throws {
        var config = Configuration()
        config.port = 0
        config.threads = 2
        let service = TestCorpus.service(config)
        server = EventHTTPServer(service: service, configuration: config, logger: Logger(label: "test"))
        try server.start()
        client = RawHTTP(port: server.port)
    }

    deinit { server.stop() }

    @Test func bindsAFreePortAndAnswers() throws {
        #expect(server.port > 0)
        let r = try client.get("/articles/2020-10-12")
        #expect(r.status == 200)
        #expect(r.head.contains("Content-Type: application/json; charset=utf-8"))
        #expect(r.body.contains("\"2020-10-12-ganja-hit\""))
    }

    @Test func headHasNoBody() throws {
        // /stats is not cached (and has no ETag): a cacheable route shows the validator on HEAD too.
        let r = try client.get("/entities/ganja", method: "HEAD")
        #expect(r.status == 200)
        #expect(r.body.isEmpty)
        #expect(r.head.contains("ETag: "))
    }

    @Test func errorsOverTheWire() throws {
        let bad = try client.get("/quotes?speker=Hajiyev")
        #expect(bad.status == 400)
        #expect(bad.body.contains("\"parameter\":\"speker\""))
        let wrong = try client.get("/articles", method: "DELETE")
        #expect(wrong.status == 405)
        #expect(wrong.head.contains("Allow: GET, HEAD, OPTIONS"))
        #expect(try client.get("/nope").status == 404)
    }

    @Test func streamsArriveChunked() throws {
        let r = try client.get("/casualties?format=ndjson")
        #expect(r.status == 200)
        #expect(r.head.contains("Transfer-Encoding: chunked"))
        #expect(r.body.contains("2020-10-13-fighting-resumes-c1"))
        #expect(r.body.contains("2020-10-11-talks-in-moscow-c1"))
    }

    /// The head is written from parts (status line, `Date`, a cached answer's prebuilt header lines, `Content-Length`):
    /// each header must arrive once, on a line of its own, on a fresh and on a cached answer alike.
    @Test func everyHeaderArrivesOnceOnItsOwnLine() throws {
        for (path, status) in [("/quotes?speaker=Hajiyev", 200), ("/quotes?speaker=Hajiyev", 200), ("/nowhere", 404)] {
            let r = try client.get(path, headers: ["Origin: https://a.example"])
            #expect(r.status == status)
            let lines = r.head.components(separatedBy: "\r\n").dropFirst()
            let names = lines.map { $0.prefix { $0 != ":" }.lowercased() }
            for name in ["date", "content-length", "content-type", "vary"] {
                #expect(names.filter { $0 == name }.count == 1, "\(path): \(name) in \(r.head)")
            }
            #expect(lines.allSatisfy { $0.contains(": ") && !$0.hasPrefix(" ") })
            #expect(lines.contains("Content-Length: \(r.body.utf8.count)"))
            #expect(lines.contains("Content-Type: application/json; charset=utf-8"), "never a default type")
            let date = try #require(lines.first { $0.hasPrefix("Date: ") })
            #expect(date.range(of: #"^Date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$"#,
                                options: .regularExpression) != nil, "\(date)")
        }
        let preflight = try client.get("/quotes", method: "OPTIONS", headers: ["Origin: https://a.example", "Access-Control-Request-Method: GET"])
        #expect(preflight.status == 204)
        let names = preflight.head.components(separatedBy: "\r\n").dropFirst().map { $0.prefix { $0 != ":" }.lowercased() }
        #expect(!names.contains("content-length"), "a 204 has no length")
        #expect(!names.contains("content-type"))
        #expect(names.filter { $0 == "date" }.count == 1)
    }

    @Test func conditionalAndCompressed() throws {
        let first = try client.get("/articles")
        let tag = try #require(first.head.split(separator: "\r\n").first { $0.hasPrefix("ETag: ") }?.dropFirst(6))
        #expect(try client.get("/articles", headers: ["If-None-Match: \(tag)"]).status == 304)
        let zipped = try client.get("/articles/2020-10-12-ganja-hit", headers: ["Accept-Encoding: gzip"])
        #expect(zipped.head.contains("Content-Encoding: gzip"))
    }

    @Test func garbageAndHostileRequestsDoNotKillTheServer() throws {
        _ = try? client.exchange("THIS IS NOT HTTP\r\n\r\n")
        _ = try? client.exchange("GET /articles HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\nabc")
        _ = try? client.exchange("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\n\r\n")
        _ = try? client.exchange("GET /articles?q=%ff%fe%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        _ = try? client.exchange("GET /articles/%E2%80 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(try client.get("/healthz").status == 200)
    }

    /// Status, head and parsed JSON body of a raw exchange.
    func answer(_ raw: String) throws -> (status: Int, head: String, body: [String: Any]) {
        let text = try client.exchange(raw)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = try JSONSerialization.jsonObject(with: Data(parts.dropFirst().joined(separator: "\r\n\r\n").utf8)) as? [String: Any]
        return (status, head, body ?? [:])
    }

    func code(_ body: [String: Any]) -> String? { (body["error"] as? [String: Any])?["code"] as? String }

    @Test(arguments: ["QUERY /stats", "FOO /", "PROPFIND /articles"])
    func unknownMethodsGetTheJSON405(_ line: String) throws {
        let r = try answer("\(line) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(r.status == 405)
        #expect(r.head.contains("Allow: GET, HEAD, OPTIONS"))
        #expect(r.head.contains("Content-Type: application/json"))
        #expect(code(r.body) == "method_not_allowed")
    }

    @Test func whatTheParserRefusesIsAnsweredInJSONToo() throws {
        let long = try answer("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(long.status == 414)
        #expect(code(long.body) == "uri_too_long")
        let garbage = try answer("THIS IS NOT HTTP\r\n\r\n")
        #expect(garbage.status == 400)
        #expect(code(garbage.body) == "bad_request")
        #expect(garbage.head.contains("Content-Type: application/json; charset=utf-8"))
        let version = try answer("GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n")
        #expect(version.status == 400)
        let body = try answer("POST /articles HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\n\r\nabc")
        #expect(body.status == 413)
        #expect(code(body.body) == "payload_too_large")
        // Header lines over maxHeadersSize: within the head bound the middleware answers, beyond it the connection.
        for count in [160, 400] {
            let headers = (0..<count).map { "X-Filler-\($0): " + String(repeating: "v", count: 100) + "\r\n" }.joined()
            let r = try answer("GET /healthz HTTP/1.1\r\nHost: x\r\n\(headers)Connection: close\r\n\r\n")
            #expect(r.status == 431, "\(count) header lines")
            #expect(code(r.body) == "headers_too_large")
        }
        #expect(try client.get("/healthz").status == 200)
    }

    @Test func absoluteFormTargetsAreAccepted() throws {
        let r = try answer("GET http://127.0.0.1/healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(r.status == 200)
        #expect(r.body["status"] as? String == "ok")
        let q = try answer("GET HTTP://example.com:8080/quotes?speaker=hajiyev HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(q.status == 200)
        #expect((q.body["data"] as? [Any])?.count == 2)
    }

    @Test func aBodyTheServerDoesNotReadIsNotTakenForTheNextRequest() throws {
        let text = try client.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 23\r\n\r\nGET /stats HTTP/1.1\r\n\r\n")
        #expect(text.components(separatedBy: "HTTP/1.1 ").count - 1 == 1, "one request, one answer")
        #expect(text.contains("Connection: close"))
    }

    @Test func http10ClosesUnlessAskedToKeepTheConnection() throws {
        let closed = try client.exchange("GET /healthz HTTP/1.0\r\nHost: x\r\n\r\n")
        #expect(closed.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(closed.contains("\r\nConnection: close\r\n"))
        let socket = try TestSocket(port: server.port)
        for _ in 0..<2 {
            socket.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let text = String(decoding: socket.read(seconds: 5).bytes, as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(text.contains("\r\nConnection: keep-alive\r\n"))
        }
        // HTTP/1.0 has no chunked coding: an export's end is the connection's close.
        let export = try client.exchange("GET /casualties?format=ndjson HTTP/1.0\r\nHost: x\r\n\r\n")
        let parts = export.components(separatedBy: "\r\n\r\n")
        #expect(!parts[0].contains("Transfer-Encoding"))
        #expect(parts[1].split(separator: "\n").allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") })
        #expect(parts[1].contains("2020-10-11-talks-in-moscow-c1"))
    }

    @Test func anExpectationOtherThanContinueIs417() throws {
        let r = try answer("GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\n\r\n")
        #expect(r.status == 417)
        #expect(code(r.body) == "expectation_failed")
        #expect(r.head.contains("Connection: close"))
    }

    @Test func keepAliveServesManyRequestsOnOneConnection() throws {
        let one = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
        let text = try client.exchange(String(repeating: one, count: 5) + "GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count - 1 == 6)
    }

    @Test func aConnectionHandedToAnotherThreadGoesOnServingRequests() throws {
        let first = server.workers[0], second = server.workers[1]
        #expect(first.listener != nil && second.listener == nil, "the first thread accepts every connection")
        let socket = try TestSocket(port: server.port)
        let request = "GET /articles/2020-10-12 HTTP/1.1\r\nHost: x\r\n\r\n"
        socket.send(request)
        let one = String(decoding: socket.read(seconds: 5).bytes, as: UTF8.self)
        #expect(one.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(first.openHere.load(ordering: .relaxed) == 1 && second.openHere.load(ordering: .relaxed) == 0)
        // As when the first thread finds itself saturated with cores idle: its next idle connection goes to the second.
        // Posted to the first thread, which sets its own state before it reads this connection's next request.
        first.post(.handOverNext)
        for _ in 0..<100 where first.posted.load(ordering: .sequentiallyConsistent) != 0 { usleep(10_000) }
        socket.send(request)
        let two = String(decoding: socket.read(seconds: 5).bytes, as: UTF8.self)
        #expect(Self.withoutDate(two) == Self.withoutDate(one))
        for _ in 0..<100 where second.openHere.load(ordering: .relaxed) == 0 { usleep(10_000) }
        #expect(first.openHere.load(ordering: .relaxed) == 0 && second.openHere.load(ordering: .relaxed) == 1)
        // The second thread reads the next requests: keep-alive, then the close the client asks for.
        socket.send(request)
        let three = String(decoding: socket.read(seconds: 5).bytes, as: UTF8.self)
        #expect(Self.withoutDate(three) == Self.withoutDate(one))
        socket.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let last = socket.read(seconds: 5).bytes
        #expect(String(decoding: last, as: UTF8.self).hasPrefix("HTTP/1.1 200 OK\r\n"))
        for _ in 0..<100 where server.openConnections > 0 { usleep(10_000) }
        #expect(server.openConnections == 0 && second.openHere.load(ordering: .relaxed) == 0)
    }

    /// A response's text without its `Date` line.
    static func withoutDate(_ text: String) -> String {
        text.components(separatedBy: "\r\n").filter { !$0.hasPrefix("Date: ") }.joined(separator: "\r\n")
    }

    @Test func reloadSwapsTheSnapshotWithoutFailingRequests() throws {
        let state = server.service.state
        let before = state.snapshot
        let replacement = CorpusSnapshot(articles: Array(TestCorpus.articles.prefix(1)), info: before.info)
        let failures = Mutex(0)
        let client = self.client
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            if i == 0 {
                state.replace(with: replacement)
            } else {
                for _ in 0..<20 {
                    if (try? client.get("/articles").status) != 200 { failures.withLock { $0 += 1 } }
                }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        let after = try client.get("/stats")
        #expect(after.body.contains("\"articles\":1"))
        state.replace(with: before)
    }
}

import Synchronization

/// A regression: a stop right after start used to be lost (loopbreak before the loop ran), hanging the join.
@Suite struct ServerLifecycleTests {
    @Test func aConnectionHandedToAWorkerWhoseLoopHasEndedIsClosed() throws {
        var config = Configuration()
        config.port = 0
        config.threads = 2
        let server = EventHTTPServer(service: TestCorpus.service(config), configuration: config, logger: Logger(label: "test"))
        try server.start()
        server.stop()
        // As when the first worker hands a connection over while a stop reaches the workers one after another.
        var pair: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0)
        #expect(server.limits.admit())
        server.workers[1].handOver(fd: pair[0], idleSince: nil)
        #expect(server.openConnections == 0, "its slot is given back")
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(pair[1], SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var byte: UInt8 = 0
        #expect(read(pair[1], &byte, 1) == 0, "the client sees the connection closed, not left hanging")
        close(pair[1])
    }

    @Test(.timeLimit(.minutes(1))) func stopRightAfterStartReturns() throws {
        var config = Configuration()
        config.port = 0
        config.threads = 2
        for _ in 0..<25 {
            let server = EventHTTPServer(service: TestCorpus.service(config), configuration: config, logger: Logger(label: "test"))
            try server.start()
            server.stop()
        }
    }
}
