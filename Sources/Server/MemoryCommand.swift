import ArgumentParser
import Foundation
import Model

extension Newsdesk {
    /// `newsdesk memory DIR`: loads a corpus as `serve` does and prints where its resident memory goes.
    struct Memory: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a corpus as serve does and print the heap bytes of each structure, per article and in all.")

        @OptionGroup var common: CommonOptions

        @Option(help: "Path components to break structures down to (articles[].fields.entities is 3).")
        var depth = 3

        @Argument(help: "Corpus directory.")
        var directory: String

        func run() throws {
            let (configuration, lexicon) = try common.resolve()
            var stages: [(String, MallocFigures)] = [("start", .now())]
            let extractors = try loadExtractors(lexicon)
            stages.append(("extraction data loaded", .now()))
            // A CorpusLoader rather than serve's IncrementalLoader, to reach the per-file results (`result.cache`)
            // that the incremental loader keeps for the next reload.
            let loader = CorpusLoader(extractors: extractors, limits: configuration.loadLimits)
            let started = Date()
            let result: CorpusLoader.Result
            do {
                result = try loader.load(directory: URL(fileURLWithPath: directory))
            } catch {
                throw ValidationError("\(error)")
            }
            stages.append(("articles read and extracted", .now()))
            let snapshot = CorpusSnapshot(articles: result.articles, info: .init(
                loadedAt: Date(), loadSeconds: Date().timeIntervalSince(started), textBytes: result.bytes,
                failures: result.failures, directory: directory))
            stages.append(("snapshot built", .now()))
            releaseFreedMemory()
            stages.append(("malloc_trim (serving from here)", .now()))

            var account = HeapAccounting(depth: depth)
            account.measure("extractors", extractors)
            for child in Mirror(reflecting: snapshot).children {
                account.measure(child.label ?? "snapshot", child.value)
            }
            account.measure("loadCache", result.cache)
            account.measure("entityPool", EntityPool.shared)

            let articles = Swift.max(snapshot.articles.count, 1)
            let text = result.bytes
            print(String(format: "articles=%d text_bytes=%d (%.0f a article)", snapshot.articles.count, text,
                         Double(text) / Double(articles)))
            print("| stage | RSS MB | heap in use MB | heap free MB | arenas |")
            print("|---|---:|---:|---:|---:|")
            for (name, m) in stages {
                print(String(format: "| %@ | %.1f | %.1f | %.1f | %d |", name, Double(m.rss) / 1e6,
                             Double(m.inUse) / 1e6, Double(m.free) / 1e6, m.arenas))
            }
            print("")
            print("| structure | MB | bytes / article | × text | blocks / article |")
            print("|---|---:|---:|---:|---:|")
            let total = account.rows.reduce(0) { $0 + $1.bytes }
            for row in account.rows where row.bytes > 0 {
                print(String(format: "| %@ | %.2f | %.0f | %.3f | %.1f |", row.category, Double(row.bytes) / 1e6,
                             Double(row.bytes) / Double(articles), Double(row.bytes) / Double(Swift.max(text, 1)),
                             Double(row.blocks) / Double(articles)))
            }
            let last = stages.last!.1
            print(String(format: "| counted, all structures | %.2f | %.0f | %.3f | |", Double(total) / 1e6,
                         Double(total) / Double(articles), Double(total) / Double(Swift.max(text, 1))))
            print(String(format: "| heap in use (malloc_info) | %.2f | %.0f | %.3f | |", Double(last.inUse) / 1e6,
                         Double(last.inUse) / Double(articles), Double(last.inUse) / Double(Swift.max(text, 1))))
            print(String(format: "| RSS | %.2f | %.0f | %.3f | |", Double(last.rss) / 1e6,
                         Double(last.rss) / Double(articles), Double(last.rss) / Double(Swift.max(text, 1))))
            let pool = EntityPool.shared.counts
            print("entity pool: \(pool.strings) strings, \(pool.descriptors) descriptors")
            withExtendedLifetime((snapshot, result)) {}
        }
    }
}

/// Resident size and glibc malloc's own figures (from `malloc_info`), at one moment.
struct MallocFigures {
    var rss = 0, inUse = 0, free = 0, arenas = 0


    static func now() -> MallocFigures {
        var figures = MallocFigures()
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) {
            figures.rss = (Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0) * 1024
        }
        #if canImport(Glibc)
        typealias MallocInfo = @convention(c) (Int32, UnsafeMutablePointer<FILE>?) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_info") else { return figures }
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else { return figures }
        _ = unsafeBitCast(symbol, to: MallocInfo.self)(0, stream)
        fclose(stream)
        guard let buffer else { return figures }
        let xml = String(cString: buffer)
        Glibc.free(buffer)
        // The totals follow the last </heap>: free chunks (fast and rest), mmapped chunks, and the arenas' size.
        let tail = xml.components(separatedBy: "</heap>").last ?? xml
        func attribute(_ tag: String) -> Int {
            guard let range = tail.range(of: tag) else { return 0 }
            let rest = tail[range.upperBound...]
            guard let s = rest.range(of: "size=\"") else { return 0 }
            return Int(rest[s.upperBound...].prefix { $0.isNumber }) ?? 0
        }
        let fast = attribute("<total type=\"fast\""), rest = attribute("<total type=\"rest\"")
        let mmapped = attribute("<total type=\"mmap\""), current = attribute("<system type=\"current\"")
        figures.free = fast + rest
        figures.inUse = current - fast - rest + mmapped
        figures.arenas = xml.components(separatedBy: "<heap nr=").count - 1
        #endif
        return figures
    }
}
