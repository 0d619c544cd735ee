import ArgumentParser
import Foundation
import Logging
import Model

/// The `newsdesk` command: serve a corpus, print parsed articles, or check a corpus.
@main
struct Newsdesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsdesk",
        abstract: "An HTTP JSON API over news articles: quotes, entities and casualty figures.",
        subcommands: [Serve.self, Parse.self, Check.self, Memory.self],
        defaultSubcommand: Serve.self)
}

/// Options every subcommand shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "Configuration file (default: config/server.json when present).")
    var config: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    /// Resolves the configuration: defaults <- file <- environment <- these flags (and `extra`), and the
    /// lexicon folder (`LexiconLocation`).
    func resolve(_ extra: [Configuration.Flag] = []) throws -> (Configuration, URL) {
        let path = config ?? "config/server.json"
        let file = config != nil || FileManager.default.fileExists(atPath: path) ? try JSONFileProvider(path: path) : nil
        var flags = extra
        if let logLevel { flags.append(.init(key: "logLevel", label: "--log-level", value: logLevel)) }
        let configuration = try Configuration.resolve(
            file: file, environment: ProcessInfo.processInfo.environment, flags: flags)
        try configuration.validate()
        let lexicon = try LexiconLocation.find(
            configured: configuration.lexiconDirectory, configFile: file.map { _ in URL(fileURLWithPath: path) })
        return (configuration, lexicon)
    }
}

/// Loads the extraction data, failing with a message that names the file.
func loadExtractors(_ directory: URL) throws -> Extractors {
    do {
        return try Extractors(configDirectory: directory)
    } catch {
        throw ValidationError("cannot load extraction data from \(directory.path): \(error)")
    }
}

/// Sets up swift-log once, writing to standard error.
func bootstrapLogging(level: String) -> Logger {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = Logger.Level(rawValue: level) ?? .info
        return handler
    }
    return Logger(label: "newsdesk")
}

extension Newsdesk {
    /// `newsdesk parse FILE...`: prints each article as `GET /articles/{id}` answers it.
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse article files and print each as GET /articles/{id} would answer.")

        @OptionGroup var common: CommonOptions

        @Flag(help: "Print one JSON object mapping each file name to its article (the input of score.py --answers).")
        var answers = false

        @Argument(help: "Article files (.txt, .json, .jsonl).")
        var files: [String]

        func run() throws {
            let (configuration, lexicon) = try common.resolve()
            let loader = CorpusLoader(extractors: try loadExtractors(lexicon), limits: configuration.loadLimits)
            let result = loader.load(files: files, base: nil)
            for failure in result.failures {
                FileHandle.standardError.write(Data("newsdesk: skipped \(failure)\n".utf8))
            }
            var out = JSONWriter(capacity: 1 << 16)
            if answers {
                out.beginObject()
                for article in result.articles {
                    out.key(Self.fileName(article.source.file))
                    out.value(article)
                }
                out.endObject()
                FileHandle.standardOutput.write(Data(out.bytes + [0x0A]))
            } else {
                for article in result.articles {
                    var w = JSONWriter(capacity: 1 << 14)
                    w.beginObject()
                    w.key("data"); w.value(article)
                    w.endObject()
                    FileHandle.standardOutput.write(Data(w.bytes + [0x0A]))
                }
            }
            if !result.failures.isEmpty { throw ExitCode(1) }
        }

        /// The last component of `path` ("a/b.txt" -> "b.txt"), as `NSString.lastPathComponent` gives it; a path
        /// that is empty or ends with "/" goes through `NSString` (which costs about 30,000 instructions a path).
        static func fileName(_ path: String) -> String {
            guard let last = path.utf8.last, last != UInt8(ascii: "/") else { return (path as NSString).lastPathComponent }
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
            return String(path[path.utf8.index(after: slash)...])
        }
    }

    /// `newsdesk check DIR`: loads a corpus and reports every bad file.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a corpus, report every file that cannot be loaded, exit non-zero if any.")

        @OptionGroup var common: CommonOptions

        @Argument(help: "Corpus directory.")
        var directory: String

        func run() throws {
            let (configuration, lexicon) = try common.resolve()
            let started = Date()
            let loader = CorpusLoader(extractors: try loadExtractors(lexicon), limits: configuration.loadLimits)
            let result: CorpusLoader.Result
            do {
                result = try loader.load(directory: URL(fileURLWithPath: directory))
            } catch {
                throw ValidationError("\(error)")
            }
            for failure in result.failures { print("bad: \(failure)") }
            let quotes = result.articles.reduce(0) { $0 + $1.quotes.count }
            let figures = result.articles.reduce(0) { $0 + $1.casualties.count }
            let entities = result.articles.reduce(0) { $0 + $1.entityList.count }
            print(String(format: "%d articles, %d bad files, %d quotes, %d entity mentions, %d figures, %.2f s",
                         result.articles.count, result.failures.count, quotes, entities, figures,
                         Date().timeIntervalSince(started)))
            if !result.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
