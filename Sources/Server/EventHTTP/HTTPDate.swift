#if canImport(Glibc)
import Glibc
#endif

/// The `Date` header's value (RFC 9110 §5.6.7, `Sun, 06 Nov 1994 08:49:37 GMT`), written once a second, not
/// formatted for every response. One per worker thread, so no lock.
struct HTTPDate {
    /// The second the text was written for.
    private var second: time_t = -1
    /// The text, 29 bytes.
    private(set) var bytes: [UInt8] = []

    private static let days: [StaticString] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months: [StaticString] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The text for now, written again when the second has changed.
    mutating func now() -> [UInt8] {
        let now = time(nil)
        if now != second {
            second = now
            bytes = Self.format(now)
        }
        return bytes
    }

    /// The text of `time` (seconds since 1970, UTC).
    static func format(_ time: time_t) -> [UInt8] {
        var t = time
        var parts = tm()
        gmtime_r(&t, &parts)
        var out: [UInt8] = []
        out.reserveCapacity(29)
        func name(_ text: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
        func digits(_ value: Int32, _ width: Int) {
            var divisor: Int32 = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        name(days[Int(parts.tm_wday)])
        out += [UInt8(ascii: ","), UInt8(ascii: " ")]
        digits(parts.tm_mday, 2)
        out.append(UInt8(ascii: " "))
        name(months[Int(parts.tm_mon)])
        out.append(UInt8(ascii: " "))
        digits(parts.tm_year + 1900, 4)
        out.append(UInt8(ascii: " "))
        digits(parts.tm_hour, 2)
        out.append(UInt8(ascii: ":"))
        digits(parts.tm_min, 2)
        out.append(UInt8(ascii: ":"))
        digits(parts.tm_sec, 2)
        name(" GMT")
        return out
    }
}
