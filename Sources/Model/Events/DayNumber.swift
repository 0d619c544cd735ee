/// Calendar days as integers (days since 1970-01-01), for date arithmetic on `YYYY-MM-DD` strings.
public enum DayNumber {
    /// The day number of a valid `YYYY-MM-DD` date, or nil.
    public static func from(_ date: String) -> Int? {
        let u = Array(date.utf8)
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return nil }
        var parts: [Int] = []
        for r in [0..<4, 5..<7, 8..<10] {
            var v = 0
            for i in r {
                guard (0x30...0x39).contains(u[i]) else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            parts.append(v)
        }
        guard (1...12).contains(parts[1]), (1...daysIn(year: parts[0], month: parts[1])).contains(parts[2]) else { return nil }
        return from(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The day number of a civil date (proleptic Gregorian; H. Hinnant's algorithm).
    public static func from(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day number.
    public static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD` of a day number.
    public static func string(_ days: Int) -> String {
        let c = civil(days)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    public static func weekday(_ days: Int) -> Int { ((days % 7) + 7 + 3) % 7 }

    /// Number of days in a month.
    public static func daysIn(year: Int, month: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}
