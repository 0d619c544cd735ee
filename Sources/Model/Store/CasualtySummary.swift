/// `/casualties/summary` precomputed: per-day rows for each kind and per-place day series, so a summary over a kind
/// and a date window is a slice of stored rows plus a small merge per place, written from pre-encoded parts; the
/// summary of everything is stored already encoded, with the hash of its bytes.
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

    /// One day's totals of one kind, with its `byDay` object pre-encoded in `dayText` but for the running value:
    /// `head` is `{"date":…,"runningCumulative":`, `tail` is `,"figures":N}`.
    struct DayRow: Sendable {
        var day: Int32
        var kind: CasualtyKind
        var totals: Totals
        var head: Range<UInt32> = 0..<0
        var tail: Range<UInt32> = 0..<0
    }

    /// One place's totals of one day and kind, with the first figure (lowest position) of that day and kind and
    /// the location that figure names (an index in `locations`), which names the place in the answer.
    struct PlaceRow: Sendable {
        var day: Int32
        var totals: Totals
        var first: Int32
        var location: Int32
    }

    /// One place: its rows of each kind (`CasualtyKind.allCases` order), by day, and the days they span.
    struct Place: Sendable {
        var series: [[PlaceRow]]
        var firstDay: Int32
        var lastDay: Int32
    }

    /// A location as figures name it, pre-encoded (`{"location":{"name":…,"entityId":…}`), with the ranks of its
    /// name and entity id among all of them, so that rows sort with integer compares.
    struct LocationPart: Sendable {
        var text: Range<UInt32>
        var nameRank: Int32
        var idRank: Int32
    }

    /// The whole-corpus answer of one kind filter: see `stored(kind:)`.
    struct Whole: Sendable {
        var head: [UInt8]
        var byDay: Range<Int>
        var byLocation: Range<Int>
        var hash: FNV1a
        var figures: Int
    }

    /// The value a figure adds: its count, else its lower bound.
    public static func value(_ c: Casualty) -> Int { c.count ?? c.min ?? 0 }

    /// Every date with a figure, ascending.
    let days: [String]
    /// Day rows of every kind, by day then kind (`CasualtyKind.allCases` order).
    let rows: [DayRow]
    /// Day rows of each kind, by day (indexed by `CasualtyKind.allCases` order).
    let rowsByKind: [[DayRow]]
    /// The pre-encoded parts of the day rows.
    let dayText: [UInt8]
    /// Every place that figures name, keyed by entity id, else by name.
    let places: [Place]
    /// The distinct locations figures name.
    let locations: [LocationPart]
    /// The pre-encoded parts of the locations.
    let locationText: [UInt8]
    /// The order of the kinds' raw values (rows of equal size sort by kind name): a rank per kind.
    let kindNameRank: [Int32]
    /// The encoded answers of the whole corpus, for each kind filter (index 0 = every kind, then
    /// `CasualtyKind.allCases` order).
    private(set) var whole: [Whole] = []

    /// The position of `kind` in `CasualtyKind.allCases`.
    static func kindIndex(_ kind: CasualtyKind) -> Int {
        switch kind {
        case .killed: 0
        case .injured: 1
        case .missing: 2
        case .captured: 3
        case .displaced: 4
        }
    }

    /// Precomputes the summary of `casualties` (in snapshot order: newest article first).
    init(casualties: [Casualty]) {
        let days = Array(Set(casualties.map(\.date))).sorted()
        var dayIndex: [String: Int32] = [:]
        for (i, d) in days.enumerated() { dayIndex[d] = Int32(i) }
        let kinds = CasualtyKind.allCases.count
        precondition(CasualtyKind.allCases.enumerated().allSatisfy { Self.kindIndex($1) == $0 })
        // The distinct locations, ranked by name and by entity id.
        var locationIndex: [CasualtyLocation: Int32] = [:]
        var distinct: [CasualtyLocation] = []
        for c in casualties {
            guard let location = c.location, locationIndex[location] == nil else { continue }
            locationIndex[location] = Int32(distinct.count)
            distinct.append(location)
        }
        func ranks(_ keys: [String]) -> [Int32] {
            let order = keys.indices.sorted { keys[$0] < keys[$1] }
            var rank = [Int32](repeating: 0, count: keys.count)
            var r: Int32 = 0
            for (k, i) in order.enumerated() {
                if k > 0 && keys[order[k - 1]] < keys[i] { r += 1 }
                rank[i] = r
            }
            return rank
        }
        let nameRanks = ranks(distinct.map(\.name)), idRanks = ranks(distinct.map { $0.entityId ?? "" })
        var locationText: [UInt8] = []
        var locations: [LocationPart] = []
        for (i, location) in distinct.enumerated() {
            var w = JSONWriter()
            w.beginObject()
            w.key("location"); w.value(location)
            let start = UInt32(locationText.count)
            locationText += w.bytes
            locations.append(LocationPart(text: start..<UInt32(locationText.count), nameRank: nameRanks[i], idRank: idRanks[i]))
        }
        self.locations = locations
        self.locationText = locationText
        kindNameRank = ranks(CasualtyKind.allCases.map(\.rawValue))
        // (day, kind) -> totals, for the whole corpus and for each place.
        var totals: [Int: Totals] = [:]
        var placeIndex: [String: Int] = [:]
        var placeTotals: [[Int: PlaceRow]] = []
        for (i, c) in casualties.enumerated() {
            let day = dayIndex[c.date]!
            let key = Int(day) * kinds + Self.kindIndex(c.kind)
            totals[key, default: Totals()].add(c)
            guard let location = c.location else { continue }
            let placeKey = location.entityId ?? location.name
            let p = placeIndex[placeKey] ?? {
                placeIndex[placeKey] = placeTotals.count
                placeTotals.append([:])
                return placeTotals.count - 1
            }()
            placeTotals[p][key, default: PlaceRow(day: day, totals: Totals(), first: Int32(i), location: locationIndex[location]!)]
                .totals.add(c)
        }
        var dayText: [UInt8] = []
        var rows: [DayRow] = []
        for key in totals.keys.sorted() {
            var row = DayRow(day: Int32(key / kinds), kind: CasualtyKind.allCases[key % kinds], totals: totals[key]!)
            var w = JSONWriter()
            w.beginObject()
            w.key("date"); w.string(days[Int(row.day)])
            w.key("kind"); w.string(row.kind.rawValue)
            w.key("incident"); w.int(row.totals.incident)
            w.key("cumulative"); w.int(row.totals.cumulative)
            w.key("runningCumulative")
            let start = UInt32(dayText.count)
            dayText += w.bytes
            row.head = start..<UInt32(dayText.count)
            dayText += Array(#","figures":"#.utf8) + Array(String(row.totals.figures).utf8) + [UInt8(ascii: "}")]
            row.tail = row.head.upperBound..<UInt32(dayText.count)
            rows.append(row)
        }
        self.rows = rows
        self.dayText = dayText
        rowsByKind = CasualtyKind.allCases.map { kind in rows.filter { $0.kind == kind } }
        places = placeTotals.map { byKey in
            var series = [[PlaceRow]](repeating: [], count: kinds)
            for key in byKey.keys.sorted() { series[key % kinds].append(byKey[key]!) }
            let days = byKey.values.map(\.day)
            return Place(series: series, firstDay: days.min() ?? 0, lastDay: days.max() ?? -1)
        }
        self.days = days
        var whole: [Whole] = []
        for kind in [nil] + CasualtyKind.allCases.map(Optional.some) {
            var w = JSONWriter(capacity: 1 << 16)
            w.beginObject()
            w.key("data")
            w.beginObject()
            w.key("byDay")
            let dayStart = w.bytes.count
            let figures = writeByDay(kind: kind, window: DateWindow(), to: &w)
            let dayEnd = w.bytes.count
            w.key("byLocation")
            let locationStart = w.bytes.count
            writeByLocation(kind: kind, window: DateWindow(), to: &w)
            var hash = FNV1a()
            hash.combine(bytes: w.bytes)
            whole.append(Whole(head: w.bytes, byDay: dayStart..<dayEnd, byLocation: locationStart..<w.bytes.count, hash: hash,
                               figures: figures))
        }
        self.whole = whole
    }

    /// The whole-corpus answer for `kind` (nil: every kind) up to its `meta`: the bytes
    /// `{"data":{"byDay":[…],"byLocation":[…]`, the FNV-1a state after them (to hash the rest of the answer onto),
    /// and the number of figures counted.
    public func stored(kind: CasualtyKind?) -> (head: [UInt8], hash: FNV1a, figures: Int) {
        let w = whole[kind.map { Self.kindIndex($0) + 1 } ?? 0]
        return (w.head, w.hash, w.figures)
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
        let list = kind.map { rowsByKind[Self.kindIndex($0)] } ?? rows
        let range = dayRange(window)
        let lower = partitionPoint(list.count) { list[$0].day >= range.lowerBound }
        let upper = partitionPoint(list.count) { list[$0].day >= range.upperBound }
        var running = [Int?](repeating: nil, count: CasualtyKind.allCases.count)
        var figures = 0
        w.beginArray()
        dayText.withUnsafeBufferPointer { text in
            for r in list[lower..<Swift.max(lower, upper)] {
                let k = Self.kindIndex(r.kind)
                if let c = r.totals.cumulative { running[k] = Swift.max(running[k] ?? 0, c) }
                figures += r.totals.figures
                w.rawValue { out in
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(r.head.lowerBound)..<Int(r.head.upperBound)]))
                    JSONWriter.appendInt(running[k], to: &out)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(r.tail.lowerBound)..<Int(r.tail.upperBound)]))
                }
            }
        }
        w.endArray()
        return figures
    }

    /// One `byLocation` row before sorting.
    private struct LocationRow {
        var size: Int
        var location: Int32
        var kind: Int
        var totals: Totals
    }

    /// Writes `byLocation` for `kind` (nil: every kind) inside `window`: each place's rows in the window merged,
    /// named by the location of its first figure in the window, largest first (then by name, kind and place id).
    func writeByLocation(kind: CasualtyKind?, window: DateWindow, to w: inout JSONWriter) {
        let range = dayRange(window)
        let kinds = kind.map { Self.kindIndex($0)..<Self.kindIndex($0) + 1 } ?? 0..<CasualtyKind.allCases.count
        var rows: [LocationRow] = []
        for place in places where place.firstDay < range.upperBound && place.lastDay >= range.lowerBound {
            var first = Int32.max, location: Int32 = -1
            let start = rows.count
            for k in kinds {
                let series = place.series[k]
                var i = partitionPoint(series.count) { series[$0].day >= range.lowerBound }
                guard i < series.count, series[i].day < range.upperBound else { continue }
                var merged = Totals()
                while i < series.count && series[i].day < range.upperBound {
                    merged.merge(series[i].totals)
                    if series[i].first < first { (first, location) = (series[i].first, series[i].location) }
                    i += 1
                }
                rows.append(LocationRow(size: Swift.max(merged.incident, merged.cumulative ?? 0), location: -1, kind: k,
                                        totals: merged))
            }
            for r in start..<rows.count { rows[r].location = location }
        }
        let locations = self.locations, kindNameRank = self.kindNameRank
        rows.sort { a, b in
            if a.size != b.size { return a.size > b.size }
            let x = locations[Int(a.location)], y = locations[Int(b.location)]
            if x.nameRank != y.nameRank { return x.nameRank < y.nameRank }
            if a.kind != b.kind { return kindNameRank[a.kind] < kindNameRank[b.kind] }
            return x.idRank < y.idRank
        }
        w.beginArray()
        locationText.withUnsafeBufferPointer { text in
            for row in rows {
                let part = locations[Int(row.location)].text
                w.rawValue { out in
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(part.lowerBound)..<Int(part.upperBound)]))
                    out.append(contentsOf: Self.kindParts[row.kind])
                    JSONWriter.appendInt(row.totals.incident, to: &out)
                    out.append(contentsOf: #","cumulative":"#.utf8)
                    JSONWriter.appendInt(row.totals.cumulative, to: &out)
                    out.append(contentsOf: #","figures":"#.utf8)
                    JSONWriter.appendInt(row.totals.figures, to: &out)
                    out.append(UInt8(ascii: "}"))
                }
            }
        }
        w.endArray()
    }

    /// `,"kind":"killed","incident":` for each kind, in `CasualtyKind.allCases` order.
    static let kindParts: [[UInt8]] = CasualtyKind.allCases.map { Array(#","kind":"\#($0.rawValue)","incident":"#.utf8) }

    /// Writes `byDay` and `byLocation` into the open `data` object and returns the number of figures counted:
    /// stored bytes without a window, a slice and a merge with one.
    public func write(kind: CasualtyKind?, window: DateWindow, casualties: [Casualty], to w: inout JSONWriter) -> Int {
        if window.from == nil && window.to == nil {
            let stored = whole[kind.map { Self.kindIndex($0) + 1 } ?? 0]
            w.key("byDay"); w.raw(stored.head[stored.byDay])
            w.key("byLocation"); w.raw(stored.head[stored.byLocation])
            return stored.figures
        }
        w.key("byDay")
        let figures = writeByDay(kind: kind, window: window, to: &w)
        w.key("byLocation")
        writeByLocation(kind: kind, window: window, to: &w)
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
