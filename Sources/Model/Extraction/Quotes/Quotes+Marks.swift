/// Finding quotation marks: which marks open and close a quotation, and which are apostrophes.
extension QuoteExtractor {
    /// One stretch of quoted text inside a paragraph, from its opening mark to its closing mark.
    struct Segment {
        /// Paragraph index.
        var paragraph: Int
        /// Offset of the opening mark in the paragraph's scalars.
        var open: Int
        /// One past the opening mark (a mark may be two scalars: `''`, ` `` `).
        var contentStart: Int
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

    /// The text of a range of scalars (`String(scalars:)`: sized first, so a short text stays a small string).
    static func string(_ s: [Unicode.Scalar], _ range: Range<Int>) -> String { String(scalars: s[range]) }

    /// The quoted segments of one paragraph, in order.
    ///
    /// Double marks pair up in order (a straight `"` closes when a quote is open, else opens). A single
    /// mark opens only at the start of a word (after a space or an opening bracket) and closes only at
    /// the end of one (before a space or punctuation), so that apostrophes ("don’t", "Houthis’") inside
    /// text are not marks; single marks inside double quotes are part of the quoted text. A single quote
    /// left open at the paragraph end was an apostrophe after all, and scanning resumes after it.
    static func segments(of document: Document, paragraph: Int) -> [Segment] {
        let s = document.paragraphScalars[paragraph]
        let offset = document.paragraphStarts[paragraph]
        // The quotation-mark tokens (apostrophes inside words are no tokens): start, end, first scalar,
        // and whether the mark is double (`''` counts as a straight double mark).
        var marks: [(start: Int, end: Int, c: Unicode.Scalar)] = []
        // Two apostrophes close only a quotation that two back-ticks opened (` ``…'' `, as typeset text
        // prints marks); on their own (`''…''`, as some newspaper archives print every mark) they are
        // not read as quotation marks: neither our gold nor PolNeAR's counts such text as a quotation.
        var backticks = false
        var apostrophePairs = false
        for k in document.tokenRange(ofParagraph: paragraph) where document.tokens[k].is(.quote) {
            let token = document.tokens[k]
            let start = Int(token.start) - offset, end = Int(token.end) - offset
            var c = s[start]
            if end - start == 2 {
                if c == "`" {
                    backticks = true
                    c = "\u{201C}"
                } else {
                    guard backticks else { apostrophePairs = true; continue }
                    backticks = false
                    c = "\u{201D}"
                }
            }
            marks.append((start, end, c))
        }
        // Markup left in the text (`<tweet author="…" date="…">`): a straight mark after "=" opens an attribute's
        // value, which the next straight mark closes; neither is a quotation mark.
        var attribute = false
        marks.removeAll { mark in
            guard mark.c == "\"" else { return false }
            if attribute { attribute = false; return true }
            if mark.start > 0 && s[mark.start - 1] == "=" { attribute = true; return true }
            return false
        }
        // Single marks in a paragraph quoted that way are nested in such a quotation ("''I had to
        // think, 'This is their lives.' ''"): they are no quotation of their own either.
        if apostrophePairs { marks.removeAll { Marks.singleOpen.contains($0.c) || Marks.singleClose.contains($0.c) } }
        var result: [Segment] = []
        let n = s.count
        var m = 0
        var openAt = -1
        var double = false
        var ignoredSingle = -1
        // Single quotations nested in the open double one ("“He said ‘go home,’ and left.”").
        var nested = 0
        while m < marks.count {
            let (i, end, c) = marks[m]
            let prev: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
            let next: Unicode.Scalar? = end < n ? s[end] : nil
            // A straight mark right after a word and before no word closes a quotation whose opening
            // mark the text lost ("a review of [his] systems\" including …"), or is an inch sign
            // ("6'3\" tall"): it opens nothing.
            let orphan = c == "\"" && prev.map { !$0.isSpace && !["(", "[", "\u{2014}", "-", "/"].contains($0) } ?? false
                && !(next.map(Tokenizer.isWordScalar) ?? false)
            if openAt < 0 && m == 0 && (orphan || c == "\u{201D}"),
               let p = prev, [",", ".", "!", "?"].contains(p) {
                // The paragraph's first mark closes a quotation after punctuation: the text lost its opening
                // mark, or the quotation goes on from the paragraph before ("…population. ¶ But no-one
                // can say with certainty …,\" he said.").
                result.append(Segment(paragraph: paragraph, open: 0, contentStart: 0, close: i, end: end, double: true,
                                      opened: false))
            } else if openAt < 0 {
                if Marks.doubleOpen.contains(c) && !orphan {
                    openAt = m
                    double = true
                    nested = 0
                } else if Marks.singleOpen.contains(c) && m != ignoredSingle
                            && (prev == nil || prev!.isSpace || prev == "(" || prev == "[" || prev == "\u{2014}")
                            && next != nil && Tokenizer.isWordScalar(next!) {
                    openAt = m
                    double = false
                }
            } else if double {
                let opensWord = prev.map { $0.isSpace || ["(", "[", "\u{2014}", "\u{201C}"].contains($0) } ?? true
                let endsWord = prev.map { !$0.isSpace } ?? false && !(next.map(Tokenizer.isWordScalar) ?? false)
                if Marks.doubleClose.contains(c) {
                    result.append(Segment(paragraph: paragraph, open: marks[openAt].start,
                                          contentStart: marks[openAt].end, close: i, end: end, double: true))
                    openAt = -1
                } else if c == "\u{2018}" && opensWord && next.map(Tokenizer.isWordScalar) ?? false {
                    nested += 1
                } else if c == "\u{2019}" && endsWord && nested > 0 {
                    nested -= 1
                } else if c == "\u{2019}" && endsWord && marks[openAt].c == "\u{201C}",
                          let p = prev, [",", ".", "?", "!"].contains(p) {
                    // Mixed marks as outlets publish them: “…,’ closes with a single mark after punctuation.
                    result.append(Segment(paragraph: paragraph, open: marks[openAt].start,
                                          contentStart: marks[openAt].end, close: i, end: end, double: true))
                    openAt = -1
                }
            } else if c == "\u{201C}" {
                // A double quotation opens before the single one closed: that single mark was an
                // apostrophe ("the late ‘60s. “It’s about time,”"); rescan from just after it.
                ignoredSingle = openAt
                m = openAt + 1
                openAt = -1
                continue
            } else if c == "\u{201D}" && marks[openAt].c == "\u{2018}",
                      let p = prev, [",", ".", "?", "!"].contains(p) {
                // Mixed marks the other way: ‘…,” closes with a double mark after punctuation.
                result.append(Segment(paragraph: paragraph, open: marks[openAt].start,
                                      contentStart: marks[openAt].end, close: i, end: end, double: true))
                openAt = -1
            } else if Marks.singleClose.contains(c) && prev != nil && !prev!.isSpace
                        && (next == nil || !Tokenizer.isWordScalar(next!)) {
                result.append(Segment(paragraph: paragraph, open: marks[openAt].start,
                                      contentStart: marks[openAt].end, close: i, end: end, double: false))
                openAt = -1
            }
            m += 1
            if m == marks.count && openAt >= 0 && !double {
                // An unclosed single mark was an apostrophe: rescan from just after it.
                ignoredSingle = openAt
                m = openAt + 1
                openAt = -1
            }
        }
        // A paragraph ending in a closing mark after its last sentence, with no opening mark: the source
        // lost the opening mark of a quotation that fills the paragraph ("They managed it quickly.\"").
        var last = n - 1
        while last >= 0 && s[last].isSpace { last -= 1 }
        if result.isEmpty, last > 0, (openAt >= 0 && marks[openAt].start == last && double)
            || (openAt < 0 && (s[last] == "\u{201D}" || s[last] == "\"")), [".", "!", "?", ","].contains(s[last - 1]) {
            return [Segment(paragraph: paragraph, open: 0, contentStart: 0, close: last, end: last + 1, double: true,
                            opened: false)]
        }
        if openAt >= 0 && double {
            result.append(Segment(paragraph: paragraph, open: marks[openAt].start, contentStart: marks[openAt].end,
                                  close: nil, end: n, double: true))
        }
        return result
    }

    /// The inner scalar range of a segment, trimmed of white space.
    static func inner(_ segment: Segment, _ s: [Unicode.Scalar]) -> Range<Int> {
        var a = segment.opened ? segment.contentStart : segment.open
        var b = segment.close ?? segment.end
        while a < b && s[a].isSpace { a += 1 }
        while b > a && s[b - 1].isSpace { b -= 1 }
        return a..<b
    }
}
