/// `/casualties/summary` precomputed: per-day rows for each kind and per-location day series, so a summary over
/// a kind and a date window is a slice of stored rows plus a small merge per place, and the summary of everything
/// is stored already encoded.
public struct CasualtySummary: Sendable {
    /// Totals of one day or one place for one kind.
    public struct Totals: Sendable, Equatable {
        /// Sum of incident figures.
        public var incident = 0
        /// Incident figures added.
        public var incidentFigures = 0
        /// Highest cumulative figure, if any.
        public var cumulative: Int? = nil
        /// Cumulative figures seen.
        public var cumulativeFigures = 0

        /// Counts one figure in.
        public mutating func add(_ c: Casualty) {
            if c.scope == .cumulative {
                cumulative = Swift.max(cumulative ?? 0, CasualtySummary.value(c))
                cumulativeFigures += 1
            } else {
                incident += CasualtySummary.value(c)
                incidentFigures += 1
            }
        }

        /// Counts other totals in.
        public mutating func merge(_ other: Totals) {
            incident += other.incident
            incidentFigures += other.incidentFigures
            if let c = other.cumulative { cumulative = Swift.max(cumulative ?? 0, c) }
            cumulativeFigures += other.cumulativeFigures
        }

        /// Figures counted.
        public var figures: Int { incidentFigures + cumulativeFigures }
    }

    /// One day's totals of one kind.
    struct DayRow: Sendable {
        var day: Int32
        var kind: CasualtyKind
        var totals: Totals
    }

    /// The value a figure adds: its count, else its lower bound.
    public static func value(_ c: Casualty) -> Int { c.count ?? c.min ?? 0 }

    /// Every date with a figure, ascending.
    let days: [String]
    /// Day rows of every kind, by day then kind (`CasualtyKind.allCases` order).
    let rows: [DayRow]
    /// Day rows of each kind, by day.
    let rowsByKind: [CasualtyKind: [DayRow]]
    /// Each place's day rows (by day, then kind), with the first figure (lowest position) of that day and kind,
    /// whose location names the place in the answer.
    let places: [[(row: DayRow, first: Int32)]]
    /// The encoded `byDay` and `byLocation` arrays and figure count of the whole corpus, for each kind filter
    /// (`nil` = every kind).
    private(set) var whole: [CasualtyKind?: (byDay: [UInt8], byLocation: [UInt8], figures: Int)] = [:]

    /// Precomputes the summary of `casualties` (in snapshot order: newest article first).
    init(casualties: [Casualty]) {
        let days = Array(Set(casualties.map(\.date))).sorted()
        var dayIndex: [String: Int32] = [:]
        for (i, d) in days.enumerated() { dayIndex[d] = Int32(i) }
        let kindOrder = Dictionary(uniqueKeysWithValues: CasualtyKind.allCases.enumerated().map { ($1, $0) })
        // (day, kind) -> totals, for the whole corpus and for each place.
        var totals: [Int: Totals] = [:]
        var placeIndex: [String: Int] = [:]
        var placeTotals: [[Int: (totals: Totals, first: Int32)]] = []
        let kinds = CasualtyKind.allCases.count
        for (i, c) in casualties.enumerated() {
            let key = Int(dayIndex[c.date]!) * kinds + kindOrder[c.kind]!
            totals[key, default: Totals()].add(c)
            guard let location = c.location else { continue }
            let placeKey = location.entityId ?? location.name
            let p = placeIndex[placeKey] ?? {
                placeIndex[placeKey] = placeTotals.count
                placeTotals.append([:])
                return placeTotals.count - 1
            }()
            placeTotals[p][key, default: (Totals(), Int32(i))].totals.add(c)
        }
        func row(_ key: Int, _ t: Totals) -> DayRow {
            DayRow(day: Int32(key / kinds), kind: CasualtyKind.allCases[key % kinds], totals: t)
        }
        rows = totals.keys.sorted().map { row($0, totals[$0]!) }
        rowsByKind = Dictionary(grouping: rows, by: \.kind)
        places = placeTotals.map { series in series.keys.sorted().map { (row($0, series[$0]!.totals), series[$0]!.first) } }
        self.days = days
        var whole: [CasualtyKind?: (byDay: [UInt8], byLocation: [UInt8], figures: Int)] = [:]
        for kind in [nil] + CasualtyKind.allCases.map(Optional.some) {
            var days = JSONWriter(capacity: 1 << 16), places = JSONWriter(capacity: 1 << 16)
            let figures = writeByDay(kind: kind, window: DateWindow(), to: &days)
            writeByLocation(kind: kind, window: DateWindow(), casualties: casualties, to: &places)
            whole[kind] = (days.bytes, places.bytes, figures)
        }
        self.whole = whole
    }

    /// The day indexes inside `window`.
    func dayRange(_ window: DateWindow) -> Range<Int32> {
        let lower = window.from.map { from in partitionPoint(days.count) { days[$0] >= from } } ?? 0
        let upper = window.to.map { to in partitionPoint(days.count) { days[$0] > to } } ?? days.count
        return Int32(lower)..<Int32(Swift.max(lower, upper))
    }

    /// Writes `byDay` for `kind` (nil: every kind) inside `window`, and returns the number of figures counted.
    @discardableResult
    func writeByDay(kind: CasualtyKind?, window: DateWindow, to w: inout JSONWriter) -> Int {
        let list = kind.map { rowsByKind[$0] ?? [] } ?? rows
        let range = dayRange(window)
        let lower = partitionPoint(list.count) { list[$0].day >= range.lowerBound }
        let upper = partitionPoint(list.count) { list[$0].day >= range.upperBound }
        var running: [CasualtyKind: Int] = [:]
        var figures = 0
        w.beginArray()
        for r in list[lower..<Swift.max(lower, upper)] {
            if let c = r.totals.cumulative { running[r.kind] = Swift.max(running[r.kind] ?? 0, c) }
            figures += r.totals.figures
            CasualtySummary.writeDay(days[Int(r.day)], r.kind, r.totals, running: running[r.kind], to: &w)
        }
        w.endArray()
        return figures
    }

    /// Writes `byLocation` for `kind` (nil: every kind) inside `window`: each place's rows in the window merged.
    func writeByLocation(kind: CasualtyKind?, window: DateWindow, casualties: [Casualty], to w: inout JSONWriter) {
        let range = dayRange(window)
        var rows: [(location: CasualtyLocation, kind: CasualtyKind, totals: Totals)] = []
        for series in places {
            guard let first = series.first, let last = series.last,
                  first.row.day < range.upperBound, last.row.day >= range.lowerBound else { continue }
            var start = partitionPoint(series.count) { series[$0].row.day >= range.lowerBound }
            var merged: [CasualtyKind: Totals] = [:]
            var representative = Int32.max
            while start < series.count && series[start].row.day < range.upperBound {
                let entry = series[start]
                start += 1
                if let kind, entry.row.kind != kind { continue }
                merged[entry.row.kind, default: Totals()].merge(entry.row.totals)
                representative = Swift.min(representative, entry.first)
            }
            guard representative != .max, let location = casualties[Int(representative)].location else { continue }
            for (k, t) in merged { rows.append((location, k, t)) }
        }
        CasualtySummary.writeLocationRows(rows, to: &w)
    }

    /// Writes `byDay` and `byLocation` into the open `data` object and returns the number of figures counted:
    /// stored bytes without a window, a slice and a merge with one.
    public func write(kind: CasualtyKind?, window: DateWindow, casualties: [Casualty], to w: inout JSONWriter) -> Int {
        if window.from == nil && window.to == nil, let stored = whole[kind] {
            w.key("byDay"); w.raw(stored.byDay)
            w.key("byLocation"); w.raw(stored.byLocation)
            return stored.figures
        }
        w.key("byDay")
        let figures = writeByDay(kind: kind, window: window, to: &w)
        w.key("byLocation")
        writeByLocation(kind: kind, window: window, casualties: casualties, to: &w)
        return figures
    }

    /// The summary of any list of figures computed from the figures themselves (for filters the stored series do
    /// not cover, such as one place, and as the reference the stored series are tested against).
    public static func write(figures: [Casualty], to w: inout JSONWriter) {
        var days: [String: [CasualtyKind: Totals]] = [:]
        for c in figures { days[c.date, default: [:]][c.kind, default: Totals()].add(c) }
        var running: [CasualtyKind: Int] = [:]
        w.key("byDay")
        w.beginArray()
        for date in days.keys.sorted() {
            for kind in CasualtyKind.allCases {
                guard let t = days[date]?[kind] else { continue }
                if let c = t.cumulative { running[kind] = Swift.max(running[kind] ?? 0, c) }
                writeDay(date, kind, t, running: running[kind], to: &w)
            }
        }
        w.endArray()
        var places: [String: (location: CasualtyLocation, totals: [CasualtyKind: Totals])] = [:]
        for c in figures {
            guard let location = c.location else { continue }
            let key = location.entityId ?? location.name
            var entry = places[key] ?? (location, [:])
            entry.totals[c.kind, default: Totals()].add(c)
            places[key] = entry
        }
        var rows: [(location: CasualtyLocation, kind: CasualtyKind, totals: Totals)] = []
        for (_, entry) in places {
            for (kind, totals) in entry.totals { rows.append((entry.location, kind, totals)) }
        }
        w.key("byLocation")
        writeLocationRows(rows, to: &w)
    }

    /// `{date, kind, incident, cumulative, runningCumulative, figures}`.
    static func writeDay(_ date: String, _ kind: CasualtyKind, _ t: Totals, running: Int?, to w: inout JSONWriter) {
        w.beginObject()
        w.key("date"); w.string(date)
        w.key("kind"); w.string(kind.rawValue)
        w.key("incident"); w.int(t.incident)
        w.key("cumulative"); w.int(t.cumulative)
        w.key("runningCumulative"); w.int(running)
        w.key("figures"); w.int(t.figures)
        w.endObject()
    }

    /// `[{location, kind, incident, cumulative, figures}]`, largest first (then by name, kind and place id).
    static func writeLocationRows(_ rows: [(location: CasualtyLocation, kind: CasualtyKind, totals: Totals)],
                                  to w: inout JSONWriter) {
        let sorted = rows.sorted { a, b in
            let x = Swift.max(a.totals.incident, a.totals.cumulative ?? 0), y = Swift.max(b.totals.incident, b.totals.cumulative ?? 0)
            return (x, b.location.name, b.kind.rawValue, b.location.entityId ?? "")
                > (y, a.location.name, a.kind.rawValue, a.location.entityId ?? "")
        }
        w.beginArray()
        for (location, kind, t) in sorted {
            w.beginObject()
            w.key("location"); w.value(location)
            w.key("kind"); w.string(kind.rawValue)
            w.key("incident"); w.int(t.incident)
            w.key("cumulative"); w.int(t.cumulative)
            w.key("figures"); w.int(t.figures)
            w.endObject()
        }
        w.endArray()
    }
}
