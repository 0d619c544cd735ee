import Foundation
#if canImport(Glibc)
// Foundation turns file names into Swift strings and replaces bytes that are not UTF-8, so a file named
// in Latin-1 cannot be opened through it. The loader walks folders and opens files with the C library's
// byte paths instead; nothing of it shows outside this file.
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A corpus file: its path as bytes (file names need not be UTF-8) and as shown in reports.
public struct CorpusFile: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path, relative to the corpus folder or as given, as the file system spells it.
    public let path: [UInt8]

    /// A file at `path` (bytes).
    public init(path: [UInt8]) { self.path = path }

    /// A file at `path` (text).
    public init(_ path: String) { self.path = Array(path.utf8) }

    /// The path as text; bytes that are not UTF-8 become U+FFFD.
    public var description: String { String(decoding: path, as: UTF8.self) }

    /// The extension, lower-cased ASCII ("txt", "json", …), or "" without one.
    public var pathExtension: String {
        let name = path.split(separator: UInt8(ascii: "/")).last ?? []
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()
    }

    public static func < (a: CorpusFile, b: CorpusFile) -> Bool { a.path.lexicographicallyPrecedes(b.path) }

    /// Paths (relative to `root`, sorted by bytes) of the article files under it, read recursively;
    /// hidden files and folders are skipped, and symbolic links to folders are not followed.
    static func articleFiles(under root: [UInt8]) -> [CorpusFile] {
        var files: [CorpusFile] = []
        var folders: [[UInt8]] = [[]]
        while let relative = folders.popLast() {
            let folder = relative.isEmpty ? root : root + [UInt8(ascii: "/")] + relative
            guard let directory = withCString(folder, { opendir($0) }) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    Array(raw.prefix(while: { $0 != 0 }))
                }
                if name.first == UInt8(ascii: ".") { continue }  // hidden, and "." and ".."
                let path = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
                var kind = entry.pointee.d_type
                if kind == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    let full = folder + [UInt8(ascii: "/")] + name
                    if withCString(full, { lstat($0, &info) }) == 0 {
                        kind = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                    }
                }
                if kind == UInt8(DT_DIR) {
                    folders.append(path)
                    continue
                }
                let file = CorpusFile(path: path)
                let ext = file.pathExtension
                guard ext == "txt" || ext == "json" || ext == "jsonl" || ext == "ndjson" else { continue }
                files.append(file)
            }
        }
        return files.sorted()
    }

    /// Calls `body` with `bytes` as a NUL-terminated C string.
    static func withCString<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}

/// A regular file open for reading, read in chunks; closed when released.
final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let chunkSize: Int
    /// The file's size when opened.
    let size: Int

    /// Opens `path` (bytes); nil when it is not a readable regular file.
    init?(path: [UInt8], chunkSize: Int = 1 << 20) {
        let fd = CorpusFile.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        descriptor = fd
        size = Int(info.st_size)
        self.chunkSize = chunkSize
    }

    deinit { close(descriptor) }

    func next() throws(LoadFailure) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
            if n >= 0 {
                buffer.removeLast(chunkSize - n)
                return buffer
            }
            if errno != EINTR { throw LoadFailure(file: "", reason: "read error: \(String(cString: strerror(errno)))") }
        }
    }

    /// The rest of the file, at most `limit` bytes.
    func readAll(limit: Int) throws(LoadFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Swift.min(size, limit))
        while bytes.count <= limit {
            let chunk = try next()
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return bytes
    }
}
