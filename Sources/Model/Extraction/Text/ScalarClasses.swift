/// Character classes with an ASCII fast path: `Unicode.Scalar.Properties` lookups are slow, and news
/// text is mostly ASCII, so extraction and loading ask these instead.
extension Unicode.Scalar {
    /// White space (space, tab, newlines, no-break space and other Unicode spaces).
    @inlinable public var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }

    /// A letter (any script).
    @inlinable public var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    /// An ASCII digit.
    @inlinable public var isDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// A letter or an ASCII digit.
    @inlinable public var isWordScalar: Bool { isDigit || isLetter }

    /// An upper-case letter.
    @inlinable public var isUpper: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }

    /// A lower-case letter.
    @inlinable public var isLower: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return properties.isLowercase
    }
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
