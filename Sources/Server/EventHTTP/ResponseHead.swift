#if canImport(Glibc)
import Glibc
#endif

/// A response head written into bytes: into the worker's scratch buffer, or into one of its own once a head outgrows
/// that. A local value, so that writing it takes no run-time exclusivity check (the checks on a class's stored
/// array cost more than the copies).
struct ResponseHead {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// Whether `base` was allocated here (and is freed by `release`).
    private var owned = false

    /// A head written into `scratch` (`capacity` bytes), which it does not own.
    init(scratch: UnsafeMutablePointer<UInt8>, capacity: Int) {
        base = scratch
        self.capacity = capacity
    }

    /// The bytes written.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Frees the buffer if it was allocated here.
    func release() {
        if owned { base.deallocate() }
    }

    /// Appends `length` bytes from `source`.
    mutating func append(_ source: UnsafeRawPointer, _ length: Int) {
        if count + length > capacity { grow(count + length) }
        memcpy(base + count, source, length)
        count += length
    }

    /// Appends a constant.
    mutating func append(_ text: StaticString) {
        append(text.utf8Start, text.utf8CodeUnitCount)
    }

    /// Appends bytes.
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { if let start = $0.baseAddress { append(start, $0.count) } }
    }

    /// Appends `CRLF name: value`, unless the name or value could split the response (CR, LF or NUL, or a colon in
    /// the name), as `HeaderBlock` does.
    mutating func appendLine(_ header: (name: String, value: String)) {
        var name = header.name, value = header.value
        name.withUTF8 { n in
            value.withUTF8 { v in
                guard Self.isSafe(n, isName: true), Self.isSafe(v, isName: false) else { return }
                append("\r\n")
                if let start = n.baseAddress { append(start, n.count) }
                append(": ")
                if let start = v.baseAddress { append(start, v.count) }
            }
        }
    }

    /// Appends the decimal digits of `value` (not negative).
    mutating func appendDecimal(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var index = buffer.count
            var rest = value
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0 && index > 0
            append(buffer.baseAddress! + index, buffer.count - index)
        }
    }

    /// Whether `bytes` hold no CR, LF or NUL (nor a colon, in a name).
    private static func isSafe(_ bytes: UnsafeBufferPointer<UInt8>, isName: Bool) -> Bool {
        for byte in bytes where byte == 0x0D || byte == 0x0A || byte == 0 || (isName && byte == UInt8(ascii: ":")) {
            return false
        }
        return true
    }

    /// Moves to a buffer of its own, of at least `needed` bytes.
    private mutating func grow(_ needed: Int) {
        let larger = max(needed, capacity * 2)
        let replacement = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        replacement.update(from: base, count: count)
        if owned { base.deallocate() }
        base = replacement
        capacity = larger
        owned = true
    }
}
