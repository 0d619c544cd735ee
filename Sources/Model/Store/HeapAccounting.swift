import Foundation

/// Counts the heap bytes that values hold, by walking them (with `Mirror`, so private stored properties count
/// too) and modelling how Swift lays out and glibc malloc hands out what they allocate: a native string of over
/// 15 bytes is one block of a 32-byte header, its UTF-8 and a NUL; an array one block of a 32-byte header and its
/// capacity; a dictionary or set one block of its buckets, bitmap and header; each block rounded up as glibc does
/// (8 bytes of chunk header, 16-byte multiples, 32 at least). Storage shared by several values (copy on write) is
/// counted once, by the first path that reaches it, so the order of `measure` calls decides whose it is.
///
/// A diagnostic (`newsdesk memory`): the walk is slow (about a microsecond a value), nothing on the serving path
/// uses it.
public struct HeapAccounting {
    /// Bytes and blocks by category, in the order first met.
    public private(set) var rows: [(category: String, bytes: Int, blocks: Int)] = []
    private var rowIndex: [String: Int] = [:]
    private var seen: Set<UInt> = []
    private var seenObjects: Set<ObjectIdentifier> = []
    /// Categories are named down to this many path components (`articles[].fields.entities`); deeper
    /// values count toward their ancestor at that depth.
    public var depth: Int

    /// An empty account.
    public init(depth: Int = 2) { self.depth = depth }

    /// The chunk glibc's malloc uses for a request of `bytes`.
    @inline(__always)
    static func chunk(_ bytes: Int) -> Int { bytes <= 0 ? 0 : Swift.max(32, (bytes + 8 + 15) & ~15) }

    /// Counts what `value` holds under `name` (and `name.field…` below it, to `depth` components).
    public mutating func measure(_ name: String, _ value: Any) {
        walk(value, path: name, level: 1, row: row(name))
    }

    /// Adds bytes that the walk cannot see (C allocations, for one) under `name`.
    public mutating func add(_ name: String, bytes: Int, blocks: Int) {
        let r = row(name)
        rows[r].bytes += bytes
        rows[r].blocks += blocks
    }

    private mutating func row(_ name: String) -> Int {
        if let r = rowIndex[name] { return r }
        rowIndex[name] = rows.count
        rows.append((name, 0, 0))
        return rows.count - 1
    }

    /// Records a block at `address` of `request` bytes, unless counted already.
    mutating func block(_ address: UInt, request: Int, row r: Int) {
        guard request > 0, seen.insert(address).inserted else { return }
        rows[r].bytes += Self.chunk(request)
        rows[r].blocks += 1
    }

    mutating func walk(_ value: Any, path: String, level: Int, row r: Int) {
        if let s = value as? String {
            countString(s, row: r)
            return
        }
        if let sized = value as? HeapWalkable {
            sized.walkHeap(&self, path: path, level: level, row: r)
            return
        }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .class {
            let object = value as AnyObject
            guard seenObjects.insert(ObjectIdentifier(object)).inserted else { return }
            rows[r].bytes += Self.chunk(Swift.max(16, class_instanceSize(object)))
            rows[r].blocks += 1
        }
        walkChildren(mirror, path: path, level: level, row: r)
    }

    private mutating func walkChildren(_ mirror: Mirror, path: String, level: Int, row r: Int) {
        let named = mirror.displayStyle == .struct || mirror.displayStyle == .class
        for child in mirror.children {
            if named, level < depth, let label = child.label {
                let sub = path + "." + label
                walk(child.value, path: sub, level: level + 1, row: row(sub))
            } else {
                walk(child.value, path: path, level: level, row: r)
            }
        }
        if let parent = mirror.superclassMirror { walkChildren(parent, path: path, level: level, row: r) }
    }

    mutating func countString(_ s: String, row r: Int) {
        let count = s.utf8.count
        guard count > 15 else { return }  // small strings live inline
        let address = s.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? 0
        guard address != 0 else { return }
        block(address, request: 32 + count + 1, row: r)
    }

    /// A rough instance size: the stored properties' inline bytes, from the mirror, plus the object header.
    private func class_instanceSize(_ object: AnyObject) -> Int {
        var size = 16
        for child in Mirror(reflecting: object).children { size += MemoryLayout.size(ofValue: child.value) }
        return size
    }
}

/// A collection that knows its own heap block.
protocol HeapWalkable {
    func walkHeap(_ account: inout HeapAccounting, path: String, level: Int, row: Int)
}

extension Array: HeapWalkable {
    func walkHeap(_ account: inout HeapAccounting, path: String, level: Int, row r: Int) {
        guard capacity > 0 else { return }
        let address = withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let before = account.rows[r].blocks
        account.block(address, request: 32 + capacity * MemoryLayout<Element>.stride, row: r)
        // A buffer met before (shared) has had its elements counted too.
        guard account.rows[r].blocks > before, !_isPOD(Element.self) else { return }
        let sub = level < account.depth ? path + "[]" : path
        for element in self { account.walk(element, path: sub, level: level, row: r) }
    }
}

extension Article: HeapWalkable {
    /// The fields' object once (copies share it), its fields named as the article's own (`articles[].text`).
    func walkHeap(_ account: inout HeapAccounting, path: String, level: Int, row r: Int) {
        account.walk(storageObject, path: path, level: level, row: r)
    }
}

extension ContiguousArray: HeapWalkable {
    func walkHeap(_ account: inout HeapAccounting, path: String, level: Int, row r: Int) {
        Array(self).walkHeap(&account, path: path, level: level, row: r)
    }
}

/// The bytes a native Set or Dictionary storage of `capacity` asks for: its header, the occupancy bitmap and the
/// buckets (a power of two, filled to three quarters at most), each `entry` bytes.
private func hashedStorageBytes(capacity: Int, entry: Int) -> Int {
    var buckets = 1
    while buckets * 3 / 4 < capacity { buckets *= 2 }
    return 80 + buckets / 8 + buckets * entry
}

extension Dictionary: HeapWalkable {
    func walkHeap(_ account: inout HeapAccounting, path: String, level: Int, row r: Int) {
        guard capacity > 0 else { return }
        let address = unsafeBitCast(self, to: UInt.self)
        let before = account.rows[r].blocks
        account.block(address, request: hashedStorageBytes(capacity: capacity,
                                                           entry: MemoryLayout<Key>.stride + MemoryLayout<Value>.stride), row: r)
        guard account.rows[r].blocks > before else { return }
        if !_isPOD(Key.self) { for key in keys { account.walk(key, path: path, level: level, row: r) } }
        if !_isPOD(Value.self) { for value in values { account.walk(value, path: path, level: level, row: r) } }
    }
}

extension Set: HeapWalkable {
    func walkHeap(_ account: inout HeapAccounting, path: String, level: Int, row r: Int) {
        guard capacity > 0 else { return }
        let address = unsafeBitCast(self, to: UInt.self)
        let before = account.rows[r].blocks
        account.block(address, request: hashedStorageBytes(capacity: capacity, entry: MemoryLayout<Element>.stride), row: r)
        guard account.rows[r].blocks > before, !_isPOD(Element.self) else { return }
        for element in self { account.walk(element, path: path, level: level, row: r) }
    }
}
