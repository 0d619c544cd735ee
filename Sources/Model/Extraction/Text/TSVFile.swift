import Foundation

/// A data file split into rows of tab-separated columns, with line numbers for errors.
struct TSVFile {
    /// One line of the file.
    struct Row {
        /// The file's path.
        let file: String
        /// 1-based line number.
        let line: Int
        /// The columns; missing trailing columns are empty strings.
        let columns: [String]

        /// Column `i`, trimmed.
        subscript(i: Int) -> String { i < columns.count ? columns[i] : "" }

        /// Column `i`, which must not be empty.
        func required(_ i: Int) throws -> String {
            let value = self[i]
            if value.isEmpty { throw error("column \(i + 1) is empty") }
            return value
        }

        /// Column `i`, or nil when empty.
        func optional(_ i: Int) -> String? {
            let value = self[i]
            return value.isEmpty ? nil : value
        }

        /// Column `i` split at `|`.
        func list(_ i: Int) -> [String] {
            let column = self[i]
            if column.isEmpty { return [] }
            return column.split(separator: "|").map { String(TSVFile.trimmed($0)) }.filter { !$0.isEmpty }
        }

        /// An error naming the file and line.
        func error(_ reason: String) -> LexiconError {
            LexiconError(file: file, reason: "line \(line): \(reason)")
        }
    }

    /// The rows, without blank lines and `#` comments.
    let rows: [Row]

    /// Reads `name` in `folder`, checking that every row has a number of columns in `columns`.
    init(_ folder: URL, _ name: String, columns: ClosedRange<Int>) throws {
        let url = folder.appendingPathComponent(name)
        let path = url.path
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw LexiconError(file: path, reason: "cannot be read as UTF-8 text")
        }
        var rows: [Row] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = Self.trimmed(line)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String(Self.trimmed($0)) }
            // Trailing empty columns are optional.
            while fields.count > columns.lowerBound && fields.last == "" { fields.removeLast() }
            guard columns.contains(fields.count) else {
                let expected = columns.count == 1 ? "\(columns.lowerBound)" : "\(columns.lowerBound) to \(columns.upperBound)"
                throw LexiconError(file: path, reason: "line \(number): expected \(expected) columns, found \(fields.count)")
            }
            rows.append(Row(file: path, line: number, columns: fields))
        }
        self.rows = rows
    }

    /// `s` without spaces and carriage returns at either end (Foundation's trimming is slow on 30,000 lines).
    static func trimmed(_ s: Substring) -> Substring {
        var a = s.unicodeScalars.startIndex, b = s.unicodeScalars.endIndex
        let scalars = s.unicodeScalars
        while a < b && (scalars[a] == " " || scalars[a] == "\r" || scalars[a] == "\u{FEFF}") { a = scalars.index(after: a) }
        while b > a {
            let before = scalars.index(before: b)
            guard scalars[before] == " " || scalars[before] == "\r" else { break }
            b = before
        }
        return Substring(scalars[a..<b])
    }
}
