import CZlib
import Foundation
import Testing
@testable import Model
@testable import Server

/// Reads back a gzip member; nil unless it is whole (ends with its trailer, CRC-32 and length checked by zlib).
func gunzip(_ bytes: [UInt8]) -> [UInt8]? {
    var stream = z_stream()
    guard newsdesk_inflate_init_gzip(&stream) == Z_OK else { return nil }
    defer { inflateEnd(&stream) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var status: Int32 = Z_OK
    bytes.withUnsafeBufferPointer { input in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(input.count)
        repeat {
            let produced: Int = buffer.withUnsafeMutableBufferPointer { output in
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                status = inflate(&stream, Z_NO_FLUSH)
                return output.count - Int(stream.avail_out)
            }
            out += buffer[..<produced]
        } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
    }
    return status == Z_STREAM_END && stream.avail_in == 0 ? out : nil
}

/// The body of a chunked HTTP/1.1 response (after the head), and whether it ended with the last, empty chunk.
func dechunk(_ body: ArraySlice<UInt8>) -> (bytes: [UInt8], complete: Bool) {
    var out: [UInt8] = []
    var i = body.startIndex
    while let lineEnd = body[i...].firstIndex(of: 0x0D), lineEnd + 1 < body.endIndex {
        guard let size = Int(String(decoding: body[i..<lineEnd], as: UTF8.self), radix: 16) else { break }
        let start = lineEnd + 2
        if size == 0 { return (out, body[start...].starts(with: [0x0D, 0x0A])) }
        guard start + size + 2 <= body.endIndex else { break }
        out += body[start..<(start + size)]
        i = start + size + 2
    }
    return (out, false)
}

/// NDJSON and CSV exports with `Accept-Encoding: gzip` (issue 10): one gzip member streamed chunk by chunk.
@Suite struct GzipExportTests {
    static let service = TestCorpus.service()

    @Test(arguments: ["/quotes?format=csv", "/casualties?format=ndjson", "/articles?format=ndjson", "/entities?format=csv",
                      "/events?format=ndjson", "/quotes?format=ndjson&limit=1"])
    func aGzipExportDecodesToExactlyTheRawExport(path: String) throws {
        let raw = Self.service.get(path)
        let zipped = Self.service.get(path, headers: ["accept-encoding": "gzip, deflate, br"])
        #expect(raw.status == 200 && zipped.status == 200)
        #expect(raw.headers["content-encoding"] == nil)
        #expect(zipped.headers["content-encoding"] == "gzip")
        #expect(zipped.headers["content-type"] == raw.headers["content-type"])
        #expect(zipped.headers["x-total-count"] == raw.headers["x-total-count"])
        #expect(zipped.headers["vary"] == "Accept-Encoding, Origin")
        #expect(!raw.body.isEmpty)
        #expect(Array(zipped.body.prefix(2)) == [0x1F, 0x8B])
        #expect(try #require(gunzip(zipped.body)) == raw.body)
    }

    @Test func aLongExportIsCompressedAcrossManyChunks() throws {
        let state = FaultTests.bigState()
        let service = HTTPService(router: makeRouter(state: state, openAPI: TestCorpus.openAPI), state: state, gzip: Gzip.compress)
        let raw = service.get("/articles?format=ndjson")
        let zipped = service.get("/articles?format=ndjson", headers: ["accept-encoding": "gzip"])
        #expect(raw.body.count > 1 << 20, "several 64 KB chunks")
        #expect(zipped.body.count < raw.body.count / 4)
        #expect(try #require(gunzip(zipped.body)) == raw.body)
    }

    @Test func gzipRefusedOrNotAskedForGivesTheRawExport() {
        for headers in [[:], ["accept-encoding": "gzip;q=0"], ["accept-encoding": "identity"]] {
            let r = Self.service.get("/quotes?format=csv", headers: headers)
            #expect(r.headers["content-encoding"] == nil, "\(headers)")
            #expect(String(decoding: r.body.prefix(3), as: UTF8.self) == "id,")
        }
    }

    @Test func theStreamHandlesEmptyChunksAndAnEmptySource() throws {
        var chunks: [[UInt8]] = [[], Array("a".utf8), [], Array(String(repeating: "line\n", count: 50_000).utf8), []]
        let source = ChunkSource { chunks.isEmpty ? nil : chunks.removeFirst() }
        let zipped = try #require(Gzip.stream(source)).collect()
        #expect(try #require(gunzip(zipped)) == Array(("a" + String(repeating: "line\n", count: 50_000)).utf8))
        let empty = try #require(Gzip.stream(ChunkSource { nil })).collect()
        #expect(try #require(gunzip(empty)).isEmpty, "an empty export is still a whole gzip member")
        // A cut member is not taken for a whole one (what a client of a cut stream sees).
        #expect(gunzip(Array(zipped.dropLast(4))) == nil)
    }
}
