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
            // One loader for the start and every reload: it keeps each file's results, so a SIGHUP re-reads
            // and re-extracts only new and changed files.
            let loader = IncrementalLoader(CorpusLoader(extractors: extractors, limits: configuration.loadLimits))
            let snapshot = try loadSnapshot(configuration, loader, logger)
            let state = ServerState(configuration: configuration, snapshot: snapshot)
            let service = HTTPService(router: makeRouter(state: state, openAPI: try loadOpenAPI()), state: state,
                                      gzip: Gzip.compress)
            let server = EventHTTPServer(service: service, configuration: configuration, logger: logger)
            try server.start()
            logger.info("listening", metadata: [
                "server.address": "http://\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host):\(server.port)",
                "server.port": "\(server.port)", "server.threads": "\(configuration.effectiveThreads)",
                "server.max_connections": "\(server.limits.maxConnections)", "server.open_file_limit": "\(server.openFileLimit)",
            ])
            if server.limits.maxConnections > server.openFileLimit {
                logger.warning("maxConnections is over the open-file limit: accepts will pause when descriptors run out", metadata: [
                    "server.max_connections": "\(server.limits.maxConnections)", "server.open_file_limit": "\(server.openFileLimit)",
                ])
            }
            let reloader = Reloader(configuration: configuration, extractors: extractors, state: state, logger: logger, loader: loader)
            let signals = try SignalLoop { reloader.start() }
            signals.run()
            // Drain: /healthz says 503 so that balancers look elsewhere, the listeners close, responses and
            // streams in flight finish, keep-alive connections close as they fall idle.
            let grace = configuration.shutdownGraceSeconds
            logger.info("draining", metadata: ["connections.open": "\(server.openConnections)", "shutdown.grace_seconds": "\(grace)"])
            state.startDraining()
            server.beginDrain()
            if signals.wait(seconds: grace, until: { server.isDrained }) {
                logger.info("drained")
            } else {
                logger.warning("closing the connections still open", metadata: ["connections.open": "\(server.openConnections)"])
            }
            server.stop()
            logger.info("stopped")
        }
    }
}

/// Loads the corpus into a snapshot through `loader` (which reuses the files its last load read unchanged),
/// logging each skipped file. `previous`, the snapshot a reload replaces, lends the indexes of the articles it
/// holds; a reload trims freed memory itself, after the swap.
func loadSnapshot(_ configuration: Configuration, _ loader: IncrementalLoader, _ logger: Logger,
                  previous: CorpusSnapshot? = nil) throws -> CorpusSnapshot {
    let started = Date()
    let result: CorpusLoader.Result
    do {
        result = try loader.load(directory: URL(fileURLWithPath: configuration.dataDirectory))
    } catch {
        throw ValidationError("dataDirectory: \(error)")
    }
    for failure in result.failures {
        logger.warning("skipped a corpus file", metadata: ["file": "\(failure.file)", "reason": "\(failure.reason)"])
    }
    let seconds = Date().timeIntervalSince(started)
    let snapshot = CorpusSnapshot(articles: result.articles, info: .init(
        loadedAt: Date(), loadSeconds: seconds, textBytes: result.bytes,
        failures: result.failures, directory: configuration.dataDirectory), previous: previous)
    if previous == nil { releaseFreedMemory() }
    logger.info("corpus loaded", metadata: [
        "corpus.articles": "\(snapshot.articles.count)", "corpus.skipped": "\(result.failures.count)",
        "corpus.quotes": "\(snapshot.quotes.count)", "corpus.casualties": "\(snapshot.casualties.count)",
        "corpus.entities": "\(snapshot.entities.count)", "corpus.companions_counted": "\(snapshot.companionsCounted)",
        "corpus.extract_seconds": "\(String(format: "%.2f", seconds))",
        "corpus.index_seconds": "\(String(format: "%.2f", snapshot.indexSeconds))",
        "corpus.events": "\(snapshot.events.events.count)",
        "corpus.clustering_seconds": "\(String(format: "%.3f", snapshot.events.seconds))",
        "corpus.load_seconds": "\(String(format: "%.2f", snapshot.loadSeconds))",
        "corpus.load_steps": "\(result.steps.map { "\($0.step)=\(String(format: "%.2f", $0.seconds))" }.joined(separator: ","))",
        "corpus.index_steps": "\(snapshot.indexTimings.map { "\($0.step)=\(String(format: "%.2f", $0.seconds))" }.joined(separator: ","))",
        "corpus.files_read": "\(result.filesRead)", "corpus.files_reused": "\(result.filesReused)",
        "corpus.articles_extracted": "\(result.articlesBuilt)", "corpus.articles_reused": "\(result.articlesReused)",
    ])
    return snapshot
}

/// Reloads the corpus in the background on SIGHUP and swaps the new snapshot in; requests never fail meanwhile.
///
/// A SIGHUP during a reload is queued (one: any number of them during a reload give one more reload, which
/// sees every change made before it starts). After a swap the old snapshot is released once the requests
/// that began on it have finished, and only then is freed memory handed back to the system.
final class Reloader: @unchecked Sendable {
    // @unchecked Sendable: `running`, `pending` and `completed` are read and written only under `lock`.
    private let configuration: Configuration
    private let loader: IncrementalLoader
    private let state: ServerState
    private let logger: Logger
    private let lock = NSLock()
    private var running = false
    private var pending = false
    private var completed = 0
    /// Longest wait for requests still reading the old snapshot before its memory is trimmed anyway.
    let drainSeconds: Double

    /// `loader` is the one the first snapshot came from (its cache is reused); nil starts from an empty one.
    init(configuration: Configuration, extractors: Extractors, state: ServerState, logger: Logger, drainSeconds: Double = 30,
         loader: IncrementalLoader? = nil) {
        self.configuration = configuration
        self.loader = loader ?? IncrementalLoader(CorpusLoader(extractors: extractors, limits: configuration.loadLimits))
        self.state = state
        self.logger = logger
        self.drainSeconds = drainSeconds
    }

    /// Reloads finished so far (swapped in or failed).
    var completedReloads: Int { lock.withLock { completed } }

    /// Whether a reload is running or queued.
    var isBusy: Bool { lock.withLock { running || pending } }

    /// Starts a reload, or queues one when a reload is running.
    func start() {
        let begin = lock.withLock { () -> Bool in
            if running {
                pending = true
                return false
            }
            running = true
            return true
        }
        guard begin else {
            logger.notice("reload queued: one is running")
            return
        }
        Thread.detachNewThread { [self] in
            repeat {
                reloadOnce()
            } while lock.withLock { () -> Bool in
                completed += 1
                if pending {
                    pending = false
                    return true
                }
                running = false
                return false
            }
        }
    }

    /// Loads, swaps, waits for the old snapshot's last reader, releases it, then trims.
    private func reloadOnce() {
        logger.info("reloading the corpus")
        var old: CorpusSnapshot?
        do {
            let snapshot = try loadSnapshot(configuration, loader, logger, previous: state.snapshot)
            let swapStart = Date()
            old = state.replace(with: snapshot)
            // The pages (list items encoded, copied from the old snapshot's where unchanged) are made before the swap.
            logger.info("reloaded", metadata: [
                "corpus.version": "\(snapshot.dataVersion)",
                "corpus.pages_seconds": "\(String(format: "%.2f", Date().timeIntervalSince(swapStart)))",
            ])
        } catch {
            logger.error("reload failed; still serving the previous corpus", metadata: ["error": "\(error)"])
            return
        }
        let deadline = Date().addingTimeInterval(drainSeconds)
        while !isKnownUniquelyReferenced(&old) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        old = nil
        releaseFreedMemory()
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
