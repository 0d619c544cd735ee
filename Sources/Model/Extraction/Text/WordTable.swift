/// A read-only hash table from folded words to values, hashed with FNV-1a: much cheaper than `Dictionary`'s
/// seeded SipHash for the many short-word lookups of extraction. Built once with the lexicon.
struct WordTable<Value: Sendable>: Sendable {
    /// Open-addressing slots: an index into `keys` and `values`, or -1 when empty.
    private let slots: [Int32]
    /// The words.
    private let keys: [String]
    /// The value of each word.
    private let values: [Value]
    /// `slots.count - 1`; the slot count is a power of two.
    private let mask: Int

    /// A table of the entries of `dictionary`.
    init(_ dictionary: [String: Value]) {
        var capacity = 16
        while capacity < dictionary.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        var keys: [String] = []
        var values: [Value] = []
        keys.reserveCapacity(dictionary.count)
        values.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            var i = Self.hash(key) & (capacity - 1)
            while slots[i] >= 0 { i = (i + 1) & (capacity - 1) }
            slots[i] = Int32(keys.count)
            keys.append(key)
            values.append(value)
        }
        self.slots = slots
        self.keys = keys
        self.values = values
        self.mask = capacity - 1
    }

    /// Number of words.
    var count: Int { keys.count }

    /// FNV-1a over the UTF-8 bytes, folded to an `Int`.
    @inline(__always)
    static func hash(_ word: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The value of `word`, if any.
    subscript(word: String) -> Value? {
        var i = Self.hash(word) & mask
        while true {
            let slot = slots[i]
            if slot < 0 { return nil }
            if keys[Int(slot)] == word { return values[Int(slot)] }
            i = (i + 1) & mask
        }
    }
}
