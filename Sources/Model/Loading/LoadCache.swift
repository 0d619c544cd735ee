import Synchronization
import Foundation

/// Each file's results from a load, for the next load of the same folder to reuse: a reload reads only new
/// and changed files, drops removed ones, and takes every other file's articles, extraction included, as they
/// were. Keyed by path; a file is reused only while its device, inode, size and modification time are those
/// it had when read (and its content hash, for a file modified within a clock tick of that read).
public struct LoadCache: Sendable {
    /// One file as a load read it: shared by reference between a load and the next, so that reusing a file
    /// costs a pointer, not a copy of its articles.
    final class FileEntry: Sendable {
        /// The file's stamp when read; nil when it could not be read whole (never reused).
        let stamp: FileStamp?
        /// FNV-1a of the bytes read, kept only when the stamp alone cannot be trusted.
        let contentHash: UInt64?
        /// The article budget it was read under: an entry holding that many articles may have been cut.
        let budget: Int
        /// What was wrong with it or with some of its records.
        let failures: [LoadFailure]
        /// Its articles, in file order.
        let articles: [LoadedArticle]

        init(stamp: FileStamp?, contentHash: UInt64?, budget: Int, failures: [LoadFailure], articles: [LoadedArticle]) {
            self.stamp = stamp
            self.contentHash = contentHash
            self.budget = budget
            self.failures = failures
            self.articles = articles
        }

        /// The same entry without its content hash (its stamp can be trusted now).
        func droppingHash() -> FileEntry {
            FileEntry(stamp: stamp, contentHash: nil, budget: budget, failures: failures, articles: articles)
        }
    }

    /// The folder the files are relative to.
    let base: String
    /// The limits they were read under: other limits read them again.
    let limits: LoadLimits
    /// Entries by path.
    let files: [CorpusFile: FileEntry]
    /// The `index.tsv` metadata the articles were built with, and its signature (`IndexMetadata.signature`).
    let metadata: IndexMetadata?
    /// The articles loaded, in path order, their ids, and the allocator that gave them: a load whose first
    /// articles are these same ones (under the same metadata) takes their ids and goes on from there.
    let order: [LoadedArticle]
    let ids: [String]
    let allocator: IdAllocator

    /// An empty cache: everything is read.
    public init() {
        base = ""
        limits = LoadLimits()
        files = [:]
        metadata = nil
        order = []
        ids = []
        allocator = IdAllocator()
    }

    init(base: String, limits: LoadLimits, files: [CorpusFile: FileEntry], metadata: IndexMetadata?,
         order: [LoadedArticle], ids: [String], allocator: IdAllocator) {
        self.base = base
        self.limits = limits
        self.files = files
        self.metadata = metadata
        self.order = order
        self.ids = ids
        self.allocator = allocator
    }

    /// Files held.
    public var fileCount: Int { files.count }
}

/// An article of a file: as parsed (before `index.tsv` metadata is applied), and as built by the last load that
/// loaded it.
///
/// A reference shared by a load and the next: a reload takes an unchanged article by its pointer, and only the
/// articles it builds again are updated (by `keep`, on the loading thread, after the parallel steps that read
/// them; `IncrementalLoader` runs one load at a time).
// @unchecked Sendable: mutated only by `keep`, which one load calls from one thread once its workers are done.
final class LoadedArticle: @unchecked Sendable {
    /// As the file gives it. Once built, `paragraphs` holds the lead only: the article's text holds them all.
    private(set) var raw: RawArticle
    /// Bytes of paragraph text.
    let bytes: Int
    /// The article as the last load built it (id, extraction and all), or nil when not built yet.
    private(set) var built: Article?
    /// The title taken from the lead, when the article has no headline of its own.
    private(set) var leadTitle: String?
    /// The title its id slug was made from, and that slug.
    private(set) var slug: (title: String, slug: String)?
    /// `date-slug`, what its id is allocated from (`IdAllocator.allocate(base:)`), as of `built`.
    private(set) var idBase: String?
    /// The signature of the `index.tsv` metadata `built` was made with: while it is the current one and the file
    /// is unchanged, the article's title, source and id base are `built`'s and nothing needs deriving again.
    private(set) var metadataSignature: UInt64?
    /// Whether `raw.paragraphs` was cut to the lead.
    private var paragraphsDropped = false

    /// A freshly parsed article.
    init(_ raw: RawArticle) {
        self.raw = raw
        bytes = raw.paragraphs.reduce(0) { $0 + $1.utf8.count }
    }

    /// Records the article as built; its paragraphs are dropped from `raw` when the article's text gives them
    /// back exactly.
    func keep(built article: Article, leadTitle: String?, slug: (title: String, slug: String), idBase: String,
              metadataSignature: UInt64) {
        built = article
        self.leadTitle = leadTitle
        self.slug = slug
        self.idBase = idBase
        self.metadataSignature = metadataSignature
        // Parsed paragraphs never hold a line feed (lines are joined with spaces), so splitting the text at its
        // blank lines gives them back; a paragraph that does hold one is kept.
        if !paragraphsDropped, raw.paragraphs.count > 1, !raw.paragraphs.contains(where: Self.holdsLineFeed) {
            raw.paragraphs = [article.summary]
            paragraphsDropped = true
        }
    }

    /// Whether `text` holds a line feed: a loop over its contiguous bytes (`utf8.contains` went through an
    /// unspecialized generic of Foundation's, 29 instructions a byte of every article loaded).
    static func holdsLineFeed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for b in bytes where b == 0x0A { return true }
            return false
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
    /// The last load's results; held for the whole of a load, so that loads run one at a time (a load updates
    /// the articles it shares with the cache it reuses).
    private let cache = Mutex(LoadCache())

    /// Creates an incremental loader with an empty cache.
    public init(_ loader: CorpusLoader) { self.loader = loader }

    /// Loads `directory`, reusing the previous load's unchanged files, and keeps this load's results for the next.
    public func load(directory: URL) throws(LoadFailure) -> CorpusLoader.Result {
        let outcome = cache.withLock { cache -> Swift.Result<CorpusLoader.Result, LoadFailure> in
            do throws(LoadFailure) {
                var result = try loader.load(directory: directory, reusing: cache)
                cache = result.cache
                result.cache = LoadCache()
                return .success(result)
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}
