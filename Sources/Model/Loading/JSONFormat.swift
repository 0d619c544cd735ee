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

    /// Parses a `.json` file: an object or an array of objects. Any bad record fails the file, naming the record.
    public static func parseDocument(_ data: Data, file: String) throws(LoadFailure) -> [RawArticle] {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw LoadFailure(file: file, reason: "not JSON: \(describe(error))")
        }
        if json is [String: Any] {
            return [try record(data, file: file, label: file)]
        }
        guard let array = json as? [Any] else {
            throw LoadFailure(file: file, reason: "expected an object or an array of objects")
        }
        var articles: [RawArticle] = []
        for (index, element) in array.enumerated() {
            guard JSONSerialization.isValidJSONObject(element),
                  let elementData = try? JSONSerialization.data(withJSONObject: element)
            else { throw LoadFailure(file: file, reason: "item \(index): expected an object") }
            articles.append(try record(elementData, file: file, label: "item \(index)"))
        }
        guard !articles.isEmpty else { throw LoadFailure(file: file, reason: "empty array") }
        return articles
    }

    /// Parses a JSON Lines file; a bad line is reported as `file:N` and skipped, the other lines still load.
    public static func parseLines(_ text: String, file: String) -> (articles: [RawArticle], failures: [LoadFailure]) {
        var articles: [RawArticle] = []
        var failures: [LoadFailure] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            do {
                articles.append(try record(Data(trimmed.utf8), file: file, label: "line \(index + 1)"))
            } catch {
                failures.append(LoadFailure(file: "\(file):\(index + 1)", reason: error.reason))
            }
        }
        if articles.isEmpty && failures.isEmpty {
            failures.append(LoadFailure(file: file, reason: "empty file"))
        }
        return (articles, failures)
    }

    /// Decodes and checks one record.
    static func record(_ data: Data, file: String, label: String) throws(LoadFailure) -> RawArticle {
        let r: Record
        do {
            r = try JSONDecoder().decode(Record.self, from: data)
        } catch {
            throw LoadFailure(file: file, reason: "\(label == file ? "" : label + ": ")\(describe(error))")
        }
        let prefix = label == file ? "" : label + ": "
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
            return "wrong type for '\(path)'"
        case DecodingError.dataCorrupted: return "malformed JSON"
        default: return "malformed JSON"
        }
    }
}
