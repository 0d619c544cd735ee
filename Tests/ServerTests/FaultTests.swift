import Foundation
import Logging
import Synchronization
import Testing
@testable import Model
@testable import Server

#if canImport(Glibc)
import Glibc
#endif

/// A client socket the test drives byte by byte (also under `RawHTTP`).
final class TestSocket {
    let fd: Int32

    /// Connects to 127.0.0.1:`port`; throws when the connection is refused.
    init(port: Int, receiveBuffer: Int32? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(fd) }

    /// Sends text.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads what is there within `seconds`: the bytes, and whether the server closed the connection.
    func read(upTo count: Int = 65536, seconds: Double) -> (bytes: [UInt8], closed: Bool) {
        var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pollfd, 1, Int32(seconds * 1000)) > 0 else { return ([], false) }
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return n > 0 ? (Array(buffer[0..<n]), false) : ([], true)
    }

    /// Reads `chunk` bytes at a time, so that the server meets back-pressure, until the server closes the
    /// connection or sends nothing for `quietSeconds`.
    func readSlowlyToEnd(chunk: Int = 4096, quietSeconds: Double = 5) -> [UInt8] {
        var all: [UInt8] = []
        while true {
            let (bytes, closed) = read(upTo: chunk, seconds: quietSeconds)
            all += bytes
            if closed || bytes.isEmpty { return all }
        }
    }

    /// Reads until the server closes the connection or `seconds` pass.
    func readToClose(seconds: Double) -> (bytes: [UInt8], closed: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var all: [UInt8] = []
        while Date() < deadline {
            let (bytes, closed) = read(seconds: max(0.01, deadline.timeIntervalSinceNow))
            all += bytes
            if closed { return (all, true) }
        }
        return (all, false)
    }
}

/// Faults and hostile clients (issue 9, items 1-3), against the real server on port 0.
@Suite(.serialized) struct FaultTests {
    static func server(_ configure: (inout Configuration) -> Void, state: ServerState? = nil) throws -> EventHTTPServer {
        var config = Configuration()
        config.port = 0
        config.threads = 2
        configure(&config)
        let state = state ?? TestCorpus.state(config)
        let service = HTTPService(router: makeRouter(state: state, openAPI: TestCorpus.openAPI), state: state, gzip: Gzip.compress)
        let server = EventHTTPServer(service: service, configuration: config, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        try server.start()
        return server
    }

    /// Waits until the server counts `count` open connections (they are adopted on the next loop turn).
    static func waitForConnections(_ server: EventHTTPServer, _ count: Int) {
        let deadline = Date().addingTimeInterval(5)
        while server.openConnections != count && Date() < deadline { usleep(10_000) }
    }

    @Test(.timeLimit(.minutes(1))) func connectionsOverTheCapGet503AndTheirSlotsComeBack() throws {
        let server = try Self.server { $0.maxConnections = 3 }
        defer { server.stop() }
        let held = try (0..<3).map { _ in try TestSocket(port: server.port) }
        Self.waitForConnections(server, 3)
        #expect(server.openConnections == 3)
        let extra = try TestSocket(port: server.port)
        let (bytes, closed) = extra.readToClose(seconds: 5)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(closed)
        #expect(text.hasPrefix("HTTP/1.1 503 "))
        #expect(text.contains("Retry-After: 1"))
        #expect(text.contains(#""code":"overloaded""#))
        #expect(server.openConnections == 3)
        // A held connection still works, and once they close a new client gets in.
        held[0].send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(String(decoding: held[0].read(seconds: 5).bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        for socket in held { shutdown(socket.fd, Int32(SHUT_RDWR)) }
        Self.waitForConnections(server, 0)
        #expect(try RawHTTP(port: server.port).get("/healthz").status == 200)
    }

    @Test(.timeLimit(.minutes(1))) func aHeadTrickledByteByByteIsCutAtTheDeadline() throws {
        let server = try Self.server { $0.headerTimeoutSeconds = 1 }
        defer { server.stop() }
        let slow = try TestSocket(port: server.port)
        let started = Date()
        var closedAfter: Double?
        // One byte every 100 ms, each well inside the idle timeout (30 s).
        for byte in "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" {
            slow.send(String(byte))
            let (bytes, closed) = slow.read(seconds: 0.1)
            if !bytes.isEmpty {
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(text.hasPrefix("HTTP/1.1 408 "))
                #expect(text.contains(#""code":"request_timeout""#))
            }
            if closed || !bytes.isEmpty {
                closedAfter = Date().timeIntervalSince(started)
                break
            }
        }
        let after = try #require(closedAfter)
        #expect(after >= 0.9 && after < 2.5)
        Self.waitForConnections(server, 0)
        #expect(server.openConnections == 0)
    }

    @Test(.timeLimit(.minutes(1))) func anIdleKeepAliveConnectionIsNotUnderTheHeadDeadline() throws {
        let server = try Self.server { $0.headerTimeoutSeconds = 1 }
        defer { server.stop() }
        let client = try TestSocket(port: server.port)
        client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(String(decoding: client.read(seconds: 5).bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        // Idle for longer than the head deadline: the idle timeout (30 s) governs, not the deadline.
        let (bytes, closed) = client.read(seconds: 1.6)
        #expect(bytes.isEmpty && !closed)
        client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(String(decoding: client.read(seconds: 5).bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        // The next head's deadline runs from its first byte.
        client.send("GET /healthz HTTP/1.1\r\n")
        #expect(client.readToClose(seconds: 3).closed)
    }

    /// The deadline's timer stays armed across requests (no event_del per request) and, when it fires for an
    /// earlier head, is armed again for what is left of the head under way: that head is cut a whole deadline
    /// after its first byte, neither sooner nor never.
    @Test(.timeLimit(.minutes(1))) func aLaterHeadGetsItsWholeDeadlineFromItsFirstByte() throws {
        let server = try Self.server { $0.headerTimeoutSeconds = 2 }
        defer { server.stop() }
        let client = try TestSocket(port: server.port)
        // The first head arms the timer for 2 s after the accept.
        client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(String(decoding: client.read(seconds: 5).bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        usleep(1_000_000)
        // The second head begins 1 s after the accept and trickles: the timer fires at 2 s, finds 1 s of it gone.
        let started = Date()
        client.send("GET /healthz HTTP/1.1\r\n")
        var closedAfter: Double?
        for _ in 0..<40 {
            client.send("X")
            let (bytes, closed) = client.read(seconds: 0.1)
            if closed || !bytes.isEmpty {
                #expect(bytes.isEmpty || String(decoding: bytes, as: UTF8.self).hasPrefix("HTTP/1.1 408 "))
                closedAfter = Date().timeIntervalSince(started)
                break
            }
        }
        let after = try #require(closedAfter)
        #expect(after >= 1.8 && after < 3.5, "cut \(after) s after its first byte")
    }

    /// `timeoutSeconds` closes a keep-alive connection idle that long, and one whose reader has stopped reading (no
    /// write progress that long); a reader that keeps reading is never cut.
    @Test(.timeLimit(.minutes(1))) func idleConnectionsAndStalledReadersAreClosedAfterTimeoutSeconds() throws {
        let server = try Self.server({ $0.timeoutSeconds = 1; $0.headerTimeoutSeconds = 5 }, state: Self.bigState())
        defer { server.stop() }
        let idle = try TestSocket(port: server.port)
        idle.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(String(decoding: idle.read(seconds: 5).bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        let started = Date()
        #expect(idle.readToClose(seconds: 4).closed)
        let idleFor = Date().timeIntervalSince(started)
        #expect(idleFor >= 0.8 && idleFor < 3, "closed after \(idleFor) s idle")
        let stalled = try TestSocket(port: server.port, receiveBuffer: 8192)
        stalled.send("GET /articles?format=ndjson HTTP/1.1\r\nHost: x\r\n\r\n")
        usleep(2_500_000)
        // The server gave up on the stalled reader: what it had sent is there, then the close.
        let (bytes, closed) = stalled.readToClose(seconds: 10)
        #expect(closed)
        #expect(!String(decoding: bytes, as: UTF8.self).hasSuffix("\r\n0\r\n\r\n"), "the export was cut, not sent whole")
        Self.waitForConnections(server, 0)
        #expect(server.openConnections == 0)
    }

    /// Articles enough that their NDJSON export (about 10 MB) outlasts the socket buffers (4 MB at most on
    /// Linux loopback) of a slow reader.
    static let bigCount = 4000
    /// `varied`: each article's lead is different pseudo-random words, so that the export stays megabytes when gzipped.
    static func bigState(varied: Bool = false) -> ServerState {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func randomLead() -> String {
            var words: [String] = []
            var length = 0
            while length < 2400 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                var word = ""
                for k in 0..<(3 + Int(seed >> 61)) {
                    word.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "a") + UInt8((seed >> (8 + 5 * UInt64(k))) % 26)))
                }
                words.append(word)
                length += word.count + 1
            }
            return words.joined(separator: " ") + "."
        }
        let fixedLead = String(repeating: "The council met to discuss the budget for roads and schools. ", count: 40)
        let articles = (0..<bigCount).map { i in
            let lead = varied ? randomLead() : fixedLead
            return TestCorpus.article(id: "2021-03-\(String(format: "%02d", 1 + i % 28))-budget-\(i)",
                                      date: "2021-03-\(String(format: "%02d", 1 + i % 28))", title: "Budget \(i)", text: lead + "\n\nItem \(i).")
        }
        let snapshot = CorpusSnapshot(articles: articles, info: .init(
            loadedAt: Date(timeIntervalSince1970: 0), loadSeconds: 0.5, textBytes: 100, failures: [], directory: "test"))
        return ServerState(configuration: Configuration(), snapshot: snapshot)
    }

    @Test(.timeLimit(.minutes(1))) func aDrainFinishesTheStreamInFlightAndRefusesNewConnections() throws {
        let server = try Self.server({ _ in }, state: Self.bigState())
        defer { server.stop() }
        let export = try TestSocket(port: server.port, receiveBuffer: 8192)
        export.send("GET /articles?format=ndjson HTTP/1.1\r\nHost: x\r\n\r\n")
        var received = export.read(seconds: 5).bytes
        let idle = try TestSocket(port: server.port)
        idle.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(String(decoding: idle.read(seconds: 5).bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        server.beginDrain()
        // The listeners close: a new connection is refused.
        let deadline = Date().addingTimeInterval(2)
        var refused = false
        while !refused && Date() < deadline {
            do { _ = try TestSocket(port: server.port); usleep(20_000) } catch { refused = true }
        }
        #expect(refused)
        // The idle keep-alive connection is closed; the export is not.
        #expect(idle.readToClose(seconds: 3).closed)
        #expect(server.openConnections == 1)
        #expect(!server.isDrained)
        // Read the export slowly to its end: whole, with its closing chunk, then the connection closes.
        received += export.readSlowlyToEnd()
        let text = String(decoding: received, as: UTF8.self)
        #expect(text.hasSuffix("\r\n0\r\n\r\n"))
        #expect(text.components(separatedBy: "\"id\":\"2021-03-").count - 1 == Self.bigCount)
        #expect(server.waitUntilDrained(seconds: 5))
    }

    @Test(.timeLimit(.minutes(1))) func aDrainFinishesAGzipExportInFlightWithItsTrailer() throws {
        let server = try Self.server({ _ in }, state: Self.bigState(varied: true))
        defer { server.stop() }
        let export = try TestSocket(port: server.port, receiveBuffer: 8192)
        export.send("GET /articles?format=ndjson HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
        var received = export.read(upTo: 4096, seconds: 5).bytes
        server.beginDrain()
        // The export is still being sent: its connection stays open.
        usleep(700_000)
        #expect(server.openConnections == 1)
        #expect(!server.isDrained)
        received += export.readSlowlyToEnd()
        let headEnd = try #require(received.firstRange(of: [0x0D, 0x0A, 0x0D, 0x0A]))
        let head = String(decoding: received[..<headEnd.lowerBound], as: UTF8.self)
        #expect(head.contains("Content-Encoding: gzip"))
        #expect(head.contains("Transfer-Encoding: chunked"))
        let body = dechunk(received[headEnd.upperBound...])
        #expect(body.complete, "the closing chunk arrives")
        #expect(body.bytes.count > 4 << 20, "more than the socket buffers hold, so the drain met it in flight")
        let text = String(decoding: try #require(gunzip(body.bytes), "a whole gzip member, trailer included"), as: UTF8.self)
        #expect(text.components(separatedBy: "\"id\":\"2021-03-").count - 1 == Self.bigCount)
        #expect(server.waitUntilDrained(seconds: 5))
    }

    /// A keep-alive client that keeps sending through a drain gets an answer to every request: the first answer after
    /// the listeners close says `Connection: close`, and only then does the connection close.
    @Test(.timeLimit(.minutes(1))) func aKeepAliveClientLosesNoRequestToTheDrain() throws {
        let server = try Self.server { _ in }
        defer { server.stop() }
        let client = try TestSocket(port: server.port)
        var sawClose = false
        for i in 0..<5000 {
            if i == 20 { server.beginDrain() }
            client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            let (bytes, closed) = client.read(seconds: 5)
            guard !closed, !bytes.isEmpty else {
                Issue.record("request \(i) was not answered")
                break
            }
            if String(decoding: bytes, as: UTF8.self).contains("\r\nConnection: close\r\n") {
                sawClose = true
                break
            }
        }
        #expect(sawClose)
        #expect(client.readToClose(seconds: 3).closed)
        #expect(server.waitUntilDrained(seconds: 5))
    }

    /// Pipelined requests whose answers outgrow the socket buffers: each answer that does not go at once waits for
    /// EV_WRITE, no request is read meanwhile, and every answer arrives whole and in order.
    @Test(.timeLimit(.minutes(1))) func pipelinedAnswersLargerThanTheSocketBuffersArriveWholeAndInOrder() throws {
        let server = try Self.server({ _ in }, state: Self.bigState())
        defer { server.stop() }
        let client = try TestSocket(port: server.port, receiveBuffer: 8192)
        let count = 40
        var requests = ""
        for i in 0..<count { requests += "GET /articles?limit=500&offset=\(i) HTTP/1.1\r\nHost: x\r\n\r\n" }
        requests += "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        client.send(requests)
        let received = client.readSlowlyToEnd(chunk: 65536)
        let text = String(decoding: received, as: UTF8.self)
        #expect(received.count > 4 << 20, "more than the socket buffers hold")
        #expect(text.components(separatedBy: "HTTP/1.1 200 OK\r\n").count - 1 == count + 1)
        let offsets = text.components(separatedBy: "\"offset\":").dropFirst().map { Int($0.prefix { $0.isNumber }) ?? -1 }
        #expect(offsets == Array(0..<count))
        #expect(text.hasSuffix(#"{"status":"ok"}"#))
    }

    @Test func healthzSays503DrainingDuringADrain() throws {
        let service = TestCorpus.service()
        #expect(service.get("/healthz").status == 200)
        service.state.startDraining()
        let r = service.get("/healthz")
        #expect(r.status == 503)
        #expect(String(decoding: r.body, as: UTF8.self) == #"{"status":"draining"}"#)
        #expect(r.headers["cache-control"] == "no-store")
    }

    @Test func theWarningIsRateLimited() {
        let lines = LogLines()
        let logger = Logger(label: "test") { _ in CapturingLogHandler(lines: lines) }
        let warning = RateLimitedWarning(logger: logger, intervalSeconds: 10)
        var logged = 0
        for i in 0..<10_000 where warning.note("acceptFailed", "accept() failed", now: 1_000 + UInt64(i)) { logged += 1 }
        #expect(logged == 1)
        #expect(warning.note("acceptFailed", "accept() failed", now: 1_000 + 10_000_000_000))
        #expect(lines.all.count == 2)
        #expect(lines.all.last?["events.acceptFailed"] == "10000")
    }

    @Test func theConnectionCapDerivesFromTheOpenFileLimit() {
        #expect(OpenFileLimit.defaultMaxConnections(limit: 128) == 96)
        #expect(OpenFileLimit.defaultMaxConnections(limit: 1024) == 922)
        #expect(OpenFileLimit.defaultMaxConnections(limit: 1_048_576) == 943_719)
        #expect(OpenFileLimit.defaultMaxConnections(limit: 16) == 1)
        let soft = OpenFileLimit.raiseToHardLimit()
        var limits = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits)
        #expect(limits.rlim_cur == limits.rlim_max || limits.rlim_max == rlim_t.max)
        #expect(soft >= 1024 || limits.rlim_max < 1024)
    }
}

/// Log lines' metadata, as a handler keeps them.
final class LogLines: Sendable {
    private let lines = Mutex<[Logger.Metadata]>([])
    /// The lines so far.
    var all: [Logger.Metadata] { lines.withLock { $0 } }
    /// Keeps a line.
    func append(_ metadata: Logger.Metadata) { lines.withLock { $0.append(metadata) } }
}

/// Keeps each log line's metadata.
struct CapturingLogHandler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.append(event.metadata ?? [:])
    }
}
