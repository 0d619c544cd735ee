/// A part of a document token as the casualty patterns read it: the token itself, or one side of an inner
/// hyphen ("twenty-one", "28-year-old", "10-15") or of a digit-letter join ("9mm", "1.5m", "1990s").
///
/// Parts are read from `Document.tokens` (the one tokenization) and their folded bytes, never from the text:
/// the patterns need the sides of a hyphen as words of their own, which the shared tokenizer keeps in one
/// token on purpose.
struct TokenPart {
    /// What the part is.
    enum Kind: UInt8 { case word, number, punct }

    /// Word, number or punctuation.
    let kind: Kind
    /// The numeric value of a number part.
    let value: Double
    /// `FNV1a.hash` of the folded bytes (the token's own hash when the part is the whole token).
    let hash: UInt64
    /// Where the folded bytes start in `Document.foldedBytes`.
    let foldedStart: Int
    /// Length of the folded bytes.
    let foldedCount: Int
    /// First scalar in the document text.
    let start: Int
    /// One past the last scalar in the document text.
    let end: Int
    /// The word starts with an upper-case letter.
    let capitalized: Bool
    /// Joined to the part before by a hyphen ("twenty-one", "28-year").
    let hyphenBefore: Bool
    /// Touches the part before with no space or hyphen ("9mm", "$415", "4:45").
    let attachedBefore: Bool
    /// A number written with a decimal point ("7.3").
    let decimal: Bool
    /// What the English lexicon says of the whole token (months, weekdays); empty for inner parts.
    let classes: WordClasses

    /// A word part.
    var isWord: Bool { kind == .word }
    /// A number part.
    var isNumber: Bool { kind == .number }
    /// A punctuation part.
    var isPunct: Bool { kind == .punct }

    /// The parts of `document.tokens[range]` and, in a parallel array, their texts: folded words, the digits
    /// of numbers (no thousands commas), and punctuation marks (quotation marks as `"`, dashes as `-`).
    static func parts(of range: Range<Int>, in document: Document) -> ([TokenPart], [String]) {
        var parts: [TokenPart] = []
        var texts: [String] = []
        parts.reserveCapacity(range.count + 4)
        texts.reserveCapacity(range.count + 4)
        let bytes = document.foldedBytes
        for i in range {
            let token = document.tokens[i]
            let attached = !token.is(.spaceBefore) && i > range.lowerBound
            let fs = Int(token.foldedStart), fc = Int(token.foldedCount)
            if token.isPunctuation {
                let mark = token.is(.quote) ? "\"" : token.is(.hyphen) ? "-" : document.surface(token)
                parts.append(TokenPart(kind: .punct, value: 0, hash: token.hash, foldedStart: fs, foldedCount: fc,
                                       start: Int(token.start), end: Int(token.end), capitalized: false,
                                       hyphenBefore: false, attachedBefore: attached, decimal: false, classes: []))
                texts.append(mark)
                continue
            }
            let simple = token.is(.number) || (!token.is(.hyphen) && !bytes[fs..<(fs + fc)].contains(where: isDigit)
                && !(fs..<(fs + fc)).contains(where: { gluedStop(bytes, $0, fs, fs + fc) }))
            if simple {
                let isNumber = token.is(.number)
                let text = isNumber ? digits(bytes[fs..<(fs + fc)]) : document.foldedString(token)
                parts.append(TokenPart(kind: isNumber ? .number : .word, value: isNumber ? Double(text) ?? 0 : 0,
                                       hash: token.hash, foldedStart: fs, foldedCount: fc, start: Int(token.start),
                                       end: Int(token.end), capitalized: token.is(.capitalized), hyphenBefore: false,
                                       attachedBefore: attached, decimal: isNumber && text.contains("."),
                                       classes: token.classes))
                texts.append(text)
                continue
            }
            // Offsets of inner parts are exact when the folded form has one byte a scalar (ASCII); otherwise
            // each part carries the whole token's offsets.
            let exact = fc == token.length
            let scalars = document.scalars(token)
            var k = fs
            var first = true
            var afterHyphen = false
            while k < fs + fc {
                if bytes[k] == 0x2D {  // "-"
                    afterHyphen = true
                    k += 1
                    continue
                }
                if gluedStop(bytes, k, fs, fs + fc) {
                    let at = exact ? Int(token.start) + (k - fs) : Int(token.start)
                    parts.append(TokenPart(kind: .punct, value: 0, hash: FNV1a.hash(bytes[k..<(k + 1)]), foldedStart: k,
                                           foldedCount: 1, start: at, end: exact ? at + 1 : Int(token.end),
                                           capitalized: false, hyphenBefore: false, attachedBefore: true,
                                           decimal: false, classes: []))
                    texts.append(".")
                    k += 1
                    first = false
                    continue
                }
                var e = k
                var kind = Kind.word
                var decimal = false
                if isDigit(bytes[k]) {
                    kind = .number
                    let limit = fs + fc
                    while e < limit {
                        if isDigit(bytes[e]) { e += 1; continue }
                        // A thousands comma: exactly three digits after it ("1,200").
                        if bytes[e] == 0x2C, (1...3).allSatisfy({ e + $0 < limit && isDigit(bytes[e + $0]) }),
                           e + 4 >= limit || !isDigit(bytes[e + 4]) { e += 1; continue }
                        if bytes[e] == 0x2E, !decimal, e + 1 < fs + fc, isDigit(bytes[e + 1]) { decimal = true; e += 1; continue }
                        break
                    }
                } else {
                    while e < fs + fc && bytes[e] != 0x2D && !isDigit(bytes[e]) && !gluedStop(bytes, e, fs, fs + fc) { e += 1 }
                }
                if e == k { e += 1 }
                let slice = bytes[k..<e]
                let text = kind == .number ? digits(slice) : String(decoding: slice, as: UTF8.self)
                let start = exact ? Int(token.start) + (k - fs) : Int(token.start)
                let end = exact ? Int(token.start) + (e - fs) : Int(token.end)
                let capitalized = first ? token.is(.capitalized)
                    : exact && k - fs < scalars.count && scalars[scalars.startIndex + (k - fs)].properties.isUppercase
                parts.append(TokenPart(kind: kind, value: kind == .number ? Double(text) ?? 0 : 0,
                                       hash: FNV1a.hash(slice), foldedStart: k, foldedCount: e - k, start: start,
                                       end: end, capitalized: capitalized, hyphenBefore: afterHyphen,
                                       attachedBefore: first ? attached : !afterHyphen, decimal: decimal,
                                       classes: first && e == fs + fc ? token.classes : []))
                texts.append(text)
                first = false
                afterHyphen = false
                k = e
            }
        }
        return (parts, texts)
    }

    /// A full stop between two words written without a space ("Menifee.Five people were shot"): two letters
    /// or more on each side, so that "u.s", "a.m" and "3.5" stay whole.
    static func gluedStop(_ b: [UInt8], _ k: Int, _ start: Int, _ end: Int) -> Bool {
        guard b[k] == 0x2E, k - start >= 2, end - k > 2 else { return false }
        return isLetter(b[k - 1]) && isLetter(b[k - 2]) && isLetter(b[k + 1]) && isLetter(b[k + 2])
    }

    /// An ASCII lower-case letter (folded bytes are lower case).
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    /// An ASCII digit.
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The digits and decimal point of a numeral, without thousands commas ("1,200" → "1200").
    static func digits(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.filter { $0 != 0x2C }, as: UTF8.self)
    }
}
