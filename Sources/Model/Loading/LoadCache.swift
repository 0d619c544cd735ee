import Synchronization
import Foundation

/// Each file's results from a load, for the next load of the same folder to reuse: a reload reads only new
/// and changed files, drops removed ones, and takes every other file's articles, extraction included, as they
/// were. Keyed by path; a file is reused only while its device, inode, size and modification time are those
/// it had when read (and its content hash, for a file modified within a clock tick of that read).
public struct LoadCache: Sendable {
    /// One file as a load read it.
    struct FileEntry: Sendable {
        /// The file's stamp when read; nil when it could not be read whole (never reused).
        var stamp: FileStamp?
        /// FNV-1a of the bytes read, kept only when the stamp alone cannot be trusted.
        var contentHash: UInt64?
        /// The article budget it was read under: an entry holding that many articles may have been cut.
        var budget: Int
        /// What was wrong with it or with some of its records.
        var failures: [LoadFailure]
        /// Its articles, in file order.
        var articles: [LoadedArticle]
    }

    /// The folder the files are relative to.
    let base: String
    /// The limits they were read under: other limits read them again.
    let limits: LoadLimits
    /// Entries by path.
    let files: [CorpusFile: FileEntry]

    /// An empty cache: everything is read.
    public init() {
        base = ""
        limits = LoadLimits()
        files = [:]
    }

    init(base: String, limits: LoadLimits, files: [CorpusFile: FileEntry]) {
        self.base = base
        self.limits = limits
        self.files = files
    }

    /// Files held.
    public var fileCount: Int { files.count }
}

/// An article of a file: as parsed (before `index.tsv` metadata is applied), and as built by the last load.
struct LoadedArticle: Sendable {
    /// As the file gives it. Once built, `paragraphs` holds the lead only: the article's text holds them all.
    var raw: RawArticle
    /// Bytes of paragraph text.
    var bytes: Int
    /// The article as the last load built it (id, extraction and all), or nil when not built yet.
    var built: Article?
    /// The title taken from the lead, when the article has no headline of its own.
    var leadTitle: String?
    /// The title its id slug was made from, and that slug.
    var slug: (title: String, slug: String)?
    /// Whether `raw.paragraphs` was cut to the lead.
    private var paragraphsDropped = false

    /// A freshly parsed article.
    init(_ raw: RawArticle) {
        self.raw = raw
        bytes = raw.paragraphs.reduce(0) { $0 + $1.utf8.count }
    }

    /// Records the article as built; its paragraphs are dropped from `raw` when the article's text gives them
    /// back exactly.
    mutating func keep(built article: Article, leadTitle: String?, slug: (title: String, slug: String)) {
        built = article
        self.leadTitle = leadTitle
        self.slug = slug
        // Parsed paragraphs never hold a line feed (lines are joined with spaces), so splitting the text at its
        // blank lines gives them back; a paragraph that does hold one is kept.
        if !paragraphsDropped, raw.paragraphs.count > 1, !raw.paragraphs.contains(where: { $0.utf8.contains(0x0A) }) {
            raw.paragraphs = [article.summary]
            paragraphsDropped = true
        }
    }

    /// The body paragraphs.
    var paragraphs: [String] {
        guard paragraphsDropped, let built else { return raw.paragraphs }
        return built.paragraphs
    }
}

/// A loader that keeps each load's per-file results and hands them to the next load: `newsdesk serve` loads
/// through one, so a SIGHUP re-reads and re-extracts only what changed.
public final class IncrementalLoader: Sendable {
    /// The loader (extractors, threads, limits).
    public let loader: CorpusLoader
    private let cache = Mutex(LoadCache())

    /// Creates an incremental loader with an empty cache.
    public init(_ loader: CorpusLoader) { self.loader = loader }

    /// Loads `directory`, reusing the previous load's unchanged files, and keeps this load's results for the next.
    public func load(directory: URL) throws(LoadFailure) -> CorpusLoader.Result {
        let previous = cache.withLock { $0 }
        var result = try loader.load(directory: directory, reusing: previous)
        cache.withLock { $0 = result.cache }
        result.cache = LoadCache()
        return result
    }
}
