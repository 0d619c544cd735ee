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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + 8)
        for s in scalars {
            if s.value < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: s.value))
            } else {
                UTF8.encode(s) { bytes.append($0) }
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
