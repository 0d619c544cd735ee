/// A small, fast JSON writer that appends UTF-8 bytes; keys come out in the order they are written.
///
/// Used at load time to encode response parts once, and on the request path to join them.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]
    /// One flag per open object or array: whether a value has been written at that level.
    private var hasValue: [Bool] = []
    /// Whether the next value follows a key (and so takes no comma).
    private var afterKey = false

    /// Creates an empty writer, reserving `capacity` bytes.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if let last = hasValue.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            hasValue[hasValue.count - 1] = true
        }
    }

    /// Opens an object.
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        hasValue.append(false)
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        hasValue.removeLast()
    }

    /// Opens an array.
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        hasValue.append(false)
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        hasValue.removeLast()
    }

    /// Writes an object key; the next call writes its value.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes an object key given at run time. Disfavoured, so that a literal key (`w.key("id")`) takes the
    /// `StaticString` form, copied as is, and is not escaped byte by byte on every response.
    @_disfavoredOverload
    public mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes a string value, escaped.
    public mutating func string(_ value: String) {
        separate()
        Self.appendEscaped(value, to: &bytes)
    }

    /// Writes a string value given as its UTF-8 bytes (valid UTF-8), escaped.
    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        separate()
        Self.appendEscaped(utf8: value, to: &bytes)
    }

    /// Writes a string value or `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes an integer.
    public mutating func int(_ value: Int) {
        separate()
        Self.appendInt(value, to: &bytes)
    }

    /// Writes an integer or `null`.
    public mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// Writes a number with up to 6 decimals.
    public mutating func double(_ value: Double) {
        separate()
        if value.isFinite {
            if value == value.rounded() && abs(value) < 1e15 {
                Self.appendInt(Int(value), to: &bytes)
            } else {
                bytes.append(contentsOf: String((value * 1_000_000).rounded() / 1_000_000).utf8)
            }
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    /// Writes `null`.
    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Writes bytes that already are one complete JSON value.
    public mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// Writes bytes that already are one complete JSON value, from a larger buffer.
    public mutating func raw(_ json: ArraySlice<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// Writes one complete JSON value that `write` appends straight to the output: stored parts joined with the
    /// few written per request (`appendInt`), with the separator a value takes.
    public mutating func rawValue(_ write: (inout [UInt8]) -> Void) {
        separate()
        write(&bytes)
    }

    /// Appends an integer's digits to `out`.
    public static func appendInt(_ value: Int, to out: inout [UInt8]) {
        if value >= 0 && value < 10 {
            out.append(0x30 + UInt8(value))
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        // The digits of the magnitude, last first, into a small buffer (no String made per number).
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var k = 20
            repeat {
                k -= 1
                digits[k] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[k..<20]))
        }
    }

    /// Appends an integer's digits, or `null`, to `out`.
    public static func appendInt(_ value: Int?, to out: inout [UInt8]) {
        if let value { appendInt(value, to: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    /// Writes a value that knows how to write itself.
    public mutating func value<T: JSONWritable>(_ value: T) {
        value.writeJSON(to: &self)
    }

    /// Writes an array of values.
    public mutating func array<S: Sequence>(_ values: S) where S.Element: JSONWritable {
        beginArray()
        for v in values { v.writeJSON(to: &self) }
        endArray()
    }

    /// Writes an array of strings.
    public mutating func array(_ values: [String]) {
        beginArray()
        for v in values { string(v) }
        endArray()
    }

    /// Appends `value` as a JSON string literal to `out`: runs that need no escape are copied whole (items are
    /// encoded on the request path, so this is hot).
    public static func appendEscaped(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendEscaped(utf8: $0, to: &out) }
    }

    /// `appendEscaped(_:to:)` for a string given as its UTF-8 bytes. Eight bytes at a time are skipped while
    /// none of them needs an escape (`mayNeedEscape`), then bytes are read one by one up to the next escape.
    public static func appendEscaped(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let n = utf8.count
        var start = 0
        var i = 0
        while i < n {
            if i + 8 <= n,
               !mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = utf8[i]
            i += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if start < i - 1 { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<(i - 1)])) }
            start = i
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            default:
                let low = byte & 0xF
                out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), 0x30 + (byte >> 4),
                                        low < 10 ? 0x30 + low : UInt8(ascii: "a") + low - 10])
            }
        }
        if start < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether one of the eight bytes of `word` may need an escape: a control byte, `"` or `\`. Never false
    /// when one does (the classic "has a byte less than" and "has a zero byte" tests, which have no false
    /// negatives); the caller checks each byte of a word for which it is true.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- 0x20 &* ones) & ~word & high
        let q = word ^ (0x22 &* ones)
        let quote = (q &- ones) & ~q & high
        let b = word ^ (0x5C &* ones)
        let backslash = (b &- ones) & ~b & high
        return (control | quote | backslash) != 0
    }
}

/// A value with a JSON form of its own, written without Foundation.
public protocol JSONWritable {
    /// Writes the value to `writer`.
    func writeJSON(to writer: inout JSONWriter)
}

extension JSONWritable {
    /// The value's JSON bytes.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        writeJSON(to: &writer)
        return writer.bytes
    }
}
