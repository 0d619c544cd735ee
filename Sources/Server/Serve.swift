import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging
import Model

extension Newsdesk {
    /// `newsdesk serve`: loads the corpus and serves the API until SIGINT or SIGTERM; SIGHUP reloads.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the corpus and serve the HTTP API (SIGHUP reloads the corpus, SIGINT/SIGTERM stop).")

        @OptionGroup var common: CommonOptions

        @Option(help: "Corpus directory (config key dataDirectory).")
        var data: String?

        @Option(help: "Address to listen on: an IP address (config key host).")
        var host: String?

        @Option(help: "Port; 0 picks a free one (config key port).")
        var port: Int?

        @Option(help: "Event-loop threads; 0 = one per core (config key threads).")
        var threads: Int?

        func run() throws {
            let flags: [Configuration.Flag] = [
                data.map { .init(key: "dataDirectory", label: "--data", value: $0) },
                host.map { .init(key: "host", label: "--host", value: $0) },
                port.map { .init(key: "port", label: "--port", value: $0) },
                threads.map { .init(key: "threads", label: "--threads", value: $0) },
            ].compactMap { $0 }
            let (configuration, lexiconDirectory) = try common.resolve(flags)
            let logger = bootstrapLogging(level: configuration.logLevel)
            let extractors = try loadExtractors(lexiconDirectory)
            let snapshot = try loadSnapshot(configuration, extractors, logger)
            let state = ServerState(configuration: configuration, snapshot: snapshot)
            let service = HTTPService(router: makeRouter(state: state, openAPI: try loadOpenAPI()), state: state,
                                      gzip: Gzip.compress)
            let server = EventHTTPServer(service: service, configuration: configuration, logger: logger)
            try server.start()
            logger.info("listening", metadata: [
                "server.address": "http://\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\(server.port)",
                "server.port": "\(server.port)", "server.threads": "\(configuration.effectiveThreads)",
            ])
            let reloader = Reloader(configuration: configuration, extractors: extractors, state: state, logger: logger)
            let signals = try SignalLoop { reloader.start() }
            signals.run()
            logger.info("stopping")
            server.stop()
            logger.info("stopped")
        }
    }
}

/// Loads the corpus into a snapshot, logging each skipped file.
func loadSnapshot(_ configuration: Configuration, _ extractors: Extractors, _ logger: Logger) throws -> CorpusSnapshot {
    let started = Date()
    let result: CorpusLoader.Result
    do {
        result = try CorpusLoader(extractors: extractors).load(directory: URL(fileURLWithPath: configuration.dataDirectory))
    } catch {
        throw ValidationError("dataDirectory: \(error)")
    }
    for failure in result.failures {
        logger.warning("skipped a corpus file", metadata: ["file": "\(failure.file)", "reason": "\(failure.reason)"])
    }
    let seconds = Date().timeIntervalSince(started)
    let snapshot = CorpusSnapshot(articles: result.articles, info: .init(
        loadedAt: Date(), loadSeconds: seconds, textBytes: result.bytes,
        failures: result.failures, directory: configuration.dataDirectory))
    releaseFreedMemory()
    logger.info("corpus loaded", metadata: [
        "corpus.articles": "\(snapshot.articles.count)", "corpus.skipped": "\(result.failures.count)",
        "corpus.quotes": "\(snapshot.quotes.count)", "corpus.casualties": "\(snapshot.casualties.count)",
        "corpus.entities": "\(snapshot.entities.count)", "corpus.extract_seconds": "\(String(format: "%.2f", seconds))",
        "corpus.index_seconds": "\(String(format: "%.2f", snapshot.indexSeconds))",
        "corpus.events": "\(snapshot.events.events.count)",
        "corpus.clustering_seconds": "\(String(format: "%.3f", snapshot.events.seconds))",
        "corpus.load_seconds": "\(String(format: "%.2f", snapshot.loadSeconds))",
    ])
    return snapshot
}

/// Reloads the corpus in the background on SIGHUP and swaps the new snapshot in; requests never fail meanwhile.
final class Reloader: @unchecked Sendable {
    // @unchecked Sendable: `running` is read and written only on the signal loop's thread and under `lock`.
    private let configuration: Configuration
    private let extractors: Extractors
    private let state: ServerState
    private let logger: Logger
    private let lock = NSLock()
    private var running = false

    init(configuration: Configuration, extractors: Extractors, state: ServerState, logger: Logger) {
        self.configuration = configuration
        self.extractors = extractors
        self.state = state
        self.logger = logger
    }

    /// Starts a reload unless one is running.
    func start() {
        let begin = lock.withLock { () -> Bool in
            if running { return false }
            running = true
            return true
        }
        guard begin else {
            logger.notice("reload already running")
            return
        }
        logger.info("reloading the corpus")
        Thread.detachNewThread { [self] in
            do {
                let snapshot = try loadSnapshot(configuration, extractors, logger)
                state.replace(with: snapshot)
                logger.info("reloaded", metadata: ["corpus.version": "\(snapshot.dataVersion)"])
            } catch {
                logger.error("reload failed; still serving the previous corpus", metadata: ["error": "\(error)"])
            }
            lock.withLock { running = false }
        }
    }
}

/// Hands memory freed after a load back to the system. Parsing runs on all cores, and glibc keeps what the
/// workers freed in per-thread arenas, so without this the resident size stays near the load's peak.
func releaseFreedMemory() {
    #if canImport(Glibc)
    // malloc_trim is in <malloc.h>, which Swift's Glibc module does not export: look it up by name.
    typealias MallocTrim = @convention(c) (Int) -> Int32
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }
    #endif
}
