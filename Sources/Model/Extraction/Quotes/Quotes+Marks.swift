/// Finding quotation marks: which marks open and close a quotation, and which are apostrophes.
extension QuoteExtractor {
    /// One stretch of quoted text inside a paragraph, from its opening mark to its closing mark.
    struct Segment {
        /// Paragraph index.
        var paragraph: Int
        /// Offset of the opening mark in the paragraph's scalars.
        var open: Int
        /// Offset of the closing mark, or nil when the paragraph ends first.
        var close: Int?
        /// One past the last scalar of the segment (the closing mark included).
        var end: Int
        /// Whether the marks are double (“…”, "…") rather than single (‘…’).
        var double: Bool
        /// False when the text lost the opening mark: the quotation runs from the paragraph start.
        var opened = true
    }

    /// The closed table of quotation marks: which scalars may open and close double and single quotes.
    enum Marks {
        /// Opening double marks.
        static let doubleOpen: Set<Unicode.Scalar> = ["\u{201C}", "\"", "\u{201E}", "\u{00AB}"]
        /// Closing double marks.
        static let doubleClose: Set<Unicode.Scalar> = ["\u{201D}", "\"", "\u{00BB}"]
        /// Opening single marks.
        static let singleOpen: Set<Unicode.Scalar> = ["\u{2018}", "'"]
        /// Closing single marks (also apostrophes, told apart by position).
        static let singleClose: Set<Unicode.Scalar> = ["\u{2019}", "'"]
    }

    /// Whether `c` may be a quotation mark: a switch, cheaper than a set lookup for every scalar.
    @inline(__always)
    static func mayBeMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0xAB, 0xBB, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E: return true
        default: return false
        }
    }

    /// The text of a range of scalars, encoded as UTF-8 in one pass.
    /// The exact length is counted first, so that a short text stays a small string with no allocation.
    static func string(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var length = 0
        for i in range { length += UTF8.width(s[i]) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for i in range {
                let c = s[i]
                if c.value < 0x80 {
                    buffer[n] = UInt8(truncatingIfNeeded: c.value)
                    n += 1
                } else {
                    UTF8.encode(c) { byte in
                        buffer[n] = byte
                        n += 1
                    }
                }
            }
            return n
        }
    }

    /// Whether `c` is a letter or digit.
    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// Whether `c` is white space.
    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\n" || c == "\t" || c == "\u{00A0}" || (!c.isASCII && c.properties.isWhitespace)
    }

    /// The quoted segments of one paragraph, in order.
    ///
    /// Double marks pair up in order (a straight `"` closes when a quote is open, else opens). A single
    /// mark opens only at the start of a word (after a space or an opening bracket) and closes only at
    /// the end of one (before a space or punctuation), so that apostrophes ("don’t", "Houthis’") inside
    /// text are not marks; single marks inside double quotes are part of the quoted text. A single quote
    /// left open at the paragraph end was an apostrophe after all, and scanning resumes after it.
    static func segments(of s: [Unicode.Scalar], paragraph: Int) -> [Segment] {
        var result: [Segment] = []
        let n = s.count
        var i = 0
        var openAt = -1
        var double = false
        var ignoredSingle = -1
        while i < n {
            let c = s[i]
            if !Self.mayBeMark(c) { i += 1; continue }
            let prev: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
            let next: Unicode.Scalar? = i + 1 < n ? s[i + 1] : nil
            if openAt < 0 {
                if Marks.doubleOpen.contains(c) {
                    openAt = i
                    double = true
                } else if Marks.singleOpen.contains(c) && i != ignoredSingle
                            && (prev == nil || isSpace(prev!) || prev == "(" || prev == "[" || prev == "\u{2014}")
                            && next != nil && isWordScalar(next!) {
                    openAt = i
                    double = false
                }
            } else if double {
                if Marks.doubleClose.contains(c) {
                    result.append(Segment(paragraph: paragraph, open: openAt, close: i, end: i + 1, double: true))
                    openAt = -1
                }
            } else if Marks.singleClose.contains(c) && prev != nil && !isSpace(prev!)
                        && (next == nil || !isWordScalar(next!)) {
                result.append(Segment(paragraph: paragraph, open: openAt, close: i, end: i + 1, double: false))
                openAt = -1
            }
            i += 1
            if i == n && openAt >= 0 && !double {
                // An unclosed single mark was an apostrophe: rescan from just after it.
                ignoredSingle = openAt
                i = openAt + 1
                openAt = -1
            }
        }
        // A paragraph ending in a closing mark after its last sentence, with no opening mark: the source
        // lost the opening mark of a quotation that fills the paragraph ("They managed it quickly.\"").
        var last = n - 1
        while last >= 0 && isSpace(s[last]) { last -= 1 }
        if result.isEmpty, last > 0, (openAt == last && double) || (openAt < 0 && s[last] == "\u{201D}"),
           [".", "!", "?", ","].contains(s[last - 1]) {
            return [Segment(paragraph: paragraph, open: 0, close: last, end: last + 1, double: true, opened: false)]
        }
        if openAt >= 0 && double {
            result.append(Segment(paragraph: paragraph, open: openAt, close: nil, end: n, double: true))
        }
        return result
    }

    /// The inner scalar range of a segment, trimmed of white space.
    static func inner(_ segment: Segment, _ s: [Unicode.Scalar]) -> Range<Int> {
        var a = segment.opened ? segment.open + 1 : segment.open
        var b = segment.close ?? segment.end
        while a < b && isSpace(s[a]) { a += 1 }
        while b > a && isSpace(s[b - 1]) { b -= 1 }
        return a..<b
    }

    /// Number of words (runs of letters and digits) in a scalar range.
    static func wordCount(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        var count = 0
        var inWord = false
        for i in range {
            let w = isWordScalar(s[i])
            if w && !inWord { count += 1 }
            inWord = w || (inWord && (s[i] == "'" || s[i] == "\u{2019}" || s[i] == "-"))
        }
        return count
    }
}
