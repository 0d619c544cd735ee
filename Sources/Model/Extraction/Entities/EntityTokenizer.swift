/// One word or punctuation mark of a paragraph, as the entity extractor sees it.
struct EntityToken: Sendable {
    /// First scalar of the token in its paragraph.
    var start: Int
    /// One past the last scalar (a possessive "'s" is not part of the token).
    var end: Int
    /// Lower-cased, accents folded, curly apostrophes straightened; for punctuation the mark itself.
    var folded: String
    /// A word (letters, digits, inner hyphens and apostrophes) rather than a punctuation mark.
    var isWord: Bool
    /// Starts with an upper-case letter, or is a name particle joined to one ("al-Assad").
    var isCapitalized: Bool
    /// Two or more letters, all upper case ("IDF", "U.S.").
    var isAllCaps: Bool
    /// Followed by a possessive "'s" or "’s".
    var isPossessive: Bool
    /// The first word of a sentence (or of a quotation, or after a colon).
    var isSentenceStart: Bool
    /// Contains a hyphen between letters ("Moscow-mediated", "Nagorno-Karabakh").
    var isHyphenated: Bool
}

/// Splits a paragraph's scalars into `EntityToken`s in one pass.
enum EntityTokenizer {
    /// Abbreviations whose full stop does not end a sentence (folded, without the stop).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "cpl", "adm", "cmdr", "gov",
        "sen", "rep", "rev", "st", "mt", "jr", "sr", "brig", "hon", "no", "vs", "inc", "ltd", "co", "corp",
    ]

    /// Lower-case particles that begin Arabic and other names when joined by a hyphen ("al-Assad").
    static let particles: Set<String> = [
        "al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "ibn", "bin", "wal", "abu", "de", "da", "di", "du",
        "d", "l", "van", "von", "ben", "bint", "ul",
    ]

    /// Tokens of `s`.
    static func tokenize(_ s: [Unicode.Scalar]) -> [EntityToken] {
        tokenize(s[...])
    }

    /// Tokens of `s`; offsets are relative to `s.startIndex`.
    static func tokenize(_ s: ArraySlice<Unicode.Scalar>) -> [EntityToken] {
        var tokens: [EntityToken] = []
        tokens.reserveCapacity(s.count / 4 + 8)
        let base = s.startIndex
        let n = s.endIndex
        var i = base
        var atStart = true
        while i < n {
            let c = s[i]
            if isWordScalar(c) {
                var j = i + 1
                var hyphenated = false
                // Dotted acronyms: "U.S.", "U.N."
                if c.isUpper && j + 2 < n && s[j] == "." && s[j + 1].isUpper
                    && s[j + 2] == "." {
                    while j + 2 < n && s[j] == "." && s[j + 1].isUpper && s[j + 2] == "." { j += 2 }
                    j += 1  // the final stop
                } else {
                    while j < n {
                        if isWordScalar(s[j]) { j += 1; continue }
                        let d = s[j]
                        if j + 1 < n && isWordScalar(s[j + 1]) {
                            if d == "-" || d == "\u{2010}" || d == "\u{2011}" {
                                hyphenated = true
                                j += 2
                                continue
                            }
                            if d == "'" || d == "\u{2019}" {
                                // "’s" at the end of a word is a possessive, not part of it.
                                if (s[j + 1] == "s" || s[j + 1] == "S") && (j + 2 >= n || !isWordScalar(s[j + 2])) { break }
                                j += 2
                                continue
                            }
                        }
                        break
                    }
                }
                var token = EntityToken(
                    start: i - base, end: j - base, folded: fold(s[i..<j]), isWord: true,
                    isCapitalized: isCapitalized(s[i..<j]), isAllCaps: isAllCaps(s[i..<j]),
                    isPossessive: false, isSentenceStart: atStart, isHyphenated: hyphenated)
                atStart = false
                if j + 1 < n && (s[j] == "'" || s[j] == "\u{2019}") && (s[j + 1] == "s" || s[j + 1] == "S") {
                    token.isPossessive = true
                    j += 2
                } else if j < n && (s[j] == "'" || s[j] == "\u{2019}") && j > i && (s[j - 1] == "s") {
                    j += 1  // plural possessive "Workers'": the apostrophe belongs to neither side
                }
                tokens.append(token)
                i = j
                continue
            }
            if c.isSpace { i += 1; continue }
            // Punctuation.
            let mark = String(c)
            if c == "." || c == "!" || c == "?" || c == ":" || c == ";" {
                // A stop after a title abbreviation or an initial does not start a sentence.
                if c == ".", let last = tokens.last, last.isWord, last.end == i - base,
                   abbreviations.contains(last.folded) || (last.end - last.start == 1 && last.isCapitalized) {
                } else if c != ";" {
                    atStart = true
                }
            } else if c == "\u{201C}" || c == "\"" || c == "\u{2018}" {
                // An opening quotation starts a sentence of its own; a closing one does not.
                if i + 1 < n && isWordScalar(s[i + 1]) { atStart = true }
            }
            tokens.append(EntityToken(
                start: i - base, end: i + 1 - base, folded: mark, isWord: false, isCapitalized: false,
                isAllCaps: false, isPossessive: false, isSentenceStart: false, isHyphenated: false))
            i += 1
        }
        return tokens
    }

    /// Folded word tokens of a name, for gazetteer keys.
    static func keyTokens(_ name: String) -> [String] {
        tokenize(Array(name.unicodeScalars)).filter { $0.isWord || $0.folded == "&" }.map(\.folded)
    }

    /// Letters and digits.
    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            let v = c.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// Lower-cased and folded text of a word.
    static func fold(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var ascii = true
        for c in s where c.value >= 0x80 { ascii = false; break }
        if ascii {
            // Lower-cased bytes straight into a string: no scalar view, no heap for short words.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: s.count) { buffer in
                var k = 0
                for c in s {
                    let v = UInt8(truncatingIfNeeded: c.value)
                    buffer[k] = (v >= 0x41 && v <= 0x5A) ? v + 32 : v
                    k += 1
                }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<k]), as: UTF8.self)
            }
        }
        return String(scalars: s).applyingFolding()
    }

    /// Starts upper case, or is a short lower-case particle joined by a hyphen to an upper-case part
    /// ("al-Assad", "wal-Muslimin").
    static func isCapitalized(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = s.first else { return false }
        if first.isUpper { return true }
        if !first.isLower { return false }
        var k = s.startIndex
        while k < s.endIndex && k - s.startIndex < 4 && s[k].isLower { k += 1 }
        guard k - s.startIndex <= 3, k + 1 < s.endIndex, s[k] == "-" || s[k] == "'" || s[k] == "\u{2019}",
              s[k + 1].isUpper else { return false }
        return particles.contains(String(scalars: s[s.startIndex..<k]))
    }

    /// Two or more letters, none lower case.
    static func isAllCaps(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = s.first, first.isUpper else { return false }
        var letters = 0
        for c in s {
            if c.isLower { return false }
            if c.isLetter { letters += 1 }
        }
        return letters >= 2
    }
}
