/// Splits a byte source into lines (at LF) without holding more than one line, and never more than
/// `maxLineBytes` of it: a longer line is counted and skipped, not kept.
public struct LineReader<Source: ByteSource> {
    /// One line: its bytes (without the LF), or the size of a line over the cap.
    public enum Line: Equatable {
        /// A line within the cap.
        case text([UInt8])
        /// A line of this many bytes, over the cap; its bytes were dropped as they were read.
        case oversized(Int)
    }

    private var source: Source
    private let maxLineBytes: Int
    private var chunk: [UInt8] = []
    private var position = 0
    private var finished = false
    /// The number of the line `next()` returned last, from 1.
    public private(set) var lineNumber = 0

    /// A reader of `source` that keeps lines of at most `maxLineBytes`.
    public init(_ source: Source, maxLineBytes: Int) {
        self.source = source
        self.maxLineBytes = maxLineBytes
    }

    /// The next line, or nil at the end. A last line without a final LF is still a line.
    public mutating func next() throws(LoadFailure) -> Line? {
        var line: [UInt8] = []
        var size = 0
        var started = false
        while true {
            if position == chunk.count {
                if finished { return nil }
                chunk = try source.next()
                position = 0
                if chunk.isEmpty {
                    finished = true
                    guard started else { return nil }
                    lineNumber += 1
                    return size > maxLineBytes ? .oversized(size) : .text(line)
                }
            }
            started = true
            let newline = chunk[position...].firstIndex(of: 0x0A)
            let stop = newline ?? chunk.count
            let count = stop - position
            if size + count <= maxLineBytes {
                line.append(contentsOf: chunk[position..<stop])
            } else if !line.isEmpty {
                line = []  // over the cap: drop what was kept
            }
            size += count
            position = stop
            if newline != nil {
                position += 1
                lineNumber += 1
                return size > maxLineBytes ? .oversized(size) : .text(line)
            }
        }
    }
}
