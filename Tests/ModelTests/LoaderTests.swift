import Foundation
import Testing
@testable import Model

@Suite struct LoaderTests {
    static let corpus = Fixtures.filesDirectory.appendingPathComponent("corpus")

    static func load() throws -> CorpusLoader.Result {
        try CorpusLoader(extractors: Extractors(lexicon: Fixtures.lexicon), concurrency: 2).load(directory: corpus)
    }

    @Test func goodFilesLoadAndBadOnesAreReportedByName() throws {
        let result = try Self.load()
        let failures = Dictionary(uniqueKeysWithValues: result.failures.map { ($0.file, $0.reason) })
        #expect(failures["no-date.txt"] == "first line does not start with 'date YYYY-MM-DD'")
        #expect(failures["invalid-utf8.txt"] == "invalid UTF-8")
        #expect(failures["empty.txt"] == "empty file")
        #expect(failures["truncated.json"]?.hasPrefix("not JSON") == true)
        #expect(failures["no-date.json"] == "missing field 'date'")
        #expect(failures["records.jsonl:2"] == "line 2: malformed JSON")
        #expect(failures["records.jsonl:3"] == "line 3: invalid date '2021-02-30' (want YYYY-MM-DD)")
        #expect(result.failures.count == 7)
        let dates = result.articles.map(\.date).sorted()
        #expect(dates == ["2021-03-04", "2021-03-05", "2021-03-06", "2021-03-07", "2021-03-08", "2021-03-09"])
    }

    @Test func plainTextFormat() throws {
        let article = try #require(try Self.load().articles.first { $0.source.file == "plain.txt" })
        #expect(article.paragraphs == [
            "Floods hit the valley. Rescue teams arrived on Tuesday.",
            "The river rose overnight. It broke its banks near the bridge.",
            "“We lost everything,” a farmer said.",
        ])
        #expect(article.related == ["Earlier floods in the region"])
        #expect(article.text == article.paragraphs.joined(separator: "\n\n"))
        #expect(article.summary == article.paragraphs[0])
        // index.tsv beside the files gives title and outlet.
        #expect(article.title == "Valley floods")
        #expect(article.source.outlet == "Valley Times")
        #expect(article.id == "2021-03-04-valley-floods")
        #expect(article.wordCount == 26)
    }

    @Test func jsonRecordsKeepTheirMetadata() throws {
        let articles = try Self.load().articles
        let storm = try #require(articles.first { $0.date == "2021-03-05" })
        #expect(storm.title == "Storm warning")
        #expect(storm.source == ArticleSource(file: "articles.json", url: "https://example.org/storm", outlet: "Example"))
        #expect(storm.paragraphs == ["A storm is coming.", "People are told to stay home."])
        let untitled = try #require(articles.first { $0.date == "2021-03-06" })
        #expect(untitled.title == "Second record without a title.")
        #expect(articles.contains { $0.source.file == "nested/deeper.txt" })
    }

    @Test func idsAreStableAndUnique() throws {
        let first = try Self.load().articles.map(\.id)
        let second = try Self.load().articles.map(\.id)
        #expect(first == second)
        #expect(Set(first).count == first.count)
        var ids = IdAllocator()
        #expect(ids.allocate(date: "2021-01-01", title: "Same title here") == "2021-01-01-same-title-here")
        #expect(ids.allocate(date: "2021-01-01", title: "Same title here") == "2021-01-01-same-title-here-2")
        #expect(ids.allocate(date: "2021-01-01", title: "…") == "2021-01-01")
    }

    @Test func missingDirectoryIsAnError() {
        #expect(throws: LoadFailure.self) {
            try CorpusLoader(extractors: Extractors(lexicon: Fixtures.lexicon)).load(directory: URL(fileURLWithPath: "/no/such/dir"))
        }
    }

    @Test(arguments: [
        ("2020-10-12", true), ("2024-02-29", true), ("2023-02-29", false), ("2020-13-40", false),
        ("2020-1-12", false), ("20201012", false), ("2020-10-12x", false), ("", false),
    ])
    func calendarDates(text: String, valid: Bool) {
        #expect(CalendarDate.isValid(text) == valid)
    }

    @Test func seedArticleLoads() throws {
        let seed = Fixtures.repositoryRoot.appendingPathComponent("corpus/sample")
        let result = try CorpusLoader(extractors: Extractors(lexicon: Fixtures.lexicon)).load(directory: seed)
        let article = try #require(result.articles.first)
        #expect(result.failures.isEmpty)
        #expect(article.id == "2020-10-12-azerbaijan-and-armenia-are-fighting")
        #expect(article.title == "Azerbaijan and Armenia are fighting over the Nagorno-Karabakh region.")
        #expect(article.related == [
            "Reports of new Armenia-Azerbaijan clashes dent ceasefire hopes",
            "Armenia and Azerbaijan accuse each other of violating 'fragile' truce",
        ])
        #expect(!article.text.contains("Also read"))
    }
}
