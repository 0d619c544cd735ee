/// Splits a paragraph into sentences without breaking after abbreviations (the English lexicon's
/// `.abbreviation` class), initials or decimals.
public enum SentenceSplitter {
    /// Whether `c` may follow a sentence's final punctuation and still belong to it (a closing quotation mark
    /// or bracket).
    @inline(__always)
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "\u{201D}", "\u{2019}", ")", "]": return true
        default: return false
        }
    }

    /// Returns the scalar ranges of the sentences in `s`, trimmed of surrounding white space.
    public static func split(_ s: [Unicode.Scalar], english: EnglishLexicon) -> [Range<Int>] {
        // Read through a buffer pointer: no bounds check nor retain on each scalar read.
        s.withUnsafeBufferPointer { split(buffer: $0, english: english) }
    }

    /// `split(_:english:)` over the scalars' buffer.
    static func split(buffer s: UnsafeBufferPointer<Unicode.Scalar>, english: EnglishLexicon) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = s.count
        func push(_ end: Int) {
            var a = start, b = end
            while a < b && s[a].isSpace { a += 1 }
            while b > a && s[b - 1].isSpace { b -= 1 }
            if a < b { result.append(a..<b) }
            start = end
        }
        while i < n {
            let c = s[i]
            if c == "." || c == "!" || c == "?" {
                var j = i + 1
                while j < n && (s[j] == "." || s[j] == "!" || s[j] == "?") { j += 1 }
                while j < n && isCloser(s[j]) { j += 1 }
                // A sentence ends at punctuation followed by white space and then an upper-case letter,
                // a digit, or an opening quote; or at the end of the paragraph.
                if j >= n {
                    i = j
                    continue
                }
                guard s[j].isSpace else { i = j; continue }
                var k = j
                while k < n && s[k].isSpace { k += 1 }
                guard k < n else { i = k; continue }
                let next = s[k]
                let startsSentence = next.isUpper || ("0"..."9").contains(next)
                    || next == "\u{201C}" || next == "\"" || next == "\u{2018}" || next == "'" || next == "("
                if c == "." && startsSentence && isAbbreviation(s, before: i, english) { i = j; continue }
                if startsSentence {
                    push(j)
                }
                i = j
                continue
            }
            i += 1
        }
        push(n)
        return result
    }

    /// Whether the word ending just before the full stop at `dot` is an abbreviation or an initial.
    static func isAbbreviation(_ s: UnsafeBufferPointer<Unicode.Scalar>, before dot: Int, _ english: EnglishLexicon) -> Bool {
        var a = dot
        while a > 0 && (s[a - 1].isLetter || s[a - 1] == ".") { a -= 1 }
        let word = String(scalars: s[a..<dot]).applyingFolding()
        if word.isEmpty { return false }
        // A single capital letter is an initial ("John F. Kennedy").
        if word.unicodeScalars.count == 1 && s[a].isUpper { return true }
        return english.isAbbreviation(word)
    }
}
