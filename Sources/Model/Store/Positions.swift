/// Ascending (or otherwise ordered) positions in one of the snapshot's lists, as a query returns them: a plain
/// range, a slice of a stored index, or an array built for the query. A range or a slice costs nothing to
/// return, so a query pays for the page it renders, not for every match.
public struct Positions: RandomAccessCollection, Sendable, Equatable {
    private enum Storage: Sendable, Equatable {
        case range(Range<Int>)
        case slice(ArraySlice<Int32>)
    }

    private let storage: Storage

    /// The positions `range`.
    public init(_ range: Range<Int>) { storage = .range(range) }

    /// The positions in `slice`, in order.
    public init(_ slice: ArraySlice<Int32>) { storage = .slice(slice) }

    /// The positions in `array`, in order.
    public init(_ array: [Int32]) { storage = .slice(array[...]) }

    /// Zero.
    public var startIndex: Int { 0 }

    /// The number of positions.
    public var endIndex: Int {
        switch storage {
        case .range(let r): r.count
        case .slice(let s): s.count
        }
    }

    /// The i-th position.
    public subscript(i: Int) -> Int32 {
        switch storage {
        case .range(let r): Int32(r.lowerBound + i)
        case .slice(let s): s[s.startIndex + i]
        }
    }

    /// Equal when they hold the same positions in the same order.
    public static func == (a: Positions, b: Positions) -> Bool { a.elementsEqual(b) }
}
