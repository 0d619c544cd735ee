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
        /// What the word lists say about the word.
        var info = QuoteLexicon.WordInfo()

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

    /// Single-scalar strings for ASCII punctuation, so that a punctuation token allocates nothing.
    static let asciiStrings: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// Whether `c` is an upper-case letter (ASCII fast path).
    @inline(__always)
    static func isUpper(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase
    }

    /// Tokenises one paragraph; each segment becomes a single `.quote` token.
    static func tokens(_ s: [Unicode.Scalar], segments: [Segment], lexicon: QuoteLexicon) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(s.count / 5)
        let n = s.count
        var i = 0
        var nextSegment = 0
        // Lower-case bytes of the current word; longer words take the general path.
        var buffer = [UInt8](repeating: 0, count: 64)
        while i < n {
            if nextSegment < segments.count && segments[nextSegment].open == i {
                let segment = segments[nextSegment]
                result.append(Token(kind: .quote, start: i, end: segment.end, wordEnd: segment.end, lower: "",
                                    capitalized: false, acronym: false, possessive: false, segment: nextSegment))
                nextSegment += 1
                i = segment.end
                continue
            }
            let c = s[i]
            if isSpace(c) { i += 1; continue }
            if !isWordScalar(c) {
                let text = c.isASCII ? asciiStrings[Int(c.value)] : String(Character(c))
                result.append(Token(kind: .punct, start: i, end: i + 1, wordEnd: i + 1, lower: text,
                                    capitalized: false, acronym: false, possessive: false, segment: -1))
                i += 1
                continue
            }
            // A word: letters and digits, with apostrophes, hyphens, full stops and ampersands inside it.
            var j = i + 1
            var ascii = c.isASCII
            while j < n {
                let d = s[j]
                if isWordScalar(d) { ascii = ascii && d.isASCII; j += 1; continue }
                if !d.isASCII && d.properties.isDiacritic { ascii = false; j += 1; continue }
                let joiner = d == "'" || d == "\u{2019}" || d == "-" || d == "." || d == "&" || d == "\u{2010}"
                if joiner && j + 1 < n && isWordScalar(s[j + 1])
                    && !(nextSegment < segments.count && segments[nextSegment].open <= j) {
                    ascii = ascii && d.isASCII && s[j + 1].isASCII
                    j += 2
                    continue
                }
                break
            }
            // The lower-case form, with straight apostrophes; built byte by byte for ASCII words.
            var lower: String
            var info: QuoteLexicon.WordInfo
            var letters = 0
            var upperLetters = 0
            var end = j
            var wordEnd = j
            var possessive = false
            var dotted = false
            var article = false
            if ascii && j - i <= buffer.count {
                var length = 0
                for k in i..<j {
                    var v = UInt8(truncatingIfNeeded: s[k].value)
                    if v >= 0x41 && v <= 0x5A { v += 0x20; letters += 1; upperLetters += 1 }
                    else if v >= 0x61 && v <= 0x7A { letters += 1 }
                    buffer[length] = v
                    length += 1
                }
                if length > 2 && buffer[length - 2] == UInt8(ascii: "'") && buffer[length - 1] == UInt8(ascii: "s") {
                    // "Israel's": the possessive ending is not part of the word.
                    possessive = true
                    length -= 2
                    wordEnd = j - 2
                    letters -= 1
                    if s[j - 1] == "S" { upperLetters -= 1 }
                }
                let bytes = buffer[0..<length]
                // Already valid UTF-8 (ASCII): copied without validation.
                lower = String(unsafeUninitializedCapacity: length) { target in
                    _ = target.initialize(from: bytes)
                    return length
                }
                info = lexicon.info(bytes: bytes)
                article = length > 3 && (buffer[0] == UInt8(ascii: "a") || buffer[0] == UInt8(ascii: "e"))
                    && buffer[1] == UInt8(ascii: "l") && buffer[2] == UInt8(ascii: "-")
            } else {
                lower = String(String.UnicodeScalarView(s[i..<j])).lowercased()
                if lower.unicodeScalars.contains("\u{2019}") {
                    lower = String(String.UnicodeScalarView(lower.unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
                }
                for k in i..<j where s[k].properties.isAlphabetic {
                    letters += 1
                    if s[k].properties.isUppercase { upperLetters += 1 }
                }
                if lower.hasSuffix("'s") && lower.utf8.count > 2 {
                    lower.removeLast(2)
                    possessive = true
                    wordEnd = j - 2
                }
                info = lexicon.info(lower)
                article = lower.hasPrefix("al-") || lower.hasPrefix("el-")
            }
            if !possessive, j < n, s[j] == "'" || s[j] == "\u{2019}", s[j - 1] == "s" || s[j - 1] == "S",
               j + 1 == n || !isWordScalar(s[j + 1]),
               !(nextSegment < segments.count && segments[nextSegment].open == j) {
                // A plural possessive ("Houthis’ council"); a closing mark never gets here, as quoted
                // text is one token.
                possessive = true
                end = j + 1
            }
            // Keep the full stop of an initial ("A. K. Saseendran") or a title ("Gen.", "Jr.").
            if end == j && j < n && s[j] == "." {
                // An initial only before another capitalised word ("A. K. Saseendran"); "on X." ends a sentence.
                var k = j + 1
                while k < n && isSpace(s[k]) { k += 1 }
                let initial = j - i == 1 && isUpper(s[i]) && k > j + 1 && k < n && isUpper(s[k])
                if initial || nameAbbreviations.contains(lower) {
                    end = j + 1
                    wordEnd = j + 1
                    dotted = true
                }
            }
            // "al-Shabab", "el-Sisi": a lower-case article joined to a capitalised name.
            article = article && i + 3 < n && isUpper(s[i + 3])
            let capitalized = isUpper(c) || article
            result.append(Token(kind: .word, start: i, end: end, wordEnd: wordEnd, lower: lower,
                                capitalized: capitalized, acronym: letters >= 2 && upperLetters == letters,
                                possessive: possessive, segment: -1, dotted: dotted, info: info))
            i = end
        }
        return result
    }
}
