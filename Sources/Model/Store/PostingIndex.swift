import Foundation

/// Keys (words, name tokens, entity ids) mapped to ascending positions, stored flat: one key table, one offsets
/// array and one postings array, rather than a dictionary of arrays (one allocation and header per key).
/// The word indexes of texts are keyed by the FNV-1a hash of the folded word (`WordIndex`), so that building
/// them makes no string per word.
struct PostingIndex<Key: Hashable & Sendable>: Sendable {
    /// Key -> slot.
    private let slots: [Key: Int32]
    /// Where each slot's postings start in `postings`; one more entry than slots, so slot s is
    /// `offsets[s]..<offsets[s + 1]`.
    private let offsets: [UInt32]
    /// Every slot's ascending positions, slot after slot.
    private let postings: [Int32]

    /// An index with no keys.
    init() {
        slots = [:]
        offsets = [0]
        postings = []
    }

    /// Indexes `count` items on all cores: contiguous shards of items are indexed apart and concatenated in order,
    /// so every key's positions ascend. `keys(i)` gives item i's keys (repeats are kept once).
    init(count: Int, keys: @Sendable (Int) -> [Key]) {
        self.init(count: count) { i, add in
            for key in keys(i) { add(key) }
        }
    }

    /// Indexes `count` items on all cores, as `init(count:keys:)`; `visit(i, add)` calls `add` with each of item
    /// i's keys (repeats are kept once), so no array of keys is made per item.
    init(count: Int, visit: @Sendable (Int, (Key) -> Void) -> Void) {
        let shards = concurrentMap(shardRanges(count)) { range in Self.shard(range, visit: visit) }
        self.init(shards: shards)
    }

    /// One shard for `init(shards:)`: the items of `range`, each key with its ascending positions; `visit` as in
    /// `init(count:visit:)`.
    static func shard(_ range: Range<Int>, visit: (Int, (Key) -> Void) -> Void) -> [Key: [Int32]] {
        var local: [Key: [Int32]] = [:]
        for i in range {
            let position = Int32(i)
            visit(i) { key in appendOnce(&local[key, default: []], position) }
        }
        return local
    }

    /// Concatenates shards that cover ascending position ranges, in order.
    init(shards: [[Key: [Int32]]]) {
        var slots: [Key: Int32] = [:]
        var counts: [Int] = []
        for shard in shards {
            for (key, list) in shard {
                if let slot = slots[key] {
                    counts[Int(slot)] += list.count
                } else {
                    slots[key] = Int32(counts.count)
                    counts.append(list.count)
                }
            }
        }
        var offsets = [UInt32](repeating: 0, count: counts.count + 1)
        for (s, n) in counts.enumerated() { offsets[s + 1] = offsets[s] + UInt32(n) }
        var cursor = offsets
        var postings = [Int32](repeating: 0, count: Int(offsets[counts.count]))
        postings.withUnsafeMutableBufferPointer { out in
            for shard in shards {
                for (key, list) in shard {
                    let s = Int(slots[key]!)
                    var at = Int(cursor[s])
                    for p in list {
                        out[at] = p
                        at += 1
                    }
                    cursor[s] = UInt32(at)
                }
            }
        }
        self.slots = slots
        self.offsets = offsets
        self.postings = postings
    }

    /// The index of a new list of items built from `old`, the index of the previous list: `oldToNew` maps each old
    /// position to its new one (-1: dropped), keeping their order; `fresh` (ascending new positions) are the new
    /// items, whose keys `keys(i)` gives. Lookups answer what an index built afresh over the new list answers; a
    /// key left with no positions stays, empty. Work is one pass over the old postings, not over the items' text.
    init(remapping old: PostingIndex, oldToNew: [Int32], fresh: [Int], keys: (Int) -> [Key]) {
        var added: [Key: [Int32]] = [:]
        for i in fresh {
            for key in keys(i) { appendOnce(&added[key, default: []], Int32(i)) }
        }
        var slots = old.slots
        let oldSlotCount = old.offsets.count - 1
        var addedBySlot = [[Int32]?](repeating: nil, count: oldSlotCount)
        for (key, list) in added {
            if let s = slots[key] {
                addedBySlot[Int(s)] = list
            } else {
                slots[key] = Int32(addedBySlot.count)
                addedBySlot.append(list)
            }
        }
        var offsets = [UInt32](repeating: 0, count: addedBySlot.count + 1)
        var postings: [Int32] = []
        postings.reserveCapacity(old.postings.count + added.values.reduce(0) { $0 + $1.count })
        old.postings.withUnsafeBufferPointer { oldPostings in
            oldToNew.withUnsafeBufferPointer { map in
                for s in 0..<addedBySlot.count {
                    offsets[s] = UInt32(postings.count)
                    let extra = addedBySlot[s] ?? []
                    var k = 0
                    if s < oldSlotCount {
                        for at in Int(old.offsets[s])..<Int(old.offsets[s + 1]) {
                            let p = map[Int(oldPostings[at])]
                            if p < 0 { continue }
                            while k < extra.count && extra[k] < p {
                                postings.append(extra[k])
                                k += 1
                            }
                            postings.append(p)
                        }
                    }
                    while k < extra.count {
                        postings.append(extra[k])
                        k += 1
                    }
                }
            }
        }
        offsets[addedBySlot.count] = UInt32(postings.count)
        self.slots = slots
        self.offsets = offsets
        self.postings = postings
    }

    /// The ascending positions of `key`; empty when absent.
    subscript(key: Key) -> ArraySlice<Int32> {
        guard let s = slots[key] else { return [] }
        return postings[Int(offsets[Int(s)])..<Int(offsets[Int(s) + 1])]
    }

    /// Number of keys.
    var keyCount: Int { slots.count }

    /// Number of positions stored.
    var postingCount: Int { postings.count }
}

/// Search words of texts by the FNV-1a hash of their folded form (`TextTokens.forEachWordHash`).
typealias WordIndex = PostingIndex<UInt64>

extension PostingIndex where Key == UInt64 {
    /// The ascending positions of the texts that hold `word` (folded, as `TextTokens.words` gives it).
    subscript(word word: String) -> ArraySlice<Int32> { self[FNV1a.hash(word)] }
}

/// Appends `position` unless it is already the last element (items are visited in order, so this keeps each once).
@inline(__always)
func appendOnce(_ list: inout [Int32], _ position: Int32) {
    if list.last != position { list.append(position) }
}

/// `0..<count` cut into contiguous ranges, a few per core, for sharded builds.
func shardRanges(_ count: Int, perCore: Int = 4) -> [Range<Int>] {
    let shards = Swift.max(1, Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * perCore))
    let size = (count + shards - 1) / Swift.max(shards, 1)
    return stride(from: 0, to: count, by: Swift.max(size, 1)).map { $0..<Swift.min(count, $0 + size) }
}
