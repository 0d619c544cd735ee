import Foundation

/// Articles as JSON: a file holds one object or an array of objects (`.json`), or one object a line
/// (`.jsonl`, `.ndjson`). Each object needs `date` and `text`; `title`, `url`, `outlet` are optional.
public enum JSONFormat {
    /// The fields read from one JSON article object.
    struct Record: Decodable {
        var date: String
        var text: String
        var title: String?
        var url: String?
        var outlet: String?
    }

    /// Parses a `.json` document read from `source` as a stream: one object, or an array of objects. A record
    /// over `maxRecordBytes` or a bad record is reported as `file:LINE` ("item N: …") and skipped; the
    /// others load. A document that is not JSON, or not an object or array of objects, fails whole.
    /// At most `budget` articles are kept; the rest is reported once and not read.
    public static func parseDocument<Source: ByteSource>(
        _ source: Source, file: String, maxRecordBytes: Int, budget: Int = .max
    ) -> (articles: [RawArticle], failures: [LoadFailure]) {
        var scanner = JSONArrayScanner(source, maxRecordBytes: maxRecordBytes)
        var articles: [RawArticle] = []
        var failures: [LoadFailure] = []
        var records = 0
        do {
            while let record = try scanner.next() {
                records += 1
                let label = record.index.map { "item \($0)" } ?? file
                let place = record.index == nil ? file : "\(file):\(record.line)"
                if articles.count >= budget {
                    failures.append(LoadFailure(file: place, reason: "\(prefix(label, file))maxArticles reached: this and later records not loaded"))
                    return (articles, failures)
                }
                guard let bytes = record.bytes else {
                    failures.append(LoadFailure(file: place, reason:
                        "\(prefix(label, file))record of \(record.size) bytes is larger than maxArticleBytes (\(maxRecordBytes)); skipped"))
                    continue
                }
                do {
                    articles.append(try Self.record(bytes, file: file, label: label))
                } catch {
                    failures.append(LoadFailure(file: place, reason: error.reason))
                }
            }
        } catch {
            return ([], [LoadFailure(file: file, reason: error.reason)])
        }
        if records == 0 { return ([], [LoadFailure(file: file, reason: "empty array")]) }
        return (articles, failures)
    }

    /// Parses a JSON Lines stream a line at a time; a bad line, or one over `maxLineBytes` (not kept), is
    /// reported as `file:N` and skipped, the other lines still load. At most `budget` articles are kept.
    public static func parseLines<Source: ByteSource>(
        _ source: Source, file: String, maxLineBytes: Int, budget: Int = .max
    ) -> (articles: [RawArticle], failures: [LoadFailure]) {
        var reader = LineReader(source, maxLineBytes: maxLineBytes)
        var articles: [RawArticle] = []
        var failures: [LoadFailure] = []
        do {
            while let line = try reader.next() {
                let number = reader.lineNumber
                switch line {
                case .oversized(let size):
                    failures.append(LoadFailure(file: "\(file):\(number)", reason:
                        "line \(number): record of \(size) bytes is larger than maxArticleBytes (\(maxLineBytes)); skipped"))
                case .text(let bytes):
                    guard bytes.contains(where: { !isBlank($0) }) else { continue }
                    if articles.count >= budget {
                        failures.append(LoadFailure(file: "\(file):\(number)", reason:
                            "line \(number): maxArticles reached: this and later lines not loaded"))
                        return (articles, failures)
                    }
                    do {
                        articles.append(try record(bytes, file: file, label: "line \(number)"))
                    } catch {
                        failures.append(LoadFailure(file: "\(file):\(number)", reason: error.reason))
                    }
                }
            }
        } catch {
            failures.append(LoadFailure(file: file, reason: error.reason))
        }
        if articles.isEmpty && failures.isEmpty {
            failures.append(LoadFailure(file: file, reason: "empty file"))
        }
        return (articles, failures)
    }

    /// "item 3: " for a record of an array, nothing for a whole file.
    private static func prefix(_ label: String, _ file: String) -> String { label == file ? "" : label + ": " }

    /// Space, tab, CR or LF.
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    /// Decodes and checks one record.
    static func record(_ bytes: [UInt8], file: String, label: String) throws(LoadFailure) -> RawArticle {
        let prefix = label == file ? "" : label + ": "
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw LoadFailure(file: file, reason: "\(prefix)invalid UTF-8")
        }
        let r: Record
        do {
            r = try JSONDecoder().decode(Record.self, from: Data(bytes))
        } catch {
            throw LoadFailure(file: file, reason: "\(prefix)\(describe(error))")
        }
        guard CalendarDate.isValid(r.date) else {
            throw LoadFailure(file: file, reason: "\(prefix)invalid date '\(r.date)' (want YYYY-MM-DD)")
        }
        let (paragraphs, related) = PlainTextFormat.splitParagraphs(r.text)
        guard !paragraphs.isEmpty else { throw LoadFailure(file: file, reason: "\(prefix)empty text") }
        let title = r.title.map { String($0.trimmingWhitespace()) }.flatMap { $0.isEmpty ? nil : $0 }
        return RawArticle(date: r.date, title: title, paragraphs: paragraphs, related: related,
                          source: ArticleSource(file: file, url: r.url, outlet: r.outlet))
    }

    /// A short reason for a decoding error, without Foundation's debug noise.
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            if path.isEmpty { return "expected an object" }
            return "wrong type for '\(path)'"
        case DecodingError.dataCorrupted: return "malformed JSON"
        default: return "malformed JSON"
        }
    }
}
