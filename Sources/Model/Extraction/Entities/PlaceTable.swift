import Foundation

/// The GeoNames places of `config/entities/places.tsv` (populated places of 1,000 people or more and
/// administrative divisions), kept compact: the file's bytes, one offset a row, and one open-addressing
/// table from the hash of each folded name to its row. A row's fields are parsed only when a text names
/// the place (`entry(row:)`).
public struct PlaceTable: Sendable {
    /// The file's bytes.
    private let bytes: [UInt8]
    /// Offset of each row's first byte in `bytes`.
    private let rowStarts: [UInt32]
    /// Hashes of the names (0: an empty slot).
    private let slotHashes: [UInt64]
    /// The row of each slot's name.
    private let slotRows: [UInt32]
    /// Hashes of the first words of names of two words or more, to skip longer probes: an open-addressing set
    /// (0: an empty slot), probed like `slotHashes` (a `Set` hashes each probe again with SipHash).
    private let firstWordHashes: [UInt64]
    /// The most words in a name.
    public let maxWords: Int
    /// Where the table was read from, for errors.
    private let path: String

    /// Number of places.
    public var count: Int { rowStarts.count }

    /// Columns of a row: geonamesId, name, subtype, countryCode, admin1, population, lat, lon, capital, names.
    static let columns = 10

    /// An empty table.
    public init() {
        bytes = []
        rowStarts = []
        slotHashes = [0]
        slotRows = [0]
        firstWordHashes = [0]
        maxWords = 0
        path = ""
    }

    /// Reads `url`; a row with the wrong number of columns or no name throws a `LexiconError` naming the
    /// file and line.
    public init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LexiconError(file: url.path, reason: "cannot be read")
        }
        let bytes = [UInt8](data)
        var rowStarts: [UInt32] = []
        var names: [(hash: UInt64, row: UInt32)] = []
        var firstWords = Set<UInt64>()
        var maxWords = 1
        rowStarts.reserveCapacity(bytes.count / 70)
        names.reserveCapacity(bytes.count / 25)
        let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), bar = UInt8(ascii: "|"), space = UInt8(ascii: " ")
        var i = 0
        var line = 0
        let n = bytes.count
        while i < n {
            line += 1
            var end = i
            while end < n && bytes[end] != newline { end += 1 }
            defer { i = end + 1 }
            if end == i || bytes[i] == UInt8(ascii: "#") { continue }
            var tabs = 0
            var lastTab = i
            for k in i..<end where bytes[k] == tab {
                tabs += 1
                lastTab = k
            }
            guard tabs == Self.columns - 1 else {
                throw LexiconError(file: url.path, reason: "line \(line): \(tabs + 1) columns, expected \(Self.columns)")
            }
            let row = UInt32(rowStarts.count)
            rowStarts.append(UInt32(i))
            // The names: "kharkiv|kharkov".
            var start = lastTab + 1
            while start < end {
                var stop = start
                var hash = FNV1a.basis
                var words = 1
                var firstWord: UInt64 = 0
                while stop < end && bytes[stop] != bar {
                    if bytes[stop] == space {
                        if words == 1 { firstWord = hash }
                        words += 1
                    }
                    hash = FNV1a.combine(hash, bytes[stop])
                    stop += 1
                }
                if stop > start {
                    names.append((Self.nonzero(hash), row))
                    if words > 1 { firstWords.insert(Self.nonzero(firstWord)) }
                    maxWords = Swift.max(maxWords, words)
                }
                start = stop + 1
            }
        }
        var capacity = 16
        while capacity < names.count * 2 { capacity <<= 1 }
        var slotHashes = [UInt64](repeating: 0, count: capacity)
        var slotRows = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (hash, row) in names {
            var s = Int(truncatingIfNeeded: hash) & mask
            while slotHashes[s] != 0 && slotHashes[s] != hash { s = (s + 1) & mask }
            if slotHashes[s] == 0 {
                slotHashes[s] = hash
                slotRows[s] = row
            }
        }
        self.bytes = bytes
        self.rowStarts = rowStarts
        self.slotHashes = slotHashes
        self.slotRows = slotRows
        var firstCapacity = 16
        while firstCapacity < firstWords.count * 2 { firstCapacity <<= 1 }
        var firstWordHashes = [UInt64](repeating: 0, count: firstCapacity)
        for hash in firstWords {
            var s = Int(truncatingIfNeeded: hash) & (firstCapacity - 1)
            while firstWordHashes[s] != 0 { s = (s + 1) & (firstCapacity - 1) }
            firstWordHashes[s] = hash
        }
        self.firstWordHashes = firstWordHashes
        self.maxWords = maxWords
        self.path = url.path
    }

    // MARK: Hashing


    /// 0 marks an empty slot, so no name hashes to it.
    @inline(__always)
    static func nonzero(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// The hash of `word` appended to a name hashed so far (`hash`, or `offset` for the first word); words
    /// are joined by one space.
    @inline(__always)
    static func hash(_ word: String, after hash: UInt64?) -> UInt64 {
        var h = hash.map { FNV1a.combine($0, UInt8(ascii: " ")) } ?? FNV1a.basis
        for byte in word.utf8 { h = FNV1a.combine(h, byte) }
        return h
    }

    // MARK: Lookup

    /// The hash of a folded word given as bytes appended to a name hashed so far (`hash`).
    @inline(__always)
    static func hash(_ word: ArraySlice<UInt8>, after hash: UInt64) -> UInt64 {
        var h = FNV1a.combine(hash, UInt8(ascii: " "))
        for byte in word { h = FNV1a.combine(h, byte) }
        return h
    }

    /// The row whose names include the one that hashes to `hash` (from `hash(_:after:)`).
    public func row(hash: UInt64) -> Int? {
        let hash = Self.nonzero(hash)
        let mask = slotHashes.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slotHashes[s] != 0 {
            if slotHashes[s] == hash { return Int(slotRows[s]) }
            s = (s + 1) & mask
        }
        return nil
    }

    /// The row named by the folded `name` ("kharkiv oblast"), if any.
    public func row(named name: String) -> Int? {
        var h: UInt64?
        for word in name.split(separator: " ") { h = Self.hash(String(word), after: h) }
        return h.flatMap { row(hash: $0) }
    }

    /// Whether some name of two words or more begins with the word that hashes to `hash`.
    public func beginsLongerName(_ hash: UInt64) -> Bool {
        let hash = Self.nonzero(hash)
        let mask = firstWordHashes.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while firstWordHashes[s] != 0 {
            if firstWordHashes[s] == hash { return true }
            s = (s + 1) & mask
        }
        return false
    }

    /// Where each field of row `row` starts in `bytes`, the names column last: field `f` is
    /// `bytes[starts[f]..<starts[f + 1] - 1]`. Read as bytes: a large city's names run to kilobytes, and
    /// splitting the row as a String cost about 50,000 instructions a place.
    private func fieldStarts(_ row: Int) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(Self.columns)
        var k = Int(rowStarts[row])
        starts.append(k)
        // Every row has `columns - 1` tabs (checked at load).
        while starts.count < Self.columns {
            if bytes[k] == UInt8(ascii: "\t") { starts.append(k + 1) }
            k += 1
        }
        return starts
    }

    /// Field `f` (not the names) of a row whose `fieldStarts` are `starts`.
    private func field(_ starts: [Int], _ f: Int) -> String {
        String(decoding: bytes[starts[f]..<(starts[f + 1] - 1)], as: UTF8.self)
    }

    /// The subtype of a row whose `fieldStarts` are `starts` and whose country code is `country`.
    private func subtype(_ starts: [Int], country: String) -> String {
        let kind = field(starts, 2)
        switch kind {
        case "admin1": return country == "US" ? "state" : "province"
        case "admin2": return country == "US" ? "county" : "district"
        default: return kind
        }
    }

    /// What deciding whether a bare name may stand needs of row `row`, without the rest of `entry(row:)`:
    /// its subtype, population and whether it is a capital, as `entry(row:)` gives them.
    ///
    /// Read over the row's bytes: no array of field starts, and no string but the subtype's (this ran about 2,000
    /// instructions a place matched, 20 a byte of text).
    func facts(row: Int) -> (subtype: String, population: Int, isCapital: Bool) {
        bytes.withUnsafeBufferPointer { b in
            // Starts of fields 2 to 9 (every row has `columns - 1` tabs, checked at load); field f ends one
            // before field f + 1 starts.
            var starts = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var k = Int(rowStarts[row])
            var f = 1
            withUnsafeMutableBytes(of: &starts) { raw in
                let fields = raw.bindMemory(to: Int.self)
                while f < Self.columns {
                    if b[k] == UInt8(ascii: "\t") {
                        fields[f] = k + 1
                        f += 1
                    }
                    k += 1
                }
            }
            func field(_ f: Int) -> UnsafeBufferPointer<UInt8> {
                let (start, end) = withUnsafeBytes(of: starts) { raw in
                    (raw.load(fromByteOffset: f * MemoryLayout<Int>.stride, as: Int.self),
                     raw.load(fromByteOffset: (f + 1) * MemoryLayout<Int>.stride, as: Int.self) - 1)
                }
                return UnsafeBufferPointer(rebasing: b[start..<end])
            }
            func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
                bytes.count == text.utf8CodeUnitCount
                    && text.withUTF8Buffer { t in zip(bytes, t).allSatisfy { $0 == $1 } }
            }
            let kind = field(2)
            let subtype: String
            if equals(kind, "admin1") {
                subtype = equals(field(3), "US") ? "state" : "province"
            } else if equals(kind, "admin2") {
                subtype = equals(field(3), "US") ? "county" : "district"
            } else {
                subtype = String(decoding: kind, as: UTF8.self)
            }
            // Digits only: their value; anything else as `Int(String)` reads it (0 when it reads none).
            let digits = field(5)
            var population = 0
            if !digits.isEmpty && digits.count <= 18 && digits.allSatisfy({ $0 &- 0x30 < 10 }) {
                for d in digits { population = population * 10 + Int(d &- 0x30) }
            } else {
                population = Int(String(decoding: digits, as: UTF8.self)) ?? 0
            }
            return (subtype, population, equals(field(8), "capital"))
        }
    }

    /// The first of the names of row `row` (its own name's folded words, where it owns them).
    public func firstName(row: Int) -> String {
        let k = namesStart(row)
        var end = k
        while end < bytes.count && bytes[end] != UInt8(ascii: "|") && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return String(decoding: bytes[k..<end], as: UTF8.self)
    }

    /// Whether the first of the names of row `row` is the folded forms of `tokens` (words of `document`) joined
    /// by single spaces: `firstName(row:)` compared byte by byte, without making the strings.
    func firstName(row: Int, equals tokens: ArraySlice<Token>, in document: Document) -> Bool {
        var k = namesStart(row)
        var first = true
        for token in tokens {
            if !first {
                guard k < bytes.count, bytes[k] == UInt8(ascii: " ") else { return false }
                k += 1
            }
            first = false
            for byte in document.folded(token) {
                guard k < bytes.count, bytes[k] == byte else { return false }
                k += 1
            }
        }
        return k == bytes.count || bytes[k] == UInt8(ascii: "|") || bytes[k] == UInt8(ascii: "\n")
    }

    /// Where the names column of row `row` starts in `bytes`.
    private func namesStart(_ row: Int) -> Int {
        var k = Int(rowStarts[row])
        var tabs = 0
        while k < bytes.count && tabs < Self.columns - 1 {
            if bytes[k] == UInt8(ascii: "\t") { tabs += 1 }
            k += 1
        }
        return k
    }

    /// The place of row `row`, as a gazetteer entry (without its slug and key, which the gazetteer adds).
    public func entry(row: Int) -> GazetteerEntry {
        let starts = fieldStarts(row)
        let country = field(starts, 3)
        var entry = GazetteerEntry(name: field(starts, 1), type: .location, subtype: subtype(starts, country: country),
                                   countryCode: country.isEmpty ? nil : country)
        entry.population = Int(field(starts, 5)) ?? 0
        entry.isCapital = field(starts, 8) == "capital"
        entry.geonamesId = Int(field(starts, 0))
        if let lat = Double(field(starts, 6)), let lon = Double(field(starts, 7)) {
            entry.coordinates = Coordinates(lat: lat, lon: lon)
        }
        let admin1 = field(starts, 4)
        if !admin1.isEmpty, !country.isEmpty { entry.admin1Code = "\(country).\(admin1)" }
        return entry
    }
}
