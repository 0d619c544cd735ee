/// Splitting a paragraph into the words, punctuation and quotations that attribution reads.
extension QuoteExtractor {
    /// One token of a paragraph: a word, a punctuation mark, or a whole quoted segment.
    struct Token {
        /// What the token is.
        enum Kind { case word, punct, quote }
        /// What the token is.
        var kind: Kind
        /// First scalar in the paragraph.
        var start: Int
        /// One past the last scalar (a possessive ending included).
        var end: Int
        /// One past the last scalar of the word itself, without a possessive ending.
        var wordEnd: Int
        /// Lower case with straight apostrophes and without a possessive ending; the scalar for punctuation.
        var lower: String
        /// The first letter is upper case.
        var capitalized: Bool
        /// Two or more letters, all upper case ("IDF").
        var acronym: Bool
        /// Ends in "'s" or a plural "s'".
        var possessive: Bool
        /// For `.quote`: index of the segment in the paragraph's segment list.
        var segment: Int
        /// Keeps a full stop: an initial or an abbreviated title ("A.", "Gen.").
        var dotted: Bool = false

        /// Whether the token is the punctuation scalar `c`.
        func isPunct(_ c: String) -> Bool { kind == .punct && lower == c }
        /// Whether the token ends a sentence or clause for attribution: ". ! ? ;".
        var endsClause: Bool { kind == .punct && (lower == "." || lower == "!" || lower == "?" || lower == ";") }
        /// Whether the token separates the parts of a phrase: comma, dash, colon or bracket.
        var separatesParts: Bool {
            kind == .punct && (lower == "," || lower == "\u{2014}" || lower == "\u{2013}" || lower == "-"
                                || lower == "(" || lower == ")" || lower == ":")
        }
    }

    /// Abbreviations that keep their full stop inside a name or title ("Jr.", "Gen.") - a closed table.
    static let nameAbbreviations: Set<String> = [
        "jr", "sr", "gen", "dr", "mr", "mrs", "ms", "lt", "col", "sgt", "capt", "maj", "prof", "rev", "gov",
        "sen", "rep", "st", "mt", "cpl", "pvt", "adm", "brig", "hon", "u.s", "u.n", "u.k", "e.u",
    ]

    /// Tokenises one paragraph; each segment becomes a single `.quote` token.
    static func tokens(_ s: [Unicode.Scalar], segments: [Segment]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(s.count / 5)
        let n = s.count
        var i = 0
        var nextSegment = 0
        while i < n {
            if nextSegment < segments.count && segments[nextSegment].open == i {
                let segment = segments[nextSegment]
                result.append(Token(kind: .quote, start: i, end: segment.end, wordEnd: segment.end, lower: "", capitalized: false,
                                    acronym: false, possessive: false, segment: nextSegment))
                nextSegment += 1
                i = segment.end
                continue
            }
            let c = s[i]
            if isSpace(c) { i += 1; continue }
            if !isWordScalar(c) {
                result.append(Token(kind: .punct, start: i, end: i + 1, wordEnd: i + 1, lower: String(Character(c)),
                                    capitalized: false, acronym: false, possessive: false, segment: -1))
                i += 1
                continue
            }
            // A word: letters and digits, with apostrophes, hyphens, full stops and ampersands inside it.
            var j = i + 1
            while j < n {
                if isWordScalar(s[j]) || s[j].properties.isDiacritic { j += 1; continue }
                let joiner = s[j] == "'" || s[j] == "\u{2019}" || s[j] == "-" || s[j] == "." || s[j] == "&"
                    || s[j] == "\u{2010}"
                if joiner && j + 1 < n && isWordScalar(s[j + 1])
                    && !(nextSegment < segments.count && segments[nextSegment].open <= j) {
                    j += 2
                    continue
                }
                break
            }
            var word = String(String.UnicodeScalarView(s[i..<j]))
            var lower = word.lowercased()
            if lower.unicodeScalars.contains("\u{2019}") {
                lower = String(String.UnicodeScalarView(lower.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
            }
            var end = j
            var wordEnd = j
            var possessive = false
            var dotted = false
            if lower.hasSuffix("'s") && lower.count > 2 {
                lower.removeLast(2)
                word.unicodeScalars.removeLast(2)
                possessive = true
                wordEnd = j - 2
            } else if lower.hasSuffix("s"), j < n, s[j] == "'" || s[j] == "\u{2019}",
                      j + 1 == n || !isWordScalar(s[j + 1]),
                      !(nextSegment < segments.count && segments[nextSegment].open == j) {
                // A plural possessive ("Houthis’ council"); a closing mark never gets here, as quoted
                // text is one token.
                possessive = true
                end = j + 1
            }
            // Keep the full stop of an initial ("A. K. Saseendran") or a title ("Gen.", "Jr.").
            if end == j && j < n && s[j] == "." {
                let initial = lower.unicodeScalars.count == 1 && s[i].properties.isUppercase
                if initial || nameAbbreviations.contains(lower) {
                    end = j + 1
                    wordEnd = j + 1
                    dotted = true
                }
            }
            let first = s[i]
            // "al-Shabab", "el-Sisi": a lower-case article joined to a capitalised name.
            let article = (lower.hasPrefix("al-") || lower.hasPrefix("el-")) && i + 3 < n
                && s[i + 3].properties.isUppercase
            let capitalized = first.properties.isUppercase || article
            var letters = 0
            var upper = true
            for scalar in word.unicodeScalars where scalar.properties.isAlphabetic {
                letters += 1
                if !scalar.properties.isUppercase { upper = false; break }
            }
            result.append(Token(kind: .word, start: i, end: end, wordEnd: wordEnd, lower: lower,
                                capitalized: capitalized, acronym: upper && letters >= 2, possessive: possessive,
                                segment: -1, dotted: dotted))
            i = end
        }
        return result
    }
}
