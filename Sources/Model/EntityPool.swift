import Synchronization

/// The strings and place data of every article entity, each distinct one held once and never dropped: a
/// reload's articles share what earlier loads interned. Strings are told apart by their bytes (not by Swift's
/// canonical equivalence, which would merge "é" written two ways), coordinates by their bits.
///
/// Interning takes a lock; reading does not. An index is read only by a thread that got it from a value made
/// after it was interned (an article handed over through a queue or lock), so its entry is visible there; the
/// entries live in chunks that never move.
public final class EntityPool: Sendable {
    /// The pool every article uses.
    public static let shared = EntityPool()

    /// Place data and kind of an entity, with its strings as pool indices (`none` for nil), packed in 48 bytes.
    struct Descriptor: Hashable, Sendable {
        var id: UInt32
        var subtype: UInt32
        var countryCode: UInt32
        var admin1Code: UInt32
        var type: EntityType
        var hasGeonamesId: Bool
        var hasCoordinates: Bool
        var geonames: Int
        var latitudeBits: UInt64
        var longitudeBits: UInt64

        static let none = UInt32.max

        init(_ e: ArticleEntity, strings pool: inout Interner) {
            id = pool.string(e.id)
            type = e.type
            subtype = e.subtype.map { pool.string($0) } ?? Self.none
            countryCode = e.countryCode.map { pool.string($0) } ?? Self.none
            admin1Code = e.admin1Code.map { pool.string($0) } ?? Self.none
            hasGeonamesId = e.geonamesId != nil
            geonames = e.geonamesId ?? 0
            hasCoordinates = e.coordinates != nil
            latitudeBits = e.coordinates?.lat.bitPattern ?? 0
            longitudeBits = e.coordinates?.lon.bitPattern ?? 0
        }

        var geonamesId: Int? { hasGeonamesId ? geonames : nil }

        var coordinates: Coordinates? {
            hasCoordinates ? Coordinates(lat: Double(bitPattern: latitudeBits), lon: Double(bitPattern: longitudeBits)) : nil
        }
    }

    /// The lookup side, used under the lock: open-addressing tables of indices into the stores (4 bytes a slot;
    /// a dictionary from value to index held every key a second time, 9 of the pool's 15 MB).
    struct Interner {
        fileprivate var stringSlots = IndexSlots()
        fileprivate var descriptorSlots = IndexSlots()
        fileprivate let strings: ChunkedStore<String>
        fileprivate let descriptors: ChunkedStore<Descriptor>

        /// FNV-1a of the UTF-8 bytes: strings are told apart by their bytes.
        fileprivate static func hash(_ s: String) -> Int { Int(truncatingIfNeeded: FNV1a.hash(s)) }

        /// The index of `s`, interned if new.
        mutating func string(_ s: String) -> UInt32 {
            let strings = self.strings
            return stringSlots.index(
                hash: Self.hash(s), matches: { strings[$0].utf8.elementsEqual(s.utf8) },
                rehash: { Self.hash(strings[$0]) }, make: { strings.append(s) })
        }

        /// The index of `d`, interned if new.
        mutating func descriptor(_ d: Descriptor) -> UInt32 {
            let descriptors = self.descriptors
            return descriptorSlots.index(
                hash: d.hashValue, matches: { descriptors[$0] == d }, rehash: { descriptors[$0].hashValue },
                make: { descriptors.append(d) })
        }
    }

    private let strings = ChunkedStore<String>()
    private let descriptors = ChunkedStore<Descriptor>()
    private let interner: Mutex<Interner>

    private init() {
        interner = Mutex(Interner(strings: strings, descriptors: descriptors))
    }

    /// Runs `body` with the lock held, to intern one article's values at once.
    func intern<R>(_ body: (inout Interner) -> R) -> R {
        interner.withLock { body(&$0) }
    }

    /// The string interned at `i`.
    func string(at i: UInt32) -> String { strings[i] }

    /// The string interned at `i`, or nil for `Descriptor.none`.
    func optionalString(at i: UInt32) -> String? { i == Descriptor.none ? nil : strings[i] }

    /// The descriptor interned at `i`.
    func descriptor(at i: UInt32) -> Descriptor { descriptors[i] }

    /// Distinct strings and descriptors held.
    public var counts: (strings: Int, descriptors: Int) { (strings.count, descriptors.count) }

    /// Walks what the pool holds, for `HeapAccounting`: its chunks, strings and lookup tables.
    func walkHeap(_ account: inout HeapAccounting, path: String, level: Int, row r: Int) {
        strings.walkHeap(&account, row: r)
        descriptors.walkHeap(&account, row: r)
        for i in 0..<UInt32(strings.count) { account.countString(strings[i], row: r) }
        let (a, b) = interner.withLock { ($0.stringSlots, $0.descriptorSlots) }
        a.slots.walkHeap(&account, path: path, level: level, row: r)
        b.slots.walkHeap(&account, path: path, level: level, row: r)
    }
}

/// A hash set of indices into a store, by open addressing with linear probing: the values live in the store,
/// the table holds 4 bytes a slot (filled to three quarters at most).
struct IndexSlots {
    fileprivate var slots: [UInt32] = []
    private var used = 0
    private static var empty: UInt32 { .max }

    /// The index of the value hashing to `hash` for which `matches` holds, or a new one from `make`; `rehash`
    /// gives the hash of a stored index when the table grows.
    mutating func index(hash: Int, matches: (UInt32) -> Bool, rehash: (UInt32) -> Int, make: () -> UInt32) -> UInt32 {
        if (used + 1) * 4 > slots.count * 3 { grow(rehash) }
        let mask = slots.count - 1
        var i = hash & mask
        while slots[i] != Self.empty {
            if matches(slots[i]) { return slots[i] }
            i = (i + 1) & mask
        }
        let index = make()
        slots[i] = index
        used += 1
        return index
    }

    private mutating func grow(_ rehash: (UInt32) -> Int) {
        let old = slots
        slots = [UInt32](repeating: Self.empty, count: Swift.max(1024, old.count * 2))
        let mask = slots.count - 1
        for index in old where index != Self.empty {
            var i = rehash(index) & mask
            while slots[i] != Self.empty { i = (i + 1) & mask }
            slots[i] = index
        }
    }
}

/// An append-only table whose entries never move: a fixed directory of chunk pointers, each chunk allocated when
/// first needed. Appends are serialized by the caller (`EntityPool`'s lock); reads take no lock (see there).
// @unchecked Sendable: entries are written once, before their index is handed out, and never again.
final class ChunkedStore<T>: @unchecked Sendable {
    private static var chunkShift: Int { 14 }
    private static var chunkSize: Int { 1 << chunkShift }
    private static var maxChunks: Int { 1 << 12 }
    private let directory: UnsafeMutablePointer<UnsafeMutablePointer<T>?>
    private let counter = Atomic<Int>(0)

    init() {
        directory = .allocate(capacity: Self.maxChunks)
        directory.initialize(repeating: nil, count: Self.maxChunks)
    }

    /// Entries appended so far.
    var count: Int { counter.load(ordering: .acquiring) }

    /// Appends `value` (callers hold the lock) and returns its index.
    func append(_ value: T) -> UInt32 {
        let i = counter.load(ordering: .relaxed)
        let chunk = i >> Self.chunkShift
        precondition(chunk < Self.maxChunks, "entity pool full")
        if directory[chunk] == nil { directory[chunk] = .allocate(capacity: Self.chunkSize) }
        (directory[chunk]! + (i & (Self.chunkSize - 1))).initialize(to: value)
        counter.store(i + 1, ordering: .releasing)
        return UInt32(i)
    }

    /// The entry at `i` (below `count`, as every index handed out is).
    subscript(i: UInt32) -> T {
        directory[Int(i) >> Self.chunkShift].unsafelyUnwrapped[Int(i) & (Self.chunkSize - 1)]
    }

    /// The directory and chunk blocks.
    func walkHeap(_ account: inout HeapAccounting, row r: Int) {
        account.block(UInt(bitPattern: directory), request: Self.maxChunks * 8, row: r)
        var chunk = 0
        while chunk < Self.maxChunks, let p = directory[chunk] {
            account.block(UInt(bitPattern: p), request: Self.chunkSize * MemoryLayout<T>.stride, row: r)
            chunk += 1
        }
    }

    deinit {
        let n = count
        var chunk = 0
        while chunk < Self.maxChunks, let p = directory[chunk] {
            let used = Swift.min(Self.chunkSize, n - chunk * Self.chunkSize)
            p.deinitialize(count: Swift.max(0, used))
            p.deallocate()
            chunk += 1
        }
        directory.deallocate()
    }
}

extension EntityPool: HeapWalkable {}
