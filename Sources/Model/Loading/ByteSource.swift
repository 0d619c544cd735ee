/// Where a corpus reader gets its bytes: a file read in chunks, or bytes in memory (tests, fuzzing).
public protocol ByteSource {
    /// The next bytes; empty at the end.
    mutating func next() throws(LoadFailure) -> [UInt8]
}

/// Bytes in memory, handed out `chunkSize` at a time (small chunks exercise the readers' chunk seams).
public struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var position = 0

    /// A source over `bytes`.
    public init(_ bytes: [UInt8], chunkSize: Int = 1 << 20) {
        self.bytes = bytes
        self.chunkSize = Swift.max(1, chunkSize)
    }

    public mutating func next() throws(LoadFailure) -> [UInt8] {
        let end = Swift.min(bytes.count, position + chunkSize)
        defer { position = end }
        return Array(bytes[position..<end])
    }
}
