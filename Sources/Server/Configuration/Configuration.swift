import Foundation
import Logging
import Model

/// The server's settings, with their defaults.
///
/// Load order: these defaults <- `config/server.json` (or `--config FILE`) <- `NEWSDESK_*` environment
/// variables <- command-line flags, resolved by swift-configuration (`Configuration+Resolve.swift`).
/// A key is declared once: its property here, with its default, and one row in `keys` with its check.
struct Configuration: Equatable, Sendable {
    /// Address to listen on.
    var host = "127.0.0.1"
    /// TCP port; 0 picks a free one.
    var port = 8080
    /// Event-loop threads; 0 means one per core.
    var threads = 0
    /// Directory of article files, read recursively.
    var dataDirectory = "corpus/sample"
    /// Directory of the extraction data files (gazetteers, word lists); empty: the config file's folder, else
    /// the first of `config/` beside the executable, `/usr/share/newsdesk`, `./config` that holds them.
    var lexiconDirectory = ""
    /// Origins allowed by CORS; `["*"]` allows any.
    var corsOrigins = ["*"]
    /// trace, debug, info, notice, warning, error or critical.
    var logLevel = "info"
    /// Longest request URI accepted (414 beyond).
    var maxUriLength = 8192
    /// Largest request header block accepted.
    var maxHeadersSize = 16384
    /// Largest request body accepted (413 beyond).
    var maxBodySize = 65536
    /// Seconds before an idle or slow connection is closed.
    var timeoutSeconds = 30
    /// Seconds a connection has to send a whole request head (from its first byte, or from the accept);
    /// a connection that has not is answered 408 and closed, however steadily it trickles bytes.
    var headerTimeoutSeconds = 10
    /// Most connections open at once; 0 derives it from the open-file limit (`OpenFileLimit`). Connections
    /// over it are answered 503 and closed at once.
    var maxConnections = 0
    /// Seconds a SIGTERM or SIGINT waits for in-flight responses and streams before the process exits.
    var shutdownGraceSeconds = 30
    /// `Cache-Control: max-age` in seconds for data responses.
    var cacheMaxAge = 60
    /// Responses kept ready per thread; 0 turns the response cache off.
    var responseCacheEntries = 4096
    /// Largest article loaded: a `.txt` file or one JSON / JSON Lines record (bytes); larger ones are skipped.
    var maxArticleBytes = 16 << 20
    /// Largest `.json` document loaded (bytes); JSON Lines files have no such cap.
    var maxFileBytes = 256 << 20
    /// Most articles loaded; the files after the cap (in path order) are not read.
    var maxArticles = 1_000_000
    /// API keys accepted as `Authorization: Bearer KEY` or `X-API-Key`; empty means the API is open.
    var apiKeys: [String] = []

    /// Every key: its name in the file (the environment variable is `NEWSDESK_` and the name in upper snake
    /// case unless given), the property it sets, and the check of its value (nil when good).
    static let keys: [Key] = [
        Key("host", \.host) { $0.isEmpty ? "must not be empty" : nil },
        Key("port", \.port) { (0...65535).contains($0) ? nil : "must be 0...65535, got \($0)" },
        Key("threads", \.threads) { (0...256).contains($0) ? nil : "must be 0...256, got \($0)" },
        Key("dataDirectory", \.dataDirectory, environment: "NEWSDESK_DATA") { $0.isEmpty ? "must not be empty" : nil },
        Key("lexiconDirectory", \.lexiconDirectory, environment: "NEWSDESK_LEXICON"),
        Key("corsOrigins", \.corsOrigins) { $0.isEmpty || $0.contains(where: \.isEmpty) ? "must name at least one origin or \"*\"" : nil },
        Key("logLevel", \.logLevel) {
            Logger.Level(rawValue: $0) != nil
                ? nil : "must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), got '\($0)'"
        },
        Key("maxUriLength", \.maxUriLength) { $0 >= 256 ? nil : "must be at least 256" },
        Key("maxHeadersSize", \.maxHeadersSize) { $0 >= 1024 ? nil : "must be at least 1024" },
        Key("maxBodySize", \.maxBodySize) { $0 >= 0 ? nil : "must not be negative" },
        Key("timeoutSeconds", \.timeoutSeconds) { $0 >= 1 ? nil : "must be at least 1" },
        Key("headerTimeoutSeconds", \.headerTimeoutSeconds) { (1...3600).contains($0) ? nil : "must be 1...3600, got \($0)" },
        Key("maxConnections", \.maxConnections) { $0 >= 0 ? nil : "must not be negative (0 derives it from the open-file limit)" },
        Key("shutdownGraceSeconds", \.shutdownGraceSeconds) { (0...3600).contains($0) ? nil : "must be 0...3600, got \($0)" },
        Key("cacheMaxAge", \.cacheMaxAge) { $0 >= 0 ? nil : "must not be negative" },
        Key("responseCacheEntries", \.responseCacheEntries) { $0 >= 0 ? nil : "must not be negative" },
        Key("maxArticleBytes", \.maxArticleBytes) { $0 >= 1024 ? nil : "must be at least 1024" },
        Key("maxFileBytes", \.maxFileBytes) { $0 >= 1024 ? nil : "must be at least 1024" },
        Key("maxArticles", \.maxArticles) { $0 >= 1 ? nil : "must be at least 1" },
        Key("apiKeys", \.apiKeys, secret: true) { $0.contains(where: \.isEmpty) ? "keys must not be empty" : nil },
    ]

    /// A configuration value that is missing, malformed or out of range.
    struct Invalid: Error, CustomStringConvertible, Equatable {
        /// The key, environment variable, flag or file at fault.
        let key: String
        /// What is wrong.
        let reason: String
        var description: String { "configuration: \(key): \(reason)" }
    }

    /// Checks every value; the error names the first bad key.
    func validate() throws {
        for key in Self.keys {
            if let reason = key.check(self) { throw Invalid(key: key.name, reason: reason) }
        }
    }

    /// The corpus load's limits.
    var loadLimits: LoadLimits {
        LoadLimits(maxArticleBytes: maxArticleBytes, maxFileBytes: maxFileBytes, maxArticles: maxArticles)
    }

    /// Event-loop threads to run.
    var effectiveThreads: Int { threads == 0 ? ProcessInfo.processInfo.activeProcessorCount : threads }
}
