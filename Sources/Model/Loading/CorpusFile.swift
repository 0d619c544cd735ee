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

    /// Byte order (`memcmp`, then the shorter first): what `lexicographicallyPrecedes` gives, without its
    /// element-by-element iteration (sorting 102,745 paths took a tenth of a second that way).
    public static func < (a: CorpusFile, b: CorpusFile) -> Bool {
        a.path.withUnsafeBufferPointer { x in
            b.path.withUnsafeBufferPointer { y in
                let common = Swift.min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    /// Whether `name` (a file name, bytes) ends in `.txt`, `.json`, `.jsonl` or `.ndjson`, in any ASCII case,
    /// with something before the dot: what `pathExtension` says, without making strings.
    static func isArticleFileName(_ name: [UInt8]) -> Bool {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return false }
        let ext = name[(dot + 1)...]
        guard (3...6).contains(ext.count) else { return false }
        var lower: [UInt8] = []
        lower.reserveCapacity(ext.count)
        for byte in ext { lower.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        return lower == Array("txt".utf8) || lower == Array("json".utf8) || lower == Array("jsonl".utf8)
            || lower == Array("ndjson".utf8)
    }

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
                var kind = entry.pointee.d_type
                // A regular file (or a link, which is opened through) not named like an article is not kept.
                if kind != UInt8(DT_DIR) && kind != UInt8(DT_UNKNOWN) && !isArticleFileName(name) { continue }
                let path = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
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
                guard isArticleFileName(name) else { continue }
                files.append(CorpusFile(path: path))
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

/// What identifies a file's content without reading it: device, inode, size and modification time (ns).
/// The change time is left out on purpose: adding a hard link to a file changes it, not the content.
struct FileStamp: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }

    /// The stamp of the regular file at `path` (bytes, following links), or nil.
    init?(path: [UInt8]) {
        var info = stat()
        guard CorpusFile.withCString(path, { stat($0, &info) }) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(info)
    }

    /// Whether the file was modified so close to `now` (seconds since 1970) that a later write could leave
    /// the same stamp: file times advance in clock ticks, so a write within the tick of a read is invisible.
    /// Such a file's content is hashed when read, and the hash compared before it is reused.
    func isRacy(now: Int) -> Bool { modifiedSeconds >= now - 2 }

    /// Seconds since 1970, as file times count them.
    static func now() -> Int { Int(time(nil)) }
}

/// A regular file open for reading, read in chunks; closed when released.
final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let chunkSize: Int
    /// The file's size when opened.
    let size: Int
    /// Its identity and modification time when opened.
    let stamp: FileStamp
    /// FNV-1a of the bytes handed out so far, when `hashing`.
    private(set) var contentHash = FNV1a()
    /// Whether `contentHash` is kept.
    var hashing = false
    /// Whether a read failed: what was read is not the whole file.
    private(set) var failed = false

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
        stamp = FileStamp(info)
        self.chunkSize = chunkSize
    }

    deinit { close(descriptor) }

    func next() throws(LoadFailure) -> [UInt8] { try next(atMost: chunkSize) }

    /// The next at most `count` bytes (at least 1); empty at the end of the file. The buffer is not zeroed
    /// first: zeroing a 1 MiB chunk for a file of a few kilobytes cost more than the whole extraction.
    func next(atMost count: Int) throws(LoadFailure) -> [UInt8] {
        while true {
            var error: Int32 = 0
            let buffer = [UInt8](unsafeUninitializedCapacity: count) { raw, initialized in
                let n = read(descriptor, raw.baseAddress, count)
                if n < 0 { error = errno }
                initialized = Swift.max(n, 0)
            }
            if error == 0 {
                if hashing { contentHash.combine(bytes: buffer) }
                return buffer
            }
            if error != EINTR {
                failed = true
                throw LoadFailure(file: "", reason: "read error: \(String(cString: strerror(error)))")
            }
        }
    }

    /// The rest of the file, at most `limit` bytes (more when the file grew past `limit`: the caller checks).
    /// Reads what the size promises plus one byte, so that the end shows in the second read.
    func readAll(limit: Int) throws(LoadFailure) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Swift.min(size, limit) + 1)
        while bytes.count <= limit {
            let chunk = try next(atMost: Swift.min(chunkSize, Swift.max(size - bytes.count, 0) + 1))
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return bytes
    }

    /// FNV-1a of the whole file from here on (read in chunks, not kept), or nil on a read error.
    func hashRest() -> UInt64? {
        hashing = true
        do {
            while try !next().isEmpty {}
        } catch {
            return nil
        }
        return contentHash.value
    }
}
