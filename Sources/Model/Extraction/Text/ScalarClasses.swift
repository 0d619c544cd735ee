/// Character classes with an ASCII fast path: `Unicode.Scalar.Properties` lookups are slow, and news
/// text is mostly ASCII, so extraction and loading ask these instead.
extension Unicode.Scalar {
    /// White space (space, tab, newlines, no-break space and other Unicode spaces).
    @inlinable public var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return Unicode.Scalar.whitespace(self)
    }

    /// A letter (any script).
    @inlinable public var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return Unicode.Scalar.alphabetic(self)
    }

    /// An ASCII digit.
    @inlinable public var isDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// A letter or an ASCII digit.
    @inlinable public var isWordScalar: Bool { isDigit || isLetter }

    /// An upper-case letter.
    @inlinable public var isUpper: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return Unicode.Scalar.uppercase(self)
    }

    /// A lower-case letter.
    @inlinable public var isLower: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return Unicode.Scalar.lowercase(self)
    }
}

extension Unicode.Scalar {
    // The non-ASCII branches, not inlined: `Unicode.Scalar.Properties` is resilient, and a caller that inlines a
    // read of it sets up its metadata and stack space on every call, whether the scalar is ASCII or not.
    @usableFromInline @inline(never) static func whitespace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
    @usableFromInline @inline(never) static func alphabetic(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
    @usableFromInline @inline(never) static func uppercase(_ s: Unicode.Scalar) -> Bool { s.properties.isUppercase }
    @usableFromInline @inline(never) static func lowercase(_ s: Unicode.Scalar) -> Bool { s.properties.isLowercase }
}

extension String {
    /// A string from scalars, encoded through UTF-8 bytes (much faster than appending to a scalar view).
    @inlinable public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        // Sized first, then written in place: one allocation of the exact size (none up to 15 bytes), no
        // intermediate byte array.
        var size = 0
        for s in scalars {
            let v = s.value
            size += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        self = String(unsafeUninitializedCapacity: size) { out in
            var n = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    out[n] = UInt8(truncatingIfNeeded: v)
                    n += 1
                } else {
                    UTF8.encode(s) { byte in
                        out[n] = byte
                        n += 1
                    }
                }
            }
            return n
        }
    }
}

extension String {
    /// `split(separator:)` on an ASCII separator (`0x20` for " ", `0x2D` for "-"), empty pieces omitted: over the
    /// bytes when the string is ASCII (each byte a character then, and a space or hyphen never inside one),
    /// through its `Character`s otherwise. A `Character` split walks grapheme clusters, about 60 instructions a
    /// character.
    public func splitASCII(_ separator: UInt8) -> [Substring] {
        var text = self
        let cuts: [Range<Int>]? = text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var start = 0
            for k in 0..<bytes.count {
                let b = bytes[k]
                if b >= 0x80 { return nil }
                if b == separator {
                    if start < k { ranges.append(start..<k) }
                    start = k + 1
                }
            }
            if start < bytes.count { ranges.append(start..<bytes.count) }
            return ranges
        }
        guard let cuts else { return split(separator: Character(Unicode.Scalar(separator))) }
        let utf8 = self.utf8
        return cuts.map { range in
            self[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
    }
}
