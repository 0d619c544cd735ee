/// The seed's plain-text format: a first line `date YYYY-MM-DD <lead paragraph>`, then paragraphs
/// separated by blank lines; `Also read: …` lines are related headlines, not body text.
public enum PlainTextFormat {
    /// Parses one file's text; `file` is only used for the source record.
    public static func parse(_ text: String, file: String) throws(LoadFailure) -> RawArticle {
        var body = Substring(text)
        // Leading white space and a byte-order mark are allowed.
        while let first = body.unicodeScalars.first, first.isSpace || first == "\u{FEFF}" {
            body = body.dropFirst()
        }
        guard !body.isEmpty else { throw LoadFailure(file: file, reason: "empty file") }
        guard body.hasPrefix("date ") || body.hasPrefix("date\t") else {
            throw LoadFailure(file: file, reason: "first line does not start with 'date YYYY-MM-DD'")
        }
        body = body.dropFirst(5)
        let dateText = String(body.prefix(10))
        guard CalendarDate.isValid(dateText) else {
            throw LoadFailure(file: file, reason: "invalid date '\(body.prefix(10))' on the first line (want YYYY-MM-DD)")
        }
        body = body.dropFirst(10)
        let (paragraphs, related) = splitParagraphs(body)
        guard !paragraphs.isEmpty else { throw LoadFailure(file: file, reason: "no text after the date") }
        return RawArticle(date: dateText, title: nil, paragraphs: paragraphs, related: related,
                          source: ArticleSource(file: file))
    }

    /// Splits text into paragraphs at blank lines, joining the lines inside a paragraph with a space and
    /// moving `Also read:` lines to the related list.
    public static func splitParagraphs<S: StringProtocol>(_ text: S) -> (paragraphs: [String], related: [String]) {
        var paragraphs: [String] = []
        var related: [String] = []
        var current: [Substring] = []
        func flush() {
            if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
            current.removeAll(keepingCapacity: true)
        }
        for rawLine in lines(text) {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty {
                flush()
            } else if let headline = relatedHeadline(line) {
                flush()
                if !headline.isEmpty { related.append(String(headline)) }
            } else {
                current.append(line)
            }
        }
        flush()
        return (paragraphs, related)
    }

    /// The lines of `text`, split on LF bytes (no grapheme breaking: fast on large files).
    static func lines<S: StringProtocol>(_ text: S) -> [Substring] {
        let whole = Substring(text)
        let utf8 = whole.utf8
        var result: [Substring] = []
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            if utf8[i] == 0x0A {
                result.append(whole[start..<i])
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        result.append(whole[start..<utf8.endIndex])
        return result
    }

    /// The headline of an "Also read: …" line (any case, "Also Read -" too), or nil for body text.
    static func relatedHeadline(_ line: Substring) -> Substring? {
        let lower = line.prefix(10).lowercased()
        guard lower.hasPrefix("also read") else { return nil }
        var rest = line.dropFirst(9)
        while let c = rest.first, c == ":" || c == " " || c == "-" || c == "\u{2013}" { rest = rest.dropFirst() }
        return rest
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (newlines included).
    func trimmingWhitespace() -> Substring {
        let scalars = self.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end && (scalars[start].isSpace || scalars[start] == "\u{FEFF}") {
            start = scalars.index(after: start)
        }
        while end > start && scalars[scalars.index(before: end)].isSpace {
            end = scalars.index(before: end)
        }
        return Substring(self)[start..<end]
    }
}

/// Checks of ISO 8601 calendar dates (`YYYY-MM-DD`) without Foundation's date formatters.
public enum CalendarDate {
    /// Whether `text` is exactly a real calendar date.
    public static func isValid<S: StringProtocol>(_ text: S) -> Bool {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return false }
        func number(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard (0x30...0x39).contains(u[i]) else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            return v
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), (1...12).contains(m), d >= 1
        else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }
}
