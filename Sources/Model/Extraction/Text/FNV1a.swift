/// The one FNV-1a hash of Newsdesk (64 bit): word hashes, data versions and ETags.
///
/// The tokenizer hashes every word's folded UTF-8 bytes once (`Token.hash`); `WordTable` is keyed by the
/// same hash, so a look-up by token never hashes again. FNV-1a is a multiply and an exclusive-or per
/// byte: much cheaper than `Hasher`'s seeded SipHash for short words, and stable across runs.
public struct FNV1a: Sendable {
    /// The hash so far.
    public private(set) var value: UInt64 = FNV1a.basis

    /// Creates a fresh hash.
    public init() {}

    /// Mixes in bytes.
    public mutating func combine<S: Sequence>(bytes: S) where S.Element == UInt8 {
        for b in bytes { value = Self.combine(value, b) }
    }

    /// Mixes in an array's bytes: the same hash as the generic form, in a loop over the buffer. Called from
    /// another module (the ETag of every response), the generic form is not specialized and steps through the
    /// `Sequence` witnesses byte by byte: about 430 instructions a byte, 96% of an uncached `/speakers`.
    public mutating func combine(bytes: [UInt8]) {
        var h = value
        bytes.withUnsafeBufferPointer { buffer in
            for b in buffer { h = Self.combine(h, b) }
        }
        value = h
    }

    /// Mixes in a string and a separator.
    public mutating func combine(_ text: String) {
        combine(bytes: text.utf8)
        combine(bytes: CollectionOfOne(0xFF))
    }

    /// The FNV-1a offset basis: the hash of no bytes.
    public static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of `bytes`.
    @inlinable
    public static func hash<C: Sequence>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = basis
        for byte in bytes { h = (h ^ UInt64(byte)) &* prime }
        return h
    }

    /// The hash of a string's UTF-8 bytes (the string should already be folded: `String.applyingFolding()`).
    @inlinable
    public static func hash(_ word: String) -> UInt64 { hash(word.utf8) }

    /// `h` extended by one more byte, for hashing while a word is read.
    @inlinable @inline(__always)
    public static func combine(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* prime }
}
