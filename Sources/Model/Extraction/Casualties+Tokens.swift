/// A word, number or punctuation mark of a paragraph, as the casualty extractor reads it.
struct CasualtyToken {
    /// What the token is.
    enum Kind: UInt8 { case word, number, punct }

    /// Word, number or punctuation.
    let kind: Kind
    /// Lower-cased text for words (curly apostrophes made straight); the digits for numbers; the mark itself
    /// for punctuation (all quotation marks become `"`).
    let text: String
    /// The numeric value of a number token.
    let value: Double
    /// First scalar, relative to the paragraph.
    let start: Int
    /// One past the last scalar, relative to the paragraph.
    let end: Int
    /// The word starts with an upper-case letter.
    let capitalized: Bool
    /// Joined to the previous token by a hyphen with no space ("twenty-one", "28-year").
    let hyphenBefore: Bool
    /// Touches the previous token with no space or hyphen between ("9mm", "$415").
    let attachedBefore: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    var isPunct: Bool { kind == .punct }
}

/// Splits paragraph scalars into `CasualtyToken`s without Foundation or regular expressions.
enum CasualtyTokenizer {
    /// Tokenizes `s`; hyphens between two tokens with no space set `hyphenBefore` instead of becoming tokens.
    static func tokenize(_ s: [Unicode.Scalar]) -> [CasualtyToken] {
        var tokens: [CasualtyToken] = []
        tokens.reserveCapacity(s.count / 5)
        let n = s.count
        var i = 0
        var pendingHyphen = false
        while i < n {
            let c = s[i]
            if isSpace(c) {
                pendingHyphen = false
                i += 1
                continue
            }
            let attached = i > 0 && !isSpace(s[i - 1]) && !pendingHyphen
            if isDigit(c) {
                var j = i
                var digits = String.UnicodeScalarView()
                var seenDot = false
                while j < n {
                    let d = s[j]
                    if isDigit(d) {
                        digits.append(d)
                        j += 1
                    } else if d == ",", hasThreeDigits(s, j + 1) {
                        j += 1  // thousands separator: "1,200"
                    } else if d == ".", !seenDot, j + 1 < n, isDigit(s[j + 1]) {
                        seenDot = true
                        digits.append(d)
                        j += 1
                    } else {
                        break
                    }
                }
                let text = String(digits)
                tokens.append(CasualtyToken(kind: .number, text: text, value: Double(text) ?? 0, start: i, end: j,
                                            capitalized: false, hyphenBefore: pendingHyphen, attachedBefore: attached))
                pendingHyphen = false
                i = j
                continue
            }
            if c.properties.isAlphabetic {
                var j = i
                var word = String.UnicodeScalarView()
                while j < n {
                    let d = s[j]
                    if d.properties.isAlphabetic {
                        word.append(contentsOf: d.properties.lowercaseMapping.unicodeScalars)
                        j += 1
                    } else if (d == "'" || d == "\u{2019}"), j + 1 < n, s[j + 1].properties.isAlphabetic {
                        word.append("'")  // "Israel's", "don't"
                        j += 1
                    } else if d == ".", j - i == 1 || (j >= 2 && s[j - 2] == "."), j + 1 < n,
                              s[j + 1].properties.isAlphabetic, j + 2 >= n || !s[j + 2].properties.isAlphabetic {
                        word.append(".")  // "a.m.", "u.s."
                        j += 1
                    } else {
                        break
                    }
                }
                tokens.append(CasualtyToken(kind: .word, text: String(word), value: 0, start: i, end: j,
                                            capitalized: c.properties.isUppercase, hyphenBefore: pendingHyphen,
                                            attachedBefore: attached))
                pendingHyphen = false
                i = j
                continue
            }
            // A hyphen between two non-space characters joins them ("twenty-one", "10-15", "28-year-old").
            if c == "-" || c == "\u{2011}", i > 0, i + 1 < n, !isSpace(s[i - 1]), !isSpace(s[i + 1]),
               isWordOrDigit(s[i - 1]), isWordOrDigit(s[i + 1]) {
                pendingHyphen = true
                i += 1
                continue
            }
            let mark: String
            switch c {
            case "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "'", "\u{00AB}", "\u{00BB}": mark = "\""
            case "\u{2013}", "\u{2014}": mark = "-"
            default: mark = String(Character(c))
            }
            tokens.append(CasualtyToken(kind: .punct, text: mark, value: 0, start: i, end: i + 1, capitalized: false,
                                        hyphenBefore: false, attachedBefore: attached))
            pendingHyphen = false
            i += 1
        }
        return tokens
    }

    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{00A0}" || (c.value > 127 && c.properties.isWhitespace)
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    @inline(__always) static func isWordOrDigit(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || c.properties.isAlphabetic
    }

    /// Exactly three digits at `k`, not followed by a fourth ("1,200" but not "1,2345").
    static func hasThreeDigits(_ s: [Unicode.Scalar], _ k: Int) -> Bool {
        guard k + 2 < s.count, isDigit(s[k]), isDigit(s[k + 1]), isDigit(s[k + 2]) else { return false }
        return k + 3 >= s.count || !isDigit(s[k + 3])
    }
}
