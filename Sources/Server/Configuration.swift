import Foundation
import Logging

/// The server's settings, with their defaults.
///
/// Load order: these defaults <- `config/server.json` (or `--config FILE`) <- `NEWSDESK_*` environment
/// variables <- command-line flags. `validate()` names the key of any bad value.
struct Configuration: Codable, Equatable, Sendable {
    /// Address to listen on.
    var host = "127.0.0.1"
    /// TCP port; 0 picks a free one.
    var port = 8080
    /// Event-loop threads; 0 means one per core.
    var threads = 0
    /// Directory of article files, read recursively.
    var dataDirectory = "corpus/sample"
    /// Directory of the extraction data files (gazetteers, word lists); default: the config file's folder.
    var lexiconDirectory: String? = nil
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
    /// `Cache-Control: max-age` in seconds for data responses.
    var cacheMaxAge = 60
    /// Responses kept ready per thread; 0 turns the response cache off.
    var responseCacheEntries = 4096
    /// API keys accepted as `Authorization: Bearer KEY` or `X-API-Key`; empty means the API is open.
    var apiKeys: [String] = []

    /// The environment variable for each key.
    static let environmentKeys: [String: String] = [
        "NEWSDESK_HOST": "host", "NEWSDESK_PORT": "port", "NEWSDESK_THREADS": "threads",
        "NEWSDESK_DATA": "dataDirectory", "NEWSDESK_LEXICON": "lexiconDirectory",
        "NEWSDESK_CORS_ORIGINS": "corsOrigins", "NEWSDESK_LOG_LEVEL": "logLevel",
        "NEWSDESK_MAX_URI_LENGTH": "maxUriLength", "NEWSDESK_MAX_HEADERS_SIZE": "maxHeadersSize",
        "NEWSDESK_MAX_BODY_SIZE": "maxBodySize", "NEWSDESK_TIMEOUT_SECONDS": "timeoutSeconds",
        "NEWSDESK_CACHE_MAX_AGE": "cacheMaxAge", "NEWSDESK_RESPONSE_CACHE_ENTRIES": "responseCacheEntries",
        "NEWSDESK_API_KEYS": "apiKeys",
    ]

    /// A configuration value that is missing, malformed or out of range.
    struct Invalid: Error, CustomStringConvertible, Equatable {
        /// The key (or file) at fault.
        let key: String
        /// What is wrong.
        let reason: String
        var description: String { "configuration: \(key): \(reason)" }
    }

    /// The configuration file's shape: every key optional, unknown keys rejected before decoding.
    private struct File: Decodable {
        var host: String?
        var port: Int?
        var threads: Int?
        var dataDirectory: String?
        var lexiconDirectory: String?
        var corsOrigins: [String]?
        var logLevel: String?
        var maxUriLength: Int?
        var maxHeadersSize: Int?
        var maxBodySize: Int?
        var timeoutSeconds: Int?
        var cacheMaxAge: Int?
        var responseCacheEntries: Int?
        var apiKeys: [String]?
    }

    /// The keys whose values are integers.
    static let integerKeys: Set<String> = [
        "port", "threads", "maxUriLength", "maxHeadersSize", "maxBodySize", "timeoutSeconds", "cacheMaxAge", "responseCacheEntries",
    ]

    /// The keys a configuration file may hold.
    static let keys: Set<String> = Set(environmentKeys.values)

    /// Reads a JSON configuration file over `base`; unknown keys and wrong types are errors naming the key.
    static func load(file: URL, over base: Configuration = Configuration()) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Invalid(key: file.path, reason: "cannot read the file")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Invalid(key: file.path, reason: "not a JSON object")
        }
        if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
            throw Invalid(key: unknown, reason: "unknown key in \(file.lastPathComponent)")
        }
        // Foundation's decoder reports a fraction for an integer without naming the key: check integers first.
        for (key, value) in object.sorted(by: { $0.key < $1.key }) where integerKeys.contains(key) {
            guard let n = value as? NSNumber, n.doubleValue == Double(n.intValue) else {
                throw Invalid(key: key, reason: "expected an integer")
            }
        }
        let f: File
        do {
            f = try JSONDecoder().decode(File.self, from: data)
        } catch let DecodingError.typeMismatch(type, context) {
            throw Invalid(key: context.codingPath.first?.stringValue ?? file.path, reason: "expected \(type)")
        } catch let DecodingError.valueNotFound(type, context) {
            throw Invalid(key: context.codingPath.first?.stringValue ?? file.path, reason: "expected \(type), got null")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw Invalid(key: context.codingPath[0].stringValue, reason: "value out of range or of the wrong kind")
        } catch {
            throw Invalid(key: file.path, reason: "malformed: \(error)")
        }
        var c = base
        c.host = f.host ?? c.host
        c.port = f.port ?? c.port
        c.threads = f.threads ?? c.threads
        c.dataDirectory = f.dataDirectory ?? c.dataDirectory
        c.lexiconDirectory = f.lexiconDirectory ?? c.lexiconDirectory
        c.corsOrigins = f.corsOrigins ?? c.corsOrigins
        c.logLevel = f.logLevel ?? c.logLevel
        c.maxUriLength = f.maxUriLength ?? c.maxUriLength
        c.maxHeadersSize = f.maxHeadersSize ?? c.maxHeadersSize
        c.maxBodySize = f.maxBodySize ?? c.maxBodySize
        c.timeoutSeconds = f.timeoutSeconds ?? c.timeoutSeconds
        c.cacheMaxAge = f.cacheMaxAge ?? c.cacheMaxAge
        c.responseCacheEntries = f.responseCacheEntries ?? c.responseCacheEntries
        c.apiKeys = f.apiKeys ?? c.apiKeys
        return c
    }

    /// Applies `NEWSDESK_*` variables from `environment`.
    mutating func apply(environment: [String: String]) throws {
        for (variable, key) in Self.environmentKeys.sorted(by: { $0.key < $1.key }) {
            guard let text = environment[variable] else { continue }
            try set(key, text: text, label: variable)
        }
    }

    /// Sets `key` from text (an environment variable or a flag); lists are comma-separated.
    /// `label` is how the error names the source ("NEWSDESK_PORT", "--port").
    mutating func set(_ key: String, text: String, label: String) throws {
        func int() throws -> Int {
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw Invalid(key: label, reason: "expected an integer, got '\(text)'")
            }
            return n
        }
        let list = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        switch key {
        case "host": host = text
        case "port": port = try int()
        case "threads": threads = try int()
        case "dataDirectory": dataDirectory = text
        case "lexiconDirectory": lexiconDirectory = text
        case "corsOrigins": corsOrigins = list
        case "logLevel": logLevel = text
        case "maxUriLength": maxUriLength = try int()
        case "maxHeadersSize": maxHeadersSize = try int()
        case "maxBodySize": maxBodySize = try int()
        case "timeoutSeconds": timeoutSeconds = try int()
        case "cacheMaxAge": cacheMaxAge = try int()
        case "responseCacheEntries": responseCacheEntries = try int()
        case "apiKeys": apiKeys = list
        default: throw Invalid(key: label, reason: "unknown key")
        }
    }

    /// Checks every value; the error names the first bad key.
    func validate() throws {
        guard !host.isEmpty else { throw Invalid(key: "host", reason: "must not be empty") }
        guard (0...65535).contains(port) else { throw Invalid(key: "port", reason: "must be 0...65535, got \(port)") }
        guard (0...256).contains(threads) else { throw Invalid(key: "threads", reason: "must be 0...256, got \(threads)") }
        guard !dataDirectory.isEmpty else { throw Invalid(key: "dataDirectory", reason: "must not be empty") }
        guard !corsOrigins.isEmpty else { throw Invalid(key: "corsOrigins", reason: "must name at least one origin or \"*\"") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw Invalid(key: "logLevel", reason: "must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), got '\(logLevel)'")
        }
        guard maxUriLength >= 256 else { throw Invalid(key: "maxUriLength", reason: "must be at least 256") }
        guard maxHeadersSize >= 1024 else { throw Invalid(key: "maxHeadersSize", reason: "must be at least 1024") }
        guard maxBodySize >= 0 else { throw Invalid(key: "maxBodySize", reason: "must not be negative") }
        guard timeoutSeconds >= 1 else { throw Invalid(key: "timeoutSeconds", reason: "must be at least 1") }
        guard cacheMaxAge >= 0 else { throw Invalid(key: "cacheMaxAge", reason: "must not be negative") }
        guard responseCacheEntries >= 0 else { throw Invalid(key: "responseCacheEntries", reason: "must not be negative") }
        if apiKeys.contains(where: { $0.isEmpty }) { throw Invalid(key: "apiKeys", reason: "keys must not be empty") }
    }

    /// Event-loop threads to run.
    var effectiveThreads: Int { threads == 0 ? ProcessInfo.processInfo.activeProcessorCount : threads }
}
