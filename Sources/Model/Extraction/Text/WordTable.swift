/// A read-only open-addressing hash table from folded words to values, keyed by the one word hash
/// (`FNV1a`), so that a token's look-up reuses `Token.hash` and compares bytes only on a hash match.
///
/// Keys are stored once as concatenated UTF-8 bytes. Built once with the lexicon, shared by all threads;
/// a hash collision never makes an unrelated word match, since the key's bytes are compared.
public struct WordTable<Value: Sendable>: Sendable {
    /// For each slot, the index of its entry plus one; 0 for an empty slot.
    private let slots: [Int32]
    /// Each entry's full hash, to skip byte comparisons on a collision of slots.
    private let hashes: [UInt64]
    /// All keys' bytes, one after another.
    private let keyBytes: [UInt8]
    /// Where each key starts in `keyBytes`; the next index holds one past its end.
    private let keyStarts: [Int32]
    /// Values, parallel to the keys.
    private let values: [Value]
    /// Slot count minus one (the slot count is a power of two, at least twice the entries).
    private let mask: Int

    /// A table of the entries of `dictionary`; keys are used as given (fold them first).
    public init(_ dictionary: [String: Value]) {
        var size = 16
        while size < dictionary.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        var hashes: [UInt64] = []
        var keyBytes: [UInt8] = []
        var keyStarts: [Int32] = [0]
        var values: [Value] = []
        hashes.reserveCapacity(dictionary.count)
        values.reserveCapacity(dictionary.count)
        // Sorted, so that the table's layout does not depend on the dictionary's seeded order.
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            let h = FNV1a.hash(key)
            var slot = Self.slot(h, size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            keyBytes.append(contentsOf: key.utf8)
            keyStarts.append(Int32(keyBytes.count))
            hashes.append(h)
            values.append(value)
            slots[slot] = Int32(values.count)
        }
        self.slots = slots
        self.hashes = hashes
        self.keyBytes = keyBytes
        self.keyStarts = keyStarts
        self.values = values
        self.mask = size - 1
    }

    /// An empty table.
    public init() { self.init([:]) }

    /// Number of words.
    public var count: Int { values.count }

    /// The first slot of hash `h`: the high bits folded in, as FNV-1a's low bits vary least.
    @inline(__always)
    private static func slot(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) & mask }

    /// The value of the word whose folded bytes are `bytes` and whose hash is `hash` (`FNV1a.hash(bytes)`).
    @inline(__always)
    public func value(hash: UInt64, bytes: ArraySlice<UInt8>) -> Value? {
        bytes.withUnsafeBufferPointer { value(hash: hash, bytes: $0) }
    }

    /// The value of a folded word given as bytes.
    public subscript(bytes bytes: ArraySlice<UInt8>) -> Value? { value(hash: FNV1a.hash(bytes), bytes: bytes) }

    /// The value of a folded word.
    public subscript(word: String) -> Value? {
        var word = word
        return word.withUTF8 { buffer in
            let bytes = ArraySlice(buffer)
            return value(hash: FNV1a.hash(bytes), bytes: bytes)
        }
    }

    /// The value of a token's folded form in `document`.
    @inline(__always)
    public func value(of token: Token, in document: Document) -> Value? {
        // Through a buffer pointer: no slice of the folded bytes (a retain and a release) per probe.
        document.foldedBytes.withUnsafeBufferPointer { folded in
            value(hash: token.hash, bytes: UnsafeBufferPointer(
                rebasing: folded[Int(token.foldedStart)..<Int(token.foldedStart + token.foldedCount)]))
        }
    }

    /// The value of the word `bytes` whose `FNV1a.hash` is `hash`, or nil.
    @inline(__always)
    func value(hash: UInt64, bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        var slot = Self.slot(hash, mask)
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash {
                let start = Int(keyStarts[entry - 1])
                let end = Int(keyStarts[entry])
                if end - start == bytes.count && Self.equal(keyBytes, start, bytes) {
                    return values[entry - 1]
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Whether `keys[start..<start + bytes.count]` holds `bytes` (the caller checked the length).
    @inline(__always)
    private static func equal(_ keys: [UInt8], _ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        keys.withUnsafeBufferPointer { k in
            for i in 0..<bytes.count where k[start + i] != bytes[i] { return false }
            return true
        }
    }

    /// Every key with its value, in no particular order (for tests and diagnostics).
    public var entries: [(key: String, value: Value)] {
        values.indices.map { i in
            (String(decoding: keyBytes[Int(keyStarts[i])..<Int(keyStarts[i + 1])], as: UTF8.self), values[i])
        }
    }
}
