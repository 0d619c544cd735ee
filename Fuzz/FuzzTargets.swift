import Foundation
import Model

// libFuzzer entry points for the article parsers and the query-string parser (scripts/fuzz.sh builds and
// runs them). One binary holds every target, so that one sanitized build serves all; NEWSDESK_FUZZ_TARGET
// picks the target (plain, json, jsonl, query, head). Beyond "no crash, no leak", each target checks properties
// that must hold for any input and traps when one does not, so libFuzzer reports it as a crash.

/// The target chosen for this run.
let target = ProcessInfo.processInfo.environment["NEWSDESK_FUZZ_TARGET"] ?? "plain"

/// Stops the run with a message: a property failed.
func violated(_ message: String) -> Never {
    fatalError("fuzz property violated: \(message)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case "plain": fuzzPlainText(bytes)
    case "json": fuzzJSONDocument(bytes)
    case "jsonl": fuzzJSONLines(bytes)
    case "query": fuzzQuery(bytes)
    case "head": fuzzRequestHead(bytes)
    default: violated("unknown NEWSDESK_FUZZ_TARGET '\(target)'")
    }
    return 0
}

/// The seed format: a parsed article has a real date, paragraphs without line breaks or outer blanks.
func fuzzPlainText(_ bytes: [UInt8]) {
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    guard let article = try? PlainTextFormat.parse(text, file: "fuzz.txt") else { return }
    if !CalendarDate.isValid(article.date) { violated("date '\(article.date)' is not a calendar date") }
    if article.paragraphs.isEmpty { violated("an article without paragraphs") }
    for paragraph in article.paragraphs {
        if paragraph.isEmpty || paragraph.contains("\n") { violated("paragraph \(paragraph.debugDescription)") }
        if paragraph.unicodeScalars.first!.isSpace || paragraph.unicodeScalars.last!.isSpace {
            violated("paragraph with outer blanks \(paragraph.debugDescription)")
        }
    }
}

/// The parse of a stream does not depend on how it is cut into chunks, nor does it keep a record over the cap.
func fuzzJSONDocument(_ bytes: [UInt8]) {
    let cap = 64 + Int(bytes.first ?? 0)
    let whole = JSONFormat.parseDocument(MemoryByteSource(bytes), file: "f.json", maxRecordBytes: cap)
    let chunked = JSONFormat.parseDocument(MemoryByteSource(bytes, chunkSize: 1 + Int(bytes.last ?? 0) % 7), file: "f.json", maxRecordBytes: cap)
    if whole.articles != chunked.articles || whole.failures != chunked.failures { violated("chunking changed the parse") }
    checkRecords(whole.articles, failures: whole.failures, cap: cap)
    // An array's records are counted, each article or failure at most once.
    var scanner = JSONArrayScanner(MemoryByteSource(bytes), maxRecordBytes: cap)
    var count = 0
    while let record = try? scanner.next() {
        count += 1
        if let kept = record.bytes, kept.count != record.size || kept.count > cap { violated("record of \(kept.count) kept, size \(record.size)") }
        if count > bytes.count + 1 { violated("more records than bytes") }
    }
}

/// JSON Lines: the same, and the lines read back give the input.
func fuzzJSONLines(_ bytes: [UInt8]) {
    let cap = 32 + Int(bytes.first ?? 0)
    let whole = JSONFormat.parseLines(MemoryByteSource(bytes), file: "f.jsonl", maxLineBytes: cap)
    let chunked = JSONFormat.parseLines(MemoryByteSource(bytes, chunkSize: 1 + Int(bytes.last ?? 0) % 7), file: "f.jsonl", maxLineBytes: cap)
    if whole.articles != chunked.articles || whole.failures != chunked.failures { violated("chunking changed the parse") }
    checkRecords(whole.articles, failures: whole.failures, cap: cap)
    var reader = LineReader(MemoryByteSource(bytes, chunkSize: 3), maxLineBytes: Int.max)
    var lines: [[UInt8]] = []
    while let line = try? reader.next() {
        guard case .text(let text) = line else { violated("an unlimited reader found an oversized line") }
        lines.append(text)
    }
    if Array(lines.joined(separator: [0x0A])) != bytes && !(bytes.last == 0x0A && Array(lines.joined(separator: [0x0A])) + [0x0A] == bytes) {
        violated("lines do not join back to the input")
    }
}

/// Every article has a real date and text; every failure names the file.
func checkRecords(_ articles: [RawArticle], failures: [LoadFailure], cap: Int) {
    for article in articles {
        if !CalendarDate.isValid(article.date) { violated("date '\(article.date)'") }
        if article.paragraphs.isEmpty { violated("no paragraphs") }
        if article.paragraphs.joined().utf8.count > cap { violated("an article longer than its record cap") }
    }
    for failure in failures where !failure.file.hasPrefix("f.json") { violated("failure names '\(failure.file)'") }
}

/// The query string: decoding never fails, an encoded string decodes back to itself, and the parameter
/// checks either accept a value or name the parameter at fault.
func fuzzQuery(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let request = Request(method: .get, uri: "/quotes?" + text)
    let pairs = request.query
    let encoded = text.unicodeScalars.map { scalar -> String in
        if scalar.properties.isAlphabetic && scalar.isASCII { return String(scalar) }
        return String(scalar).utf8.map { String(format: "%%%02X", $0) }.joined()
    }.joined()
    if Request.percentDecode(encoded) != text { violated("percent-decoding of an encoded string") }
    if pairs.count > text.utf8.count { violated("more pairs than bytes") }
    let allowed: Set<String> = ["speaker", "q", "from", "to", "date", "limit", "offset", "kind", "format", "sort"]
    do {
        let parameters = try Parameters(path: [:], query: pairs, allowed: allowed)
        _ = try? parameters.int("limit", default: 50, range: 1...500)
        _ = try? parameters.window()
        _ = try? parameters.choice("sort", in: ["date", "relevance"])
        _ = try? parameters.words("q")
        _ = try? parameters.words("speaker")
    } catch {
        guard let parameter = error.parameter, pairs.contains(where: { $0.name == parameter }) else {
            violated("a 400 that names no parameter of the query: \(error)")
        }
    }
}

/// The request-head parser: it decides nothing on a line not yet ended (every prefix of a complete head is
/// incomplete), a head it reads lies within the input, and its target holds no blank or control byte.
func fuzzRequestHead(_ bytes: [UInt8]) {
    let parse = { (count: Int) in bytes.withUnsafeBufferPointer { RequestHead.parse($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count) } }
    guard case .complete(let head) = parse(bytes.count) else { return }
    if head.length > bytes.count || head.length < 4 { violated("head length \(head.length) of \(bytes.count) bytes") }
    if head.target.isEmpty || head.target.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) { violated("target \(head.target.debugDescription)") }
    // Header bytes count each line as `name: value` CRLF; the shortest line sent ("a:" LF, 3 bytes) counts 5.
    if head.headerBytes * 3 > head.length * 5 { violated("header bytes \(head.headerBytes) for a head of \(head.length)") }
    for cut in stride(from: 0, to: head.length, by: max(1, head.length / 16)) {
        guard case .incomplete = parse(cut) else { violated("a prefix of \(cut) bytes of a \(head.length)-byte head is not incomplete") }
    }
    if case .complete(let again) = parse(head.length), again.length == head.length, again.target == head.target {} else {
        violated("the head alone parses differently")
    }
}
