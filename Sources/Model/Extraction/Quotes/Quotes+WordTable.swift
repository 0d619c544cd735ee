/// The word table behind `QuoteLexicon.info(bytes:)`.
extension QuoteLexicon {
    /// An open-addressing table from lower-case ASCII words to what the lists say about them, hashed with
    /// FNV-1a: a lookup hashes a token's bytes without building a string or running the standard hasher.
    /// A class, so that copying the lexicon retains the table once, not each of its arrays.
    final class WordTable: Sendable {
        /// For each slot, the index of its entry plus one; 0 for an empty slot.
        private let slots: [Int32]
        /// All keys' bytes, one after another.
        private let keyBytes: [UInt8]
        /// Where each key starts in `keyBytes`, and one past its end at the next index.
        private let keyStarts: [Int32]
        /// Values, parallel to the keys.
        private let values: [QuoteLexicon.WordInfo]
        /// Slot count minus one (a power of two minus one).
        private let mask: Int

        /// Builds the table; non-ASCII keys are left to the dictionary.
        init(_ words: [String: QuoteLexicon.WordInfo]) {
            var size = 16
            while size < words.count * 4 { size *= 2 }
            var slots = [Int32](repeating: 0, count: size)
            var keyBytes: [UInt8] = []
            var keyStarts: [Int32] = [0]
            var values: [QuoteLexicon.WordInfo] = []
            for (word, info) in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
                let bytes = Array(word.utf8)
                var slot = Int(truncatingIfNeeded: Self.hash(bytes[...])) & (size - 1)
                while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
                keyBytes.append(contentsOf: bytes)
                keyStarts.append(Int32(keyBytes.count))
                values.append(info)
                slots[slot] = Int32(values.count)
            }
            self.slots = slots
            self.keyBytes = keyBytes
            self.keyStarts = keyStarts
            self.values = values
            self.mask = size - 1
        }

        /// FNV-1a over the bytes.
        @inline(__always)
        static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes {
                h ^= UInt64(b)
                h &*= 0x0000_0100_0000_01B3
            }
            return h
        }

        /// The info of a word, if listed.
        subscript(bytes: ArraySlice<UInt8>) -> QuoteLexicon.WordInfo? {
            var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return nil }
                let start = Int(keyStarts[entry - 1])
                let end = Int(keyStarts[entry])
                if end - start == bytes.count {
                    var same = true
                    var k = start
                    for b in bytes {
                        if keyBytes[k] != b { same = false; break }
                        k += 1
                    }
                    if same { return values[entry - 1] }
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
