import Dispatch
import Foundation

/// Reads a corpus directory (recursively) into articles: plain text (`.txt`), `.json`, `.jsonl`/`.ndjson`.
///
/// Files that cannot be parsed are reported with a reason and skipped; the rest still load. Reading and
/// extraction run on all cores; ids are assigned in path order, so they are stable across restarts.
public struct CorpusLoader: Sendable {
    /// The extraction pipeline.
    public let extractors: Extractors
    /// How many threads parse and extract at once.
    public let concurrency: Int

    /// Creates a loader.
    public init(extractors: Extractors, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.extractors = extractors
        self.concurrency = Swift.max(1, concurrency)
    }

    /// What a load produced.
    public struct Result: Sendable {
        /// The articles, in path order.
        public var articles: [Article]
        /// Every file or record that was skipped, with the reason.
        public var failures: [LoadFailure]
        /// Total bytes of article text read.
        public var bytes: Int
    }

    /// Loads every article file under `directory`.
    public func load(directory: URL) throws(LoadFailure) -> Result {
        let root = directory.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw LoadFailure(file: directory.path, reason: "no such directory")
        }
        let files: [String]
        if isDirectory.boolValue {
            files = Self.articleFiles(under: root)
        } else {
            files = [root.lastPathComponent]
        }
        let base = isDirectory.boolValue ? root : root.deletingLastPathComponent()
        return load(files: files, base: base)
    }

    /// Loads the given files: paths relative to `base`, or as given when `base` is nil.
    public func load(files: [String], base: URL?) -> Result {
        let metadata = IndexMetadata(base: base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath), files: files)
        let parsed = parallelMap(files) { file in Self.read(file: file, base: base) }
        var raws: [RawArticle] = []
        var failures: [LoadFailure] = []
        var bytes = 0
        for outcome in parsed {
            failures += outcome.failures
            for var raw in outcome.articles {
                metadata.apply(to: &raw)
                bytes += raw.paragraphs.reduce(0) { $0 + $1.utf8.count }
                raws.append(raw)
            }
        }
        var ids = IdAllocator()
        let identified = raws.map { (raw: $0, id: ids.allocate(date: $0.date, title: ArticleBuilder.title(of: $0, english: extractors.lexicon.english))) }
        let builder = ArticleBuilder(extractors: extractors)
        let articles = parallelMap(identified) { builder.build($0.raw, id: $0.id) }
        return Result(articles: articles, failures: failures, bytes: bytes)
    }

    /// Paths (relative to `root`, sorted) of the article files under it; hidden files and folders are skipped.
    static func articleFiles(under root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            let ext = (name as NSString).pathExtension.lowercased()
            guard ext == "txt" || ext == "json" || ext == "jsonl" || ext == "ndjson" else { continue }
            // No stat per file: a folder named like an article is reported as unreadable at read time.
            files.append(relative)
        }
        return files.sorted()
    }

    /// Reads and parses one file into raw articles or failures.
    static func read(file: String, base: URL?) -> (articles: [RawArticle], failures: [LoadFailure]) {
        let url = base.map { $0.appendingPathComponent(file) } ?? URL(fileURLWithPath: file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: url.path) else {
            return ([], [LoadFailure(file: file, reason: "cannot read file")])
        }
        guard !data.isEmpty else { return ([], [LoadFailure(file: file, reason: "empty file")]) }
        guard let text = String(validating: data, as: UTF8.self) else {
            return ([], [LoadFailure(file: file, reason: "invalid UTF-8")])
        }
        do {
            switch url.pathExtension.lowercased() {
            case "json": return (try JSONFormat.parseDocument(data, file: file), [])
            case "jsonl", "ndjson": return JSONFormat.parseLines(text, file: file)
            default: return ([try PlainTextFormat.parse(text, file: file)], [])
            }
        } catch {
            return ([], [error])
        }
    }

    /// Maps `items` on `concurrency` threads, keeping order.
    func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        concurrentMap(items, threads: concurrency, transform)
    }
}

/// Gives each article an id from its date and the first words of its title, made unique with `-2`, `-3`…
struct IdAllocator {
    private var used: Set<String> = []

    /// "2020-10-12" + "Azerbaijan and Armenia are fighting over…" -> "2020-10-12-azerbaijan-and-armenia-are-fighting".
    mutating func allocate(date: String, title: String) -> String {
        let slug = Slug.make(title, maxWords: 5)
        let base = slug.isEmpty ? date : "\(date)-\(slug)"
        var id = base
        var n = 2
        while used.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        used.insert(id)
        return id
    }
}

/// Titles, outlets and URLs from `index.tsv` files beside the articles (a `file` column and any of
/// `title`, `outlet`, `url`), as the scale corpora ship them.
struct IndexMetadata {
    private var rows: [String: [String: String]] = [:]

    init(base: URL, files: [String]) {
        var directories = Set<String>()
        for file in files {
            let dir = (file as NSString).deletingLastPathComponent
            directories.insert(dir)
            directories.insert((dir as NSString).deletingLastPathComponent)
        }
        for dir in directories {
            let indexURL = dir.hasPrefix("/") ? URL(fileURLWithPath: dir).appendingPathComponent("index.tsv")
                : dir.isEmpty ? base.appendingPathComponent("index.tsv")
                : base.appendingPathComponent(dir).appendingPathComponent("index.tsv")
            guard let data = FileManager.default.contents(atPath: indexURL.path),
                  let text = String(validating: data, as: UTF8.self) else { continue }
            let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            guard let header = lines.first, let fileColumn = header.firstIndex(of: "file") else { continue }
            for row in lines.dropFirst() where row.count == header.count {
                var fields: [String: String] = [:]
                for (i, name) in header.enumerated() where !row[i].isEmpty { fields[name] = row[i] }
                rows[row[fileColumn], default: fields].merge(fields) { old, _ in old }
            }
        }
    }

    /// Fills title, outlet and URL that the file itself does not give.
    func apply(to raw: inout RawArticle) {
        let name = (raw.source.file as NSString).lastPathComponent
        guard let fields = rows[name] else { return }
        if raw.title == nil, let title = fields["title"] { raw.title = title }
        if raw.source.outlet == nil, let outlet = fields["outlet"] { raw.source.outlet = outlet }
        if raw.source.url == nil, let url = fields["url"] { raw.source.url = url }
    }
}
