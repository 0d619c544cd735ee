/// Bounds on what a corpus load reads, so that one dropped file cannot exhaust memory (a reload runs
/// beside the live snapshot). Every refusal is a `LoadFailure` naming the file (and line).
public struct LoadLimits: Sendable, Equatable {
    /// Largest article accepted: a `.txt` file, or one JSON / JSON Lines record (16 MB; no news article is
    /// longer). Larger ones are skipped without being read whole.
    public var maxArticleBytes: Int
    /// Largest `.json` document read (256 MB). JSON Lines files have no such cap: they are read a line at a time.
    public var maxFileBytes: Int
    /// Most articles loaded; files and records after the cap (in path order) are not read.
    public var maxArticles: Int

    /// Creates limits; the defaults suit any real news corpus.
    public init(maxArticleBytes: Int = 16 << 20, maxFileBytes: Int = 256 << 20, maxArticles: Int = 1_000_000) {
        self.maxArticleBytes = maxArticleBytes
        self.maxFileBytes = maxFileBytes
        self.maxArticles = maxArticles
    }
}
