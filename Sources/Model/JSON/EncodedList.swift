/// The JSON of each item of a list, written when asked for rather than held: `list[i]` encodes item i. Snapshots
/// serve their per-quote, per-figure, per-entity, per-speaker and article-list JSON through these instead of
/// keeping every item's bytes encoded (about 50 MB on the 20,549 articles of the scale corpus, a sixth of the heap,
/// most of it copies of text the items hold anyway). Writing one item costs about a microsecond, so a page of 50
/// costs tens of microseconds; exports stream a chunk at a time.
public struct EncodedList<Item: Sendable>: RandomAccessCollection, Sendable {
    /// Item `i`.
    private let item: @Sendable (Int) -> Item
    /// Number of items.
    private let itemCount: Int
    private let write: @Sendable (Item, inout JSONWriter) -> Void

    /// A list that encodes each of `items` with `write`.
    public init(_ items: [Item], write: @escaping @Sendable (Item, inout JSONWriter) -> Void) {
        self.init(count: items.count, item: { items[$0] }, write: write)
    }

    /// A list of `count` items, `item(i)` the i-th, each encoded with `write` (items held elsewhere).
    public init(count: Int, item: @escaping @Sendable (Int) -> Item, write: @escaping @Sendable (Item, inout JSONWriter) -> Void) {
        self.item = item
        self.itemCount = count
        self.write = write
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { itemCount }

    /// Item `i`'s JSON.
    public subscript(i: Int) -> [UInt8] {
        var w = JSONWriter(capacity: 512)
        write(item(i), &w)
        return w.bytes
    }

    /// Writes item `i` into `writer` (as the next value of the array or key it is at), with no copy between.
    public func write(_ i: Int, to writer: inout JSONWriter) {
        write(item(i), &writer)
    }
}

extension EncodedList where Item: JSONWritable {
    /// A list that encodes each of `items` as its own JSON.
    public init(_ items: [Item]) {
        self.init(items) { item, w in item.writeJSON(to: &w) }
    }
}

extension EncodedList: Equatable {
    /// Two lists are equal when they encode the same bytes, item by item.
    public static func == (lhs: EncodedList, rhs: EncodedList) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0 == $1 }
    }
}
