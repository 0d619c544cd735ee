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
    /// moving `Also read:` lines to the related list. Reads the UTF-8 bytes: lines, their trimming and the
    /// joins are byte ranges, and a `String` is made per paragraph only.
    public static func splitParagraphs<S: StringProtocol>(_ text: S) -> (paragraphs: [String], related: [String]) {
        var paragraphs: [String] = []
        var related: [String] = []
        var whole = String(text)
        whole.withUTF8 { utf8 in
            var current: [UInt8] = []
            func flush() {
                if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            }
            let n = utf8.count
            var lineStart = 0
            while lineStart <= n {
                var lineEnd = lineStart
                while lineEnd < n && utf8[lineEnd] != 0x0A { lineEnd += 1 }
                let (a, b) = trimmed(utf8, lineStart, lineEnd)
                if a == b {
                    flush()
                } else if utf8[a] == UInt8(ascii: "a") || utf8[a] == UInt8(ascii: "A"),
                          let headline = relatedHeadline(Substring(decoding: UnsafeBufferPointer(rebasing: utf8[a..<b]),
                                                                   as: UTF8.self)) {
                    // (Only a line that starts with "a" may be one: "also read", in any case.)
                    flush()
                    if !headline.isEmpty { related.append(String(headline)) }
                } else {
                    if !current.isEmpty { current.append(UInt8(ascii: " ")) }
                    current.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[a..<b]))
                }
                lineStart = lineEnd + 1
            }
            flush()
        }
        return (paragraphs, related)
    }

    /// The bytes `a..<b` of line `start..<end` without leading white space or byte-order marks and without
    /// trailing white space (`trimmingWhitespace`, on scalars decoded at the two ends).
    static func trimmed(_ utf8: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var a = start
        var b = end
        while a < b {
            let (scalar, length) = scalar(utf8, at: a)
            guard scalar.isSpace || scalar == "\u{FEFF}" else { break }
            a += length
        }
        while b > a {
            var k = b - 1
            while k > a && utf8[k] & 0xC0 == 0x80 { k -= 1 }
            guard scalar(utf8, at: k).scalar.isSpace else { break }
            b = k
        }
        return (a, b)
    }

    /// The scalar whose UTF-8 (valid) starts at byte `i`, and its length in bytes.
    @inline(__always)
    static func scalar(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(utf8[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let v: UInt32
        let length: Int
        if b0 < 0xE0 {
            v = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
            length = 2
        } else if b0 < 0xF0 {
            v = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
            length = 3
        } else {
            v = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                | UInt32(utf8[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
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
