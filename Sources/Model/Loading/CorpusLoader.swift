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

    /// What a load may read.
    public let limits: LoadLimits

    /// Creates a loader.
    public init(extractors: Extractors, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                limits: LoadLimits = LoadLimits()) {
        self.extractors = extractors
        self.concurrency = Swift.max(1, concurrency)
        self.limits = limits
    }

    /// What a load produced.
    public struct Result: Sendable {
        /// The articles, in path order.
        public var articles: [Article]
        /// Every file or record that was skipped or refused, with the reason.
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
        if isDirectory.boolValue {
            return load(files: CorpusFile.articleFiles(under: Array(root.path.utf8)), base: root)
        }
        return load(files: [CorpusFile(root.lastPathComponent)], base: root.deletingLastPathComponent())
    }

    /// Loads the given files: paths relative to `base`, or as given when `base` is nil.
    public func load(files: [String], base: URL?) -> Result {
        load(files: files.map(CorpusFile.init), base: base)
    }

    /// Loads the given files in path order, in batches read in parallel, until `limits.maxArticles`.
    public func load(files: [CorpusFile], base: URL?) -> Result {
        let metadata = IndexMetadata(base: base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                     files: files.map(\.description))
        var raws: [RawArticle] = []
        var failures: [LoadFailure] = []
        var bytes = 0
        let batch = concurrency * 8
        var next = 0
        while next < files.count {
            let budget = limits.maxArticles - raws.count
            if budget <= 0 {
                failures.append(LoadFailure(file: files[next].description, reason:
                    "maxArticles (\(limits.maxArticles)) reached: this and \(files.count - next - 1) later files not read"))
                break
            }
            let slice = Array(files[next..<Swift.min(files.count, next + batch)])
            next += slice.count
            // Each file may fill the whole remaining budget; the overshoot of a batch is cut below.
            let parsed = parallelMap(slice) { file in self.read(file: file, base: base, budget: budget) }
            for (file, outcome) in zip(slice, parsed) {
                failures += outcome.failures
                let room = limits.maxArticles - raws.count
                if outcome.articles.count > room {
                    failures.append(LoadFailure(file: file.description, reason:
                        "maxArticles (\(limits.maxArticles)) reached: \(outcome.articles.count - room) articles of this file not loaded"))
                }
                for var raw in outcome.articles.prefix(Swift.max(0, room)) {
                    metadata.apply(to: &raw)
                    bytes += raw.paragraphs.reduce(0) { $0 + $1.utf8.count }
                    raws.append(raw)
                }
            }
        }
        var ids = IdAllocator()
        let identified = raws.map { raw in
            (raw: raw, id: ids.allocate(date: raw.date, title: ArticleBuilder.title(of: raw, english: extractors.lexicon.english),
                                        body: raw.paragraphs))
        }
        raws = []
        let builder = ArticleBuilder(extractors: extractors)
        let articles = parallelMap(identified) { builder.build($0.raw, id: $0.id) }
        return Result(articles: articles, failures: failures, bytes: bytes)
    }

    /// Paths (relative to `root`, sorted) of the article files under it; hidden files and folders are skipped.
    static func articleFiles(under root: URL) -> [String] {
        CorpusFile.articleFiles(under: Array(root.path.utf8)).map(\.description)
    }

    /// Reads and parses one file into raw articles or failures, within the limits; at most `budget` articles.
    func read(file: CorpusFile, base: URL?, budget: Int = .max) -> (articles: [RawArticle], failures: [LoadFailure]) {
        let name = file.description
        let path = base.map { Array($0.path.utf8) + [UInt8(ascii: "/")] + file.path } ?? file.path
        guard let source = FileByteSource(path: path) else {
            return ([], [LoadFailure(file: name, reason: "cannot read file")])
        }
        guard source.size > 0 else { return ([], [LoadFailure(file: name, reason: "empty file")]) }
        switch file.pathExtension {
        case "json":
            guard source.size <= limits.maxFileBytes else {
                return ([], [LoadFailure(file: name, reason:
                    "\(source.size) bytes is larger than maxFileBytes (\(limits.maxFileBytes)); not read (JSON Lines have no such cap)")])
            }
            return JSONFormat.parseDocument(source, file: name, maxRecordBytes: limits.maxArticleBytes, budget: budget)
        case "jsonl", "ndjson":
            return JSONFormat.parseLines(source, file: name, maxLineBytes: limits.maxArticleBytes, budget: budget)
        default:
            guard source.size <= limits.maxArticleBytes else {
                return ([], [LoadFailure(file: name, reason:
                    "\(source.size) bytes is larger than maxArticleBytes (\(limits.maxArticleBytes)); not read")])
            }
            do {
                // The size is checked again as read: the file may have grown since it was opened.
                let bytes = try source.readAll(limit: limits.maxArticleBytes)
                guard bytes.count <= limits.maxArticleBytes else {
                    return ([], [LoadFailure(file: name, reason: "larger than maxArticleBytes (\(limits.maxArticleBytes)); not read")])
                }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    return ([], [LoadFailure(file: name, reason: "invalid UTF-8")])
                }
                return ([try PlainTextFormat.parse(text, file: name)], [])
            } catch {
                return ([], [LoadFailure(file: name, reason: error.reason)])
            }
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
    ///
    /// An id never looks like a date (`/articles/{date}` would shadow it): a title without words ("?")
    /// gives way to the first words of the body, and a body without any to `article`.
    mutating func allocate(date: String, title: String, body: [String] = []) -> String {
        var slug = Slug.make(title, maxWords: 5)
        if slug.isEmpty { slug = Slug.make(body.lazy.prefix(3).joined(separator: " "), maxWords: 5) }
        if slug.isEmpty { slug = "article" }
        let base = "\(date)-\(slug)"
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
