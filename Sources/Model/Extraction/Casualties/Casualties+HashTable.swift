/// A small open-addressing table keyed by a word's FNV-1a hash (`CasualtyTokenizer.hash`).
///
/// The extractor looks every word up several times; `Set<String>` and `Dictionary` pay for SipHash on each
/// look-up, this table pays one multiply-xor per byte once per word and a masked index per look-up.
/// Keys keep their word, so a hash collision never makes an unrelated word match.
struct CasualtyWordTable<Value: Sendable>: Sendable {
    private var hashes: [UInt64]
    private var words: [String]
    private var values: [Value?]
    private let mask: Int

    /// An empty table sized for about `capacity` words.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 4 { size <<= 1 }
        hashes = Array(repeating: 0, count: size)
        words = Array(repeating: "", count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
    }

    /// A table of the given words and values.
    init(_ pairs: [(String, Value)]) {
        self.init(capacity: pairs.count)
        for (word, value) in pairs { self[word] = value }
    }

    /// The value stored for `word`.
    subscript(word: String) -> Value? {
        get { lookup(CasualtyTokenizer.hash(word.utf8), word) }
        set {
            let h = CasualtyTokenizer.hash(word.utf8)
            var i = Int(truncatingIfNeeded: h) & mask
            while hashes[i] != 0 && !(hashes[i] == h && words[i] == word) { i = (i + 1) & mask }
            hashes[i] = h
            words[i] = word
            values[i] = newValue
        }
    }

    /// The value stored for a word whose hash is `h`; `word` is compared only when a hash matches.
    @inline(__always) func lookup(_ h: UInt64, _ word: borrowing String) -> Value? {
        var i = Int(truncatingIfNeeded: h) & mask
        while hashes[i] != 0 {
            if hashes[i] == h && words[i] == word { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Whether `word` is stored.
    @inline(__always) func contains(_ word: String) -> Bool { self[word] != nil }

    /// Whether some stored word has hash `h` (the pre-filter's test; a collision costs only time).
    @inline(__always) func containsHash(_ h: UInt64) -> Bool {
        var i = Int(truncatingIfNeeded: h) & mask
        while hashes[i] != 0 {
            if hashes[i] == h { return true }
            i = (i + 1) & mask
        }
        return false
    }

    /// A set of words, as a table of `true`.
    static func of(_ words: [String]) -> CasualtyWordTable<Bool> where Value == Bool {
        CasualtyWordTable<Bool>(words.map { ($0, true) })
    }
}
