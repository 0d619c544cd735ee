import Benchmark
import Foundation
import Model

/// Instructions and mallocs of each stage of the pipeline over a fixed sample: every iteration runs the stage
/// over the whole sample, so a figure per article is the iteration's figure divided by the sample's article count
/// (the benchmark names give it). Instruction counts are stable on a noisy machine; wall clock is not.
///
/// The sample is the shared dev corpus (`../shared/corpus/dev`, 40 articles), or the folder named by
/// `NEWSDESK_BENCH_CORPUS`.

/// The repository root: this file is Benchmarks/Benchmarks/ExtractionBenchmarks/ExtractionBenchmarks.swift.
let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The sample, read and prepared once: raw articles, their documents, entities and built articles.
struct Sample: @unchecked Sendable {
    let extractors: Extractors
    let raws: [RawArticle]
    let documents: [Document]
    let entities: [[ArticleEntity]]
    let articles: [Article]
    let bytes: Int

    static let shared: Sample = {
        let folder = ProcessInfo.processInfo.environment["NEWSDESK_BENCH_CORPUS"].map { URL(fileURLWithPath: $0) }
            ?? repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev")
        do {
            let extractors = try Extractors(configDirectory: repository.appendingPathComponent("config"))
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
            let raws = try files.map { name in
                try PlainTextFormat.parse(String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), file: name)
            }
            precondition(!raws.isEmpty, "no .txt articles in \(folder.path)")
            let english = extractors.lexicon.english
            let documents = raws.enumerated().map { i, raw in
                Document(id: "a\(i)", date: raw.date, paragraphs: raw.paragraphs, english: english)
            }
            let entities = documents.map { EntityExtractor(lexicon: extractors.lexicon).extract($0) }
            let builder = ArticleBuilder(extractors: extractors)
            let articles = raws.enumerated().map { i, raw in builder.build(raw, id: "a\(i)") }
            let bytes = raws.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.utf8.count } }
            return Sample(extractors: extractors, raws: raws, documents: documents, entities: entities,
                          articles: articles, bytes: bytes)
        } catch {
            fatalError("cannot read the sample at \(folder.path): \(error)")
        }
    }()
}

let benchmarks: @Sendable () -> Void = {
    let sample = Sample.shared
    let n = sample.raws.count
    Benchmark.defaultConfiguration = .init(
        metrics: [.instructions, .mallocCountTotal, .wallClock],
        warmupIterations: 1, scalingFactor: .one, maxDuration: .seconds(3), maxIterations: 20,
        // Instructions vary by a fraction of a percent run to run; a regression is 3% more.
        thresholds: [.instructions: .init(relative: [.p50: 3.0]), .mallocCountTotal: .init(relative: [.p50: 3.0])])

    // Sentence splitting and the one tokenizer: what `Document` does before any extractor runs.
    Benchmark("Tokenizer: Document (\(n) articles)") { _ in
        for raw in sample.raws {
            blackHole(Document(id: "a", date: raw.date, paragraphs: raw.paragraphs, english: sample.extractors.lexicon.english))
        }
    }

    Benchmark("Entities (\(n) articles)") { _ in
        let extractor = EntityExtractor(lexicon: sample.extractors.lexicon)
        for document in sample.documents { blackHole(extractor.extract(document)) }
    }

    Benchmark("Quotes (\(n) articles)") { _ in
        let extractor = QuoteExtractor(lexicon: sample.extractors.lexicon)
        for (document, entities) in zip(sample.documents, sample.entities) {
            blackHole(extractor.extract(document, entities: entities))
        }
    }

    Benchmark("Casualties (\(n) articles)") { _ in
        let extractor = CasualtyExtractor(lexicon: sample.extractors.lexicon)
        for (document, entities) in zip(sample.documents, sample.entities) {
            blackHole(extractor.extract(document, entities: entities))
        }
    }

    // The whole pipeline of one article: document, every extractor, the served article.
    Benchmark("Pipeline: ArticleBuilder (\(n) articles, \(sample.bytes) bytes)") { _ in
        let builder = ArticleBuilder(extractors: sample.extractors)
        for (i, raw) in sample.raws.enumerated() { blackHole(builder.build(raw, id: "a\(i)")) }
    }

    // Every index of the snapshot over the built articles (events, tables, JSON), as a load ends.
    Benchmark("Index build: CorpusSnapshot (\(n) articles)") { _ in
        blackHole(CorpusSnapshot(articles: sample.articles, info: .init(
            loadedAt: Date(timeIntervalSince1970: 0), loadSeconds: 0, textBytes: sample.bytes, failures: [], directory: "")))
    }
}
