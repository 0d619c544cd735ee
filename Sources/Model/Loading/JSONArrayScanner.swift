/// Splits a `.json` document (one object, or an array of them) into its records as it reads, keeping at
/// most one record and never more than `maxRecordBytes` of it.
///
/// It checks the structure between records (brackets, commas, strings) and counts lines; the records
/// themselves are decoded afterwards, one at a time. Nesting and strings inside a record are tracked
/// only to find where it ends.
public struct JSONArrayScanner<Source: ByteSource> {
    /// One record of the document.
    public struct Record: Equatable {
        /// Its bytes, or nil when it was over the cap (and dropped as it was read).
        public var bytes: [UInt8]?
        /// Its size in bytes.
        public var size: Int
        /// Its position in the array from 0; nil for a document that is a single object.
        public var index: Int?
        /// The line it starts on, from 1.
        public var line: Int
    }

    private enum Phase {
        /// Before the first non-blank byte.
        case start
        /// After `[`: a record or `]`.
        case firstElement
        /// After `,`: a record.
        case element
        /// Inside a record.
        case inElement
        /// After a record: `,` or `]`.
        case afterElement
        /// After the closing `]` or the single object: only blanks.
        case end
    }

    private var source: Source
    private let maxRecordBytes: Int
    private var chunk: [UInt8] = []
    private var position = 0
    private var phase = Phase.start
    private var single = false
    private var index = 0
    private var line = 1

    /// A scanner of `source` that keeps records of at most `maxRecordBytes`.
    public init(_ source: Source, maxRecordBytes: Int) {
        self.source = source
        self.maxRecordBytes = maxRecordBytes
    }

    /// Whether the document is a single object rather than an array (known after the first `next()`).
    public var isSingleObject: Bool { single }

    /// The next record, or nil after the last; throws when the document is not an object or an array
    /// of records ("not JSON: …").
    public mutating func next() throws(LoadFailure) -> Record? {
        var record: [UInt8] = []
        var size = 0
        var startLine = line
        var depth = 0
        var inString = false
        var escaped = false
        while true {
            if position == chunk.count {
                chunk = try source.next()
                position = 0
                if chunk.isEmpty {
                    switch phase {
                    case .start: throw LoadFailure(file: "", reason: "empty file")
                    case .end: return nil
                    case .inElement where single && depth == 0 && !inString:
                        phase = .end
                        return Record(bytes: size > maxRecordBytes ? nil : record, size: size, index: nil, line: startLine)
                    default:
                        throw LoadFailure(file: "", reason: "not JSON: the file ends inside \(single ? "the object" : "the array")")
                    }
                }
            }
            let byte = chunk[position]
            position += 1
            if byte == 0x0A { line += 1 }
            let blank = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            switch phase {
            case .start:
                if blank { continue }
                if byte == UInt8(ascii: "[") {
                    phase = .firstElement
                } else if byte == UInt8(ascii: "{") {
                    single = true
                    phase = .inElement
                    startLine = line
                    depth = 1
                    size = 1
                    record = [byte]
                } else if byte == 0xEF || byte == 0xBB || byte == 0xBF {
                    continue  // a byte-order mark
                } else {
                    throw LoadFailure(file: "", reason: "expected an object or an array of objects")
                }
            case .firstElement, .element:
                if blank { continue }
                if byte == UInt8(ascii: "]") && phase == .firstElement {
                    phase = .end
                    continue
                }
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    throw LoadFailure(file: "", reason: "not JSON: unexpected '\(Character(Unicode.Scalar(byte)))' on line \(line)")
                }
                phase = .inElement
                startLine = line
                position -= 1  // read the record's first byte as part of it
                if byte == 0x0A { line -= 1 }
            case .inElement:
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    if depth == 0 {
                        // The array's own `]` after a scalar record, or a stray bracket.
                        guard !single, byte == UInt8(ascii: "]") else {
                            throw LoadFailure(file: "", reason: "not JSON: unexpected '\(Character(Unicode.Scalar(byte)))' on line \(line)")
                        }
                        phase = .end
                        return finish(record, size: size, line: startLine)
                    }
                    depth -= 1
                } else if byte == UInt8(ascii: ",") && depth == 0 && !single {
                    phase = .element
                    return finish(record, size: size, line: startLine)
                }
                size += 1
                if size <= maxRecordBytes { record.append(byte) } else if !record.isEmpty { record = [] }
                if single && depth == 0 && !inString && size > 0 && (byte == UInt8(ascii: "}")) {
                    phase = .end
                    return Record(bytes: size > maxRecordBytes ? nil : record, size: size, index: nil, line: startLine)
                }
                if depth == 0 && !inString && !single && (byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")) {
                    phase = .afterElement
                }
            case .afterElement:
                if blank { continue }
                if byte == UInt8(ascii: ",") {
                    phase = .element
                } else if byte == UInt8(ascii: "]") {
                    phase = .end
                } else {
                    throw LoadFailure(file: "", reason: "not JSON: expected ',' or ']' on line \(line)")
                }
                return finish(record, size: size, line: startLine)
            case .end:
                if blank { continue }
                throw LoadFailure(file: "", reason: "not JSON: text after the end on line \(line)")
            }
        }
    }

    /// A finished array record, counted.
    private mutating func finish(_ record: [UInt8], size: Int, line: Int) -> Record {
        defer { index += 1 }
        return Record(bytes: size > maxRecordBytes ? nil : record, size: size, index: index, line: line)
    }
}
