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
        /// Each file's parsed articles and extractions, for the next load to reuse (`load(…, reusing:)`).
        public var cache = LoadCache()
        /// Files read and parsed again (new, changed or not reusable) and files taken from the previous load.
        public var filesRead = 0, filesReused = 0
        /// Articles extracted again and articles taken whole from the previous load.
        public var articlesBuilt = 0, articlesReused = 0
        /// Seconds of each step: reading (or reusing) files, allocating ids, extracting, keeping the cache.
        public var steps: [(step: String, seconds: Double)] = []
    }

    /// Loads every article file under `directory`; with `previous` (the cache of an earlier load of it), files
    /// whose stamp is unchanged are not read again and their articles not extracted again, unless their id,
    /// title or source changed. The result is the same as a fresh load's, ids and data version included.
    public func load(directory: URL, reusing previous: LoadCache? = nil) throws(LoadFailure) -> Result {
        let root = directory.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw LoadFailure(file: directory.path, reason: "no such directory")
        }
        if isDirectory.boolValue {
            return load(files: CorpusFile.articleFiles(under: Array(root.path.utf8)), base: root, reusing: previous)
        }
        return load(files: [CorpusFile(root.lastPathComponent)], base: root.deletingLastPathComponent(), reusing: previous)
    }

    /// Loads the given files: paths relative to `base`, or as given when `base` is nil.
    public func load(files: [String], base: URL?) -> Result {
        load(files: files.map(CorpusFile.init), base: base)
    }

    /// Loads the given files in path order, in batches read in parallel, until `limits.maxArticles`; a file
    /// that `previous` holds with the same stamp is taken from it instead of read.
    ///
    /// The work per reused article is a pointer and an id: an article of an unchanged file, built with the same
    /// `index.tsv` metadata as now, keeps its title, source and id base from that build, so only its id is
    /// allocated again (ids depend on every article before it in path order); it is extracted again only when
    /// that id changed. Everything else (new and changed files, other metadata) takes the full path.
    public func load(files: [CorpusFile], base: URL?, reusing previous: LoadCache? = nil) -> Result {
        var timer = StepTimer()
        let baseURL = base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let reusing = previous.flatMap { $0.base == baseURL.path && $0.limits == limits ? $0 : nil }
        let metadata = IndexMetadata(base: baseURL, files: files, previous: reusing?.metadata)
        // `base/` as bytes, made once: URL.path costs microseconds, and every file's path starts with it.
        let prefix = base.map { Array($0.path.utf8) + [UInt8(ascii: "/")] }
        let reusable = reusing?.files ?? [:]
        var entries: [(file: CorpusFile, entry: LoadCache.FileEntry)] = []
        entries.reserveCapacity(files.count)
        // The articles loaded, in order.
        var loaded: [LoadedArticle] = []
        var failures: [LoadFailure] = []
        var bytes = 0
        var filesRead = 0, filesReused = 0
        let batch = Swift.max(concurrency * 32, 1024)
        var next = 0
        while next < files.count {
            let budget = limits.maxArticles - loaded.count
            if budget <= 0 {
                failures.append(LoadFailure(file: files[next].description, reason:
                    "maxArticles (\(limits.maxArticles)) reached: this and \(files.count - next - 1) later files not read"))
                break
            }
            let slice = Array(files[next..<Swift.min(files.count, next + batch)])
            next += slice.count
            // Each file may fill the whole remaining budget; the overshoot of a batch is cut below.
            let outcomes = parallelMap(slice) { file in
                let path = self.fullPath(file, prefix: prefix)
                return self.reuse(reusable[file], path: path, budget: budget)
                    .map { (entry: $0, reused: true) }
                    ?? (entry: self.entry(file: file, path: path, budget: budget), reused: false)
            }
            for (file, outcome) in zip(slice, outcomes) {
                let entry = outcome.entry
                if outcome.reused { filesReused += 1 } else { filesRead += 1 }
                failures += entry.failures
                let room = limits.maxArticles - loaded.count
                if entry.articles.count > room {
                    failures.append(LoadFailure(file: file.description, reason:
                        "maxArticles (\(limits.maxArticles)) reached: \(entry.articles.count - room) articles of this file not loaded"))
                }
                for article in entry.articles.prefix(Swift.max(0, room)) {
                    bytes += article.bytes
                    loaded.append(article)
                }
                entries.append((file, entry))
            }
        }
        timer.lap("read")
        // Ids, in path order. An article that needs deriving again (new, changed, built under other metadata)
        // is noted with its metadata applied, title and slug.
        let signature = metadata.signature
        var ids: IdAllocator
        var articleIds: [String] = []
        articleIds.reserveCapacity(loaded.count)
        // The articles the last load began with, the very same ones under the same metadata, have the ids it gave
        // them (an id depends only on the articles before it): those are taken, with its allocator less the ids
        // it gave after them.
        var first = 0
        if let reusing, reusing.metadata?.signature == signature, !reusing.order.isEmpty {
            let common = Swift.min(reusing.order.count, loaded.count)
            while first < common && reusing.order[first] === loaded[first] { first += 1 }
            ids = reusing.allocator
            for id in reusing.ids[first...] { ids.release(id) }
            articleIds += reusing.ids[..<first]
        } else {
            ids = IdAllocator(capacity: loaded.count)
        }
        let english = extractors.lexicon.english
        var derived: [(position: Int, raw: RawArticle, title: String, slug: String, base: String)] = []
        for (position, article) in loaded.enumerated().dropFirst(first) {
            if article.metadataSignature == signature, let base = article.idBase {
                articleIds.append(ids.allocate(base: base))
                continue
            }
            var raw = article.raw
            metadata.apply(to: &raw)
            // The title a headline-less article takes from its lead is kept from the previous load.
            let title = raw.title ?? article.leadTitle ?? ArticleBuilder.title(of: raw, english: english)
            let slug = article.slug.flatMap { $0.title == title ? $0.slug : nil }
                ?? IdAllocator.slug(title: title) { article.paragraphs.prefix(3) }
            let base = IdAllocator.base(date: raw.date, slug: slug)
            articleIds.append(ids.allocate(base: base))
            derived.append((position, raw, title, slug, base))
        }
        timer.lap("ids")
        // Articles to build: the derived ones whose last build does not match, and the others whose id changed.
        var toBuild: [Int] = []  // index into `derived`, or -1 - position for a reused article with a new id
        var articles: [Article?] = loaded.map(\.built)
        var reused = 0
        var d = 0
        for (position, article) in loaded.enumerated() {
            if d < derived.count && derived[d].position == position {
                let item = derived[d]
                if let built = article.built, built.id == articleIds[position], built.title == item.title,
                   built.source == item.raw.source {
                    reused += 1
                } else {
                    toBuild.append(d)
                }
                d += 1
            } else if articles[position]?.id == articleIds[position] {
                reused += 1
            } else {
                toBuild.append(-1 - position)
            }
        }
        let builder = ArticleBuilder(extractors: extractors)
        let rebuilt = { (derived: [(position: Int, raw: RawArticle, title: String, slug: String, base: String)],
                         loaded: [LoadedArticle], articleIds: [String]) in
            parallelMap(toBuild) { k -> Article in
                if k >= 0 {
                    let item = derived[k]
                    var raw = item.raw
                    raw.paragraphs = loaded[item.position].paragraphs
                    return builder.build(raw, id: articleIds[item.position], title: item.title)
                }
                // Unchanged but for its id: built again from what it was built from.
                let article = loaded[-1 - k], built = article.built!
                let raw = RawArticle(date: built.date, title: built.title, paragraphs: article.paragraphs,
                                     related: built.related, source: built.source)
                return builder.build(raw, id: articleIds[-1 - k], title: built.title)
            }
        }(derived, loaded, articleIds)
        timer.lap("extract")
        // The next load's cache: the articles built now are recorded (the text held once, by the article); the
        // others stand as they are.
        for (k, article) in zip(toBuild, rebuilt) {
            let position = k >= 0 ? derived[k].position : -1 - k
            articles[position] = article
        }
        for item in derived {
            let loadedArticle = loaded[item.position]
            loadedArticle.keep(
                built: articles[item.position]!,
                leadTitle: loadedArticle.raw.title == nil && item.raw.title == nil ? item.title : loadedArticle.leadTitle,
                slug: (item.title, item.slug), idBase: item.base, metadataSignature: signature)
        }
        for k in toBuild where k < 0 {
            let loadedArticle = loaded[-1 - k]
            loadedArticle.keep(built: articles[-1 - k]!, leadTitle: loadedArticle.leadTitle, slug: loadedArticle.slug!,
                               idBase: loadedArticle.idBase!, metadataSignature: signature)
        }
        var byFile: [CorpusFile: LoadCache.FileEntry] = [:]
        byFile.reserveCapacity(entries.count)
        for (file, entry) in entries { byFile[file] = entry }
        let cache = LoadCache(base: baseURL.path, limits: limits, files: byFile, metadata: metadata,
                              order: loaded, ids: articleIds, allocator: ids)
        timer.lap("cache")
        return Result(articles: articles.map { $0! }, failures: failures, bytes: bytes, cache: cache,
                      filesRead: filesRead, filesReused: filesReused,
                      articlesBuilt: loaded.count - reused, articlesReused: reused, steps: timer.steps)
    }

    /// Paths (relative to `root`, sorted) of the article files under it; hidden files and folders are skipped.
    static func articleFiles(under root: URL) -> [String] {
        CorpusFile.articleFiles(under: Array(root.path.utf8)).map(\.description)
    }

    /// The previous load's entry for `file` when it can stand for reading the file again: the file has the
    /// same stamp (and, if it was modified within a clock tick of that read, the same content hash), and the
    /// entry was read whole, under a budget that the current one does not cut.
    func reuse(_ entry: LoadCache.FileEntry?, path: [UInt8], budget: Int) -> LoadCache.FileEntry? {
        guard let entry, let stamp = entry.stamp, entry.articles.count < Swift.min(entry.budget, budget) else { return nil }
        guard FileStamp(path: path) == stamp else { return nil }
        if let hash = entry.contentHash {
            guard let source = FileByteSource(path: path), source.stamp == stamp, source.hashRest() == hash else { return nil }
            if !stamp.isRacy(now: FileStamp.now()) { return entry.droppingHash() }
        }
        return entry
    }

    /// Reads one file (at `path`) into a cache entry: its stamp, its raw articles or failures.
    func entry(file: CorpusFile, path: [UInt8], budget: Int) -> LoadCache.FileEntry {
        let now = FileStamp.now()
        let source = FileByteSource(path: path)
        if let s = source, s.stamp.isRacy(now: now) { s.hashing = true }
        let (articles, failures) = MojibakeRepair.repair(read(file: file, source: source, budget: budget))
        // A file whose stamp cannot be trusted is kept with the hash of what was read; one that could not be
        // read whole (a read error) is not kept.
        let stamp = source.flatMap { $0.failed ? nil : $0.stamp }
        let hash = source.flatMap { $0.hashing ? $0.contentHash.value : nil }
        return LoadCache.FileEntry(stamp: stamp, contentHash: hash, budget: budget, failures: failures,
                                   articles: articles.map(LoadedArticle.init))
    }

    /// `base/file` as bytes, or `file` when there is no base.
    func fullPath(_ file: CorpusFile, base: URL?) -> [UInt8] {
        fullPath(file, prefix: base.map { Array($0.path.utf8) + [UInt8(ascii: "/")] })
    }

    /// `prefix` (`base/` as bytes) and the file's path, or the path alone.
    func fullPath(_ file: CorpusFile, prefix: [UInt8]?) -> [UInt8] {
        prefix.map { $0 + file.path } ?? file.path
    }

    /// Reads and parses one file into raw articles or failures, within the limits; at most `budget` articles.
    func read(file: CorpusFile, base: URL?, budget: Int = .max) -> (articles: [RawArticle], failures: [LoadFailure]) {
        let source = FileByteSource(path: fullPath(file, base: base))
        return MojibakeRepair.repair(read(file: file, source: source, budget: budget))
    }

    /// Parses `source` (nil: it could not be opened), the file `file`.
    func read(file: CorpusFile, source: FileByteSource?, budget: Int) -> (articles: [RawArticle], failures: [LoadFailure]) {
        let name = file.description
        guard let opened = source else {
            return ([], [LoadFailure(file: name, reason: "cannot read file")])
        }
        guard opened.size > 0 else { return ([], [LoadFailure(file: name, reason: "empty file")]) }
        switch file.pathExtension {
        case "json":
            guard opened.size <= limits.maxFileBytes else {
                return ([], [LoadFailure(file: name, reason:
                    "\(opened.size) bytes is larger than maxFileBytes (\(limits.maxFileBytes)); not read (JSON Lines have no such cap)")])
            }
            return JSONFormat.parseDocument(opened, file: name, maxRecordBytes: limits.maxArticleBytes, budget: budget)
        case "jsonl", "ndjson":
            return JSONFormat.parseLines(opened, file: name, maxLineBytes: limits.maxArticleBytes, budget: budget)
        default:
            guard opened.size <= limits.maxArticleBytes else {
                return ([], [LoadFailure(file: name, reason:
                    "\(opened.size) bytes is larger than maxArticleBytes (\(limits.maxArticleBytes)); not read")])
            }
            do {
                // The size is checked again as read: the file may have grown since it was opened.
                let bytes = try opened.readAll(limit: limits.maxArticleBytes)
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
struct IdAllocator: Sendable {
    private var used: Set<String> = []

    /// An allocator with room for `capacity` ids.
    init(capacity: Int = 0) { used.reserveCapacity(capacity) }

    /// "2020-10-12" + "Azerbaijan and Armenia are fighting over…" -> "2020-10-12-azerbaijan-and-armenia-are-fighting".
    ///
    /// An id never looks like a date (`/articles/{date}` would shadow it): a title without words ("?")
    /// gives way to the first words of the body, and a body without any to `article`.
    mutating func allocate(date: String, title: String, body: [String] = []) -> String {
        allocate(date: date, title: title) { body.prefix(3) }
    }

    /// The same, asking for the body's first paragraphs only when the title has no words.
    mutating func allocate(date: String, title: String, body: () -> ArraySlice<String>) -> String {
        allocate(date: date, slug: Self.slug(title: title, body: body))
    }

    /// The slug an article's id is made of: its title's first words, else its body's, else `article`.
    static func slug(title: String, body: () -> ArraySlice<String>) -> String {
        var slug = Slug.make(title, maxWords: 5)
        if slug.isEmpty { slug = Slug.make(body().prefix(3).joined(separator: " "), maxWords: 5) }
        if slug.isEmpty { slug = "article" }
        return slug
    }

    /// An id from the date and a slug (`slug(title:body:)`).
    mutating func allocate(date: String, slug: String) -> String {
        allocate(base: Self.base(date: date, slug: slug))
    }

    /// What an id is made of before it is made unique: `date-slug`.
    static func base(date: String, slug: String) -> String { "\(date)-\(slug)" }

    /// Makes `id` free again (it was allocated last, or only ids allocated before it stay).
    mutating func release(_ id: String) { used.remove(id) }

    /// `base`, or `base-2`, `base-3`… the first not allocated yet.
    mutating func allocate(base: String) -> String {
        if used.insert(base).inserted { return base }
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
///
/// Read as bytes: the folders come from the files' byte paths (consecutive files share theirs, since the list is
/// sorted), and the rows keep only the three fields applied. A String-and-dictionary version of this took a
/// third of a SIGHUP's reading on 102,745 files.
struct IndexMetadata {
    /// The fields of one `file` that `apply` uses.
    struct Row {
        var title: String?
        var outlet: String?
        var url: String?

        /// Fills the fields still unset from `other` (an earlier row of the same file wins).
        mutating func fill(from other: Row) {
            if title == nil { title = other.title }
            if outlet == nil { outlet = other.outlet }
            if url == nil { url = other.url }
        }
    }

    var rows: [String: Row] = [:]
    /// FNV-1a over every `index.tsv` read (its folder and bytes, folders in order): the same signature, the same
    /// rows.
    private(set) var signature: UInt64 = FNV1a.basis

    /// The metadata of the `index.tsv` files beside `files`; when they hold what they held for `previous`, its rows
    /// are taken instead of parsed again.
    init(base: URL, files: [CorpusFile], previous: IndexMetadata? = nil) {
        var directories = Set<String>()
        var lastFolder: ArraySlice<UInt8>? = nil
        for file in files {
            // The folder and its parent, cut at the last slashes (NSString's path methods cost microseconds each,
            // so they run once per folder).
            let dir = file.path.lastIndex(of: UInt8(ascii: "/")).map { file.path[..<$0] } ?? []
            if let lastFolder, lastFolder.elementsEqual(dir) { continue }
            lastFolder = dir
            directories.insert((String(decoding: dir, as: UTF8.self) as NSString).deletingLastPathComponent)
            directories.insert((file.description as NSString).deletingLastPathComponent)
        }
        var hasher = FNV1a()
        var contents: [[UInt8]] = []
        for dir in directories.sorted() {
            let indexURL = dir.hasPrefix("/") ? URL(fileURLWithPath: dir).appendingPathComponent("index.tsv")
                : dir.isEmpty ? base.appendingPathComponent("index.tsv")
                : base.appendingPathComponent(dir).appendingPathComponent("index.tsv")
            guard let data = FileManager.default.contents(atPath: indexURL.path) else { continue }
            let bytes = Array(data)
            hasher.combine(dir + "\u{0}\(bytes.count)\u{0}")
            hasher.combine(bytes: bytes)
            contents.append(bytes)
        }
        signature = hasher.value
        if let previous, previous.signature == signature {
            rows = previous.rows
            return
        }
        // Earlier folders' rows win (in path order, the same on every load).
        for bytes in contents { Self.parse(bytes, into: &rows) }
    }

    /// Adds the rows of one `index.tsv` (UTF-8, else ignored): its first non-empty line names the columns, and
    /// a row with another number of fields is ignored. Lines end at a line feed that follows no carriage return
    /// (a CR LF is one Character, so splitting the text at "\n" never cut there).
    static func parse(_ bytes: [UInt8], into rows: inout [String: Row]) {
        guard String(validating: bytes, as: UTF8.self) != nil else { return }
        var header: [String]? = nil
        var fileColumn: Int? = nil, columns: (title: Int?, outlet: Int?, url: Int?) = (nil, nil, nil)
        var lineStart = 0
        var fields: [ArraySlice<UInt8>] = []
        func line(_ line: ArraySlice<UInt8>) {
            guard !line.isEmpty else { return }
            fields.removeAll(keepingCapacity: true)
            var start = line.startIndex
            for i in line.indices where line[i] == UInt8(ascii: "\t") {
                fields.append(line[start..<i])
                start = i + 1
            }
            fields.append(line[start...])
            guard let names = header else {
                let names = fields.map { String(decoding: $0, as: UTF8.self) }
                header = names
                guard let f = names.firstIndex(of: "file") else { return }
                fileColumn = f
                columns = (names.firstIndex(of: "title"), names.firstIndex(of: "outlet"), names.firstIndex(of: "url"))
                return
            }
            guard let fileColumn, fields.count == names.count else { return }
            func field(_ column: Int?) -> String? {
                guard let column, !fields[column].isEmpty else { return nil }
                return String(decoding: fields[column], as: UTF8.self)
            }
            let row = Row(title: field(columns.title), outlet: field(columns.outlet), url: field(columns.url))
            rows[String(decoding: fields[fileColumn], as: UTF8.self), default: row].fill(from: row)
        }
        for i in bytes.indices where bytes[i] == 0x0A && (i == 0 || bytes[i - 1] != 0x0D) {
            line(bytes[lineStart..<i])
            lineStart = i + 1
        }
        line(bytes[lineStart...])
    }

    /// Fills title, outlet and URL that the file itself does not give.
    func apply(to raw: inout RawArticle) {
        guard !rows.isEmpty else { return }
        let file = raw.source.file
        let name: String
        if let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let after = file.utf8.index(after: slash)
            // A slash followed by a combining scalar is no Character of its own: the Character search decides.
            if after == file.utf8.endIndex || file.utf8[after] < 0x80 {
                name = String(file.utf8[after...])!
            } else {
                name = file.lastIndex(of: "/").map { String(file[file.index(after: $0)...]) } ?? file
            }
        } else {
            name = file
        }
        guard let fields = rows[name] else { return }
        if raw.title == nil, let title = fields.title { raw.title = title }
        if raw.source.outlet == nil, let outlet = fields.outlet { raw.source.outlet = outlet }
        if raw.source.url == nil, let url = fields.url { raw.source.url = url }
    }
}
