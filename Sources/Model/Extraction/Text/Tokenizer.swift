/// Splits a document into its one token array, deciding once, for every extractor, what a word is.
///
/// The decisions (each a test row in `TokenizerTests`):
/// - **Words** are runs of letters and digits. A hyphen (`-`, U+2010, U+2011), a full stop, an apostrophe
///   (`'`, `’`) or `&` between two word scalars stays inside the word: "Nagorno-Karabakh", "28-year-old",
///   "3.5", "U.S", "don't", "O’Brien", "AT&T". A hyphenated word is ONE token with `.hyphen`; its last part
///   has its own hash (`Token.tailHash`). Combining marks stay inside the word.
/// - **Numbers**: digits with thousands commas (a comma followed by exactly three digits) and a decimal
///   point are one token with `.number`: "1,200", "3.5". "2nd", "9mm" and "28-year-old" are words.
/// - **Possessives**: "'s"/"’s" ending a word is not part of the token, nor a token: the word gets
///   `.possessive` ("Israel's" -> "israel"). A plural "s'"/"s’" is a possessive too unless a single
///   quotation opened earlier in the paragraph is still open (then it closes that quotation).
/// - **Full stops** become part of the word, with `.abbreviation`, after a dotted acronym ("U.S.", "a.m."),
///   a name abbreviation of the lexicon ("Gen.", "Dr.", "Jr.", "St.") and a capital initial followed by
///   another capitalised word ("John F. Kennedy"). Other stops ("etc.", "Jan.") stay punctuation; the
///   sentence splitter reads the lexicon's `.abbreviation` class to not end a sentence there.
/// - **Folded form**: lower case, accents folded (`String.applyingFolding`: "Gəncə" -> "gence"), curly
///   apostrophes straight, hyphen variants `-`; for punctuation the mark itself, unchanged.
/// - **Quotation marks** are single-scalar punctuation tokens with `.quote`, plus `.doubleQuote` for
///   double marks; two apostrophes `''` and two back-ticks ` `` ` are one double mark. Curly and guillemet
///   marks open or close by their form; straight marks (`"`, `'`) by position: after white space or an
///   opening bracket and before a non-space they open; after a non-space they close; else neither.
///   An apostrophe inside a word is never a quotation mark.
/// - **Capitalised**: the first letter is upper case, or a lexicon `.particle` joined by a hyphen or
///   apostrophe to an upper-case part ("al-Assad", "d'Estaing"); "pro-Russian" is not.
/// - **Sentences and paragraphs**: each token knows its sentence (from `SentenceSplitter`, which reads the
///   same abbreviations) and paragraph; the first token of each gets `.sentenceStart`/`.paragraphStart`.
/// - Anything else that is not white space (symbols, emoji) is a one-scalar punctuation token. All offsets
///   count Unicode scalars, so an emoji counts one per scalar.
public enum Tokenizer {
    /// The tokens of a document's paragraphs, and the folded bytes they point into.
    static func tokenize(
        paragraphs: [[Unicode.Scalar]], starts: [Int], sentences: [Sentence], english: EnglishLexicon
    ) -> (tokens: [Token], folded: [UInt8]) {
        var total = 0
        for p in paragraphs { total += p.count }
        var state = State(english: english, foldedCapacity: total + 16)
        defer { state.folded.deallocate() }
        state.tokens.reserveCapacity(total / 4 + 8)
        for (index, scalars) in paragraphs.enumerated() {
            // Read through a buffer pointer: no bounds check nor retain on each scalar read.
            scalars.withUnsafeBufferPointer { state.paragraph($0, index: index, offset: starts[index]) }
        }
        // Sentence indices and starts, from the splitter's sentences (which never split inside a token).
        var s = 0
        var flagged = -1
        // (Through a buffer pointer: no uniqueness check nor bounds check on each token written.)
        state.tokens.withUnsafeMutableBufferPointer { tokens in
            for k in tokens.indices {
                let start = Int(tokens[k].start)
                while s + 1 < sentences.count && start >= sentences[s + 1].start { s += 1 }
                tokens[k].sentence = Int32(s)
                if s != flagged && s < sentences.count && start >= sentences[s].start {
                    tokens[k].flags.insert(.sentenceStart)
                    flagged = s
                }
            }
        }
        return (state.tokens, Array(UnsafeBufferPointer(start: state.folded, count: state.foldedCount)))
    }

    /// Whether `c` is a letter or digit of a word (any script).
    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) }
        return isNonASCIIWordScalar(c)
    }

    /// `isWordScalar` beyond ASCII. Not inlined: the property types it reads are resilient, and a caller that
    /// inlines it sets up their metadata and stack space on every call (about 200 instructions a word).
    @inline(never)
    static func isNonASCIIWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// Whether `c` is a combining mark that stays inside a word.
    @inline(__always)
    static func isMark(_ c: Unicode.Scalar) -> Bool { c.value >= 0x300 && isCombiningMark(c) }

    /// Whether `c` is a non-spacing or spacing mark (not inlined, as `isNonASCIIWordScalar`).
    @inline(never)
    static func isCombiningMark(_ c: Unicode.Scalar) -> Bool {
        c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .spacingMark
    }

    /// Whether `c` is an apostrophe or single quotation mark that may join a word (`'`, `’`).
    @inline(__always)
    static func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "\u{2019}" }

    /// Whether `c` is a hyphen inside a word (`-`, U+2010, U+2011).
    @inline(__always)
    static func isInnerHyphen(_ c: Unicode.Scalar) -> Bool { c == "-" || c == "\u{2010}" || c == "\u{2011}" }

    /// The tokenizer's working state over one document.
    struct State {
        /// The lexicon: name abbreviations and particles decide tokens.
        let english: EnglishLexicon
        /// Tokens so far.
        var tokens: [Token] = []
        /// Folded bytes so far (`foldedCount` of them): a buffer of the state's own, written without an array
        /// append's uniqueness and capacity checks on every byte; `tokenize` copies it out and frees it.
        var folded: UnsafeMutablePointer<UInt8>
        /// Bytes written to `folded`.
        var foldedCount = 0
        /// Bytes `folded` holds.
        var foldedCapacity: Int

        init(english: EnglishLexicon, foldedCapacity: Int) {
            self.english = english
            self.foldedCapacity = max(foldedCapacity, 16)
            self.folded = .allocate(capacity: self.foldedCapacity)
        }

        /// Makes room for `extra` more folded bytes.
        @inline(__always)
        mutating func reserveFolded(_ extra: Int) {
            if foldedCount + extra > foldedCapacity { growFolded(extra) }
        }

        mutating func growFolded(_ extra: Int) {
            let capacity = max(foldedCapacity * 2, foldedCount + extra)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            bigger.initialize(from: folded, count: foldedCount)
            folded.deallocate()
            folded = bigger
            foldedCapacity = capacity
        }

        /// Appends one folded byte.
        @inline(__always)
        mutating func appendFolded(_ byte: UInt8) {
            reserveFolded(1)
            folded[foldedCount] = byte
            foldedCount += 1
        }

        /// The folded bytes from `start` to the end.
        @inline(__always)
        func foldedBytes(from start: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: folded + start, count: foldedCount - start)
        }

        /// Tokenizes one paragraph whose first scalar is at `offset` in the document text.
        mutating func paragraph(_ s: UnsafeBufferPointer<Unicode.Scalar>, index: Int, offset: Int) {
            let n = s.count
            var i = 0
            var first = true
            var openSingles = 0
            while i < n {
                let c = s[i]
                if c.isSpace { i += 1; continue }
                let spaced = i == 0 || s[i - 1].isSpace
                var flags: TokenFlags = spaced ? [.spaceBefore] : []
                if first { flags.insert(.paragraphStart); first = false }
                if isWordScalar(c) {
                    i = word(s, from: i, offset: offset, paragraph: index, flags: flags, openSingles: &openSingles)
                    continue
                }
                // Two apostrophes or two back-ticks: one double quotation mark.
                var end = i + 1
                if (c == "'" || c == "`") && i + 1 < n && s[i + 1] == c { end = i + 2 }
                if let quote = Tokenizer.quoteFlags(s, i, end) {
                    flags.formUnion(quote)
                    if !quote.contains(.doubleQuote) {
                        if quote.contains(.openQuote) { openSingles += 1 }
                        if quote.contains(.closeQuote) && openSingles > 0 { openSingles -= 1 }
                    }
                }
                flags.insert(.punctuation)
                switch c {
                case ".", "!", "?", "\u{2026}": flags.insert(.sentenceEnd)
                case "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}": flags.insert(.hyphen)
                default: break
                }
                let foldedStart = foldedCount
                var h = FNV1a.basis
                for k in i..<end {
                    UTF8.encode(s[k]) { byte in
                        appendFolded(byte)
                        h = FNV1a.combine(h, byte)
                    }
                }
                tokens.append(Token(
                    start: Int32(offset + i), end: Int32(offset + end), foldedStart: Int32(foldedStart),
                    foldedCount: Int32(foldedCount - foldedStart), hash: h, tailHash: h, flags: flags,
                    classes: [], sentence: 0, paragraph: Int32(index)))
                i = end
            }
        }

        /// Reads the word starting at `i`, appends its token, and returns where the next token may start.
        mutating func word(
            _ s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int, offset: Int, paragraph: Int, flags: TokenFlags,
            openSingles: inout Int
        ) -> Int {
            let n = s.count
            var flags = flags
            flags.insert(.word)
            var j = i + 1
            var ascii = s[i].value < 0x80
            var numeric = s[i].isDigit
            var dots = 0
            var hyphens = 0
            var firstJoin = -1
            // Where the part after the last inner mark starts ("S" of "U.S").
            var partStart = i
            while j < n {
                let d = s[j]
                if isWordScalar(d) {
                    if d.value >= 0x80 { ascii = false }
                    if !d.isDigit { numeric = false }
                    j += 1
                    continue
                }
                if d.value >= 0x300 && isMark(d) { ascii = false; j += 1; continue }
                guard j + 1 < n, isWordScalar(s[j + 1]) else { break }
                let next = s[j + 1]
                if isApostrophe(d) {
                    // "Israel's": the possessive ending is not part of the word.
                    if (next == "s" || next == "S") && (j + 2 >= n || !isWordScalar(s[j + 2])) { break }
                    numeric = false
                } else if isInnerHyphen(d) {
                    hyphens += 1
                    numeric = false
                } else if d == "." {
                    // "Abayeho.He": a full stop with no space after a longer part, before a capital, ends a
                    // sentence that is missing its space; "U.S", "a.m", "3.5" stay one word.
                    if next.isUpper && j - partStart > 2 { break }
                    dots += 1
                    if !next.isDigit || dots > 1 { numeric = false }
                } else if d == "," {
                    // "1,200": a thousands comma inside a number only.
                    guard numeric && s[j - 1].isDigit && Tokenizer.threeDigits(s, j + 1) else { break }
                } else if d == "&" {
                    numeric = false
                } else {
                    break
                }
                if firstJoin < 0 { firstJoin = j }
                if d.value >= 0x80 { ascii = false }
                partStart = j + 1
                j += 2
            }
            var end = j
            // A full stop that belongs to the word: dotted acronym, name abbreviation, initial.
            var takesStop = false
            if end < n && s[end] == "." && !numeric {
                if dots > 0 && Tokenizer.isDottedAcronym(s, i, end) {
                    takesStop = true
                } else if end - i == 1 && s[i].isUpper {
                    var k = end + 1
                    while k < n && s[k].isSpace { k += 1 }
                    takesStop = k > end + 1 && k < n && s[k].isUpper
                }
            }
            // The folded form and its hashes.
            let foldedStart = foldedCount
            var h = FNV1a.basis
            var tail = FNV1a.basis
            var letters = 0
            var upper = 0
            if ascii {
                // One byte a scalar: room made once, then written in place.
                reserveFolded(end - i)
                let out = folded + foldedCount
                for k in i..<end {
                    var v = UInt8(truncatingIfNeeded: s[k].value)
                    if v &- 0x41 < 26 { v |= 0x20; letters &+= 1; upper &+= 1 }
                    else if v &- 0x61 < 26 { letters &+= 1 }
                    out[k - i] = v
                    h = FNV1a.combine(h, v)
                    tail = v == 0x2D ? FNV1a.basis : FNV1a.combine(tail, v)
                }
                foldedCount += end - i
            } else {
                var surface = String.UnicodeScalarView()
                for k in i..<end {
                    let d = s[k]
                    if Unicode.Scalar.alphabetic(d) {
                        letters += 1
                        if Unicode.Scalar.uppercase(d) { upper += 1 }
                    }
                    surface.append(isApostrophe(d) ? "'" : isInnerHyphen(d) ? "-" : d)
                }
                for v in String(surface).applyingFolding().utf8 {
                    appendFolded(v)
                    h = FNV1a.combine(h, v)
                    tail = v == 0x2D ? FNV1a.basis : FNV1a.combine(tail, v)
                }
            }
            let classes = english.words.value(hash: h, bytes: foldedBytes(from: foldedStart)) ?? []
            if !takesStop && end < n && s[end] == "." && classes.contains(.nameAbbreviation) { takesStop = true }
            if takesStop {
                end += 1
                flags.insert(.abbreviation)
            }
            if hyphens == 0 { tail = h }
            if numeric { flags.insert(.number) }
            if hyphens > 0 { flags.insert(.hyphen) }
            if letters >= 2 && upper == letters { flags.insert(.allCaps) }
            if s[i].isUpper {
                flags.insert(.capitalized)
            } else if firstJoin > i, firstJoin + 1 < n, s[firstJoin + 1].isUpper,
                      isInnerHyphen(s[firstJoin]) || isApostrophe(s[firstJoin]) {
                // "al-Assad", "d'Estaing": a particle joined to a capitalised name.
                // The particle's scalars are ASCII letters, so its folded bytes are as many as its scalars.
                let prefix = UnsafeBufferPointer(start: folded + foldedStart, count: firstJoin - i)
                if s[i..<firstJoin].allSatisfy({ $0.value < 0x80 }),
                   english.words.value(hash: FNV1a.hash(prefix), bytes: prefix)?.contains(.particle) == true {
                    flags.insert(.capitalized)
                }
            }
            var next = end
            if !takesStop && end + 1 < n && isApostrophe(s[end]) && (s[end + 1] == "s" || s[end + 1] == "S")
                && (end + 2 >= n || !isWordScalar(s[end + 2])) {
                // "Israel's", "Israel’s".
                flags.insert(.possessive)
                next = end + 2
            } else if !takesStop && end < n && isApostrophe(s[end]) && (s[end - 1] == "s" || s[end - 1] == "S")
                        && openSingles == 0 {
                // "the Houthis’ council": a plural possessive, unless a single quotation is open; the
                // apostrophe must be followed by a word, so that a stray closing mark stays a mark.
                var k = end + 1
                while k < n && s[k].isSpace { k += 1 }
                if k > end + 1 && k < n && isWordScalar(s[k]) {
                    flags.insert(.possessive)
                    next = end + 1
                }
            }
            tokens.append(Token(
                start: Int32(offset + i), end: Int32(offset + end), foldedStart: Int32(foldedStart),
                foldedCount: Int32(foldedCount - foldedStart), hash: h, tailHash: tail, flags: flags,
                classes: classes, sentence: 0, paragraph: Int32(paragraph)))
            return next
        }
    }

    /// Whether three ASCII digits start at `k` and no digit follows them.
    static func threeDigits(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ k: Int) -> Bool {
        guard k + 3 <= s.count, s[k].isDigit, s[k + 1].isDigit, s[k + 2].isDigit else { return false }
        return k + 3 == s.count || !s[k + 3].isDigit
    }

    /// Whether `s[a..<b]` is letters joined by full stops, each part one or two letters ("U.S", "a.m").
    static func isDottedAcronym(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ a: Int, _ b: Int) -> Bool {
        var run = 0
        for k in a..<b {
            if s[k] == "." { run = 0; continue }
            guard s[k].isLetter else { return false }
            run += 1
            if run > 2 { return false }
        }
        return true
    }

    /// The quotation flags of the mark `s[i..<end]`, or nil when it is no quotation mark.
    static func quoteFlags(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ end: Int) -> TokenFlags? {
        let c = s[i]
        switch c.value {
        case 0x201C, 0x201E, 0x00AB: return [.quote, .doubleQuote, .openQuote]
        case 0x201D, 0x00BB: return [.quote, .doubleQuote, .closeQuote]
        case 0x2018, 0x201A: return [.quote, .openQuote]
        case 0x2019: return [.quote, .closeQuote]
        case 0x60 where end == i + 2: return [.quote, .doubleQuote, .openQuote]
        case 0x22, 0x27:
            var flags: TokenFlags = c == "\"" || end == i + 2 ? [.quote, .doubleQuote] : [.quote]
            let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
            let after: Unicode.Scalar? = end < s.count ? s[end] : nil
            let openBefore = before.map { $0.isSpace || "([{\u{2014}\u{2013}/".unicodeScalars.contains($0) } ?? true
            let spaceAfter = after.map { $0.isSpace } ?? true
            if openBefore && !spaceAfter {
                flags.insert(.openQuote)
            } else if !openBefore {
                flags.insert(.closeQuote)
            }
            return flags
        default: return nil
        }
    }
}
