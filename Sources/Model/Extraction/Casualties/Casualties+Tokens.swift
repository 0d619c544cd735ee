/// A word, number or punctuation mark of a paragraph, as the casualty extractor reads it.
struct CasualtyToken {
    /// What the token is.
    enum Kind: UInt8 { case word, number, punct }

    /// Word, number or punctuation.
    let kind: Kind
    /// The numeric value of a number token.
    let value: Double
    /// `CasualtyTokenizer.hash` of `text`, so that word tables need not hash it again on every look-up.
    let hash: UInt64
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

    /// A word token.
    var isWord: Bool { kind == .word }
    /// A number token.
    var isNumber: Bool { kind == .number }
    /// A punctuation token.
    var isPunct: Bool { kind == .punct }
}

/// Splits paragraph scalars into `CasualtyToken`s without Foundation or regular expressions.
///
/// ASCII takes a fast path (no Unicode property look-ups, no per-scalar strings); other scalars fall back to
/// their Unicode properties.
enum CasualtyTokenizer {
    /// Tokenizes `s[range]` (offsets stay relative to `s`); hyphens between two tokens with no space set
    /// `hyphenBefore` instead of becoming tokens. Returns the tokens and, in a parallel array, their texts:
    /// lower-cased words (curly apostrophes made straight), the digits of numbers, and punctuation marks
    /// (all quotation marks become `"`, dashes `-`).
    static func tokenize(_ s: [Unicode.Scalar], in range: Range<Int>? = nil) -> ([CasualtyToken], [String]) {
        let r = range ?? 0..<s.count
        var tokens: [CasualtyToken] = []
        tokens.reserveCapacity(r.count / 3 + 4)
        var texts: [String] = []
        texts.reserveCapacity(r.count / 3 + 4)
        let n = r.upperBound
        var i = r.lowerBound
        var pendingHyphen = false
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
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
                buffer.removeAll(keepingCapacity: true)
                var seenDot = false
                while j < n {
                    let d = s[j]
                    if isDigit(d) {
                        buffer.append(UInt8(d.value))
                        j += 1
                    } else if d == ",", hasThreeDigits(s, j + 1, limit: n) {
                        j += 1  // thousands separator: "1,200"
                    } else if d == ".", !seenDot, j + 1 < n, isDigit(s[j + 1]) {
                        seenDot = true
                        buffer.append(0x2E)
                        j += 1
                    } else {
                        break
                    }
                }
                let text = String(decoding: buffer, as: UTF8.self)
                texts.append(text)
                tokens.append(CasualtyToken(kind: .number, value: Double(text) ?? 0, hash: 0, start: i, end: j,
                                            capitalized: false, hyphenBefore: pendingHyphen, attachedBefore: attached))
                pendingHyphen = false
                i = j
                continue
            }
            if isLetter(c) {
                var j = i
                buffer.removeAll(keepingCapacity: true)
                while j < n {
                    let d = s[j]
                    if d.value < 128 {
                        let v = UInt8(d.value)
                        if v >= 0x61 && v <= 0x7A {
                            buffer.append(v)
                            j += 1
                            continue
                        }
                        if v >= 0x41 && v <= 0x5A {
                            buffer.append(v + 32)
                            j += 1
                            continue
                        }
                    } else if d.properties.isAlphabetic {
                        buffer.append(contentsOf: d.properties.lowercaseMapping.utf8)
                        j += 1
                        continue
                    }
                    if (d == "'" || d == "\u{2019}"), j + 1 < n, isLetter(s[j + 1]) {
                        buffer.append(0x27)  // "Israel's", "don't"
                        j += 1
                    } else if d == ".", j - i == 1 || (j >= 2 && s[j - 2] == "."), j + 1 < n, isLetter(s[j + 1]),
                              j + 2 >= n || !isLetter(s[j + 2]) {
                        buffer.append(0x2E)  // "a.m.", "u.s."
                        j += 1
                    } else {
                        break
                    }
                }
                texts.append(String(decoding: buffer, as: UTF8.self))
                tokens.append(CasualtyToken(kind: .word, value: 0, hash: hash(buffer), start: i, end: j, capitalized: isUpper(c), hyphenBefore: pendingHyphen,
                                            attachedBefore: attached))
                pendingHyphen = false
                i = j
                continue
            }
            // A hyphen between two non-space characters joins them ("twenty-one", "10-15", "28-year-old").
            if c == "-" || c == "\u{2011}", i > r.lowerBound, i + 1 < n, isWordOrDigit(s[i - 1]), isWordOrDigit(s[i + 1]) {
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
            texts.append(mark)
            tokens.append(CasualtyToken(kind: .punct, value: 0, hash: 0, start: i, end: i + 1, capitalized: false,
                                        hyphenBefore: false, attachedBefore: attached))
            pendingHyphen = false
            i += 1
        }
        return (tokens, texts)
    }

    /// White space, ASCII first.
    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return c == " " || c == "\n" || c == "\t" || c == "\r" }
        return c.properties.isWhitespace
    }

    /// An ASCII digit.
    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    /// A letter of any script, ASCII first.
    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        return c.properties.isAlphabetic
    }

    /// An upper-case letter, ASCII first.
    @inline(__always) static func isUpper(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return c.value >= 0x41 && c.value <= 0x5A }
        return c.properties.isUppercase
    }

    /// A letter or a digit.
    @inline(__always) static func isWordOrDigit(_ c: Unicode.Scalar) -> Bool { isDigit(c) || isLetter(c) }

    /// Exactly three digits at `k`, not followed by a fourth ("1,200" but not "1,2345").
    static func hasThreeDigits(_ s: [Unicode.Scalar], _ k: Int, limit: Int) -> Bool {
        guard k + 2 < limit, isDigit(s[k]), isDigit(s[k + 1]), isDigit(s[k + 2]) else { return false }
        return k + 3 >= limit || !isDigit(s[k + 3])
    }

    /// FNV-1a hash of a lower-cased ASCII word, as the pre-filter computes it while scanning.
    @inline(__always) static func hash(_ word: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The cheap pre-filter: whether `s[range]` has a number (digits or a number word) within sixteen words of
    /// a casualty word. Words are hashed on the fly instead of being built as strings; the patterns never
    /// reach further than that between a number and its casualty word.
    static func mayHoldFigure(_ s: [Unicode.Scalar], in range: Range<Int>, numberWords: CasualtyWordTable<Bool>,
                              casualtyWords: CasualtyWordTable<Bool>) -> Bool {
        let reach = 16
        // Unsafe only to drop per-scalar bounds checks in the hottest loop; `range` lies inside `s`.
        return s.withUnsafeBufferPointer { buffer -> Bool in
            var lastNumber = Int.min / 2, lastCasualty = Int.min / 2
            var word = 0
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var inWord = false, inDigits = false
            for i in range.lowerBound...range.upperBound {
                let v = i < range.upperBound ? buffer[i].value : 32
                let lower = v | 0x20
                if lower >= 0x61 && lower <= 0x7A && (v < 0x5B || v > 0x60) {
                    h = (h ^ UInt64(lower)) &* 0x100_0000_01b3
                    inWord = true
                    continue
                }
                if v >= 48 && v <= 57 {
                    if !inDigits {
                        inDigits = true
                        word += 1
                        lastNumber = word
                        if word - lastCasualty <= reach { return true }
                    }
                    continue
                }
                if v == 0x2C || v == 0x2E { continue }  // "1,200", "1.5" stay one number
                inDigits = false
                if inWord {
                    word += 1
                    if numberWords.containsHash(h) {
                        lastNumber = word
                        if word - lastCasualty <= reach { return true }
                    }
                    if casualtyWords.containsHash(h) {
                        lastCasualty = word
                        if word - lastNumber <= reach { return true }
                    }
                    h = 0xcbf2_9ce4_8422_2325
                    inWord = false
                }
            }
            return false
        }
    }
}
